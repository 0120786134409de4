/*
 * value.c -- what a customer is worth: CLV, CLV_MARGIN, CLV_RET, LTV_CHURN,
 * CLV_AVG, LIFETIME, CHURN_PERIOD, DISCOUNT_PERIOD.
 *
 * Each function is a clv_fn description (domains and defaults, checked in
 * catalog.c) plus its bare formula; the public wrappers only pack arguments.
 */
#include <math.h>

#include "clvkit/economics.h"
#include "core/fn.h"

/* ---- CLV, CLV_MARGIN ---------------------------------------------------- */

static double clv_formula(const double *a)
{
    return a[0] * a[1] * a[2] - a[3] - a[4] * a[2];
}

CLV_BATCH(clv_formula)

const clv_fn clv_fn_clv = {"clv",
                           5,
                           3,
                           {{"aov", CLV_D_NONNEG, 0},
                            {"freq", CLV_D_NONNEG, 0},
                            {"years", CLV_D_NONNEG, 0},
                            {"cost", CLV_D_NONNEG, 0},
                            {"yearly_cost", CLV_D_NONNEG, 0}},
                           NULL,
                           clv_formula,
                           clv_formula_batch};

clv_status clv_clv(double aov, double freq, double years, double cost, double yearly_cost,
                   double *out)
{
    const double a[] = {aov, freq, years, cost, yearly_cost};
    return clv_fn_eval(&clv_fn_clv, a, 5, out, NULL);
}

static double clv_margin_formula(const double *a)
{
    return a[0] * a[1] * a[2] * a[3] - a[4] - a[5] * a[2];
}

CLV_BATCH(clv_margin_formula)

const clv_fn clv_fn_clv_margin = {"clv_margin",
                                  6,
                                  4,
                                  {{"aov", CLV_D_NONNEG, 0},
                                   {"freq", CLV_D_NONNEG, 0},
                                   {"years", CLV_D_NONNEG, 0},
                                   {"margin", CLV_D_UNIT, 0},
                                   {"cost", CLV_D_NONNEG, 0},
                                   {"yearly_cost", CLV_D_NONNEG, 0}},
                                  NULL,
                                  clv_margin_formula,
                                  clv_margin_formula_batch};

clv_status clv_clv_margin(double aov, double freq, double years, double margin, double cost,
                          double yearly_cost, double *out)
{
    const double a[] = {aov, freq, years, margin, cost, yearly_cost};
    return clv_fn_eval(&clv_fn_clv_margin, a, 6, out, NULL);
}

/* ---- CLV_RET -------------------------------------------------------------- */

/* Without a horizon the geometric series converges only for r < 1 + d. */
static clv_status clv_ret_rule(const double *a, clv_fault *fault)
{
    if (a[3] == 0 && !(a[1] < 1 + a[2]))
        return clv_fail(fault, 1, CLV_FAULT_NONE,
                        "must be < 1 + discount when periods = 0 "
                        "(the series does not converge)",
                        CLV_ENOCONV);
    return CLV_OK;
}

/* With q = r/(1+d): timing 0 sums m q^t for t = 1..N, timing 1 for
 * t = 0..N-1.  Both are m * q^timing0 * (1 - q^N)/(1 - q); 1 - q^N is
 * computed as -expm1(N log1p(q - 1)) so that q near 1 loses no digits and a
 * horizon of 10^9 periods costs no more than one of 3. */
static double clv_ret_formula(const double *a)
{
    double m = a[0], r = a[1], d = a[2], n = a[3], timing = a[4];
    double qm1 = (r - 1 - d) / (1 + d); /* q - 1 */
    double first = timing == 1 ? 1 : r / (1 + d);
    double g; /* sum_{t=0..N-1} q^t, or its limit when N = 0 */
    if (n == 0)
        g = 1 / -qm1;
    else if (qm1 == 0)
        g = n;
    else
        g = -expm1(n * log1p(qm1)) / -qm1;
    return m * first * g;
}

CLV_BATCH(clv_ret_formula)

const clv_fn clv_fn_clv_ret = {"clv_ret",
                               5,
                               3,
                               {{"margin", CLV_D_NONNEG, 0},
                                {"retention", CLV_D_UNIT, 0},
                                {"discount", CLV_D_RATE, 0},
                                {"periods", CLV_D_WHOLE, 0},
                                {"timing", CLV_D_FLAG, 0}},
                               clv_ret_rule,
                               clv_ret_formula,
                               clv_ret_formula_batch};

