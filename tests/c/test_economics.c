/*
 * test_economics.c -- every worked example of the catalogue
 * (shared/spec/functions.md) and every error path of every unit-economics
 * function, through the public functions and through the catalogue.
 *
 * The expected values come from the articles, the catalogue, or are worked
 * out by hand in the comments -- never from clvkit's own output.  The domain
 * of every parameter is written down here again, from the catalogue's
 * conventions, so a wrong domain in the library fails a test.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"

/* ---- the catalogue, as the documentation states it ---------------------- */

enum dom { NONNEG, POS, UNIT, UNIT_POS, RATE, WHOLE, FLAG };

typedef struct {
    const char *name;
    double def; /* default of an optional parameter */
    enum dom dom;
} param_spec;

typedef struct {
    const char *fn;
    int nreq, n;
    param_spec p[6];
    double valid[6]; /* a valid argument vector (a worked example) */
} fn_spec;

static const fn_spec specs[] = {
    {"clv",
     3,
     5,
     {{"aov", 0, NONNEG},
      {"freq", 0, NONNEG},
      {"years", 0, NONNEG},
      {"cost", 0, NONNEG},
      {"yearly_cost", 0, NONNEG}},
     {2000, 1, 8, 500, 200}},
    {"clv_margin",
     4,
     6,
     {{"aov", 0, NONNEG},
      {"freq", 0, NONNEG},
      {"years", 0, NONNEG},
      {"margin", 0, UNIT},
      {"cost", 0, NONNEG},
      {"yearly_cost", 0, NONNEG}},
     {50, 12, 3, 0.4, 10, 5}},
    {"clv_ret",
     3,
     5,
     {{"margin", 0, NONNEG},
      {"retention", 0, UNIT},
      {"discount", 0, RATE},
      {"periods", 0, WHOLE},
      {"timing", 0, FLAG}},
     {100, 0.8, 0.1, 3, 1}},
    {"ltv_churn",
     3,
     3,
     {{"arpa", 0, NONNEG}, {"gross_margin", 0, UNIT}, {"churn", 0, UNIT_POS}},
     {50, 0.8, 0.02}},
    {"clv_avg",
     3,
     3,
     {{"revenue", 0, NONNEG}, {"costs", 0, NONNEG}, {"customers", 0, POS}},
     {120000, 45000, 300}},
    {"lifetime", 1, 1, {{"churn", 0, UNIT_POS}}, {0.025}},
    {"churn_period", 2, 2, {{"churn", 0, UNIT}, {"k", 0, NONNEG}}, {0.02, 12}},
    {"discount_period", 2, 2, {{"rate", 0, RATE}, {"k", 0, NONNEG}}, {0.1, 1.0 / 12}},
    {"cac", 2, 2, {{"spend", 0, NONNEG}, {"new_customers", 0, POS}}, {10000, 50}},
    {"cac_payback",
     2,
     3,
     {{"cac", 0, NONNEG}, {"arpa", 0, POS}, {"gross_margin", 1, UNIT_POS}},
     {200, 50, 0.4}},
    {"ltv_cac", 2, 2, {{"ltv", 0, NONNEG}, {"cac", 0, POS}}, {1800, 600}},
    {"max_cac", 1, 2, {{"ltv", 0, NONNEG}, {"ratio", 3, POS}}, {1800, 3}},
    {"sql_budget", 2, 2, {{"max_cac", 0, NONNEG}, {"sql_conversion", 0, UNIT}}, {200, 0.05}},
    {"roas_breakeven", 1, 1, {{"margin", 0, UNIT_POS}}, {0.25}},
};
#define NSPECS (sizeof specs / sizeof specs[0])

static const fn_spec *spec_of(const char *fn)
{
    for (size_t i = 0; i < NSPECS; i++)
        if (strcmp(specs[i].fn, fn) == 0)
            return &specs[i];
    return NULL;
}

