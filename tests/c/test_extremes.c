/*
 * test_extremes.c -- a grid of extreme inputs for every transaction model:
 * x up to 10,000, t_x and T up to 10,000, each parameter from 1e-3 to 1e3.
 * Every call must succeed with a finite result, probabilities in [0, 1],
 * expectations >= 0 and growing with the horizon, and the log-likelihood
 * finite -- no NaN, no overflow, no silent failure.
 */
#include <math.h>
#include <stdio.h>

#include "check.h"
#include "clvkit/clvkit.h"

static const double P[] = {1e-3, 0.1, 1, 10, 1e3};
#define NP (sizeof P / sizeof P[0])

static const double C[][3] = {
    /* x, t_x, T */
    {0, 0, 0},      {0, 0, 1e4},      {1, 1e-3, 1e4},   {1, 0.5, 1},
    {10, 5, 10},    {100, 99.9, 100}, {1e4, 1, 1},      {1e4, 1e4, 1e4},
    {1e4, 10, 1e4}, {3, 9999, 1e4},   {1e4, 1e-3, 1e4}, {50, 0, 1e4},
};
#define NC (sizeof C / sizeof C[0])

static int failures_shown;

static void report(const clv_model *m, const char *what, double x, double tx, double T, double v,
                   clv_status st)
{
    if (failures_shown++ < 20)
        fprintf(stderr, "  %s %s(%g,%g,%g,%g) x=%g t_x=%g T=%g: status %d value %g\n",
                clv_model_name(m->kind), what, m->param[0], m->param[1], m->param[2], m->param[3],
                x, tx, T, (int)st, v);
}

static void grid(clv_model_kind kind)
{
    size_t bad = 0, calls = 0;
    clv_model m = {kind, {0, 0, 0, 0}, CLV_UNIT_NONE};
    for (size_t i = 0; i < NP * NP * NP * NP; i++) {
        m.param[0] = P[i % NP];
        m.param[1] = P[i / NP % NP];
        m.param[2] = P[i / (NP * NP) % NP];
        m.param[3] = P[i / (NP * NP * NP)];
        for (size_t c = 0; c < NC; c++) {
            double x = C[c][0], tx = C[c][1], T = C[c][2], v, e1, e2, ll;
            clv_status st = clv_tx_palive(&m, x, tx, T, &v, NULL);
            calls++;
            if (st != CLV_OK || !(v >= 0 && v <= 1)) {
                bad++;
                report(&m, "palive", x, tx, T, v, st);
            }
            clv_status s1 = clv_tx_conditional_expected(&m, 1, x, tx, T, &e1, NULL);
            clv_status s2 = clv_tx_conditional_expected(&m, 1e4, x, tx, T, &e2, NULL);
            calls += 2;
            if (s1 != CLV_OK || s2 != CLV_OK || !(e1 >= 0) || !isfinite(e2) ||
                e2 < e1 * (1 - 1e-9)) {
                bad++;
                report(&m, "conditional", x, tx, T, s1 ? e1 : e2, s1 ? s1 : s2);
            }
            st = clv_tx_loglik(&m, &x, &tx, &T, NULL, 1, &ll, NULL);
            calls++;
            if (st != CLV_OK || !isfinite(ll)) {
                bad++;
                report(&m, "loglik", x, tx, T, ll, st);
            }
        }
        static const double ts[] = {1e-3, 1, 1e4};
        double prev = 0;
        for (int j = 0; j < 3; j++) {
            double e, p0, p3;
            clv_status s1 = clv_tx_expected(&m, ts[j], &e, NULL);
            clv_status s2 = clv_tx_pmf(&m, 0, ts[j], &p0, NULL);
            clv_status s3 = clv_tx_pmf(&m, 3, ts[j], &p3, NULL);
            calls += 3;
            if (s1 || s2 || s3 || !(e >= prev * (1 - 1e-9)) || !isfinite(e) ||
                !(p0 >= 0 && p0 <= 1) || !(p3 >= 0 && p3 <= 1) || p0 + p3 > 1 + 1e-9) {
                bad++;
                report(&m, "expected/pmf", ts[j], 0, 0, e, s1 ? s1 : s2 ? s2 : s3);
            }
            prev = e;
        }
    }
    printf("%s: %zu calls over %zu parameter sets, %zu bad\n", clv_model_name(kind), calls,
           NP * NP * NP * NP, bad);
    CHECK("every call finite and in range", bad == 0);
}

