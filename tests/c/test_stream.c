/*
 * test_stream.c -- the streamed RFM summary (clv_rfm_stream_*) against
 * clv_rfm_summarize on the reference logs and on random logs: every field
 * identical, in sorted and any-order streams, whole and merged from parts.
 */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"
#include "refdata.h"
#include "txlog/rfmint.h"

/* Every field equal; amounts within rel (0: bit for bit). */
static int same_summary(const char *what, const clv_rfm *a, const clv_rfm *b, double rel)
{
    int ok = a->n == b->n && a->rows == b->rows && a->transactions == b->transactions &&
             a->late_customers == b->late_customers && a->unit == b->unit &&
             a->calibration_end == b->calibration_end &&
             (a->holdout_end == b->holdout_end || (isnan(a->holdout_end) && isnan(b->holdout_end)));
    size_t bad = ok ? a->n : 0;
    for (size_t i = 0; ok && i < a->n; i++) {
        int row =
            a->id_len[i] == b->id_len[i] && !memcmp(a->id[i], b->id[i], a->id_len[i]) &&
            a->x[i] == b->x[i] && a->t_x[i] == b->t_x[i] && a->T[i] == b->T[i] &&
            a->first_day[i] == b->first_day[i] && a->x_holdout[i] == b->x_holdout[i] &&
            fabs(a->mean_value[i] - b->mean_value[i]) <= rel * fabs(b->mean_value[i]) &&
            fabs(a->value_holdout[i] - b->value_holdout[i]) <= rel * fabs(b->value_holdout[i]);
        if (!row && bad == a->n) {
            bad = i;
            fprintf(
                stderr,
                "  row %zu: x %g/%g t_x %g/%g T %g/%g mean %.17g/%.17g xh %g/%g vh %.17g/%.17g\n",
                i, a->x[i], b->x[i], a->t_x[i], b->t_x[i], a->T[i], b->T[i], a->mean_value[i],
                b->mean_value[i], a->x_holdout[i], b->x_holdout[i], a->value_holdout[i],
                b->value_holdout[i]);
        }
        ok &= row;
    }
    if (!CHECK(what, ok))
        fprintf(stderr, "  n %zu/%zu, first differing row %zu\n", a->n, b->n, bad);
    return ok;
}

static clv_rfm_stream *new_stream(const clv_rfm_options *o, clv_stream_order order)
{
    clv_rfm_stream *s = NULL;
    CHECK_STATUS("create", clv_rfm_stream_create(o, order, &s, NULL), CLV_OK);
    return s;
}

/* Rows ord[lo..hi-1] of a log into a stream. */
static void feed(clv_rfm_stream *s, const clv_txlog *log, const size_t *ord, size_t lo, size_t hi)
{
    size_t fails = 0;
    for (size_t k = lo; k < hi; k++) {
        size_t i = ord ? ord[k] : k, c = log->cust[i];
        fails += clv_rfm_stream_add(s, log->pool + log->id_off[c], log->id_len[c], log->day[i],
                                    log->amount[i], NULL) != CLV_OK;
    }
    CHECK("every row streamed", fails == 0);
}

static const clv_txlog *sort_log;
static int by_day(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int32_t di = sort_log->day[i], dj = sort_log->day[j];
    return di != dj ? (di > dj) - (di < dj) : (i > j) - (i < j);
}

/* A log in another row order (ord), as a new log. */
static clv_txlog *reordered(const clv_txlog *log, const size_t *ord)
{
    clv_txlog *r = clv_txlog_create();
    for (size_t k = 0; k < log->rows; k++) {
        size_t i = ord[k], c = log->cust[i];
        clv_txlog_add(r, log->pool + log->id_off[c], log->id_len[c], log->day[i], log->amount[i],
                      NULL);
    }
    return r;
}

/* The stream saved as bytes and loaded back gives the same summary, bit
 * for bit; so does the copy saved again (same bytes).  Small streams: every
 * cut-short prefix and every byte flipped is an error or a stream, never a
 * crash (the sanitizers watch). */
