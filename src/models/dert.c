/*
 * dert.c -- discounted expected residual transactions (DERT) of the
 * transaction models and the CLV built on it (see diagnostics.h).
 *
 * Pareto/NBD: the death rate mu ~ Gamma(s, beta+T) gives
 *   E[1 / (delta + mu)] = (1/delta) z^s U(s, s; z),  z = delta (beta+T)
 * (DLMF 13.4.4), a form without cancellation at any z.
 * BG/NBD and MBG/NBD: the Laplace transform of the posterior expected
 * transactions of an alive customer, which models/bgnbd.c evaluates
 * exactly and fast (see dert_bg).
 */
#include <math.h>

#include "clvkit/diagnostics.h"
#include "core/fn.h"
#include "models/model.h"
#include "models/txmodel.h"
#include "numerics/hyperu.h"
#include "numerics/quad.h"

/* The worse of two statuses for a value that is still written: any hard
 * error wins over ELOSS. */
static clv_status worse(clv_status a, clv_status b)
{
    if (a != CLV_OK && a != CLV_ELOSS)
        return a;
    if (b != CLV_OK && b != CLV_ELOSS)
        return b;
    return a != CLV_OK ? a : b;
}

/* ln[z^a U(a, a; z)]: for large z the asymptotic series
 * 1 - a/z + a(a+1)/z^2 - ... (DLMF 13.7.3), whose next term is below 1e-18
 * relative beyond z = 10^6 (a+2); the integral otherwise. */
static clv_status lzu(double a, double z, double *out)
{
    if (z > 1e6 * (a + 2)) {
        *out = log1p(-a / z * (1 - (a + 1) / z));
        return CLV_OK;
    }
    double lu;
    clv_status st = clv_sf_lhyperu_e(a, a, z, &lu);
    *out = a * log(z) + lu;
    return st;
}

typedef struct {
    const double *p;
    int mbg;
    double delta, x, T, c; /* c = alpha + T */
    clv_status st;
} bg_dert_ctx;

/* ln[e^-v G(t) dv/du] at t = c (1-u)/u, v = delta t: the Laplace
 * transform below in u = c/(c+t) in (0, 1].  G is a power series in
 * 1 - u of radius 1 (its singularity is at t = -c), so in u the integrand
 * is analytic up to u = 0, where e^-v flattens it: the double-exponential
 * rule settles in few levels whatever delta c is.  G grows at most like t,
 * so nodes beyond v = 1000 weigh less than e^-990 of the integral and are
 * not evaluated. */
static double bg_dert_integrand(double u, double dl, double dr, double *g, void *vctx)
{
    bg_dert_ctx *c = vctx;
    (void)g;
    double t = c->c * (dr / dl), v = c->delta * t;
    if (!(v > 0))
        return -INFINITY;
    if (v > 1000)
        return -INFINITY;
    double G;
    clv_status st = clv_bg_conditional_alive(c->p, c->mbg, t, c->x, c->T, &G);
    c->st = worse(c->st, st);
    if (st != CLV_OK && st != CLV_ELOSS)
        return NAN;
    (void)u;
    return -v + log(G) + log(c->delta * c->c) - 2 * log(dl);
}

/* v e^-v G(v/delta) at v = e^s. */
static double laplace_f(bg_dert_ctx *c, double s, double *v)
{
    *v = exp(s);
    double G;
    clv_status st = clv_bg_conditional_alive(c->p, c->mbg, *v / c->delta, c->x, c->T, &G);
    c->st = worse(c->st, st);
    if (st != CLV_OK && st != CLV_ELOSS)
        return NAN;
    return *v * exp(-*v) * G;
}

/* int_0^inf e^-v G(v/delta) dv by the trapezoidal rule in s = ln v.  The
 * integrand is analytic in the strip |Im s| < pi/2 (e^-v stays bounded
 * there, G's singularity t = -c is at Im s = pi), so the rule's error
 * falls like e^(-pi^2/h): about 3e-9 at h = 1/2, 1e-17 at 1/4.  The
 * tails are cut where bounds that hold because G is increasing and
 * concave with G(0) = 0 (its slope is the survival-weighted purchase
 * rate) fall below 1e-16 of the sum:
 *   int_-inf^s f <= f(s) e^v,   int_s^inf f <= f(s) (v+1)/v^2.
 * 0 when the halvings do not settle (the caller then integrates in u). */
