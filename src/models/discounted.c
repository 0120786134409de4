/*
 * discounted.c -- the discounted CLV of one customer from a transaction
 * model and the Gamma-Gamma spend model (clv_predict_clv in models.h).
 */
#include <math.h>

#include "clvkit/models.h"
#include "core/fn.h"
#include "models/model.h"

#define MAX_HORIZON 100000

void clv_clv_options_init(clv_clv_options *opts)
{
    if (!opts)
        return;
    opts->horizon = 12;
    opts->discount = 0;
    opts->period = CLV_UNIT_NONE;
    opts->margin = 1;
    opts->progress = NULL;
    opts->progress_data = NULL;
}

static clv_status check_opts(const clv_clv_options *o, const clv_model *tx, double *period,
                             clv_fault *fault)
{
    const char *why;
    clv_status st;
    if ((st = clv_domain_check(CLV_D_WHOLE, o->horizon, &why)) != CLV_OK)
        return clv_fail(fault, 6, 0, why, st);
    if (o->horizon < 1 || o->horizon > MAX_HORIZON)
        return clv_fail(fault, 6, 0, "must be between 1 and 100000", CLV_EDOM);
    if ((st = clv_domain_check(CLV_D_RATE, o->discount, &why)) != CLV_OK)
        return clv_fail(fault, 6, 1, why, st);
    if ((st = clv_domain_check(CLV_D_UNIT, o->margin, &why)) != CLV_OK)
        return clv_fail(fault, 6, 3, why, st);
    if (o->period == CLV_UNIT_NONE) {
        *period = 1;
        return CLV_OK;
    }
    double days = clv_time_unit_days(o->period);
    if (!isfinite(days))
        return clv_fail(fault, 6, 2, "unknown time unit", CLV_EINVAL);
    double model_days = clv_time_unit_days(tx->unit);
    if (!isfinite(model_days))
        return clv_fail(fault, 6, 2, "is set but the model has no time unit", CLV_EINVAL);
    *period = days / model_days;
    return CLV_OK;
}

clv_status clv_predict_clv(const clv_model *tx, const clv_model *gg, double x, double t_x, double T,
                           double m, const clv_clv_options *opts, double *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 7, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    if (!opts)
        return clv_fail(fault, 6, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    clv_status st =
        clv_check_model(tx, 0, fault, CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD);
    if (st == CLV_OK)
        st = clv_check_model(gg, 1, fault, CLV_MODEL_GG, CLV_MODEL_NONE, CLV_MODEL_NONE);
    if (st == CLV_OK)
        st = clv_check_customer(x, t_x, T, 2, fault);
    if (st == CLV_OK)
        st = clv_check_arg(m, CLV_D_NONNEG, 5, fault);
    double D = 1;
    if (st == CLV_OK)
        st = check_opts(opts, tx, &D, fault);
    if (st != CLV_OK)
        return st;
    if (x > 0 && !(m > 0))
        return clv_fail(fault, 5, CLV_FAULT_NONE, "must be > 0 when x >= 1", CLV_EDOM);
    double spend;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, "numerical failure"};
    if ((st = clv_gg_spend(gg, x, m, &spend, &f)) != CLV_OK)
        return clv_fail(fault, 1, f.element, f.reason, st);
    /* sum of the expected transactions of each period, discounted by the
     * whole period: v = 1/(1+d) per period */
    double sum = 0, prev = 0, v = 1 / (1 + opts->discount), disc = 1;
    for (double k = 1; k <= opts->horizon; k++) {
        double cum;
        st = clv_tx_conditional_expected(tx, k * D, x, t_x, T, &cum, &f);
        if (st != CLV_OK)
            return clv_fail(fault, 0, CLV_FAULT_NONE, f.reason, st);
        disc *= v;
        sum += (cum - prev) * disc;
        prev = cum;
        if (opts->progress && opts->progress(opts->progress_data, (size_t)k, sum))
            return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                            "stopped by the progress callback", CLV_ENOCONV);
    }
    *out = opts->margin * spend * sum;
    if (!isfinite(*out)) {
        *out = NAN;
        return CLV_ERANGE;
    }
    return CLV_OK;
}
