/*
 * hyperu.c -- Tricomi's U(a, b, z) by its Laplace integral (see hyperu.h).
 */
#include "numerics/hyperu.h"

#include <math.h>

#include "numerics/quad.h"
#include "numerics/specfun.h"

typedef struct {
    double a, b, z;
    int scaled; /* 1: integrating over u = z t */
} hyperu_ctx;

/* ln of the integrand in w in (0, 1), with t (or u) = w / (1 - w) and
 * dt = dw / (1 - w)^2; dr = 1 - w exactly. */
static double hyperu_integrand(double w, double dl, double dr, double *g,
                               void *vctx)
{
    const hyperu_ctx *c = vctx;
    (void)dl;
    (void)g;
    if (!(w > 0) || !(dr > 0))
        return -INFINITY;
    double u = w / dr;
    double lu = log(w) - log(dr);
    if (c->scaled) /* e^-u u^(a-1) (1 + u/z)^(b-a-1) */
        return -u + (c->a - 1) * lu + (c->b - c->a - 1) * log1p(u / c->z) -
               2 * log(dr);
    /* e^-zt t^(a-1) (1+t)^(b-a-1) with 1 + t = 1/(1-w) */
    return -c->z * u + (c->a - 1) * lu - (c->b - c->a - 1) * log(dr) -
           2 * log(dr);
}

clv_status clv_sf_lhyperu_e(double a, double b, double z, double *out)
{
    *out = NAN;
    if (!isfinite(a) || !isfinite(b) || !isfinite(z))
        return CLV_EINVAL;
    if (!(a > 0) || !(z > 0))
        return CLV_EDOM;
    hyperu_ctx c = {a, b, z, z > 1};
    double li;
    clv_status st = clv_quad_log(hyperu_integrand, &c, 0, 1, 0, &li, NULL);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    double v = li - clv_sf_lgamma(a) - (c.scaled ? a * log(z) : 0);
    if (!isfinite(v))
        return CLV_ERANGE;
    *out = v;
    return st;
}