/* The public function of economics.h for a name, with all arguments. */
static clv_status call_public(const char *fn, const double *a, double *out)
{
    if (!strcmp(fn, "clv"))
        return clv_clv(a[0], a[1], a[2], a[3], a[4], out);
    if (!strcmp(fn, "clv_margin"))
        return clv_clv_margin(a[0], a[1], a[2], a[3], a[4], a[5], out);
    if (!strcmp(fn, "clv_ret"))
        return clv_clv_ret(a[0], a[1], a[2], a[3], a[4], out);
    if (!strcmp(fn, "ltv_churn"))
        return clv_ltv_churn(a[0], a[1], a[2], out);
    if (!strcmp(fn, "clv_avg"))
        return clv_clv_avg(a[0], a[1], a[2], out);
    if (!strcmp(fn, "lifetime"))
        return clv_lifetime(a[0], out);
    if (!strcmp(fn, "churn_period"))
        return clv_churn_period(a[0], a[1], out);
    if (!strcmp(fn, "discount_period"))
        return clv_discount_period(a[0], a[1], out);
    if (!strcmp(fn, "cac"))
        return clv_cac(&a[0], &a[1], 1, out, NULL);
    if (!strcmp(fn, "cac_payback"))
        return clv_cac_payback(a[0], a[1], a[2], out);
    if (!strcmp(fn, "ltv_cac"))
        return clv_ltv_cac(a[0], a[1], out);
    if (!strcmp(fn, "max_cac"))
        return clv_max_cac(a[0], a[1], out);
    if (!strcmp(fn, "sql_budget"))
        return clv_sql_budget(a[0], a[1], out);
    if (!strcmp(fn, "roas_breakeven"))
        return clv_roas_breakeven(a[0], out);
    return (clv_status)-1;
}

/* ---- worked examples ------------------------------------------------------ */

typedef struct {
    const char *fn;
    int nargs;
    double a[6];
    double want, tol; /* tol 0: 1e-9 relative */
    const char *source;
} example;

static const example examples[] = {
    {"clv", 3, {50, 12, 3}, 1800, 0, "004: EUR 50 a month for 36 months"},
    {"clv",
     5,
     {2000, 1, 8, 500, 200},
     13900,
     0,
     "002 formula (2000x8)-500-(200x8); the article prints 14,900 by a slip"},
    {"clv", 4, {50, 12, 3, 100}, 1700, 0, "catalogue"},
    {"clv", 5, {0, 12, 3, 100, 10}, -130, 0, "by hand: 0 - 100 - 30"},
    {"clv_margin", 4, {50, 12, 3, 0.4}, 720, 0, "001: order x purchases x life x margin"},
    {"clv_margin", 6, {50, 12, 3, 0.4, 20, 10}, 670, 0, "by hand: 720 - 20 - 30"},
    {"clv_ret", 3, {100, 0.8, 0.1}, 266.6667, 5e-5, "catalogue"},
    {"clv_ret", 3, {100, 0.8, 0.1}, 800.0 / 3, 0, "by hand: 80/0.3"},
    {"clv_ret", 5, {100, 0.8, 0.1, 0, 1}, 366.6667, 5e-5, "catalogue"},
    {"clv_ret", 4, {100, 0.8, 0.1, 3}, 164.0872, 5e-5, "catalogue"},
    {"clv_ret", 5, {100, 0.8, 0.1, 3, 1}, 225.6198, 5e-5, "catalogue"},
    {"clv_ret", 4, {100, 0.8, 0.1, 1}, 80 / 1.1, 0, "by hand: one period, end"},
    {"clv_ret", 5, {100, 0.8, 0.1, 1, 1}, 100, 0, "by hand: one period, now"},
    {"clv_ret", 4, {50, 1, 0, 10}, 500, 0, "by hand: q = 1, 10 x 50"},
    {"clv_ret", 3, {50, 0, 0.1}, 0, 1e-300, "by hand: nobody stays"},
    {"clv_ret", 5, {50, 0, 0.1, 0, 1}, 50, 0, "by hand: only the first margin"},
    {"clv_ret", 3, {100, 0.5, -0.2}, 100 * 0.5 / 0.3, 0, "by hand: d < 0, r < 1 + d"},
    {"ltv_churn", 3, {50, 0.8, 0.02}, 2000, 0, "catalogue"},
    {"clv_avg", 3, {120000, 45000, 300}, 250, 0, "003: profit over customers"},
    {"clv_avg", 3, {1000, 3000, 4}, -500, 0, "by hand: a loss"},
    {"lifetime", 1, {0.025}, 40, 0, "catalogue"},
    {"lifetime", 1, {1}, 1, 0, "by hand"},
    {"churn_period", 2, {0.02, 12}, 0.215283, 5e-7, "catalogue"},
    {"churn_period", 2, {0.2, 1.0 / 12}, 0.018423, 5e-7, "catalogue"},
    {"churn_period", 2, {0.19, 0.5}, 0.1, 0, "by hand: 1 - sqrt(0.81)"},
    {"churn_period", 2, {1, 5}, 1, 0, "by hand: everyone gone"},
    {"churn_period", 2, {1, 0}, 0, 1e-300, "by hand: no time passes"},
    {"churn_period", 2, {0.3, 1}, 0.3, 0, "by hand"},
    {"discount_period", 2, {0.1, 1.0 / 12}, 0.0079741, 5e-8, "catalogue"},
    {"discount_period", 2, {0.21, 0.5}, 0.1, 0, "by hand: sqrt(1.21) - 1"},
    {"discount_period",
     2,
     {0.01, 12},
     0.12682503013196977,
     0,
     "by hand: 1.01^12 - 1 (exact decimal expansion 0.126825030131969720661201)"},
    {"cac", 2, {10000, 50}, 200, 0, "catalogue"},
    {"cac_payback", 3, {200, 50, 0.4}, 10, 0, "catalogue"},
    {"cac_payback", 2, {200, 50}, 4, 0, "by hand: default margin 1"},
    {"ltv_cac", 2, {1800, 600}, 3, 0, "catalogue / 000"},
    {"max_cac", 1, {1800}, 600, 0, "catalogue: default ratio 3"},
    {"max_cac", 2, {1800, 4}, 450, 0, "by hand"},
    {"sql_budget", 2, {200, 0.05}, 10, 0, "002: EUR 200 x 5%"},
    {"roas_breakeven", 1, {0.25}, 4, 0, "catalogue"},
};
#define NEXAMPLES (sizeof examples / sizeof examples[0])

