/*
 * linit.c -- the entry of module "clvkit.core", as Lua's linit.c: a table of
 * openers, each adding its part of the binding to the module table.  The
 * graph is one-way: linit -> lformulas, lmodels, lrfm -> lhelpers (and lrfm
 * -> lmodels for the sBG of a cohort).
 */
#include "lauxlib.h"
#include "lua.h"

#include "clvkit/clvkit.h"
#include "lhelpers.h"
#include "lopen.h"

static void (*const openers[])(lua_State *L) = {
    clvkit_open_formulas,    /* lformulas.c: formulas, arrays, columns, sweeps */
    clvkit_open_models,      /* lmodels.c: model objects, fits, predictions */
    clvkit_open_rfm,         /* lrfm.c: transaction logs, summaries, cohorts */
    clvkit_open_diagnostics, /* ldiagnostics.c: diagnostics and intervals (after models) */
};

/* The only exported symbol (the module is built with hidden visibility);
 * declared here because no header needs it: Lua finds it by name. */
int luaopen_clvkit_core(lua_State *L);
__attribute__((visibility("default"))) int luaopen_clvkit_core(lua_State *L)
{
    if (clv_version_number() != CLV_VERSION_NUMBER)
        return luaL_error(L, "clvkit: binding built for C library %s, loaded %s", CLV_VERSION,
                          clv_version());
    lua_newtable(L);
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
        openers[i](L);
    lua_pushcfunction(L, clvkit_internal);
    lua_setfield(L, -2, "internal");
    lua_pushliteral(L, "clvkit " CLV_VERSION);
    lua_setfield(L, -2, "_VERSION");
    return 1;
}
