/* pg_errors.c -- core statuses as SQL errors (see pg_errors.h). */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "nodes/primnodes.h"
#include "catalog/pg_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "pg_errors.h"

PG_MODULE_MAGIC;

static int sqlstate_of(clv_status st)
{
    switch (st) {
    case CLV_ERANGE:
        return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
    case CLV_ENOMEM:
        return ERRCODE_OUT_OF_MEMORY;
    case CLV_EIO:
        return ERRCODE_IO_ERROR;
    case CLV_EFORMAT:
        return ERRCODE_INVALID_TEXT_REPRESENTATION;
    case CLV_ENOCONV:
    case CLV_ELOSS:
        return ERRCODE_DATA_EXCEPTION;
    default:
        return ERRCODE_INVALID_PARAMETER_VALUE;
    }
}

void clvpg_fail(const char *fn, clv_status st, const char *param, size_t element,
                const char *reason, int has_got, double got)
{
    const char *why = reason ? reason : clv_strerror(st);
    char where[160] = "";
    char value[64] = "";

    if (param && element != CLV_FAULT_NONE)
        snprintf(where, sizeof where, "%s[%zu] ", param, element + 1);
    else if (param)
        snprintf(where, sizeof where, "%s ", param);
    if (has_got)
        snprintf(value, sizeof value, ", got %.15g", got);
    ereport(ERROR, (errcode(sqlstate_of(st)), errmsg("%s: %s%s%s", fn, where, why, value)));
    pg_unreachable();
}

char *clvpg_arg_name(FunctionCallInfo fcinfo, size_t i)
{
    HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
    if (!HeapTupleIsValid(tuple))
        return NULL;
    Oid *types;
    char **names;
    char *modes;
    int n = get_func_arg_info(tuple, &types, &names, &modes);
    ReleaseSysCache(tuple);
    return names && i < (size_t)n && names[i][0] ? names[i] : NULL;
}

char *clvpg_called_name(FunctionCallInfo fcinfo)
{
    Aggref *agg = AggGetAggref(fcinfo);
    return get_func_name(agg ? agg->aggfnoid : fcinfo->flinfo->fn_oid);
}

int clvpg_arg_value(FunctionCallInfo fcinfo, const char *name, double *got)
{
    if (!name)
        return 0;
    for (int i = 0; i < PG_NARGS(); i++) {
        char *arg = clvpg_arg_name(fcinfo, (size_t)i);
        if (arg && strcmp(arg, name) == 0 && !PG_ARGISNULL(i) &&
            get_fn_expr_argtype(fcinfo->flinfo, i) == FLOAT8OID) {
            *got = PG_GETARG_FLOAT8(i);
            return 1;
        }
    }
    return 0;
}
