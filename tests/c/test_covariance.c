/*
 * test_covariance.c -- the covariance of the parameters at given values
 * (clv_tx_covariance, clv_gg_covariance): at the maximum it is the fit's;
 * the standard errors match those published by lifetimes (BG/NBD) and
 * CLVTools (Pareto/NBD, at CLVTools' own parameters); the Gamma-Gamma one
 * matches an inverse Hessian by second differences in the parameters
 * themselves, computed here; it follows the parameters given (no re-fit);
 * bad input gets a status and a fault, NaN in every cell.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "clvkit/intervals.h"
#include "refdata.h"

typedef double mat[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS];

static cbs_data cbs;

/* 3 x 3 inverse by cofactors. */
static void inv3(double a[3][3], double out[3][3])
{
    double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
                 a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
                 a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
            out[i][j] = (a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]) / det;
        }
}

static void test_tx(void)
{
    clv_model bg;
    clv_fit_info info;
    CHECK_STATUS("fit BG/NBD",
                 clv_tx_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, CLV_UNIT_WEEK,
                            NULL, &bg, &info, NULL),
                 CLV_OK);
    mat cov;
    double se[CLV_MODEL_MAXPARAMS];
    CHECK_STATUS("BG/NBD covariance",
                 clv_tx_covariance(&bg, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, se, cov, NULL), CLV_OK);
    /* lifetimes' Quickstart: SE 0.012557 0.378221 0.185719 0.705345 (on
     * the rounded summary; the exact data give nearly the same) */
    static const double lt_se[4] = {0.012557, 0.378221, 0.185719, 0.705345};
    for (int i = 0; i < 4; i++) {
        CHECK_REL("SE close to lifetimes'", se[i], lt_se[i], 0.02);
        CHECK_REL("se = sqrt(diagonal)", se[i], sqrt(cov[i][i]), 1e-15);
        for (int j = 0; j < 4; j++)
            CHECK_REL("at the maximum: the fit's covariance", cov[i][j], info.cov[i][j], 1e-6);
    }

    /* Pareto/NBD at CLVTools' estimates: its published SE (the likelihood
     * is flat in beta, so a looser check there) */
    clv_model pn = {CLV_MODEL_PNBD, {0.55315, 10.57633, 0.60625, 11.67150}, CLV_UNIT_WEEK};
    static const double cl_se[4] = {0.0476264, 0.8427222, 0.1872594, 6.2105448};
    CHECK_STATUS("Pareto/NBD covariance",
                 clv_tx_covariance(&pn, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, se, cov, NULL), CLV_OK);
    for (int i = 0; i < 4; i++)
        CHECK_REL("SE close to CLVTools'", se[i], cl_se[i], i == 3 ? 0.05 : 0.01);

    /* the parameters given are the ones used: 10 % off the maximum, the
     * covariance differs from the fit's (and is still positive definite) */
    clv_model off = bg;
    off.param[0] *= 1.1;
    CHECK_STATUS("off the maximum",
                 clv_tx_covariance(&off, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, se, cov, NULL),
                 CLV_OK);
    CHECK("a different covariance", fabs(cov[0][0] / info.cov[0][0] - 1) > 1e-3);

    /* weights: two copies of each customer halve the covariance */
    size_t n2 = 2 * cbs.n;
    double *x2 = malloc(n2 * sizeof *x2), *t2 = malloc(n2 * sizeof *t2),
           *T2 = malloc(n2 * sizeof *T2), *w = malloc(cbs.n * sizeof *w);
    for (size_t i = 0; i < cbs.n; i++) {
        x2[i] = x2[i + cbs.n] = cbs.x[i];
        t2[i] = t2[i + cbs.n] = cbs.t_x[i];
        T2[i] = T2[i + cbs.n] = cbs.T[i];
        w[i] = 2;
    }
    mat c2, cw;
    clv_tx_covariance(&bg, x2, t2, T2, NULL, n2, NULL, c2, NULL);
    clv_tx_covariance(&bg, cbs.x, cbs.t_x, cbs.T, w, cbs.n, NULL, cw, NULL);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            CHECK_REL("doubled data: half the covariance", c2[i][j], info.cov[i][j] / 2, 1e-6);
            CHECK_REL("weight 2 = two copies", cw[i][j], c2[i][j], 1e-9);
        }
    free(x2), free(t2), free(T2), free(w);

    /* bad input */
    clv_fault f;
    CHECK_STATUS("NULL cov",
                 clv_tx_covariance(&bg, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, se, NULL, &f),
                 CLV_EINVAL);
    CHECK("fault names cov", f.arg == 7);
    double bx[2] = {1, 2}, btx[2] = {3, 5}, bT[2] = {4, 4};
    CHECK_STATUS("t_x > T", clv_tx_covariance(&bg, bx, btx, bT, NULL, 2, se, cov, &f), CLV_EDOM);
    CHECK("fault names t_x, row 1, NaN",
          f.arg == 2 && f.element == 1 && isnan(se[0]) && isnan(cov[0][0]));
    clv_model gg_kind = {CLV_MODEL_GG, {1, 1, 1}, CLV_UNIT_NONE};
    CHECK_STATUS("a GG model",
                 clv_tx_covariance(&gg_kind, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, se, cov, &f),
                 CLV_EINVAL);
    CHECK("fault names model", f.arg == 0);
    /* far from any maximum: no positive definite Hessian */
    clv_model far = {CLV_MODEL_BGNBD, {50, 0.01, 50, 0.01}, CLV_UNIT_WEEK};
    clv_status st = clv_tx_covariance(&far, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, se, cov, &f);
    CHECK("far from the maximum: a status, never a number",
          st != CLV_OK && isnan(se[0]) && isnan(cov[1][1]));
}

