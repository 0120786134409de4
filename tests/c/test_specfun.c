/*
 * test_specfun.c -- the internal special functions and quadrature against
 * closed forms (DLMF 15.4 for 2F1, 8.17 for the incomplete beta, 5.4 for
 * digamma), and every status of the 2F1.
 */
#include <math.h>

#include "check.h"
#include "numerics/quad.h"
#include "numerics/specfun.h"

#define EULER_GAMMA 0.57721566490153286061

static void test_hyp2f1_closed_forms(void)
{
    static const double zs[] = {-50, -5,  -0.9, -0.3, 1e-8,     0.1,      0.4,
                                0.5, 0.6, 0.9,  0.99, 0.999999, 1 - 1e-12};
    for (size_t i = 0; i < sizeof zs / sizeof zs[0]; i++) {
        double z = zs[i], v;
        /* DLMF 15.4.2: F(1,1;2;z) = -ln(1-z)/z */
        CHECK_STATUS("F(1,1;2;z)", clv_sf_hyp2f1_e(1, 1, 2, z, &v), CLV_OK);
        CHECK_REL("F(1,1;2;z)", v, -log1p(-z) / z, 1e-13);
        /* 15.4.6: F(a,b;b;z) = (1-z)^-a */
        CHECK_STATUS("F(a,b;b;z)", clv_sf_hyp2f1_e(0.7, 2.3, 2.3, z, &v), CLV_OK);
        CHECK_REL("F(a,b;b;z)", v, pow(1 - z, -0.7), 1e-12);
        CHECK_STATUS("F(a,b;b;z) swapped", clv_sf_hyp2f1_e(2.3, 0.7, 2.3, z, &v), CLV_OK);
        CHECK_REL("F(a,b;b;z) swapped", v, pow(1 - z, -0.7), 1e-12);
        if (z > 0) {
            /* 15.4.16: F(1/2,1/2;3/2;z^2) = asin(z)/z */
            double s = sqrt(z);
            clv_sf_hyp2f1_e(0.5, 0.5, 1.5, z, &v);
            /* 1e-12 from 1, the integrand has a near-singularity: 10 digits */
            CHECK_REL("F(1/2,1/2;3/2;z^2)", v, asin(s) / s, z > 0.9999999 ? 1e-10 : 1e-12);
        }
        /* a terminating series: F(-2,b;c;z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1)) */
        double b = 1.7, c = 0.45;
        clv_sf_hyp2f1_e(-2, b, c, z, &v);
        CHECK_REL("F(-2,b;c;z)", v, 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), 1e-12);
    }
    double v;
    /* Gauss's sum (15.4.20): F(a,b;c;1) = G(c)G(c-a-b)/(G(c-a)G(c-b)) */
    CHECK_STATUS("z = 1", clv_sf_hyp2f1_e(0.5, 0.25, 2, 1, &v), CLV_OK);
    CHECK_REL("Gauss sum", v, tgamma(2) * tgamma(1.25) / (tgamma(1.5) * tgamma(1.75)), 1e-13);
    /* sBG's DEL at the High End fit, 2F1(1, beta; alpha+beta; 1/(1+d)):
     * reference_values.csv "sBG DEL" 5.922255 */
    CHECK_STATUS("DEL", clv_sf_hyp2f1_e(1, 3.806095, 0.668088 + 3.806095, 1 / 1.1, &v), CLV_OK);
    CHECK_CLOSE("DEL 5.922255", v, 5.922255, 5e-7);
}

/* The 1 - z connection formula (c below a and b) against a plain series
 * summed here in long double. */
static void test_hyp2f1_connection(void)
{
    static const double par[][3] = {
        {1.5, 2.5, 1.2}, {0.3, 0.4, 0.2}, {2.2, 3.7, 1.1}, {-0.5, -0.7, -1.5}};
    static const double zs[] = {0.55, 0.8, 0.95};
    for (size_t k = 0; k < 4; k++)
        for (size_t j = 0; j < 3; j++) {
            double a = par[k][0], b = par[k][1], c = par[k][2], z = zs[j], v;
            long double term = 1, sum = 1;
            for (long n = 0; n < 200000; n++) {
                term *= (long double)(a + n) * (b + n) / ((c + n) * (n + 1)) * z;
                sum += term;
            }
            CHECK_STATUS("connection", clv_sf_hyp2f1_e(a, b, c, z, &v), CLV_OK);
            CHECK_REL("connection", v, (double)sum, 1e-11);
        }
}

