/*
 * gg.c -- the Gamma-Gamma model of spend per transaction (Fader & Hardie
 * 2013, "The Gamma-Gamma model of monetary value"; Colombo & Jiang 1999).
 * A customer's transaction values are Gamma(p, nu) with nu ~ Gamma(q,
 * gamma) across customers; for x transactions of mean m,
 *
 *   ln L = ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q) + q ln gamma
 *          + (px-1) ln m + px ln x - (px+q) ln(gamma + m x).
 */
#include <math.h>
#include <stdlib.h>

#include "core/alloc.h"
#include "models/fit.h"
#include "models/interval.h"
#include "core/fn.h"
#include "models/model.h"
#include "numerics/specfun.h"

typedef struct {
    clv_patterns pat; /* (x, m), repeat buyers only */
    size_t nx;
    double *xv, *Wx;
    size_t *xi;
    double *lm;                /* ln m per pattern */
    double Sxlm, Slm, Sxlx, W; /* sums of w x ln m, w ln m, w x ln x, w */
} gg_data;

static void gg_data_free(gg_data *d)
{
    clv_patterns_free(&d->pat);
    clv_free(d->xv), clv_free(d->Wx), clv_free(d->xi), clv_free(d->lm);
}

/* One row (x, m) at arguments ax, ax+1: x = 0 rows are allowed (and
 * skipped), other rows need m > 0. */
static clv_status gg_row(const double *v, size_t ax, size_t el, clv_fault *fault)
{
    const char *why;
    clv_status st;
    if ((st = clv_domain_check(CLV_D_WHOLE, v[0], &why)) != CLV_OK)
        return clv_fail(fault, ax, el, why, st);
    if ((st = clv_domain_check(CLV_D_NONNEG, v[1], &why)) != CLV_OK)
        return clv_fail(fault, ax + 1, el, why, st);
    if (v[0] > 0 && !(v[1] > 0))
        return clv_fail(fault, ax + 1, el, "must be > 0 when x >= 1", CLV_EDOM);
    return CLV_OK;
}

/* Arguments: ax x, ax+1 m, ax+2 weight, ax+3 n; at least one repeat buyer
 * with weight > 0. */
static clv_status gg_check(const double *x, const double *m, const double *w, size_t n, size_t ax,
                           clv_fault *fault)
{
    const double *cols[2] = {x, m};
    clv_status st = clv_check_table(cols, 2, w, n, ax, gg_row, fault);
    if (st != CLV_OK)
        return st;
    double repeat = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] > 0)
            repeat += w ? w[i] : 1;
    if (!(repeat > 0))
        return clv_fail(fault, ax, CLV_FAULT_NONE, "has no repeat buyer (x >= 1) with weight > 0",
                        CLV_EDOM);
    return CLV_OK;
}

static clv_status gg_data_init(gg_data *d, const double *x, const double *m, const double *w,
                               size_t n)
{
    /* zero-weight the x = 0 rows, then compress */
    double *wr = clv_malloc(n * sizeof *wr);
    if (!wr)
        return CLV_ENOMEM;
    for (size_t i = 0; i < n; i++)
        wr[i] = x[i] > 0 ? (w ? w[i] : 1) : 0;
    const double *cols[2] = {x, m};
    clv_status st = clv_patterns_build(cols, 2, wr, n, &d->pat);
    clv_free(wr);
    if (st != CLV_OK)
        return st;
    size_t np = d->pat.n;
    if (clv_values_index(d->pat.col[0], np, &d->xv, &d->nx, &d->xi) ||
        !(d->Wx = clv_calloc(d->nx, sizeof(double))) ||
        !(d->lm = clv_malloc(np * sizeof(double)))) {
        gg_data_free(d);
        return CLV_ENOMEM;
    }
    for (size_t i = 0; i < np; i++) {
        double wi = d->pat.w[i], xi = d->pat.col[0][i];
        d->lm[i] = log(d->pat.col[1][i]);
        d->Wx[d->xi[i]] += wi;
        d->W += wi;
        d->Slm += wi * d->lm[i];
        d->Sxlm += wi * xi * d->lm[i];
        d->Sxlx += wi * xi * log(xi);
    }
    return CLV_OK;
}

static int gg_loglik(const double *par, double *llp, double *dll, void *ctx)
{
    const gg_data *d = ctx;
    double p = par[0], q = par[1], g = par[2];
    double lgq = clv_sf_lgamma(q), pq = clv_sf_digamma(q), lg = log(g);
    double ll = d->W * (q * lg - lgq) - d->Slm + p * (d->Sxlm + d->Sxlx);
    double dp = d->Sxlm + d->Sxlx, dq = d->W * (lg - pq), dg = d->W * q / g;
    for (size_t j = 0; j < d->nx; j++) {
        double x = d->xv[j], W = d->Wx[j];
        ll += W * (clv_sf_lgamma(p * x + q) - clv_sf_lgamma(p * x));
        if (dll) {
            double a = clv_sf_digamma(p * x + q);
            dp += W * x * (a - clv_sf_digamma(p * x));
            dq += W * a;
        }
    }
    for (size_t i = 0; i < d->pat.n; i++) {
        double x = d->pat.col[0][i], m = d->pat.col[1][i], w = d->pat.w[i];
        double gm = g + m * x, lgm = log(gm);
        ll -= w * (p * x + q) * lgm;
        dp -= w * x * lgm;
        dq -= w * lgm;
        dg -= w * (p * x + q) / gm;
    }
    *llp = ll;
    if (dll) {
        dll[0] = dp;
        dll[1] = dq;
        dll[2] = dg;
    }
    return !isfinite(ll);
}

