/*
 * test_fastfit.c -- the fast paths of the fits against today's
 * straightforward evaluation (the oracle, kept in the library as
 * clv_bg_data_create_mode(..., BG_TABLES)): the BG/NBD and MBG/NBD
 * likelihood and gradient evaluated row by row or by chunks (vectorised,
 * over the cores) agree with the per-value tables at random points, do not depend on the thread
 * count, and give the same fitted parameters to 1e-10.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "clvkit/clvkit.h"
#include "models/fit.h"
#include "models/txmodel.h"

static uint64_t state = 20261130;

static double uniform(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return ((double)(state >> 11) + 0.5) / 9007199254740992.0;
}

/* Customers with exact times, BG/NBD-like: rate and drop-out vary by
 * customer, observed for 27 to 39 weeks. */
static void customers(size_t n, double *x, double *t_x, double *T)
{
    for (size_t i = 0; i < n; i++) {
        double lambda = -log(uniform()) * 0.5, p = uniform() * 0.6, tau = 0;
        T[i] = 27 + 12 * uniform();
        x[i] = t_x[i] = 0;
        for (;;) {
            tau += -log(uniform()) / lambda;
            if (tau > T[i])
                break;
            x[i]++, t_x[i] = tau;
            if (uniform() < p)
                break;
        }
    }
}

/* The fit with a given evaluation, through the library's one driver. */
static clv_status fit_with(const clv_patterns *pat, int mbg, int mode, const double *start,
                           double *param)
{
    void *d = clv_bg_data_create_mode(pat, mbg, mode);
    clv_fit_problem pb = {4, clv_bg_loglik, d, 1, 1, {{0}}, pat->total, pat->n};
    for (int i = 0; i < 4; i++)
        pb.starts[0][i] = start[i];
    clv_status st = clv_fit_run(&pb, NULL, 0, param, NULL, NULL);
    clv_bg_data_free(d);
    return st;
}

/* Pareto/NBD: the chunked evaluation (over the cores, D(0) once per x)
 * against the row-by-row loop, at random points and fitted. */
static void test_pnbd(const clv_patterns *pat)
{
    void *oracle = clv_pnbd_data_create_mode(pat, PNBD_SERIAL);
    void *fast = clv_pnbd_data_create_mode(pat, PNBD_CHUNKED);
    double worst = 0, worst_g = 0;
    for (int k = 0; k < 12; k++) {
        double p[4], l0, l1, g0[4], g1[4];
        for (int i = 0; i < 4; i++)
            p[i] = exp(-2 + 4 * uniform());
        CHECK("pnbd oracle evaluates", clv_pnbd_loglik(p, &l0, g0, oracle) == 0);
        CHECK("pnbd fast evaluates", clv_pnbd_loglik(p, &l1, g1, fast) == 0);
        worst = fmax(worst, fabs(l1 - l0) / fabs(l0));
        for (int i = 0; i < 4; i++)
            worst_g = fmax(worst_g, fabs(g1[i] - g0[i]) / fmax(1e-3 * fabs(l0), fabs(g0[i])));
    }
    if (!CHECK("pnbd log-likelihood within 1e-13 of the oracle", worst <= 1e-13))
        fprintf(stderr, "  worst %.3g\n", worst);
    if (!CHECK("pnbd gradient within 1e-11 of the oracle", worst_g <= 1e-11))
        fprintf(stderr, "  worst %.3g\n", worst_g);
    double p[4] = {0.5, 10, 0.9, 12}, la, lb, ga[4], gb[4];
    setenv("CLVKIT_THREADS", "1", 1);
    clv_pnbd_loglik(p, &la, ga, fast);
    setenv("CLVKIT_THREADS", "3", 1);
    clv_pnbd_loglik(p, &lb, gb, fast);
    unsetenv("CLVKIT_THREADS");
    CHECK("pnbd one thread or three: identical",
          la == lb && ga[0] == gb[0] && ga[1] == gb[1] && ga[2] == gb[2] && ga[3] == gb[3]);
    double want[4], got[4];
    void *data[2] = {oracle, fast};
    double *out[2] = {want, got};
    for (int m = 0; m < 2; m++) {
        clv_fit_problem pb = {4, clv_pnbd_loglik, data[m], 1, 1, {{0}}, pat->total, pat->n};
        const double start[4] = {1, 5, 1, 5};
        for (int i = 0; i < 4; i++)
            pb.starts[0][i] = start[i];
        CHECK_STATUS("pnbd fit", clv_fit_run(&pb, NULL, 0, out[m], NULL, NULL), CLV_OK);
    }
    for (int i = 0; i < 4; i++)
        CHECK_REL("pnbd parameter as the oracle's, 1e-10", got[i], want[i], 1e-10);
    clv_pnbd_data_free(oracle), clv_pnbd_data_free(fast);
}

/* Counts its calls; stops at the third after 100. */
static int count_stop(void *data, size_t iteration, double share)
{
    size_t *calls = data;
    (void)iteration, (void)share;
    return ++*calls == 103;
}

