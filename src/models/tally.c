/*
 * tally.c -- distinct rows with counts (clvkit/tally.h): an open-addressing
 * hash table over the rows' bits, rows kept in insertion order, and a sorted
 * column view made on demand so the result does not depend on that order.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clvkit/tally.h"
#include "core/alloc.h"
#include "core/fn.h"

struct clv_tally {
    size_t width;
    size_t n, cap; /* rows stored, rows allocated */
    double *vals;  /* n rows of width values, insertion order */
    double *w;     /* n weights */
    size_t *slot;  /* hcap entries: row index + 1, 0 = empty */
    size_t hcap;   /* power of two, >= 2 * cap */
    double total;
    double *view; /* sorted columns then weights, (width + 1) * n */
    int view_valid;
};

/* Counts are exact in a double up to 2^53. */
static const double total_limit = 9007199254740992.0;

static uint64_t bits_of(double v)
{
    uint64_t b;
    if (v == 0)
        v = 0; /* -0 and +0 are one value */
    memcpy(&b, &v, sizeof b);
    return b;
}

static size_t hash_row(const double *row, size_t width)
{
    uint64_t h = 0x9e3779b97f4a7c15u;
    for (size_t j = 0; j < width; j++) {
        h ^= bits_of(row[j]);
        h *= 0xbf58476d1ce4e5b9u; /* splitmix64's mixing steps */
        h ^= h >> 31;
    }
    return (size_t)(h ^ (h >> 29));
}

static int same_row(const double *a, const double *b, size_t width)
{
    for (size_t j = 0; j < width; j++)
        if (!(a[j] == b[j]))
            return 0;
    return 1;
}

clv_tally *clv_tally_create(size_t width)
{
    if (width < 1 || width > CLV_TALLY_MAXWIDTH)
        return NULL;
    clv_tally *t = clv_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->width = width;
    return t;
}

void clv_tally_free(clv_tally *t)
{
    if (!t)
        return;
    clv_free(t->vals);
    clv_free(t->w);
    clv_free(t->slot);
    clv_free(t->view);
    clv_free(t);
}

/* Room for one more row: grows the row arrays and rehashes. */
static clv_status reserve(clv_tally *t)
{
    if (t->n < t->cap)
        return CLV_OK;
    size_t cap = t->cap ? 2 * t->cap : 64;
    if (cap > SIZE_MAX / 2 / sizeof(double) / (t->width + 1))
        return CLV_ENOMEM;
    double *vals = clv_realloc(t->vals, cap * t->width * sizeof *vals);
    if (!vals)
        return CLV_ENOMEM;
    t->vals = vals;
    double *w = clv_realloc(t->w, cap * sizeof *w);
    if (!w)
        return CLV_ENOMEM;
    t->w = w;
    size_t hcap = 2 * cap;
    size_t *slot = clv_calloc(hcap, sizeof *slot);
    if (!slot)
        return CLV_ENOMEM;
    for (size_t i = 0; i < t->n; i++) {
        size_t h = hash_row(t->vals + i * t->width, t->width) & (hcap - 1);
        while (slot[h])
            h = (h + 1) & (hcap - 1);
        slot[h] = i + 1;
    }
    clv_free(t->slot);
    t->slot = slot;
    t->hcap = hcap;
    t->cap = cap;
    return CLV_OK;
}

/* Adds a checked row. */
static clv_status add_row(clv_tally *t, const double *row, double weight)
{
    if (!(t->total + weight <= total_limit))
        return CLV_ERANGE;
    if (t->hcap) {
        size_t h = hash_row(row, t->width) & (t->hcap - 1);
        for (; t->slot[h]; h = (h + 1) & (t->hcap - 1)) {
            size_t i = t->slot[h] - 1;
            if (same_row(t->vals + i * t->width, row, t->width)) {
                t->w[i] += weight;
                t->total += weight;
                t->view_valid = 0;
                return CLV_OK;
            }
        }
    }
    clv_status st = reserve(t);
    if (st != CLV_OK)
        return st;
    size_t h = hash_row(row, t->width) & (t->hcap - 1);
    while (t->slot[h])
        h = (h + 1) & (t->hcap - 1);
    double *dst = t->vals + t->n * t->width;
    for (size_t j = 0; j < t->width; j++)
        dst[j] = row[j] == 0 ? 0 : row[j];
    t->w[t->n] = weight;
    t->slot[h] = ++t->n;
    t->total += weight;
    t->view_valid = 0;
    return CLV_OK;
}

clv_status clv_tally_add(clv_tally *t, const double *row, double weight, clv_fault *fault)
{
    if (!t || !row)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t j = 0; j < t->width; j++)
        if (!isfinite(row[j]))
            return clv_fail(fault, 1, j, "must be a finite number", CLV_EINVAL);
    if (!(isfinite(weight) && weight > 0))
        return clv_fail(fault, 2, CLV_FAULT_NONE, "must be a finite number > 0", CLV_EINVAL);
    clv_status st = add_row(t, row, weight);
    if (st == CLV_ERANGE)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "the total weight exceeds 2^53", st);
    return st;
}

