/*
 * lformulas.c -- the formulas of the Lua binding: the catalogued scalar
 * functions, the array functions (cac, funnel_budget, clv_segment), result
 * columns and the threaded grid sweeps of clvkit/sweep.lua.  No math here:
 * the formulas and their domain checks are the core's (catalog.h,
 * describe.h); this file converts Lua values and turns a clv_fault into a
 * Lua-style error,
 *   bad argument #3 to 'clv' (years must be >= 0, got -1)
 */
#define _DEFAULT_SOURCE /* fileno, isatty, mmap, madvise */

#include <stdint.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lauxlib.h"
#include "lua.h"

#include "clvkit/clvkit.h"
#include "lhelpers.h"
#include "lopen.h"

#define COLUMN_META "clvkit.Column"

/* ---- the catalogued scalar functions -------------------------------------- */

static const clv_fn *upvalue_fn(lua_State *L)
{
    return (const clv_fn *)lua_touserdata(L, lua_upvalueindex(1));
}

/* Gathers the arguments of f, positional or named, into a[]; returns the
 * Lua position to blame for any argument: 0 for positional calls (argument
 * i is at i + 1), 1 for a table of named arguments. */
static int collect_args(lua_State *L, const clv_fn *f, double *a, const char **names)
{
    const char *fname = clv_fn_name(f);
    size_t np = clv_fn_nparams(f), nreq = clv_fn_nrequired(f);
    for (size_t i = 0; i < np; i++)
        names[i] = clv_fn_param_name(f, i);
    if (lua_gettop(L) == 1 && lua_type(L, 1) == LUA_TTABLE) {
        for (size_t i = 0; i < np; i++)
            a[i] = field_number(L, fname, 1, 1, names[i], i >= nreq, clv_fn_param_default(f, i));
        check_keys(L, fname, 1, 1, names, np);
        return 1;
    }
    int top = lua_gettop(L);
    if (top > (int)np)
        bad_arg(L, fname, (int)np + 1,
                lua_pushfstring(L, "at most %d arguments expected", (int)np));
    for (size_t i = 0; i < np; i++) {
        int pos = (int)i + 1;
        if (i >= nreq && lua_isnoneornil(L, pos))
            a[i] = clv_fn_param_default(f, i);
        else if (lua_type(L, pos) == LUA_TNUMBER)
            a[i] = lua_tonumber(L, pos);
        else
            bad_arg(
                L, fname, pos,
                lua_pushfstring(L, "%s: number expected, got %s", names[i], luaL_typename(L, pos)));
    }
    return 0;
}

static int fn_call(lua_State *L)
{
    const clv_fn *f = upvalue_fn(L);
    const char *fname = clv_fn_name(f);
    double a[8], v;
    const char *names[8];
    int blame = collect_args(L, f, a, names);
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_fn_eval(f, a, clv_fn_nparams(f), &v, &fault);
    if (st != CLV_OK && fault.arg == CLV_FAULT_NONE)
        return result_error(L, fname, st, &fault);
    if (st != CLV_OK)
        return arg_error(L, fname, blame ? blame : (int)fault.arg + 1, names[fault.arg],
                         CLV_FAULT_NONE, fault.reason, &a[fault.arg]);
    lua_pushnumber(L, v);
    return 1;
}

/* ---- the array functions ------------------------------------------------------ */

/* Raises the error of an array function from its fault, named by the
 * function's row in the description.  Lua's positional arguments are the
 * row's without the lengths, so the position follows from fault.arg (a
 * length's fault blames its sequence); a named call is argument #1.
 * scalars and arrays hold the values by C argument (NULL where none). */
static int row_error(lua_State *L, const char *fname, const clv_func *row, int named, clv_status st,
                     const clv_fault *f, const double *scalars, const double *const *arrays)
{
    size_t arg = f->arg;
    clv_arg a;
    if (arg == CLV_FAULT_NONE || !clv_func_arg(row, arg, &a))
        return result_error(L, fname, st, f);
    if (a.shape == CLV_SHAPE_LENGTH && arg > 0)
        clv_func_arg(row, --arg, &a);
    int pos = 1;
    for (size_t i = 0; i < arg; i++) {
        clv_arg before;
        clv_func_arg(row, i, &before);
        pos += before.shape != CLV_SHAPE_LENGTH;
    }
    const double *value = f->element != CLV_FAULT_NONE && arrays ? &arrays[arg][f->element]
                          : scalars                              ? &scalars[arg]
                                                                 : NULL;
    return arg_error(L, fname, named ? 1 : pos, a.name, f->element, f->reason, value);
}

