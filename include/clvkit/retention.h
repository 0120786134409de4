/*
 * clvkit/retention.h -- contractual and discrete-time retention models and
 * cohort tables: sBG for subscriptions (renewals, survival, DEL/DERL),
 * BG/BB for discrete transaction opportunities, cohort tables and early
 * value from a transaction log (rfm.h).
 *
 * Models are clv_model structs (models.h) of kind CLV_MODEL_SBG (alpha,
 * beta) or CLV_MODEL_BGBB (alpha, beta, gamma, delta); fits take the same
 * clv_fit_options and fill the same clv_fit_info.  Errors follow
 * models.h: CLV_EINVAL (NULL, non-finite, wrong kind), CLV_EDOM (outside
 * the domain), CLV_ENOCONV (no fit, or a diverging series), results NaN on
 * failure, `fault` naming the argument (0-based) and element.
 */
#ifndef CLVKIT_RETENTION_H
#define CLVKIT_RETENTION_H

#include <stddef.h>

#include "clvkit/models.h"
#include "clvkit/rfm.h"
#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- sBG: shifted-beta-geometric (Fader & Hardie 2007) ------------------- */
/* Each customer renews at the end of every period with probability 1 - theta,
 * theta ~ Beta(alpha, beta) across customers.  Periods are counted from the
 * start: t = 0 is acquisition. */

/* Log-likelihood of a survival curve: survivors[t] customers still active at
 * t = 0..n-1 (survivors[0] = the cohort; non-increasing, >= 0, may be
 * fractional, e.g. percentages):
 *   sum_{t=1}^{n-1} (survivors[t-1] - survivors[t]) ln P(T = t)
 *   + survivors[n-1] ln S(n-1),
 *   P(T = t) = B(alpha+1, beta+t-1)/B(alpha, beta),
 *   S(t) = B(alpha, beta+t)/B(alpha, beta).
 *   fault: 0 model, 1 survivors (with element), 2 n.
 * Errors: CLV_EINVAL (n < 2, NULL, non-finite), CLV_EDOM (negative count,
 * survivors[0] = 0, a count above the one before). */
clv_status clv_sbg_loglik(const clv_model *model, const double *survivors, size_t n, double *out,
                          clv_fault *fault);

/* Fits alpha, beta to a survival curve (as clv_sbg_loglik).
 *   fault: 0 survivors, 1 n, 2 opts.  Errors: as above, CLV_ENOCONV. */
clv_status clv_sbg_fit(const double *survivors, size_t n, const clv_fit_options *opts,
                       clv_model *out, clv_fit_info *info, clv_fault *fault);

/* Fits alpha, beta to per-period losses: lost[t-1] customers left at the
 * end of period t = 1..n, out of `initial` acquired at t = 0 (the rest are
 * still active after period n).
 *   fault: 0 lost, 1 n, 2 initial, 3 opts.
 * Errors: CLV_EDOM (negative, more lost than acquired), as above. */
clv_status clv_sbg_fit_lost(const double *lost, size_t n, double initial,
                            const clv_fit_options *opts, clv_model *out, clv_fit_info *info,
                            clv_fault *fault);

/* S(t) = B(alpha, beta+t)/B(alpha, beta), the share still active at t >= 0
 * (t may be fractional: the formula's continuation).  fault: 0 model, 1 t. */
clv_status clv_sbg_survival(const clv_model *model, double t, double *out, clv_fault *fault);

/* r(t) = S(t)/S(t-1) = (beta+t-1)/(alpha+beta+t-1): the retention rate
 * from period t-1 to t, t >= 1.  fault: 0 model, 1 t. */
clv_status clv_sbg_retention(const clv_model *model, double t, double *out, clv_fault *fault);

/* P(T = t) = B(alpha+1, beta+t-1)/B(alpha, beta): the share lost at the
 * end of period t, t a whole number >= 1.  fault: 0 model, 1 t. */
clv_status clv_sbg_churn(const clv_model *model, double t, double *out, clv_fault *fault);

/* DEL(d): discounted expected lifetime of a new customer, in periods,
 * counting the first (undiscounted) period:
 *   sum_{t>=0} S(t)/(1+d)^t = 2F1(1, beta; alpha+beta; 1/(1+d))
 * (Fader & Hardie 2010, "Customer-base valuation in a contractual
 * setting", Marketing Science 29(1)).  d >= 0 per period.
 *   fault: 0 model, 1 d.
 * Errors: CLV_EDOM (d < 0), CLV_ENOCONV (d = 0 and alpha <= 1: the
 * expected lifetime is infinite). */
