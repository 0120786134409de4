/*
 * bgbb.c -- the beta-geometric/beta-Bernoulli model for discrete
 * transaction opportunities (Fader, Hardie & Shang 2010, "Customer-base
 * analysis in a discrete-time noncontractual setting", Marketing Science
 * 29(6)).  Every sum over opportunities runs by ratios of neighbouring Beta
 * functions, in log space, so it costs one multiplication per opportunity
 * and never overflows; opportunities are capped at 10^7 so no call can run
 * for minutes.
 */
#include <math.h>

#include "clvkit/retention.h"
#include "models/fit.h"
#include "core/fn.h"
#include "models/model.h"
#include "numerics/specfun.h"

#define BGBB CLV_MODEL_BGBB, CLV_MODEL_NONE, CLV_MODEL_NONE
#define MAX_N 1e7

/* A running log-sum-exp. */
typedef struct {
    double m, s;
} lse;

static void lse_add(lse *a, double l)
{
    if (l == -INFINITY)
        return;
    if (l > a->m) {
        a->s = a->s * exp(a->m - l) + 1;
        a->m = l;
    } else {
        a->s += exp(l - a->m);
    }
}

static double lse_get(const lse *a)
{
    return a->s > 0 ? a->m + log(a->s) : -INFINITY;
}

typedef struct {
    double al, be, ga, de, lab, lgd;
} bgbb_par;

static bgbb_par params(const double *p)
{
    bgbb_par q = {p[0],
                  p[1],
                  p[2],
                  p[3],
                  clv_sf_lbeta(p[0], p[1]),
                  clv_sf_lbeta(p[2], p[3])};
    return q;
}

/* ln L(x, t_x, n) and, when g is not NULL, its gradient: each term of L
 * is a product of Beta ratios whose log-derivatives are digamma
 * differences, run up the opportunities by psi(z+1) = psi(z) + 1/z; the
 * gradient of ln L is the terms' gradients averaged with weights term/L. */
static double row_ll_grad(const bgbb_par *q, double x, double tx, double n,
                          double *g)
{
    double al = q->al, be = q->be, ga = q->ga, de = q->de;
    double pab = clv_sf_digamma(al + be), pgd = clv_sf_digamma(ga + de);
    double pa = clv_sf_digamma(al), pb = clv_sf_digamma(be);
    double pg = clv_sf_digamma(ga), pd = clv_sf_digamma(de);
    double pax = clv_sf_digamma(al + x);
    /* the "alive after n" term */
    double l0 = clv_sf_lbeta(al + x, be + n - x) - q->lab +
                clv_sf_lbeta(ga, de + n) - q->lgd;
    double pabn = clv_sf_digamma(al + be + n),
           pgdn = clv_sf_digamma(ga + de + n);
    double d0[4] = {pax - pabn - pa + pab,
                    clv_sf_digamma(be + n - x) - pabn - pb + pab, pgd - pgdn,
                    clv_sf_digamma(de + n) - pgdn - pd + pgd};
    lse acc = {-INFINITY, 0};
    lse_add(&acc, l0);
    double m = l0, s[4];
    for (int k = 0; k < 4; k++)
        s[k] = d0[k]; /* sum of weight * gradient, weights relative to m */
    double l = clv_sf_lbeta(al + x, be + tx - x) - q->lab +
               clv_sf_lbeta(ga + 1, de + tx) - q->lgd;
    double p1 = clv_sf_digamma(be + tx - x), p2 = clv_sf_digamma(al + be + tx);
    double p3 = clv_sf_digamma(de + tx), p4 = clv_sf_digamma(ga + de + tx + 1);
    double pg1 = clv_sf_digamma(ga + 1);
    for (double i = 0; i < n - tx; i++) {
        if (l > m) { /* rescale the running sums to the new maximum */
            double k = exp(m - l);
            for (int j = 0; j < 4; j++)
                s[j] *= k;
            m = l;
        }
        double w = exp(l - m);
        s[0] += w * (pax - p2 - pa + pab);
        s[1] += w * (p1 - p2 - pb + pab);
        s[2] += w * (pg1 - p4 - pg + pgd);
        s[3] += w * (p3 - p4 - pd + pgd);
        lse_add(&acc, l);
        double z1 = be + tx - x + i, z2 = al + be + tx + i, z3 = de + tx + i,
               z4 = ga + de + tx + i + 1;
        l += log(z1 * z3 / (z2 * z4));
        p1 += 1 / z1, p2 += 1 / z2, p3 += 1 / z3, p4 += 1 / z4;
    }
    double ll = lse_get(&acc);
    if (g) {
        double total = exp(ll - m); /* sum of weights relative to m */
        for (int k = 0; k < 4; k++)
            g[k] = s[k] / total;
    }
    return ll;
}