/* cac(spend, new_customers): numbers, or sequences blended over channels;
 * or {spend = ..., new_customers = ...}. */
static int l_cac(lua_State *L)
{
    const char *fname = "cac";
    static const char *const names[] = {"spend", "new_customers"};
    int named = lua_gettop(L) == 1 && lua_type(L, 1) == LUA_TTABLE;
    if (named) {
        check_keys(L, fname, 1, 1, names, 2);
        for (int i = 0; i < 2; i++)
            if (lua_getfield(L, 1, names[i]) == LUA_TNIL)
                bad_arg(L, fname, 1, lua_pushfstring(L, "missing '%s'", names[i]));
        lua_remove(L, 1);
    } else if (lua_gettop(L) > 2) {
        bad_arg(L, fname, 3, "at most 2 arguments expected");
    }
    const int pos[] = {1, named ? 1 : 2};
    if (lua_type(L, 1) == LUA_TNUMBER || lua_type(L, 2) == LUA_TNUMBER) {
        double a[2], v;
        for (int i = 0; i < 2; i++) {
            if (lua_type(L, i + 1) != LUA_TNUMBER)
                bad_arg(L, fname, pos[i],
                        lua_pushfstring(L, "%s: number expected, got %s", names[i],
                                        luaL_typename(L, i + 1)));
            a[i] = lua_tonumber(L, i + 1);
        }
        clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status st = clv_fn_eval(clv_fn_find("cac"), a, 2, &v, &fault);
        if (st != CLV_OK)
            return row_error(L, fname, clv_func_find("cac"), named, st, &fault, a, NULL);
        lua_pushnumber(L, v);
        return 1;
    }
    size_t ns, nc;
    const double *arrays[2];
    arrays[0] = check_sequence(L, fname, 1, "spend", &ns, pos[0]);
    arrays[1] = check_sequence(L, fname, 2, "new_customers", &nc, pos[1]);
    if (ns != nc)
        bad_arg(L, fname, pos[1],
                lua_pushfstring(L, "new_customers has %d entries, spend has %d", (int)nc, (int)ns));
    if (ns == 0)
        bad_arg(L, fname, pos[0], "spend must not be empty");
    double v;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_cac(arrays[0], arrays[1], ns, &v, &fault);
    if (st != CLV_OK)
        return row_error(L, fname, clv_func_find("cac_channels"), named, st, &fault, NULL, arrays);
    lua_pushnumber(L, v);
    return 1;
}

/* funnel_budget(max_cac, rate1 [, rate2, ...]) or (max_cac, {rates}) or
 * {max_cac = ..., rates = {...}}. */
