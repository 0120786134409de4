/*
 * test_extreme_grid.c -- every prediction of every model on a grid of
 * extreme customers: x up to 10^6, t_x and T (or n opportunities) up to
 * 10^6, every parameter from 1e-6 to 1e6.  Each call either succeeds with a
 * finite value in range (probabilities in [0, 1], expectations >= 0 and not
 * shrinking with the horizon) or returns a status the header promises for
 * such a case (CLV_ELOSS with an in-range value written, CLV_ERANGE,
 * CLV_ENOCONV; CLV_EDOM only where the mean does not exist).  Never NaN
 * with CLV_OK, never a crash.  Values are checked against mpmath in
 * test_extreme_reference.c; this test covers the corners.
 */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "check.h"
#include "clvkit/clvkit.h"

static const double P[] = {1e-6, 1e-3, 1, 1e3, 1e6};
#define NP (sizeof P / sizeof P[0])

static size_t calls, statuses, bad, by_status[16];

/* A result of a call: OK and `in_range`, or a promised status. */
static void judge(const char *what, const clv_model *m, const double *a, clv_status st, double v,
                  int in_range)
{
    calls++;
    int ok;
    if (st == CLV_OK)
        ok = isfinite(v) && in_range;
    else {
        statuses++;
        by_status[(unsigned)st & 15]++;
        ok = (st == CLV_ELOSS && isfinite(v) && in_range) || st == CLV_ERANGE || st == CLV_ENOCONV;
    }
    if (ok)
        return;
    if (bad++ < 25)
        fprintf(stderr, "  %s %s(%g,%g,%g,%g) at (%g,%g,%g,%g): status %d value %.17g\n",
                clv_model_name(m->kind), what, m->param[0], m->param[1], m->param[2], m->param[3],
                a[0], a[1], a[2], a[3], (int)st, v);
}

static int prob(double v)
{
    return v >= 0 && v <= 1;
}

/* The i-th of the np^k parameter sets of k parameters from p[0..np-1]. */
static void params_from(clv_model *m, size_t i, size_t k, const double *p, size_t np)
{
    for (size_t q = 0; q < k; q++, i /= np)
        m->param[q] = p[i % np];
}

static void params(clv_model *m, size_t i, size_t k)
{
    params_from(m, i, k, P, NP);
}

static size_t power(size_t k, size_t np)
{
    size_t n = 1;
    while (k--)
        n *= np;
    return n;
}

static const double H[][3] = {
    /* x, t_x, T */
    {0, 0, 1e-6},  {0, 0, 1e6},       {1, 1e-6, 1e6}, {1e6, 1e6, 1e6},
    {1e6, 1, 1e6}, {1e6, 1e-6, 1e-6}, {3, 5e5, 1e6},  {1e3, 999, 1e3},
};
#define NH (sizeof H / sizeof H[0])

static void grid_tx(clv_model_kind kind)
{
    clv_model m = {kind, {0}, CLV_UNIT_NONE};
    for (size_t i = 0; i < power(4, NP); i++) {
        params(&m, i, 4);
        for (size_t h = 0; h < NH; h++) {
            double a[4] = {H[h][0], H[h][1], H[h][2], 0}, v, e1, e2;
            clv_status st = clv_tx_palive(&m, a[0], a[1], a[2], &v, NULL);
            judge("palive", &m, a, st, v, prob(v));
            clv_status s1 = clv_tx_conditional_expected(&m, 1, a[0], a[1], a[2], &e1, NULL);
            judge("conditional(1)", &m, a, s1, e1, e1 >= 0);
            clv_status s2 = clv_tx_conditional_expected(&m, 1e6, a[0], a[1], a[2], &e2, NULL);
            judge("conditional(1e6)", &m, a, s2, e2,
                  e2 >= 0 && (s1 != CLV_OK || e2 >= e1 * (1 - 1e-9)));
        }
        static const double ts[] = {1e-6, 1, 1e6};
        double prev = 0;
        for (int j = 0; j < 3; j++) {
            double a[4] = {ts[j], 0, 0, 0}, e, p0, pn;
            clv_status st = clv_tx_expected(&m, ts[j], &e, NULL);
            judge("expected", &m, a, st, e, e >= prev * (1 - 1e-9));
            if (st == CLV_OK)
                prev = e;
            st = clv_tx_pmf(&m, 0, ts[j], &p0, NULL);
            judge("pmf(0)", &m, a, st, p0, prob(p0));
            a[1] = 1e6;
            st = clv_tx_pmf(&m, 1e6, ts[j], &pn, NULL);
            judge("pmf(1e6)", &m, a, st, pn, prob(pn) && pn + p0 <= 1 + 1e-9);
        }
    }
}