static void roundtrip(const char *name, const clv_rfm_stream *s, const clv_rfm *want, double rel)
{
    char what[256];
    size_t len = 0, len2 = 0;
    CHECK_STATUS("size", clv_rfm_stream_save(s, NULL, 0, &len), CLV_OK);
    unsigned char *buf = malloc(len), *buf2 = malloc(len);
    CHECK_STATUS("too small", clv_rfm_stream_save(s, buf, len - 1, &len2), CLV_ERANGE);
    CHECK_STATUS("save", clv_rfm_stream_save(s, buf, len, &len2), CLV_OK);
    clv_rfm_stream *t = NULL;
    clv_rfm *got;
    CHECK_STATUS("load", clv_rfm_stream_load(buf, len, &t, NULL), CLV_OK);
    CHECK_STATUS("summary", clv_rfm_stream_summary(t, &got, NULL), CLV_OK);
    snprintf(what, sizeof what, "%s: saved and loaded = summarize", name);
    same_summary(what, got, want, rel);
    clv_rfm_free(got);
    CHECK_STATUS("save again", clv_rfm_stream_save(t, buf2, len, &len2), CLV_OK);
    snprintf(what, sizeof what, "%s: saved again, same bytes", name);
    CHECK(what, len2 == len && memcmp(buf, buf2, len) == 0);
    clv_rfm_stream_free(t);
    if (len < 4000) {
        size_t bad = 0;
        for (size_t k = 0; k < len; k++) {
            clv_fault f;
            bad += clv_rfm_stream_load(buf, k, &t, &f) != CLV_EFORMAT || t != NULL;
            memcpy(buf2, buf, len);
            buf2[k] ^= (unsigned char)(1u << (k % 8));
            if (clv_rfm_stream_load(buf2, len, &t, &f) == CLV_OK &&
                clv_rfm_stream_summary(t, &got, &f) == CLV_OK)
                clv_rfm_free(got);
            clv_rfm_stream_free(t);
        }
        snprintf(what, sizeof what, "%s: every prefix is EFORMAT", name);
        CHECK(what, bad == 0);
    }
    free(buf), free(buf2);
}

/* One log under one set of options: sorted by date, any order, and each
 * split in two and merged. */