/* Whole-base predictions against the one-customer functions, on customers
 * with exact times and on the same rounded to days (repeats). */
static void test_many(const double *x, const double *t_x, const double *T, size_t n)
{
    static const clv_model models[3] = {
        {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK},
        {CLV_MODEL_MBGNBD, {0.525, 6.183, 0.891, 1.614}, CLV_UNIT_WEEK},
        {CLV_MODEL_PNBD, {0.553, 10.578, 0.606, 11.669}, CLV_UNIT_WEEK}};
    double *tx = malloc(n * sizeof *tx), *TT = malloc(n * sizeof *TT), *a = malloc(n * sizeof *a),
           *c = malloc(n * sizeof *c);
    for (int rounded = 0; rounded < 2; rounded++) {
        for (size_t i = 0; i < n; i++) {
            TT[i] = rounded ? round(T[i] * 7) / 7 : T[i];
            tx[i] = rounded ? fmin(round(t_x[i] * 7) / 7, TT[i]) : t_x[i];
        }
        for (int k = 0; k < 3; k++) {
            size_t m = k == 2 ? n / 10 : n; /* Pareto/NBD is slow */
            CHECK_STATUS("palive_many",
                         clv_tx_palive_many(&models[k], x, tx, TT, m, a, NULL, NULL, NULL), CLV_OK);
            CHECK_STATUS(
                "conditional_many",
                clv_tx_conditional_expected_many(&models[k], 26, x, tx, TT, m, c, NULL, NULL, NULL),
                CLV_OK);
            double wa = 0, wc = 0;
            for (size_t i = 0; i < m; i++) {
                double pa, ce;
                clv_tx_palive(&models[k], x[i], tx[i], TT[i], &pa, NULL);
                clv_tx_conditional_expected(&models[k], 26, x[i], tx[i], TT[i], &ce, NULL);
                wa = fmax(wa, fabs(a[i] - pa) / pa);
                wc = fmax(wc, fabs(c[i] - ce) / fmax(ce, 1e-300));
            }
            if (!CHECK("P(alive) as one customer at a time, 1e-14", wa <= 1e-14))
                fprintf(stderr, "  %s worst %.3g\n", clv_model_name(models[k].kind), wa);
            if (!CHECK("E[Y] as one customer at a time, 1e-14", wc <= 1e-14))
                fprintf(stderr, "  %s worst %.3g\n", clv_model_name(models[k].kind), wc);
        }
    }
    /* discounted CLV: 12 months, 1% a month, margin 0.3 */
    clv_model gg = {CLV_MODEL_GG, {6.25, 3.74, 15.44}, CLV_UNIT_NONE};
    clv_clv_options o;
    clv_clv_options_init(&o);
    o.discount = 0.01, o.period = CLV_UNIT_MONTH, o.margin = 0.3;
    double *mv = malloc(n * sizeof *mv);
    for (size_t i = 0; i < n; i++)
        mv[i] = x[i] > 0 ? 5 + (double)(i % 97) : 0;
    for (int k = 0; k < 3; k++) {
        size_t m = k == 2 ? n / 50 : n / 4;
        CHECK_STATUS("clv_many",
                     clv_predict_clv_many(&models[k], &gg, x, t_x, T, mv, &o, m, c, NULL), CLV_OK);
        double w = 0;
        for (size_t i = 0; i < m; i++) {
            double v;
            clv_predict_clv(&models[k], &gg, x[i], t_x[i], T[i], mv[i], &o, &v, NULL);
            w = fmax(w, fabs(c[i] - v) / fmax(v, 1e-300));
        }
        if (!CHECK("CLV as one customer at a time, 1e-13", w <= 1e-13))
            fprintf(stderr, "  %s worst %.3g\n", clv_model_name(models[k].kind), w);
    }
    /* progress: called 8 times, the same values; a stop is CLV_ENOCONV
     * with every row NaN */
    for (size_t k = 0; k < 3; k += 2) { /* BG/NBD, Pareto/NBD */
        size_t calls = 0, m = k == 2 ? n / 50 : n;
        clv_clv_options po = o;
        po.progress = count_stop, po.progress_data = &calls;
        double *c2 = malloc(m * sizeof *c2);
        CHECK_STATUS("CLV with progress",
                     clv_predict_clv_many(&models[k], &gg, x, t_x, T, mv, &po, m, c2, NULL),
                     CLV_OK);
        clv_predict_clv_many(&models[k], &gg, x, t_x, T, mv, &o, m, c, NULL);
        size_t same = 0;
        for (size_t i = 0; i < m; i++)
            same += c2[i] == c[i];
        CHECK("progress called 8 times, same values", calls == 8 && same == m);
        calls = 100; /* count_stop stops from the 103rd call */
        CHECK_STATUS("CLV stopped",
                     clv_predict_clv_many(&models[k], &gg, x, t_x, T, mv, &po, m, c2, NULL),
                     CLV_ENOCONV);
        CHECK("stopped: NaN", isnan(c2[0]) && isnan(c2[m - 1]) && calls == 103);
        free(c2);
    }
    mv[5] = -1;
    clv_fault f;
    CHECK_STATUS("negative m", clv_predict_clv_many(&models[0], &gg, x, t_x, T, mv, &o, n, c, &f),
                 CLV_EDOM);
    CHECK("names m and the row", f.arg == 5 && f.element == 5);
    free(mv);
    /* a bad row is found before anything is computed */
    tx[7] = TT[7] + 1;
    CHECK_STATUS("t_x > T", clv_tx_palive_many(&models[0], x, tx, TT, n, a, NULL, NULL, &f),
                 CLV_EDOM);
    CHECK("names t_x and the row", f.arg == 2 && f.element == 7 && isnan(a[0]));
    CHECK_STATUS("t_x > T",
                 clv_tx_conditional_expected_many(&models[0], 1, x, tx, TT, n, c, NULL, NULL, &f),
                 CLV_EDOM);
    CHECK("names t_x and the row", f.arg == 3 && f.element == 7);
    CHECK_STATUS("negative t",
                 clv_tx_conditional_expected_many(&models[0], -1, x, t_x, T, n, c, NULL, NULL, &f),
                 CLV_EDOM);
    CHECK_STATUS("NULL out", clv_tx_palive_many(&models[0], x, t_x, T, n, NULL, NULL, NULL, &f),
                 CLV_EINVAL);
    free(tx), free(TT), free(a), free(c);
}

