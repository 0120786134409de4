/*
 * hyperu.h -- internal: Tricomi's confluent hypergeometric function U(a, b, z)
 * (DLMF 13.2.6), which the discounted expected residual transactions of the
 * Pareto/NBD and BG/NBD families need.
 */
#ifndef CLVKIT_HYPERU_H
#define CLVKIT_HYPERU_H

#include "clvkit/status.h"

/* ln U(a, b, z) for a > 0, real b, z > 0, from the integral
 *   U = 1/Gamma(a) int_0^inf e^(-z t) t^(a-1) (1+t)^(b-a-1) dt  (DLMF 13.4.4)
 * by double-exponential quadrature in log space, in three pieces (see
 * hyperu.c).  Relative accuracy of U about 1e-13, 2e-11 at a = 10^4
 * (lgamma's own error), on a in [1e-3, 1e4], b in [-3.5, 1e4], z in
 * [1e-8, 1e8] (checked against mpmath in tests/c/test_dert.c).
 * Errors: CLV_EINVAL (non-finite), CLV_EDOM (a <= 0 or z <= 0),
 * CLV_ELOSS (value written, quadrature not settled), CLV_ERANGE. */
clv_status clv_sf_lhyperu_e(double a, double b, double z, double *out);

#endif /* CLVKIT_HYPERU_H */