clv_status clv_sbg_del(const clv_model *model, double d, double *out, clv_fault *fault);

/* DERL(d, n): discounted expected residual lifetime of a customer in period
 * n >= 1, having renewed n-1 times, at the end of that period (FH 2010
 * eq. 6):
 *   (beta+n-1)/(alpha+beta+n-1) 2F1(1, beta+n; alpha+beta+n; 1/(1+d)).
 * Multiplied by the margin per period it is the customer's residual CLV.
 *   fault: 0 model, 1 d, 2 n.
 * Errors: CLV_EDOM (d < 0, n not a whole number >= 1), CLV_ENOCONV (d = 0
 * and alpha <= 1). */
clv_status clv_sbg_derl(const clv_model *model, double d, double n, double *out, clv_fault *fault);

/* margin * DERL(d, n): residual CLV of a subscriber (Calc CLV_SBG).
 *   margin  money per period (>= 0).  fault: 0 model, 1 margin, 2 d, 3 n. */
clv_status clv_sbg_clv(const clv_model *model, double margin, double d, double n, double *out,
                       clv_fault *fault);

/* ---- BG/BB: beta-geometric/beta-Bernoulli (Fader, Hardie & Shang 2010) -- */
/* n discrete transaction opportunities; while alive a customer transacts at
 * each with probability p ~ Beta(alpha, beta), and dies before each next one
 * with probability theta ~ Beta(gamma, delta).  A customer is (x, t_x, n):
 * x transactions in n opportunities, the last at opportunity t_x
 * (0 <= x <= t_x <= n, whole numbers; t_x = 0 exactly when x = 0). */

/* sum_i w_i ln L(alpha, beta, gamma, delta | x_i, t_x_i, n_i),
 *   L = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
 *     + sum_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B(alpha,beta)
 *                           B(gamma+1, delta+t_x+i)/B(gamma,delta).
 *   fault: 0 model, 1 x, 2 t_x, 3 n, 4 weight, 5 rows. */
clv_status clv_bgbb_loglik(const clv_model *model, const double *x, const double *t_x,
                           const double *n, const double *weight, size_t rows, double *out,
                           clv_fault *fault);

/* Maximum-likelihood fit (fault: 0 x, 1 t_x, 2 n, 3 weight, 4 rows,
 * 5 opts).  Errors: as clv_bgbb_loglik, CLV_ENOCONV, CLV_ENOMEM. */
clv_status clv_bgbb_fit(const double *x, const double *t_x, const double *n, const double *weight,
                        size_t rows, const clv_fit_options *opts, clv_model *out,
                        clv_fit_info *info, clv_fault *fault);

/* P(alive at opportunity n+1 | x, t_x, n)
 *   = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n+1)/B(gamma,delta) /
 * L. fault: 0 model, 1 x, 2 t_x, 3 n. */
clv_status clv_bgbb_palive(const clv_model *model, double x, double t_x, double n, double *out,
                           clv_fault *fault);

/* E[X(n, n+nstar) | x, t_x, n]: expected transactions in the next nstar
 * opportunities:
 *   B(alpha+x+1, beta+n-x)/B(alpha,beta) / L
 *   * sum_{t=n+1}^{n+nstar} B(gamma, delta+t)/B(gamma,delta).
 *   fault: 0 model, 1 nstar, 2 x, 3 t_x, 4 n. */
clv_status clv_bgbb_conditional_expected(const clv_model *model, double nstar, double x, double t_x,
                                         double n, double *out, clv_fault *fault);

/* E[X(n)]: expected transactions of a new customer in n opportunities,
 *   alpha/(alpha+beta) sum_{t=1}^{n} B(gamma, delta+t)/B(gamma,delta)
 * (= alpha/(alpha+beta) delta/(gamma-1) [1 - ...] in FHS 2010, without the
 * singularity at gamma = 1).  fault: 0 model, 1 n. */
clv_status clv_bgbb_expected(const clv_model *model, double n, double *out, clv_fault *fault);

/* P(X(n) = x), x = 0..n:
 *   C(n,x) B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
 *   + sum_{i=x}^{n-1} C(i,x) B(alpha+x, beta+i-x)/B(alpha,beta)
 *                     B(gamma+1, delta+i)/B(gamma,delta).
 *   fault: 0 model, 1 x, 2 n.  Errors: CLV_EDOM also for x > n. */
