/*
 * test_describe.c -- the one description (describe.h) against the public
 * headers it describes, and the faults it names.
 *
 * The headers are read as text: every computing function (one returning a
 * clv_status) of every header in include/clvkit -- but the description's
 * own (describe.h, catalog.h), status.h, the umbrella clvkit.h, stats.h
 * (helpers of the faces, not of the analyst) and version.h -- must have a
 * row, so a new header cannot escape the description; every row must name a declared function, and
 * the row's arguments must be the declaration's parameters, by name and in order.  So a new
 * function without a row, or a row that drifts from its C signature, fails
 * here before any face sees it.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"

#define TRUE_(cond) CHECK(#cond, (cond))
#define ST(got, want) CHECK_STATUS(#got, (got), (want))
#define NEAR(got, want, tol) CHECK_CLOSE(#got, (got), (want), (tol))

#ifndef CLV_INCLUDE_DIR
#error "CLV_INCLUDE_DIR must name include/clvkit"
#endif

/* Helpers that parse or convert names rather than compute: not described. */
static const char *const undescribed[] = {
    "clv_time_unit_parse", "clv_model_kind_parse", "clv_day_from_ymd",
    "clv_day_to_ymd",      "clv_grid_rows",        "clv_fn_eval",
    "clv_fn_sweep",        "clv_func_predict",     NULL};

static int is_undescribed(const char *name)
{
    for (size_t i = 0; undescribed[i]; i++)
        if (strcmp(undescribed[i], name) == 0)
            return 1;
    return 0;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(f);
    return s;
}

/* The parameter names of a declaration's text "(a, b, c)" without the
 * result and fault out-parameters; returns their count. */
static size_t param_names(const char *open, const char *close, char names[][32], size_t max,
                          int keep_out)
{
    size_t n = 0;
    const char *p = open + 1;
    while (p < close && n < max) {
        const char *end = p;
        while (end < close && *end != ',')
            end++;
        const char *e = end;
        for (const char *q = p; q < end; q++)
            if (*q == '[') { /* an array parameter: its name is before the [ */
                e = q;
                break;
            }
        while (e > p && !(e[-1] == '_' || (e[-1] >= 'a' && e[-1] <= 'z') ||
                          (e[-1] >= 'A' && e[-1] <= 'Z') || (e[-1] >= '0' && e[-1] <= '9')))
            e--;
        const char *b = e;
        while (b > p && (b[-1] == '_' || (b[-1] >= 'a' && b[-1] <= 'z') ||
                         (b[-1] >= 'A' && b[-1] <= 'Z') || (b[-1] >= '0' && b[-1] <= '9')))
            b--;
        size_t len = (size_t)(e - b);
        if (len > 0 && len < 32) {
            memcpy(names[n], b, len);
            names[n][len] = '\0';
            int drop = !strcmp(names[n], "fault") || !strcmp(names[n], "info") ||
                       !strcmp(names[n], "err") || !strcmp(names[n], "se") ||
                       (!keep_out && !strcmp(names[n], "out"));
            if (!drop)
                n++;
        }
        p = end + 1;
    }
    return n;
}

/* Every clv_status function of a header: described, with its parameters. */
static void check_header(const char *file, int *seen)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", CLV_INCLUDE_DIR, file);
    char *text = slurp(path);
    if (!TRUE_(text != NULL))
        return;
    for (const char *p = text; (p = strstr(p, "\nclv_status clv_")) != NULL; p++) {
        const char *name = p + strlen("\nclv_status ");
        const char *open = strchr(name, '(');
        const char *close = strchr(open, ')');
        char fname[64];
        size_t len = (size_t)(open - name);
        if (len >= sizeof fname)
            continue;
        memcpy(fname, name, len);
        fname[len] = '\0';
        if (is_undescribed(fname))
            continue;
        const clv_func *f = NULL;
        for (size_t i = 0; i < clv_func_count(); i++) {
            const char *c = clv_func_c_name(clv_func_at(i));
            if (c && strcmp(c, fname) == 0) {
                f = clv_func_at(i);
                seen[i] = 1;
            }
        }
        if (!f) {
            fprintf(stderr, "%s: %s has no row in the description\n", file, fname);
            TRUE_(0);
            continue;
        }
        clv_arg last;
        int keep_out =
            clv_func_arg(f, clv_func_nargs(f) - 1, &last) && strcmp(last.name, "out") == 0;
        char names[16][32];
        size_t n = param_names(open, close, names, 16, keep_out);
        int same = n == clv_func_nargs(f);
        for (size_t i = 0; same && i < n; i++) {
            clv_arg a;
            same = clv_func_arg(f, i, &a) && strcmp(a.name, names[i]) == 0;
        }
        if (!same)
            fprintf(stderr, "%s: the row of %s does not list its parameters in order\n", file,
                    fname);
        TRUE_(same);
    }
    free(text);
}