/* ln L(x, t_x, n) */
static double row_ll(const bgbb_par *q, double x, double tx, double n)
{
    lse acc = {-INFINITY, 0};
    lse_add(&acc, clv_sf_lbeta(q->al + x, q->be + n - x) - q->lab +
                      clv_sf_lbeta(q->ga, q->de + n) - q->lgd);
    double l = clv_sf_lbeta(q->al + x, q->be + tx - x) - q->lab +
               clv_sf_lbeta(q->ga + 1, q->de + tx) - q->lgd;
    for (double i = 0; i < n - tx; i++) {
        lse_add(&acc, l);
        l += log((q->be + tx - x + i) * (q->de + tx + i) /
                 ((q->al + q->be + tx + i) * (q->ga + q->de + tx + i + 1)));
    }
    return lse_get(&acc);
}

/* ln sum_{t=from}^{to} B(gamma, delta+t)/B(gamma, delta), from >= 1 */
static double lsum_alive(const bgbb_par *q, double from, double to)
{
    lse acc = {-INFINITY, 0};
    double l = clv_sf_lbeta(q->ga, q->de + from) - q->lgd;
    for (double t = from; t <= to; t++) {
        lse_add(&acc, l);
        l += log((q->de + t) / (q->ga + q->de + t));
    }
    return lse_get(&acc);
}

/* ---- arguments ----------------------------------------------------------- */

/* A count of opportunities (argument arg): at most 10^7. */
static clv_status check_count(double v, size_t arg, size_t el, clv_fault *fault)
{
    const char *why;
    clv_status st = clv_domain_check(CLV_D_WHOLE, v, &why);
    if (st != CLV_OK)
        return clv_fail(fault, arg, el, why, st);
    if (v > MAX_N)
        return clv_fail(fault, arg, el, "must be <= 10^7", CLV_EDOM);
    return CLV_OK;
}

/* (x, t_x, n) at arguments ax, ax+1, ax+2 */
static clv_status check_row(const double *v, size_t ax, size_t el,
                            clv_fault *fault)
{
    double x = v[0], tx = v[1], n = v[2];
    clv_status st = CLV_OK;
    for (size_t k = 0; k < 3 && st == CLV_OK; k++)
        st = check_count(v[k], ax + k, el, fault);
    if (st != CLV_OK)
        return st;
    if (tx > n)
        return clv_fail(fault, ax + 1, el, "must be <= n", CLV_EDOM);
    if (x > tx || (x == 0) != (tx == 0))
        return clv_fail(fault, ax + 1, el,
                        "must be >= x, and 0 exactly when x = 0", CLV_EDOM);
    return CLV_OK;
}

static clv_status check_customer(double x, double tx, double n, size_t ax,
                                 clv_fault *fault)
{
    const double v[3] = {x, tx, n};
    return check_row(v, ax, CLV_FAULT_NONE, fault);
}

/* rows: x at ax, t_x, n, weight, count at ax + 4 */
static clv_status check_rows(const double *x, const double *tx, const double *n,
                             const double *w, size_t rows, size_t ax,
                             clv_fault *fault)
{
    const double *cols[3] = {x, tx, n};
    return clv_check_table(cols, 3, w, rows, ax, check_row, fault);
}

/* ---- likelihood and fit -------------------------------------------------- */

static int bgbb_ll(const double *p, double *out, double *dll, void *ctx)
{
    const clv_patterns *pat = ctx;
    bgbb_par q = params(p);
    double ll = 0, g[4];
    if (dll)
        dll[0] = dll[1] = dll[2] = dll[3] = 0;
    for (size_t i = 0; i < pat->n; i++) {
        double w = pat->w[i];
        ll += w * row_ll_grad(&q, pat->col[0][i], pat->col[1][i],
                              pat->col[2][i], dll ? g : NULL);
        if (dll)
            for (int k = 0; k < 4; k++)
                dll[k] += w * g[k];
    }
    *out = ll;
    return !isfinite(ll);
}

static clv_status build(const double *x, const double *tx, const double *n,
                        const double *w, size_t rows, clv_patterns *pat)
{
    const double *cols[3] = {x, tx, n};
    return clv_patterns_build(cols, 3, w, rows, pat);
}

clv_status clv_bgbb_loglik(const clv_model *model, const double *x,
                           const double *t_x, const double *n,
                           const double *weight, size_t rows, double *out,
                           clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 6, fault, BGBB);
    if (st == CLV_OK)
        st = check_rows(x, t_x, n, weight, rows, 1, fault);
    if (st != CLV_OK)
        return st;
    clv_patterns pat;
    if (build(x, t_x, n, weight, rows, &pat) != CLV_OK)
        return CLV_ENOMEM;
    if (bgbb_ll(model->param, out, NULL, &pat)) {
        *out = NAN;
        st = CLV_ERANGE;
    }
    clv_patterns_free(&pat);
    return st;
}

