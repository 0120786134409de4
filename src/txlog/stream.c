/*
 * stream.c -- the RFM summary in one pass (clv_rfm_stream_* in rfm.h).
 *
 * Ids live in a clv_txlog that never gets rows (its interning table); per
 * customer one fixed record.  A sorted stream folds each day into the
 * record as soon as a later day shows it is complete ("closed"); the latest
 * day stays open (same-day rows may still come).  An any-order stream
 * keeps every row on a per-customer chain and, when summarised, sorts and
 * merges each customer's days exactly as rfm.c does, then folds them into
 * a record the same way.  So both orders and clv_rfm_summarize() count
 * with one rule: fold() below mirrors rfm.c's loop, day by day.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/fn.h"
#include "core/alloc.h"
#include "txlog/rfmint.h"

#define NO_DAY INT32_MAX /* a record without rows */

/* 64 bytes: the state of one customer in a sorted stream. */
typedef struct {
    int32_t first, last, last_cal; /* last: latest day, still open */
    uint32_t days, x, xh;          /* closed days: all, calibration days
                                      after the first, holdout */
    double pending;                /* amount on `last`, not yet folded */
    double first_amount;           /* amount on `first`, once closed */
    double value, mean, vh;        /* sums (and the running mean) */
} record;

/* Any order: where a customer's rows are (index + 1; 0 = none). */
typedef struct {
    size_t head, tail, nrows;
} chain;

struct clv_rfm_stream {
    clv_rfm_options opts;
    clv_stream_order order;
    double cal, hold; /* +inf when open */
    clv_txlog *ids;   /* id table only */
    record *rec;
    chain *ch; /* any order only */
    size_t rcap, chcap, rows;
    int32_t lo, hi; /* first and last day streamed */
    int32_t *rday;  /* any order: rows */
    double *ramt;
    size_t *rnext, nr, nrcap;
    size_t recent; /* index + 1 of the latest customer added (0: none):
                      files grouped by customer skip the hash */
};

static void fold(record *c, int32_t d, double a, double cal, double hold)
{
    c->days++;
    if (d == c->first) {
        c->first_amount = a;
    } else if (d <= cal) {
        c->x++;
        c->value += a;
        c->mean += (a - c->mean) / c->x; /* used when value overflows */
        c->last_cal = d;
    } else if (d <= hold) {
        c->xh++;
        c->vh += a;
    }
}

static void open_record(record *c, int32_t d, double a)
{
    memset(c, 0, sizeof *c);
    c->first = c->last = c->last_cal = d;
    c->pending = a;
}

/* A sorted row: same day, a later day, or (an error) an earlier one. */
static int sorted_add(record *c, int32_t d, double a, double cal, double hold)
{
    if (c->first == NO_DAY)
        open_record(c, d, a);
    else if (d == c->last)
        c->pending += a;
    else if (d > c->last) {
        fold(c, c->last, c->pending, cal, hold);
        c->last = d;
        c->pending = a;
    } else
        return 1;
    return 0;
}

/* Appends the days of b to a, all of which come no earlier than a's. */
static void append(record *a, const record *b, double cal, double hold)
{
    if (b->last == b->first) {
        sorted_add(a, b->first, b->pending, cal, hold);
        return;
    }
    sorted_add(a, b->first, b->first_amount, cal, hold);
    fold(a, a->last, a->pending, cal, hold);
    a->days += b->days - 1;
    uint32_t x = a->x + b->x;
    if (x > 0)
        a->mean += (b->mean - a->mean) * ((double)b->x / x);
    if (b->x > 0)
        a->last_cal = b->last_cal;
    a->x = x;
    a->value += b->value;
    a->xh += b->xh;
    a->vh += b->vh;
    a->last = b->last;
    a->pending = b->pending;
}

void clv_rfm_stream_free(clv_rfm_stream *s)
{
    if (!s)
        return;
    clv_txlog_free(s->ids);
    clv_free(s->rec), clv_free(s->ch), clv_free(s->rday), clv_free(s->ramt), clv_free(s->rnext),
        clv_free(s);
}

