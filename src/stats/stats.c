/*
 * stats.c -- summaries, quantiles and axes for sweeps (see clvkit/stats.h).
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "clvkit/stats.h"

/* Neumaier-compensated sum of the non-NaN values of v, each times `scale`. */
static double compensated_sum(const double *v, size_t n, double scale)
{
    double sum = 0, comp = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            continue;
        double x = v[i] * scale, t = sum + x;
        comp += fabs(sum) >= fabs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }
    return sum + comp;
}

clv_status clv_summarize(const double *v, size_t n, clv_summary *out)
{
    if (!out || (n > 0 && !v))
        return CLV_EINVAL;
    clv_summary s = {0, 0, NAN, NAN, NAN};
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        if (isnan(x)) {
            s.missing++;
            continue;
        }
        if (isinf(x))
            return CLV_EINVAL;
        if (s.count == 0 || x < s.min)
            s.min = x;
        if (s.count == 0 || x > s.max)
            s.max = x;
        s.count++;
    }
    if (s.count > 0) {
        double total = compensated_sum(v, n, 1);
        /* a sum past DBL_MAX: average the values divided by the count */
        s.mean =
            isfinite(total) ? total / (double)s.count : compensated_sum(v, n, 1 / (double)s.count);
        if (!isfinite(s.mean))
            return CLV_ERANGE;
    }
    *out = s;
    return CLV_OK;
}

/* Rearranges a[lo..hi] so that a[k] holds the value it would hold sorted,
 * smaller values before it and larger after (Hoare's selection).  The pivot
 * is the median of three, which keeps sorted and reversed input -- the usual
 * case for sweeps over monotone formulas -- linear. */
static void select_kth(double *a, size_t lo, size_t hi, size_t k)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        double x = a[lo], y = a[mid], z = a[hi];
        double pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        size_t i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

clv_status clv_quantiles(const double *v, size_t n, const double *probs, size_t np, double *scratch,
                         double *out)
{
    if ((np > 0 && (!probs || !out)) || (n > 0 && (!v || !scratch)))
        return CLV_EINVAL;
    for (size_t j = 0; j < np; j++) {
        if (!isfinite(probs[j]))
            return CLV_EINVAL;
        if (probs[j] < 0 || probs[j] > 1)
            return CLV_EDOM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (isinf(v[i]))
            return CLV_EINVAL;
        if (!isnan(v[i]))
            scratch[m++] = v[i];
    }
    for (size_t j = 0; j < np; j++) {
        if (m == 0) {
            out[j] = NAN;
            continue;
        }
        double h = (double)(m - 1) * probs[j];
        size_t k = (size_t)floor(h);
        if (k > m - 1)
            k = m - 1;
        select_kth(scratch, 0, m - 1, k);
        double lo = scratch[k], frac = h - (double)k;
        if (frac > 0 && k + 1 < m) {
            double hi = scratch[k + 1]; /* smallest value right of k */
            for (size_t i = k + 2; i < m; i++)
                if (scratch[i] < hi)
                    hi = scratch[i];
            out[j] = lo + frac * (hi - lo);
        } else {
            out[j] = lo;
        }
    }
    return CLV_OK;
}

clv_status clv_argbest(const double *v, size_t n, int want_max, size_t *index)
{
    if (!index || (n > 0 && !v))
        return CLV_EINVAL;
    size_t best = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            continue;
        if (best == (size_t)-1 || (want_max ? v[i] > v[best] : v[i] < v[best]))
            best = i;
    }
    if (best == (size_t)-1)
        return CLV_EDOM;
    *index = best;
    return CLV_OK;
}

clv_status clv_range_count(double from, double to, double step, size_t max_n, size_t *n)
{
    if (!n)
        return CLV_EINVAL;
    *n = 0;
    if (!isfinite(from) || !isfinite(to) || !isfinite(step))
        return CLV_EINVAL;
    if (step == 0 || (to - from) / step < 0)
        return CLV_EDOM;
    double steps = (to - from) / step; /* >= 0 */
    if (!isfinite(steps) || steps >= (double)max_n)
        return CLV_ERANGE;
    /* tolerate rounding: (1 - 0) / 0.1 is 9.999999999999998; the quotient's
     * own error grows with the number of steps */
    double whole = floor(steps + 1e-9 + 4 * DBL_EPSILON * steps);
    *n = (size_t)whole + 1;
    if (*n > max_n)
        return *n = 0, CLV_ERANGE;
    return CLV_OK;
}

clv_status clv_linspace_value(double from, double to, size_t n, size_t i, double *out)
{
    if (!out)
        return CLV_EINVAL;
    *out = NAN;
    if (!isfinite(from) || !isfinite(to) || n == 0 || i >= n)
        return CLV_EINVAL;
    if (n == 1 || i == 0) {
        *out = from;
        return CLV_OK;
    }
    if (i == n - 1) {
        *out = to;
        return CLV_OK;
    }
    double span = to - from;
    if (!isfinite(span))
        return CLV_ERANGE;
    *out = from + span * ((double)i / (double)(n - 1));
    return CLV_OK;
}