static void grid_gg(void)
{
    clv_model g = {CLV_MODEL_GG, {0}, CLV_UNIT_NONE};
    static const double xm[][2] = {{0, 0}, {1, 1e-6}, {1, 1e6}, {1e6, 1e6}, {1e6, 1e-6}, {3, 25}};
    for (size_t i = 0; i < power(3, NP); i++) {
        params(&g, i, 3);
        for (size_t c = 0; c < sizeof xm / sizeof xm[0]; c++) {
            double a[4] = {xm[c][0], xm[c][1], 0, 0}, v;
            clv_status st = clv_gg_spend(&g, a[0], a[1], &v, NULL);
            double px = g.param[0] * a[0] + g.param[1];
            int no_mean = a[0] == 0 ? g.param[1] <= 1 : px <= 1;
            if (st == CLV_EDOM && no_mean && isnan(v)) {
                calls++;
                continue; /* the stated "the mean does not exist" */
            }
            judge("spend", &g, a, st, v, v > 0 && !no_mean);
        }
    }
}

static void grid_sbg(void)
{
    clv_model m = {CLV_MODEL_SBG, {0}, CLV_UNIT_NONE};
    static const double ts[] = {1, 2, 1e3, 1e6};
    static const double ds[] = {0, 1e-6, 0.1, 1e3};
    for (size_t i = 0; i < power(2, NP); i++) {
        params(&m, i, 2);
        double prev = 1;
        for (size_t j = 0; j < sizeof ts / sizeof ts[0]; j++) {
            double a[4] = {ts[j], 0, 0, 0}, s, r, c;
            clv_status st = clv_sbg_survival(&m, ts[j], &s, NULL);
            judge("survival", &m, a, st, s, prob(s) && s <= prev * (1 + 1e-12));
            if (st == CLV_OK)
                prev = s;
            st = clv_sbg_retention(&m, ts[j], &r, NULL);
            judge("retention", &m, a, st, r, prob(r));
            st = clv_sbg_churn(&m, ts[j], &c, NULL);
            judge("churn", &m, a, st, c, prob(c));
        }
        for (size_t j = 0; j < sizeof ds / sizeof ds[0]; j++) {
            double a[4] = {ds[j], 1, 0, 0}, del, derl;
            clv_status st = clv_sbg_del(&m, ds[j], &del, NULL);
            if (ds[j] == 0 && m.param[0] <= 1) {
                calls++;
                CHECK("DEL at d = 0, alpha <= 1: ENOCONV", st == CLV_ENOCONV);
                continue;
            }
            judge("del", &m, a, st, del, del >= 1 * (1 - 1e-12));
            static const double ns[] = {1, 1e3, 1e6};
            for (int k = 0; k < 3; k++) {
                a[1] = ns[k];
                st = clv_sbg_derl(&m, ds[j], ns[k], &derl, NULL);
                judge("derl", &m, a, st, derl, derl >= 0);
            }
        }
    }
}

/* BG/BB's sums cost one step per opportunity: three values per parameter
 * for customers up to 10^4 opportunities, and the 16 corners for 10^6. */
static void bgbb_customer(const clv_model *m, const double *c)
{
    double a[4] = {c[0], c[1], c[2], 1e3}, v, e;
    clv_status st = clv_bgbb_palive(m, a[0], a[1], a[2], &v, NULL);
    judge("palive", m, a, st, v, prob(v));
    st = clv_bgbb_conditional_expected(m, 1e3, a[0], a[1], a[2], &e, NULL);
    judge("conditional", m, a, st, e, e >= 0 && e <= 1e3 * (1 + 1e-12));
}

