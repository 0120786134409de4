/*
 * test_extreme_reference.c -- every model prediction against the
 * independent mpmath values of tests/independent/reference_values.csv
 * (written by tests/independent/reference.py from the papers' formulas,
 * never from clvkit).
 *
 * The promise of docs/models.md ("Accuracy"): on success the value agrees
 * with the reference to REL_NORMAL relative in the normal range and to
 * REL_EXTREME at the extremes; a true value below 1e-290 may come back as
 * anything below 1e-280 (it is 0 or a subnormal in double); a status other
 * than OK is allowed only where the header promises one (CLV_ELOSS, value
 * written, or CLV_ERANGE / CLV_ENOCONV), never in the normal range, and it
 * is counted.  Prints the worst relative error per function and regime.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"

#define REL_NORMAL 1e-10
#define REL_EXTREME 1e-8
#define TINY 1e-290

static const struct {
    const char *name;
    clv_model_kind kind;
} funcs[] = {
    {"bgnbd_palive", CLV_MODEL_BGNBD},   {"bgnbd_expected", CLV_MODEL_BGNBD},
    {"bgnbd_pmf", CLV_MODEL_BGNBD},      {"bgnbd_conditional", CLV_MODEL_BGNBD},
    {"mbgnbd_palive", CLV_MODEL_MBGNBD}, {"mbgnbd_expected", CLV_MODEL_MBGNBD},
    {"mbgnbd_pmf", CLV_MODEL_MBGNBD},    {"mbgnbd_conditional", CLV_MODEL_MBGNBD},
    {"pnbd_palive", CLV_MODEL_PNBD},     {"pnbd_expected", CLV_MODEL_PNBD},
    {"pnbd_pmf", CLV_MODEL_PNBD},        {"pnbd_conditional", CLV_MODEL_PNBD},
    {"gg_spend", CLV_MODEL_GG},          {"sbg_survival", CLV_MODEL_SBG},
    {"sbg_retention", CLV_MODEL_SBG},    {"sbg_churn", CLV_MODEL_SBG},
    {"sbg_del", CLV_MODEL_SBG},          {"sbg_derl", CLV_MODEL_SBG},
    {"bgbb_palive", CLV_MODEL_BGBB},     {"bgbb_conditional", CLV_MODEL_BGBB},
    {"bgbb_expected", CLV_MODEL_BGBB},   {"bgbb_pmf", CLV_MODEL_BGBB},
};
#define NFUNCS (sizeof funcs / sizeof funcs[0])

/* per function and regime (0 normal, 1 extreme) */
static double worst[NFUNCS][2]; /* worst relative error */
static size_t nrows[NFUNCS][2], nstatus[NFUNCS][2];

/* The prediction `f` of model m at arguments a[], by its C function. */
static clv_status predict(size_t f, const clv_model *m, const double *a, double *v)
{
    const char *op = strchr(funcs[f].name, '_') + 1;
    switch (m->kind) {
    case CLV_MODEL_BGNBD:
    case CLV_MODEL_MBGNBD:
    case CLV_MODEL_PNBD:
        if (!strcmp(op, "palive"))
            return clv_tx_palive(m, a[0], a[1], a[2], v, NULL);
        if (!strcmp(op, "expected"))
            return clv_tx_expected(m, a[0], v, NULL);
        if (!strcmp(op, "pmf"))
            return clv_tx_pmf(m, a[0], a[1], v, NULL);
        return clv_tx_conditional_expected(m, a[0], a[1], a[2], a[3], v, NULL);
    case CLV_MODEL_GG:
        return clv_gg_spend(m, a[0], a[1], v, NULL);
    case CLV_MODEL_SBG:
        if (!strcmp(op, "survival"))
            return clv_sbg_survival(m, a[0], v, NULL);
        if (!strcmp(op, "retention"))
            return clv_sbg_retention(m, a[0], v, NULL);
        if (!strcmp(op, "churn"))
            return clv_sbg_churn(m, a[0], v, NULL);
        if (!strcmp(op, "del"))
            return clv_sbg_del(m, a[0], v, NULL);
        return clv_sbg_derl(m, a[0], a[1], v, NULL);
    default:
        if (!strcmp(op, "palive"))
            return clv_bgbb_palive(m, a[0], a[1], a[2], v, NULL);
        if (!strcmp(op, "expected"))
            return clv_bgbb_expected(m, a[0], v, NULL);
        if (!strcmp(op, "pmf"))
            return clv_bgbb_pmf(m, a[0], a[1], v, NULL);
        return clv_bgbb_conditional_expected(m, a[0], a[1], a[2], a[3], v, NULL);
    }
}

