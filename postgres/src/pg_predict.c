/*
 * pg_predict.c -- predictions from a clv_model, one SQL function each, with
 * the core's argument order (so an error names the SQL argument at the
 * core's fault position).  The model's kind picks the core function.
 */
#include "postgres.h"

#include "fmgr.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "clvkit/retention.h"
#include "pg_errors.h"
#include "pg_model.h"

/* Raises the core's error for this call. */
static void fail_call(FunctionCallInfo fcinfo, clv_status st, const clv_fault *f)
{
    size_t nargs = (size_t)PG_NARGS();
    int named = f->arg < nargs;
    char *param = named ? clvpg_arg_name(fcinfo, f->arg) : NULL;
    int has_got = named && f->arg > 0 && get_fn_expr_argtype(fcinfo->flinfo, (int)f->arg) == FLOAT8OID;
    clvpg_fail(get_func_name(fcinfo->flinfo->fn_oid), st, param, CLV_FAULT_NONE, f->reason,
               has_got, has_got ? PG_GETARG_FLOAT8((int)f->arg) : 0);
}

/* The model argument, checked to be one of the kinds a function serves. */
static clv_model model_of(FunctionCallInfo fcinfo, int arg, unsigned kinds_mask)
{
    clv_model m = clvpg_model_core(PG_GETARG_CLVMODEL(arg));
    if (!(kinds_mask & (1u << m.kind))) {
        char *fn = get_func_name(fcinfo->flinfo->fn_oid);
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("%s: %s cannot be a %s model", fn,
                               clvpg_arg_name(fcinfo, (size_t)arg),
                               clv_model_name(m.kind))));
    }
    return m;
}

#define KIND(k) (1u << (k))
#define TX_KINDS (KIND(CLV_MODEL_BGNBD) | KIND(CLV_MODEL_MBGNBD) | KIND(CLV_MODEL_PNBD))

#define RETURN_RESULT(st, value, fault)                                         \
    do {                                                                        \
        if ((st) != CLV_OK)                                                     \
            fail_call(fcinfo, (st), &(fault));                                  \
        PG_RETURN_FLOAT8(value);                                                \
    } while (0)

PG_FUNCTION_INFO_V1(clvkit_palive);
Datum clvkit_palive(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, TX_KINDS | KIND(CLV_MODEL_BGBB));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    double a = PG_GETARG_FLOAT8(1), b = PG_GETARG_FLOAT8(2), c = PG_GETARG_FLOAT8(3);
    clv_status st = m.kind == CLV_MODEL_BGBB ? clv_bgbb_palive(&m, a, b, c, &out, &f)
                                             : clv_tx_palive(&m, a, b, c, &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_conditional_expected);
Datum clvkit_conditional_expected(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, TX_KINDS | KIND(CLV_MODEL_BGBB));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    double t = PG_GETARG_FLOAT8(1), x = PG_GETARG_FLOAT8(2), t_x = PG_GETARG_FLOAT8(3),
           T = PG_GETARG_FLOAT8(4);
    clv_status st = m.kind == CLV_MODEL_BGBB
                        ? clv_bgbb_conditional_expected(&m, t, x, t_x, T, &out, &f)
                        : clv_tx_conditional_expected(&m, t, x, t_x, T, &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_expected);
Datum clvkit_expected(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, TX_KINDS | KIND(CLV_MODEL_BGBB));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    double t = PG_GETARG_FLOAT8(1);
    clv_status st = m.kind == CLV_MODEL_BGBB ? clv_bgbb_expected(&m, t, &out, &f)
                                             : clv_tx_expected(&m, t, &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_pmf);
Datum clvkit_pmf(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, TX_KINDS | KIND(CLV_MODEL_BGBB));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    double n = PG_GETARG_FLOAT8(1), t = PG_GETARG_FLOAT8(2);
    clv_status st = m.kind == CLV_MODEL_BGBB ? clv_bgbb_pmf(&m, n, t, &out, &f)
                                             : clv_tx_pmf(&m, n, t, &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_spend);
Datum clvkit_spend(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, KIND(CLV_MODEL_GG));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_gg_spend(&m, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), &out, &f);
    RETURN_RESULT(st, out, f);
}

/* sBG: survival(model, t), retention(model, t), del(model, discount),
 * derl(model, discount, periods). */
PG_FUNCTION_INFO_V1(clvkit_sbg_survival);
Datum clvkit_sbg_survival(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, KIND(CLV_MODEL_SBG));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_sbg_survival(&m, PG_GETARG_FLOAT8(1), &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_sbg_retention);
Datum clvkit_sbg_retention(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, KIND(CLV_MODEL_SBG));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_sbg_retention(&m, PG_GETARG_FLOAT8(1), &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_sbg_del);
Datum clvkit_sbg_del(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, KIND(CLV_MODEL_SBG));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_sbg_del(&m, PG_GETARG_FLOAT8(1), &out, &f);
    RETURN_RESULT(st, out, f);
}

PG_FUNCTION_INFO_V1(clvkit_sbg_derl);
Datum clvkit_sbg_derl(PG_FUNCTION_ARGS)
{
    clv_model m = model_of(fcinfo, 0, KIND(CLV_MODEL_SBG));
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_sbg_derl(&m, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), &out, &f);
    RETURN_RESULT(st, out, f);
}

/* clv_predict(model, gg_model, x, t_x, T, mean_value, horizon, unit,
 * discount, margin): the core's options are the last four arguments, in the
 * order of the fault's elements (horizon, discount, period, margin) but for
 * unit, which SQL reads as text before discount. */
PG_FUNCTION_INFO_V1(clvkit_clv_predict);
Datum clvkit_clv_predict(PG_FUNCTION_ARGS)
{
    clv_model tx = model_of(fcinfo, 0, TX_KINDS);
    clv_model gg = model_of(fcinfo, 1, KIND(CLV_MODEL_GG));
    clv_clv_options o;
    clv_clv_options_init(&o);
    o.horizon = PG_GETARG_FLOAT8(6);
    char *unit = text_to_cstring(PG_GETARG_TEXT_PP(7));
    if (strcmp(unit, "model") != 0 && clv_time_unit_parse(unit, &o.period) != CLV_OK)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("clv_predict: unit must be day, week, month, year or "
                               "model, got \"%s\"", unit)));
    o.discount = PG_GETARG_FLOAT8(8);
    o.margin = PG_GETARG_FLOAT8(9);
    double out;
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_predict_clv(&tx, &gg, PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
                                    PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5), &o, &out, &f);
    if (st != CLV_OK && f.arg == 6 && f.element < 4) {
        static const size_t sql_arg[] = {6, 8, 7, 9}; /* horizon discount unit margin */
        f.arg = sql_arg[f.element];
    }
    RETURN_RESULT(st, out, f);
}
