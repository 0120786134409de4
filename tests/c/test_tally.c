/*
 * test_tally.c -- distinct rows with counts: equal rows add up, pieces merge
 * to the same columns however they were cut, the bytes round-trip and are
 * never trusted, and a fit over a merged tally is the fit over all rows
 * (CDNOW's published BG/NBD parameters).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"
#include "clvkit/tally.h"
#include "refdata.h"

static cbs_data cbs;

static void test_basics(void)
{
    CHECK("width 0 refused", clv_tally_create(0) == NULL);
    CHECK("width 5 refused", clv_tally_create(CLV_TALLY_MAXWIDTH + 1) == NULL);
    clv_tally *t = clv_tally_create(2);
    double a[2] = {1, 2}, b[2] = {1, -0.0}, c[2] = {1, 0};
    CHECK_STATUS("add a", clv_tally_add(t, a, 1, NULL), CLV_OK);
    CHECK_STATUS("add b", clv_tally_add(t, b, 2, NULL), CLV_OK);
    CHECK_STATUS("add c", clv_tally_add(t, c, 3, NULL), CLV_OK);
    CHECK_STATUS("add a again", clv_tally_add(t, a, 0.5, NULL), CLV_OK);
    CHECK("two distinct rows (-0 is 0)", clv_tally_rows(t) == 2);
    CHECK_CLOSE("total", clv_tally_total(t), 6.5, 0);
    const double *cols[2], *w;
    CHECK_STATUS("columns", clv_tally_columns(t, cols, &w), CLV_OK);
    CHECK("sorted: (1,0) first", cols[0][0] == 1 && cols[1][0] == 0 && w[0] == 5);
    CHECK("then (1,2)", cols[1][1] == 2 && w[1] == 1.5);
    CHECK("-0 stored as +0", !signbit(cols[1][0]));

    clv_fault f = {0, 0, NULL};
    double bad[2] = {1, NAN};
    CHECK_STATUS("NaN row", clv_tally_add(t, bad, 1, &f), CLV_EINVAL);
    CHECK("fault names row[1]", f.arg == 1 && f.element == 1);
    CHECK_STATUS("zero weight", clv_tally_add(t, a, 0, &f), CLV_EINVAL);
    CHECK("fault names the weight", f.arg == 2);
    CHECK_STATUS("infinite weight", clv_tally_add(t, a, INFINITY, NULL), CLV_EINVAL);
    CHECK_STATUS("NULL row", clv_tally_add(t, NULL, 1, NULL), CLV_EINVAL);
    CHECK_STATUS("past 2^53", clv_tally_add(t, a, 9007199254740992.0, NULL), CLV_ERANGE);
    CHECK_CLOSE("unchanged after errors", clv_tally_total(t), 6.5, 0);
    clv_tally *other = clv_tally_create(3);
    CHECK_STATUS("merge of other widths", clv_tally_merge(t, other), CLV_EINVAL);
    clv_tally_free(other);
    clv_tally_free(t);
    clv_tally_free(NULL);
}

/* CDNOW's summary, in k interleaved pieces merged in reverse order. */
static clv_tally *cdnow_in_pieces(size_t k)
{
    clv_tally **piece = calloc(k, sizeof *piece);
    for (size_t p = 0; p < k; p++)
        piece[p] = clv_tally_create(3);
    for (size_t i = 0; i < cbs.n; i++) {
        double row[3] = {cbs.x[i], cbs.t_x[i], cbs.T[i]};
        clv_tally_add(piece[(i * 7) % k], row, 1, NULL);
    }
    for (size_t p = k - 1; p > 0; p--) {
        CHECK_STATUS("merge", clv_tally_merge(piece[p - 1], piece[p]), CLV_OK);
        clv_tally_free(piece[p]);
    }
    clv_tally *t = piece[0];
    free(piece);
    return t;
}

