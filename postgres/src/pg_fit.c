/*
 * pg_fit.c -- model fits as aggregates.  The state is the core's tally of
 * distinct rows with counts (clvkit/tally.h): rows are added where they are
 * (a parallel worker, a shard), partial tallies are combined and travel as
 * bytea, and the final function fits once over the merged tally.  Because
 * the tally's columns are sorted, a parallel fit equals the serial one.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/memutils.h"
#include "utils/builtins.h"
#include "catalog/pg_type.h"

#include "clvkit/retention.h"
#include "clvkit/tally.h"
#include "pg_errors.h"
#include "pg_model.h"
#include "pg_names.h"

/* The state lives in the aggregate's memory context; the tally is the
 * core's (malloc'd), freed when that context goes. */
typedef struct tally_state {
    clv_tally *tally;
    int32 unit; /* clv_time_unit of the rows, -1 when not given */
    MemoryContextCallback free_tally;
} tally_state;

static void free_tally(void *arg)
{
    tally_state *s = arg;
    clv_tally_free(s->tally);
    s->tally = NULL;
}

static MemoryContext aggregate_context(FunctionCallInfo fcinfo, const char *fn)
{
    MemoryContext ctx;
    if (!AggCheckCallContext(fcinfo, &ctx))
        ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("%s called outside an aggregate", fn)));
    return ctx;
}

static tally_state *state_new(MemoryContext ctx, size_t width, clv_tally *tally)
{
    tally_state *s = MemoryContextAllocZero(ctx, sizeof *s);
    s->tally = tally ? tally : clv_tally_create(width);
    s->unit = -1;
    if (!s->tally)
        ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    s->free_tally.func = free_tally;
    s->free_tally.arg = s;
    MemoryContextRegisterResetCallback(ctx, &s->free_tally);
    return s;
}

/* The unit argument after the row, the same in every row of a group. */
static void take_unit(FunctionCallInfo fcinfo, tally_state *s, int arg)
{
    if (PG_NARGS() <= arg || PG_ARGISNULL(arg))
        return;
    char *name = text_to_cstring(PG_GETARG_TEXT_PP(arg));
    clv_time_unit unit;
    if (clv_time_unit_parse(name, &unit) != CLV_OK)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("%s: unit must be day, week, month or year, got \"%s\"",
                               clvpg_called_name(fcinfo), name)));
    if (s->unit >= 0 && s->unit != (int32)unit)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("%s: unit must be the same in every row, got %s and %s",
                               clvpg_called_name(fcinfo),
                               clv_time_unit_name((clv_time_unit)s->unit), name)));
    s->unit = (int32)unit;
}

/* The fit of the aggregate being computed: its kind from its SQL name
 * ("bgnbd_fit"), its columns and unit from the core's description. */
static clvpg_fit_shape shape_of_call(FunctionCallInfo fcinfo)
{
    char *name = clvpg_called_name(fcinfo);
    clvpg_fit_shape s;
    if (!clvpg_fit_shape_of(clvpg_kind_of_aggregate(name), &s))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_FUNCTION),
                        errmsg("clvkit has no fit aggregate named \"%s\"", name)));
    return s;
}

/* Adds one row of float8 arguments after the state (and an optional unit).
 * A row with a NULL is left out, as avg() leaves out NULLs. */
