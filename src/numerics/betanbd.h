/*
 * betanbd.h -- internal: the Beta mean behind the BG/NBD family's expected
 * transactions, by the 1 - z connection formula of Gauss's 2F1 (fast and
 * exact where it is well conditioned).
 */
#ifndef CLVKIT_BETANBD_H
#define CLVKIT_BETANBD_H

#include "clvkit/status.h"

/* G = E[(1 - (1 + p y)^-r) / p] for p ~ Beta(a, b), given u = 1/(1+y) in
 * (0, 1/2] (y >= 1): in the paper's form
 *   G = (a+b-1)/(a-1) [1 - u^r 2F1(r, b; a+b-1; 1-u)],
 * with the 2F1 carried to u by DLMF 15.8.4, both series summed directly:
 *   G = (a+b-1)/(a-1)
 *       - Gamma(a+b) Gamma(a-1-r) / (Gamma(a) Gamma(a+b-1-r)) u^r
 *           2F1(r, b; r-a+2; u)
 *       - Gamma(a+b) Gamma(r+1-a) / ((a-1) Gamma(r) Gamma(b)) u^(a-1)
 *           2F1(a+b-1-r, a-1; a-r; u).
 * Returns CLV_OK with *out when the three terms and the two series leave a
 * rounding error below ~1e-12 relative; otherwise CLV_ELOSS and the caller
 * must use another method (a - 1 - r within 1e-6 of an integer, a = 1,
 * cancellation, large parameters, a series of more than 2000 terms). */
clv_status clv_sf_beta_nbd_mean(double r, double a, double b, double u, double *out);

#endif /* CLVKIT_BETANBD_H */
