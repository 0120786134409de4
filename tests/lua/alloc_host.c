/*
 * alloc_host.c -- a Lua host for the allocation-failure test (issue 10): it
 * links the binding and the core into one program, so the script it runs
 * (alloc_failure.lua) can arm the core's thread-local allocation hook
 * (core_fail_after) and make Lua's own allocator fail (lua_fail_after).
 * The state is closed at the end so LeakSanitizer sees any C memory the
 * binding lost while Lua unwound.
 *
 * usage: clvkit-alloc-host SCRIPT [ARGS...]
 */
#include <stdio.h>
#include <stdlib.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#include "core/alloc.h"

int luaopen_clvkit_core(lua_State *L);

/* Lua's allocator, failing `fails` allocations after the next `after`. */
static long lua_after = -1, lua_fails, lua_count;

static void *lalloc(void *ud, void *p, size_t osize, size_t nsize)
{
    (void)ud, (void)osize;
    if (nsize == 0) {
        free(p);
        return NULL;
    }
    lua_count++;
    if (lua_after >= 0 && lua_count > lua_after && lua_fails > 0) {
        lua_fails--;
        return NULL;
    }
    return realloc(p, nsize);
}

/* core_fail_after(after [, sticky]) -> allocations since the last call */
static int core_fail_after(lua_State *L)
{
    long after = (long)luaL_checkinteger(L, 1);
    lua_pushinteger(L, clv_alloc_fail_after(after, lua_toboolean(L, 2)));
    return 1;
}

/* lua_fail_after(after [, fails = 2]) -> Lua allocations since the last
 * call.  Two failures by default: Lua retries once after a full collection. */
static int lua_fail_after(lua_State *L)
{
    long after = (long)luaL_checkinteger(L, 1);
    long fails = (long)luaL_optinteger(L, 2, 2);
    lua_after = -1; /* no failure while we return the count */
    lua_pushinteger(L, lua_count);
    lua_count = 0;
    lua_fails = fails;
    lua_after = after;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SCRIPT [ARGS...]\n", argv[0]);
        return 2;
    }
    lua_State *L = lua_newstate(lalloc, NULL);
    if (!L)
        return 1;
    luaL_openlibs(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, luaopen_clvkit_core);
    lua_setfield(L, -2, "clvkit.core");
    lua_pop(L, 1);
    lua_register(L, "core_fail_after", core_fail_after);
    lua_register(L, "lua_fail_after", lua_fail_after);
    lua_createtable(L, argc - 2, 0);
    for (int i = 2; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - 1);
    }
    lua_setglobal(L, "arg");
    int rc = luaL_dofile(L, argv[1]);
    if (rc != LUA_OK)
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
    lua_close(L);
    return rc == LUA_OK ? 0 : 1;
}
