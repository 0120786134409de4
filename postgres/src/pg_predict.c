/*
 * pg_predict.c -- predictions from a clv_model.  One C entry serves every
 * prediction method of the description (group PREDICT): the SQL function's
 * name is the method, the model's kind picks the row, and the core's generic
 * call computes it; an error names the argument the core blames.
 * Discounted value (clv_predict, two models and options) has its own entry.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "pg_errors.h"
#include "pg_model.h"
#include "pg_names.h"

#define MAX_ARGS 8

/* The model kinds a method serves, for the message when the model is not
 * one of them. */
static char *kinds_of(const char *method, size_t nargs)
{
    StringInfoData s;
    int count = 0;
    initStringInfo(&s);
    for (size_t k = 1; k <= clv_model_kind_count(); k++)
        if (clvpg_find_prediction(method, (clv_model_kind)k, nargs))
            appendStringInfo(&s, "%s%s", count++ ? ", " : "", clv_model_name((clv_model_kind)k));
    return count > 1 ? psprintf("one of %s", s.data) : s.data;
}

/* Raises the core's error: the argument it blames, by name, and its value. */
static void fail_call(FunctionCallInfo fcinfo, const char *fn, const clv_func *f, clv_status st,
                      const clv_fault *fault)
{
    const char *param = clv_fault_param(f, fault);
    double got = 0;
    int has_got = clvpg_arg_value(fcinfo, param, &got);
    clvpg_fail(fn, st, param, CLV_FAULT_NONE, fault->reason, has_got, got);
}

PG_FUNCTION_INFO_V1(clvkit_predict);
Datum clvkit_predict(PG_FUNCTION_ARGS)
{
    char *method = get_func_name(fcinfo->flinfo->fn_oid);
    clv_model m = clvpg_model_core(PG_GETARG_CLVMODEL(0));
    size_t nargs = (size_t)PG_NARGS();
    const clv_func *f = clvpg_find_prediction(method, m.kind, nargs);
    if (!f)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("%s: model must be %s, got a %s model", method,
                               kinds_of(method, nargs), clv_model_name(m.kind))));
    double a[MAX_ARGS] = {0};
    for (size_t i = 1; i < nargs && i < MAX_ARGS; i++)
        a[i] = PG_GETARG_FLOAT8((int)i);
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_func_predict(f, &m, a + 1, nargs - 1, &out, &fault);
    if (st != CLV_OK)
        fail_call(fcinfo, method, f, st, &fault);
    PG_RETURN_FLOAT8(out);
}

/* clv_predict(model, gg_model, x, t_x, T, mean_value, horizon, unit,
 * discount, margin): the row "predict_clv" names a failing argument or
 * options field. */
PG_FUNCTION_INFO_V1(clvkit_clv_predict);
Datum clvkit_clv_predict(PG_FUNCTION_ARGS)
{
    const clv_func *f = clv_func_find("predict_clv");
    clv_model tx = clvpg_model_core(PG_GETARG_CLVMODEL(0));
    clv_model gg = clvpg_model_core(PG_GETARG_CLVMODEL(1));
    clv_clv_options o;
    clv_clv_options_init(&o);
    o.horizon = PG_GETARG_FLOAT8(6);
    char *unit = text_to_cstring(PG_GETARG_TEXT_PP(7));
    if (strcmp(unit, "model") != 0 && clv_time_unit_parse(unit, &o.period) != CLV_OK)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("clv_predict: unit must be day, week, month, year or "
                               "model, got \"%s\"",
                               unit)));
    o.discount = PG_GETARG_FLOAT8(8);
    o.margin = PG_GETARG_FLOAT8(9);
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_predict_clv(&tx, &gg, PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
                                    PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5), &o, &out, &fault);
    if (st != CLV_OK)
        fail_call(fcinfo, "clv_predict", f, st, &fault);
    PG_RETURN_FLOAT8(out);
}
