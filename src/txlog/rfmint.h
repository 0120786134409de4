/*
 * rfmint.h -- internal: the transaction log's layout and calendar helpers,
 * shared by txlog.c, csv.c, rfm.c and cohort.c.
 */
#ifndef CLVKIT_RFMINT_H
#define CLVKIT_RFMINT_H

#include <stddef.h>
#include <stdint.h>

#include "clvkit/rfm.h"

/* Day numbers of 0001-01-01 and 9999-12-31. */
#define CLV_DAY_MIN (-719162)
#define CLV_DAY_MAX 2932896

struct clv_txlog {
    size_t rows, cap;
    size_t *cust; /* customer index of each row */
    int32_t *day; /* whole day numbers */
    double *amount;
    /* customers, interned in order of first appearance */
    size_t ncust, ccap;
    size_t *id_off, *id_len; /* into pool */
    char *pool;
    size_t pool_len, pool_cap;
    uint64_t *slot; /* hash table: customer index + 1 (0 = empty) in the
                       low 32 bits, the id's hash (low 32 bits) above */
    size_t slots;   /* power of 2 */
    int32_t first, last;
};

/* The rows of each customer, grouped: rows of customer c are
 * row[start[c] .. start[c+1]-1], in log order.  Free with free(start) and
 * free(row).  Errors: CLV_ENOMEM. */
clv_status clv_txlog_group(const clv_txlog *log, size_t **start, size_t **row);

/* A customer's purchase days, sorted and with same-day rows merged
 * (amounts summed) into days[0..*n-1], amounts[]; buffers of at least the
 * customer's row count. */
void clv_txlog_customer_days(const clv_txlog *log, const size_t *rows, size_t nrows, int32_t *days,
                             double *amounts, size_t *n);

/* Index of a customer id in the log's id table, added if new (rows are
 * not touched); (size_t)-1 when out of memory.  The streaming summary
 * (stream.c) keeps its ids in a log with no rows. */
size_t clv_txlog_intern(clv_txlog *log, const char *id, size_t len);

/* A summary of n rows with textlen bytes of id text, arrays unset (rfm.c);
 * NULL when out of memory. */
clv_rfm *clv_rfm_alloc(size_t n, size_t textlen);

int clv_days_in_month(long y, int m);
long clv_days_from_civil(long y, int m, int d);
void clv_civil_from_days(long z, long *y, int *m, int *d);

/* Parses a decimal number ([+-]digits[.digits][e[+-]digits]) without
 * looking at the locale; 1 on success. */
int clv_parse_number(const char *s, size_t n, double *out);

#endif /* CLVKIT_RFMINT_H */
