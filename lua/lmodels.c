/*
 * lmodels.c -- the Lua binding of the predictive models (clvkit/models.h):
 * model objects ("clvkit.Model" userdata) made from known parameters or by a
 * fit, their predictions, and discounted CLV.  No math here: this file
 * converts Lua values, maps faults to errors, and reports progress
 * (lprogress.h).
 *
 * Programmer errors raise ("bad argument #2 to 'palive' (t_x must be <= T,
 * got 40)"); a fit that does not converge is an outcome the caller could not
 * foresee and returns nil, message (as luaL_fileresult does).
 */

#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#include "clvkit/clvkit.h"
#include "lhelpers.h"
#include "lprogress.h"
#include "lopen.h"

#define MODEL_META "clvkit.Model"

typedef struct lmodel {
    clv_model m;
    int fitted; /* info is valid */
    clv_fit_info info;
} lmodel;

static lmodel *check_model(lua_State *L, int idx)
{
    return (lmodel *)luaL_checkudata(L, idx, MODEL_META);
}

static lmodel *push_model(lua_State *L, const clv_model *m, const clv_fit_info *info)
{
    lmodel *u = (lmodel *)lua_newuserdatauv(L, sizeof(lmodel), 0);
    u->m = *m;
    u->fitted = info != NULL;
    if (info)
        u->info = *info;
    luaL_setmetatable(L, MODEL_META);
    return u;
}

void clvkit_push_model(lua_State *L, const clv_model *m, const clv_fit_info *info)
{
    push_model(L, m, info);
}

const clv_model *clvkit_check_model(lua_State *L, int idx, const clv_fit_info **info)
{
    lmodel *u = check_model(L, idx);
    if (info)
        *info = u->fitted ? &u->info : NULL;
    return &u->m;
}

static clv_model_kind check_kind(lua_State *L, int idx)
{
    clv_model_kind k;
    if (clv_model_kind_parse(luaL_checkstring(L, idx), &k) != CLV_OK)
        luaL_error(L, "unknown model '%s'", lua_tostring(L, idx));
    return k;
}

static clv_time_unit check_unit(lua_State *L, const char *fname, int pos, const char *s)
{
    clv_time_unit u;
    if (clv_time_unit_parse(s, &u) != CLV_OK)
        bad_arg(L, fname, pos,
                lua_pushfstring(L,
                                "unit must be \"day\", \"week\", \"month\" or "
                                "\"year\", got \"%s\"",
                                s));
    return u;
}

/* ---- making models ------------------------------------------------------------ */

