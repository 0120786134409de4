/*
 * vmath.h -- internal: log, log1p and exp over arrays, four at a time with
 * glibc's vector maths (libmvec, AVX2) where the processor has AVX2, one at
 * a time with libm otherwise.  libmvec is within 4 ulp of libm (measured
 * under 2.1), so likelihood sums agree with the scalar ones to ~1e-15.
 * in and out may be the same array.
 */
#ifndef CLVKIT_VMATH_H
#define CLVKIT_VMATH_H

#include <stddef.h>

void clv_vlog(const double *in, double *out, size_t n);
void clv_vlog1p(const double *in, double *out, size_t n);
void clv_vexp(const double *in, double *out, size_t n);

#endif /* CLVKIT_VMATH_H */
