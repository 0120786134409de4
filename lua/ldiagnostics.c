/*
 * ldiagnostics.c -- the Lua binding of the diagnostics and intervals
 * (clvkit/diagnostics.h, clvkit/intervals.h): methods of the transaction
 * models (m:tracking, m:period_counts, m:holdout_by_frequency, m:matrix,
 * m:interval), each named by its row of the description and returning a
 * table of columns.  m:dert comes with the other predictions (lmodels.c).
 * No math here: this file converts Lua values, calls the core and names the
 * argument the core's fault blames, through the row.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#include "clvkit/clvkit.h"
#include "lhelpers.h"
#include "lopen.h"
#include "lprogress.h"

/* ---- helpers ----------------------------------------------------------------------- */

/* The method's row (upvalue 1) and its Lua name. */
static const clv_func *row_of(lua_State *L, const char **fname)
{
    const clv_func *f = (const clv_func *)lua_touserdata(L, lua_upvalueindex(1));
    *fname = clv_func_method(f);
    return f;
}

/* Raises the error of a failed call: the Lua argument #pos that holds the C
 * argument the fault names (data columns and options share one table). */
static int diag_error(lua_State *L, const char *fname, const clv_func *f, clv_status st,
                      const clv_fault *fault, const int *pos_of_arg, size_t nargs,
                      const double *const *cols, size_t n)
{
    const char *name = clv_fault_param(f, fault);
    if (st == CLV_ENOMEM)
        return luaL_error(L, "%s: out of memory", fname);
    if (!name || fault->arg >= nargs || pos_of_arg[fault->arg] == 0)
        return result_error(L, fname, st, fault);
    int row = clv_fault_has_row(f, fault);
    const double *value = row && cols && cols[fault->arg] && fault->element < n
                              ? &cols[fault->arg][fault->element]
                              : NULL;
    return arg_error(L, fname, pos_of_arg[fault->arg], name, row ? fault->element : CLV_FAULT_NONE,
                     fault->reason ? fault->reason : clv_strerror(st), value);
}

/* Column `name` of the data table at idx (argument #pos), NULL when absent
 * and optional; its length must be *n (set by the first column read). */
static const double *column(lua_State *L, const char *fname, int idx, int pos, const char *name,
                            int optional, size_t *n)
{
    if (lua_getfield(L, idx, name) == LUA_TNIL) {
        lua_pop(L, 1);
        if (!optional)
            bad_arg(L, fname, pos, lua_pushfstring(L, "missing '%s'", name));
        return NULL;
    }
    size_t len;
    const double *v = check_sequence(L, fname, lua_gettop(L), name, &len, pos);
    if (*n != SIZE_MAX && len != *n)
        bad_arg(L, fname, pos,
                lua_pushfstring(L, "%s has %d entries, others %d", name, (int)len, (int)*n));
    if (len == 0)
        bad_arg(L, fname, pos, lua_pushfstring(L, "%s must not be empty", name));
    *n = len;
    return v;
}

/* Option `name` of the table at idx (argument #pos): a number, or the row's
 * default when nil. */
static double option(lua_State *L, const char *fname, const clv_func *f, int idx, int pos,
                     const char *name)
{
    clv_arg a;
    clv_func_arg(f, clv_func_arg_index(f, name), &a);
    if (lua_isnoneornil(L, idx))
        return a.def;
    return field_number(L, fname, idx, pos, name, a.optional, a.def);
}

/* A whole count for size_t (the core checks the value; here only the range
 * a size_t can hold). */
static size_t to_size(double v)
{
    return v >= 0 && v < 1e15 ? (size_t)v : (size_t)1e15;
}

static void push_column(lua_State *L, const char *k, const double *v, size_t n)
{
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, k);
}