static int l_funnel_budget(lua_State *L)
{
    const char *fname = "funnel_budget";
    static const char *const keys[] = {"max_cac", "rates"};
    double max_cac;
    const double *rates;
    size_t n;
    int named = lua_gettop(L) == 1 && lua_type(L, 1) == LUA_TTABLE, variadic = 0;
    if (named) {
        check_keys(L, fname, 1, 1, keys, 2);
        max_cac = field_number(L, fname, 1, 1, "max_cac", 0, 0);
        if (lua_getfield(L, 1, "rates") == LUA_TNIL)
            bad_arg(L, fname, 1, "missing 'rates'");
        rates = check_sequence(L, fname, lua_gettop(L), "rates", &n, 1);
    } else {
        if (lua_type(L, 1) != LUA_TNUMBER)
            bad_arg(L, fname, 1,
                    lua_pushfstring(L, "max_cac: number expected, got %s", luaL_typename(L, 1)));
        max_cac = lua_tonumber(L, 1);
        int top = lua_gettop(L);
        if (top == 2 && lua_type(L, 2) == LUA_TTABLE) {
            rates = check_sequence(L, fname, 2, "rates", &n, 2);
        } else {
            variadic = 1;
            n = top > 1 ? (size_t)(top - 1) : 0;
            double *r = (double *)lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
            for (int i = 2; i <= top; i++) {
                if (lua_type(L, i) != LUA_TNUMBER)
                    bad_arg(L, fname, i,
                            lua_pushfstring(L, "rate%d: number expected, got %s", i - 1,
                                            luaL_typename(L, i)));
                r[i - 2] = lua_tonumber(L, i);
            }
            rates = r;
        }
    }
    if (n == 0)
        bad_arg(L, fname, named ? 1 : 2, "at least one conversion rate expected");
    double v;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_funnel_budget(max_cac, rates, n, &v, &fault);
    if (st != CLV_OK && variadic && fault.arg == 1) { /* rate k is argument k + 1 */
        lua_pushfstring(L, "rate%d", (int)fault.element + 1);
        return arg_error(L, fname, (int)fault.element + 2, lua_tostring(L, -1), CLV_FAULT_NONE,
                         fault.reason, &rates[fault.element]);
    }
    if (st != CLV_OK) {
        const double *arrays[] = {NULL, rates};
        return row_error(L, fname, clv_func_find("funnel_budget"), named, st, &fault, &max_cac,
                         arrays);
    }
    lua_pushnumber(L, v);
    return 1;
}

/* clv_segment(value, values [, high_share [, low_share]]) -> "high" | ...;
 * or {value = ..., values = {...}, high_share = ..., low_share = ...}. */
static int l_clv_segment(lua_State *L)
{
    const char *fname = "clv_segment";
    const clv_func *row = clv_func_find("clv_segment");
    static const char *const keys[] = {"value", "values", "high_share", "low_share"};
    int named = lua_gettop(L) == 1 && lua_type(L, 1) == LUA_TTABLE;
    double a[5] = {0, NAN, NAN, CLV_SEGMENT_HIGH_SHARE, CLV_SEGMENT_LOW_SHARE};
    const double *values;
    size_t n;
    if (named) {
        check_keys(L, fname, 1, 1, keys, 4);
        a[0] = field_number(L, fname, 1, 1, "value", 0, 0);
        a[3] = field_number(L, fname, 1, 1, "high_share", 1, CLV_SEGMENT_HIGH_SHARE);
        a[4] = field_number(L, fname, 1, 1, "low_share", 1, CLV_SEGMENT_LOW_SHARE);
        if (lua_getfield(L, 1, "values") == LUA_TNIL)
            bad_arg(L, fname, 1, "missing 'values'");
        values = check_sequence(L, fname, lua_gettop(L), "values", &n, 1);
    } else {
        if (lua_gettop(L) > 4)
            bad_arg(L, fname, 5, "at most 4 arguments expected");
        if (lua_type(L, 1) != LUA_TNUMBER)
            bad_arg(L, fname, 1,
                    lua_pushfstring(L, "value: number expected, got %s", luaL_typename(L, 1)));
        a[0] = lua_tonumber(L, 1);
        for (int i = 3; i <= 4; i++) {
            if (lua_isnoneornil(L, i))
                continue;
            clv_arg share; /* Lua's #3 and #4 are the row's arguments 3 and 4 */
            clv_func_arg(row, (size_t)i, &share);
            if (lua_type(L, i) != LUA_TNUMBER)
                bad_arg(L, fname, i,
                        lua_pushfstring(L, "%s: number expected, got %s", share.name,
                                        luaL_typename(L, i)));
            a[i] = lua_tonumber(L, i);
        }
        values = check_sequence(L, fname, 2, "values", &n, 2);
    }
    if (n == 0)
        bad_arg(L, fname, named ? 1 : 2, "values must not be empty");
    clv_segment_class seg;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_segment(a[0], values, n, a[3], a[4], &seg, &fault);
    if (st != CLV_OK) {
        const double *arrays[] = {NULL, values};
        return row_error(L, fname, row, named, st, &fault, a, arrays);
    }
    lua_pushstring(L, clv_segment_name(seg));
    return 1;
}

/* ---- columns: result buffers for sweeps -------------------------------------- */

