/*
 * bgbb.c -- the beta-geometric/beta-Bernoulli model for discrete
 * transaction opportunities (Fader, Hardie & Shang 2010, "Customer-base
 * analysis in a discrete-time noncontractual setting", Marketing Science
 * 29(6)).  Every sum over opportunities runs by ratios of neighbouring Beta
 * functions, in log space, so it costs one multiplication per opportunity
 * and never overflows; the likelihood's sum stops after 1000 opportunities
 * and adds the rest by Euler-Maclaurin (row_ll_grad), so a fit costs the
 * same for n = 10^7 (the cap) as for n = 1000.
 */
#include <math.h>

#include "clvkit/retention.h"
#include "models/fit.h"
#include "core/fn.h"
#include "models/model.h"
#include "numerics/quad.h"
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
    bgbb_par q = {p[0], p[1], p[2], p[3], clv_sf_lbeta(p[0], p[1]), clv_sf_lbeta(p[2], p[3])};
    return q;
}

/* A running sum of c * e^l and of gradient parts e^l * d[0..3], kept
 * relative to e^m (the largest l so far) so it never overflows. */
typedef struct {
    double m, v, g[4];
} lsum4;

static void lsum4_add(lsum4 *a, double l, double c, const double d[4])
{
    if (l == -INFINITY)
        return;
    if (l > a->m) {
        double k = exp(a->m - l);
        a->v *= k;
        for (int j = 0; j < 4; j++)
            a->g[j] *= k;
        a->m = l;
    }
    double w = exp(l - a->m);
    a->v += c * w;
    for (int j = 0; j < 4; j++)
        a->g[j] += w * d[j];
}

/* One customer: a = alpha + x, b = beta + t_x - x, d = delta + t_x, and the
 * parts of the gradient that do not depend on the opportunity. */
typedef struct {
    const bgbb_par *q;
    double a, b, d, ca, cb, cg, cd;
} bgbb_row;

/* The term "alive through t_x + s, then gone": returns its log
 * l(s) = ln B(a, b+s)/B(alpha, beta) + ln B(gamma+1, d+s)/B(gamma, delta),
 * writes dl/dparam to gl and, when h is not NULL, dl/ds to *h and
 * d(dl/ds)/dparam to dh (then s >= 1000: the trigamma series below needs
 * large arguments). */
static double term(const bgbb_row *r, double s, double gl[4], double *h, double dh[4])
{
    const bgbb_par *q = r->q;
    double z1 = r->b + s, z2 = r->a + r->b + s, z3 = r->d + s, z4 = q->ga + 1 + r->d + s;
    double p1 = clv_sf_digamma(z1), p2 = clv_sf_digamma(z2), p3 = clv_sf_digamma(z3),
           p4 = clv_sf_digamma(z4);
    gl[0] = r->ca - p2, gl[1] = p1 - p2 + r->cb;
    gl[2] = r->cg - p4, gl[3] = p3 - p4 + r->cd;
    if (h) {
        /* trigamma by its asymptotic series: exact to rounding for z >= 1000 */
        double t[4], z[4] = {z1, z2, z3, z4};
        for (int j = 0; j < 4; j++) {
            double u = 1 / z[j], u2 = u * u;
            t[j] = u + u2 * (0.5 + u * (1.0 / 6 - u2 * (1.0 / 30 - u2 / 42)));
        }
        *h = p1 - p2 + p3 - p4;
        dh[0] = -t[1], dh[1] = t[0] - t[1], dh[2] = -t[3], dh[3] = t[2] - t[3];
    }
    return clv_sf_lbeta(r->a, z1) - q->lab + clv_sf_lbeta(q->ga + 1, z3) - q->lgd;
}

/* The tail's integrand over u = ln s (smooth, for tanh-sinh). */
static double tail_integrand(double u, double dl, double dr, double *g, void *ctx)
{
    (void)dl, (void)dr;
    return term(ctx, exp(u), g, NULL, NULL) + u;
}

/* Opportunities summed one by one; beyond DIRECT the terms, which fall
 * monotonically and smoothly in s, are summed by Euler-Maclaurin:
 *   sum_{i=K}^{M} f(i) = int_K^M f + (f(K) + f(M))/2 + (f'(M) - f'(K))/12
 * leaving an error of order f^(3)(K)/720, about f(K) 1e-12 at K = 1000.  So
 * a row costs at most K steps and one quadrature, whatever n (<= 10^7). */
