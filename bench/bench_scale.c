/*
 * bench_scale.c -- clvkit at scale (bench/README.md, "## Scale").  Not a
 * test: it prints figures.  Each measurement runs in its own process so
 * that its peak resident memory is its own.
 *
 *   build/bench/bench_scale fit [n]        BG/NBD, MBG/NBD, Pareto/NBD fits
 *                                          on n exact-time and 10n/1M
 *                                          day-recorded customers
 *   build/bench/bench_scale predict [n]    P(alive) and conditional
 *                                          expectations for n and 2,357
 *                                          customers
 *   build/bench/bench_scale export n exact path   the simulated customers
 *                                          as raw doubles (x, t_x, T), and
 *   build/bench/bench_scale many n exact   one line "palive_s ce_s": the
 *                                          _many functions' best wall
 *                                          times (for lifetimes_side.py)
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
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

static double peak_mb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_maxrss / 1024.0;
}

/* CPU seconds of the process (all threads): on a shared machine the wall
 * clock measures the neighbours too. */
static double cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static const double truth[4] = {0.243, 4.414, 0.793, 2.426};

typedef struct {
    double *x, *t_x, *T;
    size_t n;
} customers;

static customers make(size_t n, int continuous)
{
    customers c = {malloc(n * sizeof(double)), malloc(n * sizeof(double)),
                   malloc(n * sizeof(double)), n};
    if (!c.x || !c.t_x || !c.T)
        exit(1);
    synth_bgnbd(n, truth, continuous, c.x, c.t_x, c.T);
    return c;
}

/* One fit in this process: best of `runs`, peak memory beyond the input. */
static void fit_once(clv_model_kind kind, size_t n, int continuous, int runs)
{
    customers c = make(n, continuous);
    double before = peak_mb(), best = INFINITY, bcpu = INFINITY;
    clv_model m;
    clv_fit_info info;
    clv_status st = CLV_OK;
    for (int k = 0; k < runs; k++) {
        double t0 = now(), c0 = cpu();
        st = clv_tx_fit(kind, c.x, c.t_x, c.T, NULL, n, CLV_UNIT_WEEK, NULL, &m, &info, NULL);
        best = fmin(best, now() - t0);
        bcpu = fmin(bcpu, cpu() - c0);
    }
    printf("  %-7s %9zu%s %9zu %7.3f s %7.3f s cpu %4zu evals %6.1f MB "
           "%5.1f B/row  ",
           clv_model_name(kind), n, continuous ? "*" : " ", info.distinct, best, bcpu,
           info.evaluations, peak_mb() - before,
           (peak_mb() - before) * 1048576.0 / (double)info.distinct);
    if (continuous && n >= 100000) {
        /* the fit of large exact-time data starts from a fit of every 64th
         * row (Pareto/NBD: of at least 16,384 rows; txmodel.c): how many of
         * the evaluations were of all rows */
        size_t step = kind == CLV_MODEL_PNBD && n / 16384 < 64 ? n / 16384 : 64;
        size_t k = (n + step - 1) / step, warm = 0;
        double *s = malloc(3 * k * sizeof *s);
        for (size_t i = 0; i < k; i++)
            s[i] = c.x[step * i], s[k + i] = c.t_x[step * i], s[2 * k + i] = c.T[step * i];
        clv_model ms;
        clv_fit_info si;
        if (clv_tx_fit(kind, s, s + k, s + 2 * k, NULL, k, CLV_UNIT_WEEK, NULL, &ms, &si, NULL) ==
            CLV_OK)
            warm = si.evaluations;
        if (warm && warm < info.evaluations)
            printf("(%zu of all rows) ", info.evaluations - warm);
        free(s);
    }
    if (st != CLV_OK)
        printf("failed: %s\n", clv_strerror(st));
    else
        printf("%.10g %.10g %.10g %.10g\n", m.param[0], m.param[1], m.param[2], m.param[3]);
}

/* Runs fn(arg...) in a child so its peak memory is its own. */
#define IN_CHILD(call)         \
    do {                       \
        fflush(stdout);        \
        pid_t pid = fork();    \
        if (pid == 0) {        \
            call;              \
            fflush(stdout);    \
            _exit(0);          \
        }                      \
        waitpid(pid, NULL, 0); \
    } while (0)

static void bench_fits(size_t n)
{
    printf("fits (best of 3; * = exact times; memory beyond the input):\n");
    static const clv_model_kind kinds[] = {CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD};
    for (int k = 0; k < 3; k++)
        IN_CHILD(fit_once(kinds[k], n, 1, 3));
    IN_CHILD(fit_once(CLV_MODEL_BGNBD, 10 * n, 0, 3));
}