static void compare(const char *name, const clv_txlog *log, const clv_rfm_options *o)
{
    char what[256];
    size_t n = log->rows;
    size_t *ord = malloc(n * sizeof *ord);
    for (size_t i = 0; i < n; i++)
        ord[i] = i;
    sort_log = log;
    qsort(ord, n, sizeof *ord, by_day); /* the log sorted by date */
    clv_txlog *dated = reordered(log, ord);
    clv_rfm *want, *want_dated, *got;
    CHECK_STATUS("summarize", clv_rfm_summarize(log, o, &want, NULL), CLV_OK);
    CHECK_STATUS("summarize dated", clv_rfm_summarize(dated, o, &want_dated, NULL), CLV_OK);

    /* any order, the log's own */
    clv_rfm_stream *s = new_stream(o, CLV_STREAM_ANY);
    feed(s, log, NULL, 0, n);
    CHECK_STATUS("summary", clv_rfm_stream_summary(s, &got, NULL), CLV_OK);
    snprintf(what, sizeof what, "%s: any order = summarize", name);
    same_summary(what, got, want, 0);
    clv_rfm_free(got);
    roundtrip(name, s, want, 0);
    clv_rfm_stream_free(s);

    /* sorted by date */
    s = new_stream(o, CLV_STREAM_SORTED);
    feed(s, dated, NULL, 0, n);
    CHECK_STATUS("summary", clv_rfm_stream_summary(s, &got, NULL), CLV_OK);
    snprintf(what, sizeof what, "%s: sorted = summarize", name);
    same_summary(what, got, want_dated, 0);
    clv_rfm_free(got);
    roundtrip(name, s, want_dated, 0);

    /* sorted, split by time at the middle row (the split day in both) and
     * merged either way round */
    for (int way = 0; way < 2; way++) {
        clv_rfm_stream *a = new_stream(o, CLV_STREAM_SORTED), *b = new_stream(o, CLV_STREAM_SORTED);
        feed(a, dated, NULL, 0, n / 2);
        feed(b, dated, NULL, n / 2, n);
        CHECK_STATUS("merge sorted",
                     way ? clv_rfm_stream_merge(b, a, NULL) : clv_rfm_stream_merge(a, b, NULL),
                     CLV_OK);
        CHECK_STATUS("summary", clv_rfm_stream_summary(way ? b : a, &got, NULL), CLV_OK);
        snprintf(what, sizeof what, "%s: sorted halves merged (%d)", name, way);
        /* customers come in first-appearance order of the merged streams */
        if (way == 0)
            same_summary(what, got, want_dated, 1e-13);
        else
            CHECK(what, got->n == want_dated->n && got->transactions == want_dated->transactions);
        clv_rfm_free(got);
        clv_rfm_stream_free(a), clv_rfm_stream_free(b);
    }

    /* any order: odd and even rows in two streams */
    clv_rfm_stream *a = new_stream(o, CLV_STREAM_ANY), *b = new_stream(o, CLV_STREAM_ANY);
    size_t *half = malloc(n * sizeof *half), m = 0;
    for (size_t i = 0; i < n; i += 2)
        half[m++] = i;
    size_t odd = m;
    for (size_t i = 1; i < n; i += 2)
        half[m++] = i;
    feed(a, log, half, 0, odd);
    feed(b, log, half, odd, n);
    CHECK_STATUS("merge any", clv_rfm_stream_merge(a, b, NULL), CLV_OK);
    CHECK_STATUS("summary", clv_rfm_stream_summary(a, &got, NULL), CLV_OK);
    clv_txlog *split = reordered(log, half);
    clv_rfm *want_split;
    clv_rfm_summarize(split, o, &want_split, NULL);
    snprintf(what, sizeof what, "%s: any-order halves merged", name);
    /* ids in first-appearance order of the merged rows: those of a first */
    same_summary(what, got, want_split, 1e-13);
    clv_rfm_free(got), clv_rfm_free(want_split), clv_txlog_free(split);
    clv_rfm_stream_free(a), clv_rfm_stream_free(b), free(half);

    clv_rfm_stream_free(s);
    clv_rfm_free(want), clv_rfm_free(want_dated);
    clv_txlog_free(dated);
    free(ord);
}

static void options(clv_rfm_options *o, clv_time_unit u, double cal, double hold)
{
    clv_rfm_options_init(o);
    o->unit = u;
    o->calibration_end = cal;
    o->holdout_end = hold;
}

static void test_refdata(void)
{
    static const struct {
        const char *file;
        clv_csv_options csv;
    } logs[] = {
        {"btyd_cdnowElog.csv", {"sampleid", "date", "sales", ','}},
        {"lifetimes_CDNOW_master.txt", {"customer_id", "date", "dollar_value", ' '}},
    };
    double c1, h1;
    clv_day_from_ymd(1997, 9, 30, &c1);
    clv_day_from_ymd(1998, 6, 30, &h1);
    for (size_t k = 0; k < 2; k++) {
        clv_txlog *log;
        CHECK_STATUS(
            logs[k].file,
            clv_txlog_read_csv(refdata_path(logs[k].file), &logs[k].csv, NULL, NULL, &log, NULL),
            CLV_OK);
        clv_rfm_options o;
        options(&o, CLV_UNIT_WEEK, c1, h1);
        compare(logs[k].file, log, &o);
        options(&o, CLV_UNIT_DAY, NAN, NAN);
        compare(logs[k].file, log, &o);
        options(&o, CLV_UNIT_MONTH, c1 - 100, c1);
        compare(logs[k].file, log, &o);
        clv_txlog_free(log);
    }
}

/* Random logs: few customers, many same-day rows, days around the
 * calibration and holdout ends, rows in random order. */