static void test_examples(void)
{
    for (size_t i = 0; i < NEXAMPLES; i++) {
        const example *e = &examples[i];
        const fn_spec *s = spec_of(e->fn);
        char what[160];
        snprintf(what, sizeof what, "%s example %zu (%s)", e->fn, i, e->source);
        /* through the catalogue, omitted optionals taking their defaults */
        double v = -1;
        clv_status st = clv_fn_eval(clv_fn_find(e->fn), e->a, (size_t)e->nargs, &v, NULL);
        CHECK(what, st == CLV_OK);
        CHECK_CLOSE(what, v, e->want, e->tol);
        /* through the public function, defaults filled in from the spec */
        double full[6];
        for (int k = 0; k < s->n; k++)
            full[k] = k < e->nargs ? e->a[k] : s->p[k].def;
        v = -1;
        st = call_public(e->fn, full, &v);
        CHECK(what, st == CLV_OK);
        CHECK_CLOSE(what, v, e->want, e->tol);
    }
}

/* ---- the catalogue describes what the spec says ---------------------------- */

static void test_catalogue_matches_spec(void)
{
    CHECK("catalogue size", clv_fn_count() == NSPECS);
    for (size_t i = 0; i < NSPECS; i++) {
        const fn_spec *s = &specs[i];
        const clv_fn *f = clv_fn_find(s->fn);
        if (!CHECK(s->fn, f != NULL))
            continue;
        CHECK(s->fn, strcmp(clv_fn_name(f), s->fn) == 0);
        CHECK(s->fn, clv_fn_nparams(f) == (size_t)s->n);
        CHECK(s->fn, clv_fn_nrequired(f) == (size_t)s->nreq);
        for (int k = 0; k < s->n; k++) {
            CHECK(s->p[k].name, strcmp(clv_fn_param_name(f, (size_t)k), s->p[k].name) == 0);
            CHECK(s->p[k].name, clv_fn_param_index(f, s->p[k].name) == (size_t)k);
            if (k >= s->nreq)
                CHECK_CLOSE(s->p[k].name, clv_fn_param_default(f, (size_t)k), s->p[k].def, 0);
            else
                CHECK(s->p[k].name, isnan(clv_fn_param_default(f, (size_t)k)));
        }
        CHECK("param out of range", clv_fn_param_name(f, (size_t)s->n) == NULL);
        CHECK("unknown param", clv_fn_param_index(f, "nope") == CLV_FAULT_NONE);
    }
    CHECK("unknown function", clv_fn_find("CLV") == NULL && clv_fn_find(NULL) == NULL);
    CHECK("clv_fn_at past the end", clv_fn_at(NSPECS) == NULL);
}