PG_FUNCTION_INFO_V1(clvkit_fit_add);
Datum clvkit_fit_add(PG_FUNCTION_ARGS)
{
    MemoryContext ctx = aggregate_context(fcinfo, "a fit's transition");
    clvpg_fit_shape shape = shape_of_call(fcinfo);
    size_t width = shape.width;
    for (size_t j = 1; j <= width; j++)
        if (PG_ARGISNULL((int)j)) {
            if (PG_ARGISNULL(0))
                PG_RETURN_NULL();
            PG_RETURN_DATUM(PG_GETARG_DATUM(0));
        }
    tally_state *s =
        PG_ARGISNULL(0) ? state_new(ctx, width, NULL) : (tally_state *)PG_GETARG_POINTER(0);
    take_unit(fcinfo, s, (int)width + 1);
    double row[CLV_TALLY_MAXWIDTH];
    for (size_t j = 0; j < width; j++)
        row[j] = PG_GETARG_FLOAT8((int)j + 1);
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_tally_add(s->tally, row, 1, &fault);
    if (st != CLV_OK) {
        int named = fault.arg == 1 && fault.element < width;
        clvpg_fail(clvpg_called_name(fcinfo), st, named ? shape.column[fault.element] : NULL,
                   CLV_FAULT_NONE, fault.reason, named, named ? row[fault.element] : 0);
    }
    PG_RETURN_POINTER(s);
}

/* ---- combine, serialise, deserialise ------------------------------------- */

PG_FUNCTION_INFO_V1(clvkit_fit_combine);
PG_FUNCTION_INFO_V1(clvkit_fit_serialize);
PG_FUNCTION_INFO_V1(clvkit_fit_deserialize);

Datum clvkit_fit_combine(PG_FUNCTION_ARGS)
{
    MemoryContext ctx = aggregate_context(fcinfo, "tally_combine");
    if (PG_ARGISNULL(1))
        PG_RETURN_DATUM(PG_GETARG_DATUM(0)); /* NULL if both are */
    tally_state *from = (tally_state *)PG_GETARG_POINTER(1);
    tally_state *into = PG_ARGISNULL(0) ? state_new(ctx, clv_tally_width(from->tally), NULL)
                                        : (tally_state *)PG_GETARG_POINTER(0);
    if (into->unit < 0)
        into->unit = from->unit;
    else if (from->unit >= 0 && from->unit != into->unit)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("%s: unit must be the same in every row", clvpg_called_name(fcinfo))));
    clv_status st = clv_tally_merge(into->tally, from->tally);
    if (st != CLV_OK)
        clvpg_fail("tally_combine", st, NULL, CLV_FAULT_NONE, NULL, 0, 0);
    PG_RETURN_POINTER(into);
}

Datum clvkit_fit_serialize(PG_FUNCTION_ARGS)
{
    tally_state *s = (tally_state *)PG_GETARG_POINTER(0);
    size_t size = clv_tally_size(s->tally);
    if (size > MaxAllocSize - VARHDRSZ)
        ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                        errmsg("fit state of %zu distinct rows is too large to send",
                               clv_tally_rows(s->tally))));
    /* the unit (4 bytes, host order: the bytes stay in one cluster), then
     * the core's portable tally */
    bytea *out = palloc(VARHDRSZ + 4 + size);
    SET_VARSIZE(out, VARHDRSZ + 4 + size);
    memcpy(VARDATA(out), &s->unit, 4);
    clv_tally_write(s->tally, (unsigned char *)VARDATA(out) + 4, size);
    PG_RETURN_BYTEA_P(out);
}

Datum clvkit_fit_deserialize(PG_FUNCTION_ARGS)
{
    MemoryContext ctx = aggregate_context(fcinfo, "tally_deserialize");
    bytea *in = PG_GETARG_BYTEA_PP(0);
    clv_tally *t = NULL;
    int32 unit = -1;
    size_t size = VARSIZE_ANY_EXHDR(in);
    clv_status st = CLV_EFORMAT;
    if (size >= 4) {
        memcpy(&unit, VARDATA_ANY(in), 4);
        st = clv_tally_read((const unsigned char *)VARDATA_ANY(in) + 4, size - 4, &t);
    }
    if (st != CLV_OK || unit < -1 || unit > CLV_UNIT_YEAR) {
        clv_tally_free(t);
        clvpg_fail("tally_deserialize", st == CLV_OK ? CLV_EFORMAT : st, NULL, CLV_FAULT_NONE,
                   "the fit state is damaged", 0, 0);
    }
    tally_state *s = state_new(ctx, 0, t);
    s->unit = unit;
    PG_RETURN_POINTER(s);
}

