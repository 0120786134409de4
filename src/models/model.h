/*
 * model.h -- internal: what the model files share: argument checks for
 * customers and models, and the compression of identical rows.
 */
#ifndef CLVKIT_MODEL_H
#define CLVKIT_MODEL_H

#include <stddef.h>

#include "clvkit/models.h"
#include "clvkit/status.h"

/* Distinct rows of k <= 3 columns with their summed weights.  Rows of
 * weight 0 are left out. */
typedef struct clv_patterns {
    size_t n, k;
    double *col[3];
    double *w;
    double total; /* total weight */
} clv_patterns;

/* Errors: CLV_ENOMEM (out zeroed). */
clv_status clv_patterns_build(const double *const *cols, size_t k, const double *weight,
                              size_t nrows, clv_patterns *out);
void clv_patterns_free(clv_patterns *p);

/* The same (weights 1) with, per row, the index of its pattern in *index
 * (n values, free with free()).  Errors: CLV_ENOMEM (*index NULL). */
clv_status clv_patterns_index(const double *const *cols, size_t k, size_t nrows, clv_patterns *out,
                              size_t **index);

/* The distinct values of v[0..n-1] (*uniq, *nuniq) and, per element, the
 * index of its value (*index).  Errors: CLV_ENOMEM. */
clv_status clv_values_index(const double *v, size_t n, double **uniq, size_t *nuniq,
                            size_t **index);

/* Checks a scalar: finite (else CLV_EINVAL) and in the domain (else
 * CLV_EDOM), naming argument `arg`.  Domains as in fn.h. */
clv_status clv_check_arg(double v, int domain, size_t arg, clv_fault *fault);

/* Checks the model is of one of the kinds (up to 3, CLV_MODEL_NONE ends)
 * and valid; `arg` is its argument index. */
clv_status clv_check_model(const clv_model *m, size_t arg, clv_fault *fault, clv_model_kind k1,
                           clv_model_kind k2, clv_model_kind k3);

/* Checks one customer (x, t_x, T) with arguments at ax, ax+1, ax+2. */
clv_status clv_check_customer(double x, double t_x, double T, size_t ax, clv_fault *fault);

/* Checks one row of a table: v[0..k-1] are its columns (arguments ax ..
 * ax+k-1), el its index. */
typedef clv_status (*clv_row_check)(const double *v, size_t ax, size_t el, clv_fault *fault);

/* Checks a table of k <= 3 columns and its weights: arguments ax .. ax+k-1
 * are the columns, ax+k the weights (NULL allowed), ax+k+1 the row count
 * (>= 1).  Also that the total weight is > 0. */
clv_status clv_check_table(const double *const *cols, size_t k, const double *w, size_t rows,
                           size_t ax, clv_row_check check, clv_fault *fault);

/* Checks n customers and weights (arguments ax .. ax+4 are x, t_x, T,
 * weight, n).  Also that the total weight is > 0. */
clv_status clv_check_customers(const double *x, const double *t_x, const double *T, const double *w,
                               size_t n, size_t ax, clv_fault *fault);

/* The start of every function with a model and one result: `out` (argument
 * out_arg) must not be NULL and is set to NaN; the model (argument 0) must
 * be valid and of one of the kinds. */
clv_status clv_begin(const clv_model *m, double *out, size_t out_arg, clv_fault *fault,
                     clv_model_kind k1, clv_model_kind k2, clv_model_kind k3);

/* Checks weights (NULL allowed) at argument `arg`; *total = their sum. */
clv_status clv_check_weights(const double *w, size_t n, size_t arg, clv_fault *fault);

/* The start of every fit: `out` (argument out_arg) must not be NULL; it
 * becomes a model of the kind and unit with NaN parameters. */
clv_status clv_fit_begin(clv_model *out, size_t out_arg, clv_model_kind kind, clv_time_unit unit,
                         clv_fault *fault);

#endif /* CLVKIT_MODEL_H */