/* ---- every error path of every scalar function ----------------------------- */

/* Out-of-domain values per domain; every domain also rejects non-finite. */
static const double bad_nonneg[] = {-1, -1e-300}, bad_pos[] = {0, -1}, bad_unit[] = {-0.01, 1.01},
                    bad_unit_pos[] = {0, 1.5, -0.5}, bad_rate[] = {-1, -1.5},
                    bad_whole[] = {-1, 2.5}, bad_flag[] = {2, 0.5, -1};
static const struct {
    const double *v;
    size_t n;
} bad_by_dom[] = {
    [NONNEG] = {bad_nonneg, 2},     [POS] = {bad_pos, 2},   [UNIT] = {bad_unit, 2},
    [UNIT_POS] = {bad_unit_pos, 3}, [RATE] = {bad_rate, 2}, [WHOLE] = {bad_whole, 2},
    [FLAG] = {bad_flag, 3},
};

static void expect_failure(const fn_spec *s, const double *a, clv_status want, size_t want_arg,
                           const char *what)
{
    double v = 0;
    clv_fault fault = {99, 99, NULL};
    clv_status st = clv_fn_eval(clv_fn_find(s->fn), a, (size_t)s->n, &v, &fault);
    CHECK(what, st == want);
    CHECK(what, isnan(v));
    CHECK(what, fault.arg == want_arg && fault.reason != NULL);
    v = 0;
    st = call_public(s->fn, a, &v);
    CHECK(what, st == want);
    CHECK(what, isnan(v));
}

static void test_domain_errors(void)
{
    const double nonfinite[] = {NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < NSPECS; i++) {
        const fn_spec *s = &specs[i];
        for (int k = 0; k < s->n; k++) {
            double a[6];
            char what[120];
            memcpy(a, s->valid, sizeof a);
            for (size_t j = 0; j < 3; j++) {
                a[k] = nonfinite[j];
                snprintf(what, sizeof what, "%s(%s = %g)", s->fn, s->p[k].name, a[k]);
                expect_failure(s, a, CLV_EINVAL, (size_t)k, what);
            }
            for (size_t j = 0; j < bad_by_dom[s->p[k].dom].n; j++) {
                a[k] = bad_by_dom[s->p[k].dom].v[j];
                snprintf(what, sizeof what, "%s(%s = %g)", s->fn, s->p[k].name, a[k]);
                expect_failure(s, a, CLV_EDOM, (size_t)k, what);
            }
        }
    }
}

