/*
 * txmodel.h -- internal: the transaction models' mathematics, per family,
 * on checked arguments.  txmodel.c checks and dispatches the public
 * clv_tx_* functions to bgnbd.c (BG/NBD and MBG/NBD) and pnbd.c.
 *
 * p[] holds the four parameters in the public order.  Functions return
 * CLV_OK, or the status of a numerical failure with NaN written.
 */
#ifndef CLVKIT_TXMODEL_H
#define CLVKIT_TXMODEL_H

#include "clvkit/status.h"
#include "models/fit.h"
#include "models/model.h"

/* ---- bgnbd.c: BG/NBD (mbg = 0) and MBG/NBD (mbg = 1) --------------------- */

/* Likelihood data for fits and clv_tx_loglik: built from compressed rows
 * (x, t_x, T), freed with clv_bg_data_free. */
void *clv_bg_data_create(const clv_patterns *pat, int mbg);
/* The same with the evaluation chosen: BG_TABLES per distinct x, T and
 * t_x, one row at a time (today's way; the tests' oracle, and what small
 * data get); BG_CHUNKED the same tables with the per-row terms in fixed
 * chunks over the cores, exps and logs four at a time (data that compress
 * to 20,000-100,000 rows); BG_ROWS no T and t_x tables, the rows
 * directly, chunked and vectorised (T hardly repeats: exact times; or over
 * CLV_NEWTON_ROWS rows), x tabulated by value (BG_CHUNKED instead when an x
 * is over 65,536). */
enum { BG_TABLES = 0, BG_ROWS = 1, BG_CHUNKED = 2 };
void *clv_bg_data_create_mode(const clv_patterns *pat, int mbg, int mode);
/* From this many distinct rows a fit warms up on a subsample and takes
 * Newton steps (txmodel.c), and clv_bg_data_create picks BG_ROWS, which
 * has the Hessian, for compressed rows too (no per-row indices kept). */
#define CLV_NEWTON_ROWS 100000
void clv_bg_data_free(void *data);
int clv_bg_loglik(const double *p, double *ll, double *dll, void *data);
/* The same with the Hessian (a clv_hess_fn): the row evaluation (BG_ROWS)
 * only, clv_bg_has_hessian says; non-zero on other data. */
int clv_bg_hessian(const double *p, double *ll, double *dll, double h[CLV_OPT_MAXN][CLV_OPT_MAXN],
                   void *data);
int clv_bg_has_hessian(const void *data);

clv_status clv_bg_expected(const double *p, int mbg, double t, double *out);
clv_status clv_bg_pmf(const double *p, int mbg, double n, double t, double *out);
clv_status clv_bg_conditional(const double *p, int mbg, double t, double x, double t_x, double T,
                              double *out);
double clv_bg_palive(const double *p, int mbg, double x, double t_x, double T);
/* E[Y(t) | x, T, alive]: the conditional expectation without P(alive),
 * which is all that depends on t_x. */
clv_status clv_bg_conditional_alive(const double *p, int mbg, double t, double x, double T,
                                    double *out);

/* ---- pnbd.c: Pareto/NBD -------------------------------------------------- */

void *clv_pnbd_data_create(const clv_patterns *pat);
/* PNBD_SERIAL: one row after another (small data; the oracle of
 * test_fastfit); PNBD_CHUNKED: fixed chunks over the cores, the 2F1 series
 * tabulated per x (pnbd_rows.c).  clv_pnbd_data_create picks by size; a
 * fit's subsample is always CHUNKED.  Both take pat->w = NULL (a view of
 * the caller's rows: weight 1 each). */
enum { PNBD_SERIAL = 0, PNBD_CHUNKED = 1 };
void *clv_pnbd_data_create_mode(const clv_patterns *pat, int mode);
void clv_pnbd_data_free(void *data);
int clv_pnbd_loglik(const double *p, double *ll, double *dll, void *data);

clv_status clv_pnbd_expected(const double *p, double t, double *out);
clv_status clv_pnbd_pmf(const double *p, double n, double t, double *out);
/* P(X(t) = n) for n = 0 .. top-1 in one pass (period counts). */
clv_status clv_pnbd_pmf_all(const double *p, size_t top, double t, double *out);
clv_status clv_pnbd_conditional(const double *p, double t, double x, double t_x, double T,
                                double *out);
clv_status clv_pnbd_palive(const double *p, double x, double t_x, double T, double *out);

/* [1 - (b/(b+t))^e] / e, continuous at e = 0 (where it is ln(1 + t/b)). */
double clv_pnbd_powdiff(double b, double t, double e);

#endif /* CLVKIT_TXMODEL_H */
