/*
 * segment.c -- who is worth the most: CLV_SEGMENT (high / medium / low value
 * customers by mid-rank).
 */
#include <math.h>

#include "clvkit/economics.h"
#include "core/fn.h"

clv_status clv_segment(double value, const double *values, size_t n, double high_share,
                       double low_share, clv_segment_class *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = CLV_SEGMENT_NONE;
    const char *why;
    clv_status st = clv_domain_check(CLV_D_REAL, value, &why);
    if (st != CLV_OK)
        return clv_fail(fault, 0, CLV_FAULT_NONE, why, st);
    if (n == 0)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    if (!values)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if ((st = clv_domain_check(CLV_D_UNIT, high_share, &why)) != CLV_OK)
        return clv_fail(fault, 3, CLV_FAULT_NONE, why, st);
    if ((st = clv_domain_check(CLV_D_UNIT, low_share, &why)) != CLV_OK)
        return clv_fail(fault, 4, CLV_FAULT_NONE, why, st);
    if (high_share + low_share > 1)
        return clv_fail(fault, 4, CLV_FAULT_NONE, "must be <= 1 - high_share (the bands overlap)",
                        CLV_EDOM);

    /* The rank is a fraction with denominator 2n, the thresholds are the
     * user's decimals (0.2, 0.3) which binary floating point cannot hold
     * exactly: 1 - 0.2 may land a hair above 0.8.  A tolerance far below
     * 1/(2n) lets a rank of exactly 0.8 count as ">= 0.8", as written. */
    size_t below = 0, equal = 0;
    for (size_t i = 0; i < n; i++) {
        if ((st = clv_domain_check(CLV_D_REAL, values[i], &why)) != CLV_OK)
            return clv_fail(fault, 1, i, why, st);
        below += values[i] < value;
        equal += values[i] == value;
    }
    double pr = ((double)below + 0.5 * (double)equal) / (double)n;
    const double eps = 1e-12;
    if (pr >= 1 - high_share - eps)
        *out = CLV_SEGMENT_HIGH;
    else if (pr < low_share - eps)
        *out = CLV_SEGMENT_LOW;
    else
        *out = CLV_SEGMENT_MEDIUM;
    return CLV_OK;
}

const char *clv_segment_name(clv_segment_class segment)
{
    switch (segment) {
    case CLV_SEGMENT_LOW:
        return "low";
    case CLV_SEGMENT_MEDIUM:
        return "medium";
    case CLV_SEGMENT_HIGH:
        return "high";
    default:
        return "none";
    }
}
