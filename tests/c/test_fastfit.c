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

/* Stops at the given Newton iteration. */
static int stop_at(void *data, size_t iteration, double loglik)
{
    (void)loglik;
    return iteration >= *(size_t *)data;
}

/* The analytic Hessian of the row evaluation against central differences
 * of its analytic gradient, at random points. */
static void test_hessian(const clv_patterns *pat)
{
    for (int mbg = 0; mbg < 2; mbg++) {
        void *d = clv_bg_data_create_mode(pat, mbg, BG_ROWS);
        CHECK("row data have the Hessian", clv_bg_has_hessian(d));
        double worst = 0;
        for (int k = 0; k < 10; k++) {
            double p[4], ll, g[4], H[CLV_OPT_MAXN][CLV_OPT_MAXN], F[4][4];
            for (int i = 0; i < 4; i++)
                p[i] = exp(-2 + 4 * uniform());
            p[3] += 1.01;
            CHECK("Hessian evaluates", clv_bg_hessian(p, &ll, g, H, d) == 0);
            for (int j = 0; j < 4; j++) {
                double q[4] = {p[0], p[1], p[2], p[3]}, h = 1e-5 * p[j], gp[4], gm[4], l;
                q[j] = p[j] + h;
                clv_bg_loglik(q, &l, gp, d);
                q[j] = p[j] - h;
                clv_bg_loglik(q, &l, gm, d);
                for (int i = 0; i < 4; i++)
                    F[i][j] = (gp[i] - gm[i]) / (2 * h);
            }
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    worst = fmax(worst, fabs(H[i][j] - F[i][j]) / sqrt(fabs(F[i][i] * F[j][j])));
        }
        if (!CHECK("analytic Hessian as differences of the gradient, 1e-6", worst <= 1e-6))
            fprintf(stderr, "  mbg %d worst %.3g\n", mbg, worst);
        clv_bg_data_free(d);
    }
    void *tables = clv_bg_data_create_mode(pat, 0, BG_TABLES);
    double p[4] = {0.3, 4, 0.8, 2.5}, ll, g[4], H[CLV_OPT_MAXN][CLV_OPT_MAXN];
    CHECK("the tables have no Hessian",
          !clv_bg_has_hessian(tables) && clv_bg_hessian(p, &ll, g, H, tables) != 0);
    clv_bg_data_free(tables);
}

/* Every 8th row of pat, as a warm start's subsample (free with
 * free_rows). */
static clv_patterns every_8th(const clv_patterns *pat)
{
    size_t m = (pat->n + 7) / 8;
    clv_patterns sub = {
        m,
        3,
        {malloc(m * sizeof(double)), malloc(m * sizeof(double)), malloc(m * sizeof(double))},
        malloc(m * sizeof(double)),
        0};
    for (size_t i = 0; i < m; i++) {
        for (int c = 0; c < 3; c++)
            sub.col[c][i] = pat->col[c][8 * i];
        sub.w[i] = pat->w[8 * i], sub.total += sub.w[i];
    }
    return sub;
}

static void free_rows(clv_patterns *sub)
{
    for (int c = 0; c < 3; c++)
        free(sub->col[c]);
    free(sub->w);
}

/* clv_bg_loglik, remembering the first point it is asked for. */
static double first_p[4];
static int first_calls;
static int first_point(const double *p, double *ll, double *dll, void *data)
{
    if (first_calls++ == 0)
        for (int i = 0; i < 4; i++)
            first_p[i] = p[i];
    return clv_bg_loglik(p, ll, dll, data);
}

/* The Newton driver without a Hessian function (differences of the
 * analytic gradient, as Pareto/NBD would use it), warm-started on every
 * 8th row, against today's driver: the same maximum to 1e-10. */
static void test_newton_differences(const clv_patterns *pat)
{
    clv_patterns sub = every_8th(pat);
    void *d = clv_bg_data_create_mode(pat, 0, BG_ROWS), *ds = clv_bg_data_create(&sub, 0);
    clv_fit_problem pb = {4, clv_bg_loglik, d, 1, 1, {{1, 5, 1, 2}}, pat->total, pat->n};
    clv_fit_problem warm = {4, clv_bg_loglik, ds, 1, 1, {{1, 5, 1, 2}}, sub.total, sub.n};
    double want[4], got[4];
    clv_fit_info info;
    CHECK_STATUS("today's driver", clv_fit_run(&pb, NULL, 0, want, NULL, NULL), CLV_OK);
    pb.ll = first_point;
    CHECK_STATUS("Newton, differences",
                 clv_fit_run_newton(&pb, NULL, &warm, NULL, 0, got, &info, NULL), CLV_OK);
    /* the Newton steps began at the subsample's fit, near the maximum (today's
     * driver, the fallback, would begin at the start) */
    for (int i = 0; i < 4; i++)
        CHECK_REL("Newton, differences: began at the subsample's fit", first_p[i], want[i], 0.3);
    for (int i = 0; i < 4; i++)
        CHECK_REL("Newton, differences: parameter as today's, 1e-10", got[i], want[i], 1e-10);
    CHECK("Newton, differences: standard errors", info.se[0] > 0 && info.se[3] > 0);
    clv_bg_data_free(d), clv_bg_data_free(ds);
    free_rows(&sub);
}

