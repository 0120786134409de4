/*
 * fit.h -- internal: maximum likelihood for every model, one driver.
 *
 * A model supplies its log-likelihood in natural parameters (all > 0),
 * with the gradient when it has one; the driver searches in
 * theta = ln(parameters), so the positivity constraints disappear and the
 * scales of r ~ 0.2 and alpha ~ 10^3 become comparable.
 */
#ifndef CLVKIT_FIT_H
#define CLVKIT_FIT_H

#include <stddef.h>

#include "clvkit/models.h"
#include "numerics/optim.h"

/* ll = sum_i w_i ln L(p | data_i); dll = its gradient in p (NULL: not
 * wanted).  Returns 0 on success, non-zero where it cannot evaluate. */
typedef int (*clv_loglik_fn)(const double *p, double *ll, double *dll, void *ctx);

#define CLV_FIT_MAXSTARTS 4

typedef struct clv_fit_problem {
    size_t n; /* parameters */
    clv_loglik_fn ll;
    void *ctx;
    int analytic; /* ll writes dll */
    size_t nstarts;
    double starts[CLV_FIT_MAXSTARTS][CLV_OPT_MAXN]; /* natural parameters */
    double weight;                                  /* for clv_fit_info */
    size_t distinct;
} clv_fit_problem;

/* Fits; param receives the natural parameters (NaN on failure).  opts may
 * be NULL; opts->start overrides the problem's starts.  opts_arg is the
 * argument index of opts for the fault.
 * Errors: CLV_EINVAL/CLV_EDOM (bad opts: start not finite / not > 0,
 * tolerance < 0), CLV_ENOCONV. */
clv_status clv_fit_run(const clv_fit_problem *pb, const clv_fit_options *opts, size_t opts_arg,
                       double *param, clv_fit_info *info, clv_fault *fault);

/* ll, its gradient dll and Hessian d2ll in p, all wanted.  Returns as
 * clv_loglik_fn. */
typedef int (*clv_hess_fn)(const double *p, double *ll, double *dll,
                           double d2ll[CLV_OPT_MAXN][CLV_OPT_MAXN], void *ctx);

/* The same fit for large data: today's driver (clv_fit_run) on `warm`, a
 * small deterministic subsample of pb's data, then Newton steps on pb from
 * there with the Hessian of hess (NULL: central differences of pb's
 * analytic gradient), a backtracking line search, until the step is below
 * 1e-6 in ln p (taken, then one more evaluation of pb->ll); the standard
 * errors come from the last Hessian.  The same maximum as clv_fit_run's:
 * when opts gives a start, or a Newton step fails (not a descent, no
 * decrease), or the point fails clv_fit_run's checks, it is clv_fit_run on
 * pb (info counts everything).  Errors: as clv_fit_run. */
clv_status clv_fit_run_newton(const clv_fit_problem *pb, clv_hess_fn hess,
                              const clv_fit_problem *warm, const clv_fit_options *opts,
                              size_t opts_arg, double *param, clv_fit_info *info, clv_fault *fault);

/* The same fit for large data whose Hessian costs many evaluations
 * (Pareto/NBD: differences of the analytic gradient): today's driver on
 * `warm`, then quasi-Newton steps on pb (each one gradient evaluation)
 * starting from the subsample's Hessian scaled by the weights
 * (pb->weight / warm->weight), BFGS-updated; once the step is below 1e-6
 * in ln p, one fresh Hessian there by forward differences of the gradient
 * (n evaluations; the standard errors')
 * and chord steps with it until the step is below 1e-6 again (taken, then
 * one more evaluation).  Falls back to clv_fit_run on pb as clv_fit_run_newton
 * does.  Errors: as clv_fit_run. */
clv_status clv_fit_run_chord(const clv_fit_problem *pb, const clv_fit_problem *warm,
                             const clv_fit_options *opts, size_t opts_arg, double *param,
                             clv_fit_info *info, clv_fault *fault);

/* Standard errors at p (natural parameters) from the Hessian of -LL.
 * Errors: CLV_EDOM (cannot evaluate, or the Hessian is not positive
 * definite). */
clv_status clv_fit_stderr(const clv_fit_problem *pb, const double *p, double *se,
                          double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS]);

#endif /* CLVKIT_FIT_H */
