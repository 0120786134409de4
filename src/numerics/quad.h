/*
 * quad.h -- internal: double-exponential (tanh-sinh) quadrature of positive
 * integrands given by their logarithm.
 *
 * The models need integrals of positive functions whose values span
 * hundreds of orders of magnitude (posterior densities, power laws with
 * exponents of 10^4).  Working with ln f and one running scale keeps every
 * sum finite; the tanh-sinh rule converges geometrically for integrands
 * analytic inside the interval, whatever they do at its ends.
 */
#ifndef CLVKIT_QUAD_H
#define CLVKIT_QUAD_H

#include <stddef.h>

#include "clvkit/status.h"

/* At most this many companion integrals (see clv_quad_fn). */
#define CLV_QUAD_MAXAUX 6

/* The integrand: returns ln f(x) (may be -inf where f = 0) and, when naux > 0,
 * writes naux finite factors g[0..naux-1] at x, whose f-weighted means are
 * wanted too.  dl = x - lo and dr = hi - x are given exactly, so integrands
 * with a factor like (1 - p) near p = 1 can use dr instead of 1 - x. */
typedef double (*clv_quad_fn)(double x, double dl, double dr, double *g, void *ctx);

/* ln int_lo^hi f(x) dx into *log_integral, and, for j < naux,
 * mean[j] = int f g_j / int f.  lo <= hi (lo == hi gives -inf, means 0).
 * Errors: CLV_EINVAL (naux too big, lo > hi, non-finite bounds), CLV_ELOSS
 * (estimates written but successive levels still differ by more than 1e-9
 * after 10 halvings of the step), CLV_ERANGE (the integrand is NaN or +inf
 * somewhere). */
clv_status clv_quad_log(clv_quad_fn f, void *ctx, double lo, double hi, size_t naux,
                        double *log_integral, double *mean);

/* The integrand of a Beta expectation: returns ln g(p) (may be -inf) given
 * p and q = 1 - p (both exact), and naux factors as above. */
typedef double (*clv_beta_fn)(double p, double q, double *g, void *ctx);

/* ln E[g(p)] for p ~ Beta(a, b), a, b > 0, and the g-weighted means of the
 * factors.  The interval is split at 1/2 and each half substituted so the
 * density's endpoint singularity p^(a-1) (resp. (1-p)^(b-1)) disappears: the
 * rule then sees bounded integrands for any a, b in [1e-3, 1e4].
 * Errors: as clv_quad_log. */
clv_status clv_quad_beta_mean(clv_beta_fn g, void *ctx, double a, double b, size_t naux,
                              double *log_mean, double *mean);

#endif /* CLVKIT_QUAD_H */