/* A column of doubles with NaN marking a failed scenario: 8 bytes a row. */
typedef struct column {
    size_t n;
    size_t mapped; /* bytes mmap'ed for data, 0 when data follows the header */
    double *data;
} column;

/* Columns of 8 MB and more are mapped apart (the collector frees them at
 * once, not when malloc trims), without a transparent-huge-page hint.  The
 * hint made a fresh process's first 10-million-row sweep 2-7x slower in a
 * third of runs on the project's VM: huge pages come only from free 2 MB
 * blocks, and those are the blocks the guest's free-page reporting (virtio
 * balloon) has handed back to the host, so the first touch of each waits
 * for the host to supply and zero it again; no compaction was involved
 * (compact_stall stayed 0).  Small pages are found in blocks still backed:
 * dearer when everything goes well, never that slow (bench/README.md).
 *
 * What made the hint worth having was warm sweeps faulting in new memory
 * every time; instead, the last collected big column's memory is kept as
 * a spare (one per Lua state, at most SPARE_MAX bytes) and reused by the
 * next big column that fits, already faulted in.  It is unmapped when a
 * bigger one replaces it and when the state closes. */
#define MAP_THRESHOLD ((size_t)8 << 20)
#define SPARE_MAX ((size_t)1 << 30)

typedef struct spare {
    void *p;
    size_t bytes;
    int closed; /* its __gc ran (lua_close): columns unmap their own */
} spare;

static int spare_gc(lua_State *L)
{
    spare *s = (spare *)lua_touserdata(L, 1);
    if (s->p)
        munmap(s->p, s->bytes);
    s->p = NULL;
    s->closed = 1;
    return 0;
}

#define SPARE_KEY "clvkit.spare" /* registry: the state's spare */

/* The state's spare (made by the opener; still there while lua_close runs
 * the finalizers). */
static spare *state_spare(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, SPARE_KEY);
    spare *s = (spare *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    return s;
}

/* Gives a big column's mapping to the spare, or back to the system. */
static void park(spare *s, void *p, size_t bytes)
{
    if (s && !s->closed && bytes <= SPARE_MAX && (!s->p || bytes > s->bytes)) {
        if (s->p)
            munmap(s->p, s->bytes);
        s->p = p;
        s->bytes = bytes;
    } else {
        munmap(p, bytes);
    }
}

/* A new column of n rows (contents undefined) pushed on the stack; big ones
 * take the spare of `s` (NULL: none) when it is large enough. */
static column *make_column(lua_State *L, spare *s, size_t n)
{
    if (n > ((size_t)-1 - sizeof(column)) / sizeof(double))
        luaL_error(L, "column of %I rows is too large", (lua_Integer)n);
    size_t bytes = (n ? n : 1) * sizeof(double);
    int apart = bytes >= MAP_THRESHOLD;
    /* The collector cannot see mapped memory: collect the dead columns
     * before mapping a new one, so repeated big sweeps do not pile up (and
     * the last of them becomes the spare). */
    if (apart)
        lua_gc(L, LUA_GCCOLLECT);
    column *c = (column *)lua_newuserdatauv(L, sizeof(column) + (apart ? 0 : bytes), 1);
    c->n = n;
    c->mapped = 0;
    c->data = (double *)(c + 1);
    luaL_setmetatable(L, COLUMN_META); /* from here on __gc releases the map */
    if (!apart)
        return c;
    if (s && s->p && s->bytes >= bytes) {
        c->data = (double *)s->p;
        c->mapped = s->bytes;
        s->p = NULL;
        return c;
    }
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        c->n = 0;
        luaL_error(L, "not enough memory for a column of %I rows", (lua_Integer)n);
    }
    c->data = (double *)p;
    c->mapped = bytes;
    return c;
}

static column *new_column(lua_State *L, size_t n)
{
    return make_column(L, state_spare(L), n);
}

const double *clvkit_column_data(lua_State *L, int idx, size_t *n)
{
    column *c = (column *)luaL_testudata(L, idx, COLUMN_META);
    if (!c)
        return NULL;
    *n = c->n;
    return c->data;
}

double *clvkit_push_column(lua_State *L, size_t n)
{
    return new_column(L, n)->data;
}

