/*
 * lrfm.c -- the Lua binding of transaction logs and RFM summaries
 * (clvkit/rfm.h): a log ("clvkit.Log" userdata, freed by the collector)
 * read from CSV or built from Lua tables, and its summary per customer as a
 * table of columns (x, t_x, T, mean_value, ...), which the models accept.
 * The number columns are read-only views of the core's summary arrays (no
 * copy into Lua numbers), so a prediction over millions of customers reads
 * them where they are (clvkit_summary_column).
 *
 * A file that cannot be read or has a malformed line is an outcome the
 * caller could not foresee: nil, "tx.csv:17: date is not YYYY-MM-DD or
 * YYYYMMDD" (luaL_fileresult style).  Wrong arguments raise.
 */
#include <stdint.h>
#include <math.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#include "clvkit/clvkit.h"
#include "lhelpers.h"
#include "lprogress.h"
#include "lopen.h"

#define LOG_META "clvkit.Log"
#define BOX_META "clvkit.Box"
#define SUMMARY_META "clvkit.Summary"

/* A C result held in a userdata while Lua tables are built from it: if Lua
 * raises meanwhile (out of memory), the collector still frees it.  The box
 * is made before the core call that fills it, so no Lua allocation can fail
 * between the C result's birth and its owner's. */
typedef struct box {
    void *p;
    void (*free)(void *);
} box;

static int box_gc(lua_State *L)
{
    box *b = (box *)luaL_checkudata(L, 1, BOX_META);
    if (b->p)
        b->free(b->p);
    b->p = NULL;
    return 0;
}

static box *push_box(lua_State *L, void (*free_fn)(void *))
{
    box *b = (box *)lua_newuserdatauv(L, sizeof(box), 0);
    b->p = NULL;
    b->free = free_fn;
    luaL_setmetatable(L, BOX_META);
    return b;
}

static void release(box *b)
{
    b->free(b->p);
    b->p = NULL;
}

/* Raises for a failed build of a summary or table: out of memory, or the
 * argument (#1 the log, #2 the options) the fault names. */
static void raise_unless_built(lua_State *L, const char *fname, clv_status st,
                               const clv_fault *fault, int pos)
{
    if (st == CLV_ENOMEM)
        memory_error(L);
    if (st != CLV_OK)
        bad_arg(L, fname, pos, fault->reason ? fault->reason : clv_strerror(st));
}

void **clvkit_push_box(lua_State *L, void (*free_fn)(void *))
{
    return &push_box(L, free_fn)->p;
}

static void free_rfm(void *p)
{
    clv_rfm_free((clv_rfm *)p);
}
static void free_cohorts(void *p)
{
    clv_cohort_table_free((clv_cohort_table *)p);
}
static void free_early(void *p)
{
    clv_early_value_free((clv_early_value *)p);
}

typedef struct llog {
    clv_txlog *log;
} llog;

static llog *check_log(lua_State *L, int idx)
{
    llog *u = (llog *)luaL_checkudata(L, idx, LOG_META);
    if (!u->log)
        luaL_error(L, "the transaction log was freed");
    return u;
}

clv_txlog *clvkit_check_log(lua_State *L, int idx)
{
    return check_log(L, idx)->log;
}

/* A new log userdata, empty until the caller stores the C log in it right
 * after making it (the collector frees it from then on). */
static llog *push_log(lua_State *L)
{
    llog *u = (llog *)lua_newuserdatauv(L, sizeof(llog), 0);
    u->log = NULL;
    luaL_setmetatable(L, LOG_META);
    return u;
}

static int log_gc(lua_State *L)
{
    llog *u = (llog *)luaL_checkudata(L, 1, LOG_META);
    clv_txlog_free(u->log);
    u->log = NULL;
    return 0;
}

/* A day from a Lua value: "YYYY-MM-DD" / "YYYYMMDD" text, or an integer
 * YYYYMMDD.  Returns 0 and sets *why on failure. */
static int to_day(lua_State *L, int idx, double *day, const char **why)
{
    size_t len;
    const char *s;
    if (lua_type(L, idx) == LUA_TNUMBER) {
        *why = CLV_DATE_REASON;
        return clv_day_from_number(lua_tonumber(L, idx), day) == CLV_OK;
    }
    if (lua_type(L, idx) != LUA_TSTRING) {
        *why = CLV_DATE_REASON;
        return 0;
    }
    s = lua_tolstring(L, idx, &len);
    if (clv_day_parse(s, len, day) != CLV_OK) {
        *why = "is not a date (YYYY-MM-DD or YYYYMMDD)";
        return 0;
    }
    return 1;
}