clv_status clv_rfm_stream_create(const clv_rfm_options *opts, clv_stream_order order,
                                 clv_rfm_stream **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (!opts)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (order != CLV_STREAM_SORTED && order != CLV_STREAM_ANY)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "must be SORTED or ANY", CLV_EINVAL);
    if (!isfinite(clv_time_unit_days(opts->unit)))
        return clv_fail(fault, 0, 0, "unit must be day, week, month or year", CLV_EINVAL);
    const double d[2] = {opts->calibration_end, opts->holdout_end};
    for (size_t k = 0; k < 2; k++) {
        if (isnan(d[k]))
            continue;
        if (!isfinite(d[k]))
            return clv_fail(fault, 0, k + 1, "must be a finite day or NaN", CLV_EINVAL);
        if (floor(d[k]) < CLV_DAY_MIN || floor(d[k]) > CLV_DAY_MAX)
            return clv_fail(fault, 0, k + 1, "must be a day between the years 1 and 9999",
                            CLV_EDOM);
    }
    if (floor(d[1]) < floor(d[0]))
        return clv_fail(fault, 0, 2, "holdout_end must not be before calibration_end", CLV_EDOM);
    clv_rfm_stream *s = clv_calloc(1, sizeof *s);
    if (!s || !(s->ids = clv_txlog_create())) {
        clv_free(s);
        return CLV_ENOMEM;
    }
    s->opts = *opts;
    s->order = order;
    s->cal = isnan(d[0]) ? INFINITY : floor(d[0]);
    s->hold = isnan(d[1]) ? INFINITY : floor(d[1]);
    s->lo = INT32_MAX;
    s->hi = INT32_MIN;
    *out = s;
    return CLV_OK;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    return clv_grow(p, cap, need, size, 64);
}

/* The record of an id, a new empty one if unseen; NULL when out of memory. */
static record *customer(clv_rfm_stream *s, const char *id, size_t len)
{
    const clv_txlog *t = s->ids;
    if (s->recent && t->id_len[s->recent - 1] == len &&
        memcmp(t->pool + t->id_off[s->recent - 1], id, len) == 0)
        return &s->rec[s->recent - 1];
    if (grow((void **)&s->rec, &s->rcap, s->ids->ncust + 1, sizeof *s->rec) ||
        (s->order == CLV_STREAM_ANY &&
         grow((void **)&s->ch, &s->chcap, s->ids->ncust + 1, sizeof *s->ch)))
        return NULL;
    size_t n = s->ids->ncust, c = clv_txlog_intern(s->ids, id, len);
    if (c == (size_t)-1)
        return NULL;
    if (c == n) {
        memset(&s->rec[c], 0, sizeof s->rec[c]);
        s->rec[c].first = NO_DAY;
        if (s->ch)
            memset(&s->ch[c], 0, sizeof s->ch[c]);
    }
    s->recent = c + 1;
    return &s->rec[c];
}

/* Any order: the row goes on the customer's chain. */
static int chain_add(clv_rfm_stream *s, record *c, int32_t d, double a)
{
    chain *h = &s->ch[c - s->rec];
    size_t cap = s->nrcap;
    if (grow((void **)&s->rday, &cap, s->nr + 1, sizeof *s->rday))
        return 1;
    cap = s->nrcap;
    if (grow((void **)&s->ramt, &cap, s->nr + 1, sizeof *s->ramt))
        return 1;
    cap = s->nrcap;
    if (grow((void **)&s->rnext, &cap, s->nr + 1, sizeof *s->rnext))
        return 1;
    s->nrcap = cap;
    size_t r = s->nr++;
    s->rday[r] = d, s->ramt[r] = a, s->rnext[r] = 0;
    if (h->tail)
        s->rnext[h->tail - 1] = r + 1;
    else
        h->head = r + 1;
    h->tail = r + 1;
    h->nrows++;
    if (d < c->first || c->first == NO_DAY)
        c->first = d;
    return 0;
}

static void note_day(clv_rfm_stream *s, int32_t d)
{
    if (d < s->lo)
        s->lo = d;
    if (d > s->hi)
        s->hi = d;
}