static void gg_problem(gg_data *d, clv_fit_problem *pb)
{
    pb->n = 3;
    pb->ll = gg_loglik;
    pb->ctx = d;
    pb->analytic = 1;
    pb->weight = d->W;
    pb->distinct = d->pat.n;
    double mean = 0;
    for (size_t i = 0; i < d->pat.n; i++)
        mean += d->pat.w[i] * d->pat.col[1][i];
    mean /= d->W;
    /* E[M] = p gamma / (q - 1): each start has it at the data's mean */
    static const double st[3][3] = {{2, 3, 1}, {1, 1.5, 0.5}, {10, 10, 0.9}};
    pb->nstarts = 3;
    for (size_t s = 0; s < 3; s++) {
        pb->starts[s][0] = st[s][0];
        pb->starts[s][1] = st[s][1];
        pb->starts[s][2] = st[s][2] * mean;
    }
}

clv_status clv_gg_loglik(const clv_model *model, const double *x, const double *m,
                         const double *weight, size_t n, double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 5, fault, CLV_MODEL_GG, CLV_MODEL_NONE, CLV_MODEL_NONE);
    if (st == CLV_OK)
        st = gg_check(x, m, weight, n, 1, fault);
    if (st != CLV_OK)
        return st;
    gg_data d = {0};
    if (gg_data_init(&d, x, m, weight, n) != CLV_OK)
        return CLV_ENOMEM;
    if (gg_loglik(model->param, out, NULL, &d))
        st = CLV_ERANGE;
    gg_data_free(&d);
    if (st != CLV_OK)
        *out = NAN;
    return st;
}

clv_status clv_gg_fit(const double *x, const double *m, const double *weight, size_t n,
                      const clv_fit_options *opts, clv_model *out, clv_fit_info *info,
                      clv_fault *fault)
{
    clv_status st0 = clv_fit_begin(out, 6, CLV_MODEL_GG, CLV_UNIT_NONE, fault);
    if (st0 != CLV_OK)
        return st0;
    clv_status st = gg_check(x, m, weight, n, 0, fault);
    if (st != CLV_OK)
        return st;
    gg_data d = {0};
    if (gg_data_init(&d, x, m, weight, n) != CLV_OK)
        return CLV_ENOMEM;
    clv_fit_problem pb;
    gg_problem(&d, &pb);
    st = clv_fit_run(&pb, opts, 4, out->param, info, fault);
    gg_data_free(&d);
    return st;
}

/* intervals.h; the Hessian by covariance.c, on this file's likelihood. */
clv_status clv_gg_covariance(const clv_model *model, const double *x, const double *m,
                             const double *weight, size_t n, double *se,
                             double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS], clv_fault *fault)
{
    if (!cov)
        return clv_fail(fault, 6, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    clv_cov_clear(se, cov);
    clv_status st = clv_check_model(model, 0, fault, CLV_MODEL_GG, CLV_MODEL_GG, CLV_MODEL_GG);
    if (st == CLV_OK)
        st = gg_check(x, m, weight, n, 1, fault);
    if (st != CLV_OK)
        return st;
    gg_data d = {0};
    if (gg_data_init(&d, x, m, weight, n) != CLV_OK)
        return CLV_ENOMEM;
    clv_fit_problem pb;
    gg_problem(&d, &pb);
    st = clv_cov_at(&pb, model, se, cov, fault);
    gg_data_free(&d);
    return st;
}

clv_status clv_gg_spend(const clv_model *model, double x, double m, double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 3, fault, CLV_MODEL_GG, CLV_MODEL_NONE, CLV_MODEL_NONE);
    if (st == CLV_OK)
        st = clv_check_arg(x, CLV_D_WHOLE, 1, fault);
    if (st == CLV_OK)
        st = clv_check_arg(m, CLV_D_NONNEG, 2, fault);
    if (st != CLV_OK)
        return st;
    double p = model->param[0], q = model->param[1], g = model->param[2];
    double den = p * x + q - 1;
    if (!(den > 0))
        return clv_fail(fault, 0, 1,
                        x == 0 ? "q must be > 1 for the population mean"
                               : "p x + q must be > 1 for the mean to exist",
                        CLV_EDOM);
    /* a weighted mean of the population mean and the customer's own */
    *out = x == 0 ? p * g / den : (g + m * x) * p / den;
    if (!isfinite(*out)) {
        *out = NAN;
        return CLV_ERANGE;
    }
    return CLV_OK;
}
