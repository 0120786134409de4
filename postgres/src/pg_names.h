/*
 * pg_names.h -- how the SQL face reads the core's description: the SQL name
 * of a row, which rows serve an SQL call, and the shape of each fit on
 * customers.  Plain C (no server headers): the install-script generator and
 * the server module both use it, so the script and the calls agree.
 */
#ifndef CLVKIT_PG_NAMES_H
#define CLVKIT_PG_NAMES_H

#include <stddef.h>

#include "clvkit/describe.h"

#define CLVPG_MAX_COLUMNS 4

/* The SQL name of an array function's row (the row's name, but "cac" for
 * the cac over channels, an overload of the one-channel formula). */
const char *clvpg_sql_name(const clv_func *f);

/* 1 when the row's result is a class SQL shows as text (clv_segment). */
int clvpg_returns_text(const clv_func *f);

/* The array function called `name` in SQL, or NULL. */
const clv_func *clvpg_find_array(const char *name);

/* The prediction `method` of a model of `kind` with nargs arguments (model
 * included), or NULL. */
const clv_func *clvpg_find_prediction(const char *method, clv_model_kind kind, size_t nargs);

/* A fit on customers: the data columns (the fit's sequences before its
 * weights), whether it takes a time unit, and its row. */
typedef struct clvpg_fit_shape {
    const clv_func *fit;
    size_t width;
    const char *column[CLVPG_MAX_COLUMNS];
    int has_unit;
} clvpg_fit_shape;

/* 1 and *out when `kind` is fitted on weighted customers (an aggregate in
 * SQL), 0 otherwise (e.g. sBG, fitted on a survival curve). */
int clvpg_fit_shape_of(clv_model_kind kind, clvpg_fit_shape *out);

/* The kind of an aggregate called "<kind>_fit", or CLV_MODEL_NONE. */
clv_model_kind clvpg_kind_of_aggregate(const char *name);

#endif /* CLVKIT_PG_NAMES_H */