static size_t find(const char *name)
{
    for (size_t f = 0; f < NFUNCS; f++)
        if (!strcmp(funcs[f].name, name))
            return f;
    return NFUNCS;
}

static int shown;

static void one_row(size_t f, int extreme, const double *p, const double *a, double want)
{
    clv_model m = {funcs[f].kind, {p[0], p[1], p[2], p[3]}, CLV_UNIT_NONE};
    double got = NAN;
    clv_status st = predict(f, &m, a, &got);
    nrows[f][extreme]++;
    int ok;
    double rel = 0;
    if (st != CLV_OK) {
        nstatus[f][extreme]++;
        ok = extreme && (st == CLV_ELOSS || st == CLV_ERANGE || st == CLV_ENOCONV);
        if (st == CLV_ELOSS && ok) /* the value is written: still compare */
            rel = fabs(got - want) / fabs(want);
    } else if (fabs(want) < TINY) {
        ok = isfinite(got) && fabs(got) < 1e-280;
    } else {
        rel = fabs(got - want) / fabs(want);
        ok = isfinite(got) && rel <= (extreme ? REL_EXTREME : REL_NORMAL);
    }
    if (rel > worst[f][extreme] || isnan(rel))
        worst[f][extreme] = isnan(rel) ? INFINITY : rel;
    if (!ok && shown++ < 30)
        fprintf(stderr,
                "  %s (%s) p=(%.6g,%.6g,%.6g,%.6g) a=(%.17g,%.17g,%.17g,%.17g)"
                ": status %d got %.17g want %.17g\n",
                funcs[f].name, extreme ? "extreme" : "normal", p[0], p[1], p[2], p[3], a[0], a[1],
                a[2], a[3], (int)st, got, want);
    CHECK("agrees with the mpmath reference", ok);
}

int main(void)
{
    const char *path = CLV_INDEPENDENT "/reference_values.csv";
    FILE *in = fopen(path, "r");
    if (!in) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    char line[1024];
    size_t rows = 0;
    if (!fgets(line, sizeof line, in)) /* header */
        line[0] = 0;
    while (fgets(line, sizeof line, in)) {
        char *fields[11];
        size_t nf = 0;
        for (char *tok = strtok(line, ",\n"); tok && nf < 11; tok = strtok(NULL, ",\n"))
            fields[nf++] = tok;
        size_t f = nf == 11 ? find(fields[0]) : NFUNCS;
        CHECK("a known function in each row", f < NFUNCS);
        if (f == NFUNCS)
            continue;
        double p[4], a[4];
        for (int i = 0; i < 4; i++) {
            p[i] = strtod(fields[2 + i], NULL);
            a[i] = strtod(fields[6 + i], NULL);
        }
        /* a reference beyond double's range reads as 0 or inf */
        one_row(f, !strcmp(fields[1], "extreme"), p, a, strtod(fields[10], NULL));
        rows++;
    }
    fclose(in);
    printf("%-20s %6s %10s %6s %6s %10s %6s\n", "function", "normal", "worst", "status", "extr.",
           "worst", "status");
    for (size_t f = 0; f < NFUNCS; f++) {
        printf("%-20s %6zu %10.2e %6zu %6zu %10.2e %6zu\n", funcs[f].name, nrows[f][0], worst[f][0],
               nstatus[f][0], nrows[f][1], worst[f][1], nstatus[f][1]);
        CHECK("every function has reference rows in both regimes",
              nrows[f][0] > 0 && nrows[f][1] > 0);
    }
    printf("%zu reference rows\n", rows);
    return check_report("test_extreme_reference");
}