/* core.model_new(kind, {param = value, ..., unit = name}) -> model */
static int l_model_new(lua_State *L)
{
    clv_model_kind kind = check_kind(L, 1);
    const char *fname = lua_pushfstring(L, "%s.new", clv_model_name(kind));
    lua_replace(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    size_t np = clv_model_nparams(kind);
    const char *keys[CLV_MODEL_MAXPARAMS + 1];
    clv_model m = {kind, {0, 0, 0, 0}, CLV_UNIT_NONE};
    for (size_t i = 0; i < np; i++) {
        keys[i] = clv_model_param_name(kind, i);
        m.param[i] = field_number(L, fname, 2, 1, keys[i], 0, 0);
    }
    keys[np] = "unit";
    check_keys(L, fname, 2, 1, keys, np + 1);
    if (lua_getfield(L, 2, "unit") != LUA_TNIL)
        m.unit = check_unit(L, fname, 1, luaL_checkstring(L, -1));
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    if (clv_model_check(&m, &fault) != CLV_OK)
        return arg_error(L, fname, 1, keys[fault.element], CLV_FAULT_NONE, fault.reason,
                         &m.param[fault.element]);
    push_model(L, &m, NULL);
    return 1;
}

/* The sequence at idx: a summary's column or a result column is read where
 * it is, anything else is copied by check_sequence (into a block on the
 * stack). */
static const double *sequence(lua_State *L, const char *fname, int idx, const char *name, size_t *n,
                              int argpos)
{
    const double *v = clvkit_summary_column(L, idx, n);
    if (!v)
        v = clvkit_column_data(L, idx, n);
    return v ? v : check_sequence(L, fname, idx, name, n, argpos);
}

/* Reads data field `name` of the table at idx (a sequence) or NULL when it
 * is absent and optional; *n must agree across fields. */
static const double *data_field(lua_State *L, const char *fname, int idx, const char *name,
                                int optional, size_t *n, int *have_n)
{
    if (lua_getfield(L, idx, name) == LUA_TNIL) {
        lua_pop(L, 1);
        if (!optional)
            bad_arg(L, fname, 1, lua_pushfstring(L, "missing '%s'", name));
        return NULL;
    }
    size_t len;
    const double *v = sequence(L, fname, lua_gettop(L), name, &len, 1);
    if (*have_n && len != *n)
        bad_arg(L, fname, 1,
                lua_pushfstring(L, "%s has %d entries, x has %d", name, (int)len, (int)*n));
    *n = len;
    *have_n = 1;
    return v;
}

/* The sequence arguments of a fit's row, as data fields: names, which are
 * required, and the C argument index of each (for its fault). */
typedef struct fields {
    const char *name[4];
    size_t arg[4];
    int required[4], n;
} fields;

static fields fit_fields(const clv_func *fit)
{
    fields f = {{NULL}, {0}, {0}, 0};
    clv_arg a;
    for (size_t i = 0; clv_func_arg(fit, i, &a); i++)
        if (a.shape == CLV_SHAPE_SEQUENCE && f.n < 4) {
            f.name[f.n] = a.name;
            f.arg[f.n] = i;
            f.required[f.n++] = !a.optional;
        }
    return f;
}

/* Reads the fit options table at index 3 (argument #2) into *opts, *unit;
 * returns the stack index of the progress function (0: none). */
static int read_fit_options(lua_State *L, const char *fname, clv_model_kind kind,
                            clv_fit_options *opts, clv_time_unit *unit)
{
    static const char *const opt_keys[] = {"unit", "start", "max_iterations", "tolerance",
                                           "progress"};
    luaL_checktype(L, 3, LUA_TTABLE);
    check_keys(L, fname, 3, 2, opt_keys, 5);
    if (lua_getfield(L, 3, "unit") != LUA_TNIL)
        *unit = check_unit(L, fname, 2, luaL_checkstring(L, -1));
    if (lua_getfield(L, 3, "start") != LUA_TNIL) {
        size_t ns;
        opts->start = check_sequence(L, fname, lua_gettop(L), "start", &ns, 2);
        if (ns != clv_model_nparams(kind))
            bad_arg(
                L, fname, 2,
                lua_pushfstring(L, "start must hold %d parameters", (int)clv_model_nparams(kind)));
    }
    double it = field_number(L, fname, 3, 2, "max_iterations", 1, 0);
    if (!(it >= 0 && it == floor(it) && it <= 1e9))
        bad_arg(L, fname, 2, "max_iterations must be a whole number >= 0");
    opts->max_iterations = (size_t)it;
    opts->tolerance = field_number(L, fname, 3, 2, "tolerance", 1, 0);
    return lprogress_option(L, fname, 3, 2);
}

/* Raises the error of a failed fit, naming the field the core's fault names
 * (through the fit's row): the data's (#1) or the options' (#2). */
static int fit_error(lua_State *L, const char *fname, const clv_func *fit, const fields *fl,
                     const double *const *v, size_t n, clv_status st, const clv_fault *fault)
{
    const char *reason = fault->reason ? fault->reason : clv_strerror(st);
    clv_arg a;
    if (!clv_func_arg(fit, fault->arg, &a))
        return bad_arg(L, fname, 1, reason);
    if (a.shape == CLV_SHAPE_OPTIONS)
        return bad_arg(L, fname, 2, reason);
    for (int i = 0; i < fl->n; i++)
        if (fl->arg[i] == fault->arg) {
            const double *value = fault->element != CLV_FAULT_NONE && v[i] && fault->element < n
                                      ? &v[i][fault->element]
                                      : NULL;
            return arg_error(L, fname, 1, fl->name[i], fault->element, fault->reason, value);
        }
    return bad_arg(L, fname, 1, reason);
}

/* core.model_fit(kind, data, options) -> model | nil, message, code
 * data: the sequence arguments of the kind's fit in the description
 *       ({x, t_x, T [, weight]}, {x, m [, weight]}, {x, t_x, n [, weight]},
 *       {survivors}), or for sBG {lost, n} (n customers acquired).
 * options: {unit = name, start = {...}, max_iterations = n, tolerance = e} */
static int l_model_fit(lua_State *L)
{
    clv_model_kind kind = check_kind(L, 1);
    const char *fname = lua_pushfstring(L, "%s.fit", clv_model_name(kind));
    lua_replace(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const clv_func *fit = clv_model_fit_func(kind);
    double initial = 0;
    if (kind == CLV_MODEL_SBG && lua_getfield(L, 2, "lost") != LUA_TNIL) {
        static const char *const lost_keys[] = {"lost", "n"};
        check_keys(L, fname, 2, 1, lost_keys, 2);
        fit = clv_func_find("sbg_fit_lost");
        initial = field_number(L, fname, 2, 1, "n", 0, 0);
        if (!(initial > 0))
            bad_arg(L, fname, 1, "n (customers acquired) must be > 0");
    }
    fields fl = fit_fields(fit);
    if (initial == 0)
        check_keys(L, fname, 2, 1, fl.name, (size_t)fl.n);
    size_t n = 0;
    int have_n = 0;
    const double *v[4] = {NULL, NULL, NULL, NULL};
    for (int i = 0; i < fl.n; i++)
        v[i] = data_field(L, fname, 2, fl.name[i], !fl.required[i], &n, &have_n);
    if (n == 0)
        bad_arg(L, fname, 1, lua_pushfstring(L, "%s must not be empty", fl.name[0]));

    clv_fit_options opts = {0};
    clv_time_unit unit = CLV_UNIT_NONE;
    int fn = 0;
    if (!lua_isnoneornil(L, 3))
        fn = read_fit_options(L, fname, kind, &opts, &unit);
    lprogress prog;
    lprogress_init(&prog, L, fname, fn);
    opts.progress = lprogress_fit;
    opts.progress_data = &prog;

    clv_model m;
    clv_fit_info info;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_func_fit(fit, kind, v, n, initial, unit, &opts, &m, &info, &fault);
    int stopped = lprogress_end(&prog, st);
    if (stopped)
        return stopped;
    if (st == CLV_ENOMEM)
        return memory_error(L);
    if (st == CLV_ENOCONV) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s (%s)", fname, fault.reason ? fault.reason : "",
                        clv_strerror(st));
        lua_pushinteger(L, st);
        return 3;
    }
    if (st != CLV_OK)
        return fit_error(L, fname, fit, &fl, v, n, st, &fault);
    if (unit != CLV_UNIT_NONE)
        m.unit = unit;
    push_model(L, &m, &info);
    return 1;
}

