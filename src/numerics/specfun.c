/*
 * specfun.c -- log-gamma, digamma, incomplete beta and the Gauss
 * hypergeometric function 2F1 (see specfun.h).
 */
/* lgamma_r: lgamma() writes the global signgam, a data race between
 * threads; the reentrant form is in glibc's and the BSDs' default set. */
#define _DEFAULT_SOURCE 1

#include <float.h>
#include <math.h>

#include "numerics/quad.h"
#include "numerics/specfun.h"

#define PI 3.14159265358979323846

double clv_sf_lgamma(double x)
{
    int sign;
    return lgamma_r(x, &sign);
}

/* ln Gamma(x) - ((x - 1/2) ln x - x + ln(2 pi)/2), x >= 10: the Stirling
 * remainder, so differences of large log-gammas can be formed without
 * cancellation (as R's lbeta does). */
static double stirling_rest(double x)
{
    double r = 1 / (x * x);
    return (1.0 / 12 -
            r * (1.0 / 360 -
                 r * (1.0 / 1260 - r * (1.0 / 1680 - r * (1.0 / 1188 - r * (691.0 / 360360 -
                                                                            r * (1.0 / 156))))))) /
           x;
}

double clv_sf_lbeta(double a, double b)
{
    if (!(a > 0) || !(b > 0))
        return NAN;
    double p = a < b ? a : b, q = a < b ? b : a; /* p <= q */
    double s = p + q;
    if (p >= 10) {
        double corr = stirling_rest(p) + stirling_rest(q) - stirling_rest(s);
        return -0.5 * log(q) + 0.91893853320467274178 + corr + (p - 0.5) * log(p / s) +
               q * log1p(-p / s);
    }
    if (q >= 10) {
        double corr = stirling_rest(q) - stirling_rest(s);
        return clv_sf_lgamma(p) + corr + p - p * log(s) + (q - 0.5) * log1p(-p / s);
    }
    return clv_sf_lgamma(p) + clv_sf_lgamma(q) - clv_sf_lgamma(s);
}

double clv_sf_digamma(double x)
{
    if (!(x > 0) || isinf(x))
        return isinf(x) && x > 0 ? INFINITY : NAN;
    double acc = 0;
    while (x < 10) {
        acc -= 1 / x;
        x += 1;
    }
    double r = 1 / (x * x);
    /* psi(x) ~ ln x - 1/(2x) - sum B_2k / (2k x^2k) */
    double series =
        r * (1.0 / 12 -
             r * (1.0 / 120 -
                  r * (1.0 / 252 -
                       r * (1.0 / 240 - r * (1.0 / 132 - r * (691.0 / 32760 - r * (1.0 / 12)))))));
    return acc + log(x) - 0.5 / x - series;
}

