/*
 * sbg.c -- the shifted-beta-geometric model of contractual retention
 * (Fader & Hardie 2007, "How to project customer retention"; DEL and DERL
 * from Fader & Hardie 2010, "Customer-base valuation in a contractual
 * setting: the perils of ignoring heterogeneity").
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "core/alloc.h"
#include "clvkit/retention.h"
#include "models/fit.h"
#include "core/fn.h"
#include "models/model.h"
#include "numerics/specfun.h"

#define SBG CLV_MODEL_SBG, CLV_MODEL_NONE, CLV_MODEL_NONE

/* ln P(T = t) and ln S(t) relative to B(alpha, beta) */
static double lchurn(double a, double b, double lab, double t)
{
    /* b + (t - 1): a tiny b must not vanish in b + t before the - 1 */
    return clv_sf_lbeta(a + 1, b + (t - 1)) - lab;
}

static double lsurv(double a, double b, double lab, double t)
{
    return clv_sf_lbeta(a, b + t) - lab;
}

typedef struct {
    const double *alive;
    size_t n;
} curve;

static int sbg_ll(const double *p, double *out, double *dll, void *ctx)
{
    (void)dll;
    const curve *c = ctx;
    double a = p[0], b = p[1], lab = clv_sf_lbeta(a, b), ll = 0;
    for (size_t t = 1; t < c->n; t++) {
        double lost = c->alive[t - 1] - c->alive[t];
        if (lost > 0)
            ll += lost * lchurn(a, b, lab, (double)t);
    }
    if (c->alive[c->n - 1] > 0)
        ll += c->alive[c->n - 1] * lsurv(a, b, lab, (double)(c->n - 1));
    *out = ll;
    return !isfinite(ll);
}

/* Arguments: ac the curve, ac + 1 its length. */
static clv_status check_curve(const double *alive, size_t n, size_t ac, clv_fault *fault)
{
    if (n < 2)
        return clv_fail(fault, ac + 1, CLV_FAULT_NONE,
                        "must be >= 2 (the start and at least one period)", CLV_EINVAL);
    if (!alive)
        return clv_fail(fault, ac, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t t = 0; t < n; t++) {
        const char *why;
        clv_status st = clv_domain_check(CLV_D_NONNEG, alive[t], &why);
        if (st != CLV_OK)
            return clv_fail(fault, ac, t, why, st);
        if (t > 0 && alive[t] > alive[t - 1])
            return clv_fail(fault, ac, t, "must not exceed the count before it", CLV_EDOM);
    }
    if (!(alive[0] > 0))
        return clv_fail(fault, ac, 0, "must be > 0 (the cohort)", CLV_EDOM);
    return CLV_OK;
}

clv_status clv_sbg_loglik(const clv_model *model, const double *alive, size_t n, double *out,
                          clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 3, fault, SBG);
    if (st == CLV_OK)
        st = check_curve(alive, n, 1, fault);
    if (st != CLV_OK)
        return st;
    curve c = {alive, n};
    if (sbg_ll(model->param, out, NULL, &c)) {
        *out = NAN;
        return CLV_ERANGE;
    }
    return CLV_OK;
}

static clv_status fit_curve(const double *alive, size_t n, const clv_fit_options *opts,
                            size_t opts_arg, clv_model *out, clv_fit_info *info, clv_fault *fault)
{
    curve c = {alive, n};
    clv_fit_problem pb = {0};
    pb.n = 2;
    pb.ll = sbg_ll;
    pb.ctx = &c;
    pb.analytic = 0;
    pb.weight = alive[0];
    pb.distinct = n;
    static const double starts[3][2] = {{1, 1}, {0.5, 3}, {3, 10}};
    pb.nstarts = 3;
    for (int s = 0; s < 3; s++) {
        pb.starts[s][0] = starts[s][0];
        pb.starts[s][1] = starts[s][1];
    }
    return clv_fit_run(&pb, opts, opts_arg, out->param, info, fault);
}

clv_status clv_sbg_fit(const double *alive, size_t n, const clv_fit_options *opts, clv_model *out,
                       clv_fit_info *info, clv_fault *fault)
{
    clv_status st = clv_fit_begin(out, 3, CLV_MODEL_SBG, CLV_UNIT_NONE, fault);
    if (st == CLV_OK)
        st = check_curve(alive, n, 0, fault);
    if (st != CLV_OK)
        return st;
    return fit_curve(alive, n, opts, 2, out, info, fault);
}

clv_status clv_sbg_fit_lost(const double *lost, size_t n, double initial,
                            const clv_fit_options *opts, clv_model *out, clv_fit_info *info,
                            clv_fault *fault)
{
    clv_status st0 = clv_fit_begin(out, 4, CLV_MODEL_SBG, CLV_UNIT_NONE, fault);
    if (st0 != CLV_OK)
        return st0;
    if (n < 1)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    if (!lost)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    const char *why;
    clv_status st = clv_domain_check(CLV_D_POS, initial, &why);
    if (st != CLV_OK)
        return clv_fail(fault, 2, CLV_FAULT_NONE, why, st);
    double *alive = clv_malloc((n + 1) * sizeof *alive);
    if (!alive)
        return CLV_ENOMEM;
    alive[0] = initial;
    for (size_t t = 0; t < n && st == CLV_OK; t++) {
        if ((st = clv_domain_check(CLV_D_NONNEG, lost[t], &why)) != CLV_OK)
            st = clv_fail(fault, 0, t, why, st);
        else if ((alive[t + 1] = alive[t] - lost[t]) < 0)
            st = clv_fail(fault, 0, t, "more lost than were acquired", CLV_EDOM);
    }
    if (st == CLV_OK)
        st = fit_curve(alive, n + 1, opts, 3, out, info, fault);
    clv_free(alive);
    return st;
}