static void test_other_errors(void)
{
    const fn_spec *ret = spec_of("clv_ret");
    /* the infinite series diverges: r >= 1 + d with no horizon */
    expect_failure(ret, (double[]){100, 1, 0, 0, 0}, CLV_ENOCONV, 1, "clv_ret r=1 d=0");
    expect_failure(ret, (double[]){100, 0.9, -0.1, 0, 1}, CLV_ENOCONV, 1, "clv_ret r=1+d");
    expect_failure(ret, (double[]){100, 0.95, -0.2, 0, 0}, CLV_ENOCONV, 1, "clv_ret r>1+d");
    double v;
    CHECK("clv_ret r=1+d with a horizon converges",
          clv_clv_ret(100, 1, 0, 7, 0, &v) == CLV_OK && v == 700);

    /* results that would be infinite */
    expect_failure(spec_of("clv"), (double[]){1e200, 1e200, 1, 0, 0}, CLV_ERANGE, CLV_FAULT_NONE,
                   "clv overflow");
    expect_failure(spec_of("clv_margin"), (double[]){1e300, 1e10, 1e10, 1, 0, 0}, CLV_ERANGE,
                   CLV_FAULT_NONE, "clv_margin overflow");
    expect_failure(spec_of("discount_period"), (double[]){1e10, 1e10}, CLV_ERANGE, CLV_FAULT_NONE,
                   "discount_period overflow");
    expect_failure(spec_of("clv_ret"), (double[]){1e303, 1, 0, 1e6, 1}, CLV_ERANGE, CLV_FAULT_NONE,
                   "clv_ret overflow");
    expect_failure(spec_of("ltv_churn"), (double[]){1e300, 1, 1e-300}, CLV_ERANGE, CLV_FAULT_NONE,
                   "ltv_churn overflow");
    expect_failure(spec_of("cac"), (double[]){1e300, 1e-300}, CLV_ERANGE, CLV_FAULT_NONE,
                   "cac overflow");
    expect_failure(spec_of("cac_payback"), (double[]){1e300, 1e-300, 1}, CLV_ERANGE, CLV_FAULT_NONE,
                   "cac_payback overflow");
    expect_failure(spec_of("ltv_cac"), (double[]){1e300, 1e-300}, CLV_ERANGE, CLV_FAULT_NONE,
                   "ltv_cac overflow");
    expect_failure(spec_of("max_cac"), (double[]){1e300, 1e-300}, CLV_ERANGE, CLV_FAULT_NONE,
                   "max_cac overflow");
    expect_failure(spec_of("clv_avg"), (double[]){1e300, 0, 1e-300}, CLV_ERANGE, CLV_FAULT_NONE,
                   "clv_avg overflow");
    expect_failure(spec_of("lifetime"), (double[]){1e-320}, CLV_ERANGE, CLV_FAULT_NONE,
                   "lifetime of a subnormal churn");

    /* NULL out-parameters and wrong argument counts */
    CHECK("NULL out", clv_clv(1, 1, 1, 0, 0, NULL) == CLV_EINVAL);
    CHECK("NULL out", clv_lifetime(0.1, NULL) == CLV_EINVAL);
    const clv_fn *f = clv_fn_find("clv");
    double a[6] = {1, 1, 1, 0, 0, 0};
    v = 0;
    CHECK("too few args", clv_fn_eval(f, a, 2, &v, NULL) == CLV_EINVAL && isnan(v));
    CHECK("too many args", clv_fn_eval(f, a, 6, &v, NULL) == CLV_EINVAL);
    CHECK("NULL fn", clv_fn_eval(NULL, a, 3, &v, NULL) == CLV_EINVAL);
    CHECK("NULL args", clv_fn_eval(f, NULL, 3, &v, NULL) == CLV_EINVAL);
}

/* ---- the array functions ----------------------------------------------------- */

static void test_cac_arrays(void)
{
    const double spend[] = {5000, 3000, 2000}, won[] = {20, 20, 10};
    double v = 0;
    clv_fault fault;
    CHECK("cac blended", clv_cac(spend, won, 3, &v, NULL) == CLV_OK);
    CHECK_CLOSE("cac blended (000: 10,000 / 50)", v, 200, 0);
    CHECK("cac one channel without customers is fine when others have some",
          clv_cac((double[]){100, 300}, (double[]){0, 4}, 2, &v, NULL) == CLV_OK && v == 100);

    CHECK("cac n=0",
          clv_cac(spend, won, 0, &v, &fault) == CLV_EINVAL && isnan(v) && fault.arg == 2);
    CHECK("cac NULL spend", clv_cac(NULL, won, 3, &v, &fault) == CLV_EINVAL && fault.arg == 0);
    CHECK("cac NULL customers",
          clv_cac(spend, NULL, 3, &v, &fault) == CLV_EINVAL && fault.arg == 1);
    CHECK("cac NULL out", clv_cac(spend, won, 3, NULL, &fault) == CLV_EINVAL);
    CHECK("cac negative spend[2]", clv_cac((double[]){1, 2, -3}, won, 3, &v, &fault) == CLV_EDOM &&
                                       isnan(v) && fault.arg == 0 && fault.element == 2);
    CHECK("cac NaN customers[1]",
          clv_cac(spend, (double[]){1, NAN, 1}, 3, &v, &fault) == CLV_EINVAL && fault.arg == 1 &&
              fault.element == 1);
    CHECK("cac no customers at all",
          clv_cac(spend, (double[]){0, 0, 0}, 3, &v, &fault) == CLV_EDOM && isnan(v) &&
              fault.arg == 1 && fault.element == CLV_FAULT_NONE);
    CHECK("cac with sums past DBL_MAX",
          clv_cac((double[]){1e300, 1e300}, (double[]){1e308, 1e308}, 2, &v, &fault) == CLV_OK);
    CHECK_CLOSE("cac with sums past DBL_MAX (by hand: 1e300/1e308)", v, 1e-8, 1e-20);
    CHECK("cac whose spend sums past DBL_MAX", /* by hand: 2e308 / 2 */
          clv_cac((double[]){1e308, 1e308}, (double[]){1, 1}, 2, &v, &fault) == CLV_OK &&
              v == 1e308);
    CHECK("cac overflow", clv_cac((double[]){1e308, 1e308}, (double[]){1e-10, 1e-10}, 2, &v,
                                  &fault) == CLV_ERANGE &&
                              isnan(v));
}

