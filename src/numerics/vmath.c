/*
 * vmath.c -- array log, log1p and exp (vmath.h).
 */
#include "numerics/vmath.h"

#include <math.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* libmvec's AVX2 variants (glibc >= 2.35), named by the x86-64 vector
 * function ABI; math.h declares them only under -ffast-math. */
/* (clang insists on the target attribute for AVX arguments) */
#define AVX2 __attribute__((target("avx2")))
AVX2 __m256d _ZGVdN4v_log(__m256d x);
AVX2 __m256d _ZGVdN4v_log1p(__m256d x);
AVX2 __m256d _ZGVdN4v_exp(__m256d x);

#define VMAP(name, vfn, sfn)                                                \
    AVX2 static size_t name##_avx2(const double *in, double *out, size_t n) \
    {                                                                       \
        size_t i = 0;                                                       \
        for (; i + 4 <= n; i += 4)                                          \
            _mm256_storeu_pd(out + i, vfn(_mm256_loadu_pd(in + i)));        \
        return i;                                                           \
    }                                                                       \
    void name(const double *in, double *out, size_t n)                      \
    {                                                                       \
        size_t i = have_avx2() ? name##_avx2(in, out, n) : 0;               \
        for (; i < n; i++)                                                  \
            out[i] = sfn(in[i]);                                            \
    }

static int have_avx2(void)
{
    static int known = -1;
    if (known < 0)
        known = __builtin_cpu_supports("avx2") ? 1 : 0;
    return known;
}

VMAP(clv_vlog, _ZGVdN4v_log, log)
VMAP(clv_vlog1p, _ZGVdN4v_log1p, log1p)
VMAP(clv_vexp, _ZGVdN4v_exp, exp)

#else

#define VMAP(name, vfn, sfn)                           \
    void name(const double *in, double *out, size_t n) \
    {                                                  \
        for (size_t i = 0; i < n; i++)                 \
            out[i] = sfn(in[i]);                       \
    }
VMAP(clv_vlog, _, log)
VMAP(clv_vlog1p, _, log1p)
VMAP(clv_vexp, _, exp)

#endif
