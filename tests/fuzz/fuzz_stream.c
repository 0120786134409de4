/*
 * fuzz_stream.c -- the streamed RFM summary's byte reader
 * (clv_rfm_stream_load: a summary's state kept in a file or handed back by
 * a database worker) over arbitrary bytes, and what a loaded stream must
 * then be: saved again to the very same bytes, a summary of finite,
 * consistent rows (or a clear error), a merge with a copy that either
 * works or is refused.
 */
#include "clvkit/rfm.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char not_a_stream;
    clv_rfm_stream *s = (clv_rfm_stream *)(void *)&not_a_stream; /* must be reset on failure */
    clv_fault f;
    clv_status st = clv_rfm_stream_load(data, size, &s, &f);
    if (st != CLV_OK) {
        FUZZ_ASSERT(s == NULL);
        FUZZ_ASSERT(st == CLV_EFORMAT || st == CLV_ENOMEM);
        FUZZ_ASSERT(st != CLV_EFORMAT || f.reason != NULL);
        return 0;
    }
    /* a stream is saved in one canonical form: the input itself */
    size_t len = 0;
    FUZZ_ASSERT(clv_rfm_stream_save(s, NULL, 0, &len) == CLV_OK);
    FUZZ_ASSERT(len == size);
    unsigned char *again = malloc(len ? len : 1);
    if (again && clv_rfm_stream_save(s, again, len, &len) == CLV_OK)
        FUZZ_ASSERT(memcmp(again, data, size) == 0);
    free(again);
    clv_rfm *r = NULL;
    st = clv_rfm_stream_summary(s, &r, &f);
    if (st == CLV_OK) {
        for (size_t i = 0; i < r->n; i++) {
            FUZZ_ASSERT(r->x[i] >= 0 && r->x_holdout[i] >= 0);
            FUZZ_ASSERT(r->t_x[i] >= 0 && r->t_x[i] <= r->T[i]);
            FUZZ_ASSERT(isfinite(r->T[i]) && isfinite(r->mean_value[i]));
            FUZZ_ASSERT(r->mean_value[i] >= 0 && r->value_holdout[i] >= 0);
        }
        FUZZ_ASSERT(r->transactions <= r->rows);
        clv_rfm_free(r);
    } else {
        FUZZ_ASSERT(r == NULL && (st == CLV_EDOM || st == CLV_ENOMEM));
    }
    clv_rfm_stream *copy = NULL;
    if (clv_rfm_stream_load(data, size, &copy, NULL) == CLV_OK) {
        st = clv_rfm_stream_merge(copy, s, NULL);
        FUZZ_ASSERT(st == CLV_OK || st == CLV_EDOM || st == CLV_ENOMEM);
    }
    clv_rfm_stream_free(copy);
    clv_rfm_stream_free(s);
    return 0;
}