clv_status clv_bgbb_pmf(const clv_model *model, double x, double n, double *out, clv_fault *fault);

/* ---- Cohort tables ------------------------------------------------------- */

typedef struct clv_cohort_options {
    clv_time_unit period; /* cohort and age period: DAY, WEEK (Monday to
                             Sunday), MONTH (calendar) or YEAR (calendar) */
    double end;           /* last day observed (inclusive); NaN = the log's
                             last day.  Transactions after it are ignored. */
} clv_cohort_options;

/* Customers grouped by the period of their first purchase (the cohort) and
 * followed period by period (age 0 = the acquisition period).  Cohorts run
 * from the first period to the last one with an acquisition (empty periods
 * between stay, with size 0 and NaN rates).  Cells are row-major
 * [cohort * nages + age]; ages a cohort has not reached by the end are NaN.
 * The last period may be observed only in part (up to `end`). */
typedef struct clv_cohort_table {
    clv_time_unit period;
    size_t ncohorts, nages;       /* nages: ages of the oldest cohort */
    double *start_day;            /* first day of each cohort's period */
    double *size;                 /* customers acquired in the period */
    double *ages;                 /* ages observed per cohort (1 = only age 0) */
    double *active;               /* customers with a purchase at that age */
    double *revenue;              /* their spend at that age */
    double *retention;            /* active / size */
    double *revenue_per_customer; /* revenue / size */
    double *survivors;            /* customers whose last purchase is at this age
                                     or later: the contractual survival curve
                                     (non-increasing; size at age 0) */
} clv_cohort_table;

/* The cohort table of a log.
 *   fault: 0 log, 1 opts (element 0 period, 1 end), 2 out.
 * Errors: CLV_EINVAL (NULL, bad period, non-finite end), CLV_EDOM (empty
 * log, end before the first purchase), CLV_ENOMEM.  *out = NULL on
 * failure. */
clv_status clv_cohort_table_build(const clv_txlog *log, const clv_cohort_options *opts,
                                  clv_cohort_table **out, clv_fault *fault);

/* Frees a table; NULL is a no-op. */
void clv_cohort_table_free(clv_cohort_table *table);

/* The sBG fitted to one cohort's survivors over its observed ages (at least
 * two).  fault: 0 table, 1 cohort, 2 opts.
 * Errors: CLV_EINVAL (NULL, cohort out of range), CLV_EDOM (fewer than two
 * observed ages), CLV_ENOCONV (e.g. nobody left: the data cannot identify
 * the model). */
clv_status clv_cohort_sbg(const clv_cohort_table *table, size_t cohort, const clv_fit_options *opts,
                          clv_model *out, clv_fit_info *info, clv_fault *fault);

/* ---- Early value --------------------------------------------------------- */

typedef struct clv_early_value_options {
    clv_time_unit period; /* cohort period, as in clv_cohort_options */
    clv_time_unit unit;   /* unit of the ages (DAY, WEEK, MONTH, YEAR) */
    const double *ages;   /* nages ages > 0, in `unit` */
    size_t nages;
    double end; /* last day observed; NaN = the log's last day */
} clv_early_value_options;

/* Average cumulative value per customer at each age, per cohort: the mean
 * over the cohort's customers of what they spent on days d with
 * d - first day < age (in days; "the first 14 days" are days 0..13).  A
 * customer counts at an age only if that whole window is observed (first
 * day + age - 1 <= end); cells without any such customer are NaN.
 * Arrays are row-major [cohort * nages + age]; `all_*` pool the cohorts. */
typedef struct clv_early_value {
    clv_time_unit period, unit;
    size_t ncohorts, nages;
    double *ages;                     /* the ages asked for */
    double *start_day;                /* first day of each cohort's period */
    double *mean;                     /* average cumulative value per customer */
    double *customers;                /* customers counted in each cell */
    double *all_mean, *all_customers; /* per age, over every cohort */
} clv_early_value;

/* Early value of a log.
 *   fault: 0 log, 1 opts (element 0 period, 1 unit, 2 ages (NULL, or
 *   nages = 0, or an age <= 0 / non-finite), 3 end), 2 out.
 * Errors: as clv_cohort_table_build(). */
clv_status clv_early_value_build(const clv_txlog *log, const clv_early_value_options *opts,
                                 clv_early_value **out, clv_fault *fault);

/* Frees it; NULL is a no-op. */
void clv_early_value_free(clv_early_value *ev);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_RETENTION_H */