#define DIRECT 1000.0

static void tail_sum(bgbb_row *r, double K, double M, lsum4 *acc)
{
    static const double sign[2] = {-1, 1};
    const double ends[2] = {K, M};
    double gl[4], h, dh[4], d[4];
    for (int e = 0; e < 2; e++) {
        double l = term(r, ends[e], gl, &h, dh);
        for (int j = 0; j < 4; j++)
            d[j] = 0.5 * gl[j];
        lsum4_add(acc, l, 0.5, d); /* (f(K) + f(M)) / 2 */
        for (int j = 0; j < 4; j++)
            d[j] = sign[e] * (gl[j] * h + dh[j]) / 12;
        lsum4_add(acc, l, sign[e] * h / 12, d); /* f' = f h */
    }
    double li, mean[4];
    clv_status st = clv_quad_log(tail_integrand, r, log(K), log(M), 4, &li, mean);
    if (st != CLV_OK && st != CLV_ELOSS)
        li = NAN; /* the row's likelihood becomes NaN: the fit says so */
    for (int j = 0; j < 4; j++)
        d[j] = mean[j];
    lsum4_add(acc, li, 1, d);
}

/* ln L(x, t_x, n) and, when g is not NULL, its gradient: each term of L
 * is a product of Beta ratios whose log-derivatives are digamma
 * differences, run up the opportunities by psi(z+1) = psi(z) + 1/z; the
 * gradient of ln L is the terms' gradients averaged with weights term/L. */
static double row_ll_grad(const bgbb_par *q, double x, double tx, double n, double *g)
{
    double al = q->al, be = q->be, ga = q->ga, de = q->de;
    double pab = clv_sf_digamma(al + be), pgd = clv_sf_digamma(ga + de);
    double pa = clv_sf_digamma(al), pb = clv_sf_digamma(be);
    double pg = clv_sf_digamma(ga), pd = clv_sf_digamma(de);
    double pax = clv_sf_digamma(al + x);
    bgbb_row r = {q,
                  al + x,
                  be + tx - x,
                  de + tx,
                  pax - pa + pab,
                  pab - pb,
                  clv_sf_digamma(ga + 1) - pg + pgd,
                  pgd - pd};
    /* the "alive after n" term */
    double l0 = clv_sf_lbeta(al + x, be + n - x) - q->lab + clv_sf_lbeta(ga, de + n) - q->lgd;
    double pabn = clv_sf_digamma(al + be + n), pgdn = clv_sf_digamma(ga + de + n);
    double d0[4] = {pax - pabn - pa + pab, clv_sf_digamma(be + n - x) - pabn - pb + pab, pgd - pgdn,
                    clv_sf_digamma(de + n) - pgdn - pd + pgd};
    lsum4 acc = {-INFINITY, 0, {0, 0, 0, 0}};
    lsum4_add(&acc, l0, 1, d0);
    double p1 = clv_sf_digamma(r.b), p2 = clv_sf_digamma(r.a + r.b), p3 = clv_sf_digamma(r.d),
           p4 = clv_sf_digamma(ga + 1 + r.d);
    double l = clv_sf_lbeta(r.a, r.b) - q->lab + clv_sf_lbeta(ga + 1, r.d) - q->lgd;
    double m = n - tx, direct = fmin(m, DIRECT);
    for (double i = 0; i < direct; i++) {
        double d[4] = {r.ca - p2, p1 - p2 + r.cb, r.cg - p4, p3 - p4 + r.cd};
        lsum4_add(&acc, l, 1, d);
        double z1 = r.b + i, z2 = r.a + r.b + i, z3 = r.d + i, z4 = ga + 1 + r.d + i;
        l += log(z1 * z3 / (z2 * z4));
        p1 += 1 / z1, p2 += 1 / z2, p3 += 1 / z3, p4 += 1 / z4;
    }
    /* the rest, unless all of it at the size of the next term (the terms
     * fall) is below rounding */
    if (m > direct && l + log(m - direct) > acc.m + log(acc.v) - 40)
        tail_sum(&r, direct, m - 1, &acc);
    double ll = acc.v > 0 ? acc.m + log(acc.v) : -INFINITY;
    if (g)
        for (int k = 0; k < 4; k++)
            g[k] = acc.g[k] / acc.v;
    return ll;
}