static int col_gc(lua_State *L)
{
    column *c = (column *)luaL_checkudata(L, 1, COLUMN_META);
    if (c->mapped) {
        park(state_spare(L), c->data, c->mapped);
        c->mapped = 0;
        c->n = 0;
    }
    return 0;
}

static column *check_column(lua_State *L, int idx)
{
    return (column *)luaL_checkudata(L, idx, COLUMN_META);
}

/* core.column(n [, fill]) -> a new column of n values (NaN by default). */
static int l_column(lua_State *L)
{
    lua_Integer n = luaL_checkinteger(L, 1);
    luaL_argcheck(L, n >= 0, 1, "must be >= 0");
    double fill = luaL_optnumber(L, 2, NAN);
    column *c = new_column(L, (size_t)n);
    for (size_t i = 0; i < c->n; i++)
        c->data[i] = fill;
    return 1;
}

static size_t check_row(lua_State *L, column *c, int idx)
{
    lua_Integer i = luaL_checkinteger(L, idx);
    luaL_argcheck(L, i >= 1 && (size_t)i <= c->n, idx, "row out of range");
    return (size_t)i - 1;
}

static int col_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)check_column(L, 1)->n);
    return 1;
}

/* col[i] (as col:get(i)) or col.method: upvalue 1 is the methods table */
static int col_index(lua_State *L)
{
    column *c = check_column(L, 1);
    int whole = 0; /* 2.0 is the row 2, as in a table */
    lua_Integer i = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &whole) : 0;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        if (whole && i >= 1 && (size_t)i <= c->n && !isnan(c->data[i - 1]))
            lua_pushnumber(L, c->data[i - 1]);
        else
            lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 2);
    lua_gettable(L, lua_upvalueindex(1));
    return 1;
}

/* col:get(i) -> the value, or nil for a failed row */
static int col_get(lua_State *L)
{
    column *c = check_column(L, 1);
    double v = c->data[check_row(L, c, 2)];
    if (isnan(v))
        lua_pushnil(L);
    else
        lua_pushnumber(L, v);
    return 1;
}

/* col:set(i, v): v a number, or nil for a failed row */
static int col_set(lua_State *L)
{
    column *c = check_column(L, 1);
    size_t i = check_row(L, c, 2);
    c->data[i] = lua_isnoneornil(L, 3) ? NAN : luaL_checknumber(L, 3);
    return 0;
}

/* col:failed() -> number of NaN rows */
static int col_failed(lua_State *L)
{
    column *c = check_column(L, 1);
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++)
        k += isnan(c->data[i]) ? 1 : 0;
    lua_pushinteger(L, (lua_Integer)k);
    return 1;
}

/* Optional selection (a column of 1-based row numbers) at idx: the values of
 * c at those rows, gathered into a scratch column pushed on the stack. */
static const double *selected(lua_State *L, column *c, int idx, size_t *n)
{
    if (lua_isnoneornil(L, idx)) {
        *n = c->n;
        return c->data;
    }
    column *sel = check_column(L, idx);
    column *g = new_column(L, sel->n);
    for (size_t i = 0; i < sel->n; i++) {
        double r = sel->data[i];
        luaL_argcheck(L, r >= 1 && r <= (double)c->n, idx, "selection row out of range");
        g->data[i] = c->data[(size_t)r - 1];
    }
    *n = g->n;
    return g->data;
}

/* col:summary([selection]) -> {count, failed, min, max, mean, p05 .. p95} */
static int col_summary(lua_State *L)
{
    static const double probs[] = {0.05, 0.25, 0.5, 0.75, 0.95};
    static const char *const keys[] = {"p05", "p25", "median", "p75", "p95"};
    column *c = check_column(L, 1);
    size_t n;
    const double *v = selected(L, c, 2, &n);
    clv_summary s;
    if (clv_summarize(v, n, &s) != CLV_OK)
        return luaL_error(L, "summary: the column holds a value that is not finite");
    double q[5];
    column *scratch = new_column(L, n);
    clv_quantiles(v, n, probs, 5, scratch->data, q);
    lua_createtable(L, 0, 10);
    lua_pushinteger(L, (lua_Integer)s.count);
    lua_setfield(L, -2, "count");
    lua_pushinteger(L, (lua_Integer)s.missing);
    lua_setfield(L, -2, "failed");
    set_number_field(L, "min", s.min);
    set_number_field(L, "max", s.max);
    set_number_field(L, "mean", s.mean);
    for (int i = 0; i < 5; i++)
        set_number_field(L, keys[i], q[i]);
    return 1;
}

