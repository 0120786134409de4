/*
 * bench_diagnostics.c -- speed of the holdout diagnostics, DERT and the
 * bootstrap on CDNOW, and the coverage of the 90 % intervals on cohorts
 * simulated from known BG/NBD parameters (bench/README.md, "##
 * Diagnostics").  Not a test: run it on a quiet machine and read the
 * medians.
 *
 *   cmake --build build --target bench_diagnostics
 *   build/bench/bench_diagnostics [cohorts [bootstrap-cohorts]]
 *
 * Every time is printed next to one BG/NBD fit of CDNOW measured in the
 * same run (the baseline), so a loaded machine shows as a slow baseline.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clvkit/clvkit.h"
#include "clvkit/diagnostics.h"
#include "clvkit/intervals.h"
#include "simulate.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

#define RUNS 15
static double med(double *v)
{
    qsort(v, RUNS, sizeof *v, cmp);
    return v[RUNS / 2];
}

static clv_txlog *log_;
static clv_rfm *s;
static clv_model bg, mbg, pnbd, gg;
static clv_fit_info bginfo;

static void setup(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/btyd_cdnowElog.csv", CLV_REFDATA);
    clv_csv_options o = {"sampleid", "date", "sales", ','};
    clv_rfm_options ro;
    clv_rfm_options_init(&ro);
    ro.unit = CLV_UNIT_WEEK;
    clv_day_from_ymd(1997, 9, 30, &ro.calibration_end);
    if (clv_txlog_read_csv(path, &o, NULL, NULL, &log_, NULL) != CLV_OK ||
        clv_rfm_summarize(log_, &ro, &s, NULL) != CLV_OK ||
        clv_tx_fit(CLV_MODEL_BGNBD, s->x, s->t_x, s->T, NULL, s->n, CLV_UNIT_WEEK, NULL, &bg,
                   &bginfo, NULL) != CLV_OK ||
        clv_tx_fit(CLV_MODEL_MBGNBD, s->x, s->t_x, s->T, NULL, s->n, CLV_UNIT_WEEK, NULL, &mbg,
                   NULL, NULL) != CLV_OK ||
        clv_tx_fit(CLV_MODEL_PNBD, s->x, s->t_x, s->T, NULL, s->n, CLV_UNIT_WEEK, NULL, &pnbd, NULL,
                   NULL) != CLV_OK ||
        clv_gg_fit(s->x, s->mean_value, NULL, s->n, NULL, &gg, NULL, NULL) != CLV_OK) {
        fprintf(stderr, "cannot read or fit CDNOW from %s\n", path);
        exit(1);
    }
}

static double baseline_ms(void)
{
    double t[RUNS];
    for (int k = 0; k < RUNS; k++) {
        clv_model m;
        double t0 = now();
        clv_tx_fit(CLV_MODEL_BGNBD, s->x, s->t_x, s->T, NULL, s->n, CLV_UNIT_WEEK, NULL, &m, NULL,
                   NULL);
        t[k] = now() - t0;
    }
    return 1e3 * med(t);
}

static void row(const char *what, double ms, double base)
{
    printf("| %s | %.3f ms | %.2f |\n", what, ms, ms / base);
}

static void speed(void)
{
    double base = baseline_ms();
    printf("| CDNOW (2,357 customers) | median | x BG/NBD fit |\n|---|---|---|\n");
    row("BG/NBD fit (baseline)", base, base);
    const clv_model *models[3] = {&bg, &mbg, &pnbd};
    const char *names[3] = {"BG/NBD", "MBG/NBD", "Pareto/NBD"};
    char what[128];
    for (int m = 0; m < 3; m++) {
        double t[RUNS], a[RUNS], h[RUNS], d[RUNS];
        for (int k = 0; k < RUNS; k++) {
            clv_tracking *tr;
            double act[8], ex[8], cnt[8], t0 = now();
            clv_tracking_log(models[m], log_, 1, 0, NAN, &tr, NULL);
            t[k] = now() - t0;
            clv_tracking_free(tr);
            t0 = now();
            clv_period_counts(models[m], s->x, s->T, NULL, s->n, 7, act, ex, NULL);
            a[k] = now() - t0;
            t0 = now();
            clv_holdout_by_frequency(models[m], 39, s->x, s->t_x, s->T, s->x_holdout, NULL, s->n, 7,
                                     cnt, act, ex, NULL, NULL);
            h[k] = now() - t0;
            t0 = now();
            for (size_t i = 0; i < s->n; i += 10) {
                double v;
                clv_tx_dert(models[m], 0.0019, s->x[i], s->t_x[i], s->T[i], &v, NULL);
            }
            d[k] = (now() - t0) / (double)((s->n + 9) / 10);
        }
        snprintf(what, sizeof what, "%s tracking, 78 weeks", names[m]);
        row(what, 1e3 * med(t), base);
        snprintf(what, sizeof what, "%s period counts 0..7+", names[m]);
        row(what, 1e3 * med(a), base);
        snprintf(what, sizeof what, "%s holdout by frequency", names[m]);
        row(what, 1e3 * med(h), base);
        snprintf(what, sizeof what, "%s DERT, one customer", names[m]);
        row(what, 1e3 * med(d), base);
    }
    for (size_t th = 1; th <= 2; th++) {
        double t[5];
        for (int k = 0; k < 5; k++) {
            clv_bootstrap_options o = {200, 7, th, NULL, NULL};
            clv_bootstrap *b;
            double t0 = now();
            clv_bootstrap_fit(CLV_MODEL_BGNBD, s->x, s->t_x, s->T, NULL, s->n, CLV_UNIT_WEEK, &o,
                              &b, NULL);
            t[k] = now() - t0;
            clv_bootstrap_free(b);
        }
        qsort(t, 5, sizeof *t, cmp);
        snprintf(what, sizeof what, "BG/NBD bootstrap, 200 replicates, %zu thread%s", th,
                 th > 1 ? "s" : "");
        row(what, 1e3 * t[2], base);
    }
}

/* Coverage of the 90 % intervals on `cohorts` simulated cohorts of N
 * BG/NBD customers; the bootstrap (100 replicates) on the first
 * `boot_cohorts` of them. */