/* ---- predictions --------------------------------------------------------- */

/* P(alive) and E[Y(39 weeks)] for n customers, one call per customer (the
 * baseline, in the same run) and one call for all (_many).  Best of reps;
 * wall and CPU seconds. */
static void predict_once(size_t n, int continuous, int reps)
{
    customers c = make(n, continuous);
    clv_model m = {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK};
    double *out = malloc(n * sizeof *out), t[4][2];
    for (int s = 0; s < 4; s++)
        t[s][0] = t[s][1] = INFINITY;
    for (int k = 0; k < reps; k++) {
        for (int s = 0; s < 4; s++) {
            double t0 = now(), c0 = cpu();
            if (s == 0)
                for (size_t i = 0; i < n; i++)
                    clv_tx_palive(&m, c.x[i], c.t_x[i], c.T[i], &out[i], NULL);
            else if (s == 1)
                clv_tx_palive_many(&m, c.x, c.t_x, c.T, n, out, NULL, NULL, NULL);
            else if (s == 2)
                for (size_t i = 0; i < n; i++)
                    clv_tx_conditional_expected(&m, 39, c.x[i], c.t_x[i], c.T[i], &out[i], NULL);
            else
                clv_tx_conditional_expected_many(&m, 39, c.x, c.t_x, c.T, n, out, NULL, NULL, NULL);
            t[s][0] = fmin(t[s][0], now() - t0);
            t[s][1] = fmin(t[s][1], cpu() - c0);
        }
    }
    printf("  %9zu%s P(alive) one by one %9.3f ms (cpu %9.3f), _many %9.3f ms "
           "(cpu %9.3f)\n",
           n, continuous ? "*" : " ", 1e3 * t[0][0], 1e3 * t[0][1], 1e3 * t[1][0], 1e3 * t[1][1]);
    printf("  %9zu%s E[Y(39)]  one by one %9.3f ms (cpu %9.3f), _many %9.3f ms "
           "(cpu %9.3f)\n",
           n, continuous ? "*" : " ", 1e3 * t[2][0], 1e3 * t[2][1], 1e3 * t[3][0], 1e3 * t[3][1]);
    free(out);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "all";
    size_t n = argc > 2 ? (size_t)atol(argv[2]) : 1000000;
    if (!strcmp(what, "export") && argc > 4) {
        customers c = make(n, atoi(argv[3]));
        FILE *f = fopen(argv[4], "wb");
        if (!f || fwrite(c.x, sizeof(double), n, f) != n ||
            fwrite(c.t_x, sizeof(double), n, f) != n || fwrite(c.T, sizeof(double), n, f) != n ||
            fclose(f))
            return 1;
        return 0;
    }
    if (!strcmp(what, "many")) {
        customers c = make(n, argc > 3 ? atoi(argv[3]) : 0);
        clv_model m = {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK};
        double *out = malloc(n * sizeof *out), tp = INFINITY, tc = INFINITY;
        for (int k = 0; k < (n < 100000 ? 200 : n < 5000000 ? 10 : 3); k++) {
            double t0 = now();
            clv_tx_palive_many(&m, c.x, c.t_x, c.T, n, out, NULL, NULL, NULL);
            double t1 = now();
            clv_tx_conditional_expected_many(&m, 39, c.x, c.t_x, c.T, n, out, NULL, NULL, NULL);
            tp = fmin(tp, t1 - t0), tc = fmin(tc, now() - t1);
        }
        printf("%.9g %.9g\n", tp, tc);
        return 0;
    }
    /* one fit in this process, for profiling */
    if (!strcmp(what, "bgnbd"))
        fit_once(CLV_MODEL_BGNBD, n, argc > 3 ? atoi(argv[3]) : 1, 1);
    if (!strcmp(what, "mbgnbd"))
        fit_once(CLV_MODEL_MBGNBD, n, argc > 3 ? atoi(argv[3]) : 1, 1);
    if (!strcmp(what, "pnbd"))
        fit_once(CLV_MODEL_PNBD, n, argc > 3 ? atoi(argv[3]) : 1, 1);
    if (!strcmp(what, "fit") || !strcmp(what, "all"))
        bench_fits(n);
    if (!strcmp(what, "predict") || !strcmp(what, "all")) {
        printf("predictions (BG/NBD, best of runs; * = exact times):\n");
        IN_CHILD(predict_once(2357, 0, 200));
        IN_CHILD(predict_once(10 * n, 0, 2));
        IN_CHILD(predict_once(n, 1, 2));
    }
    return 0;
}
