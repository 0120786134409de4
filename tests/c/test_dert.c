/*
 * test_dert.c -- Tricomi's U against mpmath.hyperu, DERT of the three
 * transaction models against mpmath's quadrature of
 * delta int e^(-delta t) E[Y(t) | x, t_x, T] dt and the Pareto/NBD closed
 * form (tests/independent_diag), CLV = DERT x spend x margin, bad input.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "clvkit/diagnostics.h"
#include "diag_models.h"
#include "diagref.h"
#include "numerics/hyperu.h"

static void test_hyperu(void)
{
    diagref ref;
    diagref_load("hyperu.csv", &ref);
    CHECK("hyperu reference rows", ref.rows >= 10);
    double worst = 0;
    for (size_t i = 0; i < ref.rows; i++) {
        double lu;
        clv_status st = clv_sf_lhyperu_e(ref.v[i][0], ref.v[i][1], ref.v[i][2], &lu);
        CHECK_STATUS("hyperu status", st, CLV_OK);
        /* ln U: an absolute difference is a relative one in U (and U
         * itself may overflow: U(1000, 1000, 0.02) = 1.9e1694) */
        double want = ref.v[i][4];
        worst = fmax(worst, fabs(lu - want));
        if (!CHECK_CLOSE("ln U(a, b, z) = mpmath", lu, want, 1e-11 * fmax(1, fabs(want))))
            fprintf(stderr, "  at a=%g b=%g z=%g\n", ref.v[i][0], ref.v[i][1], ref.v[i][2]);
    }
    printf("hyperu: worst relative difference %.2e\n", worst);
    double lu;
    CHECK_STATUS("U a = 0", clv_sf_lhyperu_e(0, 1, 1, &lu), CLV_EDOM);
    CHECK_STATUS("U z = 0", clv_sf_lhyperu_e(1, 1, 0, &lu), CLV_EDOM);
    CHECK_STATUS("U NaN", clv_sf_lhyperu_e(1, NAN, 1, &lu), CLV_EINVAL);
    CHECK("U NaN on failure", isnan(lu));
}

static int model_index(const char *name)
{
    for (int m = 0; m < 3; m++)
        if (strcmp(name, diag_names[m]) == 0)
            return m;
    return -1;
}

static void test_dert(void)
{
    diagref ref;
    diagref_load("dert.csv", &ref);
    CHECK("dert reference rows", ref.rows == 36);
    double worst[3] = {0};
    for (size_t i = 0; i < ref.rows; i++) {
        int m = model_index(ref.word[i][0]);
        if (!CHECK("known model", m >= 0))
            continue;
        double d;
        CHECK_STATUS("dert",
                     clv_tx_dert(&diag_models[m], ref.v[i][1], ref.v[i][2], ref.v[i][3],
                                 ref.v[i][4], &d, NULL),
                     CLV_OK);
        double want = ref.v[i][5];
        worst[m] = fmax(worst[m], fabs(d - want) / want);
        CHECK_REL("DERT = mpmath integral", d, want, 1e-7);
        if (m == 2) /* the paper's closed form and the integral agree */
            CHECK_REL("closed form = integral (mpmath)", ref.v[i][6], want, 1e-12);
    }
    for (int m = 0; m < 3; m++)
        printf("dert %s: worst relative difference %.2e\n", diag_names[m], worst[m]);
}

static void test_clv(void)
{
    clv_model gg = {CLV_MODEL_GG, {6.25, 3.74, 15.44, 0}, CLV_UNIT_NONE};
    double d, s, c;
    clv_tx_dert(&diag_models[0], 0.0019, 2, 30.43, 38.86, &d, NULL);
    clv_gg_spend(&gg, 2, 22.35, &s, NULL);
    CHECK_STATUS("clv",
                 clv_dert_clv(&diag_models[0], &gg, 0.0019, 0.3, 2, 30.43, 38.86, 22.35, &c, NULL),
                 CLV_OK);
    CHECK_REL("CLV = DERT x spend x margin", c, d * s * 0.3, 1e-14);
    clv_fault ft;
    CHECK_STATUS("margin > 1",
                 clv_dert_clv(&diag_models[0], &gg, 0.0019, 1.5, 2, 30.43, 38.86, 22.35, &c, &ft),
                 CLV_EDOM);
    CHECK("fault names margin", ft.arg == 3 && isnan(c));
    CHECK_STATUS("gg wrong kind",
                 clv_dert_clv(&diag_models[0], &diag_models[1], 0.0019, 0.3, 2, 30.43, 38.86, 22.35,
                              &c, &ft),
                 CLV_EINVAL);
    CHECK("fault names gg", ft.arg == 1);
    CHECK_STATUS("negative m",
                 clv_dert_clv(&diag_models[0], &gg, 0.0019, 0.3, 2, 30.43, 38.86, -1, &c, &ft),
                 CLV_EDOM);
    CHECK("fault names m", ft.arg == 7);
    CHECK_STATUS("NULL out",
                 clv_dert_clv(&diag_models[0], &gg, 0.0019, 0.3, 2, 30.43, 38.86, 1, NULL, &ft),
                 CLV_EINVAL);
}

static void test_bad_input(void)
{
    double d;
    clv_fault ft;
    for (int m = 0; m < 3; m++) {
        const clv_model *mo = &diag_models[m];
        CHECK_STATUS("delta 0", clv_tx_dert(mo, 0, 1, 1, 2, &d, &ft), CLV_EDOM);
        CHECK("fault delta, NaN", ft.arg == 1 && isnan(d));
        CHECK_STATUS("delta NaN", clv_tx_dert(mo, NAN, 1, 1, 2, &d, &ft), CLV_EINVAL);
        CHECK_STATUS("t_x > T", clv_tx_dert(mo, 0.1, 1, 3, 2, &d, &ft), CLV_EDOM);
        CHECK("fault t_x", ft.arg == 3);
        CHECK_STATUS("negative T", clv_tx_dert(mo, 0.1, 0, 0, -1, &d, &ft), CLV_EDOM);
        CHECK_STATUS("fractional x", clv_tx_dert(mo, 0.1, 1.5, 1, 2, &d, &ft), CLV_EDOM);
        CHECK_STATUS("NULL out", clv_tx_dert(mo, 0.1, 1, 1, 2, NULL, &ft), CLV_EINVAL);
        /* extremes stay finite */
        CHECK_STATUS("huge delta", clv_tx_dert(mo, 1e6, 3, 2, 30, &d, NULL), CLV_OK);
        CHECK("huge delta: small, positive", d > 0 && d < 1e-4);
        CHECK_STATUS("tiny delta", clv_tx_dert(mo, 1e-8, 3, 2, 30, &d, NULL), CLV_OK);
        CHECK("tiny delta finite", isfinite(d) && d > 0);
        CHECK_STATUS("heavy buyer", clv_tx_dert(mo, 0.01, 1000, 300, 310, &d, NULL), CLV_OK);
        CHECK("heavy buyer finite", isfinite(d) && d > 0);
    }
    CHECK_STATUS("NULL model", clv_tx_dert(NULL, 0.1, 1, 1, 2, &d, &ft), CLV_EINVAL);
    clv_model bad = diag_models[0];
    bad.param[2] = -1;
    CHECK_STATUS("bad parameter", clv_tx_dert(&bad, 0.1, 1, 1, 2, &d, &ft), CLV_EDOM);
}

int main(void)
{
    test_hyperu();
    test_dert();
    test_clv();
    test_bad_input();
    return check_report("test_dert");
}
