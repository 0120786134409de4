/*
 * bench_models.c -- fit times of the predictive models (bench/README.md,
 * "## Models").  Not a test: run it on a quiet machine and read the
 * medians.
 *
 *   cmake --build build --target bench_models && build/bench/bench_models
 *
 * 1. CDNOW (2,357 customers, shared/refdata): each model's fit, median of
 *    many runs, plus reading the event log and summarising it.
 * 2. BG/NBD on 10k, 100k and 1M customers simulated from known parameters
 *    (FHL 2005's CDNOW estimates), with purchases recorded by day as a real
 *    log would be, each size in its own process so its peak memory is its
 *    own: fit time, recovered parameters, peak resident memory.
 * 3. Retention: sBG on the High End segment, BG/BB on the donations, and
 *    the cohort table and early value of the full CDNOW log (69,659 rows).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clvkit/clvkit.h"
#include "synth.h"

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

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static double peak_mb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

/* ---- CDNOW --------------------------------------------------------------- */

static clv_rfm *cdnow(double *read_ms, double *rfm_ms)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/btyd_cdnowElog.csv", CLV_REFDATA);
    clv_csv_options o = {"sampleid", "date", "sales", ','};
    clv_rfm_options ro;
    clv_rfm_options_init(&ro);
    ro.unit = CLV_UNIT_WEEK;
    clv_day_from_ymd(1997, 9, 30, &ro.calibration_end);
    double tr[21], ts[21];
    clv_rfm *s = NULL;
    for (int k = 0; k < 21; k++) {
        clv_txlog *log;
        double t0 = now();
        if (clv_txlog_read_csv(path, &o, NULL, NULL, &log, NULL) != CLV_OK) {
            fprintf(stderr, "cannot read %s\n", path);
            exit(1);
        }
        double t1 = now();
        clv_rfm_free(s);
        clv_rfm_summarize(log, &ro, &s, NULL);
        ts[k] = (now() - t1) * 1e3;
        tr[k] = (t1 - t0) * 1e3;
        clv_txlog_free(log);
    }
    *read_ms = median(tr, 21);
    *rfm_ms = median(ts, 21);
    return s;
}

static void bench_cdnow(void)
{
    double read_ms, rfm_ms;
    clv_rfm *s = cdnow(&read_ms, &rfm_ms);
    printf("CDNOW, 2,357 customers (median of 101 fits)\n");
    printf("  %-26s %9s %9s  %s\n", "", "ms", "lifetimes", "result");
    printf("  %-26s %9.3f %9s  6,919 rows\n", "read event log (CSV)", read_ms, "");
    printf("  %-26s %9.3f %9s  946 repeat buyers\n", "RFM summary", rfm_ms, "");
    static const struct {
        clv_model_kind kind;
        const char *name, *peer;
    } models[] = {{CLV_MODEL_BGNBD, "BG/NBD fit", "51"},
                  {CLV_MODEL_MBGNBD, "MBG/NBD fit", "50"},
                  {CLV_MODEL_PNBD, "Pareto/NBD fit", "266"},
                  {CLV_MODEL_GG, "Gamma-Gamma fit", "25"}};
    for (int k = 0; k < 4; k++) {
        double t[101];
        clv_model m;
        clv_fit_info info;
        clv_status st = CLV_OK;
        for (int i = 0; i < 101; i++) {
            double t0 = now();
            st = models[k].kind == CLV_MODEL_GG
                     ? clv_gg_fit(s->x, s->mean_value, NULL, s->n, NULL, &m, &info, NULL)
                     : clv_tx_fit(models[k].kind, s->x, s->t_x, s->T, NULL, s->n, CLV_UNIT_WEEK,
                                  NULL, &m, &info, NULL);
            t[i] = (now() - t0) * 1e3;
        }
        printf("  %-26s %9.3f %9s  ", models[k].name, median(t, 101), models[k].peer);
        if (st != CLV_OK)
            printf("failed: %s\n", clv_strerror(st));
        else if (models[k].kind == CLV_MODEL_GG)
            printf("%.4f %.4f %.4f  LL %.4f\n", m.param[0], m.param[1], m.param[2], info.loglik);
        else
            printf("%.4f %.4f %.4f %.4f  LL %.4f\n", m.param[0], m.param[1], m.param[2], m.param[3],
                   info.loglik);
    }
    clv_rfm_free(s);
}