/* core.rfm_log({id = {...}, date = {...} [, amount = {...}]}) -> log */
static int l_rfm_log(lua_State *L)
{
    const char *fname = "rfm.log";
    static const char *const keys[] = {"id", "date", "amount"};
    luaL_checktype(L, 1, LUA_TTABLE);
    check_keys(L, fname, 1, 1, keys, 3);
    for (int i = 0; i < 3; i++) {
        int t = lua_getfield(L, 1, keys[i]); /* stack 2, 3, 4 */
        if (t == LUA_TNIL && i < 2)
            bad_arg(L, fname, 1, lua_pushfstring(L, "missing '%s'", keys[i]));
        if (t != LUA_TNIL && t != LUA_TTABLE)
            bad_arg(
                L, fname, 1,
                lua_pushfstring(L, "%s: table expected, got %s", keys[i], luaL_typename(L, -1)));
    }
    lua_Integer n = luaL_len(L, 2);
    if (luaL_len(L, 3) != n || (!lua_isnil(L, 4) && luaL_len(L, 4) != n))
        bad_arg(L, fname, 1, "id, date and amount must have the same length");
    if (n == 0)
        bad_arg(L, fname, 1, "the log is empty");
    llog *owner = push_log(L);
    clv_txlog *log = owner->log = clv_txlog_create(); /* an error below frees it */
    if (!log)
        return memory_error(L);
    for (lua_Integer i = 1; i <= n; i++) {
        double day, amount = 0;
        const char *why = NULL;
        int tid = lua_geti(L, 2, i);
        lua_geti(L, 3, i);
        if (!to_day(L, -1, &day, &why))
            return bad_arg(L, fname, 1, lua_pushfstring(L, "date[%d] %s", (int)i, why));
        if (!lua_isnil(L, 4)) {
            if (lua_geti(L, 4, i) != LUA_TNUMBER)
                return bad_arg(L, fname, 1,
                               lua_pushfstring(L, "amount[%d]: number expected, got %s", (int)i,
                                               luaL_typename(L, -1)));
            amount = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1); /* date */
        clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status st;
        const clv_func *row = clv_func_find("txlog_add");
        if (tid == LUA_TNUMBER && lua_isinteger(L, -1)) {
            /* exact text, as for numbers (17 and "17" are one customer),
             * without going through a double that merges ids above 2^53 */
            size_t len;
            const char *id = lua_tolstring(L, -1, &len);
            st = clv_txlog_add(log, id, len, day, amount, &fault);
        } else if (tid == LUA_TNUMBER) {
            row = clv_func_find("txlog_add_number");
            st = clv_txlog_add_number(log, lua_tonumber(L, -1), day, amount, &fault);
        } else if (tid == LUA_TSTRING) {
            size_t len;
            const char *id = lua_tolstring(L, -1, &len);
            st = clv_txlog_add(log, id, len, day, amount, &fault);
        } else {
            return bad_arg(L, fname, 1,
                           lua_pushfstring(L, "id[%d]: string or number expected, got %s", (int)i,
                                           luaL_typename(L, -1)));
        }
        lua_pop(L, 1);
        if (st == CLV_ENOMEM)
            return memory_error(L);
        if (st != CLV_OK) {
            /* the C day is the Lua table's date column */
            const char *field = clv_fault_param(row, &fault);
            if (!field || strcmp(field, "id_len") == 0)
                field = "id";
            else if (strcmp(field, "day") == 0)
                field = "date";
            return bad_arg(L, fname, 1,
                           lua_pushfstring(L, "%s[%d] %s", field, (int)i,
                                           fault.reason ? fault.reason : clv_strerror(st)));
        }
    }
    return 1;
}

/* The CSV options (customer, date, amount, separator) of the table at
 * index 2, argument #2 of fname; other keys are the caller's to check. */
