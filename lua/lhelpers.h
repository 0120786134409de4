/*
 * lhelpers.h -- internal to the Lua binding: the argument and error helpers
 * (lhelpers.c) every other file of the binding shares.  Every error names
 * the clvkit function as the user knows it.
 */
#ifndef CLVKIT_LHELPERS_H
#define CLVKIT_LHELPERS_H

#include <stddef.h>

#include "lauxlib.h"
#include "lua.h"

#include "clvkit/status.h"

/* Pushes x as the user would write it ("-1", "nan", "inf"); returns it. */
const char *show_number(lua_State *L, double x);

/* Raises "bad argument #pos to 'fname' (msg)". */
int bad_arg(lua_State *L, const char *fname, int pos, const char *msg);

/* Raises "bad argument #pos to 'fname' (name[element] reason, got value)";
 * element 0-based or CLV_FAULT_NONE, value NULL when not shown. */
int arg_error(lua_State *L, const char *fname, int pos, const char *name, size_t element,
              const char *reason, const double *value);

/* Raises "not enough memory", as Lua does when its own allocator fails: a
 * core allocation that failed (CLV_ENOMEM) is the same event for the user. */
int memory_error(lua_State *L);

/* Raises "fname: reason (status text)" for a fault no argument is to blame
 * for; "not enough memory" when st is CLV_ENOMEM. */
int result_error(lua_State *L, const char *fname, clv_status st, const clv_fault *f);

/* Rejects keys of the table at stack index idx that are not among
 * names[0..n-1]; errors name it as argument #pos. */
void check_keys(lua_State *L, const char *fname, int idx, int pos, const char *const *names,
                size_t n);

/* Field `name` of the table at stack index idx (argument #pos) as a number;
 * nil gives def when optional. */
double field_number(lua_State *L, const char *fname, int idx, int pos, const char *name,
                    int optional, double def);

/* The sequence at idx as a GC-owned block of doubles (pushed on the stack). */
double *check_sequence(lua_State *L, const char *fname, int idx, const char *name, size_t *n,
                       int argpos);

/* The value at stack index idx (argument #pos) as a number; nil gives def
 * when optional. */
double check_number(lua_State *L, const char *fname, int idx, int pos, const char *name,
                    int optional, double def);

/* Sets field k of the table on top to v, or to nil when v is NaN. */
void set_number_field(lua_State *L, const char *k, double v);

/* Pushes a day number as "YYYY-MM-DD", or nil when it has no date. */
void push_day(lua_State *L, double day);

/* Creates the metatable `name` (as liolib's createmeta): the metamethods in
 * meta and, when methods is not NULL, __index = a table of them.  Leaves the
 * metatable on the stack for any further fields. */
void define_class(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods);

/* Monotonic seconds, for progress reports. */
double now_seconds(void);

/* core.internal(): marks the calling Lua file as clvkit's own, so errors
 * raised through it point at its caller's line. */
int clvkit_internal(lua_State *L);

#endif /* CLVKIT_LHELPERS_H */
