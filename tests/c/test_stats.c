/*
 * test_stats.c -- summaries, quantiles and axes, checked against a plain
 * sort-based re-computation and hand-worked cases.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/stats.h"

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Type 7 quantile from a sorted copy: the definition, independently. */
static double quantile_by_sorting(const double *v, size_t n, double p)
{
    double *s = malloc(n * sizeof *s);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            s[m++] = v[i];
    qsort(s, m, sizeof *s, cmp);
    double h = (double)(m - 1) * p, q;
    size_t k = (size_t)h;
    q = k + 1 < m ? s[k] + (h - (double)k) * (s[k + 1] - s[k]) : s[k];
    free(s);
    return q;
}

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static double uniform(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static void test_quantiles(void)
{
    const double probs[] = {0.5, 0, 1, 0.05, 0.25, 0.75, 0.95, 0.333};
    const size_t np = sizeof probs / sizeof probs[0];
    const size_t sizes[] = {1, 2, 3, 10, 101, 1000, 4096};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        double *v = malloc(n * sizeof *v), *scratch = malloc(n * sizeof *v), out[8];
        for (int shape = 0; shape < 4; shape++) {
            for (size_t i = 0; i < n; i++) {
                double x = shape == 0   ? uniform() * 100  /* random */
                           : shape == 1 ? (double)i        /* sorted */
                           : shape == 2 ? (double)(n - i)  /* reversed */
                                        : (double)(i % 3); /* many ties */
                v[i] = (i % 7 == 3 && n > 3) ? NAN : x;    /* failed rows */
            }
            CHECK("quantiles", clv_quantiles(v, n, probs, np, scratch, out) == CLV_OK);
            for (size_t j = 0; j < np; j++)
                CHECK_CLOSE("quantile = sorted definition", out[j],
                            quantile_by_sorting(v, n, probs[j]), 1e-12);
        }
        free(v);
        free(scratch);
    }
    /* by hand: 1..5, median 3, p25 2, p10 1.4 */
    const double five[] = {5, 1, 4, 2, 3};
    double sc[5], q[3];
    clv_quantiles(five, 5, (double[]){0.5, 0.25, 0.1}, 3, sc, q);
    CHECK_CLOSE("median of 1..5", q[0], 3, 0);
    CHECK_CLOSE("p25 of 1..5", q[1], 2, 0);
    CHECK_CLOSE("p10 of 1..5", q[2], 1.4, 1e-15);
    CHECK("input untouched", five[0] == 5 && five[4] == 3);
    CHECK("all NaN", clv_quantiles((double[]){NAN, NAN}, 2, (double[]){0.5}, 1, sc, q) == CLV_OK &&
                         isnan(q[0]));
    CHECK("p > 1", clv_quantiles(five, 5, (double[]){1.5}, 1, sc, q) == CLV_EDOM);
    CHECK("p NaN", clv_quantiles(five, 5, (double[]){NAN}, 1, sc, q) == CLV_EINVAL);
    CHECK("inf value",
          clv_quantiles((double[]){1, INFINITY}, 2, (double[]){0.5}, 1, sc, q) == CLV_EINVAL);
    CHECK("NULL scratch", clv_quantiles(five, 5, (double[]){0.5}, 1, NULL, q) == CLV_EINVAL);
}

