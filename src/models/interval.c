/*
 * interval.c -- predictions as one value, and their delta-method intervals
 * (see intervals.h).  The bootstrap is in bootstrap.c.
 */
#include <math.h>

#include "clvkit/diagnostics.h"
#include "clvkit/intervals.h"
#include "core/fn.h"
#include "models/interval.h"
#include "models/model.h"

static int usable(clv_status st)
{
    return st == CLV_OK || st == CLV_ELOSS;
}

/* Standard normal quantile: Acklam's rational approximation (1e-9
 * relative) polished by one Halley step on erfc. */
double clv_normal_quantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    double q, x;
    if (p < 0.02425) {
        q = sqrt(-2 * log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p > 1 - 0.02425) {
        return -clv_normal_quantile(1 - p);
    } else {
        q = p - 0.5;
        double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    double e = 0.5 * erfc(-x / sqrt(2)) - p;
    double u = e * 2.5066282746310002 * exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

clv_status clv_level_check(double level, size_t arg, clv_fault *fault)
{
    clv_status st = clv_check_arg(level, CLV_D_UNIT, arg, fault);
    if (st == CLV_OK && (level == 0 || level == 1))
        st = clv_fail(fault, arg, CLV_FAULT_NONE, "must be in (0, 1)", CLV_EDOM);
    return st;
}

static clv_status eval_one(const clv_model *tx, const clv_model *gg, const clv_prediction *p,
                           size_t i, double *v)
{
    switch (p->kind) {
    case CLV_PRED_PALIVE:
        return clv_tx_palive(tx, p->x[i], p->t_x[i], p->T[i], v, NULL);
    case CLV_PRED_CONDITIONAL:
        return clv_tx_conditional_expected(tx, p->t, p->x[i], p->t_x[i], p->T[i], v, NULL);
    case CLV_PRED_EXPECTED:
        return clv_tx_expected(tx, p->t, v, NULL);
    case CLV_PRED_DERT:
        return clv_tx_dert(tx, p->delta, p->x[i], p->t_x[i], p->T[i], v, NULL);
    case CLV_PRED_CLV:
        return clv_dert_clv(tx, gg, p->delta, p->margin, p->x[i], p->t_x[i], p->T[i], p->m[i], v,
                            NULL);
    }
    return CLV_EINVAL;
}

clv_status clv_prediction_check(const clv_model *tx, const clv_model *gg, const clv_prediction *p,
                                size_t arg, clv_fault *fault)
{
    clv_status st =
        clv_check_model(tx, 0, fault, CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD);
    if (st != CLV_OK)
        return st;
    if (!p)
        return clv_fail(fault, arg, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if ((unsigned)p->kind > CLV_PRED_CLV)
        return clv_fail(fault, arg, CLV_FAULT_NONE, "unknown prediction", CLV_EINVAL);
    if (p->kind == CLV_PRED_CLV &&
        (st = clv_check_model(gg, 1, fault, CLV_MODEL_GG, CLV_MODEL_GG, CLV_MODEL_GG)) != CLV_OK)
        return st;
    if (p->kind == CLV_PRED_EXPECTED)
        return clv_check_arg(p->t, CLV_D_NONNEG, arg, fault);
    if (p->n == 0)
        return clv_fail(fault, arg, CLV_FAULT_NONE, "has no customers", CLV_EINVAL);
    if (!p->x || !p->t_x || !p->T || (p->kind == CLV_PRED_CLV && !p->m))
        return clv_fail(fault, arg, CLV_FAULT_NONE, "has a NULL customer array", CLV_EINVAL);
    if (p->kind == CLV_PRED_CONDITIONAL)
        st = clv_check_arg(p->t, CLV_D_NONNEG, arg, fault);
    if (st == CLV_OK && (p->kind == CLV_PRED_DERT || p->kind == CLV_PRED_CLV))
        st = clv_check_arg(p->delta, CLV_D_POS, arg, fault);
    if (st == CLV_OK && p->kind == CLV_PRED_CLV)
        st = clv_check_arg(p->margin, CLV_D_UNIT, arg, fault);
    for (size_t i = 0; st == CLV_OK && i < p->n; i++) {
        st = clv_check_customer(p->x[i], p->t_x[i], p->T[i], 0, fault);
        if (st == CLV_OK && p->kind == CLV_PRED_CLV)
            st = clv_check_arg(p->m[i], CLV_D_NONNEG, 0, fault);
        if (st != CLV_OK && fault) {
            fault->arg = arg;
            fault->element = i;
        }
    }
    return st;
}

/* The prediction on checked arguments. */
clv_status clv_prediction_value(const clv_model *tx, const clv_model *gg, const clv_prediction *p,
                                double *out)
{
    size_t n = p->kind == CLV_PRED_EXPECTED ? 1 : p->n;
    clv_status st = CLV_OK;
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        double v;
        clv_status s = eval_one(tx, gg, p, i, &v);
        if (!usable(s)) {
            *out = NAN;
            return s;
        }
        if (s != CLV_OK)
            st = s;
        sum += v;
    }
    *out = sum;
    return isfinite(sum) ? st : CLV_ERANGE;
}

clv_status clv_prediction_eval(const clv_model *tx, const clv_model *gg, const clv_prediction *pred,
                               double *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    clv_status st = clv_prediction_check(tx, gg, pred, 2, fault);
    if (st != CLV_OK)
        return st;
    st = clv_prediction_value(tx, gg, pred, out);
    if (!usable(st))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "the prediction could not be computed", st);
    return st;
}

/* ---- delta method -------------------------------------------------------- */

static clv_status check_cov(const double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS], size_t np,
                            size_t arg, clv_fault *fault)
{
    if (!cov)
        return clv_fail(fault, arg, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t i = 0; i < np; i++) {
        for (size_t j = 0; j < np; j++)
            if (!isfinite(cov[i][j]))
                return clv_fail(fault, arg, i * np + j, "must be finite", CLV_EINVAL);
        if (cov[i][i] < 0)
            return clv_fail(fault, arg, i * np + i, "variance must be >= 0", CLV_EDOM);
    }
    return CLV_OK;
}

