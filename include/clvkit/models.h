/*
 * clvkit/models.h -- the predictive ("buy till you die") models:
 * BG/NBD, MBG/NBD and Pareto/NBD for the number of transactions, Gamma-Gamma
 * for their value, and the discounted CLV of each customer.
 *
 * Data.  A customer is (x, t_x, T) in one time unit (see rfm.h):
 *   x    repeat transactions, a whole number >= 0
 *   t_x  time of the last repeat transaction since the first (0 when x = 0)
 *   T    time since the first transaction, T >= t_x
 * Arrays of customers carry optional weights (the number of identical
 * customers; NULL = 1 each); fits compress identical rows first, so cost
 * grows with distinct (x, t_x, T), not with customers.
 *
 * Models.  A clv_model is a plain struct (kind, parameters, time unit) that
 * a caller may fill by hand ("a model from known parameters") or get from a
 * fit.  Parameters must be finite and > 0.  The time unit is only carried
 * (rates are per unit); CLV_UNIT_NONE means "whatever unit the data had".
 *
 * Errors (every function): CLV_EINVAL for NULL pointers, non-finite
 * arguments, an unknown kind or a model of the wrong family; CLV_EDOM for a
 * finite argument outside the domain (fractional or negative x, t_x > T,
 * negative time, parameter <= 0, n > x where n must not); results are
 * written through `out` and are NaN on failure.  `fault` (may be NULL)
 * names the argument, counting from 0 in the C argument list, and the
 * element (a parameter index for a model argument, a row for arrays).
 * Every result is finite on success and every probability is in [0, 1]:
 * sums and likelihoods are computed in log space, and the hypergeometric
 * parts switch to quadrature where their series would lose accuracy.  A
 * prediction may return CLV_ELOSS: the value is written, but the
 * quadrature could not confirm 9 digits (not seen on the test grid of
 * x <= 10^4, t_x, T <= 10^4, parameters in [1e-3, 1e3]).  CLV_ERANGE
 * means a result would overflow.
 */
#ifndef CLVKIT_MODELS_H
#define CLVKIT_MODELS_H

#include <stddef.h>

#include "clvkit/rfm.h"
#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Models and fits (shared with retention.h) --------------------------- */

typedef enum clv_model_kind {
    CLV_MODEL_NONE = 0,
    CLV_MODEL_BGNBD = 1,  /* r, alpha, a, b  (Fader, Hardie & Lee 2005) */
    CLV_MODEL_MBGNBD = 2, /* r, alpha, a, b  (Batislam, Denizel &
                             Filiztekin 2007) */
    CLV_MODEL_PNBD = 3,   /* r, alpha, s, beta  (Schmittlein, Morrison &
                             Colombo 1987) */
    CLV_MODEL_GG = 4,     /* p, q, gamma  (Fader & Hardie 2013) */
    CLV_MODEL_SBG = 5,    /* alpha, beta  (retention.h) */
    CLV_MODEL_BGBB = 6    /* alpha, beta, gamma, delta  (retention.h) */
} clv_model_kind;

#define CLV_MODEL_MAXPARAMS 4

typedef struct clv_model {
    clv_model_kind kind;
    double param[CLV_MODEL_MAXPARAMS]; /* in the order listed above */
    clv_time_unit unit;                /* unit of time (and of 1/alpha) */
} clv_model;

/* "bgnbd", "mbgnbd", "pnbd", "gg", "sbg", "bgbb"; "none" otherwise. */
const char *clv_model_name(clv_model_kind kind);

/* The kind of a name as above.  Errors: CLV_EINVAL (unknown; NONE). */
clv_status clv_model_kind_parse(const char *name, clv_model_kind *out);

/* Number of parameters of a kind (0 for NONE or unknown). */
size_t clv_model_nparams(clv_model_kind kind);

/* Name of parameter i: "r", "alpha", "a", "b", "s", "beta", "p", "q",
 * "gamma", "delta"; NULL when i is out of range. */
const char *clv_model_param_name(clv_model_kind kind, size_t i);

/* Checks a model: known kind, every parameter finite and > 0.
 * Errors: CLV_EINVAL (NULL, unknown kind, non-finite parameter; fault
 * element = parameter), CLV_EDOM (parameter <= 0). */
clv_status clv_model_check(const clv_model *model, clv_fault *fault);