/* clv_pnbd_loglik, counting its calls. */
static size_t pnbd_calls;
static int pnbd_counted(const double *p, double *ll, double *dll, void *data)
{
    pnbd_calls++;
    return clv_pnbd_loglik(p, ll, dll, data);
}

/* Pareto/NBD by chord steps (clv_fit_run_chord), warm-started on every 8th
 * row, against today's driver on all rows: the same maximum to 1e-10, the
 * same standard errors, fewer evaluations of all rows. */
static void test_chord(const clv_patterns *pat)
{
    clv_patterns sub = every_8th(pat);
    void *d = clv_pnbd_data_create(pat), *ds = clv_pnbd_data_create(&sub);
    clv_fit_problem pb = {4, pnbd_counted, d, 1, 1, {{1, 5, 1, 5}}, pat->total, pat->n};
    clv_fit_problem warm = {4, clv_pnbd_loglik, ds, 1, 1, {{1, 5, 1, 5}}, sub.total, sub.n};
    double want[4], got[4];
    clv_fit_info wi, info;
    pnbd_calls = 0;
    CHECK_STATUS("pnbd today's driver", clv_fit_run(&pb, NULL, 0, want, &wi, NULL), CLV_OK);
    size_t today = pnbd_calls;
    pnbd_calls = 0;
    CHECK_STATUS("pnbd chord", clv_fit_run_chord(&pb, &warm, NULL, 0, got, &info, NULL), CLV_OK);
    for (int i = 0; i < 4; i++) {
        CHECK_REL("pnbd chord: parameter as today's, 1e-10", got[i], want[i], 1e-10);
        CHECK_REL("pnbd chord: se as today's, 1e-4", info.se[i], wi.se[i], 1e-4);
    }
    CHECK_REL("pnbd chord: loglik as today's", info.loglik, wi.loglik, 1e-13);
    if (!CHECK("pnbd chord: fewer evaluations of all rows", pnbd_calls < today * 2 / 3))
        fprintf(stderr, "  %zu against %zu\n", pnbd_calls, today);
    CHECK("pnbd chord: gradient at the end within the default tolerance",
          info.gradient <= 1e-9 * fabs(info.loglik));
    /* stopped by the callback in a chord step */
    size_t limit = 1000000; /* counting only */
    clv_fit_options o = {0};
    o.progress = stop_at, o.progress_data = &limit;
    clv_fit_info si;
    CHECK_STATUS("pnbd chord, to count", clv_fit_run_chord(&pb, &warm, &o, 0, got, &si, NULL),
                 CLV_OK);
    limit = si.iterations - 1;
    CHECK_STATUS("pnbd chord stopped", clv_fit_run_chord(&pb, &warm, &o, 0, got, NULL, NULL),
                 CLV_ENOCONV);
    CHECK("pnbd chord stopped: NaN", isnan(got[0]));
    clv_pnbd_data_free(d), clv_pnbd_data_free(ds);
    free_rows(&sub);
}

/* Large data (the warm start on a subsample and Newton steps on all rows,
 * on the caller's arrays) against today's driver and evaluation (the
 * oracle), with and without weights; the standard errors from the
 * analytic Hessian against the finite-difference ones. */
