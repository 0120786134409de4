/*
 * fuzz_tally.c -- the tally's byte reader (clv_tally_read: what a database
 * face gets back from a parallel worker or another server) over arbitrary
 * bytes, and what a read tally must then be: rows and weights finite, the
 * columns sorted, a rewrite that reads back to the same bytes, merges that
 * add up.
 */
#include "clvkit/tally.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char not_a_tally;
    clv_tally *t = (clv_tally *)(void *)&not_a_tally; /* must be reset on failure */
    clv_status st = clv_tally_read(data, size, &t);
    if (st != CLV_OK) {
        FUZZ_ASSERT(t == NULL);
        FUZZ_ASSERT(st == CLV_EFORMAT || st == CLV_ERANGE || st == CLV_ENOMEM);
        return 0;
    }
    size_t w = clv_tally_width(t), n = clv_tally_rows(t);
    FUZZ_ASSERT(w >= 1 && w <= CLV_TALLY_MAXWIDTH);
    const double *col[CLV_TALLY_MAXWIDTH], *weight;
    if (clv_tally_columns(t, col, &weight) == CLV_OK) {
        double total = 0;
        for (size_t i = 0; i < n; i++) {
            FUZZ_ASSERT(isfinite(weight[i]) && weight[i] > 0);
            total += weight[i];
            for (size_t j = 0; j < w; j++)
                FUZZ_ASSERT(isfinite(col[j][i]));
            if (i > 0) { /* ascending and distinct */
                size_t j = 0;
                while (j < w && col[j][i - 1] == col[j][i])
                    j++;
                FUZZ_ASSERT(j < w && col[j][i - 1] < col[j][i]);
            }
        }
        /* the same sum in another order: close, not always equal */
        FUZZ_ASSERT(fabs(total - clv_tally_total(t)) <= 1e-9 * total);
    }
    size_t bytes = clv_tally_size(t);
    unsigned char *again = malloc(bytes ? bytes : 1);
    clv_tally *back = NULL;
    if (again && clv_tally_write(t, again, bytes) == CLV_OK &&
        clv_tally_read(again, bytes, &back) == CLV_OK) {
        FUZZ_ASSERT(clv_tally_rows(back) == n);
        if (clv_tally_merge(back, t) == CLV_OK)
            FUZZ_ASSERT(clv_tally_rows(back) == n);
    }
    clv_tally_free(back);
    free(again);
    clv_tally_free(t);
    return 0;
}