static void test_headers(void)
{
    int seen[256] = {0};
    TRUE_(clv_func_count() < 256);
    static const char *const skipped[] = {"describe.h", "catalog.h", "status.h",
                                          "clvkit.h",   "stats.h",   "version.h"};
    DIR *dir = opendir(CLV_INCLUDE_DIR);
    if (!TRUE_(dir != NULL))
        return;
    size_t scanned = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 3 || strcmp(e->d_name + len - 2, ".h") != 0)
            continue;
        int skip = 0;
        for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++)
            skip |= strcmp(e->d_name, skipped[i]) == 0;
        if (!skip) {
            check_header(e->d_name, seen);
            scanned++;
        }
    }
    closedir(dir);
    TRUE_(scanned >= 7); /* economics, models, retention, rfm, tally, diagnostics, intervals */
    /* every row with a C function was found in a header */
    for (size_t i = 0; i < clv_func_count(); i++) {
        const clv_func *f = clv_func_at(i);
        if (clv_func_c_name(f) && !seen[i]) {
            fprintf(stderr, "row %s: %s is not declared\n", clv_func_name(f), clv_func_c_name(f));
            TRUE_(0);
        }
    }
}

/* The rows are unique, and the formulas are exactly the catalogue. */
static void test_rows(void)
{
    size_t formulas = 0;
    for (size_t i = 0; i < clv_func_count(); i++) {
        const clv_func *f = clv_func_at(i);
        TRUE_(clv_func_find(clv_func_name(f)) == f);
        TRUE_(clv_func_summary(f) && *clv_func_summary(f));
        if (clv_func_group(f) == CLV_GROUP_FORMULA) {
            formulas++;
            TRUE_(clv_func_formula(f) == clv_fn_find(clv_func_name(f)));
            for (size_t k = 0; k < clv_func_nargs(f); k++) {
                clv_arg a;
                TRUE_(clv_func_arg(f, k, &a));
                TRUE_(strcmp(a.name, clv_fn_param_name(clv_func_formula(f), k)) == 0);
                if (a.optional)
                    NEAR(a.def, clv_fn_param_default(clv_func_formula(f), k), 1e-300);
            }
        }
        if (clv_func_group(f) == CLV_GROUP_PREDICT)
            TRUE_(clv_func_method(f) != NULL);
    }
    TRUE_(formulas == clv_fn_count());
    TRUE_(clv_func_find("no such") == NULL && clv_func_at(clv_func_count()) == NULL);
    clv_arg a;
    TRUE_(!clv_func_arg(clv_func_find("clv"), 5, &a));
    TRUE_(clv_func_arg_index(clv_func_find("tx_palive"), "T") == 3);
    TRUE_(clv_func_arg_index(clv_func_find("clv"), "nope") == CLV_FAULT_NONE);
    /* options fields: predict_clv's opts element 0 is horizon */
    size_t o = clv_func_arg_index(clv_func_find("predict_clv"), "opts");
    TRUE_(clv_func_field(clv_func_find("predict_clv"), o, 0, &a) &&
          strcmp(a.name, "horizon") == 0 && a.def == 12);
    TRUE_(!clv_func_field(clv_func_find("predict_clv"), o, 4, &a));
    TRUE_(strcmp(clv_domain_text(CLV_D_WHOLE_POS), "must be a whole number >= 1") == 0);
}

/* Every model kind has a fit and at least one prediction. */
static void test_kinds(void)
{
    TRUE_(clv_model_kind_count() == 6);
    for (size_t k = 1; k <= clv_model_kind_count(); k++) {
        clv_model_kind kind = (clv_model_kind)k;
        TRUE_(clv_model_fit_func(kind) != NULL);
        size_t predictions = 0;
        for (size_t i = 0; i < clv_func_count(); i++)
            predictions += clv_func_group(clv_func_at(i)) == CLV_GROUP_PREDICT &&
                           clv_func_applies(clv_func_at(i), kind);
        TRUE_(predictions >= 1);
    }
    TRUE_(clv_model_fit_func(CLV_MODEL_NONE) == NULL);
    TRUE_(!clv_func_applies(clv_func_find("tx_palive"), CLV_MODEL_GG));
}

