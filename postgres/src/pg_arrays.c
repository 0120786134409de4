/*
 * pg_arrays.c -- the core's functions over lists (group ARRAY of the
 * description: cac over channels, funnel_budget, clv_segment) on float8[]
 * arguments.  The row says which argument is a number, a list or a list's
 * length; an error names the argument the core blames.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "clvkit/economics.h"
#include "pg_errors.h"
#include "pg_names.h"

PG_FUNCTION_INFO_V1(clvkit_array);

#define MAX_ARGS 8

/* The elements of a one-dimensional float8[] argument, palloc'd; NULL
 * elements and more dimensions are errors naming the argument. */
static double *float8_list(const char *fn, const char *param, ArrayType *a, size_t *n)
{
    Datum *items;
    bool *nulls;
    int count;

    if (ARR_NDIM(a) > 1)
        clvpg_fail(fn, CLV_EINVAL, param, CLV_FAULT_NONE, "must be a one-dimensional array", 0, 0);
    deconstruct_array(a, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &items,
                      &nulls, &count);
    double *v = palloc(sizeof(double) * (count > 0 ? (size_t)count : 1));
    for (int i = 0; i < count; i++) {
        if (nulls[i])
            clvpg_fail(fn, CLV_EINVAL, param, (size_t)i, "is NULL", 0, 0);
        v[i] = DatumGetFloat8(items[i]);
    }
    *n = (size_t)count;
    return v;
}

/* The row's arguments in C order: numbers, lists and their common length. */
typedef struct call_args {
    double num[MAX_ARGS];
    const double *list[MAX_ARGS];
    size_t n;
    const char *first_list; /* the name of the first list */
} call_args;

static void read_args(FunctionCallInfo fcinfo, const clv_func *f, const char *fn, call_args *c)
{
    int sql = 0;
    c->n = 0;
    c->first_list = NULL;
    for (size_t i = 0; i < clv_func_nargs(f) && i < MAX_ARGS; i++) {
        clv_arg a;
        clv_func_arg(f, i, &a);
        if (a.shape == CLV_SHAPE_NUMBER) {
            c->num[i] = PG_GETARG_FLOAT8(sql++);
        } else if (a.shape == CLV_SHAPE_SEQUENCE) {
            size_t n;
            c->list[i] = float8_list(fn, a.name, PG_GETARG_ARRAYTYPE_P(sql++), &n);
            if (c->first_list && n != c->n)
                clvpg_fail(fn, CLV_EINVAL, a.name, CLV_FAULT_NONE,
                           psprintf("must have as many elements as %s", c->first_list), 0, 0);
            c->first_list = c->first_list ? c->first_list : a.name;
            c->n = n;
        }
    }
}

/* The typed call of each array row (the core has no generic one). */
static clv_status call(const clv_func *f, const call_args *c, double *out, clv_fault *fault)
{
    const char *name = clv_func_name(f);
    if (strcmp(name, "cac_channels") == 0)
        return clv_cac(c->list[0], c->list[1], c->n, out, fault);
    if (strcmp(name, "funnel_budget") == 0)
        return clv_funnel_budget(c->num[0], c->list[1], c->n, out, fault);
    clv_segment_class cls = CLV_SEGMENT_NONE;
    clv_status st = clv_segment(c->num[0], c->list[1], c->n, c->num[3], c->num[4], &cls, fault);
    *out = (double)cls;
    return st;
}

Datum clvkit_array(PG_FUNCTION_ARGS)
{
    char *fn = get_func_name(fcinfo->flinfo->fn_oid);
    const clv_func *f = clvpg_find_array(fn);
    if (!f)
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_FUNCTION),
                        errmsg("clvkit has no function over lists named \"%s\"", fn)));
    call_args c;
    read_args(fcinfo, f, fn, &c);
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = call(f, &c, &out, &fault);
    if (st != CLV_OK) {
        clv_arg a = {0};
        int known = fault.arg < MAX_ARGS && clv_func_arg(f, fault.arg, &a);
        if (known && a.shape == CLV_SHAPE_LENGTH) /* SQL has no length: the lists */
            clvpg_fail(fn, st, c.first_list, CLV_FAULT_NONE, "must not be empty", 0, 0);
        int row = clv_fault_has_row(f, &fault);
        int has_got = known && (a.shape == CLV_SHAPE_NUMBER || row);
        double got = !has_got                      ? 0
                     : a.shape == CLV_SHAPE_NUMBER ? c.num[fault.arg]
                                                   : c.list[fault.arg][fault.element];
        clvpg_fail(fn, st, clv_fault_param(f, &fault), row ? fault.element : CLV_FAULT_NONE,
                   fault.reason, has_got, got);
    }
    if (clvpg_returns_text(f))
        PG_RETURN_TEXT_P(cstring_to_text(clv_segment_name((clv_segment_class)out)));
    PG_RETURN_FLOAT8(out);
}
