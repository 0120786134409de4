/*
 * test_catalog.c -- properties that must hold, and grid sweeps checked
 * against one evaluation per scenario and against direct summation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"

/* A small deterministic generator, so failures reproduce. */
static unsigned long long rng = 88172645463325252ULL;
static double uniform(double lo, double hi)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return lo + (hi - lo) * (double)(rng >> 11) / 9007199254740992.0;
}

/* The definition of CLV_RET, summed term by term (independent re-computation). */
static double clv_ret_by_summation(double m, double r, double d, int n, int timing)
{
    double s = 0;
    for (int t = timing ? 0 : 1; t <= (timing ? n - 1 : n); t++)
        s += m * pow(r, t) / pow(1 + d, t);
    return s;
}

static void test_clv_ret_properties(void)
{
    for (int i = 0; i < 2000; i++) {
        double m = uniform(0, 1000), r = uniform(0, 1), d = uniform(-0.05, 0.5);
        int n = 1 + (int)uniform(0, 60), timing = i & 1;
        double v, want = clv_ret_by_summation(m, r, d, n, timing);
        CHECK("clv_ret finite horizon", clv_clv_ret(m, r, d, n, timing, &v) == CLV_OK);
        CHECK_CLOSE("clv_ret = term-by-term sum", v, want, 1e-10 * fmax(1, fabs(want)));
    }
    /* the horizon tends to the no-horizon value */
    double inf0, inf1, v;
    clv_clv_ret(100, 0.8, 0.1, 0, 0, &inf0);
    clv_clv_ret(100, 0.8, 0.1, 0, 1, &inf1);
    double prev = 0;
    for (int n = 1; n <= 4096; n *= 2) {
        clv_clv_ret(100, 0.8, 0.1, n, 0, &v);
        CHECK("clv_ret grows with the horizon", v > prev || v == inf0);
        CHECK("clv_ret below its limit", v <= inf0 * (1 + 1e-15));
        prev = v;
    }
    CHECK_CLOSE("clv_ret N -> inf (timing 0)", v, inf0, 1e-12);
    clv_clv_ret(100, 0.8, 0.1, 1e6, 1, &v);
    CHECK_CLOSE("clv_ret N -> inf (timing 1)", v, inf1, 1e-12);
    /* q just below 1: 1 - q^N must not cancel */
    double r = 1 - 1e-12, eps = 1 - r; /* eps is exact (Sterbenz) */
    clv_clv_ret(1, r, 0, 1000, 1, &v);
    /* sum_{t<N} (1-eps)^t = N - eps N(N-1)/2 + eps^2 N(N-1)(N-2)/6 - ... */
    CHECK_CLOSE("clv_ret q ~ 1", v,
                1000 - eps * 1000 * 999 / 2 + eps * eps * 1000.0 * 999 * 998 / 6, 1e-12);
    /* a huge horizon costs nothing and stays finite */
    CHECK("clv_ret 1e15 periods", clv_clv_ret(10, 0.99, 0.01, 1e15, 0, &v) == CLV_OK);
    CHECK_CLOSE("clv_ret 1e15 periods", v, 10 * 0.99 / (1.01 - 0.99), 1e-9);
    /* timing 1 pays each margin one period earlier: x (1 + d)/r */
    double v0, v1;
    clv_clv_ret(70, 0.6, 0.08, 12, 0, &v0);
    clv_clv_ret(70, 0.6, 0.08, 12, 1, &v1);
    CHECK_CLOSE("clv_ret timing shift", v1, v0 * 1.08 / 0.6, 0);
}

static void test_period_round_trips(void)
{
    for (int i = 0; i < 1000; i++) {
        /* (1-c)^k >= 1e-3: nearer 1 the way back is ill-conditioned */
        double c = uniform(0, 0.5), k = uniform(0.05, 10), ck, back;
        CHECK("churn_period", clv_churn_period(c, k, &ck) == CLV_OK);
        CHECK("churn_period back", clv_churn_period(ck, 1 / k, &back) == CLV_OK);
        CHECK_CLOSE("CHURN_PERIOD(CHURN_PERIOD(c;k);1/k) = c", back, c, 1e-12);
        CHECK_CLOSE("churn_period = 1-(1-c)^k", ck, 1 - pow(1 - c, k), 1e-12);
        double d = uniform(-0.5, 1), dk;
        CHECK("discount_period", clv_discount_period(d, k, &dk) == CLV_OK);
        CHECK("discount_period back", clv_discount_period(dk, 1 / k, &back) == CLV_OK);
        CHECK_CLOSE("DISCOUNT_PERIOD round trip", back, d, 1e-11);
    }
    /* tiny rates keep their digits: 1-(1-1e-12)^12 is 1.2e-11, not 0 */
    double v;
    clv_churn_period(1e-12, 12, &v);
    CHECK_CLOSE("churn_period tiny", v, 1.2e-11, 1e-22);
    clv_discount_period(1e-12, 12, &v);
    CHECK_CLOSE("discount_period tiny", v, 1.2e-11, 1e-22);
}