static clv_csv_options csv_options(lua_State *L, const char *fname)
{
    clv_csv_options o = {NULL, NULL, NULL, ','};
    const char **fields[] = {&o.customer, &o.date, &o.amount};
    static const char *const names[] = {"customer", "date", "amount"};
    for (int i = 0; i < 3; i++) {
        int t = lua_getfield(L, 2, names[i]);
        if (t == LUA_TSTRING)
            *fields[i] = lua_tostring(L, -1);
        else if (t != LUA_TNIL || i < 2)
            bad_arg(L, fname, 2,
                    lua_pushfstring(L, "%s: column name expected, got %s", names[i],
                                    luaL_typename(L, -1)));
    }
    if (lua_getfield(L, 2, "separator") != LUA_TNIL) {
        size_t len;
        const char *sep = lua_tolstring(L, -1, &len);
        if (!sep || len != 1 || sep[0] == '\0' || !strchr(",;\t ", sep[0]))
            bad_arg(L, fname, 2, "separator must be \",\", \";\", \"\\t\" or \" \"");
        o.separator = sep[0];
    }
    return o;
}

/* A failed read of path: raises for the options (#2 of fname) and memory;
 * otherwise pushes nil, "path:line: reason", code and returns 3. */
static int read_failed(lua_State *L, const char *fname, const char *path, clv_status st,
                       const clv_csv_error *err)
{
    if (st == CLV_ENOMEM)
        return memory_error(L);
    if (st == CLV_EINVAL)
        return bad_arg(L, fname, 2, err->reason ? err->reason : clv_strerror(st));
    lua_pushnil(L);
    if (err->line)
        lua_pushfstring(L, "%s:%d: %s", path, (int)err->line,
                        err->reason ? err->reason : clv_strerror(st));
    else
        lua_pushfstring(L, "%s: %s", path, err->reason ? err->reason : clv_strerror(st));
    lua_pushinteger(L, st);
    return 3;
}

/* core.rfm_read_log(path, {customer, date [, amount] [, separator] [, progress]})
 *   -> log | nil, message [, code];  progress as lprogress.h says */
static int l_rfm_read_log(lua_State *L)
{
    const char *fname = "rfm.read_log";
    const char *path = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const names[] = {"customer", "date", "amount", "separator", "progress"};
    check_keys(L, fname, 2, 2, names, 5);
    clv_csv_options o = csv_options(L, fname);
    lprogress prog;
    lprogress_init(&prog, L, fname, lprogress_option(L, fname, 2, 2));
    llog *owner = push_log(L);
    clv_csv_error err = {0, 0, NULL};
    clv_status st = clv_txlog_read_csv(path, &o, lprogress_read, &prog, &owner->log, &err);
    int stopped = lprogress_end(&prog, st);
    if (stopped)
        return stopped;
    return st == CLV_OK ? 1 : read_failed(L, fname, path, st, &err);
}

/* What a list of numbers does at a NaN: summaries have none; cohort ages not
 * reached end the list; early-value cells not reached show false. */
enum nan_rule { NAN_NONE, NAN_ENDS, NAN_FALSE };

/* Sets field key of the table on top to the list v[0..n-1]. */
static void set_numbers(lua_State *L, const char *key, const double *v, size_t n,
                        enum nan_rule rule)
{
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]) && rule == NAN_ENDS)
            break;
        if (isnan(v[i]))
            lua_pushboolean(L, 0);
        else
            lua_pushnumber(L, v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, key);
}

/* ---- summary columns: read-only views of the core's arrays ------------- */

/* __index of a column: upvalues the box holding the clv_rfm, the array
 * (light userdata) and its length. */
static int column_index(lua_State *L)
{
    const double *v = (const double *)lua_touserdata(L, lua_upvalueindex(2));
    lua_Integer n = lua_tointeger(L, lua_upvalueindex(3));
    int whole = 0; /* 2.0 is the key 2, as in a table */
    lua_Integer i = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &whole) : 0;
    if (lua_type(L, 2) == LUA_TNUMBER && whole) {
        if (i >= 1 && i <= n) {
            lua_pushnumber(L, v[i - 1]);
            return 1;
        }
    }
    lua_pushnil(L);
    return 1;
}

static int column_newindex(lua_State *L)
{
    return luaL_error(L, "a summary's columns are read-only (copy one to change it)");
}

static int column_len(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "n");
    return 1;
}

/* next(t, i) of a column, for pairs */
static int column_next(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 0) + 1;
    lua_pushinteger(L, i);
    if (lua_geti(L, 1, i) == LUA_TNIL)
        return 1;
    return 2;
}

