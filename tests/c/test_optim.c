/*
 * test_optim.c -- the optimiser (src/numerics/optim.c) on its own, away from
 * any likelihood: Rosenbrock's valley (minimum 0 at (1, 1), known in closed
 * form), a minimum outside the box (the answer is the bound), a flat ridge
 * (the Hessian is singular: spd_inverse must refuse it), Nelder-Mead without
 * gradients, the Newton polish and the Cholesky inverse of a known matrix.
 */
#include <math.h>

#include "check.h"
#include "numerics/optim.h"

/* Rosenbrock: (1 - x)^2 + 100 (y - x^2)^2, analytic gradient. */
static int rosenbrock(const double *t, double *f, double *g, void *ctx)
{
    (void)ctx;
    double x = t[0], y = t[1];
    *f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    if (g) {
        g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
        g[1] = 200 * (y - x * x);
    }
    return 0;
}

/* (x - 5)^2 + (y + 5)^2: its minimum lies outside the box [-2, 2]^2. */
static int outside(const double *t, double *f, double *g, void *ctx)
{
    (void)ctx;
    *f = (t[0] - 5) * (t[0] - 5) + (t[1] + 5) * (t[1] + 5);
    if (g) {
        g[0] = 2 * (t[0] - 5);
        g[1] = 2 * (t[1] + 5);
    }
    return 0;
}

/* (x + y - 1)^2: a ridge of minima along x + y = 1, flat along it. */
static int ridge(const double *t, double *f, double *g, void *ctx)
{
    (void)ctx;
    double r = t[0] + t[1] - 1;
    *f = r * r;
    if (g)
        g[0] = g[1] = 2 * r;
    return 0;
}

/* Cannot be evaluated anywhere. */
static int nowhere(const double *t, double *f, double *g, void *ctx)
{
    (void)t, (void)g, (void)ctx;
    *f = NAN;
    return 0;
}

static void run_bfgs(clv_optim *o, size_t max)
{
    for (size_t i = 0; i < max && !clv_optim_test_gradient(o, 1e-12); i++)
        if (clv_optim_iterate(o) != CLV_OK)
            break;
}

static void test_rosenbrock(void)
{
    clv_optim o;
    const double x0[] = {-1.2, 1};
    CHECK_STATUS("init", clv_optim_init(&o, 2, rosenbrock, NULL, 1, x0, -10, 10), CLV_OK);
    run_bfgs(&o, 500);
    CHECK_CLOSE("x", o.x[0], 1, 1e-5);
    CHECK_CLOSE("y", o.x[1], 1, 1e-5);
    CHECK_CLOSE("f", o.f, 0, 1e-10);
    CHECK("iterations counted", o.iterations > 10 && o.evaluations >= o.iterations);
    /* the same with central differences instead of the gradient */
    CHECK_STATUS("init fd", clv_optim_init(&o, 2, rosenbrock, NULL, 0, x0, -10, 10), CLV_OK);
    run_bfgs(&o, 1000);
    CHECK_CLOSE("x fd", o.x[0], 1, 1e-4);
    CHECK_CLOSE("y fd", o.x[1], 1, 1e-4);
    /* Newton on the Hessian there: 802 -400 / -400 200, positive definite */
    double H[CLV_OPT_MAXN][CLV_OPT_MAXN], inv[CLV_OPT_MAXN][CLV_OPT_MAXN];
    const double one[] = {1, 1};
    clv_optim_init(&o, 2, rosenbrock, NULL, 1, one, -10, 10);
    CHECK_STATUS("hessian", clv_optim_hessian(&o, H), CLV_OK);
    CHECK_CLOSE("H00", H[0][0], 802, 1e-3);
    CHECK_CLOSE("H01", H[0][1], -400, 1e-3);
    CHECK_CLOSE("H11", H[1][1], 200, 1e-3);
    CHECK_STATUS("inverse", clv_optim_spd_inverse(2, H, inv), CLV_OK);
    /* inverse of [[802,-400],[-400,200]]: det 400 -> [[0.5,1],[1,2.005]] */
    CHECK_CLOSE("inv00", inv[0][0], 0.5, 1e-5);
    CHECK_CLOSE("inv01", inv[0][1], 1, 1e-5);
    CHECK_CLOSE("inv11", inv[1][1], 2.005, 1e-5);
}

static void test_nelder_mead(void)
{
    clv_optim o;
    const double x0[] = {-1.2, 1};
    clv_optim_init(&o, 2, rosenbrock, NULL, 1, x0, -10, 10);
    CHECK_STATUS("nelder-mead", clv_optim_nelder_mead(&o, 5000), CLV_OK);
    CHECK_CLOSE("nm x", o.x[0], 1, 1e-3);
    CHECK_CLOSE("nm y", o.x[1], 1, 1e-3);
    /* Newton polish from near the minimum does not go uphill */
    double H[CLV_OPT_MAXN][CLV_OPT_MAXN], before = o.f;
    if (clv_optim_hessian(&o, H) == CLV_OK)
        clv_optim_newton(&o, H);
    CHECK("newton never raises f", o.f <= before);
}

static void test_bounds(void)
{
    clv_optim o;
    const double x0[] = {0, 0}, far[] = {100, -100};
    clv_optim_init(&o, 2, outside, NULL, 1, x0, -2, 2);
    run_bfgs(&o, 200);
    CHECK("stays in the box", o.x[0] <= 2 && o.x[0] >= -2 && o.x[1] <= 2 && o.x[1] >= -2);
    CHECK_CLOSE("x at the bound", o.x[0], 2, 1e-9);
    CHECK_CLOSE("y at the bound", o.x[1], -2, 1e-9);
    CHECK_CLOSE("f at the corner", o.f, 18, 1e-9);
    /* a start outside the box is clipped into it */
    clv_optim_init(&o, 2, outside, NULL, 1, far, -2, 2);
    CHECK("start clipped", o.x[0] == 2 && o.x[1] == -2);
}

static void test_ridge(void)
{
    clv_optim o;
    const double x0[] = {3, -4};
    clv_optim_init(&o, 2, ridge, NULL, 1, x0, -10, 10);
    run_bfgs(&o, 200);
    CHECK_CLOSE("on the ridge", o.x[0] + o.x[1], 1, 1e-6);
    CHECK_CLOSE("f on the ridge", o.f, 0, 1e-12);
    /* the Hessian [[2,2],[2,2]] is singular: no inverse, no standard errors */
    double H[CLV_OPT_MAXN][CLV_OPT_MAXN], inv[CLV_OPT_MAXN][CLV_OPT_MAXN];
    CHECK_STATUS("ridge hessian", clv_optim_hessian(&o, H), CLV_OK);
    CHECK_STATUS("singular", clv_optim_spd_inverse(2, H, inv), CLV_EDOM);
}

static void test_cannot_start(void)
{
    clv_optim o;
    const double x0[] = {0, 0};
    CHECK_STATUS("no start", clv_optim_init(&o, 2, nowhere, NULL, 1, x0, -1, 1), CLV_EDOM);
}

int main(void)
{
    test_rosenbrock();
    test_nelder_mead();
    test_bounds();
    test_ridge();
    test_cannot_start();
    return check_report("optim");
}