/* group = {0, 1, ..., top}, label = {"0", ..., "top+"} */
static void push_groups(lua_State *L, size_t top)
{
    lua_createtable(L, (int)top + 1, 0);
    lua_createtable(L, (int)top + 1, 0);
    for (size_t g = 0; g <= top; g++) {
        lua_pushinteger(L, (lua_Integer)g);
        lua_rawseti(L, -3, (lua_Integer)g + 1);
        lua_pushfstring(L, g == top ? "%d+" : "%d", (int)g);
        lua_rawseti(L, -2, (lua_Integer)g + 1);
    }
    lua_setfield(L, -3, "label");
    lua_setfield(L, -2, "group");
}

/* A day from "YYYY-MM-DD" text or a YYYYMMDD number (the core's rules). */
static int to_day(lua_State *L, int idx, double *day)
{
    size_t len;
    if (lua_type(L, idx) == LUA_TNUMBER)
        return clv_day_from_number(lua_tonumber(L, idx), day) == CLV_OK;
    if (lua_type(L, idx) != LUA_TSTRING)
        return 0;
    const char *s = lua_tolstring(L, idx, &len);
    return clv_day_parse(s, len, day) == CLV_OK;
}

/* ---- tracking ------------------------------------------------------------------------ */

static void free_tracking(void *p)
{
    clv_tracking_free((clv_tracking *)p);
}

/* m:tracking(log [, {period = 1, periods = 0, origin = date}]) ->
 * {period = {1..k}, actual, actual_cum, expected, expected_cum, length,
 *  origin, customers} */
static int m_tracking(lua_State *L)
{
    const char *fname;
    const clv_func *f = row_of(L, &fname);
    const clv_model *m = clvkit_check_model(L, 1, NULL);
    clv_txlog *log = clvkit_check_log(L, 2);
    static const char *const keys[] = {"period", "periods", "origin"};
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        check_keys(L, fname, 3, 2, keys, 3);
    }
    double period = option(L, fname, f, 3, 2, "period");
    double periods = option(L, fname, f, 3, 2, "periods");
    double origin = NAN;
    if (!lua_isnoneornil(L, 3) && lua_getfield(L, 3, "origin") != LUA_TNIL &&
        !to_day(L, -1, &origin))
        bad_arg(L, fname, 2, "origin is not a date (YYYY-MM-DD or YYYYMMDD)");
    if (!(periods >= 0 && periods == floor(periods)))
        bad_arg(L, fname, 2,
                lua_pushfstring(L, "periods %s, got %s", clv_domain_text(CLV_D_WHOLE),
                                show_number(L, periods)));
    clv_tracking *t = NULL;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    void **owner = clvkit_push_box(L, free_tracking);
    clv_status st = clv_tracking_log(m, log, period, to_size(periods), origin, &t, &fault);
    *owner = t;
    if (st != CLV_OK) {
        static const int pos[] = {0, 1, 2, 2, 2, 0};
        const double vals[] = {0, 0, period, periods, origin};
        if (fault.arg >= 2 && fault.arg <= 4 && clv_fault_param(f, &fault))
            return arg_error(L, fname, 2, clv_fault_param(f, &fault), CLV_FAULT_NONE,
                             fault.reason ? fault.reason : clv_strerror(st),
                             fault.arg == 4 ? NULL : &vals[fault.arg]);
        return diag_error(L, fname, f, st, &fault, pos, 6, NULL, 0);
    }
    lua_createtable(L, 0, 8);
    lua_createtable(L, (int)t->periods, 0);
    for (size_t k = 0; k < t->periods; k++) {
        lua_pushinteger(L, (lua_Integer)k + 1);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_setfield(L, -2, "period");
    push_column(L, "actual", t->actual, t->periods);
    push_column(L, "actual_cum", t->actual_cum, t->periods);
    push_column(L, "expected", t->expected, t->periods);
    push_column(L, "expected_cum", t->expected_cum, t->periods);
    lua_pushnumber(L, t->period);
    lua_setfield(L, -2, "length");
    push_day(L, t->origin);
    lua_setfield(L, -2, "origin");
    lua_pushinteger(L, (lua_Integer)t->customers);
    lua_setfield(L, -2, "customers");
    if (m->unit != CLV_UNIT_NONE) {
        lua_pushstring(L, clv_time_unit_name(m->unit));
        lua_setfield(L, -2, "unit");
    }
    return 1;
}