clv_status clv_rfm_stream_add(clv_rfm_stream *s, const char *id, size_t id_len, double day,
                              double amount, clv_fault *fault)
{
    if (!s || !id)
        return clv_fail(fault, s ? 1 : 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (id_len == 0)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "id must not be empty", CLV_EINVAL);
    if (!isfinite(day))
        return clv_fail(fault, 3, CLV_FAULT_NONE, "must be a finite number", CLV_EINVAL);
    if (floor(day) < CLV_DAY_MIN || floor(day) > CLV_DAY_MAX)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "must be a day between the years 1 and 9999",
                        CLV_EDOM);
    const char *why;
    clv_status st = clv_domain_check(CLV_D_NONNEG, amount, &why);
    if (st != CLV_OK)
        return clv_fail(fault, 4, CLV_FAULT_NONE, why, st);
    record *c = customer(s, id, id_len);
    if (!c)
        return CLV_ENOMEM;
    int32_t d = (int32_t)floor(day);
    if (s->order == CLV_STREAM_ANY) {
        if (chain_add(s, c, d, amount))
            return CLV_ENOMEM;
    } else if (sorted_add(c, d, amount, s->cal, s->hold)) {
        return clv_fail(fault, 3, CLV_FAULT_NONE,
                        "is before this customer's previous day: the rows "
                        "are not in day order (stream with "
                        "CLV_STREAM_ANY)",
                        CLV_EDOM);
    }
    note_day(s, d);
    s->rows++;
    return CLV_OK;
}

static int same_options(const clv_rfm_stream *a, const clv_rfm_stream *b)
{
    return a->order == b->order && a->opts.unit == b->opts.unit &&
           (a->cal == b->cal || (isinf(a->cal) && isinf(b->cal))) &&
           (a->hold == b->hold || (isinf(a->hold) && isinf(b->hold)));
}