/* ---- predictions ------------------------------------------------------------------ */

/* The whole-base form of a prediction (group BULK, "<name>_many"), called
 * once for all n customers: seq[i] the i-th argument after the model (NULL
 * for a number a[i]).  Returns 0 when it has none or an argument it takes
 * as a number came as a sequence; the fault's arguments are the
 * prediction's (model, [t], x, t_x, T), its element the row. */
typedef clv_status (*bulk_fn)(const clv_model *, const double *const *, const double *, size_t,
                              double *, lprogress *, clv_fault *);

static clv_status palive_many(const clv_model *m, const double *const *seq, const double *a,
                              size_t n, double *out, lprogress *pr, clv_fault *f)
{
    (void)a;
    return clv_tx_palive_many(m, seq[0], seq[1], seq[2], n, out, lprogress_share, pr, f);
}

static clv_status cond_many(const clv_model *m, const double *const *seq, const double *a, size_t n,
                            double *out, lprogress *pr, clv_fault *f)
{
    return clv_tx_conditional_expected_many(m, a[0], seq[1], seq[2], seq[3], n, out,
                                            lprogress_share, pr, f);
}

static bulk_fn bulk_form(const clv_func *p, const clv_model *m, const double *const *seq, int k)
{
    static const struct {
        const char *c_name;
        bulk_fn fn;
    } known[] = {{"clv_tx_palive_many", palive_many},
                 {"clv_tx_conditional_expected_many", cond_many}};
    char name[64];
    snprintf(name, sizeof name, "%s_many", clv_func_name(p));
    const clv_func *b = clv_func_find(name);
    if (!b || clv_func_group(b) != CLV_GROUP_BULK || !clv_func_applies(b, m->kind))
        return NULL;
    for (int i = 0; i < k; i++) {
        clv_arg arg;
        if (!clv_func_arg(b, (size_t)i + 1, &arg) ||
            (seq[i] != NULL) != (arg.shape == CLV_SHAPE_SEQUENCE))
            return NULL;
    }
    for (size_t j = 0; j < sizeof known / sizeof known[0]; j++)
        if (strcmp(clv_func_c_name(b), known[j].c_name) == 0)
            return known[j].fn;
    return NULL;
}