/* Reports the progress of a fit: iteration count and the log-likelihood so
 * far (NaN when called between phases: before a new start or the
 * Nelder-Mead fallback).  Return 0 to go on, anything else to stop the fit
 * (which then returns CLV_ENOCONV).  The whole-base predictions (*_many)
 * report through the same type: a step count and the share done. */
typedef int (*clv_progress_fn)(void *data, size_t iteration, double loglik);

/* Options of every fit; all-zero means defaults (a binding can write
 * `clv_fit_options o = {0};`). */
typedef struct clv_fit_options {
    const double *start;      /* starting parameters (nparams values > 0), or
                                 NULL for data-based starts */
    size_t max_iterations;    /* per start, 0 = 500 */
    double tolerance;         /* converged when every |d LL / d ln param| <=
                                 tolerance * max(1, |LL|); 0 = 1e-9 */
    clv_progress_fn progress; /* optional, called once per iteration */
    void *progress_data;
} clv_fit_options;

/* What a fit found besides the parameters. */
typedef struct clv_fit_info {
    double loglik;                  /* maximised log-likelihood (weights applied) */
    double se[CLV_MODEL_MAXPARAMS]; /* standard errors from the inverse
                                       Hessian of -LL (NaN if unused) */
    double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS]; /* covariance */
    double gradient;                                      /* max |d LL / d ln param| at the end */
    double weight;                                        /* total weight (customers) fitted */
    size_t distinct;                                      /* distinct data rows after compression */
    size_t iterations;                                    /* quasi-Newton iterations, all starts */
    size_t evaluations;                                   /* likelihood evaluations, all starts */
    size_t starts; /* starting points tried (1 when the first works) */
} clv_fit_info;

/* How a fit fails:  CLV_ENOCONV when no start reaches a maximum with a
 * negative-definite Hessian within the iterations; when the likelihood is
 * flat there (a standard error of ln p above 10, or Newton still moving
 * ln p by more than 1e-3) or a parameter runs off to 0 or infinity (beyond
 * e^+-29): the data cannot identify it; or when the progress callback stops
 * it.  The model is then NaN and `fault` says which (arg CLV_FAULT_NONE,
 * reason text). */

/* ---- BG/NBD, MBG/NBD, Pareto/NBD ----------------------------------------- */

/* Log-likelihood of customers under a transaction model (kind BGNBD,
 * MBGNBD or PNBD):  sum_i w_i ln L(params | x_i, t_x_i, T_i).
 *   model   the model;  x, t_x, T  n customers;  weight  NULL or n values
 *           >= 0 (finite);  n >= 1
 *   fault   0 model, 1 x, 2 t_x, 3 T, 4 weight, 5 n (with the row)
 * Errors: CLV_EINVAL, CLV_EDOM (see the top of this file; also a negative
 * weight or all weights 0). */
clv_status clv_tx_loglik(const clv_model *model, const double *x, const double *t_x,
                         const double *T, const double *weight, size_t n, double *out,
                         clv_fault *fault);

/* Maximum-likelihood fit of a transaction model of `kind` (BGNBD, MBGNBD
 * or PNBD) by a quasi-Newton search in log-parameters with analytic
 * gradients, several starts and a Nelder-Mead fallback, then a Newton
 * polish and the Hessian for the standard errors.
 *   unit   written into the model (CLV_UNIT_NONE allowed)
 *   opts   NULL for defaults;  info  optional
 *   fault  1 x, 2 t_x, 3 T, 4 weight, 5 n, 7 opts
 * Errors: as clv_tx_loglik(); CLV_ENOCONV (see above); CLV_ENOMEM. */
clv_status clv_tx_fit(clv_model_kind kind, const double *x, const double *t_x, const double *T,
                      const double *weight, size_t n, clv_time_unit unit,
                      const clv_fit_options *opts, clv_model *out, clv_fit_info *info,
                      clv_fault *fault);

/* Standard errors of a model's parameters on data (the inverse Hessian of
 * -LL at the given parameters; meaningful at the fitted maximum).
 *   se   nparams values;  fault as clv_tx_loglik().
 * Errors: as clv_tx_loglik(); CLV_EDOM when the Hessian is not positive
 * definite there (not a maximum). */
clv_status clv_tx_stderr(const clv_model *model, const double *x, const double *t_x,
                         const double *T, const double *weight, size_t n, double *se,
                         clv_fault *fault);

