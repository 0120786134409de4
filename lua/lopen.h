/*
 * lopen.h -- internal to the Lua binding: the openers linit.c calls, each
 * adding its functions to the module table on top of the stack, and the one
 * function a part shares with another (lrfm.c pushes lmodels.c's models).
 */
#ifndef CLVKIT_LOPEN_H
#define CLVKIT_LOPEN_H

#include "lua.h"

void clvkit_open_formulas(lua_State *L); /* lformulas.c */
void clvkit_open_models(lua_State *L);   /* lmodels.c */
void clvkit_open_rfm(lua_State *L);      /* lrfm.c */

/* Pushes a model object (lmodels.c); info NULL for known parameters. */
struct clv_model;
struct clv_fit_info;
void clvkit_push_model(lua_State *L, const struct clv_model *m, const struct clv_fit_info *info);

#endif /* CLVKIT_LOPEN_H */