clv_status clv_rfm_stream_merge(clv_rfm_stream *into, const clv_rfm_stream *from, clv_fault *fault)
{
    if (!into || !from)
        return clv_fail(fault, into ? 1 : 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (into == from || !same_options(into, from))
        return clv_fail(fault, 1, CLV_FAULT_NONE,
                        "must be another stream with the same order and "
                        "options",
                        CLV_EINVAL);
    const clv_txlog *fi = from->ids;
    /* first the ids (a customer new to `into` gets an empty record, which
     * summaries skip) and, for sorted streams, the check that no
     * customer's days interleave: `into` counts nothing new on failure */
    size_t *map = clv_malloc((fi->ncust ? fi->ncust : 1) * sizeof *map);
    if (!map)
        return CLV_ENOMEM;
    for (size_t j = 0; j < fi->ncust; j++) {
        record *a = customer(into, fi->pool + fi->id_off[j], fi->id_len[j]);
        if (!a) {
            clv_free(map);
            return CLV_ENOMEM;
        }
        map[j] = (size_t)(a - into->rec);
        const record *b = &from->rec[j];
        if (into->order == CLV_STREAM_SORTED && a->first != NO_DAY && b->first != NO_DAY &&
            a->last > b->first && b->last > a->first) {
            clv_free(map);
            return clv_fail(fault, 1, j,
                            "a customer's days interleave in the two "
                            "streams: merge sorted streams split by time, "
                            "or stream with CLV_STREAM_ANY",
                            CLV_EDOM);
        }
    }
    for (size_t j = 0; j < fi->ncust; j++) {
        record *a = &into->rec[map[j]];
        const record *b = &from->rec[j];
        if (b->first == NO_DAY)
            continue;
        if (into->order == CLV_STREAM_ANY) {
            for (size_t r = from->ch[j].head; r; r = from->rnext[r - 1])
                if (chain_add(into, a, from->rday[r - 1], from->ramt[r - 1])) {
                    clv_free(map);
                    return CLV_ENOMEM;
                }
        } else if (a->first == NO_DAY) {
            *a = *b;
        } else if (a->last <= b->first) {
            append(a, b, into->cal, into->hold);
        } else {
            record t = *b;
            append(&t, a, into->cal, into->hold);
            *a = t;
        }
    }
    clv_free(map);
    into->rows += from->rows;
    if (from->rows) {
        note_day(into, from->lo);
        note_day(into, from->hi);
    }
    return CLV_OK;
}

size_t clv_rfm_stream_bytes(const clv_rfm_stream *s)
{
    if (!s)
        return 0;
    const clv_txlog *t = s->ids;
    return sizeof *s + s->rcap * sizeof *s->rec + s->chcap * sizeof *s->ch + t->pool_cap +
           t->ccap * 2 * sizeof(size_t) + t->slots * sizeof *t->slot +
           s->nrcap * (sizeof *s->rday + sizeof *s->ramt + sizeof *s->rnext);
}

/* Any order: the customer's days sorted and merged as rfm.c does, folded
 * into a record.  rows, days, amounts: buffers of c->nrows. */
static record chain_record(const clv_rfm_stream *s, const chain *c, size_t *rows, int32_t *days,
                           double *amounts, double cal, double hold)
{
    size_t k = 0, nd;
    for (size_t r = c->head; r; r = s->rnext[r - 1])
        rows[k++] = r - 1;
    clv_txlog view; /* the rows seen as a log's columns */
    memset(&view, 0, sizeof view);
    view.day = s->rday;
    view.amount = s->ramt;
    clv_txlog_customer_days(&view, rows, k, days, amounts, &nd);
    record out;
    open_record(&out, days[0], amounts[0]);
    for (size_t j = 1; j < nd; j++)
        sorted_add(&out, days[j], amounts[j], cal, hold);
    return out;
}

clv_status clv_rfm_stream_summary(const clv_rfm_stream *s, clv_rfm **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (!s)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (s->rows == 0)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "the stream is empty", CLV_EDOM);
    double cal = isinf(s->cal) ? s->hi : s->cal;
    if (s->hold < cal)
        return clv_fail(fault, 0, 2, "holdout_end must not be before calibration_end", CLV_EDOM);
    const clv_txlog *ids = s->ids;
    size_t maxrows = 1;
    for (size_t c = 0; s->ch && c < ids->ncust; c++)
        if (s->ch[c].nrows > maxrows)
            maxrows = s->ch[c].nrows;
    size_t *rows = NULL;
    int32_t *days = NULL;
    double *amounts = NULL;
    if (s->order == CLV_STREAM_ANY) {
        rows = clv_malloc(maxrows * sizeof *rows);
        days = clv_malloc(maxrows * sizeof *days);
        amounts = clv_malloc(maxrows * sizeof *amounts);
    }
    /* first pass: who is in, and the text they need */
    size_t nin = 0, text = 0, late = 0;
    for (size_t c = 0; c < ids->ncust; c++) {
        int32_t f = s->rec[c].first;
        if (f == NO_DAY)
            continue;
        if (f <= cal)
            nin++, text += ids->id_len[c] + 1;
        else
            late++;
    }
    clv_rfm *r = NULL;
    if ((s->order == CLV_STREAM_SORTED || (rows && days && amounts)) && nin)
        r = clv_rfm_alloc(nin, text);
    if (!r) {
        clv_free(rows), clv_free(days), clv_free(amounts);
        return nin ? CLV_ENOMEM
                   : clv_fail(fault, 0, 1,
                              "no customer bought on or before "
                              "calibration_end",
                              CLV_EDOM);
    }
    double unit = clv_time_unit_days(s->opts.unit);
    char *pool = (char *)(r->id + nin);
    r->n = nin;
    r->unit = s->opts.unit;
    r->calibration_end = cal;
    r->holdout_end = isinf(s->hold) ? NAN : s->hold;
    r->rows = s->rows;
    r->late_customers = late;
    size_t i = 0;
    for (size_t c = 0; c < ids->ncust; c++) {
        const record *src = &s->rec[c];
        if (src->first == NO_DAY || src->first > cal)
            continue;
        record e = s->order == CLV_STREAM_ANY
                       ? chain_record(s, &s->ch[c], rows, days, amounts, cal, s->hold)
                       : *src;
        fold(&e, e.last, e.pending, cal, s->hold); /* close the open day */
        memcpy(pool, ids->pool + ids->id_off[c], ids->id_len[c] + 1);
        r->id[i] = pool;
        r->id_len[i] = ids->id_len[c];
        pool += ids->id_len[c] + 1;
        r->x[i] = e.x;
        r->t_x[i] = (e.last_cal - e.first) / unit;
        r->T[i] = (cal - e.first) / unit;
        double mean = e.x > 0 ? e.value / e.x : 0;
        r->mean_value[i] = isfinite(mean) ? mean : e.mean;
        r->first_day[i] = e.first;
        r->x_holdout[i] = e.xh;
        r->value_holdout[i] = e.vh;
        r->transactions += (size_t)e.days;
        i++;
    }
    clv_free(rows), clv_free(days), clv_free(amounts);
    *out = r;
    return CLV_OK;
}