static int column_pairs(lua_State *L)
{
    lua_pushcfunction(L, column_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* Sets field key of the table on top to a read-only view of v[0..n-1],
 * which the box at stack index held keeps alive. */
static void set_view(lua_State *L, const char *key, const double *v, size_t n, int held)
{
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 6);
    lua_pushvalue(L, held);
    lua_pushlightuserdata(L, (void *)(uintptr_t)v); /* light userdata has no const */
    lua_pushinteger(L, (lua_Integer)n);
    lua_pushcclosure(L, column_index, 3);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, column_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, column_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, column_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushinteger(L, (lua_Integer)n);
    lua_setfield(L, -2, "n");
    lua_pushliteral(L, "clvkit.SummaryColumn");
    lua_setfield(L, -2, "__name");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, key);
}

const double *clvkit_summary_column(lua_State *L, int idx, size_t *n)
{
    const double *v = NULL;
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return NULL;
    if (lua_getfield(L, -1, "__index") == LUA_TFUNCTION && lua_tocfunction(L, -1) == column_index) {
        lua_getupvalue(L, -1, 2);
        v = (const double *)lua_touserdata(L, -1);
        lua_pop(L, 1);
        lua_getupvalue(L, -1, 3);
        *n = (size_t)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    return v;
}

/* The summary of the log at index 1 with the options at index 2, for the
 * function fname whose argument #pos the options are:
 * -> {id, x, t_x, T, mean_value, first_purchase, x_holdout, value_holdout,
 *     unit, calibration_end, holdout_end, rows, transactions, late_customers}
 * with the clvkit.Summary metatable (#summary is the number of customers). */
static int push_summary(lua_State *L, box *held);

/* The summary options (unit, calibration_end, holdout_end) of the table at
 * index 2, argument #pos of fname; other keys are the caller's to check. */
static clv_rfm_options summary_options(lua_State *L, const char *fname, int pos)
{
    static const char *const keys[] = {"unit", "calibration_end", "holdout_end"};
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    if (lua_getfield(L, 2, "unit") != LUA_TSTRING ||
        clv_time_unit_parse(lua_tostring(L, -1), &o.unit) != CLV_OK)
        bad_arg(L, fname, pos,
                "unit must be \"day\", \"week\", \"month\" or \"year\" (always explicit)");
    double *ends[] = {&o.calibration_end, &o.holdout_end};
    for (int i = 0; i < 2; i++) {
        const char *why;
        if (lua_getfield(L, 2, keys[i + 1]) != LUA_TNIL && !to_day(L, -1, ends[i], &why))
            bad_arg(L, fname, pos, lua_pushfstring(L, "%s %s", keys[i + 1], why));
    }
    return o;
}

static int summarize(lua_State *L, const char *fname, int pos)
{
    llog *u = check_log(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"unit", "calibration_end", "holdout_end"};
    check_keys(L, fname, 2, pos, keys, 3);
    clv_rfm_options o = summary_options(L, fname, pos);
    clv_rfm *r = NULL;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    box *held = push_box(L, free_rfm);
    clv_status st = clv_rfm_summarize(u->log, &o, &r, &fault);
    held->p = r;
    raise_unless_built(L, fname, st, &fault, pos);
    return push_summary(L, held);
}

/* The summary table of the clv_rfm in the box on top (which its columns
 * keep alive). */
static int push_summary(lua_State *L, box *held)
{
    const clv_rfm *r = held->p;
    lua_createtable(L, 0, 16);
    lua_createtable(L, (int)r->n, 0);
    for (size_t i = 0; i < r->n; i++) {
        lua_pushlstring(L, r->id[i], r->id_len[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "id");
    int at = lua_absindex(L, -2); /* the box: the views keep it (and r) */
    set_view(L, "x", r->x, r->n, at);
    set_view(L, "t_x", r->t_x, r->n, at);
    set_view(L, "T", r->T, r->n, at);
    set_view(L, "mean_value", r->mean_value, r->n, at);
    set_view(L, "x_holdout", r->x_holdout, r->n, at);
    set_view(L, "value_holdout", r->value_holdout, r->n, at);
    lua_createtable(L, (int)r->n, 0);
    for (size_t i = 0; i < r->n; i++) {
        push_day(L, r->first_day[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "first_purchase");
    lua_pushstring(L, clv_time_unit_name(r->unit));
    lua_setfield(L, -2, "unit");
    push_day(L, r->calibration_end);
    lua_setfield(L, -2, "calibration_end");
    if (!isnan(r->holdout_end)) {
        push_day(L, r->holdout_end);
        lua_setfield(L, -2, "holdout_end");
    }
    lua_pushinteger(L, (lua_Integer)r->rows);
    lua_setfield(L, -2, "rows");
    lua_pushinteger(L, (lua_Integer)r->transactions);
    lua_setfield(L, -2, "transactions");
    lua_pushinteger(L, (lua_Integer)r->late_customers);
    lua_setfield(L, -2, "late_customers");
    luaL_setmetatable(L, SUMMARY_META);
    return 1;
}

/* log:summary({unit = ..., calibration_end = date [, holdout_end = date]}) */
static int log_summary(lua_State *L)
{
    return summarize(L, "summary", 1);
}

/* core.rfm_summary(log, opts, fname): the same, errors naming the caller
 * fname's argument #2 (ck.rfm.summary, ck.rfm.read_csv). */
static int l_rfm_summary(lua_State *L)
{
    const char *fname = luaL_checkstring(L, 3);
    lua_settop(L, 2);
    return summarize(L, fname, 2);
}

static void free_stream(void *p)
{
    clv_rfm_stream_free((clv_rfm_stream *)p);
}

/* core.rfm_read_summary(path, {customer, date [, amount] [, separator],
 *                        unit [, calibration_end] [, holdout_end] [, progress]})
 *   -> summary | nil, message, code
 * The file streamed into the summary (clv_rfm_stream_read_csv, rows in any
 * order) without building the log; the same summary as rfm_read_log then
 * rfm_summary.  Its progress as lprogress.h says. */
static int l_rfm_read_summary(lua_State *L)
{
    const char *fname = "rfm.read_csv";
    const char *path = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const names[] = {"customer",    "date",    "amount",
                                        "separator",   "unit",    "calibration_end",
                                        "holdout_end", "progress"};
    check_keys(L, fname, 2, 2, names, 8);
    clv_csv_options co = csv_options(L, fname);
    clv_rfm_options ro = summary_options(L, fname, 2);
    lprogress prog;
    lprogress_init(&prog, L, fname, lprogress_option(L, fname, 2, 2));
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_rfm_stream *s = NULL;
    box *stream = push_box(L, free_stream);
    clv_status st = clv_rfm_stream_create(&ro, CLV_STREAM_ANY, &s, &fault);
    stream->p = s;
    raise_unless_built(L, fname, st, &fault, 2);
    clv_csv_error err = {0, 0, NULL};
    st = clv_rfm_stream_read_csv(path, &co, s, lprogress_read, &prog, &err);
    int stopped = lprogress_end(&prog, st);
    if (stopped || st != CLV_OK) {
        release(stream); /* now, not at the next collection */
        return stopped ? stopped : read_failed(L, fname, path, st, &err);
    }
    clv_rfm *r = NULL;
    box *held = push_box(L, free_rfm);
    st = clv_rfm_stream_summary(s, &r, &fault);
    held->p = r;
    release(stream);
    raise_unless_built(L, fname, st, &fault, 2);
    return push_summary(L, held);
}

static int summary_len(lua_State *L)
{
    lua_getfield(L, 1, "x");
    lua_pushinteger(L, luaL_len(L, -1));
    return 1;
}

static int summary_tostring(lua_State *L)
{
    lua_getfield(L, 1, "x");
    lua_Integer n = luaL_len(L, -1);
    lua_getfield(L, 1, "unit");
    const char *unit = luaL_tolstring(L, -1, NULL);
    lua_getfield(L, 1, "calibration_end");
    const char *end = luaL_tolstring(L, -1, NULL);
    lua_pushfstring(L, "clvkit.Summary: %d customers, unit %s, calibration end %s", (int)n, unit,
                    end);
    return 1;
}

int clvkit_is_summary(lua_State *L, int idx)
{
    int yes = lua_getmetatable(L, idx);
    if (yes) {
        luaL_getmetatable(L, SUMMARY_META);
        yes = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);
    }
    return yes;
}

/* core.is_summary(t) -> true when t is a summary made here */
static int l_is_summary(lua_State *L)
{
    lua_pushboolean(L, clvkit_is_summary(L, 1));
    return 1;
}

static int log_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)clv_txlog_rows(check_log(L, 1)->log));
    return 1;
}

static int log_customers(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)clv_txlog_customers(check_log(L, 1)->log));
    return 1;
}