/* Values at corners of the grid from an independent computation: mpmath at
 * 30 digits, the Beta and death-time integrals by its own quadrature with
 * the singular ends substituted away.  E[Y] is for t = 10^4. */
static const struct {
    clv_model_kind kind;
    double p[4], x, t_x, T, palive, cond;
} corners[] = {
    {CLV_MODEL_BGNBD, {1e3, 1e-3, 1e-3, 1e3}, 1e4, 1, 1, 0.999999909082652, 108991600.217685},
    {CLV_MODEL_BGNBD, {10, 0.1, 1e-3, 1e3}, 3, 9999, 1e4, 0.999999000698706, 12.999766733395},
    {CLV_MODEL_BGNBD,
     {1e-3, 1e-3, 1e-3, 1e-3},
     1,
     1e-3,
     1e4,
     1.96938622846593e-7,
     1.96999120011772e-7},
    {CLV_MODEL_MBGNBD, {1e-3, 1e-3, 1e-3, 1e-3}, 0, 0, 1e4, 0.49597056329684, 0.000495779139021322},
    {CLV_MODEL_MBGNBD, {1e-3, 1e3, 1e3, 1e-3}, 1e4, 1, 1, 0.909090917355371, 10.010011011011},
    {CLV_MODEL_PNBD, {0.1, 1e3, 10, 1e-3}, 3, 9999, 1e4, 0.999000309231763, 0.312207336393637},
    {CLV_MODEL_PNBD,
     {10, 0.1, 1e-3, 1e3},
     50,
     0,
     1e4,
     5.88234907390999e-292,
     3.52811121367402e-290},
    {CLV_MODEL_PNBD, {1e3, 1e3, 1e3, 1e3}, 1e4, 1, 1, 1.0, 11.011011011011},
    /* true values below 1e-6000: zero in double */
    {CLV_MODEL_PNBD, {1e-3, 1e3, 1e3, 1e-3}, 1e4, 10, 1e4, 0, 0},
    {CLV_MODEL_PNBD, {1e-3, 1e-3, 1e-3, 1e-3}, 1e4, 10, 1e4, 0, 0},
};

static void test_corners(void)
{
    for (size_t i = 0; i < sizeof corners / sizeof corners[0]; i++) {
        clv_model m = {corners[i].kind,
                       {corners[i].p[0], corners[i].p[1], corners[i].p[2], corners[i].p[3]},
                       CLV_UNIT_NONE};
        double pa, ce;
        CHECK_STATUS("corner palive",
                     clv_tx_palive(&m, corners[i].x, corners[i].t_x, corners[i].T, &pa, NULL),
                     CLV_OK);
        CHECK_STATUS("corner E[Y]",
                     clv_tx_conditional_expected(&m, 1e4, corners[i].x, corners[i].t_x,
                                                 corners[i].T, &ce, NULL),
                     CLV_OK);
        if (corners[i].palive == 0) {
            CHECK("corner: underflows to 0", pa < 1e-300 && ce < 1e-300);
            continue;
        }
        CHECK_REL("corner palive (mpmath)", pa, corners[i].palive, 1e-9);
        CHECK_REL("corner E[Y] (mpmath)", ce, corners[i].cond, 1e-9);
    }
}

static void grid_gg(void)
{
    size_t bad = 0;
    for (size_t i = 0; i < NP * NP * NP; i++) {
        clv_model g = {CLV_MODEL_GG, {P[i % NP], P[i / NP % NP], P[i / (NP * NP)]}, CLV_UNIT_NONE};
        static const double xm[][2] = {{1, 1e-3}, {1e4, 1e6}, {3, 25}, {1e4, 1}};
        for (int c = 0; c < 4; c++) {
            double v, ll;
            clv_status st = clv_gg_spend(&g, xm[c][0], xm[c][1], &v, NULL);
            int ok = st == CLV_OK
                         ? isfinite(v) && v > 0
                         : st == CLV_EDOM && isnan(v) && g.param[0] * xm[c][0] + g.param[1] <= 1;
            st = clv_gg_loglik(&g, &xm[c][0], &xm[c][1], NULL, 1, &ll, NULL);
            ok &= st == CLV_OK && isfinite(ll);
            bad += !ok;
        }
    }
    CHECK("Gamma-Gamma: finite or a stated EDOM", bad == 0);
}

int main(void)
{
    test_corners();
    grid(CLV_MODEL_BGNBD);
    grid(CLV_MODEL_MBGNBD);
    grid(CLV_MODEL_PNBD);
    grid_gg();
    return check_report("test_extremes");
}