/* E[X(t)]: expected repeat transactions of a new customer in (0, t].
 *   t >= 0 in the model's unit.  fault: 0 model, 1 t.
 * BG/NBD:   (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r,b;a+b-1;t/(alpha+t))]
 * MBG/NBD:  b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r,b+1;a+b;t/(alpha+t))]
 * Pareto/NBD: r beta/(alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]
 * (each computed without the removable singularity at a = 1 or s = 1). */
clv_status clv_tx_expected(const clv_model *model, double t, double *out, clv_fault *fault);

/* P(X(t) = n): probability of exactly n repeat transactions in (0, t] for a
 * new customer.  n a whole number >= 0, t >= 0.  fault: 0 model, 1 n, 2 t.
 * (FHL 2005 eq. 8; Batislam et al. 2007; Fader, Hardie & Lee's Pareto/NBD
 * note 2006, computed as an integral over the death time.) */
clv_status clv_tx_pmf(const clv_model *model, double n, double t, double *out, clv_fault *fault);

/* E[Y(t) | x, t_x, T]: expected transactions in the next t for a customer
 * with history (x, t_x, T).  fault: 0 model, 1 t, 2 x, 3 t_x, 4 T.
 * (FHL 2005 eq. 10; Batislam et al. 2007; Schmittlein et al. 1987.) */
clv_status clv_tx_conditional_expected(const clv_model *model, double t, double x, double t_x,
                                       double T, double *out, clv_fault *fault);

/* P(alive | x, t_x, T).  fault: 0 model, 1 x, 2 t_x, 3 T.
 * BG/NBD: 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x));
 * MBG/NBD: the same with a/(b+x) and no [x>0];
 * Pareto/NBD: 1 / (1 + s (alpha+T)^(r+x) (beta+T)^s I), with
 *   I = int_{t_x}^{T} (alpha+u)^-(r+x) (beta+u)^-(s+1) du (the 2F1 form). */
clv_status clv_tx_palive(const clv_model *model, double x, double t_x, double T, double *out,
                         clv_fault *fault);

/* ---- Whole customer bases ----------------------------------------------- */

/* P(alive) and E[Y(t) | x, t_x, T] for n customers at once: out[i] as
 * clv_tx_palive() / clv_tx_conditional_expected() on row i, split over the
 * cores.  BG/NBD and MBG/NBD P(alive) runs four rows at a time (glibc's
 * vector maths): within 1e-14 relative of the one-customer function.  The
 * conditional expectation is computed once per distinct (x, T) (customers
 * recorded by day share them) and is then the same bits as the
 * one-customer function.
 *   x, t_x, T  n customers;  out  n values
 *   progress  optional (NULL): called 8 times as the work proceeds, on the
 *   calling thread, with 1..8 and the share done (1/8 .. 1), progress_data
 *   passed to it; nonzero stops the computation: CLV_ENOCONV, every out
 *   NaN, nothing leaked (fault: the progress argument).  The values do not
 *   depend on whether it is set.
 *   fault: 0 model, (1 t), then x, t_x, T, n, out, progress, with the row
 *   as element
 * Errors: CLV_EINVAL, CLV_EDOM (a bad row, found before anything is
 * computed; out is then all NaN), CLV_ENOMEM; a row whose value cannot be
 * computed is NaN and its status returned (the first such row in the
 * fault), the other rows are still written.  CLV_ELOSS as the one-customer
 * functions. */
clv_status clv_tx_palive_many(const clv_model *model, const double *x, const double *t_x,
                              const double *T, size_t n, double *out, clv_progress_fn progress,
                              void *progress_data, clv_fault *fault);
clv_status clv_tx_conditional_expected_many(const clv_model *model, double t, const double *x,
                                            const double *t_x, const double *T, size_t n,
                                            double *out, clv_progress_fn progress,
                                            void *progress_data, clv_fault *fault);

/* ---- Gamma-Gamma spend --------------------------------------------------- */

/* Log-likelihood of the Gamma-Gamma model (kind GG: p, q, gamma) for
 * customers with x >= 1 repeat transactions of mean value m > 0; rows with
 * x = 0 are skipped (they carry no spend information).
 *   ln L = ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q) + q ln gamma
 *          + (px-1) ln m + px ln x - (px+q) ln(gamma + m x)
 *   fault: 0 model, 1 x, 2 m, 3 weight, 4 n.
 * Errors: CLV_EINVAL, CLV_EDOM (x fractional or negative, m <= 0 with
 * x >= 1, m < 0, no row with x >= 1). */
