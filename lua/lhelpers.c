/*
 * lhelpers.c -- the leaf of the Lua binding, as lauxlib is Lua's: argument
 * checks and error messages that name clvkit's functions and arguments,
 * class metatables and a clock.  It knows no clvkit function; every other
 * file of the binding uses it and nothing here uses them.
 */
#define _DEFAULT_SOURCE /* clock_gettime */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lauxlib.h"
#include "lua.h"

#include "clvkit/rfm.h"
#include "clvkit/status.h"
#include "lhelpers.h"

/* ---- error messages ----------------------------------------------------- */

/* "got -1", "got nan": the value as the user would recognise it. */
const char *show_number(lua_State *L, double x)
{
    if (isnan(x))
        return lua_pushliteral(L, "nan");
    if (isinf(x))
        return lua_pushstring(L, x > 0 ? "inf" : "-inf");
    char buf[64];
    snprintf(buf, sizeof buf, "%.14g", x);
    return lua_pushstring(L, buf);
}

#define INTERNAL_KEY "clvkit.internal" /* registry: {[chunk source] = true} */

/* Pushes "file:line:" of the first caller outside the Lua files of clvkit
 * that declared themselves internal (core.internal()), so an error points at
 * the user's line, as luaL_where(L, 1) does for direct calls. */
static void push_where(lua_State *L)
{
    lua_Debug ar;
    int hidden = lua_getfield(L, LUA_REGISTRYINDEX, INTERNAL_KEY) == LUA_TTABLE;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (hidden) {
            int internal = lua_getfield(L, -1, ar.source) != LUA_TNIL;
            lua_pop(L, 1);
            if (internal)
                continue;
        }
        if (ar.currentline > 0) {
            lua_pop(L, 1);
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
        break;
    }
    lua_pop(L, 1);
    lua_pushliteral(L, "");
}

/* core.internal(): the calling Lua file wraps clvkit's functions; errors
 * raised through it point past it, at its caller. */
int clvkit_internal(lua_State *L)
{
    lua_Debug ar;
    if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "S", &ar))
        return 0;
    if (lua_getfield(L, LUA_REGISTRYINDEX, INTERNAL_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, INTERNAL_KEY);
    }
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, ar.source);
    return 0;
}

/* Raises "bad argument #pos to 'fname' (msg)".  Like luaL_argerror, but the
 * function is always named as clvkit knows it, however the caller reached
 * it (ck.clv, a local alias, pcall). */
int bad_arg(lua_State *L, const char *fname, int pos, const char *msg)
{
    push_where(L);
    lua_pushfstring(L, "bad argument #%d to '%s' (%s)", pos, fname, msg);
    lua_concat(L, 2);
    return lua_error(L);
}

/* Raises "bad argument #pos to 'f' (name[element] reason, got value)";
 * element is 0-based or CLV_FAULT_NONE, value NULL when not shown. */
int arg_error(lua_State *L, const char *fname, int pos, const char *name, size_t element,
              const char *reason, const double *value)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, name);
    if (element != CLV_FAULT_NONE) {
        lua_pushfstring(L, "[%d]", (int)element + 1);
        luaL_addvalue(&b);
    }
    luaL_addchar(&b, ' ');
    luaL_addstring(&b, reason);
    if (value) {
        luaL_addstring(&b, ", got ");
        show_number(L, *value);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    return bad_arg(L, fname, pos, lua_tostring(L, -1));
}

/* The message and kind of error Lua itself raises when memory runs out
 * (no position: it is not the line's fault). */
int memory_error(lua_State *L)
{
    lua_pushliteral(L, "not enough memory");
    return lua_error(L);
}

/* A fault no single argument is to blame for (an overflowing result). */
int result_error(lua_State *L, const char *fname, clv_status st, const clv_fault *f)
{
    if (st == CLV_ENOMEM)
        return memory_error(L);
    push_where(L);
    lua_pushfstring(L, "%s: %s (%s)", fname, f->reason ? f->reason : "", clv_strerror(st));
    lua_concat(L, 2);
    return lua_error(L);
}

/* ---- named-argument tables ---------------------------------------------- */

