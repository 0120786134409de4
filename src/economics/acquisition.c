/*
 * acquisition.c -- what a customer may cost: CAC, CAC_PAYBACK, LTV_CAC,
 * MAX_CAC, SQL_BUDGET, FUNNEL_BUDGET, ROAS_BREAKEVEN.
 */
#include <math.h>

#include "clvkit/economics.h"
#include "core/fn.h"

/* ---- CAC -------------------------------------------------------------------- */

static double ratio_formula(const double *a)
{
    return a[0] / a[1];
}

CLV_BATCH(ratio_formula)

/* The single-channel form; clv_cac() below blends arrays of channels. */
const clv_fn clv_fn_cac = {"cac",
                           2,
                           2,
                           {{"spend", CLV_D_NONNEG, 0}, {"new_customers", CLV_D_POS, 0}},
                           NULL,
                           ratio_formula,
                           ratio_formula_batch};

/* Checks every element of an array argument against a domain. */
static clv_status check_array(const double *v, size_t n, clv_domain d, size_t arg, clv_fault *fault)
{
    for (size_t i = 0; i < n; i++) {
        const char *why;
        clv_status st = clv_domain_check(d, v[i], &why);
        if (st != CLV_OK)
            return clv_fail(fault, arg, i, why, st);
    }
    return CLV_OK;
}

clv_status clv_cac(const double *spend, const double *new_customers, size_t n, double *out,
                   clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    if (n == 0)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    if (!spend || !new_customers)
        return clv_fail(fault, spend ? 1 : 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    clv_status st = check_array(spend, n, CLV_D_NONNEG, 0, fault);
    if (st == CLV_OK)
        st = check_array(new_customers, n, CLV_D_NONNEG, 1, fault);
    if (st != CLV_OK)
        return st;
    double s = 0, c = 0;
    for (size_t i = 0; i < n; i++) {
        s += spend[i];
        c += new_customers[i];
    }
    if (!isfinite(s) || !isfinite(c)) {
        /* a sum past DBL_MAX: the ratio of the means is the same ratio */
        s = c = 0;
        for (size_t i = 0; i < n; i++) {
            s += spend[i] / (double)n;
            c += new_customers[i] / (double)n;
        }
    }
    if (!(c > 0))
        return clv_fail(fault, 1, CLV_FAULT_NONE, "must add up to more than 0", CLV_EDOM);
    double v = s / c;
    if (!isfinite(v))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "the result is too large to represent", CLV_ERANGE);
    *out = v;
    return CLV_OK;
}

/* ---- CAC_PAYBACK, LTV_CAC, MAX_CAC ------------------------------------------ */

static double cac_payback_formula(const double *a)
{
    return a[0] / (a[1] * a[2]);
}

CLV_BATCH(cac_payback_formula)

const clv_fn clv_fn_cac_payback = {
    "cac_payback",
    3,
    2,
    {{"cac", CLV_D_NONNEG, 0}, {"arpa", CLV_D_POS, 0}, {"gross_margin", CLV_D_UNIT_POS, 1}},
    NULL,
    cac_payback_formula,
    cac_payback_formula_batch};

clv_status clv_cac_payback(double cac, double arpa, double gross_margin, double *out)
{
    const double a[] = {cac, arpa, gross_margin};
    return clv_fn_eval(&clv_fn_cac_payback, a, 3, out, NULL);
}

const clv_fn clv_fn_ltv_cac = {"ltv_cac",
                               2,
                               2,
                               {{"ltv", CLV_D_NONNEG, 0}, {"cac", CLV_D_POS, 0}},
                               NULL,
                               ratio_formula,
                               ratio_formula_batch};

clv_status clv_ltv_cac(double ltv, double cac, double *out)
{
    const double a[] = {ltv, cac};
    return clv_fn_eval(&clv_fn_ltv_cac, a, 2, out, NULL);
}

const clv_fn clv_fn_max_cac = {"max_cac",
                               2,
                               1,
                               {{"ltv", CLV_D_NONNEG, 0}, {"ratio", CLV_D_POS, 3}},
                               NULL,
                               ratio_formula,
                               ratio_formula_batch};

clv_status clv_max_cac(double ltv, double ratio, double *out)
{
    const double a[] = {ltv, ratio};
    return clv_fn_eval(&clv_fn_max_cac, a, 2, out, NULL);
}

/* ---- SQL_BUDGET, FUNNEL_BUDGET, ROAS_BREAKEVEN ------------------------------- */

static double product_formula(const double *a)
{
    return a[0] * a[1];
}

CLV_BATCH(product_formula)

const clv_fn clv_fn_sql_budget = {"sql_budget",
                                  2,
                                  2,
                                  {{"max_cac", CLV_D_NONNEG, 0}, {"sql_conversion", CLV_D_UNIT, 0}},
                                  NULL,
                                  product_formula,
                                  product_formula_batch};

clv_status clv_sql_budget(double max_cac, double sql_conversion, double *out)
{
    const double a[] = {max_cac, sql_conversion};
    return clv_fn_eval(&clv_fn_sql_budget, a, 2, out, NULL);
}

clv_status clv_funnel_budget(double max_cac, const double *rates, size_t n, double *out,
                             clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    const char *why;
    clv_status st = clv_domain_check(CLV_D_NONNEG, max_cac, &why);
    if (st != CLV_OK)
        return clv_fail(fault, 0, CLV_FAULT_NONE, why, st);
    if (n == 0)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    if (!rates)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    st = check_array(rates, n, CLV_D_UNIT, 1, fault);
    if (st != CLV_OK)
        return st;
    double v = max_cac; /* rates are in [0, 1]: the product cannot overflow */
    for (size_t i = 0; i < n; i++)
        v *= rates[i];
    *out = v;
    return CLV_OK;
}

static double reciprocal_formula(const double *a)
{
    return 1 / a[0];
}

CLV_BATCH(reciprocal_formula)

const clv_fn clv_fn_roas_breakeven = {
    "roas_breakeven",        1, 1, {{"margin", CLV_D_UNIT_POS, 0}}, NULL, reciprocal_formula,
    reciprocal_formula_batch};

clv_status clv_roas_breakeven(double margin, double *out)
{
    return clv_fn_eval(&clv_fn_roas_breakeven, &margin, 1, out, NULL);
}