static void bgbb_new(const clv_model *m, double n)
{
    double a[4] = {n, 0, 0, 0}, e, p;
    clv_status st = clv_bgbb_expected(m, n, &e, NULL);
    judge("expected", m, a, st, e, e >= 0 && e <= n * (1 + 1e-12));
    a[0] = 1, a[1] = fmin(n, 1e4); /* the pmf sums n terms too */
    st = clv_bgbb_pmf(m, a[0], a[1], &p, NULL);
    judge("pmf", m, a, st, p, prob(p));
}

static void grid_bgbb(void)
{
    static const double P3[] = {1e-6, 1, 1e6}, P2[] = {1e-6, 1e6};
    static const double c[][3] = {
        /* x, t_x, n */
        {0, 0, 1},  {0, 0, 1e4},    {1, 1, 1e4},     {1e4, 1e4, 1e4},
        {3, 5, 10}, {10, 1e6, 1e6}, {1e6, 1e6, 1e6}, {500, 999000, 1e6},
    };
    clv_model m = {CLV_MODEL_BGBB, {0}, CLV_UNIT_NONE};
    for (size_t i = 0; i < power(4, 3); i++) {
        params_from(&m, i, 4, P3, 3);
        for (size_t h = 0; h < sizeof c / sizeof c[0]; h++)
            bgbb_customer(&m, c[h]);
        bgbb_new(&m, 1);
        bgbb_new(&m, 1e3);
    }
    static const double longest[3] = {0, 0, 1e6}; /* 10^6 steps a call */
    for (size_t i = 0; i < power(4, 2); i++) {
        params_from(&m, i, 4, P2, 2);
        bgbb_customer(&m, longest);
        bgbb_new(&m, 1e6);
    }
}

/* Runs one part and says what it cost (for the reader, not asserted). */
static void part(const char *name, void (*fn)(clv_model_kind), clv_model_kind kind)
{
    size_t before = calls, bad_before = bad;
    clock_t t0 = clock();
    fn(kind);
    printf("%-8s %7zu calls %4zu bad  %.2f s CPU\n", name, calls - before, bad - bad_before,
           (double)(clock() - t0) / CLOCKS_PER_SEC);
    fflush(stdout);
}

static void gg(clv_model_kind k)
{
    (void)k, grid_gg();
}
static void sbg(clv_model_kind k)
{
    (void)k, grid_sbg();
}
static void bgbb(clv_model_kind k)
{
    (void)k, grid_bgbb();
}

/* Found by this grid: P(T = 1) came out 1 + 8e-11 at alpha 1e6, beta 1e-6
 * (a difference of two ln B); it is alpha/(alpha+beta). */
static void regression_sbg(void)
{
    clv_model m = {CLV_MODEL_SBG, {1e6, 1e-6}, CLV_UNIT_NONE};
    double c, s;
    CHECK_STATUS("churn(1e6, 1e-6, 1)", clv_sbg_churn(&m, 1, &c, NULL), CLV_OK);
    CHECK_REL("churn(1e6, 1e-6, 1) = alpha/(alpha+beta)", c, 1e6 / (1e6 + 1e-6), 1e-15);
    m.param[0] = 1e-6, m.param[1] = 1e6;
    CHECK_STATUS("survival(1e-6, 1e6, 1)", clv_sbg_survival(&m, 1, &s, NULL), CLV_OK);
    CHECK("survival(1e-6, 1e6, 1) <= 1", s <= 1);
}

int main(void)
{
    regression_sbg();
    part("bgnbd", grid_tx, CLV_MODEL_BGNBD);
    part("mbgnbd", grid_tx, CLV_MODEL_MBGNBD);
    part("pnbd", grid_tx, CLV_MODEL_PNBD);
    part("gg", gg, CLV_MODEL_GG);
    part("sbg", sbg, CLV_MODEL_SBG);
    part("bgbb", bgbb, CLV_MODEL_BGBB);
    printf("extreme grid: %zu calls, %zu statuses (%zu ELOSS, %zu ERANGE, "
           "%zu ENOCONV), %zu bad\n",
           calls, statuses, by_status[CLV_ELOSS], by_status[CLV_ERANGE], by_status[CLV_ENOCONV],
           bad);
    CHECK("every call finite and in range, or a promised status", bad == 0);
    return check_report("test_extreme_grid");
}