static int same_columns(clv_tally *a, clv_tally *b)
{
    const double *ca[3], *cb[3], *wa, *wb;
    if (clv_tally_columns(a, ca, &wa) || clv_tally_columns(b, cb, &wb) ||
        clv_tally_rows(a) != clv_tally_rows(b))
        return 0;
    size_t n = clv_tally_rows(a);
    for (size_t j = 0; j < 3; j++)
        if (memcmp(ca[j], cb[j], n * sizeof(double)) != 0)
            return 0;
    return memcmp(wa, wb, n * sizeof(double)) == 0;
}

static void test_merge_and_fit(void)
{
    clv_tally *one = cdnow_in_pieces(1), *five = cdnow_in_pieces(5);
    CHECK_CLOSE("all 2357 customers", clv_tally_total(five), 2357, 0);
    CHECK("same columns however cut", same_columns(one, five));

    const double *col[3], *w;
    clv_tally_columns(five, col, &w);
    clv_model m;
    clv_fit_info info;
    CHECK_STATUS("fit over the tally",
                 clv_tx_fit(CLV_MODEL_BGNBD, col[0], col[1], col[2], w, clv_tally_rows(five),
                            CLV_UNIT_WEEK, NULL, &m, &info, NULL),
                 CLV_OK);
    /* Fader, Hardie & Lee (2005), section 7: r 0.243, alpha 4.414, a 0.793,
     * b 2.426, LL -9582.4. */
    CHECK_CLOSE("r", m.param[0], 0.243, 5e-4);
    CHECK_CLOSE("alpha", m.param[1], 4.414, 5e-4);
    CHECK_CLOSE("a", m.param[2], 0.793, 5e-4);
    CHECK_CLOSE("b", m.param[3], 2.426, 5e-4);
    CHECK_CLOSE("LL", info.loglik, -9582.4, 0.05);
    clv_tally_free(one);
    clv_tally_free(five);
}

static void test_bytes(void)
{
    clv_tally *t = cdnow_in_pieces(3);
    size_t size = clv_tally_size(t);
    CHECK("size", size == 16 + 8 * 4 * clv_tally_rows(t));
    unsigned char *buf = malloc(size);
    CHECK_STATUS("too small", clv_tally_write(t, buf, size - 1), CLV_ERANGE);
    CHECK_STATUS("write", clv_tally_write(t, buf, size), CLV_OK);
    clv_tally *back = NULL;
    CHECK_STATUS("read", clv_tally_read(buf, size, &back), CLV_OK);
    CHECK("round trip", back && same_columns(t, back));
    clv_tally_free(back);

    CHECK_STATUS("truncated", clv_tally_read(buf, size - 8, &back), CLV_EFORMAT);
    CHECK("nothing returned", back == NULL);
    CHECK_STATUS("header only", clv_tally_read(buf, 15, &back), CLV_EFORMAT);
    unsigned char saved = buf[0];
    buf[0] = 'X';
    CHECK_STATUS("bad magic", clv_tally_read(buf, size, &back), CLV_EFORMAT);
    buf[0] = saved;
    buf[5] = 9;
    CHECK_STATUS("bad width", clv_tally_read(buf, size, &back), CLV_EFORMAT);
    buf[5] = 3;
    memset(buf + 16 + 24, 0xff, 8); /* first weight: a NaN */
    CHECK_STATUS("NaN weight", clv_tally_read(buf, size, &back), CLV_EFORMAT);
    memset(buf + 8, 0xff, 8); /* a row count that overflows */
    CHECK_STATUS("huge count", clv_tally_read(buf, size, &back), CLV_EFORMAT);
    CHECK_STATUS("NULL", clv_tally_read(NULL, size, &back), CLV_EINVAL);
    free(buf);
    clv_tally_free(t);
}

int main(void)
{
    load_cbs(&cbs);
    test_basics();
    test_merge_and_fit();
    test_bytes();
    return check_report("test_tally");
}