static int log_span(lua_State *L)
{
    llog *u = check_log(L, 1);
    push_day(L, clv_txlog_first_day(u->log));
    push_day(L, clv_txlog_last_day(u->log));
    return 2;
}

static int log_tostring(lua_State *L)
{
    llog *u = check_log(L, 1);
    lua_pushfstring(L, "clvkit.Log: %d transactions of %d customers", (int)clv_txlog_rows(u->log),
                    (int)clv_txlog_customers(u->log));
    return 1;
}

/* ---- cohorts ---------------------------------------------------------------------- */

static clv_time_unit opt_unit(lua_State *L, const char *fname, int idx, const char *key,
                              clv_time_unit def)
{
    clv_time_unit u = def;
    if (lua_getfield(L, idx, key) != LUA_TNIL &&
        (lua_type(L, -1) != LUA_TSTRING || clv_time_unit_parse(lua_tostring(L, -1), &u) != CLV_OK))
        bad_arg(L, fname, 2,
                lua_pushfstring(L,
                                "%s must be \"day\", \"week\", \"month\" or "
                                "\"year\"",
                                key));
    lua_pop(L, 1);
    return u;
}

static double opt_day(lua_State *L, const char *fname, int idx, const char *key)
{
    double day = NAN;
    const char *why;
    if (lua_getfield(L, idx, key) != LUA_TNIL && !to_day(L, -1, &day, &why))
        bad_arg(L, fname, 2, lua_pushfstring(L, "%s %s", key, why));
    lua_pop(L, 1);
    return day;
}