double clv_sf_logaddexp(double a, double b)
{
    if (a == -INFINITY)
        return b;
    if (b == -INFINITY)
        return a;
    return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

/* ---- incomplete beta ----------------------------------------------------- */

/* The continued fraction of I_x(a, b) without its prefactor (DLMF 8.17.22),
 * by the modified Lentz method. */
static clv_status beta_cf(double a, double b, double x, double *out)
{
    const double tiny = 1e-300;
    double f = tiny, C = f, D = 0;
    for (int j = 1; j <= 100000; j++) {
        double aj;
        if (j == 1) {
            aj = 1;
        } else {
            int k = j - 1; /* d_k */
            int m = k / 2;
            if (k % 2)
                aj = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            else
                aj = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
        }
        D = 1 + aj * D;
        if (fabs(D) < tiny)
            D = tiny;
        C = 1 + aj / C;
        if (fabs(C) < tiny)
            C = tiny;
        D = 1 / D;
        double delta = C * D;
        f *= delta;
        if (j > 1 && fabs(delta - 1) < 1e-16) {
            *out = f;
            return CLV_OK;
        }
    }
    return CLV_ENOCONV;
}

clv_status clv_sf_beta_inc_e(double a, double b, double x, double y, double *I, double *Ic)
{
    *I = *Ic = NAN;
    if (!isfinite(a) || !isfinite(b) || !isfinite(x) || !isfinite(y))
        return CLV_EINVAL;
    if (!(a > 0) || !(b > 0) || x < 0 || y < 0 || fabs(x + y - 1) > 1e-12)
        return CLV_EDOM;
    if (x == 0 || y == 0) {
        *I = x == 0 ? 0 : 1;
        *Ic = 1 - *I;
        return CLV_OK;
    }
    int swap = x > (a + 1) / (a + b + 2);
    double A = swap ? b : a, B = swap ? a : b, X = swap ? y : x, Y = swap ? x : y;
    double cf;
    clv_status st = beta_cf(A, B, X, &cf);
    if (st != CLV_OK)
        return st;
    double lpre = A * log(X) + B * log(Y) - log(A) - clv_sf_lbeta(A, B);
    double v = exp(lpre) * cf; /* I_X(A, B), the smaller side */
    if (v > 1)
        v = 1;
    *I = swap ? 1 - v : v;
    *Ic = swap ? v : 1 - v;
    return CLV_OK;
}

/* ---- 2F1 ----------------------------------------------------------------- */

/* ln|Gamma(x)| and its sign for any x not a non-positive integer. */
static double lgamma_signed(double x, int *sign)
{
    if (x > 0) {
        *sign = 1;
        return clv_sf_lgamma(x);
    }
    double s = sin(PI * x); /* Gamma(x) Gamma(1-x) = pi / sin(pi x) */
    *sign = s > 0 ? 1 : -1;
    return log(PI / fabs(s)) - clv_sf_lgamma(1 - x);
}

static int nonpos_int(double x)
{
    return x <= 0 && x == floor(x);
}

/* The Maclaurin series; *loss = max |term| / |sum| measures cancellation. */
static clv_status series(double a, double b, double c, double z, double *out, double *loss)
{
    double term = 1, sum = 1, big = 1;
    double past = fmax(fmax(-a, -b), -c); /* beyond it the ratio behaves */
    for (long n = 0; n < 1000000; n++) {
        double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
        term *= ratio;
        sum += term;
        if (!isfinite(sum))
            return CLV_ERANGE;
        if (fabs(term) > big)
            big = fabs(term);
        if (term == 0 || (n + 1 > past && fabs(ratio) < 1 && fabs(term) <= 1e-17 * fabs(sum))) {
            *out = sum;
            *loss = sum != 0 ? big / fabs(sum) : INFINITY;
            return CLV_OK;
        }
    }
    return CLV_ENOCONV;
}

typedef struct {
    double a, z;
} euler_ctx;

/* (1 - z t)^-a with 1 - z t = (1 - z) + z (1 - t), exact near t = 1. */
static double euler_fn(double t, double u, double *g, void *vctx)
{
    (void)g;
    euler_ctx *e = vctx;
    (void)t;
    double one_minus = (1 - e->z) + e->z * u;
    return -e->a * log(one_minus);
}

/* Euler's integral: 2F1(a, b; c; z) = E[(1 - z t)^-a], t ~ Beta(b, c - b). */
static clv_status euler(double a, double b, double c, double z, double *out)
{
    euler_ctx e = {a, z};
    double lm;
    clv_status st = clv_quad_beta_mean(euler_fn, &e, b, c - b, 0, &lm, NULL);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    *out = exp(lm);
    if (!isfinite(*out))
        return CLV_ERANGE;
    return st;
}

/* Status of a series result: accurate, or written with a loss warning. */
static clv_status judge(clv_status st, double loss)
{
    if (st != CLV_OK)
        return st;
    return loss > 1e6 ? CLV_ELOSS : CLV_OK;
}

/* 2F1 for 0 < z < 1. */
static clv_status unit_interval(double a, double b, double c, double z, double *out)
{
    double loss = 0;
    if (nonpos_int(a) || nonpos_int(b) || z <= 0.5) {
        clv_status st = series(a, b, c, z, out, &loss);
        return judge(st, loss);
    }
    if (c > b && b > 0)
        return euler(a, b, c, z, out);
    if (c > a && a > 0)
        return euler(b, a, c, z, out);
    double m = c - a - b;
    if (fabs(m - nearbyint(m)) < 1e-6) {
        /* Degenerate connection formula: the series still converges for
         * z < 1, slowly; trust it only as far as it says. */
        clv_status st = series(a, b, c, z, out, &loss);
        return st == CLV_OK ? CLV_ELOSS : st;
    }
    /* DLMF 15.8.4: two series in 1 - z < 1/2. */
    double w = 1 - z, f1, f2, l1, l2;
    clv_status s1 = series(a, b, a + b - c + 1, w, &f1, &l1);
    clv_status s2 = series(c - a, c - b, m + 1, w, &f2, &l2);
    if (s1 != CLV_OK)
        return s1;
    if (s2 != CLV_OK)
        return s2;
    int sg[6];
    double g1 = lgamma_signed(c, &sg[0]) + lgamma_signed(m, &sg[1]);
    double g2 = lgamma_signed(c, &sg[2]) + lgamma_signed(-m, &sg[3]);
    double t1 = 0, t2 = 0;
    if (!nonpos_int(c - a) && !nonpos_int(c - b)) {
        int sa, sb;
        double d = lgamma_signed(c - a, &sa) + lgamma_signed(c - b, &sb);
        t1 = sg[0] * sg[1] * sa * sb * exp(g1 - d) * f1;
    }
    if (!nonpos_int(a) && !nonpos_int(b)) {
        int sa, sb;
        double d = lgamma_signed(a, &sa) + lgamma_signed(b, &sb);
        t2 = sg[2] * sg[3] * sa * sb * exp(g2 - d + m * log(w)) * f2;
    }
    *out = t1 + t2;
    if (!isfinite(*out))
        return CLV_ERANGE;
    double mag = fabs(t1) + fabs(t2);
    return judge(CLV_OK, fmax(fmax(l1, l2), mag / fabs(*out)));
}

clv_status clv_sf_hyp2f1_e(double a, double b, double c, double z, double *out)
{
    *out = NAN;
    if (!isfinite(a) || !isfinite(b) || !isfinite(c) || !isfinite(z))
        return CLV_EINVAL;
    if (z > 1 || nonpos_int(c))
        return CLV_EDOM;
    if (a == 0 || b == 0 || z == 0) {
        *out = 1;
        return CLV_OK;
    }
    if (z == 1) {
        double m = c - a - b;
        if (!(m > 0))
            return CLV_EDOM;
        if (nonpos_int(c - a) || nonpos_int(c - b)) {
            *out = 0;
            return CLV_OK;
        }
        int s1, s2, s3, s4;
        double l = lgamma_signed(c, &s1) + lgamma_signed(m, &s2) - lgamma_signed(c - a, &s3) -
                   lgamma_signed(c - b, &s4);
        *out = s1 * s2 * s3 * s4 * exp(l);
        return isfinite(*out) ? CLV_OK : (*out = NAN, CLV_ERANGE);
    }
    clv_status st;
    if (z < 0) {
        /* DLMF 15.8.1: F(a,b;c;z) = (1-z)^-a F(a, c-b; c; z/(z-1)); keep a
         * terminating parameter in front when there is one. */
        double w = z / (z - 1), lz = log1p(-z), f;
        if (nonpos_int(b) && !nonpos_int(a)) {
            double t = a;
            a = b;
            b = t;
        }
        st = unit_interval(a, c - b, c, w, &f);
        if (st == CLV_OK || st == CLV_ELOSS) {
            *out = exp(-a * lz) * f;
            if (!isfinite(*out))
                st = CLV_ERANGE;
        }
    } else {
        st = unit_interval(a, b, c, z, out);
    }
    if (st != CLV_OK && st != CLV_ELOSS)
        *out = NAN;
    return st;
}
