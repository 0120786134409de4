/*
 * clvkit/intervals.h -- how uncertain is a fitted model and what it
 * predicts: intervals for the parameters and for every prediction
 * (P(alive), expected transactions, DERT, CLV), by the delta method or by a
 * seeded bootstrap that re-fits on resampled customers.
 *
 * When to use which (docs/models.md, "Diagnostics, DERT and intervals"):
 * the delta method is instant and fine for large cohorts whose likelihood
 * is close to quadratic in ln(parameters); the bootstrap costs replicates x
 * one fit, makes no such assumption and also carries the sampling of the
 * customers themselves, so prefer it for small cohorts, skewed predictions
 * and totals.
 *
 * Errors as in models.h (status, NaN results on failure, optional fault).
 */
#ifndef CLVKIT_INTERVALS_H
#define CLVKIT_INTERVALS_H

#include <stddef.h>
#include <stdint.h>

#include "clvkit/models.h"
#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An interval at a confidence level. */
typedef struct clv_interval {
    double estimate; /* at the fitted parameters */
    double lower, upper;
    double se;         /* standard error (delta) or bootstrap s.d. */
    size_t replicates; /* bootstrap replicates used (0 for delta) */
} clv_interval;

typedef enum clv_prediction_kind {
    CLV_PRED_PALIVE = 0,      /* P(alive | x, t_x, T) */
    CLV_PRED_CONDITIONAL = 1, /* E[Y(t) | x, t_x, T] */
    CLV_PRED_EXPECTED = 2,    /* E[X(t)] of a new customer (n = 1, no
                                 customer arrays needed) */
    CLV_PRED_DERT = 3,        /* DERT at delta (diagnostics.h) */
    CLV_PRED_CLV = 4          /* DERT x E[M | x, m] x margin (needs GG) */
} clv_prediction_kind;

/* A prediction: the sum over n customers (n = 1 for one customer; the
 * whole cohort for a total, e.g. the expected number alive or the total
 * CLV). */
typedef struct clv_prediction {
    clv_prediction_kind kind;
    double t;                  /* CONDITIONAL, EXPECTED: horizon (> 0) */
    double delta;              /* DERT, CLV: continuous discount rate per unit (> 0) */
    double margin;             /* CLV: in [0, 1] */
    const double *x, *t_x, *T; /* n customers (not for EXPECTED) */
    const double *m;           /* CLV: n mean repeat values */
    size_t n;
} clv_prediction;

/* The prediction at given models.
 *   tx  BGNBD, MBGNBD or PNBD;  gg  GG model (CLV only, else may be NULL)
 *   fault 0 tx, 1 gg, 2 pred (element: the customer), 3 out
 * Errors: CLV_EINVAL (NULL, unknown kind, n = 0), CLV_EDOM (bad customer
 * or setting) and those of the underlying function. */
clv_status clv_prediction_eval(const clv_model *tx, const clv_model *gg, const clv_prediction *pred,
                               double *out, clv_fault *fault);

/* ---- Covariance at given parameters -------------------------------------- */

/* The covariance of a model's parameters at the given parameters on the
 * given data: the inverse Hessian of -LL in ln(parameters), carried to the
 * parameters (cov_ij = p_i p_j [H^-1]_ij).  At the maximum-likelihood fit
 * this is the fit's own covariance (clv_fit_info.cov); the parameters are
 * used as given, nothing is re-fitted, so a face holding fitted parameters
 * gets the covariance of exactly those.
 *   se   NULL or nparams standard errors (sqrt of the diagonal)
 *   cov  the covariance (entries past nparams are NaN)
 *   fault as clv_tx_loglik() (0 model, 1 x, 2 t_x, 3 T, 4 weight, 5 n),
 *         6 se, 7 cov
 * Errors: as clv_tx_loglik(); CLV_EDOM when the Hessian is not positive
 * definite there (not a maximum); CLV_ENOMEM. */
clv_status clv_tx_covariance(const clv_model *model, const double *x, const double *t_x,
                             const double *T, const double *weight, size_t n, double *se,
                             double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                             clv_fault *fault);

/* The same for a Gamma-Gamma model on its repeat buyers (x, m).
 *   fault as clv_gg_loglik() (0 model, 1 x, 2 m, 3 weight, 4 n), 5 se, 6 cov
 * Errors: as clv_gg_loglik(); CLV_EDOM (not a maximum). */
clv_status clv_gg_covariance(const clv_model *model, const double *x, const double *m,
                             const double *weight, size_t n, double *se,
                             double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                             clv_fault *fault);

/* ---- Delta method -------------------------------------------------------- */

/* Wald intervals for the parameters on the log scale (they are > 0):
 *   p exp(+-z se/p),  se from the covariance (clv_fit_info.cov).
 *   level in (0, 1), e.g. 0.9;  out  nparams intervals
 *   fault 0 model, 1 cov, 2 level, 3 out
 * Errors: CLV_EINVAL, CLV_EDOM (a negative or non-finite variance). */