static void test_gg(void)
{
    clv_model gg;
    clv_fit_info info;
    CHECK_STATUS("fit GG", clv_gg_fit(cbs.x, cbs.m_x, NULL, cbs.n, NULL, &gg, &info, NULL), CLV_OK);
    mat cov;
    double se[CLV_MODEL_MAXPARAMS];
    CHECK_STATUS("GG covariance",
                 clv_gg_covariance(&gg, cbs.x, cbs.m_x, NULL, cbs.n, se, cov, NULL), CLV_OK);
    /* the inverse Hessian of -LL in p, q, gamma by second differences of
     * clv_gg_loglik with steps of 1e-4 relative */
    double H[3][3], inv[3][3], h[3];
    for (int i = 0; i < 3; i++)
        h[i] = 1e-4 * gg.param[i];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int a = -1; a <= 1; a += 2)
                for (int b = -1; b <= 1; b += 2) {
                    clv_model m = gg;
                    double ll;
                    m.param[i] += a * h[i];
                    m.param[j] += b * h[j];
                    clv_gg_loglik(&m, cbs.x, cbs.m_x, NULL, cbs.n, &ll, NULL);
                    s += a * b * ll;
                }
            H[i][j] = -s / (4 * h[i] * h[j]);
        }
    inv3(H, inv);
    for (int i = 0; i < 3; i++) {
        CHECK_REL("se = sqrt(diagonal)", se[i], sqrt(cov[i][i]), 1e-15);
        for (int j = 0; j < 3; j++) {
            /* 6e-4 apart: p, q and gamma are nearly collinear, and the
             * inverse magnifies the residual gradient of the fit, which
             * the two parametrisations weigh differently */
            CHECK_REL("inverse Hessian in the parameters", cov[i][j], inv[i][j], 2e-3);
            CHECK_REL("the fit's covariance", cov[i][j], info.cov[i][j], 1e-6);
        }
    }
    CHECK("NaN past the three parameters", isnan(se[3]) && isnan(cov[0][3]) && isnan(cov[3][3]));
    clv_fault f;
    CHECK_STATUS("NULL cov", clv_gg_covariance(&gg, cbs.x, cbs.m_x, NULL, cbs.n, se, NULL, &f),
                 CLV_EINVAL);
    CHECK("fault names cov", f.arg == 6);
    double x0[2] = {0, 0}, m0[2] = {0, 0};
    CHECK_STATUS("no repeat buyer", clv_gg_covariance(&gg, x0, m0, NULL, 2, se, cov, &f), CLV_EDOM);
    CHECK("fault names x, NaN", f.arg == 1 && isnan(se[0]) && isnan(cov[2][2]));
    clv_model bg = {CLV_MODEL_BGNBD, {1, 1, 1, 1}, CLV_UNIT_WEEK};
    CHECK_STATUS("a BG/NBD model", clv_gg_covariance(&bg, cbs.x, cbs.m_x, NULL, cbs.n, se, cov, &f),
                 CLV_EINVAL);
}

int main(void)
{
    load_cbs(&cbs);
    test_tx();
    test_gg();
    return check_report("test_covariance");
}
