/*
 * clvkit/economics.h -- the unit-economics formulas: what a customer is
 * worth, what a customer may cost, and who is worth the most.
 *
 * Conventions (as in spreadsheet financial functions such as PMT and NPV):
 *  - Money is in any one currency; it must be >= 0 where marked "money".
 *  - Rates are fractions: 5% is 0.05.  Every rate is per period, matching the
 *    count arguments (monthly churn with months, yearly discount with years);
 *    clv_churn_period() and clv_discount_period() convert period lengths.
 *  - Every argument must be finite: NaN or +-inf gives CLV_EINVAL.
 *  - A finite argument outside the documented domain gives CLV_EDOM.
 *  - A result that would be infinite gives CLV_ERANGE.
 *  - On any failure *out is set to NaN.  `out` must not be NULL (CLV_EINVAL).
 *
 * Optional arguments of the spreadsheet/Lua faces are ordinary parameters
 * here; their defaults are given as "default" and are what the bindings pass
 * when the user omits them.
 */
#ifndef CLVKIT_ECONOMICS_H
#define CLVKIT_ECONOMICS_H

#include <stddef.h>

#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- What a customer is worth ------------------------------------------ */

/* CLV: customer lifetime value from order value, purchase frequency and
 * lifetime:  aov * freq * years - cost - yearly_cost * years.
 *   aov          average order value (money >= 0)
 *   freq         purchases per year (>= 0, may be fractional)
 *   years        customer lifetime in years (>= 0)
 *   cost         one-off cost, e.g. acquisition (money >= 0, default 0)
 *   yearly_cost  cost per year of the relationship (money >= 0, default 0)
 * The result may be negative (costs exceed revenue).
 * Example: clv_clv(50, 12, 3, 0, 0) = 1800; (2000, 1, 8, 500, 200) = 13900.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_clv(double aov, double freq, double years, double cost, double yearly_cost,
                   double *out);

/* CLV_MARGIN: CLV on gross margin instead of revenue:
 *   aov * freq * years * margin - cost - yearly_cost * years.
 *   margin  gross margin as a fraction of revenue, in [0, 1]
 *   other arguments as clv_clv().
 * Example: clv_clv_margin(50, 12, 3, 0.4, 0, 0) = 720.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_clv_margin(double aov, double freq, double years, double margin, double cost,
                          double yearly_cost, double *out);

/* CLV_RET: discounted value of a customer who stays each period with
 * probability `retention`, with q = retention / (1 + discount):
 *   timing 0 (margin at the end of each period):  sum_{t=1..N}   margin*q^t
 *   timing 1 (first margin now):                  sum_{t=0..N-1} margin*q^t
 *   periods N = 0 means no horizon: margin*r/(1+d-r) resp. margin*(1+d)/(1+d-r).
 * Finite horizons are summed in closed form, so any N costs the same.
 *   margin     margin per period (money >= 0)
 *   retention  probability of staying one more period, in [0, 1]
 *   discount   discount rate per period (> -1)
 *   periods    horizon in periods, a whole number >= 0 (default 0 = none)
 *   timing     0 or 1 as above (default 0)
 * Example: clv_clv_ret(100, 0.8, 0.1, 0, 0) = 266.6667;
 *          clv_clv_ret(100, 0.8, 0.1, 3, 0) = 164.0872.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE; CLV_ENOCONV when periods = 0 and
 * retention >= 1 + discount (the infinite series diverges). */
clv_status clv_clv_ret(double margin, double retention, double discount, double periods,
                       double timing, double *out);

/* LTV_CHURN: subscription lifetime value  arpa * gross_margin / churn.
 *   arpa          average revenue per account per period (money >= 0)
 *   gross_margin  fraction in [0, 1]
 *   churn         share of accounts lost per period, in (0, 1]
 * Example: clv_ltv_churn(50, 0.8, 0.02) = 2000.
 * Errors: CLV_EINVAL, CLV_EDOM (churn = 0 among others), CLV_ERANGE. */
clv_status clv_ltv_churn(double arpa, double gross_margin, double churn, double *out);

/* CLV_AVG: average value per customer  (revenue - costs) / customers.
 *   revenue, costs  totals over the same customers (money >= 0)
 *   customers       number of customers (> 0)
 * Example: clv_clv_avg(120000, 45000, 300) = 250.  May be negative.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_clv_avg(double revenue, double costs, double customers, double *out);

/* LIFETIME: expected customer lifetime 1 / churn, in churn's periods.
 *   churn  share lost per period, in (0, 1]
 * Example: clv_lifetime(0.025) = 40.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE (a churn so small, e.g. 1e-320,
 * that 1/churn overflows). */
clv_status clv_lifetime(double churn, double *out);

/* CHURN_PERIOD: churn over k periods  1 - (1 - churn)^k, computed without
 * cancellation for small rates.
 *   churn  churn per period, in [0, 1]
 *   k      number of periods (>= 0, may be fractional: 1/12 turns a yearly
 *          rate into a monthly one)
 * Example: clv_churn_period(0.02, 12) = 0.215283.
 * Errors: CLV_EINVAL, CLV_EDOM. */
clv_status clv_churn_period(double churn, double k, double *out);