static void test_sweep_matches_eval(void)
{
    const clv_fn *f = clv_fn_find("clv_ret");
    /* include invalid values on several axes: they must give NaN rows */
    const double margin[] = {100, -1, 50};
    const double ret[] = {0.5, 0.8, 1.0, 1.2};
    const double disc[] = {0.1, 0.0};
    const double periods[] = {0, 3, 2.5};
    const double timing[] = {0, 1};
    const double *axes[] = {margin, ret, disc, periods, timing};
    const size_t lens[] = {3, 4, 2, 3, 2};
    size_t rows, failed;
    CHECK("grid rows", clv_grid_rows(lens, 5, &rows) == CLV_OK && rows == 144);
    double *out = malloc(rows * sizeof *out);
    CHECK("sweep", clv_fn_sweep(f, axes, lens, 0, rows, out, &failed) == CLV_OK);
    size_t row = 0, expected_failed = 0;
    for (size_t a = 0; a < 3; a++)
        for (size_t b = 0; b < 4; b++)
            for (size_t c = 0; c < 2; c++)
                for (size_t d = 0; d < 3; d++)
                    for (size_t e = 0; e < 2; e++, row++) {
                        double args[] = {margin[a], ret[b], disc[c], periods[d], timing[e]};
                        double v;
                        clv_status st = clv_fn_eval(f, args, 5, &v, NULL);
                        if (st == CLV_OK)
                            CHECK_CLOSE("sweep row = eval", out[row], v, 0);
                        else
                            CHECK("failed row is NaN", isnan(out[row]));
                        expected_failed += st != CLV_OK;
                    }
    CHECK("failed count", failed == expected_failed);
    CHECK("some rows fail, some do not", failed > 0 && failed < rows);

    /* any chunking gives the same rows */
    double *chunk = malloc(rows * sizeof *chunk);
    size_t pos = 0, total_failed = 0;
    for (size_t step = 1; pos < rows; step = step * 3 % 17 + 1) {
        size_t n = step < rows - pos ? step : rows - pos, nf;
        CHECK("sweep chunk", clv_fn_sweep(f, axes, lens, pos, n, chunk + pos, &nf) == CLV_OK);
        total_failed += nf;
        pos += n;
    }
    int same = 1;
    for (size_t i = 0; i < rows; i++)
        same &= (isnan(out[i]) && isnan(chunk[i])) || out[i] == chunk[i];
    CHECK("chunked sweep = whole sweep", same);
    CHECK("chunked failed count", total_failed == failed);
    free(chunk);

    /* trailing fixed axes (omitted optionals): the rows are the same as one
     * evaluation each, and an invalid fixed value fails every row */
    const double m2[] = {10, 20, 30}, r2[] = {0.5}, d2[] = {0.1, 0.2}, n2[] = {4}, t_ok[] = {1},
                 t_bad[] = {2};
    for (int bad = 0; bad < 2; bad++) {
        const double *ax2[] = {m2, r2, d2, n2, bad ? t_bad : t_ok};
        const size_t l2[] = {3, 1, 2, 1, 1};
        double o2[6];
        CHECK("sweep with fixed trailing axes",
              clv_fn_sweep(f, ax2, l2, 1, 5, o2, &failed) == CLV_OK);
        CHECK("fixed trailing axes: failed count", failed == (bad ? 5u : 0u));
        for (size_t k = 0; k < 5; k++) {
            size_t grid_row = k + 1;
            double args[] = {m2[grid_row / 2], 0.5, d2[grid_row % 2], 4, bad ? 2 : 1}, v;
            if (clv_fn_eval(f, args, 5, &v, NULL) == CLV_OK)
                CHECK_CLOSE("fixed trailing axes: row = eval", o2[k], v, 0);
            else
                CHECK("fixed trailing axes: failed row", bad && isnan(o2[k]));
        }
    }

    /* overflowing scenarios are failed rows too */
    const clv_fn *g = clv_fn_find("clv");
    const double big[] = {1e300, 1}, one[] = {1e300}, three[] = {3}, zero[] = {0};
    const double *gaxes[] = {big, one, three, zero, zero};
    const size_t glens[] = {2, 1, 1, 1, 1};
    CHECK("sweep overflow", clv_fn_sweep(g, gaxes, glens, 0, 2, out, &failed) == CLV_OK);
    CHECK("overflow row failed", isnan(out[0]) && out[1] == 3e300 && failed == 1);

    /* bad calls */
    CHECK("sweep NULL fn", clv_fn_sweep(NULL, axes, lens, 0, 1, out, NULL) == CLV_EINVAL);
    CHECK("sweep NULL axes", clv_fn_sweep(f, NULL, lens, 0, 1, out, NULL) == CLV_EINVAL);
    CHECK("sweep NULL out", clv_fn_sweep(f, axes, lens, 0, 1, NULL, NULL) == CLV_EINVAL);
    CHECK("sweep past the end", clv_fn_sweep(f, axes, lens, 100, 45, out, NULL) == CLV_ERANGE);
    CHECK("sweep start past the end", clv_fn_sweep(f, axes, lens, 145, 0, out, NULL) == CLV_ERANGE);
    CHECK("sweep zero rows",
          clv_fn_sweep(f, axes, lens, 144, 0, out, &failed) == CLV_OK && failed == 0);
    const size_t zero_len[] = {3, 0, 2, 3, 2};
    CHECK("sweep empty axis", clv_fn_sweep(f, axes, zero_len, 0, 1, out, NULL) == CLV_EINVAL);
    const double *null_axis[] = {margin, NULL, disc, periods, timing};
    CHECK("sweep NULL axis", clv_fn_sweep(f, null_axis, lens, 0, 1, out, NULL) == CLV_EINVAL);
    const size_t huge[] = {(size_t)1 << 40, (size_t)1 << 40, 2, 1, 1};
    CHECK("grid rows overflow", clv_grid_rows(huge, 5, &rows) == CLV_ERANGE);
    CHECK("sweep grid overflow", clv_fn_sweep(f, axes, huge, 0, 1, out, NULL) == CLV_ERANGE);
    free(out);
}

int main(void)
{
    test_clv_ret_properties();
    test_period_round_trips();
    test_sweep_matches_eval();
    return check_report("test_catalog");
}
