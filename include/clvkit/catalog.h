/*
 * clvkit/catalog.h -- the scalar formulas of economics.h as data, for
 * bindings and bulk evaluation.
 *
 * Each scalar function (every function of economics.h whose arguments are
 * all numbers: clv, clv_margin, clv_ret, ltv_churn, clv_avg, lifetime,
 * churn_period, discount_period, cac, cac_payback, ltv_cac, max_cac,
 * sql_budget, roas_breakeven) is described by a read-only clv_fn: its
 * lower-case name, its parameters in order with their defaults, and the
 * domain rules that economics.h documents.  A binding can therefore fill in
 * defaults, name the offending argument in an error, and evaluate millions of
 * scenarios without one function call per scenario from its own language.
 *
 * The array functions (clv_cac over channels, clv_funnel_budget, clv_segment)
 * are not in the catalogue; "cac" here is the single-channel form.
 *
 * Everything here is immutable static data: thread-safe, nothing to free.
 */
#ifndef CLVKIT_CATALOG_H
#define CLVKIT_CATALOG_H

#include <stddef.h>

#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct clv_fn clv_fn; /* opaque, read-only */

/* Number of catalogued functions, and the i-th (NULL when i is too large). */
size_t clv_fn_count(void);
const clv_fn *clv_fn_at(size_t i);

/* The function with this lower-case name, or NULL. */
const clv_fn *clv_fn_find(const char *name);

/* Lower-case name, e.g. "clv". */
const char *clv_fn_name(const clv_fn *f);

/* Number of parameters, and how many leading ones are required. */
size_t clv_fn_nparams(const clv_fn *f);
size_t clv_fn_nrequired(const clv_fn *f);

/* Name of parameter i, e.g. "aov"; NULL when i is out of range. */
const char *clv_fn_param_name(const clv_fn *f, size_t i);

/* Index of the parameter with this name, or CLV_FAULT_NONE. */
size_t clv_fn_param_index(const clv_fn *f, const char *name);

/* Default of optional parameter i; NaN for a required one or a bad i. */
double clv_fn_param_default(const clv_fn *f, size_t i);

/* Evaluate f on nargs arguments (nrequired <= nargs <= nparams; missing
 * optional ones take their defaults).  Same result and status as the
 * economics.h function of the same name; `fault` (may be NULL) names the
 * offending argument on failure.  Errors: CLV_EINVAL for a bad nargs or NULL
 * pointers, otherwise those of the function. */
clv_status clv_fn_eval(const clv_fn *f, const double *args, size_t nargs, double *out,
                       clv_fault *fault);

/*
 * Evaluate f over the Cartesian product of one axis of values per parameter,
 * for rows [first, first + nrows) of the grid.  Row order is row-major in
 * parameter order: parameter 0 varies slowest, the last fastest, like nested
 * loops.  axes[i] points to lens[i] >= 1 values of parameter i (a fixed value
 * is an axis of length 1).  out receives nrows results; a scenario that fails
 * gets NaN and is counted in *nfailed (may be NULL).  Outer axis values are
 * validated when they change, so the cost per scenario is little more than
 * the formula itself.
 * Errors: CLV_EINVAL (NULL pointers, a zero length), CLV_ERANGE (the grid has
 * more rows than size_t holds, or first + nrows exceeds it).  Failed
 * scenarios are not an error of the call.
 */
clv_status clv_fn_sweep(const clv_fn *f, const double *const *axes, const size_t *lens,
                        size_t first, size_t nrows, double *out, size_t *nfailed);

/* Number of rows of a grid (product of lens), or CLV_ERANGE on overflow. */
clv_status clv_grid_rows(const size_t *lens, size_t naxes, size_t *rows);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_CATALOG_H */