static void test_random(void)
{
    uint64_t st = 12345;
    for (int rep = 0; rep < 20; rep++) {
        clv_txlog *log = clv_txlog_create();
        size_t rows = 50 + (size_t)rep * 40;
        for (size_t i = 0; i < rows; i++) {
            st = st * 6364136223846793005ULL + 1442695040888963407ULL;
            char id[8];
            int len = snprintf(id, sizeof id, "c%u", (unsigned)(st >> 59));
            double day = (double)((st >> 33) % 40), amt = (double)((st >> 20) % 1000) / 8;
            clv_txlog_add(log, id, (size_t)len, day, amt, NULL);
        }
        clv_rfm_options o;
        options(&o, CLV_UNIT_WEEK, 20 + rep % 5, 30 + rep % 7);
        compare("random", log, &o);
        clv_txlog_free(log);
    }
}

static int stop_at(void *data, size_t rows, double fraction)
{
    size_t *calls = data;
    ++*calls;
    return rows > 0 && fraction < 1 && *calls >= 2;
}

/* The CSV reader straight into a stream: the same summary as reading the
 * log first; rows out of order in a sorted stream; stopped by progress. */
static void test_read_csv(void)
{
    static const struct {
        const char *file;
        clv_csv_options csv;
    } logs[] = {
        {"btyd_cdnowElog.csv", {"sampleid", "date", "sales", ','}},
        {"lifetimes_CDNOW_master.txt", {"customer_id", "date", "dollar_value", ' '}},
    };
    for (size_t k = 0; k < 2; k++) {
        clv_txlog *log;
        clv_rfm *want, *got;
        clv_rfm_options o;
        options(&o, CLV_UNIT_WEEK, NAN, NAN);
        clv_txlog_read_csv(refdata_path(logs[k].file), &logs[k].csv, NULL, NULL, &log, NULL);
        clv_rfm_summarize(log, &o, &want, NULL);
        clv_rfm_stream *s = new_stream(&o, CLV_STREAM_ANY);
        size_t calls = 0;
        CHECK_STATUS(logs[k].file,
                     clv_rfm_stream_read_csv(refdata_path(logs[k].file), &logs[k].csv, s, stop_at,
                                             &calls, NULL),
                     CLV_OK);
        CHECK("progress called at the end", calls >= 1);
        CHECK_STATUS("summary", clv_rfm_stream_summary(s, &got, NULL), CLV_OK);
        same_summary("read into a stream = read, summarize", got, want, 0);
        clv_rfm_free(got), clv_rfm_free(want);
        clv_rfm_stream_free(s), clv_txlog_free(log);
    }
    const char *path = "test_stream_tmp.csv";
    FILE *f = fopen(path, "wb");
    fputs("id,date,amount\na,2024-01-02,1\nb,2024-01-01,2\na,2024-01-01,3\n", f);
    fclose(f);
    clv_rfm_options o;
    options(&o, CLV_UNIT_DAY, NAN, NAN);
    clv_csv_options co = {"id", "date", "amount", ','};
    clv_rfm_stream *s = new_stream(&o, CLV_STREAM_SORTED);
    clv_csv_error e = {0, 0, NULL};
    CHECK_STATUS("out of date order", clv_rfm_stream_read_csv(path, &co, s, NULL, NULL, &e),
                 CLV_EDOM);
    CHECK("names line 4, the date", e.line == 4 && e.column == 2);
    clv_rfm_stream_free(s);
    CHECK_STATUS("no stream", clv_rfm_stream_read_csv(path, &co, NULL, NULL, NULL, &e), CLV_EINVAL);
    /* 3 MB: the callback is asked after each 1 MiB block and stops */
    f = fopen(path, "wb");
    fputs("id,date,amount\n", f);
    for (int i = 0; i < 150000; i++)
        fprintf(f, "customer%06d,2024-01-%02d,%d.25\n", i % 5000, 1 + i / 5000, i % 97);
    fclose(f);
    s = new_stream(&o, CLV_STREAM_SORTED);
    size_t calls = 0;
    CHECK_STATUS("stopped by progress", clv_rfm_stream_read_csv(path, &co, s, stop_at, &calls, &e),
                 CLV_ENOCONV);
    CHECK("stopped after two calls", calls == 2);
    clv_rfm_stream_free(s);
    s = new_stream(&o, CLV_STREAM_SORTED);
    calls = 0;
    CHECK_STATUS("read whole", clv_rfm_stream_read_csv(path, &co, s, NULL, NULL, &e), CLV_OK);
    clv_rfm *r;
    clv_rfm_stream_summary(s, &r, NULL);
    CHECK("5000 customers, 29 repeat days each",
          r->n == 5000 && r->x[0] == 29 && r->rows == 150000);
    clv_rfm_free(r);
    clv_rfm_stream_free(s);
    remove(path);
}

