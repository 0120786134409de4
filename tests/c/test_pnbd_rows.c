/*
 * test_pnbd_rows.c -- the Pareto/NBD fit's tabulated rows (pnbd_rows.c)
 * against independent mpmath values (tests/independent/pnbd_rows.csv, made
 * by pnbd_rows.py: the FHL 2005 2F1 form at 30 and 45 digits, checked by
 * quadrature): ln L and its gradient per customer, alone and eight of one
 * parameter point together (the rows share blocks), in the regimes the
 * script names (fit-like, z near 1, x up to 10^4, parameters 1e-3..1e4,
 * t_x = 0, t_x = T, t_x a hair below T).  The row-by-row oracle of
 * test_fastfit is held to the same figures.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "models/model.h"
#include "models/txmodel.h"

#define MAXROWS 1024

typedef struct {
    int group;
    char regime[16];
    double p[4], c[3], want[5];
} ref_row;

static size_t load(ref_row *rows)
{
    FILE *in = fopen(CLV_INDEPENDENT "/pnbd_rows.csv", "r");
    char line[1024];
    size_t n = 0;
    if (!CHECK("pnbd_rows.csv opens", in != NULL))
        return 0;
    if (!fgets(line, sizeof line, in)) { /* header */
        fclose(in);
        return 0;
    }
    while (n < MAXROWS && fgets(line, sizeof line, in)) {
        ref_row *r = &rows[n];
        char *tok = strtok(line, ",");
        r->group = atoi(tok);
        tok = strtok(NULL, ",");
        snprintf(r->regime, sizeof r->regime, "%s", tok);
        double *dst[12] = {&r->p[0],    &r->p[1],    &r->p[2],    &r->p[3],
                           &r->c[0],    &r->c[1],    &r->c[2],    &r->want[0],
                           &r->want[1], &r->want[2], &r->want[3], &r->want[4]};
        for (int k = 0; k < 12; k++) {
            tok = strtok(NULL, ",\n");
            *dst[k] = tok ? strtod(tok, NULL) : NAN;
        }
        n++;
    }
    fclose(in);
    return n;
}

/* ln L and gradient of rows[0..m) (one parameter point) by the given
 * evaluation; 0 on success. */
static int evaluate(const ref_row *rows, size_t m, int mode, double *ll, double *g)
{
    double x[8], t_x[8], T[8];
    for (size_t i = 0; i < m; i++)
        x[i] = rows[i].c[0], t_x[i] = rows[i].c[1], T[i] = rows[i].c[2];
    const double *cols[3] = {x, t_x, T};
    clv_patterns pat;
    if (clv_patterns_build(cols, 3, NULL, m, &pat) != CLV_OK)
        return 1;
    void *d = clv_pnbd_data_create_mode(&pat, mode);
    int fail = !d || clv_pnbd_loglik(rows[0].p, ll, g, d);
    clv_pnbd_data_free(d);
    clv_patterns_free(&pat);
    return fail;
}

/* Relative error of a gradient against its reference: scaled by the
 * larger of |want| and 1 (a gradient near 0 is checked absolutely). */
static double gerr(const double *got, const double *want)
{
    double e = 0;
    for (int k = 0; k < 4; k++)
        e = fmax(e, fabs(got[k] - want[k]) / fmax(1, fabs(want[k])));
    return e;
}

int main(void)
{
    static ref_row rows[MAXROWS];
    size_t n = load(rows);
    CHECK("pnbd_rows.csv has the five regimes' rows", n >= 100);
    static const char *names[2] = {"tables", "row by row"};
    for (int mode = PNBD_CHUNKED; mode >= PNBD_SERIAL; mode--) {
        double worst = 0, worst_g = 0, worst_sum = 0;
        /* each customer alone */
        for (size_t i = 0; i < n; i++) {
            double ll, g[4];
            if (!CHECK("one customer evaluates", evaluate(&rows[i], 1, mode, &ll, g) == 0))
                continue;
            double e = fabs(ll - rows[i].want[0]) / fmax(1, fabs(rows[i].want[0]));
            double eg = gerr(g, rows[i].want + 1);
            worst = fmax(worst, e), worst_g = fmax(worst_g, eg);
            if (e > 1e-12 || eg > 1e-9)
                fprintf(stderr,
                        "  %s %s: r %g alpha %g s %g beta %g x %g t_x %.17g T %.17g: "
                        "ln L %.3g, gradient %.3g off\n",
                        names[mode == PNBD_SERIAL], rows[i].regime, rows[i].p[0], rows[i].p[1],
                        rows[i].p[2], rows[i].p[3], rows[i].c[0], rows[i].c[1], rows[i].c[2], e,
                        eg);
        }
        /* the customers of one parameter point together */
        for (size_t i = 0; i < n;) {
            size_t m = 1;
            while (i + m < n && m < 8 && rows[i + m].group == rows[i].group)
                m++;
            double ll, g[4], want[5] = {0, 0, 0, 0, 0};
            for (size_t k = 0; k < m; k++)
                for (int q = 0; q < 5; q++)
                    want[q] += rows[i + k].want[q];
            if (CHECK("a group evaluates", evaluate(&rows[i], m, mode, &ll, g) == 0))
                worst_sum = fmax(worst_sum, fmax(fabs(ll - want[0]) / fmax(1, fabs(want[0])),
                                                 gerr(g, want + 1)));
            i += m;
        }
        fprintf(stderr, "%s: worst relative error ln L %.3g, gradient %.3g, groups %.3g\n",
                names[mode == PNBD_SERIAL], worst, worst_g, worst_sum);
        CHECK("ln L of every customer within 1e-12 of mpmath", worst <= 1e-12);
        CHECK("gradient of every customer within 1e-9 of mpmath", worst_g <= 1e-9);
        CHECK("groups of customers within 1e-9 of mpmath", worst_sum <= 1e-9);
    }
    return check_report("test_pnbd_rows");
}