/* col:best(want_max [, selection]) -> 1-based row (of the column), or nil */
static int col_best(lua_State *L)
{
    column *c = check_column(L, 1);
    int want_max = lua_toboolean(L, 2);
    size_t n, i;
    const double *v = selected(L, c, 3, &n);
    if (clv_argbest(v, n, want_max, &i) != CLV_OK) {
        lua_pushnil(L);
        return 1;
    }
    if (!lua_isnoneornil(L, 3))
        i = (size_t)check_column(L, 3)->data[i] - 1;
    lua_pushinteger(L, (lua_Integer)i + 1);
    return 1;
}

/* ---- sweeps of catalogued functions --------------------------------------------- */

/* One thread's share of a sweep: rows [first, last) in chunks, counting
 * finished rows in *progress for the thread that reports. */
typedef struct sweep_part {
    const clv_fn *f;
    const double *const *axes;
    const size_t *lens;
    size_t first, last, failed;
    double *out;
    atomic_size_t *progress;
    pthread_t thread;
} sweep_part;

#define SWEEP_CHUNK ((size_t)1 << 20)
#define SWEEP_MAX_THREADS 16

static void *run_part(void *arg)
{
    sweep_part *p = (sweep_part *)arg;
    for (size_t row = p->first; row < p->last; row += SWEEP_CHUNK) {
        size_t n = p->last - row < SWEEP_CHUNK ? p->last - row : SWEEP_CHUNK, nf;
        clv_fn_sweep(p->f, p->axes, p->lens, row, n, p->out + row, &nf);
        p->failed += nf;
        atomic_fetch_add(p->progress, n);
    }
    return NULL;
}

/* core.sweep(name, axes [, threads]) -> column, failed
 * axes: one sequence of numbers per parameter, in parameter order.  The grid
 * is split over `threads` threads (default: one per online core, at most
 * 16; small grids use one) -- the core is thread-safe, the Lua state is not
 * touched by them.  After a second, progress goes to stderr when stderr is
 * a terminal. */
static int l_sweep(lua_State *L)
{
    const char *fname = "sweep";
    const char *name = luaL_checkstring(L, 1);
    const clv_fn *f = clv_fn_find(name);
    luaL_argcheck(L, f != NULL, 1, "not a built-in function");
    luaL_checktype(L, 2, LUA_TTABLE);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    lua_Integer nthreads = luaL_optinteger(L, 3, cores > 0 ? cores : 1);
    if (nthreads < 1 || nthreads > SWEEP_MAX_THREADS)
        bad_arg(L, fname, 3,
                lua_pushfstring(L, "threads must be between 1 and %d", SWEEP_MAX_THREADS));
    size_t np = clv_fn_nparams(f), lens[8], rows;
    const double *axes[8];
    luaL_argcheck(L, luaL_len(L, 2) == (lua_Integer)np, 2, "one axis per parameter expected");
    for (size_t i = 0; i < np; i++) {
        lua_geti(L, 2, (lua_Integer)i + 1);
        axes[i] = check_sequence(L, fname, lua_gettop(L), clv_fn_param_name(f, i), &lens[i], 2);
        luaL_argcheck(L, lens[i] > 0, 2, "an axis is empty");
    }
    if (clv_grid_rows(lens, np, &rows) != CLV_OK)
        return bad_arg(L, fname, 2, "the grid has too many scenarios");
    if ((size_t)nthreads > rows / SWEEP_CHUNK + 1)
        nthreads = (lua_Integer)(rows / SWEEP_CHUNK + 1);
    column *out = new_column(L, rows);

    atomic_size_t progress;
    atomic_init(&progress, 0);
    sweep_part parts[SWEEP_MAX_THREADS];
    size_t per = rows / (size_t)nthreads;
    for (lua_Integer t = 0; t < nthreads; t++) {
        sweep_part *p = &parts[t];
        *p = (sweep_part){f,
                          axes,
                          lens,
                          (size_t)t * per,
                          t == nthreads - 1 ? rows : (size_t)(t + 1) * per,
                          0,
                          out->data,
                          &progress,
                          0};
    }
    /* part 0 runs here, in chunks, reporting progress; the others in threads
     * (one that cannot be started runs here too) */
    int started[SWEEP_MAX_THREADS] = {0};
    for (lua_Integer t = 1; t < nthreads; t++)
        started[t] = pthread_create(&parts[t].thread, NULL, run_part, &parts[t]) == 0;
    int tty = isatty(fileno(stderr)), shown = 0;
    double start = now_seconds();
    sweep_part mine = parts[0];
    for (size_t row = parts[0].first; row < parts[0].last; row += SWEEP_CHUNK) {
        mine.first = row;
        mine.last = parts[0].last - row < SWEEP_CHUNK ? parts[0].last : row + SWEEP_CHUNK;
        run_part(&mine);
        if (tty && now_seconds() - start > 1) {
            fprintf(stderr, "\rsweep %s: %3.0f%% of %zu scenarios", name,
                    100.0 * (double)atomic_load(&progress) / (double)rows, rows);
            shown = 1;
        }
    }
    size_t failed = mine.failed;
    for (lua_Integer t = 1; t < nthreads; t++) {
        if (started[t])
            pthread_join(parts[t].thread, NULL);
        else
            run_part(&parts[t]);
        failed += parts[t].failed;
    }
    if (shown)
        fprintf(stderr, "\rsweep %s: 100%% of %zu scenarios\n", name, rows);
    lua_pushinteger(L, (lua_Integer)failed);
    return 2;
}

