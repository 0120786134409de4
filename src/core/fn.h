/*
 * fn.h -- internal: how a scalar formula is described (see clvkit/catalog.h).
 *
 * A formula file (value.c, acquisition.c) defines one `clv_fn` per function:
 * its parameters with their domains and defaults, an optional rule that
 * relates several arguments, and the bare formula.  All validation lives in
 * catalog.c and is driven by these descriptions, so the public functions,
 * the bindings and the sweeps share one set of checks.
 */
#ifndef CLVKIT_FN_H
#define CLVKIT_FN_H

#include <math.h>

#include "clvkit/catalog.h"
#include "clvkit/describe.h"
#include "clvkit/status.h"

#define CLV_FN_MAX_PARAMS 6

typedef struct clv_param {
    const char *name;
    clv_domain domain;
    double def; /* default; ignored for required parameters */
} clv_param;

struct clv_fn {
    const char *name;
    size_t nparams, nrequired;
    clv_param params[CLV_FN_MAX_PARAMS];
    /* Cross-argument rule, run after the domain checks; NULL if none. */
    clv_status (*rule)(const double *args, clv_fault *fault);
    /* The formula on valid arguments; may return +-inf, caught by the caller. */
    double (*formula)(const double *args);
    /* The same formula over n values of one argument (args[vary] takes each
     * of values[0..n-1] in turn), so sweeps run it without an indirect call
     * per scenario; a result that is not finite becomes NaN.  Returns the
     * number of such results.  Defined with CLV_BATCH below. */
    size_t (*batch)(double *args, size_t vary, const double *values, size_t n, double *out);
};

/* Defines `formula##_batch` from a static formula in the same file, where
 * the compiler can inline the formula into the loop. */
#define CLV_BATCH(formula)                                                                        \
    static size_t formula##_batch(double *restrict a, size_t vary, const double *restrict values, \
                                  size_t n, double *restrict out)                                 \
    {                                                                                             \
        size_t bad = 0;                                                                           \
        for (size_t j = 0; j < n; j++) {                                                          \
            a[vary] = values[j];                                                                  \
            double v = formula(a);                                                                \
            if (!isfinite(v)) {                                                                   \
                v = NAN;                                                                          \
                bad++;                                                                            \
            }                                                                                     \
            out[j] = v;                                                                           \
        }                                                                                         \
        return bad;                                                                               \
    }

/* Checks x against a domain: CLV_OK, or CLV_EINVAL (not finite) / CLV_EDOM
 * with *reason set to static text such as "must be >= 0". */
clv_status clv_domain_check(clv_domain d, double x, const char **reason);

/* Fills *fault when fault is not NULL; returns status, for tail calls. */
clv_status clv_fail(clv_fault *fault, size_t arg, size_t element, const char *reason,
                    clv_status status);

/* The catalogue entries, defined next to their formulas. */
extern const clv_fn clv_fn_clv, clv_fn_clv_margin, clv_fn_clv_ret, clv_fn_ltv_churn, clv_fn_clv_avg,
    clv_fn_lifetime, clv_fn_churn_period, clv_fn_discount_period;
extern const clv_fn clv_fn_cac, clv_fn_cac_payback, clv_fn_ltv_cac, clv_fn_max_cac,
    clv_fn_sql_budget, clv_fn_roas_breakeven;

#endif /* CLVKIT_FN_H */
