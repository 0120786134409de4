/*
 * clvkit/diagnostics.h -- can I trust this model?  Holdout diagnostics for
 * the transaction models (BG/NBD, MBG/NBD, Pareto/NBD), their discounted
 * expected residual transactions (DERT) and the CLV that follows from it.
 *
 * Conventions (docs/models.md, "Diagnostics, DERT and intervals"):
 *  - Time is in the model's unit u.  Tracking measures time from an origin,
 *    by default the log's first day; customer i is born at its first
 *    purchase s_i.  The expected cumulative repeat transactions at the end
 *    of period k are  sum_i E[X(k p - s_i)]  over customers with s_i < k p
 *    (p the period length in units, 1 by default), and the actual ones are
 *    the repeat transactions (purchase days after the first) before k p.
 *  - Frequency groups 0, 1, ..., top-1 and "top or more" (FHL 2005 use
 *    top = 7).  Arrays of groups have top + 1 elements.
 *  - Errors as in models.h: a status, NaN (or NULL) results on failure, an
 *    optional fault naming the argument (0-based in the C argument list) and
 *    the element.  A prediction's CLV_ELOSS is passed on (values written).
 */
#ifndef CLVKIT_DIAGNOSTICS_H
#define CLVKIT_DIAGNOSTICS_H

#include <stddef.h>

#include "clvkit/models.h"
#include "clvkit/rfm.h"
#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Tracking (FHL 2005 Figures 2-3) ------------------------------------- */

/* Expected cumulative repeat transactions of a cohort at the end of periods
 * 1..periods:  cum[k-1] = sum_i w_i E[X(k p - s_i)] over s_i < k p.
 *   model   BGNBD, MBGNBD or PNBD;  birth  n birth times s_i >= 0 (units
 *           from the origin);  weight  NULL or n values >= 0;  n >= 1
 *   period  p > 0 in the model's unit;  periods >= 1;  cum  periods values
 *   fault   0 model, 1 birth, 2 weight, 3 n, 4 period, 5 periods, 6 cum
 * Each distinct k p - s_i is evaluated once, so whole-day births cost a few
 * hundred model evaluations whatever the cohort size.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ENOMEM, CLV_ERANGE (periods * distinct
 * births too large), and those of clv_tx_expected(). */
clv_status clv_tracking_expected(const clv_model *model, const double *birth, const double *weight,
                                 size_t n, double period, size_t periods, double *cum,
                                 clv_fault *fault);

/* Tracking of a whole log, actual against expected. */
typedef struct clv_tracking {
    size_t periods;     /* number of periods */
    double period;      /* period length in the model's unit */
    double origin;      /* day number of time 0 */
    size_t customers;   /* customers in the log */
    double *actual;     /* repeat transactions in period k (index k-1) */
    double *actual_cum; /* ... up to the end of period k */
    double *expected;   /* expected repeat transactions in period k */
    double *expected_cum;
} clv_tracking;

/* Tracking of every customer in a log.
 *   model    BGNBD, MBGNBD or PNBD with a unit (not NONE)
 *   log      the transactions;  period  p > 0 in the model's unit (e.g. 1
 *            week for a weekly model)
 *   periods  number of periods, or 0 for as many as cover the log's last
 *            day
 *   origin   day number of time 0 (<= the log's first day), or NaN for the
 *            log's first day
 *   out      the new tracking (free with clv_tracking_free), NULL on failure
 *   fault    0 model, 1 log, 2 period, 3 periods, 4 origin, 5 out
 * Errors: CLV_EINVAL (NULL, unit NONE, non-finite), CLV_EDOM (empty log,
 * period <= 0, origin after the first day), CLV_ENOMEM, CLV_ERANGE (more
 * than 10^7 periods), and those of clv_tracking_expected(). */
clv_status clv_tracking_log(const clv_model *model, const clv_txlog *log, double period,
                            size_t periods, double origin, clv_tracking **out, clv_fault *fault);

/* Frees a tracking; NULL is a no-op. */
void clv_tracking_free(clv_tracking *tracking);

/* ---- Period counts (FHL 2005 Figure 1) ----------------------------------- */

/* Customers by number of repeat transactions in calibration, actual against
 * expected sum_i P(X(T_i) = x):  for g < top, actual[g] = customers with
 * x = g and expected[g] = sum_i w_i P(X(T_i) = g); group top holds "top or
 * more" (expected: the rest of the probability).
 *   model  BGNBD, MBGNBD or PNBD;  x, T  n customers (x whole, T >= 0);
 *   weight NULL or n values >= 0;  top >= 1;  actual, expected  top + 1
 *   values each
 *   fault  0 model, 1 x, 2 T, 3 weight, 4 n, 5 top, 6 actual, 7 expected
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ENOMEM, and those of clv_tx_pmf(). */
clv_status clv_period_counts(const clv_model *model, const double *x, const double *T,
                             const double *weight, size_t n, size_t top, double *actual,
                             double *expected, clv_fault *fault);