/* core.explain(name, args) -> why the scenario fails ("years must be >= 0,
 * got -1"), or nil when it does not. */
static int l_explain(lua_State *L)
{
    const char *fname = "explain";
    const clv_fn *f = clv_fn_find(luaL_checkstring(L, 1));
    luaL_argcheck(L, f != NULL, 1, "not a built-in function");
    size_t n;
    const double *a = check_sequence(L, fname, 2, "args", &n, 2);
    double v;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_fn_eval(f, a, n, &v, &fault);
    if (st == CLV_OK)
        return 0;
    if (fault.arg == CLV_FAULT_NONE)
        lua_pushstring(L, fault.reason);
    else {
        lua_pushfstring(L, "%s %s, got ", clv_fn_param_name(f, fault.arg), fault.reason);
        show_number(L, a[fault.arg]);
        lua_concat(L, 2);
    }
    return 1;
}

/* core.params(name) -> {names...}, nrequired, {defaults by name} */
static int l_params(lua_State *L)
{
    const clv_fn *f = clv_fn_find(luaL_checkstring(L, 1));
    if (!f)
        return 0;
    size_t np = clv_fn_nparams(f);
    lua_createtable(L, (int)np, 0);
    lua_createtable(L, 0, (int)np);
    for (size_t i = 0; i < np; i++) {
        lua_pushstring(L, clv_fn_param_name(f, i));
        lua_rawseti(L, -3, (lua_Integer)i + 1);
        if (i >= clv_fn_nrequired(f)) {
            lua_pushnumber(L, clv_fn_param_default(f, i));
            lua_setfield(L, -2, clv_fn_param_name(f, i));
        }
    }
    lua_pushinteger(L, (lua_Integer)clv_fn_nrequired(f));
    lua_insert(L, -2);
    return 3;
}

/* ---- axes ------------------------------------------------------------------------ */

#define MAX_AXIS 100000000 /* 1e8 values: a bigger axis is a mistake */