/* The three curves at t: S(t), r(t), P(T = t).  S = B(a, b+t)/B(a, b) <= 1,
 * but the difference of two ln B can round above 0. */
static double survival_at(double a, double b, double t)
{
    return fmin(1, exp(lsurv(a, b, clv_sf_lbeta(a, b), t)));
}

/* c/(a + c), c = b + t - 1; scaled when a + c overflows (inf/inf) */
static double retention_at(double a, double b, double t)
{
    double c = b + (t - 1);
    return a + c <= DBL_MAX ? c / (a + c) : 1 / (1 + a / c);
}

/* P(T = t) = S(t-1) alpha/(alpha+beta+t-1): exact at t = 1 and never above
 * 1 (the plain ratio of ln B gave 1 + 8e-11 at alpha 1e6, beta 1e-6). */
static double churn_at(double a, double b, double t)
{
    return survival_at(a, b, t - 1) * (a / (a + b + t - 1));
}

/* A curve at t (argument 1) in the domain, t >= tmin. */
static clv_status curve_at(const clv_model *model, double t, int domain, double tmin,
                           double (*f)(double, double, double), double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 2, fault, SBG);
    if (st == CLV_OK)
        st = clv_check_arg(t, domain, 1, fault);
    if (st == CLV_OK && t < tmin)
        st = clv_fail(fault, 1, CLV_FAULT_NONE, "must be >= 1", CLV_EDOM);
    if (st == CLV_OK)
        *out = f(model->param[0], model->param[1], t);
    if (st == CLV_OK && isnan(*out)) /* ln B of parameters near DBL_MAX */
        st = CLV_ERANGE;
    return st;
}

clv_status clv_sbg_survival(const clv_model *model, double t, double *out, clv_fault *fault)
{
    return curve_at(model, t, CLV_D_NONNEG, 0, survival_at, out, fault);
}

clv_status clv_sbg_retention(const clv_model *model, double t, double *out, clv_fault *fault)
{
    return curve_at(model, t, CLV_D_NONNEG, 1, retention_at, out, fault);
}

clv_status clv_sbg_churn(const clv_model *model, double t, double *out, clv_fault *fault)
{
    return curve_at(model, t, CLV_D_WHOLE, 1, churn_at, out, fault);
}

/* 2F1(1, b; a+b; 1/(1+d)) = E[1/(1 - z theta)], theta ~ Beta(b, a): the
 * discounted sum of the survival curve from shape (a, b). */
static clv_status discounted_life(double a, double b, double d, double *out)
{
    if (d == 0) {
        /* Gauss: 2F1(1, b; a+b; 1) = (a+b-1)/(a-1), finite for a > 1 */
        if (!(a > 1))
            return CLV_ENOCONV;
        *out = (a + b - 1) / (a - 1);
        return CLV_OK;
    }
    clv_status st = clv_sf_hyp2f1_e(1, b, a + b, 1 / (1 + d), out);
    return st;
}

static clv_status check_d(const clv_model *model, double d, clv_fault *fault)
{
    clv_status st = clv_check_model(model, 0, fault, SBG);
    if (st == CLV_OK)
        st = clv_check_arg(d, CLV_D_NONNEG, 1, fault);
    return st;
}

static clv_status finish(clv_status st, size_t darg, clv_fault *fault, double *out)
{
    if (st == CLV_ENOCONV) {
        *out = NAN; /* derl has already multiplied an unset lifetime */
        return clv_fail(fault, darg, CLV_FAULT_NONE,
                        "is 0 and alpha <= 1: the expected lifetime is "
                        "infinite",
                        CLV_ENOCONV);
    }
    if ((st == CLV_OK || st == CLV_ELOSS) && !isfinite(*out))
        st = CLV_ERANGE;
    if (st != CLV_OK && st != CLV_ELOSS)
        *out = NAN;
    return st;
}

clv_status clv_sbg_del(const clv_model *model, double d, double *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    clv_status st = check_d(model, d, fault);
    if (st != CLV_OK)
        return st;
    st = discounted_life(model->param[0], model->param[1], d, out);
    return finish(st, 1, fault, out);
}

clv_status clv_sbg_derl(const clv_model *model, double d, double n, double *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    clv_status st = check_d(model, d, fault);
    if (st == CLV_OK)
        st = clv_check_arg(n, CLV_D_WHOLE, 2, fault);
    if (st == CLV_OK && n < 1)
        st = clv_fail(fault, 2, CLV_FAULT_NONE, "must be >= 1", CLV_EDOM);
    if (st != CLV_OK)
        return st;
    double a = model->param[0], b = model->param[1], f = NAN;
    /* residual life after n-1 renewals: the curve of a customer who has
     * survived, i.e. shape (a, b+n), discounted from the next renewal */
    st = discounted_life(a, b + n, d, &f);
    *out = (b + n - 1) / (a + b + n - 1) * f;
    return finish(st, 1, fault, out);
}

clv_status clv_sbg_clv(const clv_model *model, double margin, double d, double n, double *out,
                       clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 4, fault, SBG);
    if (st == CLV_OK)
        st = clv_check_arg(margin, CLV_D_NONNEG, 1, fault);
    if (st != CLV_OK)
        return st;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    st = clv_sbg_derl(model, d, n, out, &f);
    if (st != CLV_OK && st != CLV_ELOSS) /* shift d, n to their places here */
        return clv_fail(fault, f.arg == 0 ? 0 : f.arg + 1, f.element, f.reason, st);
    *out *= margin;
    return finish(st, 2, fault, out);
}