static void coverage(int cohorts, int boot_cohorts)
{
    enum { N = 2000 };
    static const double truth[4] = {0.25, 4.0, 0.8, 2.5};
    static double x[N], tx[N], T[N];
    const clv_model tm = {CLV_MODEL_BGNBD, {0.25, 4.0, 0.8, 2.5}, CLV_UNIT_WEEK};
    double qx = 2, qtx = 20, qT = 35, ex_true, pa_true, dert_true;
    clv_tx_expected(&tm, 52, &ex_true, NULL);
    clv_tx_palive(&tm, qx, qtx, qT, &pa_true, NULL);
    clv_tx_dert(&tm, 0.0019, qx, qtx, qT, &dert_true, NULL);
    const double tv[7] = {truth[0], truth[1], truth[2], truth[3], ex_true, pa_true, dert_true};
    const char *names[7] = {
        "r", "alpha", "a", "b", "E[X(52)]", "P(alive | 2, 20, 35)", "DERT(0.0019 | 2, 20, 35)"};
    int dh[7] = {0}, bh[7] = {0}, fits = 0, bfits = 0;
    sim_rng g = {1997};
    for (int c = 0; c < cohorts; c++) {
        for (int i = 0; i < N; i++)
            T[i] = 27 + 12 * sim_uniform(&g);
        sim_bgnbd(&g, truth, T, N, x, tx);
        clv_model m;
        clv_fit_info info;
        if (clv_tx_fit(CLV_MODEL_BGNBD, x, tx, T, NULL, N, CLV_UNIT_WEEK, NULL, &m, &info, NULL) !=
            CLV_OK)
            continue;
        fits++;
        clv_interval iv[7];
        clv_param_intervals(&m, info.cov, 0.9, iv, NULL);
        clv_prediction p[3] = {{CLV_PRED_EXPECTED, 52, 0, 0, NULL, NULL, NULL, NULL, 1},
                               {CLV_PRED_PALIVE, 0, 0, 0, &qx, &qtx, &qT, NULL, 1},
                               {CLV_PRED_DERT, 0, 0.0019, 0, &qx, &qtx, &qT, NULL, 1}};
        for (int j = 0; j < 3; j++)
            clv_interval_delta(&m, info.cov, NULL, NULL, &p[j], 0.9, &iv[4 + j], NULL);
        for (int j = 0; j < 7; j++)
            dh[j] += iv[j].lower <= tv[j] && tv[j] <= iv[j].upper;
        if (c >= boot_cohorts)
            continue;
        clv_bootstrap_options o = {100, (uint64_t)c + 1, 0, NULL, NULL};
        clv_bootstrap *b;
        if (clv_bootstrap_fit(CLV_MODEL_BGNBD, x, tx, T, NULL, N, CLV_UNIT_WEEK, &o, &b, NULL) !=
            CLV_OK)
            continue;
        bfits++;
        clv_param_intervals_bootstrap(b, 0.9, iv, NULL, NULL);
        for (int j = 0; j < 3; j++)
            clv_interval_bootstrap(b, &p[j], 0.9, &iv[4 + j], NULL);
        for (int j = 0; j < 7; j++)
            bh[j] += iv[j].lower <= tv[j] && tv[j] <= iv[j].upper;
        clv_bootstrap_free(b);
    }
    printf("\nCoverage of 90 %% intervals, BG/NBD (0.25, 4, 0.8, 2.5), %d "
           "customers a cohort, T uniform in [27, 39] weeks:\n\n",
           N);
    printf("| quantity | delta method (%d cohorts) | bootstrap, 100 "
           "replicates (%d cohorts) |\n|---|---|---|\n",
           fits, bfits);
    for (int j = 0; j < 7; j++)
        printf("| %s | %.1f %% | %.1f %% |\n", names[j], fits ? 100.0 * dh[j] / fits : NAN,
               bfits ? 100.0 * bh[j] / bfits : NAN);
}

int main(int argc, char **argv)
{
    int cohorts = argc > 1 ? atoi(argv[1]) : 200;
    int boot_cohorts = argc > 2 ? atoi(argv[2]) : 50;
    setup();
    speed();
    coverage(cohorts, boot_cohorts);
    clv_rfm_free(s);
    clv_txlog_free(log_);
    return 0;
}
