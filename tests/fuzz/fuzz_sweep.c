/*
 * fuzz_sweep.c -- the grid builder behind every sweep: axes from ranges and
 * linspace (stats.h), grid sizes, and clv_fn_sweep over a slice of the
 * grid, which must agree row by row with clv_fn_eval on the same values.
 */
#include "clvkit/clvkit.h"
#include "fuzz.h"

#define MAXLEN 6

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz in = {data, size};
    /* an axis from a range, as sweep.lua's range() builds it */
    double from = fz_double(&in), to = fz_double(&in), step = fz_double(&in);
    size_t n = 0;
    if (clv_range_count(from, to, step, 1000, &n) == CLV_OK)
        FUZZ_ASSERT(n >= 1 && n <= 1000);
    size_t ln = 1 + fz_byte(&in) % 50;
    double prev = NAN;
    for (size_t i = 0; i < ln; i++) {
        double v = NAN;
        clv_status st = clv_linspace_value(from, to, ln, i, &v);
        FUZZ_OK_FINITE(st, v);
        if (st == CLV_OK && i + 1 == ln && ln > 1) /* n = 1: from, as numpy */
            FUZZ_ASSERT(v == to);
        if (st == CLV_OK && i > 0 && isfinite(prev))
            FUZZ_ASSERT(from <= to ? v >= prev : v <= prev);
        prev = v;
    }

    const clv_fn *f = clv_fn_at(fz_byte(&in) % clv_fn_count());
    size_t np = clv_fn_nparams(f);
    double values[16][MAXLEN];
    const double *axes[16];
    size_t lens[16], rows = 0;
    for (size_t p = 0; p < np; p++) {
        lens[p] = 1 + fz_byte(&in) % MAXLEN;
        for (size_t j = 0; j < lens[p]; j++)
            values[p][j] = fz_double(&in);
        axes[p] = values[p];
    }
    if (clv_grid_rows(lens, np, &rows) != CLV_OK)
        return 0; /* cannot overflow with these lengths, but be plain */
    size_t first = fz_byte(&in) % rows;
    size_t nrows = 1 + fz_byte(&in) % (rows - first);
    double out[64];
    size_t nfailed = 0, want_failed = 0;
    size_t chunk = nrows < 64 ? nrows : 64;
    FUZZ_ASSERT(clv_fn_sweep(f, axes, lens, first, chunk, out, &nfailed) == CLV_OK);
    for (size_t r = 0; r < chunk; r++) {
        double args[16], one = 0;
        size_t rest = first + r; /* parameter 0 varies slowest */
        for (size_t p = np; p-- > 0;) {
            args[p] = values[p][rest % lens[p]];
            rest /= lens[p];
        }
        clv_status st = clv_fn_eval(f, args, np, &one, NULL);
        want_failed += st != CLV_OK;
        FUZZ_ASSERT(st == CLV_OK ? out[r] == one : isnan(out[r]));
    }
    FUZZ_ASSERT(nfailed == want_failed);
    return 0;
}