/* ---- period counts ------------------------------------------------------------------- */

/* m:period_counts(summary | {x, T [, weight]} [, {top = 7}]) ->
 * {group, label, actual, expected} */
static int m_period_counts(lua_State *L)
{
    const char *fname;
    const clv_func *f = row_of(L, &fname);
    const clv_model *m = clvkit_check_model(L, 1, NULL);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"top"};
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        check_keys(L, fname, 3, 2, keys, 1);
    }
    double top = option(L, fname, f, 3, 2, "top");
    if (!(top >= 1 && top <= 1e5 && top == floor(top)))
        bad_arg(L, fname, 2,
                lua_pushfstring(L, "top must be in 1 .. 10^5, got %s", show_number(L, top)));
    size_t n = SIZE_MAX;
    const double *cols[8] = {NULL};
    cols[1] = column(L, fname, 2, 1, "x", 0, &n);
    cols[2] = column(L, fname, 2, 1, "T", 0, &n);
    cols[3] = column(L, fname, 2, 1, "weight", 1, &n);
    size_t g = (size_t)top + 1;
    double *out = (double *)lua_newuserdatauv(L, 2 * g * sizeof(double), 0);
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st =
        clv_period_counts(m, cols[1], cols[2], cols[3], n, (size_t)top, out, out + g, &fault);
    if (st != CLV_OK) {
        static const int pos[] = {0, 1, 1, 1, 1, 2, 0, 0};
        return diag_error(L, fname, f, st, &fault, pos, 8, cols, n);
    }
    lua_createtable(L, 0, 4);
    push_groups(L, (size_t)top);
    push_column(L, "actual", out, g);
    push_column(L, "expected", out + g, g);
    return 1;
}

/* ---- holdout by frequency ------------------------------------------------------------ */

/* The holdout length of a summary: from its calibration end to its holdout
 * end, in its unit; NaN when it has none. */
static double summary_holdout(lua_State *L, int idx)
{
    double a, b;
    clv_time_unit u;
    int ok = lua_getfield(L, idx, "calibration_end") != LUA_TNIL && to_day(L, -1, &a);
    ok = ok && lua_getfield(L, idx, "holdout_end") != LUA_TNIL && to_day(L, -1, &b);
    ok = ok && lua_getfield(L, idx, "unit") == LUA_TSTRING &&
         clv_time_unit_parse(lua_tostring(L, -1), &u) == CLV_OK;
    return ok ? (b - a) / clv_time_unit_days(u) : NAN;
}

/* m:holdout_by_frequency(summary | {x, t_x, T, x_holdout [, weight]}
 *                        [, {t = holdout length, top = 7}]) ->
 * {group, label, count, actual, expected, mae, rmse, actual_total,
 *  expected_total, error_pct} */
