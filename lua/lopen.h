/*
 * lopen.h -- internal to the Lua binding: the openers linit.c calls, each
 * adding its functions to the module table on top of the stack, and the one
 * functions a part shares with another (lrfm.c pushes lmodels.c's models,
 * lmodels.c lformulas.c's columns).
 */
#ifndef CLVKIT_LOPEN_H
#define CLVKIT_LOPEN_H

#include <stddef.h>

#include "lua.h"

void clvkit_open_formulas(lua_State *L);    /* lformulas.c */
void clvkit_open_models(lua_State *L);      /* lmodels.c */
void clvkit_open_rfm(lua_State *L);         /* lrfm.c */
void clvkit_open_diagnostics(lua_State *L); /* ldiagnostics.c: methods of the models */

/* Pushes a model object (lmodels.c); info NULL for known parameters. */
struct clv_model;
struct clv_fit_info;
void clvkit_push_model(lua_State *L, const struct clv_model *m, const struct clv_fit_info *info);

/* The model at idx (lmodels.c); *info (when info is not NULL) its fit's
 * information, or NULL for a model made from known parameters. */
const struct clv_model *clvkit_check_model(lua_State *L, int idx, const struct clv_fit_info **info);

/* The transaction log at idx (lrfm.c). */
struct clv_txlog;
struct clv_txlog *clvkit_check_log(lua_State *L, int idx);

/* A new box on the stack that frees what is stored in the returned slot
 * when collected: make it before the core call that allocates, so a Lua
 * error after that call cannot leak the result. */
void **clvkit_push_box(lua_State *L, void (*free_fn)(void *));

/* Pushes a new result column of n rows (lformulas.c: "clvkit.Column", NaN
 * marking a failed row) and returns its data, contents undefined. */
double *clvkit_push_column(lua_State *L, size_t n);
/* The data of the column at idx and its length, or NULL when the value is
 * not a column (lformulas.c). */
const double *clvkit_column_data(lua_State *L, int idx, size_t *n);

/* The array behind a summary's number column at idx (lrfm.c) and its
 * length, or NULL when the value is not one. */
const double *clvkit_summary_column(lua_State *L, int idx, size_t *n);
/* 1 when the value at idx is a summary (lrfm.c). */
int clvkit_is_summary(lua_State *L, int idx);

#endif /* CLVKIT_LOPEN_H */
