/*
 * pg_formulas.c -- every formula of the core's catalogue as one SQL function
 * each, all served by one C entry: the SQL name of the called function picks
 * the catalogue entry (cached per call site), so adding a formula to the core
 * adds it here with no code (pg_sqlgen writes the CREATE FUNCTION).
 */
#include "postgres.h"

#include <stdint.h>

#include "fmgr.h"
#include "utils/lsyscache.h"

#include "clvkit/catalog.h"
#include "pg_errors.h"

PG_FUNCTION_INFO_V1(clvkit_formula);

static const clv_fn *catalogue_entry(FunctionCallInfo fcinfo)
{
    uintptr_t cached = (uintptr_t)fcinfo->flinfo->fn_extra;
    if (cached == 0) {
        char *name = get_func_name(fcinfo->flinfo->fn_oid);
        size_t i = 0;
        while (name && i < clv_fn_count() && strcmp(clv_fn_name(clv_fn_at(i)), name) != 0)
            i++;
        if (!name || i == clv_fn_count())
            ereport(ERROR, (errcode(ERRCODE_UNDEFINED_FUNCTION),
                            errmsg("clvkit has no formula named \"%s\"", name ? name : "?")));
        cached = i + 1; /* 0 means "not looked up yet" */
        fcinfo->flinfo->fn_extra = (void *)cached;
    }
    return clv_fn_at(cached - 1);
}

Datum clvkit_formula(PG_FUNCTION_ARGS)
{
    const clv_fn *f = catalogue_entry(fcinfo);
    size_t nargs = (size_t)PG_NARGS();
    double args[16];
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};

    if (nargs > sizeof args / sizeof args[0])
        nargs = sizeof args / sizeof args[0]; /* the catalogue's limit is lower */
    for (size_t i = 0; i < nargs; i++)
        args[i] = PG_GETARG_FLOAT8((int)i);
    clv_status st = clv_fn_eval(f, args, nargs, &out, &fault);
    if (st != CLV_OK) {
        int named = fault.arg < nargs;
        clvpg_fail(clv_fn_name(f), st, named ? clv_fn_param_name(f, fault.arg) : NULL,
                   CLV_FAULT_NONE, fault.reason, named, named ? args[fault.arg] : 0);
    }
    PG_RETURN_FLOAT8(out);
}
