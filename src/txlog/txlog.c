/*
 * txlog.c -- the in-memory transaction log (rfm.h): rows in arrays, customer
 * ids interned in one string pool behind an open-addressing hash table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/fn.h"
#include "txlog/rfmint.h"

clv_txlog *clv_txlog_create(void)
{
    clv_txlog *log = clv_calloc(1, sizeof *log);
    if (!log)
        return NULL;
    log->first = INT32_MAX;
    log->last = INT32_MIN;
    return log;
}

void clv_txlog_free(clv_txlog *log)
{
    if (!log)
        return;
    clv_free(log->cust), clv_free(log->day), clv_free(log->amount), clv_free(log->id_off);
    clv_free(log->id_len), clv_free(log->pool), clv_free(log->slot), clv_free(log);
}

size_t clv_txlog_rows(const clv_txlog *log)
{
    return log ? log->rows : 0;
}

size_t clv_txlog_customers(const clv_txlog *log)
{
    return log ? log->ncust : 0;
}

double clv_txlog_first_day(const clv_txlog *log)
{
    return log && log->rows ? log->first : NAN;
}

double clv_txlog_last_day(const clv_txlog *log)
{
    return log && log->rows ? log->last : NAN;
}

/* FNV-1a */
static size_t hash_id(const char *id, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)id[i];
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 32));
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    return clv_grow(p, cap, need, size, 16);
}

/* The stored hash bits place an entry in any table up to 2^32 slots, so
 * growing never reads the ids again. */
static int rehash(clv_txlog *log, size_t slots)
{
    uint64_t *s = clv_calloc(slots, sizeof *s);
    if (!s)
        return 1;
    for (size_t k = 0; k < log->slots; k++) {
        uint64_t e = log->slot[k];
        if (!e)
            continue;
        size_t pos = (size_t)(e >> 32) & (slots - 1);
        while (s[pos])
            pos = (pos + 1) & (slots - 1);
        s[pos] = e;
    }
    clv_free(log->slot);
    log->slot = s;
    log->slots = slots;
    return 0;
}

/* Index of a customer id, added if new; (size_t)-1 when out of memory (or
 * beyond 2^32 - 1 customers). */
size_t clv_txlog_intern(clv_txlog *log, const char *id, size_t len)
{
    if (log->ncust >= UINT32_MAX ||
        (2 * (log->ncust + 1) > log->slots && rehash(log, log->slots ? 2 * log->slots : 64)))
        return (size_t)-1;
    uint64_t h = (uint32_t)hash_id(id, len);
    size_t pos = (size_t)h & (log->slots - 1);
    for (;;) {
        uint64_t e = log->slot[pos];
        if (!e)
            break;
        size_t c = (size_t)(uint32_t)e - 1;
        if (e >> 32 == h && log->id_len[c] == len &&
            memcmp(log->pool + log->id_off[c], id, len) == 0)
            return c;
        pos = (pos + 1) & (log->slots - 1);
    }
    size_t ccap = log->ccap;
    if (grow((void **)&log->id_off, &ccap, log->ncust + 1, sizeof(size_t)))
        return (size_t)-1;
    ccap = log->ccap;
    if (grow((void **)&log->id_len, &ccap, log->ncust + 1, sizeof(size_t)))
        return (size_t)-1;
    log->ccap = ccap;
    if (grow((void **)&log->pool, &log->pool_cap, log->pool_len + len + 1, 1))
        return (size_t)-1;
    memcpy(log->pool + log->pool_len, id, len);
    log->pool[log->pool_len + len] = 0;
    size_t c = log->ncust++;
    log->id_off[c] = log->pool_len;
    log->id_len[c] = len;
    log->pool_len += len + 1;
    log->slot[pos] = h << 32 | (uint64_t)(c + 1);
    return c;
}

/* Checks day and amount, naming arguments ad and ad + 1. */
static clv_status check_row(double day, double amount, size_t ad, clv_fault *fault)
{
    if (!isfinite(day))
        return clv_fail(fault, ad, CLV_FAULT_NONE, "must be a finite number", CLV_EINVAL);
    if (floor(day) < CLV_DAY_MIN || floor(day) > CLV_DAY_MAX)
        return clv_fail(fault, ad, CLV_FAULT_NONE, "must be a day between the years 1 and 9999",
                        CLV_EDOM);
    const char *why;
    clv_status st = clv_domain_check(CLV_D_NONNEG, amount, &why);
    return st == CLV_OK ? st : clv_fail(fault, ad + 1, CLV_FAULT_NONE, why, st);
}

static clv_status add_row(clv_txlog *log, const char *id, size_t len, double day, double amount)
{
    size_t cap = log->cap;
    if (grow((void **)&log->cust, &cap, log->rows + 1, sizeof(size_t)))
        return CLV_ENOMEM;
    cap = log->cap;
    if (grow((void **)&log->day, &cap, log->rows + 1, sizeof(int32_t)))
        return CLV_ENOMEM;
    cap = log->cap;
    if (grow((void **)&log->amount, &cap, log->rows + 1, sizeof(double)))
        return CLV_ENOMEM;
    log->cap = cap;
    size_t c = clv_txlog_intern(log, id, len);
    if (c == (size_t)-1)
        return CLV_ENOMEM;
    int32_t d = (int32_t)floor(day);
    log->cust[log->rows] = c;
    log->day[log->rows] = d;
    log->amount[log->rows] = amount;
    log->rows++;
    if (d < log->first)
        log->first = d;
    if (d > log->last)
        log->last = d;
    return CLV_OK;
}

