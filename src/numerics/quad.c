/*
 * quad.c -- tanh-sinh quadrature in log space (see quad.h).
 *
 * On [-1, 1] the rule is  sum_k h w(kh) f(x(kh))  with
 *   x(t) = tanh(pi/2 sinh t),  w(t) = pi/2 cosh t / cosh^2(pi/2 sinh t).
 * Each level halves h and adds the odd nodes, so a level costs as much as
 * all before it.  The distance of a node to the nearer end, 1 - |x|, is
 * computed directly as 2e/(1+e) with e = exp(-pi sinh|t|), never as
 * 1 - tanh(...), so nodes 1e-300 from an end are still exact.
 */
#include <math.h>

#include "numerics/quad.h"
#include "numerics/specfun.h"

#define HALF_PI 1.57079632679489661923
#define T_MAX 6.0 /* beyond this the node distance underflows */
#define MIN_LEVEL 3
#define MAX_LEVEL 10
#define TOL 1e-9

/* A running sum of exp(l_i) (and exp(l_i) g_ij) kept as exp(scale) * s. */
typedef struct {
    double scale, s, aux[CLV_QUAD_MAXAUX];
    size_t naux;
    int bad; /* NaN or +inf seen */
} logsum;

static void logsum_add(logsum *acc, double l, const double *g)
{
    if (isnan(l) || l == INFINITY) {
        acc->bad = 1;
        return;
    }
    if (l == -INFINITY)
        return;
    if (l > acc->scale) {
        double k = exp(acc->scale - l);
        acc->s *= k;
        for (size_t j = 0; j < acc->naux; j++)
            acc->aux[j] *= k;
        acc->scale = l;
    }
    double e = exp(l - acc->scale);
    acc->s += e;
    for (size_t j = 0; j < acc->naux; j++) {
        if (!isfinite(g[j]))
            acc->bad = 1;
        acc->aux[j] += e * g[j];
    }
}

/* Adds the pair of nodes at +t and -t (one node when t == 0). */
static void add_nodes(clv_quad_fn f, void *ctx, double lo, double hi, double half, double t,
                      logsum *acc)
{
    double u = HALF_PI * sinh(t);
    double e = exp(-2 * u);         /* t >= 0 */
    double delta = 2 * e / (1 + e); /* 1 - tanh(u) */
    double sech2 = 4 * e / ((1 + e) * (1 + e));
    double w = HALF_PI * cosh(t) * sech2 * half;
    double g[CLV_QUAD_MAXAUX];
    if (w <= 0 || delta <= 0)
        return;
    double lw = log(w);
    double d = half * delta;    /* distance to the end */
    double far = (hi - lo) - d; /* distance to the other end */
    if (t == 0) {
        double l = f(lo + half, half, half, g, ctx);
        logsum_add(acc, lw + l, g);
        return;
    }
    if (d > 0) {
        double l = f(hi - d, far, d, g, ctx);
        logsum_add(acc, lw + l, g);
        l = f(lo + d, d, far, g, ctx);
        logsum_add(acc, lw + l, g);
    }
}

static double logsum_log(const logsum *acc)
{
    return acc->s > 0 ? acc->scale + log(acc->s) : -INFINITY;
}

clv_status clv_quad_log(clv_quad_fn f, void *ctx, double lo, double hi, size_t naux,
                        double *log_integral, double *mean)
{
    *log_integral = NAN;
    for (size_t j = 0; j < naux && mean; j++)
        mean[j] = NAN;
    if (naux > CLV_QUAD_MAXAUX || (naux && !mean) || !isfinite(lo) || !isfinite(hi) || lo > hi)
        return CLV_EINVAL;
    if (lo == hi) {
        *log_integral = -INFINITY;
        for (size_t j = 0; j < naux; j++)
            mean[j] = 0;
        return CLV_OK;
    }
    double half = (hi - lo) / 2;
    logsum acc = {-INFINITY, 0, {0}, naux, 0};
    double prev = NAN, prev_mean[CLV_QUAD_MAXAUX] = {0};
    double h = 1;
    for (int level = 0; level <= MAX_LEVEL; level++) {
        if (level == 0) {
            for (double t = 0; t <= T_MAX; t += 1)
                add_nodes(f, ctx, lo, hi, half, t, &acc);
        } else {
            h /= 2;
            for (double t = h; t <= T_MAX; t += 2 * h)
                add_nodes(f, ctx, lo, hi, half, t, &acc);
        }
        if (acc.bad)
            return CLV_ERANGE;
        double cur = logsum_log(&acc) + log(h);
        int settled = level >= MIN_LEVEL && (cur == -INFINITY || fabs(cur - prev) <= TOL);
        double m[CLV_QUAD_MAXAUX];
        for (size_t j = 0; j < naux; j++) {
            m[j] = acc.s > 0 ? acc.aux[j] / acc.s : 0;
            if (fabs(m[j] - prev_mean[j]) > TOL * fabs(m[j]) + 1e-300)
                settled = 0;
            prev_mean[j] = m[j];
        }
        prev = cur;
        if (settled || level == MAX_LEVEL) {
            *log_integral = cur;
            for (size_t j = 0; j < naux; j++)
                mean[j] = m[j];
            return settled ? CLV_OK : CLV_ELOSS;
        }
    }
    return CLV_ELOSS; /* not reached */
}

