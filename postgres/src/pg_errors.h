/*
 * pg_errors.h -- how the PostgreSQL face turns a core status into an SQL
 * error: SQLSTATE from the status, a message that names the function and the
 * parameter ("clv: years must be >= 0, got -1").
 */
#ifndef CLVKIT_PG_ERRORS_H
#define CLVKIT_PG_ERRORS_H

#include "clvkit/status.h"

/* Raises the error for status st of SQL function fn (never returns).  param
 * names the offending parameter (NULL when no single one is to blame);
 * element is its 0-based element for an array parameter, or CLV_FAULT_NONE
 * (shown 1-based, as SQL arrays count); got is the offending value when
 * has_got. */
void clvpg_fail(const char *fn, clv_status st, const char *param, size_t element,
                const char *reason, int has_got, double got) __attribute__((noreturn));

/* The SQL name of argument i of the function being called (palloc'd), or
 * NULL.  The prediction functions take their arguments in the core's order,
 * so the core's fault position is the SQL argument's position.
 * TODO(issue 11): the core's fault will carry the name itself. */
struct FunctionCallInfoBaseData;
char *clvpg_arg_name(struct FunctionCallInfoBaseData *fcinfo, size_t i);

/* The value of the float8 argument of the called function named `name`
 * into *got: 1, or 0 when there is none (an error message then says less). */
int clvpg_arg_value(struct FunctionCallInfoBaseData *fcinfo, const char *name, double *got);

/* The SQL name of the aggregate (or function) being called, palloc'd. */
char *clvpg_called_name(struct FunctionCallInfoBaseData *fcinfo);

#endif /* CLVKIT_PG_ERRORS_H */