/* Rejects keys of the table at `idx` that are not in names[0..n-1]
 * (a typo in {retention = ...} must not pass silently). */
void check_keys(lua_State *L, const char *fname, int idx, int pos, const char *const *names,
                size_t n)
{
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        size_t i = n, len;
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tolstring(L, -1, &len); /* may hold NUL bytes */
            for (i = 0; i < n && !(strlen(names[i]) == len && memcmp(k, names[i], len) == 0); i++)
                ;
        }
        if (i == n)
            bad_arg(L, fname, pos,
                    lua_pushfstring(L, "unknown argument '%s'", luaL_tolstring(L, -1, NULL)));
    }
}

/* Field `name` of the table at idx as a number: nil gives `def` when
 * optional, else an error naming the field. */
double field_number(lua_State *L, const char *fname, int idx, int pos, const char *name,
                    int optional, double def)
{
    int t = lua_getfield(L, idx, name);
    double v = def;
    if (t == LUA_TNUMBER)
        v = lua_tonumber(L, -1);
    else if (t != LUA_TNIL || !optional) {
        const char *msg = t == LUA_TNIL ? lua_pushfstring(L, "missing '%s'", name)
                                        : lua_pushfstring(L, "%s: number expected, got %s", name,
                                                          luaL_typename(L, -1));
        bad_arg(L, fname, pos, msg);
    }
    lua_pop(L, 1);
    return v;
}

/* Reads the sequence at `idx` into a new userdata block (collected by the
 * GC even if an error follows) and returns it; *n receives its length. */
/* No sequence is longer than this: 2^40 numbers would be 8 TB. */
#define MAX_SEQUENCE ((lua_Unsigned)1 << 40)

double *check_sequence(lua_State *L, const char *fname, int idx, const char *name, size_t *n,
                       int argpos)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        bad_arg(L, fname, argpos,
                lua_pushfstring(L, "%s: table expected, got %s", name, luaL_typename(L, idx)));
    idx = lua_absindex(L, idx);
    lua_Integer len = luaL_len(L, idx); /* may come from a __len metamethod */
    if (len < 0 || (lua_Unsigned)len > MAX_SEQUENCE)
        bad_arg(L, fname, argpos,
                lua_pushfstring(L, "%s has a length of %I, not between 0 and %I", name, len,
                                (lua_Integer)MAX_SEQUENCE));
    *n = (size_t)len;
    double *v = (double *)lua_newuserdatauv(L, (*n ? *n : 1) * sizeof(double), 0);
    for (lua_Integer i = 1; i <= len; i++) {
        if (lua_geti(L, idx, i) != LUA_TNUMBER)
            bad_arg(L, fname, argpos,
                    lua_pushfstring(L, "%s[%d]: number expected, got %s", name, (int)i,
                                    luaL_typename(L, -1)));
        v[i - 1] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    return v;
}

void push_day(lua_State *L, double day)
{
    int y, m, d;
    if (clv_day_to_ymd(day, &y, &m, &d) == CLV_OK)
        lua_pushfstring(L, "%d-%s%d-%s%d", y, m < 10 ? "0" : "", m, d < 10 ? "0" : "", d);
    else
        lua_pushnil(L);
}

void set_number_field(lua_State *L, const char *k, double v)
{
    if (isnan(v))
        lua_pushnil(L);
    else
        lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Argument `pos` of fname as a number (or `def` when optional and nil). */
double check_number(lua_State *L, const char *fname, int idx, int pos, const char *name,
                    int optional, double def)
{
    if (optional && lua_isnoneornil(L, idx))
        return def;
    if (lua_type(L, idx) != LUA_TNUMBER)
        bad_arg(L, fname, pos,
                lua_pushfstring(L, "%s: number expected, got %s", name, luaL_typename(L, idx)));
    return lua_tonumber(L, idx);
}

void define_class(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods)
{
    luaL_newmetatable(L, name);
    luaL_setfuncs(L, meta, 0);
    if (methods) {
        lua_newtable(L);
        luaL_setfuncs(L, methods, 0);
        lua_setfield(L, -2, "__index");
    }
}