clv_status clv_param_intervals(const clv_model *model,
                               const double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                               double level, clv_interval *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        out[i] = (clv_interval){NAN, NAN, NAN, NAN, 0};
    clv_status st = clv_model_check(model, fault);
    if (st != CLV_OK)
        return st;
    size_t np = clv_model_nparams(model->kind);
    if ((st = check_cov(cov, np, 1, fault)) != CLV_OK ||
        (st = clv_level_check(level, 2, fault)) != CLV_OK)
        return st;
    double z = clv_normal_quantile(0.5 + level / 2);
    for (size_t i = 0; i < np; i++) {
        double p = model->param[i], se = sqrt(cov[i][i]);
        out[i] = (clv_interval){p, p * exp(-z * se / p), p * exp(z * se / p), se, 0};
    }
    return CLV_OK;
}

/* d pred / d ln(param j) of model *m (a copy that is perturbed). */
static clv_status gradient(clv_model *tx, clv_model *gg, clv_model *which, const clv_prediction *p,
                           double *g)
{
    size_t np = clv_model_nparams(which->kind);
    const double h = 1e-5;
    for (size_t j = 0; j < np; j++) {
        double keep = which->param[j], up, dn;
        which->param[j] = keep * exp(h);
        clv_status s1 = clv_prediction_value(tx, gg, p, &up);
        which->param[j] = keep * exp(-h);
        clv_status s2 = clv_prediction_value(tx, gg, p, &dn);
        which->param[j] = keep;
        if (!usable(s1))
            return s1;
        if (!usable(s2))
            return s2;
        g[j] = (up - dn) / (2 * h);
    }
    return CLV_OK;
}

/* g' C g with g in ln(parameters) and C of the parameters. */
static double quad_form(const double *g, const clv_model *m,
                        const double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS])
{
    size_t np = clv_model_nparams(m->kind);
    double v = 0;
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < np; j++)
            v += g[i] / m->param[i] * cov[i][j] * g[j] / m->param[j];
    return v;
}

clv_status clv_interval_delta(const clv_model *tx,
                              const double tx_cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                              const clv_model *gg,
                              const double gg_cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                              const clv_prediction *pred, double level, clv_interval *out,
                              clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 6, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = (clv_interval){NAN, NAN, NAN, NAN, 0};
    clv_status st = clv_prediction_check(tx, gg, pred, 4, fault);
    if (st != CLV_OK)
        return st;
    if ((st = check_cov(tx_cov, clv_model_nparams(tx->kind), 1, fault)) != CLV_OK)
        return st;
    int with_gg = pred->kind == CLV_PRED_CLV;
    if (with_gg && (st = check_cov(gg_cov, 3, 3, fault)) != CLV_OK)
        return st;
    if ((st = clv_level_check(level, 5, fault)) != CLV_OK)
        return st;
    clv_model t = *tx, g = with_gg ? *gg : (clv_model){0};
    double est, gt[CLV_MODEL_MAXPARAMS], gg_[CLV_MODEL_MAXPARAMS];
    st = clv_prediction_value(&t, &g, pred, &est);
    clv_status s = usable(st) ? gradient(&t, &g, &t, pred, gt) : st;
    if (usable(s) && with_gg)
        s = gradient(&t, &g, &g, pred, gg_);
    if (!usable(s))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "the prediction could not be computed", s);
    double var = quad_form(gt, &t, tx_cov) + (with_gg ? quad_form(gg_, &g, gg_cov) : 0);
    if (!(var >= -1e-12 * est * est))
        return clv_fail(fault, 1, CLV_FAULT_NONE, "gives a negative variance", CLV_EDOM);
    double se = sqrt(fmax(var, 0)), z = clv_normal_quantile(0.5 + level / 2);
    out->estimate = est;
    out->se = se;
    if (se == 0 || est == 0) {
        out->lower = out->upper = est;
    } else if (pred->kind == CLV_PRED_PALIVE && pred->n == 1 && est < 1) {
        /* logit scale: d logit = dp / (p (1 - p)) */
        double l = log(est / (1 - est)), sl = se / (est * (1 - est));
        out->lower = 1 / (1 + exp(-(l - z * sl)));
        out->upper = 1 / (1 + exp(-(l + z * sl)));
    } else {
        out->lower = est * exp(-z * se / est);
        out->upper = est * exp(z * se / est);
    }
    return st;
}