static void test_funnel(void)
{
    double v = 0;
    clv_fault fault;
    CHECK("funnel", clv_funnel_budget(200, (double[]){0.2, 0.05}, 2, &v, NULL) == CLV_OK);
    CHECK_CLOSE("funnel (catalogue: 200 x 20% x 5%)", v, 2, 0);
    CHECK("funnel one stage = SQL_BUDGET",
          clv_funnel_budget(200, (double[]){0.05}, 1, &v, NULL) == CLV_OK);
    CHECK_CLOSE("funnel one stage (002)", v, 10, 0);
    CHECK("funnel four stages",
          clv_funnel_budget(1000, (double[]){0.5, 0.5, 0.1, 1}, 4, &v, NULL) == CLV_OK);
    CHECK_CLOSE("funnel four stages (by hand)", v, 25, 0);

    CHECK("funnel no stages",
          clv_funnel_budget(200, (double[]){0.2}, 0, &v, &fault) == CLV_EINVAL && isnan(v) &&
              fault.arg == 2);
    CHECK("funnel NULL rates",
          clv_funnel_budget(200, NULL, 2, &v, &fault) == CLV_EINVAL && fault.arg == 1);
    CHECK("funnel negative budget",
          clv_funnel_budget(-1, (double[]){0.2}, 1, &v, &fault) == CLV_EDOM && fault.arg == 0);
    CHECK("funnel NaN budget",
          clv_funnel_budget(NAN, (double[]){0.2}, 1, &v, &fault) == CLV_EINVAL && fault.arg == 0);
    CHECK("funnel rate 5 (500%)",
          clv_funnel_budget(200, (double[]){0.2, 5}, 2, &v, &fault) == CLV_EDOM && isnan(v) &&
              fault.arg == 1 && fault.element == 1);
    CHECK("funnel rate -0.1", clv_funnel_budget(200, (double[]){-0.1}, 1, &v, &fault) == CLV_EDOM &&
                                  fault.element == 0);
    CHECK("funnel rate inf",
          clv_funnel_budget(200, (double[]){INFINITY}, 1, &v, &fault) == CLV_EINVAL);
    CHECK("funnel NULL out", clv_funnel_budget(200, (double[]){0.2}, 1, NULL, NULL) == CLV_EINVAL);
}

