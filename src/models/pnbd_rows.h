/*
 * pnbd_rows.h -- internal: the Pareto/NBD likelihood rows of large data,
 * by x, with the hypergeometric series as polynomials whose
 * coefficients are tabulated once per x and evaluation (pnbd_rows.c).
 */
#ifndef CLVKIT_PNBD_ROWS_H
#define CLVKIT_PNBD_ROWS_H

#include <stddef.h>

#include "clvkit/status.h"
#include "models/model.h"

typedef struct pnbd_rows pnbd_rows;

/* The rows of pat by x: xv the nx distinct x, xi per row the index of its
 * x (copied).  NULL when out of memory (or 2^32 rows or more). */
pnbd_rows *clv_pnbd_rows_create(const clv_patterns *pat, const double *xv, size_t nx,
                                const size_t *xi);
void clv_pnbd_rows_free(pnbd_rows *rows);

/* Adds the rows' weighted ln L (without the per-x Gamma terms) to *ll and,
 * if g, the gradient to g[0..3]; in 64 fixed chunks over the cores (the
 * same bits on any number of threads).  Nonzero on a numerical failure. */
int clv_pnbd_rows_eval(const pnbd_rows *rows, const double *p, double *ll, double *g);

/* One row the straightforward way (pnbd.c): the series per row, or
 * quadrature where the series is not the tool; what the tables hand back
 * for rows they do not cover. */
clv_status clv_pnbd_row(const double *p, double x, double t_x, double T, double *ll, double *g);

#endif /* CLVKIT_PNBD_ROWS_H */