/* ln L(x, t_x, n) */
static double row_ll(const bgbb_par *q, double x, double tx, double n)
{
    return row_ll_grad(q, x, tx, n, NULL);
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
static clv_status check_row(const double *v, size_t ax, size_t el, clv_fault *fault)
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
        return clv_fail(fault, ax + 1, el, "must be >= x, and 0 exactly when x = 0", CLV_EDOM);
    return CLV_OK;
}

static clv_status check_customer(double x, double tx, double n, size_t ax, clv_fault *fault)
{
    const double v[3] = {x, tx, n};
    return check_row(v, ax, CLV_FAULT_NONE, fault);
}

/* rows: x at ax, t_x, n, weight, count at ax + 4 */
static clv_status check_rows(const double *x, const double *tx, const double *n, const double *w,
                             size_t rows, size_t ax, clv_fault *fault)
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
        ll += w * row_ll_grad(&q, pat->col[0][i], pat->col[1][i], pat->col[2][i], dll ? g : NULL);
        if (dll)
            for (int k = 0; k < 4; k++)
                dll[k] += w * g[k];
    }
    *out = ll;
    return !isfinite(ll);
}

static clv_status build(const double *x, const double *tx, const double *n, const double *w,
                        size_t rows, clv_patterns *pat)
{
    const double *cols[3] = {x, tx, n};
    return clv_patterns_build(cols, 3, w, rows, pat);
}

clv_status clv_bgbb_loglik(const clv_model *model, const double *x, const double *t_x,
                           const double *n, const double *weight, size_t rows, double *out,
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

clv_status clv_bgbb_fit(const double *x, const double *t_x, const double *n, const double *weight,
                        size_t rows, const clv_fit_options *opts, clv_model *out,
                        clv_fit_info *info, clv_fault *fault)
{
    clv_status st0 = clv_fit_begin(out, 6, CLV_MODEL_BGBB, CLV_UNIT_NONE, fault);
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
    static const double starts[3][4] = {{1, 1, 1, 1}, {2, 1, 0.5, 3}, {0.5, 2, 2, 0.5}};
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

clv_status clv_bgbb_palive(const clv_model *model, double x, double t_x, double n, double *out,
                           clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 4, fault, BGBB);
    if (st == CLV_OK)
        st = check_customer(x, t_x, n, 1, fault);
    if (st != CLV_OK)
        return st;
    bgbb_par q = params(model->param);
    double l = clv_sf_lbeta(q.al + x, q.be + n - x) - q.lab + clv_sf_lbeta(q.ga, q.de + n + 1) -
               q.lgd - row_ll(&q, x, t_x, n);
    return finish(fmin(exp(l), 1), out);
}

clv_status clv_bgbb_conditional_expected(const clv_model *model, double nstar, double x, double t_x,
                                         double n, double *out, clv_fault *fault)
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
    double l = clv_sf_lbeta(q.al + x + 1, q.be + n - x) - q.lab - row_ll(&q, x, t_x, n) +
               lsum_alive(&q, n + 1, n + nstar);
    return finish(exp(l), out);
}

clv_status clv_bgbb_expected(const clv_model *model, double n, double *out, clv_fault *fault)
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

clv_status clv_bgbb_pmf(const clv_model *model, double x, double n, double *out, clv_fault *fault)
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
    double lchoose_n = clv_sf_lgamma(n + 1) - clv_sf_lgamma(x + 1) - clv_sf_lgamma(n - x + 1);
    lse_add(&acc, lchoose_n + clv_sf_lbeta(q.al + x, q.be + n - x) - q.lab +
                      clv_sf_lbeta(q.ga, q.de + n) - q.lgd);
    /* i = x: C(x, x) = 1 */
    double l = clv_sf_lbeta(q.al + x, q.be) - q.lab + clv_sf_lbeta(q.ga + 1, q.de + x) - q.lgd;
    for (double i = x; i < n; i++) {
        lse_add(&acc, l);
        l += log((i + 1) * (q.be + i - x) * (q.de + i) /
                 ((i + 1 - x) * (q.al + q.be + i) * (q.ga + q.de + i + 1)));
    }
    return finish(fmin(exp(lse_get(&acc)), 1), out);
}