clv_status clv_bgbb_fit(const double *x, const double *t_x, const double *n,
                        const double *weight, size_t rows,
                        const clv_fit_options *opts, clv_model *out,
                        clv_fit_info *info, clv_fault *fault)
{
    clv_status st0 =
        clv_fit_begin(out, 6, CLV_MODEL_BGBB, CLV_UNIT_NONE, fault);
    if (st0 != CLV_OK)
        return st0;
    clv_status st = check_rows(x, t_x, n, weight, rows, 0, fault);
    if (st != CLV_OK)
        return st;
    clv_patterns pat;
    if (build(x, t_x, n, weight, rows, &pat) != CLV_OK)
        return CLV_ENOMEM;
    clv_fit_problem pb = {0};
    pb.n = 4;
    pb.ll = bgbb_ll;
    pb.ctx = &pat;
    pb.analytic = 1;
    pb.weight = pat.total;
    pb.distinct = pat.n;
    static const double starts[3][4] = {
        {1, 1, 1, 1}, {2, 1, 0.5, 3}, {0.5, 2, 2, 0.5}};
    pb.nstarts = 3;
    for (int s = 0; s < 3; s++)
        for (int k = 0; k < 4; k++)
            pb.starts[s][k] = starts[s][k];
    st = clv_fit_run(&pb, opts, 5, out->param, info, fault);
    clv_patterns_free(&pat);
    return st;
}

/* ---- predictions --------------------------------------------------------- */

static clv_status finish(double v, double *out)
{
    if (!isfinite(v)) {
        *out = NAN;
        return CLV_ERANGE;
    }
    *out = v;
    return CLV_OK;
}

clv_status clv_bgbb_palive(const clv_model *model, double x, double t_x,
                           double n, double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 4, fault, BGBB);
    if (st == CLV_OK)
        st = check_customer(x, t_x, n, 1, fault);
    if (st != CLV_OK)
        return st;
    bgbb_par q = params(model->param);
    double l = clv_sf_lbeta(q.al + x, q.be + n - x) - q.lab +
               clv_sf_lbeta(q.ga, q.de + n + 1) - q.lgd - row_ll(&q, x, t_x, n);
    return finish(fmin(exp(l), 1), out);
}

clv_status clv_bgbb_conditional_expected(const clv_model *model, double nstar,
                                         double x, double t_x, double n,
                                         double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 5, fault, BGBB);
    if (st == CLV_OK)
        st = check_count(nstar, 1, CLV_FAULT_NONE, fault);
    if (st == CLV_OK)
        st = check_customer(x, t_x, n, 2, fault);
    if (st != CLV_OK)
        return st;
    if (nstar == 0)
        return finish(0, out);
    bgbb_par q = params(model->param);
    double l = clv_sf_lbeta(q.al + x + 1, q.be + n - x) - q.lab -
               row_ll(&q, x, t_x, n) + lsum_alive(&q, n + 1, n + nstar);
    return finish(exp(l), out);
}

clv_status clv_bgbb_expected(const clv_model *model, double n, double *out,
                             clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 2, fault, BGBB);
    if (st == CLV_OK)
        st = check_count(n, 1, CLV_FAULT_NONE, fault);
    if (st != CLV_OK)
        return st;
    if (n == 0)
        return finish(0, out);
    bgbb_par q = params(model->param);
    return finish(q.al / (q.al + q.be) * exp(lsum_alive(&q, 1, n)), out);
}

clv_status clv_bgbb_pmf(const clv_model *model, double x, double n, double *out,
                        clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 3, fault, BGBB);
    if (st == CLV_OK)
        st = clv_check_arg(x, CLV_D_WHOLE, 1, fault);
    if (st == CLV_OK)
        st = check_count(n, 2, CLV_FAULT_NONE, fault);
    if (st == CLV_OK && x > n)
        st = clv_fail(fault, 1, CLV_FAULT_NONE, "must be <= n", CLV_EDOM);
    if (st != CLV_OK)
        return st;
    bgbb_par q = params(model->param);
    lse acc = {-INFINITY, 0};
    double lchoose_n =
        clv_sf_lgamma(n + 1) - clv_sf_lgamma(x + 1) - clv_sf_lgamma(n - x + 1);
    lse_add(&acc, lchoose_n + clv_sf_lbeta(q.al + x, q.be + n - x) - q.lab +
                      clv_sf_lbeta(q.ga, q.de + n) - q.lgd);
    /* i = x: C(x, x) = 1 */
    double l = clv_sf_lbeta(q.al + x, q.be) - q.lab +
               clv_sf_lbeta(q.ga + 1, q.de + x) - q.lgd;
    for (double i = x; i < n; i++) {
        lse_add(&acc, l);
        l += log((i + 1) * (q.be + i - x) * (q.de + i) /
                 ((i + 1 - x) * (q.al + q.be + i) * (q.ga + q.de + i + 1)));
    }
    return finish(fmin(exp(lse_get(&acc)), 1), out);
}