static void test_newton(void)
{
    enum { M = 120000 };
    double *x = malloc(M * sizeof *x), *t_x = malloc(M * sizeof *t_x), *T = malloc(M * sizeof *T),
           *w = malloc(M * sizeof *w);
    customers(M, x, t_x, T);
    for (size_t i = 0; i < M; i++)
        w[i] = (double)(i % 4); /* zeros too */
    const double *cols[3] = {x, t_x, T};
    for (int weighted = 0; weighted < 2; weighted++) {
        clv_patterns pat;
        CHECK_STATUS("patterns", clv_patterns_build(cols, 3, weighted ? w : NULL, M, &pat), CLV_OK);
        for (int mbg = 0; mbg < 2; mbg++) {
            clv_model_kind kind = mbg ? CLV_MODEL_MBGNBD : CLV_MODEL_BGNBD;
            double want[4];
            const double start[4] = {1, 5, 1, 2};
            CHECK_STATUS("oracle fit", fit_with(&pat, mbg, BG_TABLES, start, want), CLV_OK);
            clv_model m;
            clv_fit_info info;
            CHECK_STATUS("Newton fit",
                         clv_tx_fit(kind, x, t_x, T, weighted ? w : NULL, M, CLV_UNIT_WEEK, NULL,
                                    &m, &info, NULL),
                         CLV_OK);
            for (int i = 0; i < 4; i++)
                CHECK_REL("Newton: parameter as the oracle's, 1e-10", m.param[i], want[i], 1e-10);
            /* the subsample's ~25 iterations and ~4 Newton steps (the
             * fallback to today's driver would add ~25) */
            if (!CHECK("Newton: no fallback", info.iterations < 40))
                fprintf(stderr, "  iterations %zu\n", info.iterations);
            double se[4];
            CHECK_STATUS("stderr", clv_tx_stderr(&m, x, t_x, T, weighted ? w : NULL, M, se, NULL),
                         CLV_OK);
            for (int i = 0; i < 4; i++) {
                CHECK_REL("Newton: se as the finite differences', 1e-5", info.se[i], se[i], 1e-5);
                CHECK_REL("cov diagonal is se^2", info.cov[i][i], info.se[i] * info.se[i], 1e-12);
            }
            CHECK("Newton: gradient at the end within the default tolerance",
                  info.gradient <= 1e-9 * fabs(info.loglik));
            double ll;
            clv_tx_loglik(&m, x, t_x, T, weighted ? w : NULL, M, &ll, NULL);
            CHECK_REL("Newton: loglik reported is the model's", info.loglik, ll, 1e-13);
            if (weighted || mbg)
                continue;
            /* a start given: today's driver on all rows, same maximum */
            clv_fit_options o = {0};
            o.start = start;
            clv_model m2;
            CHECK_STATUS("fit from a start",
                         clv_tx_fit(kind, x, t_x, T, weighted ? w : NULL, M, CLV_UNIT_WEEK, &o, &m2,
                                    NULL, NULL),
                         CLV_OK);
            for (int i = 0; i < 4; i++)
                CHECK_REL("from a start: parameter as the oracle's, 1e-10", m2.param[i], want[i],
                          1e-10);
        }
        clv_patterns_free(&pat);
    }
    /* stopped by the callback in the Newton steps */
    size_t limit = 1000; /* the subsample's iterations pass */
    clv_fit_options o = {0};
    o.progress = stop_at, o.progress_data = &limit;
    clv_model m;
    clv_fit_info info;
    CHECK_STATUS(
        "fit", clv_tx_fit(CLV_MODEL_BGNBD, x, t_x, T, NULL, M, CLV_UNIT_WEEK, &o, &m, &info, NULL),
        CLV_OK);
    limit = info.iterations - 1;
    clv_fault f;
    CHECK_STATUS("stopped in the last Newton step",
                 clv_tx_fit(CLV_MODEL_BGNBD, x, t_x, T, NULL, M, CLV_UNIT_WEEK, &o, &m, NULL, &f),
                 CLV_ENOCONV);
    CHECK("stopped: NaN", isnan(m.param[0]));
    /* an x too large to tabulate by value: the rows are compressed after
     * all (today's evaluation and driver) */
    x[0] = 70000, t_x[0] = T[0];
    CHECK_STATUS(
        "x = 70000",
        clv_tx_fit(CLV_MODEL_BGNBD, x, t_x, T, NULL, M, CLV_UNIT_WEEK, NULL, &m, &info, NULL),
        CLV_OK);
    CHECK("x = 70000: fitted", m.param[0] > 0 && m.param[3] > 0);
    free(x), free(t_x), free(T), free(w);
}

/* Times recorded to 1/100 week: the rows compress (T repeats), but to
 * over 100,000 patterns, which the fit evaluates row by row (no per-row
 * indices) with the warm start and Newton steps: the same maximum as
 * today's driver on today's evaluation of the same patterns. */