/* core.cohort_table(log, {period = "month" [, end = date]}) ->
 * {period, cohorts = {{start, size, active, revenue, retention,
 *   revenue_per_customer, survivors, sbg = model | nil, sbg_error}, ...}} */
static int l_cohort_table(lua_State *L)
{
    const char *fname = "cohort.table";
    llog *u = check_log(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"period", "end"};
    check_keys(L, fname, 2, 2, keys, 2);
    clv_cohort_options o = {opt_unit(L, fname, 2, "period", CLV_UNIT_MONTH),
                            opt_day(L, fname, 2, "end")};
    clv_cohort_table *t = NULL;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    box *held = push_box(L, free_cohorts);
    clv_status st = clv_cohort_table_build(u->log, &o, &t, &fault);
    held->p = t;
    raise_unless_built(L, fname, st, &fault, fault.arg == 0 ? 1 : 2);
    lua_createtable(L, 0, 2);
    lua_pushstring(L, clv_time_unit_name(t->period));
    lua_setfield(L, -2, "period");
    lua_createtable(L, (int)t->ncohorts, 0);
    for (size_t c = 0; c < t->ncohorts; c++) {
        size_t at = c * t->nages, nobs = (size_t)t->ages[c];
        lua_createtable(L, 0, 10);
        push_day(L, t->start_day[c]);
        lua_setfield(L, -2, "start");
        lua_pushnumber(L, t->size[c]);
        lua_setfield(L, -2, "size");
        set_numbers(L, "active", t->active + at, nobs, NAN_ENDS);
        set_numbers(L, "revenue", t->revenue + at, nobs, NAN_ENDS);
        set_numbers(L, "retention", t->retention + at, nobs, NAN_ENDS);
        set_numbers(L, "revenue_per_customer", t->revenue_per_customer + at, nobs, NAN_ENDS);
        set_numbers(L, "survivors", t->survivors + at, nobs, NAN_ENDS);
        clv_model m;
        clv_fit_info info;
        clv_fault f2 = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status fit = clv_cohort_sbg(t, c, NULL, &m, &info, &f2);
        if (fit == CLV_ENOMEM)
            return memory_error(L);
        if (fit == CLV_OK) {
            clvkit_push_model(L, &m, &info);
            lua_setfield(L, -2, "sbg");
        } else {
            lua_pushstring(L, f2.reason ? f2.reason : "no sBG fit");
            lua_setfield(L, -2, "sbg_error");
        }
        lua_rawseti(L, -2, (lua_Integer)c + 1);
    }
    lua_setfield(L, -2, "cohorts");
    release(held);
    return 1;
}