static void test_errors(void)
{
    clv_rfm_options o;
    options(&o, CLV_UNIT_DAY, NAN, NAN);
    clv_rfm_stream *s = NULL, *t = NULL;
    clv_fault f;
    CHECK_STATUS(
        "no unit",
        clv_rfm_stream_create(&(clv_rfm_options){CLV_UNIT_NONE, NAN, NAN}, CLV_STREAM_ANY, &s, &f),
        CLV_EINVAL);
    CHECK_STATUS("bad order", clv_rfm_stream_create(&o, (clv_stream_order)7, &s, &f), CLV_EINVAL);
    CHECK_STATUS(
        "holdout before calibration",
        clv_rfm_stream_create(&(clv_rfm_options){CLV_UNIT_DAY, 10, 5}, CLV_STREAM_ANY, &s, &f),
        CLV_EDOM);
    s = new_stream(&o, CLV_STREAM_SORTED);
    clv_rfm *r;
    CHECK_STATUS("empty", clv_rfm_stream_summary(s, &r, &f), CLV_EDOM);
    CHECK("empty: NULL", r == NULL);
    CHECK_STATUS("row", clv_rfm_stream_add(s, "a", 1, 10, 1, &f), CLV_OK);
    CHECK_STATUS("later row", clv_rfm_stream_add(s, "a", 1, 12, 1, &f), CLV_OK);
    CHECK_STATUS("out of order", clv_rfm_stream_add(s, "a", 1, 11, 1, &f), CLV_EDOM);
    CHECK("names the day", f.arg == 3);
    CHECK_STATUS("negative amount", clv_rfm_stream_add(s, "a", 1, 12, -1, &f), CLV_EDOM);
    CHECK_STATUS("NaN day", clv_rfm_stream_add(s, "a", 1, NAN, 1, &f), CLV_EINVAL);
    CHECK_STATUS("empty id", clv_rfm_stream_add(s, "a", 0, 1, 1, &f), CLV_EINVAL);
    t = new_stream(&o, CLV_STREAM_SORTED);
    CHECK_STATUS("other row", clv_rfm_stream_add(t, "a", 1, 11, 1, &f), CLV_OK);
    CHECK_STATUS("other row 2", clv_rfm_stream_add(t, "b", 1, 3, 1, &f), CLV_OK);
    CHECK_STATUS("interleaved", clv_rfm_stream_merge(s, t, &f), CLV_EDOM);
    CHECK_STATUS("summary after a failed merge", clv_rfm_stream_summary(s, &r, &f), CLV_OK);
    CHECK("unchanged: one customer, x = 1, 2 rows", r->n == 1 && r->x[0] == 1 && r->rows == 2);
    clv_rfm_free(r);
    clv_rfm_stream *u = new_stream(&o, CLV_STREAM_ANY);
    CHECK_STATUS("other order", clv_rfm_stream_merge(s, u, &f), CLV_EINVAL);
    CHECK_STATUS("itself", clv_rfm_stream_merge(s, s, &f), CLV_EINVAL);
    clv_rfm_stream_free(s), clv_rfm_stream_free(t), clv_rfm_stream_free(u);
}

int main(void)
{
    test_refdata();
    test_random();
    test_read_csv();
    test_errors();
    return check_report("test_stream");
}