/* ---- bytes: save and load -------------------------------------------------
 *
 * Little-endian, fixed widths:  "CLVRFMS" 0, u32 version 1, u32 order,
 * u32 unit, f64 calibration_end and holdout_end as given (NaN kept), u64
 * rows, i32 lo, hi, u64 customers; then per customer u32 id length, the
 * id, and for a sorted stream its record (i32 first, last, last_cal; u32
 * days, x, xh; f64 pending, first_amount, value, mean, vh), for an
 * any-order stream u64 rows and that many (i32 day, f64 amount) in chain
 * order.  Loading checks every field and rebuilds the hash and chains. */

#define MAGIC "CLVRFMS"
#define VERSION 1u
#define RECORD_BYTES (3 * 4 + 3 * 4 + 5 * 8)

typedef struct {
    unsigned char *p; /* NULL: only count */
    size_t n;
} writer;

static void put(writer *w, uint64_t v, int bytes)
{
    if (w->p)
        for (int k = 0; k < bytes; k++)
            w->p[w->n + (size_t)k] = (unsigned char)(v >> (8 * k));
    w->n += (size_t)bytes;
}

static void put_f64(writer *w, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    put(w, u, 8);
}

static void put_bytes(writer *w, const char *b, size_t n)
{
    if (w->p)
        memcpy(w->p + w->n, b, n);
    w->n += n;
}

static void write_all(const clv_rfm_stream *s, writer *w)
{
    put_bytes(w, MAGIC, 8);
    put(w, VERSION, 4);
    put(w, (uint64_t)s->order, 4);
    put(w, (uint64_t)s->opts.unit, 4);
    put_f64(w, s->opts.calibration_end);
    put_f64(w, s->opts.holdout_end);
    put(w, s->rows, 8);
    put(w, (uint32_t)s->lo, 4);
    put(w, (uint32_t)s->hi, 4);
    const clv_txlog *t = s->ids;
    put(w, t->ncust, 8);
    for (size_t c = 0; c < t->ncust; c++) {
        put(w, t->id_len[c], 4);
        put_bytes(w, t->pool + t->id_off[c], t->id_len[c]);
        if (s->order == CLV_STREAM_ANY) {
            put(w, s->ch[c].nrows, 8);
            for (size_t r = s->ch[c].head; r; r = s->rnext[r - 1]) {
                put(w, (uint32_t)s->rday[r - 1], 4);
                put_f64(w, s->ramt[r - 1]);
            }
            continue;
        }
        const record *e = &s->rec[c];
        put(w, (uint32_t)e->first, 4);
        put(w, (uint32_t)e->last, 4);
        put(w, (uint32_t)e->last_cal, 4);
        put(w, e->days, 4);
        put(w, e->x, 4);
        put(w, e->xh, 4);
        put_f64(w, e->pending);
        put_f64(w, e->first_amount);
        put_f64(w, e->value);
        put_f64(w, e->mean);
        put_f64(w, e->vh);
    }
}

clv_status clv_rfm_stream_save(const clv_rfm_stream *s, void *buf, size_t cap, size_t *len)
{
    if (!s || !len)
        return CLV_EINVAL;
    writer w = {NULL, 0};
    write_all(s, &w);
    *len = w.n;
    if (!buf)
        return CLV_OK;
    if (cap < w.n)
        return CLV_ERANGE;
    w.p = buf;
    w.n = 0;
    write_all(s, &w);
    return CLV_OK;
}