/* Raises the error of a prediction's fault on row r (a number argument has
 * no row). */
static int predict_fault(lua_State *L, const clv_func *p, const char *fname, int k,
                         const double *const *seq, const double *a, size_t r, clv_status st,
                         const clv_fault *fault)
{
    if (fault->arg == CLV_FAULT_NONE || fault->arg == 0 || fault->arg > (size_t)k)
        return result_error(L, fname, st, fault);
    int i = (int)fault->arg - 1;
    double v = seq[i] ? seq[i][r] : a[i];
    return arg_error(L, fname, i + 1, clv_fault_param(p, fault), seq[i] ? r : CLV_FAULT_NONE,
                     fault->reason, &v);
}

/* An options table {progress = f} after a prediction's arguments (after a
 * summary, or after all k): moved to the top of the stack as the
 * function (or nil); returns its index, 0 when there is none.  *top is
 * then the index of the last argument. */
static int predict_options(lua_State *L, const char *fname, int k, int *top)
{
    int t = *top;
    if (!(t >= 3 && lua_type(L, t) == LUA_TTABLE && !clvkit_is_summary(L, t) &&
          !clvkit_column_data(L, t, &(size_t){0}) &&
          ((t == k && clvkit_is_summary(L, t - 1)) || t == k + 2)))
        return 0;
    static const char *const keys[] = {"progress"};
    check_keys(L, fname, t, t - 1, keys, 1);
    if (!lprogress_option(L, fname, t, t - 1))
        lua_pushnil(L);
    lua_replace(L, t);
    *top = t - 1;
    return t;
}

/* model:<prediction>(args... [, {progress = f}]): numbers give a number;
 * sequences (of one length, numbers broadcast) give a sequence, one result
 * per customer; a summary in place of the last three arguments (x, t_x,
 * T), or columns ("clvkit.Column") for every sequence, give a column.
 * Whole bases go to the core in one call when the prediction has a bulk
 * form; their progress shows as lprogress.h says.  The upvalue is the
 * prediction's row: its arguments after the model are the method's, so the
 * fault's argument i is the method's argument #i. */
