/*
 * clvkit/tally.h -- distinct data rows with their counts: the sufficient
 * statistic of a model fit, built in pieces and merged.
 *
 * A BG/NBD fit needs only how many customers share each (x, t_x, T); a
 * Gamma-Gamma fit each (x, mean value).  A tally collects such rows, adds the
 * weights of equal rows, merges with another tally built elsewhere (another
 * thread, a parallel database worker, another server) and travels as bytes.
 * However the pieces were cut and merged, the same multiset of rows gives the
 * same columns (clv_tally_columns sorts them), so a fit over a merged tally
 * is bit-for-bit the fit over one tally of all rows.
 *
 * A tally is not synchronised: one thread at a time per tally.
 */
#ifndef CLVKIT_TALLY_H
#define CLVKIT_TALLY_H

#include <stddef.h>

#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CLV_TALLY_MAXWIDTH 4

typedef struct clv_tally clv_tally;

/* A new empty tally of rows of `width` numbers (1..CLV_TALLY_MAXWIDTH), or
 * NULL when width is out of range or memory runs out. */
clv_tally *clv_tally_create(size_t width);

/* Frees a tally (NULL is a no-op). */
void clv_tally_free(clv_tally *tally);

/* Adds `weight` customers with this row.  -0 and +0 are the same value.
 * Errors: CLV_EINVAL (NULL pointer; a row value that is not finite: fault
 * names the element of `row`; a weight that is not finite and > 0: fault arg
 * 2), CLV_ERANGE (the total weight would exceed 2^53, where counts stop
 * being exact), CLV_ENOMEM (the tally is unchanged). */
clv_status clv_tally_add(clv_tally *tally, const double *row, double weight, clv_fault *fault);

/* Adds every row of `from` to `into` (same width).  Errors: CLV_EINVAL
 * (NULL, different widths), CLV_ERANGE, CLV_ENOMEM (into may hold some of
 * from's rows: free it). */
clv_status clv_tally_merge(clv_tally *into, const clv_tally *from);

size_t clv_tally_width(const clv_tally *tally);
size_t clv_tally_rows(const clv_tally *tally);  /* distinct rows */
double clv_tally_total(const clv_tally *tally); /* sum of the weights */

/* The rows as columns: cols[j] (j < width) receives column j, *weights the
 * weights, each an array of clv_tally_rows() numbers in ascending row order
 * (lexicographic).  The arrays belong to the tally and stay valid until the
 * next add, merge or free.  Errors: CLV_EINVAL (NULL). */
clv_status clv_tally_columns(clv_tally *tally, const double **cols, const double **weights);

/* Bytes needed by clv_tally_write: 16 + 8 * rows * (width + 1). */
size_t clv_tally_size(const clv_tally *tally);

/* Writes the tally to buf (size >= clv_tally_size), a portable
 * little-endian form.  Errors: CLV_EINVAL (NULL), CLV_ERANGE (buf too
 * small). */
clv_status clv_tally_write(const clv_tally *tally, unsigned char *buf, size_t size);

/* Reads what clv_tally_write wrote.  Never trusts the bytes: a wrong header
 * or size, a value that is not finite, a weight that is not > 0 give
 * CLV_EFORMAT and *out = NULL.  Errors: CLV_EINVAL (NULL), CLV_EFORMAT,
 * CLV_ERANGE, CLV_ENOMEM. */
clv_status clv_tally_read(const unsigned char *buf, size_t size, clv_tally **out);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_TALLY_H */