/* ---- simulated customers ------------------------------------------------- */

/* The customers are synth.h's (BG/NBD, first purchases in the first 12
 * weeks, observed to week 39; exact times or recorded by calendar day). */

static void bench_size(size_t n, int continuous)
{
    static const double truth[4] = {0.243, 4.414, 0.793, 2.426};
    double *x = malloc(n * sizeof *x), *t_x = malloc(n * sizeof *t_x), *T = malloc(n * sizeof *T);
    if (!x || !t_x || !T)
        exit(1);
    synth_bgnbd(n, truth, continuous, x, t_x, T);
    double before = peak_mb();
    int runs = continuous ? 3 : n >= 1000000 ? 5 : 11;
    double t[11];
    clv_model m;
    clv_fit_info info;
    clv_status st = CLV_OK;
    for (int k = 0; k < runs; k++) {
        double t0 = now();
        st = clv_tx_fit(CLV_MODEL_BGNBD, x, t_x, T, NULL, n, CLV_UNIT_WEEK, NULL, &m, &info, NULL);
        t[k] = (now() - t0) * 1e3;
    }
    double ms = median(t, (size_t)runs);
    printf("  %9zu%s %8zu %9.1f %7.1f %6.1f %6.1f  ", n, continuous ? "*" : " ", info.distinct, ms,
           1e6 * ms / (double)n, peak_mb(), peak_mb() - before);
    if (st != CLV_OK)
        printf("failed: %s\n", clv_strerror(st));
    else
        printf("%.4f %.4f %.4f %.4f\n", m.param[0], m.param[1], m.param[2], m.param[3]);
    free(x), free(t_x), free(T);
}

/* ---- retention ----------------------------------------------------------- */

static double time_median(clv_status (*fn)(void *), void *ctx, int runs, clv_status *st)
{
    double t[1001];
    for (int i = 0; i < runs; i++) {
        double t0 = now();
        *st = fn(ctx);
        t[i] = (now() - t0) * 1e3;
    }
    return median(t, (size_t)runs);
}

typedef struct {
    clv_model m;
    clv_fit_info info;
    double x[22], tx[22], n[22], w[22];
    clv_txlog *log;
    clv_cohort_table *table;
    clv_early_value *ev;
} ret_ctx;

static const double highend[8] = {1000, 869, 743, 653, 593, 551, 517, 491};

static clv_status run_sbg(void *c)
{
    ret_ctx *r = c;
    return clv_sbg_fit(highend, 8, NULL, &r->m, &r->info, NULL);
}

static clv_status run_bgbb(void *c)
{
    ret_ctx *r = c;
    return clv_bgbb_fit(r->x, r->tx, r->n, r->w, 22, NULL, &r->m, &r->info, NULL);
}

static clv_status run_read(void *c)
{
    ret_ctx *r = c;
    char path[4096];
    snprintf(path, sizeof path, "%s/lifetimes_CDNOW_master.txt", CLV_REFDATA);
    clv_csv_options o = {"customer_id", "date", "dollar_value", ' '};
    clv_txlog_free(r->log);
    return clv_txlog_read_csv(path, &o, NULL, NULL, &r->log, NULL);
}

static clv_status run_table(void *c)
{
    ret_ctx *r = c;
    clv_cohort_options o = {CLV_UNIT_MONTH, NAN};
    clv_cohort_table_free(r->table);
    return clv_cohort_table_build(r->log, &o, &r->table, NULL);
}