/* core.early_value(log, {ages = {...}, unit = "day" [, period = "month", end = date]}) ->
 * {ages, unit, period, cohorts = {{start, mean, customers}, ...}, all = {mean, customers}}
 * A cell no customer has fully reached is false. */
static int l_early_value(lua_State *L)
{
    const char *fname = "cohort.early_value";
    llog *u = check_log(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"ages", "unit", "period", "end"};
    check_keys(L, fname, 2, 2, keys, 4);
    clv_early_value_options o;
    o.period = opt_unit(L, fname, 2, "period", CLV_UNIT_MONTH);
    o.unit = opt_unit(L, fname, 2, "unit", CLV_UNIT_NONE);
    if (o.unit == CLV_UNIT_NONE)
        bad_arg(L, fname, 2, "unit of the ages must be given (\"day\", \"week\", ...)");
    o.end = opt_day(L, fname, 2, "end");
    if (lua_getfield(L, 2, "ages") == LUA_TNIL)
        bad_arg(L, fname, 2, "missing 'ages'");
    o.ages = check_sequence(L, fname, lua_gettop(L), "ages", &o.nages, 2);
    clv_early_value *ev = NULL;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    box *held = push_box(L, free_early);
    clv_status st = clv_early_value_build(u->log, &o, &ev, &fault);
    held->p = ev;
    raise_unless_built(L, fname, st, &fault, fault.arg == 0 ? 1 : 2);
    lua_createtable(L, 0, 5);
    set_numbers(L, "ages", ev->ages, ev->nages, NAN_FALSE);
    lua_pushstring(L, clv_time_unit_name(ev->unit));
    lua_setfield(L, -2, "unit");
    lua_pushstring(L, clv_time_unit_name(ev->period));
    lua_setfield(L, -2, "period");
    lua_createtable(L, (int)ev->ncohorts, 0);
    for (size_t c = 0; c < ev->ncohorts; c++) {
        lua_createtable(L, 0, 3);
        push_day(L, ev->start_day[c]);
        lua_setfield(L, -2, "start");
        set_numbers(L, "mean", ev->mean + c * ev->nages, ev->nages, NAN_FALSE);
        set_numbers(L, "customers", ev->customers + c * ev->nages, ev->nages, NAN_FALSE);
        lua_rawseti(L, -2, (lua_Integer)c + 1);
    }
    lua_setfield(L, -2, "cohorts");
    lua_createtable(L, 0, 2);
    set_numbers(L, "mean", ev->all_mean, ev->nages, NAN_FALSE);
    set_numbers(L, "customers", ev->all_customers, ev->nages, NAN_FALSE);
    lua_setfield(L, -2, "all");
    release(held);
    return 1;
}

static const luaL_Reg log_methods[] = {
    {"summary", log_summary}, {"customers", log_customers}, {"span", log_span}, {NULL, NULL}};

static const luaL_Reg rfm_funcs[] = {{"rfm_log", l_rfm_log},
                                     {"rfm_read_log", l_rfm_read_log},
                                     {"rfm_read_summary", l_rfm_read_summary},
                                     {"rfm_summary", l_rfm_summary},
                                     {"is_summary", l_is_summary},
                                     {"cohort_table", l_cohort_table},
                                     {"early_value", l_early_value},
                                     {NULL, NULL}};

void clvkit_open_rfm(lua_State *L)
{
    static const luaL_Reg box_meta[] = {{"__gc", box_gc}, {NULL, NULL}};
    static const luaL_Reg log_meta[] = {
        {"__gc", log_gc}, {"__len", log_len}, {"__tostring", log_tostring}, {NULL, NULL}};
    define_class(L, BOX_META, box_meta, NULL);
    lua_pop(L, 1);
    define_class(L, LOG_META, log_meta, log_methods);
    lua_pop(L, 1);
    static const luaL_Reg summary_meta[] = {
        {"__len", summary_len}, {"__tostring", summary_tostring}, {NULL, NULL}};
    define_class(L, SUMMARY_META, summary_meta, NULL);
    lua_pop(L, 1);
    luaL_setfuncs(L, rfm_funcs, 0);
}
