/*
 * pg_arrays.c -- the core's functions over lists (cac over channels,
 * funnel_budget, clv_segment) on float8[] arguments.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "clvkit/economics.h"
#include "pg_errors.h"

PG_FUNCTION_INFO_V1(clvkit_cac_channels);
PG_FUNCTION_INFO_V1(clvkit_funnel_budget);
PG_FUNCTION_INFO_V1(clvkit_segment);

/* The elements of a one-dimensional float8[] argument, palloc'd; NULL
 * elements and more dimensions are errors naming the parameter. */
static double *float8_list(const char *fn, const char *param, ArrayType *a,
                           size_t *n)
{
    Datum *items;
    bool *nulls;
    int count;

    if (ARR_NDIM(a) > 1)
        clvpg_fail(fn, CLV_EINVAL, param, CLV_FAULT_NONE,
                   "must be a one-dimensional array", 0, 0);
    deconstruct_array(a, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
                      TYPALIGN_DOUBLE, &items, &nulls, &count);
    double *v = palloc(sizeof(double) * (count > 0 ? (size_t)count : 1));
    for (int i = 0; i < count; i++) {
        if (nulls[i])
            clvpg_fail(fn, CLV_EINVAL, param, (size_t)i, "is NULL", 0, 0);
        v[i] = DatumGetFloat8(items[i]);
    }
    *n = (size_t)count;
    return v;
}

/* A fault of a core call: params and values by the fault's argument position
 * in the C call (a list's length included).  TODO(issue 11): the core's fault
 * will carry the parameter's name; then this map goes. */
static void fail_at(const char *fn, clv_status st, const clv_fault *f,
                    const char *const *params, size_t nparams,
                    const double *const *values)
{
    int named = f->arg < nparams;
    int has_got = named && values[f->arg] != NULL;
    double got = 0;
    if (has_got)
        got = values[f->arg][f->element == CLV_FAULT_NONE ? 0 : f->element];
    clvpg_fail(fn, st, named ? params[f->arg] : NULL, named ? f->element : CLV_FAULT_NONE,
               f->reason, has_got, got);
}

Datum clvkit_cac_channels(PG_FUNCTION_ARGS)
{
    static const char *const params[] = {"spend", "customers", "customers"};
    size_t ns, nc;
    double *spend = float8_list("cac", params[0], PG_GETARG_ARRAYTYPE_P(0), &ns);
    double *customers = float8_list("cac", params[1], PG_GETARG_ARRAYTYPE_P(1), &nc);
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};

    if (ns != nc)
        clvpg_fail("cac", CLV_EINVAL, params[1], CLV_FAULT_NONE,
                   "must have as many elements as spend", 0, 0);
    clv_status st = clv_cac(spend, customers, ns, &out, &f);
    if (st != CLV_OK) {
        const double *values[] = {spend, customers, NULL};
        fail_at("cac", st, &f, params, 3, values);
    }
    PG_RETURN_FLOAT8(out);
}

Datum clvkit_funnel_budget(PG_FUNCTION_ARGS)
{
    static const char *const params[] = {"max_cac", "rates", "rates"};
    double max_cac = PG_GETARG_FLOAT8(0);
    size_t n;
    double *rates = float8_list("funnel_budget", params[1], PG_GETARG_ARRAYTYPE_P(1), &n);
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};

    clv_status st = clv_funnel_budget(max_cac, rates, n, &out, &f);
    if (st != CLV_OK) {
        const double *values[] = {&max_cac, rates, NULL};
        fail_at("funnel_budget", st, &f, params, 3, values);
    }
    PG_RETURN_FLOAT8(out);
}

Datum clvkit_segment(PG_FUNCTION_ARGS)
{
    static const char *const params[] = {"value", "values", "values", "high_share", "low_share"};
    double value = PG_GETARG_FLOAT8(0);
    size_t n;
    double *values = float8_list("clv_segment", params[1], PG_GETARG_ARRAYTYPE_P(1), &n);
    double high = PG_GETARG_FLOAT8(2), low = PG_GETARG_FLOAT8(3);
    clv_segment_class out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};

    clv_status st = clv_segment(value, values, n, high, low, &out, &f);
    if (st != CLV_OK) {
        const double *got[] = {&value, values, NULL, &high, &low};
        fail_at("clv_segment", st, &f, params, 5, got);
    }
    PG_RETURN_TEXT_P(cstring_to_text(clv_segment_name(out)));
}