static int m_holdout(lua_State *L)
{
    const char *fname;
    const clv_func *f = row_of(L, &fname);
    const clv_model *m = clvkit_check_model(L, 1, NULL);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"t", "top"};
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        check_keys(L, fname, 3, 2, keys, 2);
    }
    double t = lua_isnoneornil(L, 3) ? NAN : field_number(L, fname, 3, 2, "t", 1, NAN);
    if (isnan(t) && (lua_isnoneornil(L, 3) || lua_getfield(L, 3, "t") == LUA_TNIL))
        t = summary_holdout(L, 2);
    if (isnan(t))
        bad_arg(L, fname, 2,
                "missing 't' (the holdout length; a summary with a holdout_end "
                "gives it)");
    double top = option(L, fname, f, 3, 2, "top");
    if (!(top >= 1 && top <= 1e5 && top == floor(top)))
        bad_arg(L, fname, 2,
                lua_pushfstring(L, "top must be in 1 .. 10^5, got %s", show_number(L, top)));
    size_t n = SIZE_MAX;
    const double *cols[13] = {NULL};
    cols[2] = column(L, fname, 2, 1, "x", 0, &n);
    cols[3] = column(L, fname, 2, 1, "t_x", 0, &n);
    cols[4] = column(L, fname, 2, 1, "T", 0, &n);
    cols[5] = column(L, fname, 2, 1, "x_holdout", 0, &n);
    cols[6] = column(L, fname, 2, 1, "weight", 1, &n);
    size_t g = (size_t)top + 1;
    double *out = (double *)lua_newuserdatauv(L, 3 * g * sizeof(double), 0);
    clv_holdout_errors err;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_holdout_by_frequency(m, t, cols[2], cols[3], cols[4], cols[5], cols[6], n,
                                             (size_t)top, out, out + g, out + 2 * g, &err, &fault);
    if (st != CLV_OK) {
        static const int pos[] = {0, 2, 1, 1, 1, 1, 1, 1, 2, 0, 0, 0, 0};
        if (fault.arg == 1)
            return arg_error(L, fname, 2, "t", CLV_FAULT_NONE,
                             fault.reason ? fault.reason : clv_strerror(st), &t);
        return diag_error(L, fname, f, st, &fault, pos, 13, cols, n);
    }
    lua_createtable(L, 0, 10);
    push_groups(L, (size_t)top);
    push_column(L, "count", out, g);
    push_column(L, "actual", out + g, g);
    push_column(L, "expected", out + 2 * g, g);
    set_number_field(L, "mae", err.mae);
    set_number_field(L, "rmse", err.rmse);
    set_number_field(L, "actual_total", err.actual_total);
    set_number_field(L, "expected_total", err.expected_total);
    set_number_field(L, "error_pct", err.error_pct);
    set_number_field(L, "t", t);
    return 1;
}

/* ---- matrices ------------------------------------------------------------------------ */

/* m:matrix{what = "expected" | "palive", T = age, t = 1, freq = {...},
 *          rec = {...}} -> {what, freq, rec, values = {{...}, ...}}
 * values[i][j]: frequency freq[i], recency rec[j]. */
static int m_matrix(lua_State *L)
{
    const char *fname;
    const clv_func *f = row_of(L, &fname);
    const clv_model *m = clvkit_check_model(L, 1, NULL);
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"what", "T", "t", "freq", "rec"};
    check_keys(L, fname, 2, 1, keys, 5);
    clv_matrix_kind kind = CLV_MATRIX_EXPECTED;
    if (lua_getfield(L, 2, "what") != LUA_TNIL) {
        const char *w = lua_tostring(L, -1);
        if (w && strcmp(w, "palive") == 0)
            kind = CLV_MATRIX_PALIVE;
        else if (!w || strcmp(w, "expected") != 0)
            bad_arg(L, fname, 1, "what must be \"expected\" or \"palive\"");
    }
    double T = field_number(L, fname, 2, 1, "T", 0, 0);
    double t = option(L, fname, f, 2, 1, "t");
    size_t nf = SIZE_MAX, nr = SIZE_MAX;
    const double *cols[9] = {NULL};
    cols[4] = column(L, fname, 2, 1, "freq", 0, &nf);
    cols[6] = column(L, fname, 2, 1, "rec", 0, &nr);
    if (nf > 10000 || nr > 10000)
        bad_arg(L, fname, 1, "freq and rec must have at most 10000 entries each");
    double *out = (double *)lua_newuserdatauv(L, nf * nr * sizeof(double), 0);
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_tx_matrix(m, kind, t, T, cols[4], nf, cols[6], nr, out, &fault);
    if (st != CLV_OK) {
        static const int pos[] = {0, 1, 1, 1, 1, 1, 1, 1, 0};
        if (fault.arg == 2 || fault.arg == 3)
            return arg_error(L, fname, 1, fault.arg == 2 ? "t" : "T", CLV_FAULT_NONE,
                             fault.reason ? fault.reason : clv_strerror(st),
                             fault.arg == 2 ? &t : &T);
        return diag_error(L, fname, f, st, &fault, pos, 9, cols, fault.arg == 4 ? nf : nr);
    }
    lua_createtable(L, 0, 4);
    lua_pushstring(L, kind == CLV_MATRIX_PALIVE ? "palive" : "expected");
    lua_setfield(L, -2, "what");
    push_column(L, "freq", cols[4], nf);
    push_column(L, "rec", cols[6], nr);
    lua_createtable(L, (int)nf, 0);
    for (size_t i = 0; i < nf; i++) {
        lua_createtable(L, (int)nr, 0);
        for (size_t j = 0; j < nr; j++) {
            lua_pushnumber(L, out[i * nr + j]);
            lua_rawseti(L, -2, (lua_Integer)j + 1);
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "values");
    lua_pushnumber(L, T);
    lua_setfield(L, -2, "T");
    lua_pushnumber(L, t);
    lua_setfield(L, -2, "t");
    if (m->unit != CLV_UNIT_NONE) {
        lua_pushstring(L, clv_time_unit_name(m->unit));
        lua_setfield(L, -2, "unit");
    }
    return 1;
}