static int laplace_trapezoid(bg_dert_ctx *c, double *out)
{
    const double h0 = 0.5;
    double sum = 0, v, f;
    int kmax = 0, kmin = 0;
    for (int k = 0;; k++) { /* upwards from v = 1 */
        if (k > 64 || !isfinite(f = laplace_f(c, k * h0, &v)))
            return 0;
        sum += f;
        kmax = k;
        if (f * (v + 1) / (v * v) <= 1e-16 * h0 * sum)
            break;
    }
    for (int k = -1;; k--) { /* downwards */
        if (k < -400 || !isfinite(f = laplace_f(c, k * h0, &v)))
            return 0;
        sum += f;
        kmin = k;
        if (f * exp(v) <= 1e-16 * h0 * sum)
            break;
    }
    double prev = h0 * sum, h = h0;
    for (int level = 1; level <= 4; level++) {
        h /= 2;
        for (double s = kmin * h0 + h; s < kmax * h0; s += 2 * h) {
            if (!isfinite(f = laplace_f(c, s, &v)))
                return 0;
            sum += f;
        }
        double cur = h * sum;
        if (fabs(cur - prev) <= 1e-7 * cur) {
            *out = cur;
            return cur > 0;
        }
        prev = cur;
    }
    return 0;
}

/* DERT of an alive customer = int_0^inf e^(-delta t) dG(t)
 *   = int_0^inf e^-v G(v/delta) dv  (by parts; G(0) = 0),
 * with G the posterior expected transactions of models/bgnbd.c (its 2F1
 * branches are exact and fast): the trapezoidal rule above, else
 * double-exponential quadrature in u.  (The earlier form, a Beta mean of
 * k/p z^k U(k+1, k+1; z), nested one quadrature in another.) */
static clv_status dert_bg(const clv_model *m, double delta, double x, double t_x, double T,
                          double *out)
{
    const double *p = m->param;
    double pa;
    clv_status st = clv_tx_palive(m, x, t_x, T, &pa, NULL);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    int mbg = m->kind == CLV_MODEL_MBGNBD;
    bg_dert_ctx c = {p, mbg, delta, x, T, p[1] + T, CLV_OK};
    double lm, I;
    if (laplace_trapezoid(&c, &I)) {
        lm = log(I);
    } else {
        c.st = CLV_OK;
        clv_status sq = clv_quad_log(bg_dert_integrand, &c, 0, 1, 0, &lm, NULL);
        st = worse(st, sq);
    }
    st = worse(st, c.st);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    double v = pa * exp(lm);
    if (!isfinite(v))
        return CLV_ERANGE;
    *out = v;
    return st;
}

static clv_status dert_pnbd(const clv_model *m, double delta, double x, double t_x, double T,
                            double *out)
{
    const double *p = m->param;
    double pa, l;
    clv_status st = clv_tx_palive(m, x, t_x, T, &pa, NULL);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    double z = delta * (p[3] + T);
    clv_status su = isfinite(z) ? lzu(p[2], z, &l) : CLV_ERANGE;
    st = worse(st, su);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    double v = pa * (p[0] + x) / (p[1] + T) * exp(l) / delta;
    if (!isfinite(v))
        return CLV_ERANGE;
    *out = v;
    return st;
}

clv_status clv_tx_dert(const clv_model *model, double delta, double x, double t_x, double T,
                       double *out, clv_fault *fault)
{
    clv_status st =
        clv_begin(model, out, 5, fault, CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD);
    if (st != CLV_OK)
        return st;
    if ((st = clv_check_arg(delta, CLV_D_POS, 1, fault)) != CLV_OK ||
        (st = clv_check_customer(x, t_x, T, 2, fault)) != CLV_OK)
        return st;
    st = model->kind == CLV_MODEL_PNBD ? dert_pnbd(model, delta, x, t_x, T, out)
                                       : dert_bg(model, delta, x, t_x, T, out);
    if (st != CLV_OK && st != CLV_ELOSS) {
        *out = NAN;
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "the discounted transactions could not be computed", st);
    }
    return st;
}

clv_status clv_dert_clv(const clv_model *tx, const clv_model *gg, double delta, double margin,
                        double x, double t_x, double T, double m, double *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 8, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    clv_status st;
    if ((st = clv_check_model(tx, 0, fault, CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD)) !=
            CLV_OK ||
        (st = clv_check_model(gg, 1, fault, CLV_MODEL_GG, CLV_MODEL_GG, CLV_MODEL_GG)) != CLV_OK ||
        (st = clv_check_arg(delta, CLV_D_POS, 2, fault)) != CLV_OK ||
        (st = clv_check_arg(margin, CLV_D_UNIT, 3, fault)) != CLV_OK ||
        (st = clv_check_customer(x, t_x, T, 4, fault)) != CLV_OK ||
        (st = clv_check_arg(m, CLV_D_NONNEG, 7, fault)) != CLV_OK)
        return st;
    double d, spend;
    clv_fault f;
    clv_status sd = clv_tx_dert(tx, delta, x, t_x, T, &d, &f);
    if (sd != CLV_OK && sd != CLV_ELOSS)
        return clv_fail(fault, f.arg == CLV_FAULT_NONE ? f.arg : f.arg + 2, f.element, f.reason,
                        sd);
    st = clv_gg_spend(gg, x, m, &spend, &f);
    if (st != CLV_OK)
        return clv_fail(fault, f.arg == 1 ? 4 : f.arg == 2 ? 7 : 1, f.element, f.reason, st);
    *out = d * spend * margin;
    return sd;
}