/* ---- final: the fit ------------------------------------------------------ */

/* A fit's complaint about one row of the data: the column the core blames,
 * its reason, and that row. */
static void fail_fit(const char *fn, clv_status st, const clv_fault *fault,
                     const clvpg_fit_shape *shape, const double *const *col, size_t n)
{
    const char *why = fault->reason ? fault->reason : clv_strerror(st);
    if (fault->element == CLV_FAULT_NONE || fault->element >= n)
        clvpg_fail(fn, st, NULL, CLV_FAULT_NONE, why, 0, 0);
    StringInfoData row;
    initStringInfo(&row);
    for (size_t j = 0; j < shape->width; j++)
        appendStringInfo(&row, "%s%s=%g", j ? ", " : "", shape->column[j], col[j][fault->element]);
    clvpg_fail(fn, st, clv_fault_param(shape->fit, fault), CLV_FAULT_NONE,
               psprintf("%s (in the row %s)", why, row.data), 0, 0);
}

/* The fit, once, over the merged tally. */
PG_FUNCTION_INFO_V1(clvkit_fit_final);
Datum clvkit_fit_final(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL(); /* no rows: no model, as avg() of nothing */
    char *fn = clvpg_called_name(fcinfo);
    clv_model_kind kind = clvpg_kind_of_aggregate(fn);
    clvpg_fit_shape shape = shape_of_call(fcinfo);
    tally_state *s = (tally_state *)PG_GETARG_POINTER(0);
    const double *col[CLV_TALLY_MAXWIDTH + 1], *w;
    clv_status st = clv_tally_columns(s->tally, col, &w);
    size_t n = clv_tally_rows(s->tally);
    col[shape.width] = w; /* the fit's sequences: the columns, then the weights */
    clv_model m;
    clv_fit_info info;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    if (st == CLV_OK)
        st = clv_func_fit(shape.fit, kind, col, n, 0,
                          s->unit < 0 ? CLV_UNIT_NONE : (clv_time_unit)s->unit, NULL, &m, &info,
                          &fault);
    if (st != CLV_OK)
        fail_fit(fn, st, &fault, &shape, col, n);
    PG_RETURN_POINTER(clvpg_model_make(&m, &info));
}

/* ---- sBG from survivors: a plain function over an array ------------------ */

PG_FUNCTION_INFO_V1(clvkit_sbg_fit);

Datum clvkit_sbg_fit(PG_FUNCTION_ARGS)
{
    ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
    Datum *items;
    bool *nulls;
    int count;
    if (ARR_NDIM(a) > 1)
        clvpg_fail("sbg_fit", CLV_EINVAL, "survivors", CLV_FAULT_NONE,
                   "must be a one-dimensional array", 0, 0);
    deconstruct_array(a, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &items, &nulls, &count);
    double *alive = palloc(sizeof(double) * (size_t)(count > 0 ? count : 1));
    for (int i = 0; i < count; i++) {
        if (nulls[i])
            clvpg_fail("sbg_fit", CLV_EINVAL, "survivors", (size_t)i, "is NULL", 0, 0);
        alive[i] = (double)DatumGetInt64(items[i]);
    }
    clv_model m;
    clv_fit_info info;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_sbg_fit(alive, (size_t)count, NULL, &m, &info, &fault);
    if (st != CLV_OK) {
        int at = fault.element != CLV_FAULT_NONE && fault.element < (size_t)count;
        clvpg_fail("sbg_fit", st, "survivors", at ? fault.element : CLV_FAULT_NONE, fault.reason,
                   at, at ? alive[fault.element] : 0);
    }
    PG_RETURN_POINTER(clvpg_model_make(&m, &info));
}