/* ---- intervals ----------------------------------------------------------------------- */

static const char *const pred_names[] = {
    "palive", "conditional_expected", "expected", "dert", "clv", NULL};

static void push_interval(lua_State *L, const clv_interval *iv, double level, const char *method)
{
    lua_createtable(L, 0, 7);
    set_number_field(L, "estimate", iv->estimate);
    set_number_field(L, "lower", iv->lower);
    set_number_field(L, "upper", iv->upper);
    set_number_field(L, "se", iv->se);
    lua_pushinteger(L, (lua_Integer)iv->replicates);
    lua_setfield(L, -2, "replicates");
    lua_pushnumber(L, level);
    lua_setfield(L, -2, "level");
    lua_pushstring(L, method);
    lua_setfield(L, -2, "method");
}

static void free_boot(void *p)
{
    clv_bootstrap_free((clv_bootstrap *)p);
}

/* A customer column of opts (#pos): a number (one customer) or a sequence
 * (the sum over them); *n agrees across columns. */
static const double *customer_column(lua_State *L, const char *fname, int pos, const char *name,
                                     int optional, size_t *n)
{
    int t = lua_getfield(L, 3, name);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        if (!optional)
            bad_arg(L, fname, pos, lua_pushfstring(L, "missing '%s'", name));
        return NULL;
    }
    if (t == LUA_TNUMBER) {
        double *v = (double *)lua_newuserdatauv(L, sizeof(double), 0);
        *v = lua_tonumber(L, -2);
        if (*n != SIZE_MAX && *n != 1)
            bad_arg(L, fname, pos,
                    lua_pushfstring(L, "%s is one number, others %d", name, (int)*n));
        *n = 1;
        return v;
    }
    return column(L, fname, 3, pos, name, optional, n);
}

/* m:interval(what, {x, t_x, T, t, delta, margin, m, gg, level = 0.9,
 *                   method = "delta" | "bootstrap", data, replicates, seed,
 *                   threads})
 * what: "palive", "conditional_expected", "expected", "dert", "clv" or
 * "params".  Sequences of customers give the interval of the sum. */