static void test_hyp2f1_statuses(void)
{
    double v;
    /* c - a - b = -2 (an integer), no Euler integral: ELOSS, value given */
    CHECK_STATUS("degenerate", clv_sf_hyp2f1_e(1.5, 1.5, 1, 0.9, &v), CLV_ELOSS);
    CHECK("degenerate: a value", isfinite(v) && v > 1);
    /* the same, so close to 1 that the series cannot finish */
    CHECK_STATUS("no convergence", clv_sf_hyp2f1_e(1.5, 1.5, 1, 1 - 1e-9, &v), CLV_ENOCONV);
    CHECK("no convergence: NaN", isnan(v));
    /* cancellation: F(-n, n; 1/2; (1 - x)/2) = T_n(x) (DLMF 18.5.7, 15.9.5),
     * here at a zero of T_60, summing terms of order 1e17 to ~0 */
    double pi = 3.14159265358979323846;
    CHECK_STATUS("cancellation", clv_sf_hyp2f1_e(-60, 60, 0.5, (1 - sin(pi / 120)) / 2, &v),
                 CLV_ELOSS);
    CHECK_STATUS("no cancellation: T_4", clv_sf_hyp2f1_e(-4, 4, 0.5, (1 - cos(pi / 4)) / 2, &v),
                 CLV_OK);
    CHECK_CLOSE("T_4(cos(pi/4)) = cos(pi) = -1", v, -1, 1e-13);
    CHECK_STATUS("z > 1", clv_sf_hyp2f1_e(1, 1, 2, 1.5, &v), CLV_EDOM);
    CHECK("z > 1: NaN", isnan(v));
    CHECK_STATUS("z = 1, c-a-b <= 0", clv_sf_hyp2f1_e(1, 1, 2, 1, &v), CLV_EDOM);
    CHECK_STATUS("c = -1", clv_sf_hyp2f1_e(1, 1, -1, 0.3, &v), CLV_EDOM);
    CHECK_STATUS("c = 0", clv_sf_hyp2f1_e(1, 1, 0, 0.3, &v), CLV_EDOM);
    CHECK_STATUS("NaN", clv_sf_hyp2f1_e(NAN, 1, 2, 0.3, &v), CLV_EINVAL);
    CHECK_STATUS("inf z", clv_sf_hyp2f1_e(1, 1, 2, -INFINITY, &v), CLV_EINVAL);
    CHECK_STATUS("overflow", clv_sf_hyp2f1_e(400, 400, 1, 0.5, &v), CLV_ERANGE);
    CHECK_STATUS("a = 0", clv_sf_hyp2f1_e(0, 5, 7, 0.99, &v), CLV_OK);
    CHECK("a = 0 gives 1", v == 1);
}

static void test_beta_inc(void)
{
    double I, Ic;
    /* I_0.4(2,3) = 0.5248 (by hand: 6 x^2 - 8 x^3 + 3 x^4) */
    CHECK_STATUS("I", clv_sf_beta_inc_e(2, 3, 0.4, 0.6, &I, &Ic), CLV_OK);
    CHECK_REL("I_0.4(2,3)", I, 0.5248, 1e-14);
    CHECK_REL("1 - I", Ic, 0.4752, 1e-14);
    static const double xs[] = {1e-10, 0.01, 0.3, 0.7, 0.999};
    for (size_t i = 0; i < 5; i++) {
        double x = xs[i], y = 1 - x;
        /* I_x(1,b) = 1 - (1-x)^b, I_x(a,1) = x^a */
        clv_sf_beta_inc_e(1, 7.5, x, y, &I, &Ic);
        CHECK_REL("I_x(1,b)", Ic, pow(y, 7.5), 1e-12);
        clv_sf_beta_inc_e(0.3, 1, x, y, &I, &Ic);
        CHECK_REL("I_x(a,1)", I, pow(x, 0.3), 1e-12);
        /* symmetry I_x(a,b) = 1 - I_{1-x}(b,a), in the tail */
        double J, Jc;
        clv_sf_beta_inc_e(40, 3, x, y, &I, &Ic);
        clv_sf_beta_inc_e(3, 40, y, x, &J, &Jc);
        CHECK_REL("symmetry", I, Jc, 1e-12);
    }
    CHECK_STATUS("a = 0", clv_sf_beta_inc_e(0, 1, 0.5, 0.5, &I, &Ic), CLV_EDOM);
    CHECK_STATUS("x + y != 1", clv_sf_beta_inc_e(1, 1, 0.5, 0.6, &I, &Ic), CLV_EDOM);
    CHECK_STATUS("NaN", clv_sf_beta_inc_e(1, 1, NAN, 0.5, &I, &Ic), CLV_EINVAL);
    CHECK("NaN out", isnan(I) && isnan(Ic));
}

