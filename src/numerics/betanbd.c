/*
 * betanbd.c -- the BG/NBD family's Beta mean G (see betanbd.h) by the 1 - z
 * connection formula.  Near z = 1 the z-series needs ~40/(1-z) terms and
 * the Beta integral a quadrature; in u = 1 - z <= 1/2 both series of the
 * connection formula converge like 2^-n.  The price is cancellation
 * between the three terms (poles of the Gamma factors when a - 1 - r is
 * near an integer, the removable 1/(a-1), tiny r, large b): every
 * rounding is bounded as we go and the result is refused, not returned,
 * when the bound exceeds 1e-12 relative.
 */
#include "numerics/betanbd.h"

#include <float.h>
#include <math.h>

#include "numerics/specfun.h"

#define EPS DBL_EPSILON
#define MAXTERMS 2000
#define PI 3.14159265358979323846

/* ln|Gamma(x)| and its sign for real x that is not a pole; the
 * reflection formula for x < 1/2.  *sign = 0 at a pole (1/Gamma = 0). */
static double lgam_signed(double x, int *sign)
{
    if (x > 0.5) {
        *sign = 1;
        return clv_sf_lgamma(x);
    }
    if (x == floor(x)) {
        *sign = 0;
        return INFINITY;
    }
    /* Gamma(x) = pi / (sin(pi x) Gamma(1 - x)); sin(pi x) with x reduced
     * exactly to [-1, 1) so it keeps its digits. */
    double m = fmod(x, 2.0); /* exact, in (-2, 2) */
    if (m < -1)
        m += 2;
    else if (m >= 1)
        m -= 2;
    double s = sin(PI * m);
    *sign = s > 0 ? 1 : -1;
    return log(PI / fabs(s)) - clv_sf_lgamma(1 - x);
}

/* 2F1(A, B; C; u) for 0 < u <= 1/2 by its Maclaurin series; *abs gets the
 * sum of |terms| (the scale of its rounding).  0 when it does not settle.
 * With C < 0 the terms can shrink and then grow again past n = -C, so the
 * tail is bounded only past every sign change, k > max(-A, -B, -C): there
 * (A+m)/(C+m) and (B+m)/(m+1) move monotonically towards 1, so every
 * later term ratio is at most q = u max(1, (A+k)/(C+k)) max(1, (B+k)/(k+1))
 * and the tail after term k at most |t_k| q/(1-q). */
static int series(double A, double B, double C, double u, double *sum, double *abs)
{
    double t = 1, s = 1, m = 1;
    double past = fmax(-A, fmax(-B, -C));
    for (int n = 0; n < MAXTERMS; n++) {
        t *= (A + n) * (B + n) / ((C + n) * (n + 1)) * u;
        s += t;
        m += fabs(t);
        double k = n + 1; /* the index of t */
        if (k > past) {
            double q = u * fmax(1, (A + k) / (C + k)) * fmax(1, (B + k) / (k + 1));
            if (q < 1 && fabs(t) * q / (1 - q) <= 1e-17 * fabs(s)) {
                *sum = s;
                *abs = m;
                return isfinite(m);
            }
        }
        if (t == 0) /* before the last sign change: only if (A)_k or (B)_k is 0 */
            return A + n == 0 || B + n == 0 ? (*sum = s, *abs = m, 1) : 0;
    }
    return 0;
}

clv_status clv_sf_beta_nbd_mean(double r, double a, double b, double u, double *out)
{
    double s = a - 1 - r;
    if (!(u > 0 && u <= 0.5) || fabs(s - nearbyint(s)) < 1e-6 || a == 1 || r > 1e3 || a > 1e3 ||
        b > 1e3)
        return CLV_ELOSS;
    /* s is a rounded difference and the Gamma factors and the series'
     * third parameters 1 - s, 1 + s are near poles when s is near an
     * integer: a term's relative sensitivity to that rounding */
    double cond_s = (fabs(a) + fabs(r) + 1) / fabs(s - nearbyint(s));
    double x2 = a + b - 1 - r, cond2 = 0;
    if (x2 < 0.5) /* 1/Gamma(x2) near one of its zeros */
        cond2 = (fabs(a) + fabs(b) + fabs(r) + 1) / fmax(fabs(x2 - nearbyint(x2)), 1e-300);
    double lu = log(u);
    double t0 = (a + b - 1) / (a - 1);
    double err = 4 * EPS * fabs(t0);

    /* T1 = Gamma(a+b) Gamma(a-1-r) / (Gamma(a) Gamma(a+b-1-r)) u^r F1 */
    int s1, s2;
    double g1 = lgam_signed(s, &s1), g2 = lgam_signed(x2, &s2);
    double lab = clv_sf_lgamma(a + b), la = clv_sf_lgamma(a);
    double t1 = 0, f, fa;
    if (s2 != 0) { /* 1/Gamma(a+b-1-r) = 0: no first term */
        if (!series(r, b, 1 - s, u, &f, &fa))
            return CLV_ELOSS;
        double lc = lab + g1 - la - g2 + r * lu, c = s1 * s2 * exp(lc);
        t1 = c * f;
        /* lgamma's absolute error grows with its value; the series' with
         * its terms */
        double lg = fabs(lab) + fabs(g1) + fabs(la) + fabs(g2) + fabs(r * lu) + 8;
        err += EPS * fabs(c) * (lg * fabs(f) + (4 + cond_s + cond2) * fa);
    }

    /* T2 = Gamma(a+b) Gamma(r+1-a) / ((a-1) Gamma(r) Gamma(b)) u^(a-1) F2 */
    int s3;
    double g3 = lgam_signed(-s, &s3);
    double lr = clv_sf_lgamma(r), lb = clv_sf_lgamma(b);
    if (!series(a + b - 1 - r, a - 1, a - r, u, &f, &fa))
        return CLV_ELOSS;
    double lc = lab + g3 - lr - lb + (a - 1) * lu, c = s3 * exp(lc) / (a - 1);
    double t2 = c * f;
    double lg = fabs(lab) + fabs(g3) + fabs(lr) + fabs(lb) + fabs((a - 1) * lu) + 8;
    err += EPS * fabs(c) * (lg * fabs(f) + (4 + cond_s) * fa);

    double g = t0 - t1 - t2;
    if (!(g > 0) || !isfinite(g) || err > 1e-12 * g)
        return CLV_ELOSS;
    *out = g;
    return CLV_OK;
}