int main(void)
{
    enum { N = 20000 };
    static double x[N], t_x[N], T[N];
    customers(N, x, t_x, T);
    const double *cols[3] = {x, t_x, T};
    clv_patterns pat;
    CHECK_STATUS("patterns", clv_patterns_build(cols, 3, NULL, N, &pat), CLV_OK);
    CHECK("exact times: nothing compresses", pat.n == N);
    for (int mbg = 0; mbg < 2; mbg++)
        for (int mode = BG_ROWS; mode <= BG_CHUNKED; mode++) {
            void *oracle = clv_bg_data_create_mode(&pat, mbg, BG_TABLES);
            void *fast = clv_bg_data_create_mode(&pat, mbg, mode);
            /* random points over a wide range of each parameter */
            double worst = 0, worst_g = 0;
            for (int k = 0; k < 50; k++) {
                double p[4], l0, l1, g0[4], g1[4];
                for (int i = 0; i < 4; i++)
                    p[i] = exp(-3 + 6 * uniform());
                p[3] += 1.01; /* b > 1: the BG/NBD bracket's log(b-1) */
                CHECK("oracle evaluates", clv_bg_loglik(p, &l0, g0, oracle) == 0);
                CHECK("fast evaluates", clv_bg_loglik(p, &l1, g1, fast) == 0);
                worst = fmax(worst, fabs(l1 - l0) / fabs(l0));
                for (int i = 0; i < 4; i++)
                    worst_g =
                        fmax(worst_g, fabs(g1[i] - g0[i]) / fmax(1e-3 * fabs(l0), fabs(g0[i])));
            }
            if (!CHECK("log-likelihood within 1e-13 of the oracle", worst <= 1e-13))
                fprintf(stderr, "  mode %d worst %.3g\n", mode, worst);
            if (!CHECK("gradient within 1e-11 of the oracle", worst_g <= 1e-11))
                fprintf(stderr, "  mode %d worst %.3g\n", mode, worst_g);
            /* the same bits on one thread and on several */
            double p[4] = {0.3, 4, 0.8, 2.5}, la, lb, ga[4], gb[4];
            setenv("CLVKIT_THREADS", "1", 1);
            clv_bg_loglik(p, &la, ga, fast);
            setenv("CLVKIT_THREADS", "3", 1);
            clv_bg_loglik(p, &lb, gb, fast);
            unsetenv("CLVKIT_THREADS");
            CHECK("one thread or three: identical",
                  la == lb && ga[0] == gb[0] && ga[1] == gb[1] && ga[2] == gb[2] && ga[3] == gb[3]);
            clv_bg_data_free(oracle), clv_bg_data_free(fast);

            /* fitted parameters */
            double want[4], got[4];
            const double start[4] = {1, 5, 1, 2};
            CHECK_STATUS("oracle fit", fit_with(&pat, mbg, BG_TABLES, start, want), CLV_OK);
            CHECK_STATUS("fast fit", fit_with(&pat, mbg, mode, start, got), CLV_OK);
            for (int i = 0; i < 4; i++)
                CHECK_REL("parameter as the oracle's, 1e-10", got[i], want[i], 1e-10);
        }
    /* the public fit (the row path here) */
    clv_model m;
    CHECK_STATUS(
        "clv_tx_fit",
        clv_tx_fit(CLV_MODEL_BGNBD, x, t_x, T, NULL, N, CLV_UNIT_WEEK, NULL, &m, NULL, NULL),
        CLV_OK);
    test_pnbd(&pat);
    clv_patterns_free(&pat);
    test_many(x, t_x, T, N);
    return check_report("test_fastfit");
}