clv_status clv_txlog_add(clv_txlog *log, const char *id, size_t id_len, double day, double amount,
                         clv_fault *fault)
{
    if (!log)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (!id)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (id_len == 0)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "id must not be empty", CLV_EINVAL);
    clv_status st = check_row(day, amount, 3, fault);
    return st == CLV_OK ? add_row(log, id, id_len, day, amount) : st;
}

clv_status clv_txlog_add_number(clv_txlog *log, double id, double day, double amount,
                                clv_fault *fault)
{
    if (!log)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (!isfinite(id))
        return clv_fail(fault, 1, CLV_FAULT_NONE, "must be a finite number", CLV_EINVAL);
    clv_status st = check_row(day, amount, 2, fault);
    if (st != CLV_OK)
        return st;
    char buf[40];
    int n;
    if (id == floor(id) && fabs(id) < 9007199254740992.0)
        n = snprintf(buf, sizeof buf, "%lld", (long long)id);
    else {
        /* %.17g round-trips; the process locale may write ',' */
        n = snprintf(buf, sizeof buf, "%.17g", id);
        for (int i = 0; i < n; i++)
            if (buf[i] == ',')
                buf[i] = '.';
    }
    return add_row(log, buf, (size_t)n, day, amount);
}

clv_status clv_txlog_from_arrays(const char *const *ids, const double *days, const double *amounts,
                                 size_t n, clv_txlog **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 4, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (n == 0)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    if (!ids || !days)
        return clv_fail(fault, ids ? 1 : 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    clv_txlog *log = clv_txlog_create();
    if (!log)
        return CLV_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        double amount = amounts ? amounts[i] : 0;
        clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
        clv_status st;
        if (!ids[i] || !ids[i][0])
            st = clv_fail(&f, 0, i, ids[i] ? "id must not be empty" : "NULL pointer", CLV_EINVAL);
        else if ((st = check_row(days[i], amount, 1, &f)) == CLV_OK)
            st = add_row(log, ids[i], strlen(ids[i]), days[i], amount);
        if (st != CLV_OK) {
            clv_txlog_free(log);
            return clv_fail(fault, f.arg, i, f.reason, st);
        }
    }
    *out = log;
    return CLV_OK;
}

clv_status clv_txlog_group(const clv_txlog *log, size_t **start, size_t **row)
{
    size_t *s = clv_calloc(log->ncust + 1, sizeof *s);
    size_t *r = clv_malloc((log->rows ? log->rows : 1) * sizeof *r);
    if (!s || !r) {
        clv_free(s), clv_free(r);
        return CLV_ENOMEM;
    }
    for (size_t i = 0; i < log->rows; i++)
        s[log->cust[i] + 1]++;
    for (size_t c = 0; c < log->ncust; c++)
        s[c + 1] += s[c];
    /* counting sort, stable: fill with a moving cursor per customer */
    size_t *cur = clv_malloc((log->ncust ? log->ncust : 1) * sizeof *cur);
    if (!cur) {
        clv_free(s), clv_free(r);
        return CLV_ENOMEM;
    }
    memcpy(cur, s, log->ncust * sizeof *cur);
    for (size_t i = 0; i < log->rows; i++)
        r[cur[log->cust[i]]++] = i;
    clv_free(cur);
    *start = s;
    *row = r;
    return CLV_OK;
}

static void swap_at(int32_t *d, double *a, size_t i, size_t j)
{
    int32_t td = d[i];
    double ta = a[i];
    d[i] = d[j], a[i] = a[j];
    d[j] = td, a[j] = ta;
}

static void sift_down(int32_t *d, double *a, size_t i, size_t n)
{
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            return;
        if (c + 1 < n && d[c + 1] > d[c])
            c++;
        if (d[i] >= d[c])
            return;
        swap_at(d, a, i, c);
        i = c;
    }
}

/* Sorts by day: insertion sort for the usual short, nearly sorted runs,
 * heapsort (no allocation, n log n) beyond. */
static void sort_days(int32_t *d, double *a, size_t n)
{
    if (n <= 32) {
        for (size_t k = 1; k < n; k++)
            for (size_t j = k; j > 0 && d[j - 1] > d[j]; j--)
                swap_at(d, a, j, j - 1);
        return;
    }
    size_t k = 1; /* already in order (a log sorted by date): keep it, so
                   * same-day amounts add up in log order as in a stream */
    while (k < n && d[k - 1] <= d[k])
        k++;
    if (k == n)
        return;
    for (size_t i = n / 2; i-- > 0;)
        sift_down(d, a, i, n);
    for (size_t end = n; end-- > 1;) {
        swap_at(d, a, 0, end);
        sift_down(d, a, 0, end);
    }
}

void clv_txlog_customer_days(const clv_txlog *log, const size_t *rows, size_t nrows, int32_t *days,
                             double *amounts, size_t *n)
{
    for (size_t k = 0; k < nrows; k++) {
        days[k] = log->day[rows[k]];
        amounts[k] = log->amount[rows[k]];
    }
    sort_days(days, amounts, nrows);
    size_t m = 0;
    for (size_t k = 0; k < nrows; k++) {
        if (m > 0 && days[m - 1] == days[k])
            amounts[m - 1] += amounts[k];
        else {
            days[m] = days[k];
            amounts[m] = amounts[k];
            m++;
        }
    }
    *n = m;
}