clv_status clv_tally_merge(clv_tally *into, const clv_tally *from)
{
    if (!into || !from || into->width != from->width)
        return CLV_EINVAL;
    for (size_t i = 0; i < from->n; i++) {
        clv_status st = add_row(into, from->vals + i * from->width, from->w[i]);
        if (st != CLV_OK)
            return st;
    }
    return CLV_OK;
}

size_t clv_tally_width(const clv_tally *t)
{
    return t ? t->width : 0;
}
size_t clv_tally_rows(const clv_tally *t)
{
    return t ? t->n : 0;
}
double clv_tally_total(const clv_tally *t)
{
    return t ? t->total : 0;
}

/* qsort has no context argument: each key carries the row and its width. */
typedef struct {
    const double *row;
    size_t width;
} row_key;

static int compare_rows(const void *pa, const void *pb)
{
    const row_key *a = pa, *b = pb;
    for (size_t j = 0; j < a->width; j++) {
        if (a->row[j] < b->row[j])
            return -1;
        if (a->row[j] > b->row[j])
            return 1;
    }
    return 0;
}

clv_status clv_tally_columns(clv_tally *t, const double **cols, const double **weights)
{
    if (!t || !cols || !weights)
        return CLV_EINVAL;
    size_t n = t->n, width = t->width;
    if (!t->view_valid) {
        double *view = clv_malloc(((width + 1) * n + 1) * sizeof *view);
        row_key *keys = clv_malloc((n ? n : 1) * sizeof *keys);
        if (!view || !keys) {
            clv_free(view);
            clv_free(keys);
            return CLV_ENOMEM;
        }
        for (size_t i = 0; i < n; i++)
            keys[i] = (row_key){t->vals + i * width, width};
        qsort(keys, n, sizeof *keys, compare_rows);
        for (size_t i = 0; i < n; i++) {
            size_t src = (size_t)(keys[i].row - t->vals) / width;
            for (size_t j = 0; j < width; j++)
                view[j * n + i] = keys[i].row[j];
            view[width * n + i] = t->w[src];
        }
        clv_free(keys);
        clv_free(t->view);
        t->view = view;
        t->view_valid = 1;
    }
    for (size_t j = 0; j < width; j++)
        cols[j] = t->view + j * n;
    *weights = t->view + width * n;
    return CLV_OK;
}

/* ---- bytes --------------------------------------------------------------- */

static const unsigned char magic[4] = {'C', 'L', 'V', 'T'};
enum { header_size = 16, format_version = 1 };

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int k = 0; k < 8; k++)
        p[k] = (unsigned char)(v >> (8 * k));
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int k = 0; k < 8; k++)
        v |= (uint64_t)p[k] << (8 * k);
    return v;
}

static void put_double(unsigned char *p, double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    put_u64(p, b);
}

static double get_double(const unsigned char *p)
{
    uint64_t b = get_u64(p);
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

size_t clv_tally_size(const clv_tally *t)
{
    return t ? header_size + 8 * t->n * (t->width + 1) : 0;
}

clv_status clv_tally_write(const clv_tally *t, unsigned char *buf, size_t size)
{
    if (!t || !buf)
        return CLV_EINVAL;
    if (size < clv_tally_size(t))
        return CLV_ERANGE;
    memcpy(buf, magic, 4);
    buf[4] = format_version;
    buf[5] = (unsigned char)t->width;
    buf[6] = buf[7] = 0;
    put_u64(buf + 8, t->n);
    unsigned char *p = buf + header_size;
    for (size_t i = 0; i < t->n; i++) {
        for (size_t j = 0; j < t->width; j++, p += 8)
            put_double(p, t->vals[i * t->width + j]);
        put_double(p, t->w[i]);
        p += 8;
    }
    return CLV_OK;
}

clv_status clv_tally_read(const unsigned char *buf, size_t size, clv_tally **out)
{
    if (!out)
        return CLV_EINVAL;
    *out = NULL;
    if (!buf)
        return CLV_EINVAL;
    if (size < header_size || memcmp(buf, magic, 4) != 0 || buf[4] != format_version || buf[6] ||
        buf[7])
        return CLV_EFORMAT;
    size_t width = buf[5];
    uint64_t n = get_u64(buf + 8);
    if (width < 1 || width > CLV_TALLY_MAXWIDTH || n != (size - header_size) / 8 / (width + 1) ||
        (size - header_size) != n * 8 * (width + 1))
        return CLV_EFORMAT;
    clv_tally *t = clv_tally_create(width);
    if (!t)
        return CLV_ENOMEM;
    const unsigned char *p = buf + header_size;
    double row[CLV_TALLY_MAXWIDTH];
    for (uint64_t i = 0; i < n; i++) {
        for (size_t j = 0; j < width; j++, p += 8)
            row[j] = get_double(p);
        double weight = get_double(p);
        p += 8;
        clv_status st = clv_tally_add(t, row, weight, NULL);
        if (st != CLV_OK) {
            clv_tally_free(t);
            return st == CLV_EINVAL ? CLV_EFORMAT : st;
        }
    }
    *out = t;
    return CLV_OK;
}