clv_status clv_gg_loglik(const clv_model *model, const double *x, const double *m,
                         const double *weight, size_t n, double *out, clv_fault *fault);

/* Maximum-likelihood fit of the Gamma-Gamma model on the repeat buyers
 * among n customers (rows with x = 0 are skipped).  As clv_tx_fit():
 * fault 0 x, 1 m, 2 weight, 3 n, 4 opts. */
clv_status clv_gg_fit(const double *x, const double *m, const double *weight, size_t n,
                      const clv_fit_options *opts, clv_model *out, clv_fit_info *info,
                      clv_fault *fault);

/* E[M | x, m]: expected mean transaction value of a customer with x repeat
 * transactions of mean value m:
 *   (gamma + m x) p / (p x + q - 1)
 * (x = 0 gives the population mean p gamma / (q - 1)).
 *   fault: 0 model, 1 x, 2 m.
 * Errors: CLV_EINVAL, CLV_EDOM (x fractional or < 0, m < 0, q <= 1 when
 * x = 0 or p x + q <= 1: the mean does not exist). */
clv_status clv_gg_spend(const clv_model *model, double x, double m, double *out, clv_fault *fault);

/* ---- Discounted CLV ------------------------------------------------------ */

typedef struct clv_clv_options {
    double horizon;           /* number of periods (whole number >= 1) */
    double discount;          /* discount rate per period (> -1) */
    clv_time_unit period;     /* length of one period; NONE = one unit of the
                                 transaction model */
    double margin;            /* share of spend kept, in [0, 1] */
    clv_progress_fn progress; /* optional, called once per period with the
                                 period number and the discounted expected
                                 transactions so far; nonzero stops the sum
                                 (CLV_ENOCONV): a long horizon costs time */
    void *progress_data;
} clv_clv_options;

/* horizon 12, discount 0, period NONE, margin 1, no progress callback. */
void clv_clv_options_init(clv_clv_options *opts);

/* Discounted value of a customer's next `horizon` periods:
 *   margin * E[M | x, m] * sum_{k=1..H} (E[Y(k D)] - E[Y((k-1) D)]) / (1+d)^k
 * with E[Y(.)] = clv_tx_conditional_expected(), D the period in the model's
 * unit and d the discount per period.  Transactions in period k are
 * discounted by the whole period k (end-of-period convention, as lifetimes
 * does), and the period is always explicit: a weekly model with monthly
 * periods converts by 30.4375/7 weeks a month.
 *   tx  a BGNBD, MBGNBD or PNBD model;  gg  a GG model
 *   x, t_x, T  transaction history;  m  mean repeat value (any >= 0 when
 *   x = 0)
 *   fault: 0 tx, 1 gg, 2 x, 3 t_x, 4 T, 5 m, 6 opts (element: 0 horizon,
 *   1 discount, 2 period, 3 margin)
 * Errors: as the functions it calls; CLV_EINVAL when period is set but the
 * model's unit is NONE (the conversion is unknown); CLV_ENOCONV when the
 * progress callback stops it. */
clv_status clv_predict_clv(const clv_model *tx, const clv_model *gg, double x, double t_x, double T,
                           double m, const clv_clv_options *opts, double *out, clv_fault *fault);

/* clv_predict_clv() for n customers (x, t_x, T, m: n values each; out: n
 * values), split over the cores; for BG/NBD and MBG/NBD the periods are
 * summed once per distinct (x, T) and P(alive) taken four rows at a time:
 * within 1e-13 relative of the one-customer function.  opts->progress,
 * when set, is called 8 times as the work proceeds, on the calling thread,
 * with 1..8 and the share done (1/8 .. 1); nonzero stops the computation:
 * CLV_ENOCONV, every out NaN, nothing leaked.  fault: as
 * clv_predict_clv() (0 tx, 1 gg, 2 x, 3 t_x, 4 T, 5 m, 6 opts) with the
 * row as element, 7 n.  Errors: as clv_tx_palive_many(). */
clv_status clv_predict_clv_many(const clv_model *tx, const clv_model *gg, const double *x,
                                const double *t_x, const double *T, const double *m,
                                const clv_clv_options *opts, size_t n, double *out,
                                clv_fault *fault);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_MODELS_H */
