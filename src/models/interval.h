/*
 * interval.h -- internal: what interval.c shares with bootstrap.c, and
 * covariance.c with gg.c.
 */
#ifndef CLVKIT_INTERVAL_H
#define CLVKIT_INTERVAL_H

#include "clvkit/intervals.h"

/* Standard normal quantile, 0 < p < 1. */
double clv_normal_quantile(double p);

/* level in (0, 1) at argument arg. */
clv_status clv_level_check(double level, size_t arg, clv_fault *fault);

/* Checks a prediction (argument arg; tx is argument 0, gg 1). */
clv_status clv_prediction_check(const clv_model *tx, const clv_model *gg, const clv_prediction *p,
                                size_t arg, clv_fault *fault);

/* The prediction on checked arguments (no fault). */
clv_status clv_prediction_value(const clv_model *tx, const clv_model *gg, const clv_prediction *p,
                                double *out);

/* covariance.c: se (may be NULL) and cov at model's parameters on the
 * problem's likelihood; a fault on argument 0 (the model) when the Hessian
 * is not positive definite, and NaN everywhere. */
struct clv_fit_problem;
void clv_cov_clear(double *se, double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS]);
clv_status clv_cov_at(const struct clv_fit_problem *pb, const clv_model *model, double *se,
                      double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS], clv_fault *fault);

#endif /* CLVKIT_INTERVAL_H */
