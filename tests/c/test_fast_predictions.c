/*
 * test_fast_predictions.c -- the fast paths of issue 12's diagnostics
 * against independent mpmath figures (tests/independent):
 *  - DERT of BG/NBD and MBG/NBD customers far from CDNOW
 *    (dert_extremes.csv: two mpmath formulas that agree to 1e-12);
 *  - clv_pnbd_pmf_all (every count of one T in one quadrature, used by the
 *    period counts) on every pnbd_pmf row of reference_values.csv.
 * The near-one rows of E[X(t)] (numerics/betanbd.c) are in
 * reference_values.csv and checked by test_extreme_reference.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"
#include "clvkit/diagnostics.h"
#include "models/txmodel.h"

/* the comma-separated fields of one line (at most max) */
static size_t split(char *line, char **f, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(line, ",\n"); tok && n < max; tok = strtok(NULL, ",\n"))
        f[n++] = tok;
    return n;
}

static void test_dert_extremes(void)
{
    FILE *in = fopen(CLV_INDEPENDENT "/dert_extremes.csv", "r");
    CHECK("dert_extremes.csv opens", in != NULL);
    if (!in)
        return;
    char line[512];
    size_t rows = 0;
    double worst = 0;
    if (!fgets(line, sizeof line, in))
        line[0] = 0;
    while (fgets(line, sizeof line, in)) {
        char *f[10];
        if (split(line, f, 10) != 10)
            continue;
        double v[9];
        for (int i = 0; i < 9; i++)
            v[i] = strtod(f[i + 1], NULL);
        clv_model m = {strcmp(f[0], "mbgnbd") ? CLV_MODEL_BGNBD : CLV_MODEL_MBGNBD,
                       {v[0], v[1], v[2], v[3]},
                       CLV_UNIT_NONE};
        double got = NAN;
        clv_status st = clv_tx_dert(&m, v[4], v[5], v[6], v[7], &got, NULL);
        CHECK_STATUS("DERT far from CDNOW", st, CLV_OK);
        CHECK_REL("DERT = mpmath (two ways)", got, v[8], 1e-9);
        double rel = fabs(got - v[8]) / v[8];
        if (!(rel <= worst))
            worst = rel;
        rows++;
    }
    fclose(in);
    CHECK("dert_extremes rows", rows >= 20);
    printf("dert extremes: %zu rows, worst relative difference %.2e\n", rows, worst);
}

static void test_pmf_all(void)
{
    FILE *in = fopen(CLV_INDEPENDENT "/reference_values.csv", "r");
    CHECK("reference_values.csv opens", in != NULL);
    if (!in)
        return;
    char line[1024];
    size_t rows = 0;
    double worst[2] = {0, 0};
    while (fgets(line, sizeof line, in)) {
        char *f[11];
        if (split(line, f, 11) != 11 || strcmp(f[0], "pnbd_pmf"))
            continue;
        int extreme = !strcmp(f[1], "extreme");
        double p[4], n = strtod(f[6], NULL), t = strtod(f[7], NULL), want = strtod(f[10], NULL);
        for (int i = 0; i < 4; i++)
            p[i] = strtod(f[2 + i], NULL);
        if (n > 63)
            continue;
        double out[64];
        clv_status st = clv_pnbd_pmf_all(p, (size_t)n + 1, t, out);
        double got = out[(size_t)n];
        int ok;
        if (st != CLV_OK)
            ok = extreme && st == CLV_ELOSS;
        else if (want < 1e-290)
            ok = isfinite(got) && got < 1e-280;
        else {
            double rel = fabs(got - want) / want;
            if (!(rel <= worst[extreme]))
                worst[extreme] = rel;
            ok = rel <= (extreme ? 1e-8 : 1e-10);
        }
        if (!ok)
            fprintf(stderr,
                    "  pnbd_pmf_all p=(%g,%g,%g,%g) n=%g t=%g: status %d got %.17g want %.17g\n",
                    p[0], p[1], p[2], p[3], n, t, (int)st, got, want);
        CHECK("clv_pnbd_pmf_all = mpmath (FHL 2006)", ok);
        rows++;
    }
    fclose(in);
    CHECK("pnbd_pmf rows", rows >= 60);
    printf("pnbd pmf_all: %zu rows, worst relative difference %.2e normal, %.2e extreme\n", rows,
           worst[0], worst[1]);
}

int main(void)
{
    test_dert_extremes();
    test_pmf_all();
    return check_report("test_fast_predictions");
}