static clv_status run_early(void *c)
{
    ret_ctx *r = c;
    static const double ages[2] = {14, 182};
    clv_early_value_options o = {CLV_UNIT_MONTH, CLV_UNIT_DAY, ages, 2, NAN};
    clv_early_value_free(r->ev);
    return clv_early_value_build(r->log, &o, &r->ev, NULL);
}

static clv_status run_cohort_sbg(void *c)
{
    ret_ctx *r = c;
    clv_status st = CLV_OK;
    for (size_t k = 0; k < r->table->ncohorts && st == CLV_OK; k++)
        st = clv_cohort_sbg(r->table, k, NULL, &r->m, &r->info, NULL);
    return st;
}

static void bench_retention(void)
{
    static ret_ctx r;
    char path[4096];
    snprintf(path, sizeof path, "%s/lifetimes_donations.csv", CLV_REFDATA);
    FILE *f = fopen(path, "r");
    char line[128];
    int k = 0;
    if (!f || !fgets(line, sizeof line, f))
        exit(1);
    while (k < 22 && fgets(line, sizeof line, f))
        k += sscanf(line, "%lf,%lf,%lf,%lf", &r.x[k], &r.tx[k], &r.n[k], &r.w[k]) == 4;
    fclose(f);
    clv_status st;
    printf("\nRetention (issue 6)\n");
    double ms = time_median(run_sbg, &r, 1001, &st);
    printf("  %-34s %9.4f ms  alpha %.6f beta %.6f LL %.3f\n", "sBG fit, High End years 0-7", ms,
           r.m.param[0], r.m.param[1], r.info.loglik);
    ms = time_median(run_bgbb, &r, 101, &st);
    printf("  %-34s %9.4f ms  %.6f %.6f %.6f %.6f LL %.4f\n", "BG/BB fit, donations (22 rows)", ms,
           r.m.param[0], r.m.param[1], r.m.param[2], r.m.param[3], r.info.loglik);
    ms = time_median(run_read, &r, 11, &st);
    printf("  %-34s %9.3f ms  %zu rows, %zu customers\n", "read lifetimes_CDNOW_master.txt", ms,
           clv_txlog_rows(r.log), clv_txlog_customers(r.log));
    ms = time_median(run_table, &r, 21, &st);
    printf("  %-34s %9.3f ms  %zu cohorts x %zu ages\n", "cohort table, monthly", ms,
           r.table->ncohorts, r.table->nages);
    ms = time_median(run_early, &r, 21, &st);
    printf("  %-34s %9.3f ms  %.2f / %.2f per customer\n", "early value, 14 and 182 days", ms,
           r.ev->all_mean[0], r.ev->all_mean[1]);
    ms = time_median(run_cohort_sbg, &r, 101, &st);
    printf("  %-34s %9.3f ms  %s; last: alpha %.4f beta %.4f\n", "sBG of every cohort", ms,
           st == CLV_OK ? "ok" : clv_strerror(st), r.m.param[0], r.m.param[1]);
    clv_txlog_free(r.log);
    clv_cohort_table_free(r.table);
    clv_early_value_free(r.ev);
}

int main(void)
{
    printf("clvkit %s model benchmarks\n\n", clv_version());
    bench_cdnow();
    bench_retention();
    printf("\nBG/NBD on simulated customers (true r, alpha, a, b = 0.243 "
           "4.414 0.793 2.426;\nmedian of 11 fits, 5 at 1M; * = exact times, "
           "no day recording: 3 fits)\n");
    printf("  %10s %8s %9s %7s %6s %6s  %s\n", "customers", "distinct", "fit ms", "ns/cust",
           "RSS MB", "fit MB", "recovered r alpha a b");
    fflush(stdout);
    static const size_t sizes[] = {10000, 100000, 1000000, 1000000};
    for (int k = 0; k < 4; k++) {
        pid_t pid = fork();
        if (pid == 0) {
            bench_size(sizes[k], k == 3);
            fflush(stdout);
            _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
    }
    printf("\nlifetimes 0.11.3 on this kind of machine: 1M customers 9.1 s, "
           "650 MB\n");
    return 0;
}