/* DISCOUNT_PERIOD: discount rate over k periods  (1 + rate)^k - 1.
 *   rate  discount rate per period (> -1)
 *   k     number of periods (>= 0, may be fractional)
 * Example: clv_discount_period(0.1, 1.0/12) = 0.0079741.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_discount_period(double rate, double k, double *out);

/* ---- What a customer may cost ------------------------------------------ */

/* CAC: customer acquisition cost, blended over channels:
 *   sum(spend) / sum(new_customers).
 *   spend          n amounts spent (money >= 0)
 *   new_customers  n counts of customers won (>= 0; their sum must be > 0)
 *   n              number of channels (>= 1)
 *   fault          optional (may be NULL): names the offending argument
 *                  (0 spend, 1 new_customers, 2 n) and element on failure
 * Example: spend {5000, 3000, 2000}, new_customers {20, 20, 10} -> 200.
 * Errors: CLV_EINVAL (NULL array, n = 0, non-finite element), CLV_EDOM
 * (negative element, no new customers at all), CLV_ERANGE. */
clv_status clv_cac(const double *spend, const double *new_customers, size_t n, double *out,
                   clv_fault *fault);

/* CAC_PAYBACK: periods until the margin repays the acquisition cost:
 *   cac / (arpa * gross_margin).
 *   cac           acquisition cost (money >= 0)
 *   arpa          revenue per account per period (money > 0)
 *   gross_margin  fraction in (0, 1] (default 1)
 * Example: clv_cac_payback(200, 50, 0.4) = 10.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_cac_payback(double cac, double arpa, double gross_margin, double *out);

/* LTV_CAC: the ratio ltv / cac (healthy when >= 3).
 *   ltv  lifetime value (money >= 0);  cac  acquisition cost (money > 0)
 * Example: clv_ltv_cac(1800, 600) = 3.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_ltv_cac(double ltv, double cac, double *out);

/* MAX_CAC: the most a new customer may cost at a target LTV:CAC ratio:
 *   ltv / ratio.
 *   ltv    lifetime value (money >= 0);  ratio  target ratio (> 0, default 3)
 * Example: clv_max_cac(1800, 3) = 600.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE. */
clv_status clv_max_cac(double ltv, double ratio, double *out);

/* SQL_BUDGET: the most a sales-qualified lead may cost:
 *   max_cac * sql_conversion.
 *   max_cac         the most a customer may cost (money >= 0)
 *   sql_conversion  share of SQLs that become customers, in [0, 1]
 * Example: clv_sql_budget(200, 0.05) = 10.
 * Errors: CLV_EINVAL, CLV_EDOM. */
clv_status clv_sql_budget(double max_cac, double sql_conversion, double *out);

/* FUNNEL_BUDGET: the most one entrant at the top of a funnel (a click, a
 * lead) may cost:  max_cac * rates[0] * ... * rates[n-1].
 *   max_cac  the most a customer may cost (money >= 0)
 *   rates    n stage conversion rates, each in [0, 1]; n >= 1
 *   fault    optional (may be NULL): 0 max_cac, 1 rates (with element), 2 n
 * Example: max_cac 200, rates {0.2, 0.05} -> 2.
 * Errors: CLV_EINVAL, CLV_EDOM. */
clv_status clv_funnel_budget(double max_cac, const double *rates, size_t n, double *out,
                             clv_fault *fault);

/* ROAS_BREAKEVEN: revenue per unit of ad spend that breaks even: 1 / margin.
 *   margin  gross margin, in (0, 1]
 * Example: clv_roas_breakeven(0.25) = 4.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ERANGE (a margin so small that 1/margin
 * overflows). */
clv_status clv_roas_breakeven(double margin, double *out);

/* ---- Who is worth the most ---------------------------------------------- */

typedef enum clv_segment_class {
    CLV_SEGMENT_NONE = -1, /* written on failure */
    CLV_SEGMENT_LOW = 0,
    CLV_SEGMENT_MEDIUM = 1,
    CLV_SEGMENT_HIGH = 2
} clv_segment_class;

/* The defaults of CLV_SEGMENT's shares, for the bindings. */
#define CLV_SEGMENT_HIGH_SHARE 0.2
#define CLV_SEGMENT_LOW_SHARE 0.3

/* CLV_SEGMENT: classify a customer's value among all customers' values by
 * its mid-rank  pr = (#values below + 0.5 * #values equal) / n:
 *   "high" if pr >= 1 - high_share, else "low" if pr < low_share,
 *   else "medium".
 *   value       the value to classify (finite; need not occur in values)
 *   values      n values (finite), n >= 1
 *   high_share  share of customers called high, in [0, 1] (default
 *               CLV_SEGMENT_HIGH_SHARE = 0.2)
 *   low_share   share called low, in [0, 1] (default CLV_SEGMENT_LOW_SHARE
 *               = 0.3);
 *               high_share + low_share must be <= 1
 *   fault       optional: 0 value, 1 values (with element), 2 n,
 *               3 high_share, 4 low_share
 * Example: values 1..10: 10 -> HIGH, 5 -> MEDIUM, 1 -> LOW.
 * Errors: CLV_EINVAL, CLV_EDOM.  On failure *out = CLV_SEGMENT_NONE. */
clv_status clv_segment(double value, const double *values, size_t n, double high_share,
                       double low_share, clv_segment_class *out, clv_fault *fault);

/* "low", "medium", "high"; "none" for CLV_SEGMENT_NONE or anything else. */
const char *clv_segment_name(clv_segment_class segment);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_ECONOMICS_H */