static int m_predict(lua_State *L)
{
    const clv_func *p = (const clv_func *)lua_touserdata(L, lua_upvalueindex(1));
    const char *fname = clv_func_method(p);
    lmodel *u = check_model(L, 1);
    int k = (int)clv_func_nargs(p) - 1;
    int top = lua_gettop(L); /* before the sequences below add to the stack */
    int opts = predict_options(L, fname, k, &top);
    int whole = 0; /* a summary stands for x, t_x, T */
    if (k >= 3 && top == k - 1 && clvkit_is_summary(L, top)) {
        static const char *const cols[] = {"x", "t_x", "T"};
        for (int i = 0; i < 3; i++)
            lua_getfield(L, top, cols[i]);
        lua_remove(L, top);
        if (opts) /* the progress function back on top, after the arguments */
            lua_rotate(L, --opts, -1), opts = lua_gettop(L);
        top = k + 1;
        whole = 1;
    }
    if (top > k + 1)
        bad_arg(L, fname, k + 1, lua_pushfstring(L, "at most %d arguments expected", k));
    const double *seq[4] = {NULL, NULL, NULL, NULL};
    double a[4];
    size_t n = 1;
    int vector = 0, lists = 0;
    for (int i = 0; i < k; i++) {
        int pos = i + 2;
        clv_arg arg;
        clv_func_arg(p, (size_t)i + 1, &arg);
        size_t len;
        int column = clvkit_column_data(L, pos, &len) != NULL;
        if (lua_type(L, pos) == LUA_TTABLE || column) {
            lists += !column;
            seq[i] = sequence(L, fname, pos, arg.name, &len, i + 1);
            if (vector && len != n)
                bad_arg(
                    L, fname, i + 1,
                    lua_pushfstring(L, "%s has %d entries, others %d", arg.name, (int)len, (int)n));
            n = len;
            vector = 1;
        } else {
            a[i] = check_number(L, fname, pos, i + 1, arg.name, 0, 0);
        }
    }
    whole = whole || (vector && lists == 0); /* columns in, a column out */
    bulk_fn bulk = vector ? bulk_form(p, &u->m, seq, k) : NULL;
    lprogress prog;
    lprogress_init(&prog, L, fname, opts && lua_isfunction(L, opts) ? opts : 0);
    if (bulk) {
        double *out = whole ? clvkit_push_column(L, n)
                            : (double *)lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
        clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status st = n ? bulk(&u->m, seq, a, n, out, &prog, &fault) : CLV_OK;
        int stopped = lprogress_end(&prog, st);
        if (stopped)
            return stopped;
        if (st != CLV_OK)
            return predict_fault(L, p, fname, k, seq, a,
                                 fault.element == CLV_FAULT_NONE ? 0 : fault.element, st, &fault);
        if (whole)
            return 1;
        lua_createtable(L, (int)n, 0);
        for (size_t r = 0; r < n; r++) {
            lua_pushnumber(L, out[r]);
            lua_rawseti(L, -2, (lua_Integer)r + 1);
        }
        return 1;
    }
    double *col = whole ? clvkit_push_column(L, n) : NULL;
    if (vector && !whole)
        lua_createtable(L, (int)n, 0);
    for (size_t r = 0, step = 1; r < n; r++) {
        for (; vector && step <= 8 && r >= n * step / 8; step++) /* 8 reports, as _many */
            if (lprogress_share(&prog, step, (double)step / 8))
                return lprogress_end(&prog, CLV_ENOCONV);
        for (int i = 0; i < k; i++)
            if (seq[i])
                a[i] = seq[i][r];
        double v;
        clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status st = clv_func_predict(p, &u->m, a, (size_t)k, &v, &fault);
        if (st != CLV_OK)
            return predict_fault(L, p, fname, k, seq, a, r, st, &fault);
        if (col) {
            col[r] = v;
            continue;
        }
        lua_pushnumber(L, v);
        if (vector)
            lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    if (vector && lprogress_share(&prog, 8, 1))
        return lprogress_end(&prog, CLV_ENOCONV);
    lprogress_end(&prog, CLV_OK);
    return 1;
}

/* model:stderr() -> {param = standard error} | nil, message */
static int m_stderr(lua_State *L)
{
    lmodel *u = check_model(L, 1);
    if (!u->fitted) {
        lua_pushnil(L);
        lua_pushliteral(L, "stderr: standard errors come from a fit; this model was made "
                           "from known parameters");
        return 2;
    }
    size_t np = clv_model_nparams(u->m.kind);
    lua_createtable(L, 0, (int)np);
    for (size_t i = 0; i < np; i++)
        set_number_field(L, clv_model_param_name(u->m.kind, i), u->info.se[i]);
    return 1;
}

/* model.r, model.alpha, ..., model.loglik, model.kind, model.unit, or a method */
static int m_index(lua_State *L)
{
    lmodel *u = check_model(L, 1);
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char *k = lua_tostring(L, 2);
        for (size_t i = 0; i < clv_model_nparams(u->m.kind); i++)
            if (strcmp(k, clv_model_param_name(u->m.kind, i)) == 0) {
                lua_pushnumber(L, u->m.param[i]);
                return 1;
            }
        if (strcmp(k, "loglik") == 0) {
            if (u->fitted)
                lua_pushnumber(L, u->info.loglik);
            else
                lua_pushnil(L);
            return 1;
        }
        if (strcmp(k, "kind") == 0) {
            lua_pushstring(L, clv_model_name(u->m.kind));
            return 1;
        }
        if (strcmp(k, "unit") == 0) {
            if (u->m.unit == CLV_UNIT_NONE)
                lua_pushnil(L);
            else
                lua_pushstring(L, clv_time_unit_name(u->m.unit));
            return 1;
        }
        if (u->fitted && strcmp(k, "iterations") == 0) {
            lua_pushinteger(L, (lua_Integer)u->info.iterations);
            return 1;
        }
    }
    luaL_getmetafield(L, 1, "methods");
    lua_getfield(L, -1, clv_model_name(u->m.kind));
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    return 1;
}

