/*
 * lprogress.c -- the progress of the binding's long calls (lprogress.h):
 * one way to report, stop and interrupt for fits, reads and predictions.
 */
#define _DEFAULT_SOURCE /* fileno, isatty */

#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "lauxlib.h"
#include "lua.h"

#include "lhelpers.h"
#include "lprogress.h"

/* NOMEM: no stack for the Lua function's call (it must not raise inside
 * the core's callback: that would jump over the core's cleanup). */
enum { GOING, STOPPED, FAILED, INTERRUPTED, NOMEM };

void lprogress_init(lprogress *p, lua_State *L, const char *name, int fn)
{
    *p = (lprogress){name, now_seconds(), isatty(fileno(stderr)), 0, L, fn, lua_gethook(L), GOING};
}

int lprogress_option(lua_State *L, const char *fname, int idx, int pos)
{
    int t = lua_getfield(L, idx, "progress");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TFUNCTION)
        bad_arg(L, fname, pos,
                lua_pushfstring(L, "progress: function expected, got %s", luaL_typename(L, -1)));
    return lua_gettop(L);
}

/* 1 when the call is to stop before the Lua function is asked (Ctrl-C). */
static int interrupted(lprogress *p)
{
    if (lua_gethook(p->L) == p->hook)
        return 0;
    p->outcome = INTERRUPTED;
    return 1;
}

/* Room for the Lua function's call: 0 (and the call stopped) without. */
static int room(lprogress *p)
{
    if (lua_checkstack(p->L, 4))
        return 1;
    p->outcome = NOMEM;
    return 0;
}

/* Calls the Lua function with the nargs values on top; 1 to stop. */
static int ask(lprogress *p, int nargs)
{
    lua_State *L = p->L;
    lua_pushvalue(L, p->fn);
    lua_insert(L, -nargs - 1);
    if (lua_pcall(L, nargs, 1, 0) != LUA_OK) { /* raised after the core returns */
        p->outcome = FAILED;
        return 1;
    }
    int stop = lua_isboolean(L, -1) && !lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (stop)
        p->outcome = STOPPED;
    return stop;
}

static void push_or_nil(lua_State *L, double v)
{
    if (isnan(v))
        lua_pushnil(L);
    else
        lua_pushnumber(L, v);
}

/* Whether to draw the terminal line now. */
static int show(lprogress *p)
{
    if (!p->tty || now_seconds() - p->start <= 1)
        return 0;
    p->shown = 1;
    return 1;
}

int lprogress_fit(void *data, size_t iteration, double loglik)
{
    lprogress *p = (lprogress *)data;
    if (interrupted(p))
        return 1;
    if (p->fn) {
        if (!room(p))
            return 1;
        lua_pushinteger(p->L, (lua_Integer)iteration);
        push_or_nil(p->L, loglik);
        return ask(p, 2);
    }
    if (!isnan(loglik) && show(p))
        fprintf(stderr, "\rfitting %s: iteration %zu, log-likelihood %.6f", p->name, iteration,
                loglik);
    return 0;
}

int lprogress_share(void *data, size_t step, double share)
{
    lprogress *p = (lprogress *)data;
    (void)step;
    if (interrupted(p))
        return 1;
    if (p->fn) {
        if (!room(p))
            return 1;
        lua_pushnumber(p->L, share);
        return ask(p, 1);
    }
    if (show(p))
        fprintf(stderr, "\r%s: %3.0f%%", p->name, 100 * share);
    return 0;
}

int lprogress_read(void *data, size_t rows, double fraction)
{
    lprogress *p = (lprogress *)data;
    if (interrupted(p))
        return 1;
    if (p->fn) {
        if (!room(p))
            return 1;
        lua_pushinteger(p->L, (lua_Integer)rows);
        push_or_nil(p->L, fraction);
        return ask(p, 2);
    }
    if (show(p)) {
        if (isnan(fraction))
            fprintf(stderr, "\r%s: %zu rows", p->name, rows);
        else
            fprintf(stderr, "\r%s: %zu rows, %3.0f%%", p->name, rows, 100 * fraction);
    }
    return 0;
}

int lprogress_end(lprogress *p, clv_status st)
{
    lua_State *L = p->L;
    if (p->shown)
        fprintf(stderr, "\n");
    if (p->outcome == FAILED)
        return lua_error(L);
    if (p->outcome == NOMEM)
        return memory_error(L);
    if (p->outcome == GOING)
        return 0;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p->name,
                    p->outcome == STOPPED ? "stopped by the progress function" : "interrupted");
    lua_pushinteger(L, st);
    return 3;
}
