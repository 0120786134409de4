/*
 * refdata.h -- the reference data sets (shared/refdata, see its README),
 * loaded for the model tests.  The directory comes from CMake
 * (CLV_REFDATA); a missing file is a test failure that says so, never a
 * silent skip.
 */
#ifndef CLVKIT_TEST_REFDATA_H
#define CLVKIT_TEST_REFDATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CLV_REFDATA
#error "CLV_REFDATA must name the reference data directory"
#endif

#define REFDATA_MAXROWS 70000

static inline const char *refdata_path(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", CLV_REFDATA, name);
    return buf;
}

static inline FILE *refdata_open(const char *name)
{
    FILE *f = fopen(refdata_path(name), "r");
    if (!f) {
        fprintf(stderr,
                "FATAL: reference data %s not found: the model tests need "
                "shared/refdata next to the checkout (CLVKIT_REFDATA)\n",
                refdata_path(name));
        exit(2);
    }
    return f;
}

/* A CDNOW summary: x, t_x, T, and (when the file has them) x.star and the
 * mean repeat value. */
typedef struct {
    size_t n;
    char id[2400][8];
    double x[2400], t_x[2400], T[2400], x_star[2400], m_x[2400];
} cbs_data;

typedef int (*refdata_line)(const char *line, cbs_data *d, size_t i);

/* Reads a file's rows after its header line, one per parse() success. */
static inline void refdata_load(const char *name, refdata_line parse, cbs_data *d)
{
    FILE *f = refdata_open(name);
    char line[256];
    d->n = 0;
    if (!fgets(line, sizeof line, f))
        exit(2);
    while (d->n < 2400 && fgets(line, sizeof line, f))
        d->n += parse(line, d, d->n);
    fclose(f);
}

/* btyd_cdnowSummary_cbs.csv: cust, x, t.x, T.cal, x.star, m.x (exact). */
static inline int cbs_line(const char *line, cbs_data *d, size_t i)
{
    return sscanf(line, "\"%7[^\"]\",%lf,%lf,%lf,%lf,%lf", d->id[i], &d->x[i], &d->t_x[i], &d->T[i],
                  &d->x_star[i], &d->m_x[i]) == 6;
}

/* lifetimes_cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T,
 * zbar (2 decimals; Hardie's published rounding). */
static inline int lifetimes_line(const char *line, cbs_data *d, size_t i)
{
    return sscanf(line, "%7[^,],%lf,%lf,%lf,%lf", d->id[i], &d->x[i], &d->t_x[i], &d->T[i],
                  &d->m_x[i]) == 5;
}

static inline void load_cbs(cbs_data *d)
{
    refdata_load("btyd_cdnowSummary_cbs.csv", cbs_line, d);
}

static inline void load_lifetimes_summary(cbs_data *d)
{
    refdata_load("lifetimes_cdnow_customers_summary_with_transactions.csv", lifetimes_line, d);
}

#endif /* CLVKIT_TEST_REFDATA_H */
