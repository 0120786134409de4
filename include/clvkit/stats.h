/*
 * clvkit/stats.h -- descriptive statistics and grid axes for what-if sweeps:
 * summarising millions of scenario results without copying them into a
 * scripting language, and the axis helpers range/linspace.
 *
 * NaN marks a failed scenario (see clv_fn_sweep): every function here skips
 * NaN values and counts them.  Infinite values are refused (CLV_EINVAL),
 * since no clvkit result is ever infinite.
 */
#ifndef CLVKIT_STATS_H
#define CLVKIT_STATS_H

#include <stddef.h>

#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct clv_summary {
    size_t count;   /* number of values that are not NaN */
    size_t missing; /* number of NaN values (failed scenarios) */
    double min, max;
    double mean; /* compensated (Neumaier) sum / count */
} clv_summary;

/* Summarises v[0..n-1], skipping NaN.  With no value left, count = 0 and
 * min, max and mean are NaN (status CLV_OK: an all-failed sweep is a valid
 * answer).  Errors: CLV_EINVAL (NULL pointers with n > 0, an infinite value),
 * CLV_ERANGE (the mean overflows). */
clv_status clv_summarize(const double *v, size_t n, clv_summary *out);

/* Quantiles of the non-NaN values of v, by linear interpolation between
 * order statistics (Hyndman & Fan type 7, the default of R and NumPy):
 * for probability p and m values sorted ascending, h = (m - 1) p,
 * q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 *   probs    np probabilities in [0, 1], in any order
 *   scratch  n doubles of work space (the values are not reordered)
 *   out      np results; NaN for every p when no value is left
 * Expected cost O(n * np) (selection, not sorting).
 * Errors: CLV_EINVAL (NULL pointers, infinite value or probability),
 * CLV_EDOM (a probability outside [0, 1]). */
clv_status clv_quantiles(const double *v, size_t n, const double *probs, size_t np, double *scratch,
                         double *out);

/* Index of the largest (want_max != 0) or smallest non-NaN value; the first
 * one on ties.  Errors: CLV_EINVAL (NULL pointers), CLV_EDOM (every value is
 * NaN or n = 0). */
clv_status clv_argbest(const double *v, size_t n, int want_max, size_t *index);

/* Number of values of the axis from, from + step, ..., up to and including
 * `to` when it lies on the grid within a relative 1e-9 of a step (so that
 * range(0, 1, 0.1) has 11 values).  Value i is from + i * step.
 * Errors: CLV_EINVAL (non-finite input), CLV_EDOM (step = 0, or a step
 * pointing away from `to`), CLV_ERANGE (more than max_n values). */
clv_status clv_range_count(double from, double to, double step, size_t max_n, size_t *n);

/* Value i of n evenly spaced values from `from` to `to` inclusive; the last
 * one is exactly `to`.  Errors: CLV_EINVAL (non-finite input, n = 0, i >= n),
 * CLV_ERANGE (the spacing overflows). */
clv_status clv_linspace_value(double from, double to, size_t n, size_t i, double *out);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_STATS_H */