static int m_tostring(lua_State *L)
{
    lmodel *u = check_model(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "clvkit.Model %s(", clv_model_name(u->m.kind));
    luaL_addvalue(&b);
    for (size_t i = 0; i < clv_model_nparams(u->m.kind); i++) {
        lua_pushfstring(L, "%s%s = ", i ? ", " : "", clv_model_param_name(u->m.kind, i));
        luaL_addvalue(&b);
        show_number(L, u->m.param[i]);
        luaL_addvalue(&b);
    }
    luaL_addchar(&b, ')');
    if (u->fitted) {
        luaL_addstring(&b, " LL = ");
        show_number(L, u->info.loglik);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    return 1;
}

/* ---- discounted CLV -------------------------------------------------------------- */

/* Raises the error of clv_predict_clv, naming what its row names: a model
 * (#1, #2), a customer field or an option (#3). */
static int predict_error(lua_State *L, const char *fname, const clv_clv_options *o, const double *a,
                         const double *const *seq, size_t row, clv_status st,
                         const clv_fault *fault)
{
    const clv_func *f = clv_func_find("predict_clv");
    const char *name = clv_fault_param(f, fault);
    clv_arg arg;
    if (!name || !clv_func_arg(f, fault->arg, &arg))
        return result_error(L, fname, st, fault);
    if (arg.shape == CLV_SHAPE_MODEL)
        return bad_arg(L, fname, (int)fault->arg + 1, fault->reason);
    if (arg.shape == CLV_SHAPE_NUMBER) {
        size_t i = fault->arg - 2; /* x, t_x, T, m */
        return arg_error(L, fname, 3, name, seq[i] ? row : CLV_FAULT_NONE, fault->reason, &a[i]);
    }
    const double values[] = {o->horizon, o->discount, NAN, o->margin};
    if (fault->element >= 4)
        return result_error(L, fname, st, fault);
    return arg_error(L, fname, 3, name, CLV_FAULT_NONE, fault->reason,
                     fault->element == 2 ? NULL : &values[fault->element]);
}

/* core.clv_predict(tx, gg, {horizon, discount, unit, margin, x, t_x, T, m
 *                   [, progress]} [, as_column])
 * x, t_x, T, m: numbers (one customer) or sequences (one result each, in one
 * call of the core; numbers are repeated); as_column: the sequence result as
 * a "clvkit.Column" instead of a Lua list (ck.clv_predict over a summary). */
static int l_clv_predict(lua_State *L)
{
    const char *fname = "clv_predict";
    lmodel *tx = check_model(L, 1), *gg = check_model(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    int as_column = lua_toboolean(L, 4);
    static const char *const keys[] = {"horizon", "discount", "unit", "margin",  "x",
                                       "t_x",     "T",        "m",    "progress"};
    check_keys(L, fname, 3, 3, keys, 9);
    lprogress prog;
    lprogress_init(&prog, L, fname, lprogress_option(L, fname, 3, 3));
    clv_clv_options o;
    clv_clv_options_init(&o);
    o.horizon = field_number(L, fname, 3, 3, "horizon", 1, o.horizon);
    o.discount = field_number(L, fname, 3, 3, "discount", 1, o.discount);
    o.margin = field_number(L, fname, 3, 3, "margin", 1, o.margin);
    if (lua_getfield(L, 3, "unit") != LUA_TNIL)
        o.period = check_unit(L, fname, 3, luaL_checkstring(L, -1));
    const double *seq[4] = {NULL, NULL, NULL, NULL};
    double a[4];
    size_t n = 1;
    int vector = 0;
    for (int i = 0; i < 4; i++) {
        const char *name = keys[4 + i];
        int t = lua_getfield(L, 3, name);
        if (t == LUA_TTABLE) {
            size_t len;
            seq[i] = sequence(L, fname, lua_gettop(L), name, &len, 3);
            if (vector && len != n)
                bad_arg(L, fname, 3,
                        lua_pushfstring(L, "%s has %d entries, x has %d", name, (int)len, (int)n));
            n = len;
            vector = 1;
        } else {
            a[i] = field_number(L, fname, 3, 3, name, i == 3, 0);
            lua_pop(L, 1);
        }
    }
    if (!vector) {
        double v;
        clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status st = clv_predict_clv(&tx->m, &gg->m, a[0], a[1], a[2], a[3], &o, &v, &fault);
        if (st != CLV_OK)
            return predict_error(L, fname, &o, a, seq, 0, st, &fault);
        lua_pushnumber(L, v);
        return 1;
    }
    const double *in[4];
    for (int i = 0; i < 4; i++) { /* numbers repeated for every customer */
        if (seq[i]) {
            in[i] = seq[i];
            continue;
        }
        double *rep = (double *)lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
        for (size_t r = 0; r < n; r++)
            rep[r] = a[i];
        in[i] = rep;
    }
    double *out = as_column ? clvkit_push_column(L, n)
                            : (double *)lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    o.progress = lprogress_share; /* the whole base's share done (not per period) */
    o.progress_data = &prog;
    clv_status st =
        n ? clv_predict_clv_many(&tx->m, &gg->m, in[0], in[1], in[2], in[3], &o, n, out, &fault)
          : CLV_OK;
    int stopped = lprogress_end(&prog, st);
    if (stopped)
        return stopped;
    if (st != CLV_OK) {
        size_t row = 0;
        if (fault.arg >= 2 && fault.arg <= 5 && fault.element != CLV_FAULT_NONE) {
            row = fault.element; /* a customer's row: shown as name[row + 1] */
            for (int i = 0; i < 4; i++)
                a[i] = in[i][row < n ? row : 0];
            fault.element = CLV_FAULT_NONE;
        }
        return predict_error(L, fname, &o, a, seq, row, st, &fault);
    }
    if (as_column)
        return 1;
    lua_createtable(L, (int)n, 0);
    for (size_t r = 0; r < n; r++) {
        lua_pushnumber(L, out[r]);
        lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    return 1;
}

/* ---- registration ---------------------------------------------------------------- */

static const luaL_Reg model_funcs[] = {{"model_new", l_model_new},
                                       {"model_fit", l_model_fit},
                                       {"clv_predict", l_clv_predict},
                                       {NULL, NULL}};

void clvkit_open_models(lua_State *L)
{
    /* __index is a function: fields by parameter name, methods by family */
    static const luaL_Reg model_meta[] = {
        {"__index", m_index}, {"__tostring", m_tostring}, {NULL, NULL}};
    define_class(L, MODEL_META, model_meta, NULL);
    size_t nkinds = clv_model_kind_count();
    lua_createtable(L, 0, (int)nkinds); /* methods, by kind: the description's predictions */
    for (size_t k = 1; k <= nkinds; k++) {
        lua_createtable(L, 0, 8);
        for (size_t i = 0; i < clv_func_count(); i++) {
            const clv_func *f = clv_func_at(i);
            if (clv_func_group(f) != CLV_GROUP_PREDICT || !clv_func_applies(f, (clv_model_kind)k))
                continue;
            lua_pushlightuserdata(L, (void *)(uintptr_t)f); /* light userdata has no const */
            lua_pushcclosure(L, m_predict, 1);
            lua_setfield(L, -2, clv_func_method(f));
        }
        lua_pushcfunction(L, m_stderr);
        lua_setfield(L, -2, "stderr");
        lua_setfield(L, -2, clv_model_name((clv_model_kind)k));
    }
    lua_setfield(L, -2, "methods");
    lua_pop(L, 1);
    luaL_setfuncs(L, model_funcs, 0);
    /* core.model_kinds = {"bgnbd", ...}; core.fit_fields[kind] = the data
     * fields of its fit, e.g. {"x", "t_x", "T", "weight"} */
    lua_createtable(L, (int)nkinds, 0);
    lua_createtable(L, 0, (int)nkinds);
    for (size_t k = 1; k <= nkinds; k++) {
        const char *name = clv_model_name((clv_model_kind)k);
        lua_pushstring(L, name);
        lua_rawseti(L, -3, (lua_Integer)k);
        fields fl = fit_fields(clv_model_fit_func((clv_model_kind)k));
        lua_createtable(L, fl.n, 0);
        for (int i = 0; i < fl.n; i++) {
            lua_pushstring(L, fl.name[i]);
            lua_rawseti(L, -2, i + 1);
        }
        lua_setfield(L, -2, name);
    }
    lua_setfield(L, -3, "fit_fields");
    lua_setfield(L, -2, "model_kinds");
}