static void test_newton_compressed(void)
{
    enum { M = 150000 };
    double *x = malloc(M * sizeof *x), *t_x = malloc(M * sizeof *t_x), *T = malloc(M * sizeof *T);
    customers(M, x, t_x, T);
    for (size_t i = 0; i < M; i++)
        T[i] = round(100 * T[i]) / 100, t_x[i] = fmin(round(100 * t_x[i]) / 100, T[i]);
    const double *cols[3] = {x, t_x, T};
    clv_patterns pat;
    CHECK_STATUS("patterns", clv_patterns_build(cols, 3, NULL, M, &pat), CLV_OK);
    if (!CHECK("compresses, to over 100,000 patterns", pat.n < M && pat.n >= CLV_NEWTON_ROWS))
        fprintf(stderr, "  %zu patterns\n", pat.n);
    for (int mbg = 0; mbg < 2; mbg++) {
        double want[4];
        const double start[4] = {1, 5, 1, 2};
        CHECK_STATUS("oracle fit", fit_with(&pat, mbg, BG_TABLES, start, want), CLV_OK);
        clv_model m;
        clv_fit_info info;
        CHECK_STATUS("compressed Newton fit",
                     clv_tx_fit(mbg ? CLV_MODEL_MBGNBD : CLV_MODEL_BGNBD, x, t_x, T, NULL, M,
                                CLV_UNIT_WEEK, NULL, &m, &info, NULL),
                     CLV_OK);
        CHECK("compressed: distinct rows counted", info.distinct == pat.n);
        for (int i = 0; i < 4; i++)
            CHECK_REL("compressed Newton: parameter as the oracle's, 1e-10", m.param[i], want[i],
                      1e-10);
        if (!CHECK("compressed Newton: no fallback", info.iterations < 45))
            fprintf(stderr, "  iterations %zu\n", info.iterations);
    }
    clv_patterns_free(&pat);
    free(x), free(t_x), free(T);
}

/* Pareto/NBD customers with exact times (r = s = 1, alpha = beta = 8:
 * rates and drop-out rates exponential), observed for 27 to 39 weeks: the
 * fitted alpha and beta are close, so the 2F1 series is short and a fit of
 * 120,000 rows takes seconds. */
static void pnbd_customers(size_t n, double *x, double *t_x, double *T)
{
    for (size_t i = 0; i < n; i++) {
        double lambda = -log(uniform()) / 8, tau = -log(uniform()) / (-log(uniform()) / 8), t = 0;
        T[i] = 27 + 12 * uniform();
        x[i] = t_x[i] = 0;
        for (;;) {
            t += -log(uniform()) / lambda;
            if (t > T[i] || t > tau)
                break;
            x[i]++, t_x[i] = t;
        }
    }
}

/* Pareto/NBD through clv_tx_fit (warm start and chord steps) against
 * today's driver on the same rows (clv_fit_run from the same start). */
static void test_pnbd_large(void)
{
    enum { M = 120000 };
    double *x = malloc(M * sizeof *x), *t_x = malloc(M * sizeof *t_x), *T = malloc(M * sizeof *T);
    pnbd_customers(M, x, t_x, T);
    const double *cols[3] = {x, t_x, T};
    clv_patterns pat;
    CHECK_STATUS("patterns", clv_patterns_build(cols, 3, NULL, M, &pat), CLV_OK);
    void *d = clv_pnbd_data_create(&pat);
    clv_fit_problem pb = {4, clv_pnbd_loglik, d, 1, 1, {{1, 5, 1, 5}}, pat.total, pat.n};
    double want[4];
    clv_fit_info wi, info;
    CHECK_STATUS("pnbd today's driver", clv_fit_run(&pb, NULL, 0, want, &wi, NULL), CLV_OK);
    clv_model m;
    CHECK_STATUS(
        "pnbd large fit",
        clv_tx_fit(CLV_MODEL_PNBD, x, t_x, T, NULL, M, CLV_UNIT_WEEK, NULL, &m, &info, NULL),
        CLV_OK);
    for (int i = 0; i < 4; i++) {
        CHECK_REL("pnbd large fit: parameter as today's, 1e-10", m.param[i], want[i], 1e-10);
        CHECK_REL("pnbd large fit: se as today's, 1e-4", info.se[i], wi.se[i], 1e-4);
    }
    /* the subsample's iterations (about today's) and ~10 steps; the
     * fallback would add today's */
    if (!CHECK("pnbd large fit: no fallback", info.iterations < wi.iterations + 16))
        fprintf(stderr, "  iterations %zu, today's %zu\n", info.iterations, wi.iterations);
    clv_pnbd_data_free(d);
    clv_patterns_free(&pat);
    free(x), free(t_x), free(T);
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
    test_hessian(&pat);
    test_newton_differences(&pat);
    test_chord(&pat);
    clv_patterns_free(&pat);
    test_newton();
    test_newton_compressed();
    test_pnbd_large();
    test_many(x, t_x, T, N);
    return check_report("test_fastfit");
}