static void test_gamma_family(void)
{
    /* DLMF 5.4.12-13 */
    CHECK_CLOSE("psi(1)", clv_sf_digamma(1), -EULER_GAMMA, 1e-15);
    CHECK_CLOSE("psi(1/2)", clv_sf_digamma(0.5), -EULER_GAMMA - 2 * log(2), 1e-15);
    CHECK_CLOSE("psi(11) = psi(1) + H_10", clv_sf_digamma(11), -EULER_GAMMA + 7381.0 / 2520, 1e-14);
    CHECK_REL("psi(1e-8) ~ -1e8", clv_sf_digamma(1e-8), -1e8 - EULER_GAMMA, 1e-15);
    CHECK_REL("psi(1e6)", clv_sf_digamma(1e6), log(1e6) - 0.5e-6 - 1.0 / 12e12, 1e-15);
    CHECK("psi(0) NaN", isnan(clv_sf_digamma(0)));
    /* ln B(a, 1) = -ln a, at every scale; recurrence at large arguments */
    static const double as[] = {1e-3, 0.5, 7, 12, 3e4, 1e7, 1e12};
    for (size_t i = 0; i < 7; i++) {
        double a = as[i];
        CHECK_CLOSE("lbeta(a,1)", clv_sf_lbeta(a, 1), -log(a), 1e-12);
        CHECK_CLOSE("lbeta(1,a)", clv_sf_lbeta(1, a), -log(a), 1e-12);
        /* B(a, b+1) = B(a, b) b / (a + b) */
        double b = 2.5 * a;
        /* a difference of two values of size ~a: to their last digit */
        double big = fabs(clv_sf_lbeta(a, b));
        CHECK_CLOSE("lbeta recurrence", clv_sf_lbeta(a, b + 1) - clv_sf_lbeta(a, b),
                    log(b / (a + b)), 1e-12 + 4e-16 * big);
    }
    CHECK("lbeta(0,1) NaN", isnan(clv_sf_lbeta(0, 1)));
    CHECK_CLOSE("lgamma(5) = ln 24", clv_sf_lgamma(5), log(24), 1e-14);
    CHECK_CLOSE("logaddexp", clv_sf_logaddexp(log(2), log(3)), log(5), 1e-15);
    CHECK("logaddexp -inf", clv_sf_logaddexp(-INFINITY, 1) == 1);
}

/* ---- quadrature ---------------------------------------------------------- */

static double inv_sqrt(double x, double dl, double dr, double *g, void *c)
{
    (void)x, (void)dr, (void)c;
    g[0] = dl; /* mean of x under x^-1/2 on [0,1]: (2/3)/2 = 1/3 */
    return -0.5 * log(dl);
}

static double steep(double x, double dl, double dr, double *g, void *c)
{
    (void)x, (void)dr, (void)g;
    return -*(double *)c * dl;
}

static double log_p(double p, double q, double *g, void *c)
{
    (void)q, (void)g, (void)c;
    return log(p);
}

static void test_quadrature(void)
{
    double l, m;
    CHECK_STATUS("x^-1/2", clv_quad_log(inv_sqrt, NULL, 0, 1, 1, &l, &m), CLV_OK);
    CHECK_REL("int x^-1/2 = 2", exp(l), 2, 1e-12);
    CHECK_REL("mean x = 1/3", m, 1.0 / 3, 1e-12);
    static const double rates[] = {1, 1e3, 1e6, 1e9};
    for (int i = 0; i < 4; i++) {
        double k = rates[i];
        CHECK_STATUS("e^-kx", clv_quad_log(steep, &k, 0, 1, 0, &l, NULL), CLV_OK);
        CHECK_REL("int e^-kx", l, log(-expm1(-k) / k), 1e-12);
    }
    CHECK_STATUS("empty interval", clv_quad_log(steep, (double[]){1}, 2, 2, 0, &l, NULL), CLV_OK);
    CHECK("empty: -inf", l == -INFINITY);
    CHECK_STATUS("lo > hi", clv_quad_log(steep, (double[]){1}, 2, 1, 0, &l, NULL), CLV_EINVAL);
    /* E[p] = a/(a+b) for Beta(a, b) across the range the models use */
    static const double ab[] = {1e-3, 0.01, 0.3, 1, 2.5, 30, 1e3, 1e4};
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            double a = ab[i], b = ab[j];
            CHECK_STATUS("beta mean", clv_quad_beta_mean(log_p, NULL, a, b, 0, &l, NULL), CLV_OK);
            CHECK_REL("E[p] = a/(a+b)", exp(l), a / (a + b), 1e-11);
        }
    CHECK_STATUS("beta a = 0", clv_quad_beta_mean(log_p, NULL, 0, 1, 0, &l, NULL), CLV_EINVAL);
}

int main(void)
{
    test_hyp2f1_closed_forms();
    test_hyp2f1_connection();
    test_hyp2f1_statuses();
    test_beta_inc();
    test_gamma_family();
    test_quadrature();
    return check_report("test_specfun");
}