clv_status clv_param_intervals(const clv_model *model,
                               const double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                               double level, clv_interval *out, clv_fault *fault);

/* Delta-method interval of a prediction: the gradient in ln(parameters) by
 * central differences (step 1e-5), the variance g' C g from the fits'
 * covariances (the GG fit independent of the transaction fit), and the
 * interval on the log scale (logit for one P(alive)), so it stays positive
 * (inside [0, 1]).  A prediction with no variance (e.g. P(alive) = 1 of a
 * BG/NBD customer without repeats) gets lower = upper = estimate.
 *   tx_cov  covariance of tx's parameters;  gg, gg_cov  for CLV (else
 *           NULL);  level in (0, 1)
 *   fault 0 tx, 1 tx_cov, 2 gg, 3 gg_cov, 4 pred, 5 level, 6 out
 * Errors: as clv_prediction_eval(); CLV_EDOM for a covariance that gives a
 * negative variance. */
clv_status clv_interval_delta(const clv_model *tx,
                              const double tx_cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                              const clv_model *gg,
                              const double gg_cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS],
                              const clv_prediction *pred, double level, clv_interval *out,
                              clv_fault *fault);

/* ---- Bootstrap ----------------------------------------------------------- */

typedef struct clv_bootstrap_options {
    size_t replicates;        /* 0 = 200 */
    uint64_t seed;            /* the same seed gives the same replicates */
    size_t threads;           /* 0 = the processors online; results never depend
                                 on it */
    clv_progress_fn progress; /* optional: called on the calling thread
                                 with the replicates done and their share
                                 (0 while the full-data fits run, then
                                 after each of its replicates, and once
                                 with all done); nonzero stops:
                                 CLV_ENOCONV, no bootstrap */
    void *progress_data;
} clv_bootstrap_options;

/* Replicated fits: replicate j re-fits the models on n customers drawn
 * with replacement (a generator seeded by seed and j alone, so the result
 * is the same for any thread count), starting from the full-data fit. */
typedef struct clv_bootstrap {
    size_t replicates;
    size_t failed;    /* replicates whose fit did not converge (NaN) */
    clv_model tx_fit; /* the fit on all customers */
    clv_model gg_fit; /* kind NONE when no spend was given */
    clv_model *tx;    /* replicates models (NaN parameters when failed) */
    clv_model *gg;    /* replicates GG models, or NULL */
} clv_bootstrap;

/* Non-parametric bootstrap of a transaction model (kind BGNBD, MBGNBD or
 * PNBD) and, when m is not NULL, of the Gamma-Gamma model on the same
 * resampled customers.
 *   x, t_x, T  n customers;  m  NULL or their mean repeat values
 *   unit  the models' unit;  opts  NULL for defaults
 *   out   new bootstrap (free with clv_bootstrap_free), NULL on failure
 *   fault 0 kind, 1 x, 2 t_x, 3 T, 4 m, 5 n, 6 unit, 7 opts, 8 out
 * Errors: as clv_tx_fit() and clv_gg_fit() on all customers (a replicate
 * that fails is counted in `failed`); CLV_EDOM (replicates > 10^6);
 * CLV_ENOMEM (also when a replicate's fit runs out); CLV_ENOCONV when half
 * the replicates or more fail, or when opts->progress stops (fault 7). */
clv_status clv_bootstrap_fit(clv_model_kind kind, const double *x, const double *t_x,
                             const double *T, const double *m, size_t n, clv_time_unit unit,
                             const clv_bootstrap_options *opts, clv_bootstrap **out,
                             clv_fault *fault);

/* Frees a bootstrap; NULL is a no-op. */
void clv_bootstrap_free(clv_bootstrap *boot);

/* Percentile intervals of the parameters (tx[0..3]; gg[0..2] when the
 * bootstrap has GG, else gg may be NULL).  fault 0 boot, 1 level, 2 tx, 3 gg
 * Errors: CLV_EINVAL, CLV_EDOM. */
clv_status clv_param_intervals_bootstrap(const clv_bootstrap *boot, double level, clv_interval *tx,
                                         clv_interval *gg, clv_fault *fault);

/* Percentile interval of a prediction over the replicates (estimate at the
 * full-data fit, se = the replicates' standard deviation).
 *   fault 0 boot, 1 pred, 2 level, 3 out
 * Errors: as clv_prediction_eval(); CLV_EINVAL (CLV without GG); CLV_ENOMEM. */
clv_status clv_interval_bootstrap(const clv_bootstrap *boot, const clv_prediction *pred,
                                  double level, clv_interval *out, clv_fault *fault);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_INTERVALS_H */