static int l_range(lua_State *L)
{
    const char *fname = "range";
    double from = check_number(L, fname, 1, 1, "from", 0, 0);
    double to = check_number(L, fname, 2, 2, "to", 0, 0);
    double step = check_number(L, fname, 3, 3, "step", 1, 1);
    size_t n;
    switch (clv_range_count(from, to, step, MAX_AXIS, &n)) {
    case CLV_OK:
        break;
    case CLV_ERANGE:
        return bad_arg(L, fname, lua_isnoneornil(L, 3) ? 2 : 3,
                       "the range has more than 1e8 values");
    case CLV_EDOM:
        return bad_arg(L, fname, 3,
                       step == 0 ? "step must not be 0" : "step points away from 'to'");
    default:
        return luaL_error(L, "range: from, to and step must be finite numbers");
    }
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, from + (double)i * step);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int l_linspace(lua_State *L)
{
    const char *fname = "linspace";
    double from = check_number(L, fname, 1, 1, "from", 0, 0);
    double to = check_number(L, fname, 2, 2, "to", 0, 0);
    double nn = check_number(L, fname, 3, 3, "n", 0, 0);
    if (!(nn >= 1 && nn <= MAX_AXIS && nn == floor(nn)))
        bad_arg(L, fname, 3, "n must be a whole number between 1 and 1e8");
    lua_Integer n = (lua_Integer)nn;
    lua_createtable(L, (int)n, 0);
    for (lua_Integer i = 0; i < n; i++) {
        double v;
        if (clv_linspace_value(from, to, (size_t)n, (size_t)i, &v) != CLV_OK)
            return luaL_error(L, "linspace: from and to must be finite and not too far apart");
        lua_pushnumber(L, v);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* ---- terminal helpers for the Lua side -------------------------------------------- */

static int l_clock(lua_State *L)
{
    lua_pushnumber(L, now_seconds());
    return 1;
}

static int l_stderr_isatty(lua_State *L)
{
    lua_pushboolean(L, isatty(fileno(stderr)));
    return 1;
}

/* core.path_kind(path) -> "file", "directory", "other" (a device or FIFO,
 * e.g. /dev/full) or nil: what the writers must not replace by a rename. */
static int l_path_kind(lua_State *L)
{
    struct stat st;
    if (stat(luaL_checkstring(L, 1), &st) != 0)
        return 0;
    lua_pushstring(L, S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "directory" : "other");
    return 1;
}

/* ---- the opener ---------------------------------------------------------------------- */

static const luaL_Reg column_methods[] = {{"get", col_get},       {"set", col_set},
                                          {"failed", col_failed}, {"summary", col_summary},
                                          {"best", col_best},     {NULL, NULL}};

static const luaL_Reg formula_funcs[] = {{"cac", l_cac},
                                         {"funnel_budget", l_funnel_budget},
                                         {"clv_segment", l_clv_segment},
                                         {"column", l_column},
                                         {"sweep", l_sweep},
                                         {"explain", l_explain},
                                         {"params", l_params},
                                         {"range", l_range},
                                         {"linspace", l_linspace},
                                         {"clock", l_clock},
                                         {"stderr_isatty", l_stderr_isatty},
                                         {"path_kind", l_path_kind},
                                         {NULL, NULL}};

void clvkit_open_formulas(lua_State *L)
{
    static const luaL_Reg column_meta[] = {{"__len", col_len}, {"__gc", col_gc}, {NULL, NULL}};
    define_class(L, COLUMN_META, column_meta, column_methods);
    lua_getfield(L, -1, "__index"); /* col[i] as well as col:method() */
    lua_pushcclosure(L, col_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
    spare *s = (spare *)lua_newuserdatauv(L, sizeof(spare), 0);
    *s = (spare){NULL, 0, 0};
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, spare_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, SPARE_KEY);
    luaL_setfuncs(L, formula_funcs, 0);
    /* every catalogued scalar function except those with an array form above */
    lua_createtable(L, (int)clv_fn_count(), 0); /* core.builtins */
    for (size_t i = 0; i < clv_fn_count(); i++) {
        const clv_fn *f = clv_fn_at(i);
        lua_pushstring(L, clv_fn_name(f));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
        if (lua_getfield(L, -2, clv_fn_name(f)) != LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        lua_pop(L, 1);
        lua_pushlightuserdata(L, (void *)(uintptr_t)f); /* light userdata has no const */
        lua_pushcclosure(L, fn_call, 1);
        lua_setfield(L, -3, clv_fn_name(f));
    }
    lua_setfield(L, -2, "builtins");
    lua_pushinteger(L, SWEEP_MAX_THREADS);
    lua_setfield(L, -2, "MAX_THREADS");
}