static void test_segment(void)
{
    const double ten[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    clv_segment_class s;
    clv_fault fault;
    /* catalogue: 10 -> high, 5 -> medium, 1 -> low; by hand: mid-ranks
     * 9 -> 0.85 high, 8 -> 0.75 medium, 4 -> 0.35 medium, 3 -> 0.25 low */
    const struct {
        double v;
        clv_segment_class want;
    } cases[] = {
        {10, CLV_SEGMENT_HIGH},  {5, CLV_SEGMENT_MEDIUM}, {1, CLV_SEGMENT_LOW},
        {9, CLV_SEGMENT_HIGH},   {8, CLV_SEGMENT_MEDIUM}, {4, CLV_SEGMENT_MEDIUM},
        {3, CLV_SEGMENT_LOW},    {100, CLV_SEGMENT_HIGH}, {-5, CLV_SEGMENT_LOW},
        {8.5, CLV_SEGMENT_HIGH}, /* 8 below, none equal: 0.8 >= 0.8 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "segment of %g among 1..10", cases[i].v);
        CHECK(what,
              clv_segment(cases[i].v, ten, 10, 0.2, 0.3, &s, NULL) == CLV_OK && s == cases[i].want);
    }
    /* exact boundaries written as decimals: 1..5, value 4 has rank 0.7 */
    CHECK("rank 0.7 with high_share 0.3 is high",
          clv_segment(4, ten, 5, 0.3, 0.3, &s, NULL) == CLV_OK && s == CLV_SEGMENT_HIGH);
    CHECK("rank 0.3 with low_share 0.3 is not low",
          clv_segment(2, ten, 5, 0.2, 0.3, &s, NULL) == CLV_OK && s == CLV_SEGMENT_MEDIUM);
    CHECK("ties: all equal is medium",
          clv_segment(5, (double[]){5, 5, 5, 5}, 4, 0.2, 0.3, &s, NULL) == CLV_OK &&
              s == CLV_SEGMENT_MEDIUM);
    CHECK("no high band",
          clv_segment(10, ten, 10, 0, 0.3, &s, NULL) == CLV_OK && s == CLV_SEGMENT_MEDIUM);
    CHECK("names", !strcmp(clv_segment_name(CLV_SEGMENT_HIGH), "high") &&
                       !strcmp(clv_segment_name(CLV_SEGMENT_MEDIUM), "medium") &&
                       !strcmp(clv_segment_name(CLV_SEGMENT_LOW), "low") &&
                       !strcmp(clv_segment_name(CLV_SEGMENT_NONE), "none") &&
                       !strcmp(clv_segment_name((clv_segment_class)7), "none"));

    const struct {
        double v;
        const double *vals;
        size_t n;
        double h, l;
        clv_status st;
        size_t arg, el;
    } bad[] = {
        {NAN, ten, 10, 0.2, 0.3, CLV_EINVAL, 0, CLV_FAULT_NONE},
        {1, NULL, 10, 0.2, 0.3, CLV_EINVAL, 1, CLV_FAULT_NONE},
        {1, ten, 0, 0.2, 0.3, CLV_EINVAL, 2, CLV_FAULT_NONE},
        {1, ten, 10, 1.2, 0.3, CLV_EDOM, 3, CLV_FAULT_NONE},
        {1, ten, 10, NAN, 0.3, CLV_EINVAL, 3, CLV_FAULT_NONE},
        {1, ten, 10, 0.2, -0.3, CLV_EDOM, 4, CLV_FAULT_NONE},
        {1, ten, 10, 0.6, 0.5, CLV_EDOM, 4, CLV_FAULT_NONE},
        {1, (double[]){1, 2, INFINITY}, 3, 0.2, 0.3, CLV_EINVAL, 1, 2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "segment error case %zu", i);
        s = CLV_SEGMENT_HIGH;
        fault.arg = fault.element = 99;
        CHECK(what, clv_segment(bad[i].v, bad[i].vals, bad[i].n, bad[i].h, bad[i].l, &s, &fault) ==
                        bad[i].st);
        CHECK(what, s == CLV_SEGMENT_NONE && fault.arg == bad[i].arg &&
                        fault.element == bad[i].el && fault.reason);
    }
    CHECK("segment NULL out", clv_segment(1, ten, 10, 0.2, 0.3, NULL, NULL) == CLV_EINVAL);
}

static void test_segment_defaults(void)
{
    /* the catalogue: high_share = 0.2, low_share = 0.3 */
    CHECK("segment defaults", CLV_SEGMENT_HIGH_SHARE == 0.2 && CLV_SEGMENT_LOW_SHARE == 0.3);
}

static void test_status_and_version(void)
{
    for (int st = CLV_OK; st <= CLV_ELOSS; st++)
        CHECK("strerror", clv_strerror((clv_status)st) &&
                              strcmp(clv_strerror((clv_status)st), "unknown status"));
    CHECK("strerror unknown", !strcmp(clv_strerror((clv_status)99), "unknown status"));
    CHECK("version number", clv_version_number() == CLV_VERSION_NUMBER);
    CHECK("version string", !strcmp(clv_version(), CLV_VERSION));
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", CLV_VERSION_MAJOR, CLV_VERSION_MINOR, CLV_VERSION_PATCH);
    CHECK("version parts", !strcmp(buf, CLV_VERSION));
}

int main(void)
{
    test_examples();
    test_catalogue_matches_spec();
    test_domain_errors();
    test_other_errors();
    test_cac_arrays();
    test_funnel();
    test_segment();
    test_segment_defaults();
    test_status_and_version();
    return check_report("test_economics");
}
