/*
 * hyperu.c -- Tricomi's U(a, b, z) by its Laplace integral (see hyperu.h).
 *
 * U = 1/Gamma(a) int_0^inf e^(-z t) t^(a-1) (1+t)^(b-a-1) dt, after t = u/z
 * when z > 1 (the mass then sits at u ~ a whatever z is).  The integral is
 * split at 1 and, for a large a, at the mode m ~ (a-1)/z: on (0, 1] the
 * substitution v = t^a turns t^(a-1) dt into dv / a, so a small a (a
 * t^(a-1) singularity whose mass reaches down to t = 10^-300) costs
 * nothing; [1, m] is plain; on [m, inf) t = m (1 + w/(1-w)) maps to (0, 1)
 * where the double-exponential rule sees the decay at its end.
 */
#include "numerics/hyperu.h"

#include <math.h>

#include "numerics/quad.h"
#include "numerics/specfun.h"

typedef struct {
    double a, b, z;
    int scaled; /* 1: integrating over u = z t */
    double m;   /* where the tail starts (>= 1) */
} hyperu_ctx;

/* ln[e^(-z t) (1+t)^(b-a-1)], or for the scaled form
 * ln[e^(-u) (1 + u/z)^(b-a-1)]: the integrand without t^(a-1). */
static double smooth_part(const hyperu_ctx *c, double t)
{
    if (c->scaled)
        return -t + (c->b - c->a - 1) * log1p(t / c->z);
    return -c->z * t + (c->b - c->a - 1) * log1p(t);
}

/* (0, 1] in v = t^a (the 1/a is applied by the caller). */
static double head(double v, double dl, double dr, double *g, void *vctx)
{
    const hyperu_ctx *c = vctx;
    (void)dl;
    (void)dr;
    (void)g;
    if (!(v > 0))
        return smooth_part(c, 0);
    return smooth_part(c, exp(log(v) / c->a));
}

/* [1, m] in t. */
static double middle(double t, double dl, double dr, double *g, void *vctx)
{
    const hyperu_ctx *c = vctx;
    (void)dl;
    (void)dr;
    (void)g;
    return smooth_part(c, t) + (c->a - 1) * log(t);
}

/* [m, inf) in w, t = m (1 + w/(1-w)), dt = m dw/(1-w)^2; dr = 1 - w
 * exactly. */
static double tail(double w, double dl, double dr, double *g, void *vctx)
{
    const hyperu_ctx *c = vctx;
    (void)dl;
    (void)g;
    if (!(dr > 0))
        return -INFINITY;
    double t = c->m * (1 + w / dr);
    if (!isfinite(t))
        return -INFINITY;
    return smooth_part(c, t) + (c->a - 1) * log(t) + log(c->m) - 2 * log(dr);
}

clv_status clv_sf_lhyperu_e(double a, double b, double z, double *out)
{
    *out = NAN;
    if (!isfinite(a) || !isfinite(b) || !isfinite(z))
        return CLV_EINVAL;
    if (!(a > 0) || !(z > 0))
        return CLV_EDOM;
    /* a large a puts the mass near the mode of t^(a-1) e^(-z t), far out:
     * the tail starts there so that its scale is the mass's own */
    hyperu_ctx c = {a, b, z, z > 1, 1};
    double mode = (a - 1) / (c.scaled ? 1 : z);
    if (mode > 2)
        c.m = mode;
    double lh, lm = -INFINITY, lt;
    clv_status st[3] = {clv_quad_log(head, &c, 0, 1, 0, &lh, NULL),
                        c.m > 1 ? clv_quad_log(middle, &c, 1, c.m, 0, &lm, NULL) : CLV_OK,
                        clv_quad_log(tail, &c, 0, 1, 0, &lt, NULL)};
    clv_status worst = CLV_OK;
    for (int i = 0; i < 3; i++) {
        if (st[i] != CLV_OK && st[i] != CLV_ELOSS)
            return st[i];
        if (st[i] != CLV_OK)
            worst = st[i];
    }
    double v = clv_sf_logaddexp(clv_sf_logaddexp(lh - log(a), lm), lt) - clv_sf_lgamma(a) -
               (c.scaled ? a * log(z) : 0);
    if (!isfinite(v))
        return CLV_ERANGE;
    *out = v;
    return worst;
}