/* ---- Beta expectations --------------------------------------------------- */

/* One piece [lo, hi] of [0, 1].  A piece touching a singular end (a < 1 at
 * 0, b < 1 at 1) is integrated in v with p = lo + (hi - lo) v^(1/a) (resp.
 * q = ... v^(1/b)), which turns p^(a-1) dp into a constant times dv;
 * other pieces are integrated in p itself. */
typedef struct {
    clv_beta_fn g;
    void *ctx;
    double a, b, lo, hi;
    int sub; /* 0: plain p; 1: power at 0; 2: power at 1 */
} beta_piece;

static double beta_piece_fn(double x, double dl, double dr, double *g, void *ctx)
{
    beta_piece *bp = ctx;
    double p, q, lp, lq, extra = 0;
    if (bp->sub == 0) {
        /* p = lo + dl and q = 1 - p = (1 - hi) + dr, both exact when the
         * piece starts at 0 or ends at 1. */
        p = bp->lo == 0 ? dl : x;
        q = bp->hi == 1 ? dr : 1 - x;
        lp = log(p);
        lq = log(q);
        extra = (bp->a - 1) * lp + (bp->b - 1) * lq;
    } else {
        double e = bp->sub == 1 ? bp->a : bp->b;
        double other = bp->sub == 1 ? bp->b : bp->a;
        double len = bp->hi - bp->lo;
        double small = dl > 0 ? len * exp(log(dl) / e) : 0;
        double big = 1 - small;
        p = bp->sub == 1 ? small : big;
        q = bp->sub == 1 ? big : small;
        extra = (other - 1) * log1p(-small);
    }
    double lg = bp->g(p, q, g, bp->ctx);
    return lg == -INFINITY ? lg : extra + lg;
}

/* ln of the piece's integral of p^(a-1) q^(b-1) g, with its means. */
static clv_status beta_piece_int(beta_piece *bp, size_t naux, double *lint, double *mean)
{
    if (bp->sub == 0)
        return clv_quad_log(beta_piece_fn, bp, bp->lo, bp->hi, naux, lint, mean);
    clv_status st = clv_quad_log(beta_piece_fn, bp, 0, 1, naux, lint, mean);
    if (*lint != -INFINITY) {
        /* p = len v^(1/e): p^(e-1) dp = len^e / e dv */
        double e = bp->sub == 1 ? bp->a : bp->b;
        *lint += e * log(bp->hi - bp->lo) - log(e);
    }
    return st;
}

clv_status clv_quad_beta_mean(clv_beta_fn g, void *ctx, double a, double b, size_t naux,
                              double *log_mean, double *mean)
{
    double m1[CLV_QUAD_MAXAUX], m2[CLV_QUAD_MAXAUX];
    *log_mean = NAN;
    if (!(a > 0) || !(b > 0) || !isfinite(a) || !isfinite(b) || naux > CLV_QUAD_MAXAUX)
        return CLV_EINVAL;
    /* Split at the mode when the density is bounded, so each piece has its
     * peak at an end; else at 1/2, substituting at the singular ends. */
    double split = a >= 1 && b >= 1 && a + b > 2 ? (a - 1) / (a + b - 2) : 0.5;
    beta_piece left = {g, ctx, a, b, 0, split, a < 1 ? 1 : 0};
    beta_piece right = {g, ctx, a, b, split, 1, b < 1 ? 2 : 0};
    double l1 = -INFINITY, l2 = -INFINITY;
    clv_status s1 = CLV_OK, s2 = CLV_OK;
    for (size_t j = 0; j < naux; j++)
        m1[j] = m2[j] = 0;
    if (split > 0)
        s1 = beta_piece_int(&left, naux, &l1, m1);
    if (split < 1)
        s2 = beta_piece_int(&right, naux, &l2, m2);
    if ((s1 != CLV_OK && s1 != CLV_ELOSS) || (s2 != CLV_OK && s2 != CLV_ELOSS))
        return s1 != CLV_OK && s1 != CLV_ELOSS ? s1 : s2;
    double hi = l1 > l2 ? l1 : l2;
    double w1 = hi == -INFINITY ? 0 : exp(l1 - hi);
    double w2 = hi == -INFINITY ? 0 : exp(l2 - hi);
    double tot = w1 + w2;
    /* Normalised by the closed-form ln B(a, b), not by quadrature. */
    *log_mean = tot > 0 ? hi + log(tot) - clv_sf_lbeta(a, b) : -INFINITY;
    for (size_t j = 0; j < naux; j++)
        mean[j] = tot > 0 ? (w1 * m1[j] + w2 * m2[j]) / tot : 0;
    return s1 == CLV_OK && s2 == CLV_OK ? CLV_OK : CLV_ELOSS;
}