static void test_summary_and_best(void)
{
    clv_summary s;
    const double v[] = {3, NAN, -1, 10, NAN, 4};
    CHECK("summary", clv_summarize(v, 6, &s) == CLV_OK);
    CHECK("summary counts", s.count == 4 && s.missing == 2);
    CHECK("summary min max", s.min == -1 && s.max == 10);
    CHECK_CLOSE("summary mean (16/4)", s.mean, 4, 0);
    /* compensated: 1e16 + 1 + 1 - 1e16 = 2, naive summation gives 0 */
    CHECK("summary compensated", clv_summarize((double[]){1e16, 1, 1, -1e16}, 4, &s) == CLV_OK);
    CHECK_CLOSE("compensated mean (2/4)", s.mean, 0.5, 0);
    CHECK("summary of nothing", clv_summarize(v, 0, &s) == CLV_OK && s.count == 0 && isnan(s.mean));
    CHECK("summary all NaN",
          clv_summarize((double[]){NAN}, 1, &s) == CLV_OK && s.missing == 1 && isnan(s.min));
    CHECK("summary inf", clv_summarize((double[]){1, -INFINITY}, 2, &s) == CLV_EINVAL);
    CHECK("summary overflow",
          clv_summarize((double[]){1.5e308, 1.5e308}, 2, &s) == CLV_OK && s.mean == 1.5e308);
    CHECK("summary NULL",
          clv_summarize(NULL, 2, &s) == CLV_EINVAL && clv_summarize(v, 6, NULL) == CLV_EINVAL);

    size_t i;
    CHECK("argmax", clv_argbest(v, 6, 1, &i) == CLV_OK && i == 3);
    CHECK("argmin", clv_argbest(v, 6, 0, &i) == CLV_OK && i == 2);
    CHECK("argmax first of ties", clv_argbest((double[]){NAN, 2, 2}, 3, 1, &i) == CLV_OK && i == 1);
    CHECK("argbest all NaN", clv_argbest((double[]){NAN}, 1, 1, &i) == CLV_EDOM);
    CHECK("argbest empty", clv_argbest(v, 0, 1, &i) == CLV_EDOM);
    CHECK("argbest NULL", clv_argbest(NULL, 3, 1, &i) == CLV_EINVAL);
}

static void test_axes(void)
{
    size_t n;
    CHECK("range 0..1 by 0.1 has 11", clv_range_count(0, 1, 0.1, 1000, &n) == CLV_OK && n == 11);
    CHECK("range 20..200 by 20 has 10",
          clv_range_count(20, 200, 20, 1000, &n) == CLV_OK && n == 10);
    CHECK("range 1..10 by 2 stops at 9", clv_range_count(1, 10, 2, 1000, &n) == CLV_OK && n == 5);
    CHECK("range down", clv_range_count(10, 1, -3, 1000, &n) == CLV_OK && n == 4);
    CHECK("range single", clv_range_count(5, 5, 1, 1000, &n) == CLV_OK && n == 1);
    CHECK("range 0.01..0.1 by 0.01",
          clv_range_count(0.01, 0.1, 0.01, 1000, &n) == CLV_OK && n == 10);
    CHECK("range of 20,000,019 steps of 0.03 reaches its end",
          clv_range_count(0, 20000018 * 0.03, 0.03, (size_t)1 << 30, &n) == CLV_OK &&
              n == 20000019);
    CHECK("range wrong way", clv_range_count(0, 1, -0.1, 1000, &n) == CLV_EDOM && n == 0);
    CHECK("range zero step", clv_range_count(0, 1, 0, 1000, &n) == CLV_EDOM);
    CHECK("range too long", clv_range_count(0, 1e9, 1, 1000, &n) == CLV_ERANGE);
    CHECK("range NaN", clv_range_count(0, NAN, 1, 1000, &n) == CLV_EINVAL);
    CHECK("range tiny step", clv_range_count(0, 1, 1e-300, (size_t)-1, &n) == CLV_ERANGE);

    double x;
    CHECK("linspace first", clv_linspace_value(1, 2, 5, 0, &x) == CLV_OK && x == 1);
    CHECK("linspace last exact", clv_linspace_value(0.1, 0.7, 7, 6, &x) == CLV_OK && x == 0.7);
    CHECK("linspace middle", clv_linspace_value(1, 2, 5, 2, &x) == CLV_OK && x == 1.5);
    CHECK("linspace n=1", clv_linspace_value(3, 9, 1, 0, &x) == CLV_OK && x == 3);
    CHECK("linspace i out of range", clv_linspace_value(1, 2, 5, 5, &x) == CLV_EINVAL && isnan(x));
    CHECK("linspace n=0", clv_linspace_value(1, 2, 0, 0, &x) == CLV_EINVAL);
    CHECK("linspace inf", clv_linspace_value(1, INFINITY, 3, 1, &x) == CLV_EINVAL);
    CHECK("linspace overflow", clv_linspace_value(-1e308, 1e308, 3, 1, &x) == CLV_ERANGE);
}

int main(void)
{
    test_quantiles();
    test_summary_and_best();
    test_axes();
    return check_report("test_stats");
}
