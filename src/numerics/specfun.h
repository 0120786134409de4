/*
 * specfun.h -- internal: the special functions the models need.
 *
 * Plain forms return NaN outside their domain; the _e forms return a
 * clv_status and write NaN on failure, like the rest of the library.  All
 * are pure functions of their arguments (no global state, no errno
 * reliance), so they are safe from any thread.
 */
#ifndef CLVKIT_SPECFUN_H
#define CLVKIT_SPECFUN_H

#include <stddef.h>

#include "clvkit/status.h"

/* ln Gamma(x) for x > 0 (thread-safe: never touches signgam). */
double clv_sf_lgamma(double x);

/* ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), a, b > 0. */
double clv_sf_lbeta(double a, double b);

/* digamma psi(x) = d/dx ln Gamma(x), x > 0.  Recurrence to x >= 10, then
 * the asymptotic series; absolute error below 1e-15 for x >= 1e-8. */
double clv_sf_digamma(double x);

/* ln(e^a + e^b) without overflow; -inf + -inf = -inf. */
double clv_sf_logaddexp(double a, double b);

/* Regularized incomplete beta: *I = I_x(a, b) and *Ic = 1 - I_x(a, b),
 * each accurate relative to itself (the smaller one is never formed as a
 * difference).  a, b > 0, 0 <= x <= 1, and y = 1 - x passed separately so
 * that callers who know 1 - x exactly (x = t/(alpha+t)) lose nothing.
 * Continued fraction (DLMF 8.17.22) on the side where it converges fast.
 * Errors: CLV_EINVAL (non-finite), CLV_EDOM (outside the domain),
 * CLV_ENOCONV (continued fraction did not converge in 10^5 steps). */
clv_status clv_sf_beta_inc_e(double a, double b, double x, double y, double *I, double *Ic);

/* Gauss hypergeometric function 2F1(a, b; c; z) for real a, b, c and
 * z < 1 (z = 1 when c - a - b > 0, by Gauss's sum).  Method:
 *  - z < 0: Pfaff's transformation to z/(z - 1) in (0, 1);
 *  - |z| <= 1/2: the Maclaurin series, watching for cancellation;
 *  - 1/2 < z < 1 with c > b > 0 or c > a > 0: Euler's integral
 *      Gamma(c)/(Gamma(b)Gamma(c-b)) int_0^1 t^(b-1)(1-t)^(c-b-1)(1-zt)^(-a) dt
 *    by double-exponential quadrature (exact near z = 1);
 *  - otherwise the 1 - z connection formula (DLMF 15.8.4) when c - a - b is
 *    at least 1e-6 away from an integer.
 * Errors: CLV_EINVAL (non-finite argument), CLV_EDOM (z > 1, z = 1 with
 * c - a - b <= 0, c a non-positive integer), CLV_ERANGE (overflow),
 * CLV_ELOSS (the result is written but fewer than ~10 digits can be
 * guaranteed: cancellation in the series, c - a - b within 1e-6 of an
 * integer with no integral available, or a quadrature that did not settle);
 * CLV_ENOCONV (the series needed more than 10^6 terms; NaN written). */
clv_status clv_sf_hyp2f1_e(double a, double b, double c, double z, double *out);

#endif /* CLVKIT_SPECFUN_H */