/* ---- Holdout by calibration frequency (FHL 2005 Figure 4) ---------------- */

/* Error measures of a holdout prediction. */
typedef struct clv_holdout_errors {
    double mae;            /* mean |E[Y] - actual| per customer (weighted) */
    double rmse;           /* root mean squared error per customer */
    double actual_total;   /* sum of actual holdout transactions */
    double expected_total; /* sum of conditional expectations */
    double error_pct;      /* 100 (expected_total - actual_total) /
                              actual_total; NaN when actual_total = 0 */
} clv_holdout_errors;

/* Mean conditional expectation E[Y(t) | x, t_x, T] against the mean actual
 * holdout transactions, per group of calibration frequency (0 .. top-1 and
 * "top or more"), and the per-customer errors.
 *   model  BGNBD, MBGNBD or PNBD;  t  holdout length (> 0, model's unit)
 *   x, t_x, T, x_holdout  n customers (x_holdout whole, >= 0)
 *   weight NULL or n values >= 0;  top >= 1
 *   count, actual, expected  top + 1 values: customers, mean actual, mean
 *          expected per group (NaN means for an empty group)
 *   errors optional (may be NULL)
 *   fault  0 model, 1 t, 2 x, 3 t_x, 4 T, 5 x_holdout, 6 weight, 7 n,
 *          8 top, 9 count, 10 actual, 11 expected
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ENOMEM and those of
 * clv_tx_conditional_expected(). */
clv_status clv_holdout_by_frequency(const clv_model *model, double t, const double *x,
                                    const double *t_x, const double *T, const double *x_holdout,
                                    const double *weight, size_t n, size_t top, double *count,
                                    double *actual, double *expected, clv_holdout_errors *errors,
                                    clv_fault *fault);

/* ---- Frequency x recency matrices (lifetimes' two matrix plots) ---------- */

typedef enum clv_matrix_kind {
    CLV_MATRIX_EXPECTED = 0, /* E[Y(t) | x, t_x, T] */
    CLV_MATRIX_PALIVE = 1    /* P(alive | x, t_x, T) */
} clv_matrix_kind;

/* out[i * nr + j] = the quantity for frequency freq[i] and recency rec[j]
 * at age T (t only for EXPECTED).  A customer with no repeat transaction
 * has no recency: the cells of frequency 0 all hold the value at t_x = 0.
 *   freq  nf whole numbers >= 0;  rec  nr values in [0, T]
 *   fault 0 model, 1 kind, 2 t, 3 T, 4 freq, 5 nf, 6 rec, 7 nr, 8 out
 * Errors: CLV_EINVAL, CLV_EDOM (a recency above T, t <= 0), and those of
 * the prediction. */
clv_status clv_tx_matrix(const clv_model *model, clv_matrix_kind kind, double t, double T,
                         const double *freq, size_t nf, const double *rec, size_t nr, double *out,
                         clv_fault *fault);

/* ---- DERT and its CLV (Fader, Hardie & Lee 2005, JMR 42:415-430) -------- */

/* Discounted expected residual transactions at continuous discount rate
 * delta per unit:  DERT = int_0^inf e^(-delta t) dE[Y(t) | x, t_x, T]
 *                       = delta int_0^inf e^(-delta t) E[Y(t) | ...] dt.
 * Pareto/NBD: FHL 2005 (JMR) eq. 2, written as
 *   P(alive) (r+x)/(alpha+T) (beta+T)^s delta^(s-1) U(s, s; delta(beta+T)).
 * BG/NBD and MBG/NBD: given alive, lambda ~ Gamma(r+x, alpha+T) and
 *   p ~ Beta(a, b+x) (MBG: b+x+1) and the residual transactions end at a
 *   geometric drop-out, so DERT = P(alive) E[lambda / (delta + lambda p)]
 *   = P(alive) E_p[(r+x)/p z^(r+x) U(r+x+1, r+x+1; z)], z = delta
 *   (alpha+T)/p: one Beta expectation by quadrature of a U by quadrature,
 *   about 1e-10 relative (docs/models.md).
 *   delta > 0 (per unit of the model);  fault 0 model, 1 delta, 2 x, 3 t_x,
 *   4 T, 5 out.
 * Errors: CLV_EINVAL, CLV_EDOM (delta <= 0, bad customer), CLV_ELOSS. */
clv_status clv_tx_dert(const clv_model *model, double delta, double x, double t_x, double T,
                       double *out, clv_fault *fault);

/* Per-customer CLV = DERT x E[M | x, m] x margin (clv_gg_spend()).
 *   tx, gg  models;  delta > 0;  margin in [0, 1];  m  mean repeat value
 *   fault 0 tx, 1 gg, 2 delta, 3 margin, 4 x, 5 t_x, 6 T, 7 m, 8 out
 * Errors: as clv_tx_dert() and clv_gg_spend(). */
clv_status clv_dert_clv(const clv_model *tx, const clv_model *gg, double delta, double margin,
                        double x, double t_x, double T, double m, double *out, clv_fault *fault);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_DIAGNOSTICS_H */