clv_status clv_clv_ret(double margin, double retention, double discount, double periods,
                       double timing, double *out)
{
    const double a[] = {margin, retention, discount, periods, timing};
    return clv_fn_eval(&clv_fn_clv_ret, a, 5, out, NULL);
}

/* ---- LTV_CHURN, CLV_AVG, LIFETIME ----------------------------------------- */

static double ltv_churn_formula(const double *a)
{
    return a[0] * a[1] / a[2];
}

CLV_BATCH(ltv_churn_formula)

const clv_fn clv_fn_ltv_churn = {
    "ltv_churn",
    3,
    3,
    {{"arpa", CLV_D_NONNEG, 0}, {"gross_margin", CLV_D_UNIT, 0}, {"churn", CLV_D_UNIT_POS, 0}},
    NULL,
    ltv_churn_formula,
    ltv_churn_formula_batch};

clv_status clv_ltv_churn(double arpa, double gross_margin, double churn, double *out)
{
    const double a[] = {arpa, gross_margin, churn};
    return clv_fn_eval(&clv_fn_ltv_churn, a, 3, out, NULL);
}

static double clv_avg_formula(const double *a)
{
    return (a[0] - a[1]) / a[2];
}

CLV_BATCH(clv_avg_formula)

const clv_fn clv_fn_clv_avg = {
    "clv_avg",
    3,
    3,
    {{"revenue", CLV_D_NONNEG, 0}, {"costs", CLV_D_NONNEG, 0}, {"customers", CLV_D_POS, 0}},
    NULL,
    clv_avg_formula,
    clv_avg_formula_batch};

clv_status clv_clv_avg(double revenue, double costs, double customers, double *out)
{
    const double a[] = {revenue, costs, customers};
    return clv_fn_eval(&clv_fn_clv_avg, a, 3, out, NULL);
}

static double lifetime_formula(const double *a)
{
    return 1 / a[0];
}

CLV_BATCH(lifetime_formula)

const clv_fn clv_fn_lifetime = {"lifetime",
                                1,
                                1,
                                {{"churn", CLV_D_UNIT_POS, 0}},
                                NULL,
                                lifetime_formula,
                                lifetime_formula_batch};

clv_status clv_lifetime(double churn, double *out)
{
    return clv_fn_eval(&clv_fn_lifetime, &churn, 1, out, NULL);
}

/* ---- CHURN_PERIOD, DISCOUNT_PERIOD ---------------------------------------- */

/* 1 - (1-c)^k as -expm1(k log1p(-c)): exact for small c; k = 0 and c = 1
 * are taken apart because 0 * log(0) would be NaN. */
static double churn_period_formula(const double *a)
{
    double c = a[0], k = a[1];
    if (k == 0)
        return 0;
    if (c == 1)
        return 1;
    return -expm1(k * log1p(-c));
}

CLV_BATCH(churn_period_formula)

const clv_fn clv_fn_churn_period = {"churn_period",
                                    2,
                                    2,
                                    {{"churn", CLV_D_UNIT, 0}, {"k", CLV_D_NONNEG, 0}},
                                    NULL,
                                    churn_period_formula,
                                    churn_period_formula_batch};

clv_status clv_churn_period(double churn, double k, double *out)
{
    const double a[] = {churn, k};
    return clv_fn_eval(&clv_fn_churn_period, a, 2, out, NULL);
}

static double discount_period_formula(const double *a)
{
    return a[1] == 0 ? 0 : expm1(a[1] * log1p(a[0]));
}

CLV_BATCH(discount_period_formula)

const clv_fn clv_fn_discount_period = {"discount_period",
                                       2,
                                       2,
                                       {{"rate", CLV_D_RATE, 0}, {"k", CLV_D_NONNEG, 0}},
                                       NULL,
                                       discount_period_formula,
                                       discount_period_formula_batch};

clv_status clv_discount_period(double rate, double k, double *out)
{
    const double a[] = {rate, k};
    return clv_fn_eval(&clv_fn_discount_period, a, 2, out, NULL);
}