static int m_interval(lua_State *L)
{
    const char *fname;
    const clv_func *f = row_of(L, &fname);
    const clv_fit_info *info = NULL;
    const clv_model *m = clvkit_check_model(L, 1, &info);
    const char *what = luaL_checkstring(L, 2);
    int params = strcmp(what, "params") == 0;
    int kind = 0;
    while (!params && pred_names[kind] && strcmp(pred_names[kind], what) != 0)
        kind++;
    if (!params && !pred_names[kind])
        bad_arg(L, fname, 1,
                "what must be \"palive\", \"conditional_expected\", \"expected\", "
                "\"dert\", \"clv\" or \"params\"");
    if (lua_isnoneornil(L, 3)) {
        lua_settop(L, 2);
        lua_newtable(L);
    }
    luaL_checktype(L, 3, LUA_TTABLE);
    static const char *const keys[] = {"x",      "t_x",        "T",    "t",       "delta",
                                       "margin", "m",          "gg",   "level",   "method",
                                       "data",   "replicates", "seed", "threads", "progress"};
    check_keys(L, fname, 3, 2, keys, sizeof keys / sizeof keys[0]);
    double level = option(L, fname, f, 3, 2, "level");
    const char *method = "delta";
    if (lua_getfield(L, 3, "method") != LUA_TNIL) {
        method = lua_tostring(L, -1);
        if (!method || (strcmp(method, "delta") != 0 && strcmp(method, "bootstrap") != 0))
            bad_arg(L, fname, 2, "method must be \"delta\" or \"bootstrap\"");
    }
    int boot = strcmp(method, "bootstrap") == 0;
    const clv_model *gg = NULL;
    const clv_fit_info *gg_info = NULL;
    if (lua_getfield(L, 3, "gg") != LUA_TNIL)
        gg = clvkit_check_model(L, lua_gettop(L), &gg_info);

    clv_prediction pred = {(clv_prediction_kind)kind, 0, 0, 0, NULL, NULL, NULL, NULL, 1};
    size_t n = SIZE_MAX;
    if (!params) {
        int customers = pred.kind != CLV_PRED_EXPECTED;
        pred.t =
            field_number(L, fname, 3, 2, "t",
                         !(pred.kind == CLV_PRED_CONDITIONAL || pred.kind == CLV_PRED_EXPECTED), 0);
        pred.delta = field_number(L, fname, 3, 2, "delta",
                                  pred.kind != CLV_PRED_DERT && pred.kind != CLV_PRED_CLV, 0);
        pred.margin = field_number(L, fname, 3, 2, "margin", pred.kind != CLV_PRED_CLV, 1);
        if (customers) {
            pred.x = customer_column(L, fname, 2, "x", 0, &n);
            pred.t_x = customer_column(L, fname, 2, "t_x", 0, &n);
            pred.T = customer_column(L, fname, 2, "T", 0, &n);
            pred.m = customer_column(L, fname, 2, "m", pred.kind != CLV_PRED_CLV, &n);
            pred.n = n;
        }
    }
    clv_interval iv[2 * CLV_MODEL_MAXPARAMS];
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st;
    const clv_func *row = f;
    if (!boot) {
        if (!info)
            bad_arg(L, fname, 2,
                    "the delta method needs the covariance of a fit; this "
                    "model was made from known parameters");
        if (pred.kind == CLV_PRED_CLV && !params && gg && !gg_info)
            bad_arg(L, fname, 2, "gg: the delta method needs a fitted Gamma-Gamma model");
        if (params) {
            row = clv_func_find("param_intervals");
            st = clv_param_intervals(m, info->cov, level, iv, &fault);
        } else {
            st = clv_interval_delta(m, info->cov, gg, gg_info ? gg_info->cov : NULL, &pred, level,
                                    iv, &fault);
        }
    } else {
        if (lua_getfield(L, 3, "data") != LUA_TTABLE)
            bad_arg(L, fname, 2,
                    "the bootstrap needs data = the summary (or {x, t_x, T [, "
                    "mean_value]}) the model was fitted on");
        int d = lua_gettop(L);
        size_t nd = SIZE_MAX;
        const double *x = column(L, fname, d, 2, "x", 0, &nd);
        const double *tx = column(L, fname, d, 2, "t_x", 0, &nd);
        const double *T = column(L, fname, d, 2, "T", 0, &nd);
        const double *mv = gg ? column(L, fname, d, 2, "mean_value", 0, &nd) : NULL;
        clv_bootstrap_options o = {to_size(field_number(L, fname, 3, 2, "replicates", 1, 200)),
                                   (uint64_t)to_size(field_number(L, fname, 3, 2, "seed", 1, 1)),
                                   to_size(field_number(L, fname, 3, 2, "threads", 1, 0)),
                                   lprogress_share, NULL};
        lprogress prog;
        lprogress_init(&prog, L, fname, lprogress_option(L, fname, 3, 2));
        o.progress_data = &prog;
        clv_bootstrap *b = NULL;
        void **owner = clvkit_push_box(L, free_boot);
        st = clv_bootstrap_fit(m->kind, x, tx, T, mv, nd, m->unit, &o, &b, &fault);
        *owner = b;
        int stopped = lprogress_end(&prog, st);
        if (stopped)
            return stopped;
        if (st != CLV_OK) {
            if (st == CLV_ENOCONV || st == CLV_ENOMEM)
                return result_error(L, fname, st, &fault);
            const char *name = clv_fault_param(clv_func_find("bootstrap_fit"), &fault);
            return bad_arg(L, fname, 2,
                           lua_pushfstring(L, "data: %s %s", name ? name : "",
                                           fault.reason ? fault.reason : ""));
        }
        if (params) {
            row = clv_func_find("param_intervals_bootstrap");
            st = clv_param_intervals_bootstrap(b, level, iv, gg ? iv + CLV_MODEL_MAXPARAMS : NULL,
                                               &fault);
        } else {
            row = clv_func_find("interval_bootstrap");
            st = clv_interval_bootstrap(b, &pred, level, iv, &fault);
        }
    }
    if (st != CLV_OK) {
        const char *name = clv_fault_param(row, &fault);
        const char *reason = fault.reason ? fault.reason : clv_strerror(st);
        if (name && strcmp(name, "level") == 0)
            return arg_error(L, fname, 2, "level", CLV_FAULT_NONE, reason, &level);
        if (name && strcmp(name, "pred") == 0) {
            if (fault.element != CLV_FAULT_NONE)
                return bad_arg(
                    L, fname, 2,
                    lua_pushfstring(L, "customer %d: %s", (int)fault.element + 1, reason));
            return bad_arg(L, fname, 2, reason);
        }
        if (name && strcmp(name, "gg") == 0)
            return bad_arg(L, fname, 2, lua_pushfstring(L, "gg: %s", reason));
        return result_error(L, fname, st, &fault);
    }
    if (!params) {
        push_interval(L, iv, level, method);
        return 1;
    }
    lua_createtable(L, 0, 8);
    for (size_t i = 0; i < clv_model_nparams(m->kind); i++) {
        push_interval(L, &iv[i], level, method);
        lua_setfield(L, -2, clv_model_param_name(m->kind, i));
    }
    if (boot && gg) {
        lua_createtable(L, 0, 3);
        for (size_t i = 0; i < clv_model_nparams(CLV_MODEL_GG); i++) {
            push_interval(L, &iv[CLV_MODEL_MAXPARAMS + i], level, method);
            lua_setfield(L, -2, clv_model_param_name(CLV_MODEL_GG, i));
        }
        lua_setfield(L, -2, "gg");
    }
    return 1;
}

/* ---- registration -------------------------------------------------------------------- */

typedef struct method {
    const char *row;
    lua_CFunction fn;
} method;

static const method methods[] = {
    {"tracking_log", m_tracking},        {"period_counts", m_period_counts},
    {"holdout_by_frequency", m_holdout}, {"tx_matrix", m_matrix},
    {"interval_delta", m_interval},
};

/* Adds the methods to the model kinds their rows take (the methods table
 * lmodels.c keeps in the model metatable, by kind). */
void clvkit_open_diagnostics(lua_State *L)
{
    luaL_getmetatable(L, "clvkit.Model");
    lua_getfield(L, -1, "methods");
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        const clv_func *f = clv_func_find(methods[i].row);
        for (size_t k = 1; k <= clv_model_kind_count(); k++) {
            /* GG is an input of intervals, not their model */
            if (!clv_func_applies(f, (clv_model_kind)k) || (clv_model_kind)k == CLV_MODEL_GG)
                continue;
            lua_getfield(L, -1, clv_model_name((clv_model_kind)k));
            lua_pushlightuserdata(L, (void *)(uintptr_t)f); /* light userdata has no const */
            lua_pushcclosure(L, methods[i].fn, 1);
            lua_setfield(L, -2, clv_func_method(f));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
}
