/*
 * optim.h -- internal: a small bounded minimiser for the model fits.
 *
 * Shaped like GSL's multimin: a state object, one iteration at a time, and
 * separate convergence tests, so the fit driver (fit.c) decides when to
 * stop, when to fall back and what to report.  The state lives in the
 * caller's memory (at most CLV_OPT_MAXN variables), so there is nothing to
 * free and nothing to fail allocating.
 *
 * Methods: BFGS with an Armijo backtracking line search inside a box
 * (points are clipped into it), Nelder-Mead as a derivative-free fallback,
 * and Newton steps on a finite-difference Hessian for the last digits.
 */
#ifndef CLVKIT_OPTIM_H
#define CLVKIT_OPTIM_H

#include <stddef.h>

#include "clvkit/status.h"

#define CLV_OPT_MAXN 4

/* The function to minimise.  Writes f(theta) and, when grad is not NULL,
 * its gradient.  Returns 0 when it could evaluate, non-zero otherwise; a
 * non-finite *f is also taken as "cannot evaluate here". */
typedef int (*clv_objective)(const double *theta, double *f, double *grad, void *ctx);

typedef struct clv_optim {
    size_t n;
    clv_objective fn;
    void *ctx;
    int analytic;  /* fn gives gradients; else central differences */
    double lo, hi; /* the box, the same for every variable */
    double x[CLV_OPT_MAXN], f, g[CLV_OPT_MAXN];
    double H[CLV_OPT_MAXN][CLV_OPT_MAXN]; /* inverse Hessian estimate */
    int scaled;                           /* H rescaled after the first step */
    size_t iterations, evaluations;
} clv_optim;

/* Starts at x0 (clipped into [lo, hi]).  Errors: CLV_EDOM when the
 * function cannot be evaluated at x0. */
clv_status clv_optim_init(clv_optim *o, size_t n, clv_objective fn, void *ctx, int analytic,
                          const double *x0, double lo, double hi);

/* The BFGS update of an inverse Hessian H after a step s that changed the
 * gradient by y; 0 (H unchanged) where the curvature s'y is not positive. */
int clv_optim_bfgs_update(size_t n, double H[CLV_OPT_MAXN][CLV_OPT_MAXN], const double *s,
                          const double *y);

/* One BFGS iteration.  CLV_OK after a decrease; CLV_ENOCONV when the line
 * search finds no lower point (the state is then unchanged). */
clv_status clv_optim_iterate(clv_optim *o);

/* max_i |g_i| <= tol * max(1, |f|). */
int clv_optim_test_gradient(const clv_optim *o, double tol);

/* max_i |g_i|. */
double clv_optim_gradient_norm(const clv_optim *o);

/* Nelder-Mead from the current point for at most max_evals evaluations;
 * moves the state to the best vertex (and resets the BFGS memory). */
clv_status clv_optim_nelder_mead(clv_optim *o, size_t max_evals);

/* Hessian of f at the current point by central differences (of the
 * gradient when analytic, else of f).  Errors: CLV_EDOM when f cannot be
 * evaluated at a neighbouring point. */
clv_status clv_optim_hessian(clv_optim *o, double H[CLV_OPT_MAXN][CLV_OPT_MAXN]);

/* Inverse of a symmetric positive-definite n x n matrix by Cholesky.
 * Errors: CLV_EDOM when it is not positive definite. */
clv_status clv_optim_spd_inverse(size_t n, double A[CLV_OPT_MAXN][CLV_OPT_MAXN],
                                 double inv[CLV_OPT_MAXN][CLV_OPT_MAXN]);

/* A Newton step x - H^-1 g, taken only if it lowers f (1 if taken). */
int clv_optim_newton(clv_optim *o, double H[CLV_OPT_MAXN][CLV_OPT_MAXN]);

#endif /* CLVKIT_OPTIM_H */