/* The fault of a typed call names the argument through its row. */
static void test_faults(void)
{
    clv_fault fault;
    double v;
    /* a formula: years is argument 2 */
    const double args[] = {50, 12, -1, 0, 0};
    ST(clv_fn_eval(clv_fn_find("clv"), args, 5, &v, &fault), CLV_EDOM);
    TRUE_(strcmp(clv_fault_param(clv_func_find("clv"), &fault), "years") == 0);
    /* a sequence, with its row */
    const double spend[] = {100, 200}, won[] = {1, -2};
    ST(clv_cac(spend, won, 2, &v, &fault), CLV_EDOM);
    const clv_func *cac = clv_func_find("cac_channels");
    TRUE_(strcmp(clv_fault_param(cac, &fault), "new_customers") == 0);
    TRUE_(clv_fault_has_row(cac, &fault) && fault.element == 1);
    /* a prediction: t_x after T */
    clv_model m = {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK};
    ST(clv_tx_palive(&m, 2, 40, 30, &v, &fault), CLV_EDOM);
    const char *p = clv_fault_param(clv_func_find("tx_palive"), &fault);
    TRUE_(p && (strcmp(p, "t_x") == 0 || strcmp(p, "T") == 0));
    /* an options field */
    clv_model gg = {CLV_MODEL_GG, {6.25, 3.74, 15.44, 0}, CLV_UNIT_NONE};
    clv_clv_options o;
    clv_clv_options_init(&o);
    o.horizon = 0;
    ST(clv_predict_clv(&m, &gg, 2, 30, 38, 40, &o, &v, &fault), CLV_EDOM);
    const clv_func *pc = clv_func_find("predict_clv");
    TRUE_(strcmp(clv_fault_param(pc, &fault), "horizon") == 0);
    TRUE_(!clv_fault_has_row(pc, &fault));
    /* the numeric-id form of txlog_add counts its own arguments */
    clv_txlog *log = clv_txlog_create();
    ST(clv_txlog_add_number(log, 7, NAN, 1, &fault), CLV_EINVAL);
    TRUE_(strcmp(clv_fault_param(clv_func_find("txlog_add_number"), &fault), "day") == 0);
    ST(clv_txlog_add(log, "7", 1, 10000, -1, &fault), CLV_EDOM);
    TRUE_(strcmp(clv_fault_param(clv_func_find("txlog_add"), &fault), "amount") == 0);
    clv_txlog_free(log);
    /* nothing to blame */
    fault.arg = CLV_FAULT_NONE;
    TRUE_(clv_fault_param(pc, &fault) == NULL);
    TRUE_(clv_fault_param(NULL, &fault) == NULL);
}

/* The generic prediction gives what the typed function gives. */
static void test_predict(void)
{
    clv_model m = {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK};
    double typed, generic, a[] = {2, 30.43, 38.86};
    clv_fault fault;
    ST(clv_tx_palive(&m, a[0], a[1], a[2], &typed, NULL), CLV_OK);
    ST(clv_func_predict(clv_func_find("tx_palive"), &m, a, 3, &generic, &fault), CLV_OK);
    TRUE_(typed == generic);
    ST(clv_func_predict(clv_func_find("tx_palive"), &m, a, 2, &generic, &fault), CLV_EINVAL);
    TRUE_(isnan(generic));
    ST(clv_func_predict(clv_func_find("clv"), &m, a, 3, &generic, &fault), CLV_EINVAL);
    /* every prediction of every kind runs through it on a valid model */
    for (size_t i = 0; i < clv_func_count(); i++) {
        const clv_func *f = clv_func_at(i);
        if (clv_func_group(f) != CLV_GROUP_PREDICT)
            continue;
        TRUE_(clv_func_nargs(f) >= 2 && clv_func_nargs(f) <= 5);
    }
}

/* The date rule: YYYYMMDD numbers. */
static void test_day_number(void)
{
    double d;
    ST(clv_day_from_number(19970930, &d), CLV_OK);
    NEAR(d, 10134, 0);
    ST(clv_day_from_number(19970230, &d), CLV_EDOM);
    TRUE_(isnan(d));
    ST(clv_day_from_number(1997093.5, &d), CLV_EDOM);
    ST(clv_day_from_number(1e300, &d), CLV_EDOM);
    ST(clv_day_from_number(NAN, &d), CLV_EINVAL);
    ST(clv_day_from_number(19970930, NULL), CLV_EINVAL);
}

int main(void)
{
    test_headers();
    test_rows();
    test_kinds();
    test_faults();
    test_predict();
    test_day_number();
    return check_report("describe");
}