typedef struct {
    const unsigned char *p;
    size_t n, at;
    int bad; /* cut short */
} bytes_in;

static uint64_t get(bytes_in *b, int bytes)
{
    if (b->n - b->at < (size_t)bytes) {
        b->bad = 1;
        b->at = b->n;
        return 0;
    }
    uint64_t v = 0;
    for (int k = 0; k < bytes; k++)
        v |= (uint64_t)b->p[b->at + (size_t)k] << (8 * k);
    b->at += (size_t)bytes;
    return v;
}

static int32_t get_i32(bytes_in *b)
{
    uint32_t u = (uint32_t)get(b, 4);
    int32_t v;
    memcpy(&v, &u, sizeof v);
    return v;
}

static double get_f64(bytes_in *b)
{
    uint64_t u = get(b, 8);
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

static int is_day(int32_t d)
{
    return d >= CLV_DAY_MIN && d <= CLV_DAY_MAX;
}

/* An amount a stream can hold: finite (or, for sums, +inf) and >= 0. */
static int amount_ok(double a, int sum)
{
    return a >= 0 && (isfinite(a) || (sum && isinf(a)));
}

/* A sorted stream's record as saved: NULL when it is consistent, else why
 * not. */
static const char *record_fault(const record *e, double cal)
{
    if (e->first == NO_DAY) /* as customer() makes it */
        return e->last || e->last_cal || e->days || e->x || e->xh || e->pending != 0 ||
                       e->first_amount != 0 || e->value != 0 || e->mean != 0 || e->vh != 0
                   ? "an empty record with contents"
                   : NULL;
    if (!is_day(e->first) || !is_day(e->last) || !is_day(e->last_cal))
        return "a day outside the years 1..9999";
    if (e->first > e->last_cal || e->last_cal > e->last)
        return "days out of order in a record";
    /* fold(): the latest calibration day is a repeat day on or before the
     * calibration end, or the first day when there is none */
    if (e->x > 0 ? e->last_cal == e->first || e->last_cal > cal
                 : e->last_cal != e->first || e->value != 0 || e->mean != 0)
        return "a latest calibration day that does not fit the counts";
    if (e->xh == 0 && e->vh != 0)
        return "a holdout value without holdout days";
    if ((uint64_t)e->x + e->xh > e->days || e->days > (uint32_t)(e->last - e->first) ||
        (e->last > e->first && e->days == 0))
        return "counts that do not fit the days";
    if (!amount_ok(e->pending, 0) || !amount_ok(e->first_amount, 0) || !amount_ok(e->value, 1) ||
        !amount_ok(e->mean, 0) || !amount_ok(e->vh, 1))
        return "an amount that is negative or not a number";
    return NULL;
}

static clv_status load_fail(clv_rfm_stream *s, clv_fault *fault, const char *why, clv_status st)
{
    clv_rfm_stream_free(s);
    return clv_fail(fault, 0, CLV_FAULT_NONE, why, st);
}

/* The customers after the header; why set on failure. */
static clv_status load_customers(clv_rfm_stream *s, bytes_in *b, uint64_t ncust, uint64_t rows,
                                 const char **why)
{
    /* the smallest customer: a 1-byte id and its record or row count */
    size_t least = 4 + 1 + (s->order == CLV_STREAM_ANY ? 8 : RECORD_BYTES);
    if (ncust > (b->n - b->at) / least) {
        *why = "more customers than the bytes hold";
        return CLV_EFORMAT;
    }
    uint64_t days = 0;
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (uint64_t c = 0; c < ncust; c++) {
        size_t len = (size_t)get(b, 4);
        if (b->bad || len == 0 || len > b->n - b->at) {
            *why = b->bad || len ? "cut short" : "an empty customer id";
            return CLV_EFORMAT;
        }
        const char *id = (const char *)b->p + b->at;
        b->at += len;
        size_t before = s->ids->ncust;
        record *e = customer(s, id, len);
        if (!e)
            return CLV_ENOMEM;
        if (s->ids->ncust == before) {
            *why = "a customer id twice";
            return CLV_EFORMAT;
        }
        if (s->order == CLV_STREAM_ANY) {
            uint64_t nr = get(b, 8);
            if (nr > (b->n - b->at) / 12) {
                *why = "more rows than the bytes hold";
                return CLV_EFORMAT;
            }
            for (uint64_t r = 0; r < nr; r++) {
                int32_t d = get_i32(b);
                double a = get_f64(b);
                if (!is_day(d) || !amount_ok(a, 0)) {
                    *why = "a row with a day outside the years 1..9999 or "
                           "a bad amount";
                    return CLV_EFORMAT;
                }
                if (chain_add(s, e, d, a))
                    return CLV_ENOMEM;
                lo = d < lo ? d : lo, hi = d > hi ? d : hi;
            }
            days += nr;
            continue;
        }
        e->first = get_i32(b), e->last = get_i32(b), e->last_cal = get_i32(b);
        e->days = (uint32_t)get(b, 4), e->x = (uint32_t)get(b, 4);
        e->xh = (uint32_t)get(b, 4);
        e->pending = get_f64(b), e->first_amount = get_f64(b);
        e->value = get_f64(b), e->mean = get_f64(b), e->vh = get_f64(b);
        if (b->bad) {
            *why = "cut short";
            return CLV_EFORMAT;
        }
        if ((*why = record_fault(e, s->cal)) != NULL)
            return CLV_EFORMAT;
        if (e->first != NO_DAY) {
            days += (uint64_t)e->days + 1; /* closed days and the open one */
            lo = e->first < lo ? e->first : lo;
            hi = e->last > hi ? e->last : hi;
        }
    }
    /* any order: every row is kept, so the counts agree exactly; sorted:
     * same-day rows merge, so there are at least as many rows as days */
    if (s->order == CLV_STREAM_ANY ? rows != days : rows < days) {
        *why = "a row count that does not fit the customers";
        return CLV_EFORMAT;
    }
    if (days > 0 && (lo != s->lo || hi != s->hi)) {
        *why = "first or last day that does not fit the customers";
        return CLV_EFORMAT;
    }
    if (days == 0 && (s->lo != INT32_MAX || s->hi != INT32_MIN || rows)) {
        *why = "days or rows without customers";
        return CLV_EFORMAT;
    }
    return CLV_OK;
}

clv_status clv_rfm_stream_load(const void *buf, size_t len, clv_rfm_stream **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (!buf && len > 0)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    bytes_in b = {buf, len, 0, 0};
    if (len < 8 || memcmp(buf, MAGIC, 8) != 0)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "is not a saved RFM stream", CLV_EFORMAT);
    b.at = 8;
    uint64_t version = get(&b, 4), order = get(&b, 4), unit = get(&b, 4);
    clv_rfm_options o;
    o.unit = (clv_time_unit)(unit <= 4 ? unit : 0);
    o.calibration_end = get_f64(&b);
    o.holdout_end = get_f64(&b);
    uint64_t rows = get(&b, 8);
    int32_t lo = get_i32(&b), hi = get_i32(&b);
    uint64_t ncust = get(&b, 8);
    if (b.bad)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "is cut short", CLV_EFORMAT);
    if (version != VERSION)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "is a saved stream of another version",
                        CLV_EFORMAT);
    clv_rfm_stream *s = NULL;
    clv_status st = order > 1 || unit > 4
                        ? CLV_EINVAL
                        : clv_rfm_stream_create(&o, (clv_stream_order)order, &s, NULL);
    if (st == CLV_ENOMEM)
        return st;
    if (st != CLV_OK)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "holds options a stream cannot have",
                        CLV_EFORMAT);
    s->lo = lo, s->hi = hi;
    const char *why = NULL;
    st = load_customers(s, &b, ncust, rows, &why);
    if (st == CLV_OK && b.at != len)
        st = CLV_EFORMAT, why = "has bytes after the stream";
    if (st != CLV_OK)
        return load_fail(s, fault, why ? why : "out of memory", st);
    s->rows = (size_t)rows;
    s->recent = 0;
    *out = s;
    return CLV_OK;
}
