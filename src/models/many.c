/*
 * many.c -- predictions for whole customer bases (clv_tx_*_many in
 * models.h): rows checked first, then computed in fixed chunks over the
 * cores; BG/NBD P(alive) four rows at a time, conditional expectations once
 * per distinct (x, T).
 */
#include <math.h>
#include <stdlib.h>

#include "core/fn.h"
#include "core/alloc.h"
#include "models/txmodel.h"
#include "numerics/par.h"
#include "numerics/vmath.h"

#define CHUNKS 64
#define BLOCK 256

typedef struct {
    const clv_model *m, *gg;
    const clv_clv_options *opts;
    double D;         /* CLV: the period in the model's unit */
    const double *mv; /* CLV: mean repeat values */
    double t;
    const double *x, *t_x, *T;
    size_t n;
    double *out;
    clv_patterns *pat;     /* conditional: the distinct (x, T); its weight
                              column takes E[Y | x, T, alive] */
    clv_status st[CHUNKS]; /* worst status per chunk, and its row */
    size_t row[CHUNKS];
} job;

static int is_bg(const clv_model *m)
{
    return m->kind != CLV_MODEL_PNBD;
}

/* Notes a row's status in its chunk: a hard failure outranks CLV_ELOSS. */
static void note(job *j, size_t k, size_t i, clv_status st, double *v)
{
    if (st != CLV_OK && st != CLV_ELOSS)
        *v = NAN;
    else if (!isfinite(*v))
        *v = NAN, st = CLV_ERANGE;
    if (st == CLV_OK || (j->st[k] != CLV_OK && j->st[k] != CLV_ELOSS) ||
        (st == CLV_ELOSS && j->st[k] == CLV_ELOSS))
        return;
    j->st[k] = st;
    j->row[k] = i;
}

/* BG/NBD P(alive) = 1 / (1 + e^lr), lr = ln a - ln(b+x+o-1)
 * + (r+x) ln(1 + (T-t_x)/(alpha+t_x)); 1 when x = 0 (BG/NBD only). */
static void bg_palive_block(const double *p, int o, const double *x, const double *t_x,
                            const double *T, size_t m, double *out)
{
    double u[BLOCK], lr[BLOCK];
    double r = p[0], al = p[1], a = p[2], b = p[3], lna = log(a);
    for (size_t i = 0; i < m; i++) {
        u[i] = (T[i] - t_x[i]) / (al + t_x[i]);
        lr[i] = b + x[i] + o - 1;
    }
    clv_vlog1p(u, u, m);
    clv_vlog(lr, lr, m);
    for (size_t i = 0; i < m; i++) {
        lr[i] = lna - lr[i] + (r + x[i]) * u[i];
        u[i] = -fabs(lr[i]);
    }
    clv_vexp(u, u, m);
    for (size_t i = 0; i < m; i++) /* u = e^-|lr| */
        out[i] = !o && x[i] == 0 ? 1 : lr[i] > 0 ? u[i] / (1 + u[i]) : 1 / (1 + u[i]);
}

static void palive_chunk(void *vj, size_t k)
{
    job *j = vj;
    size_t lo = j->n * k / CHUNKS, hi = j->n * (k + 1) / CHUNKS;
    const double *p = j->m->param;
    for (size_t b0 = lo; b0 < hi; b0 += BLOCK) {
        size_t m = hi - b0 < BLOCK ? hi - b0 : BLOCK;
        if (is_bg(j->m)) {
            bg_palive_block(p, j->m->kind == CLV_MODEL_MBGNBD, j->x + b0, j->t_x + b0, j->T + b0, m,
                            j->out + b0);
            continue;
        }
        for (size_t i = b0; i < b0 + m; i++) {
            clv_status st = clv_pnbd_palive(p, j->x[i], j->t_x[i], j->T[i], &j->out[i]);
            note(j, k, i, st, &j->out[i]);
        }
    }
}

/* E[Y(t) | x, T, alive] of each distinct (x, T). */
static void alive_chunk(void *vj, size_t k)
{
    job *j = vj;
    clv_patterns *pat = j->pat;
    size_t lo = pat->n * k / CHUNKS, hi = pat->n * (k + 1) / CHUNKS;
    const double *p = j->m->param;
    int o = j->m->kind == CLV_MODEL_MBGNBD;
    for (size_t i = lo; i < hi; i++) {
        clv_status st =
            clv_bg_conditional_alive(p, o, j->t, pat->col[0][i], pat->col[1][i], &pat->w[i]);
        note(j, k, i, st, &pat->w[i]);
    }
}

/* Rows on their own: out holds P(alive) and gets the product. */
static void bg_conditional_chunk(void *vj, size_t k)
{
    job *j = vj;
    size_t lo = j->n * k / CHUNKS, hi = j->n * (k + 1) / CHUNKS;
    int o = j->m->kind == CLV_MODEL_MBGNBD;
    for (size_t i = lo; i < hi; i++) {
        double g;
        clv_status st = clv_bg_conditional_alive(j->m->param, o, j->t, j->x[i], j->T[i], &g);
        j->out[i] *= g;
        note(j, k, i, st, &j->out[i]);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Whether (x, T) repeat enough to compute per distinct pair: T has under
 * a quarter distinct values among the first 4096 rows. */
static int repeats(const double *T, size_t n)
{
    enum { SAMPLE = 4096 };
    double v[SAMPLE];
    size_t m = n < SAMPLE ? n : SAMPLE, distinct = 1;
    for (size_t i = 0; i < m; i++)
        v[i] = T[i];
    qsort(v, m, sizeof *v, cmp_double);
    for (size_t i = 1; i < m; i++)
        distinct += v[i] != v[i - 1];
    return m < SAMPLE || distinct <= m / 4;
}

static void pnbd_conditional_chunk(void *vj, size_t k)
{
    job *j = vj;
    size_t lo = j->n * k / CHUNKS, hi = j->n * (k + 1) / CHUNKS;
    for (size_t i = lo; i < hi; i++) {
        clv_status st =
            clv_pnbd_conditional(j->m->param, j->t, j->x[i], j->t_x[i], j->T[i], &j->out[i]);
        note(j, k, i, st, &j->out[i]);
    }
}

/* ---- progress ------------------------------------------------------------
 *
 * With a progress callback the chunks run in WAVES groups, the callback
 * called on the caller's thread after each: the chunks are the same, so
 * the results are too, and a stop leaves after the current wave. */

#define WAVES 8

typedef struct {
    void (*fn)(void *, size_t);
    void *job;
    size_t base;
} wave;

static void wave_chunk(void *vw, size_t k)
{
    const wave *w = vw;
    w->fn(w->job, w->base + k);
}

/* clv_par_for over the CHUNKS chunks; 1 when the callback said stop. */
static int par_chunks(clv_progress_fn progress, void *data, size_t work, void (*fn)(void *, size_t),
                      void *ctx)
{
    if (!progress) {
        clv_par_for(CHUNKS, work, fn, ctx);
        return 0;
    }
    for (size_t v = 0; v < WAVES; v++) {
        wave w = {fn, ctx, v * (CHUNKS / WAVES)};
        clv_par_for(CHUNKS / WAVES, work / WAVES, wave_chunk, &w);
        if (progress(data, v + 1, (double)(v + 1) / WAVES))
            return 1;
    }
    return 0;
}

/* A stop: every value NaN, the fault names the argument that holds the
 * callback. */
static clv_status stopped(double *out, size_t n, size_t arg, clv_fault *fault)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    return clv_fail(fault, arg, CLV_FAULT_NONE, "progress callback stopped the computation",
                    CLV_ENOCONV);
}

/* The first failing row over the chunks (chunks are in row order). */
static clv_status outcome(const job *j, clv_fault *fault)
{
    clv_status loss = CLV_OK;
    for (size_t k = 0; k < CHUNKS; k++) {
        if (j->st[k] == CLV_ELOSS)
            loss = CLV_ELOSS;
        else if (j->st[k] != CLV_OK)
            return clv_fail(fault, CLV_FAULT_NONE, j->row[k], "cannot be computed for this row",
                            j->st[k]);
    }
    return loss;
}

/* Every row valid (whole x >= 0, 0 <= t_x <= T finite, t_x = 0 when
 * x = 0)?  A quick scan; a failure is named by clv_check_customers. */
static int all_valid(const double *x, const double *t_x, const double *T, size_t n)
{
    int ok = 1;
    for (size_t i = 0; i < n; i++)
        ok &= x[i] >= 0 && x[i] == floor(x[i]) && x[i] < INFINITY && t_x[i] >= 0 &&
              t_x[i] <= T[i] && T[i] < INFINITY && (x[i] > 0 || t_x[i] == 0);
    return ok;
}

static clv_status begin(const clv_model *model, const double *x, const double *t_x, const double *T,
                        size_t n, double *out, size_t ax, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, ax + 4, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    clv_status st =
        clv_check_model(model, 0, fault, CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD);
    if (st == CLV_OK && !(x && t_x && T && n && all_valid(x, t_x, T, n)))
        st = clv_check_customers(x, t_x, T, NULL, n, ax, fault);
    return st;
}

/* The distinct (x, T) of the rows and each row's index into them; out of
 * memory, every value NaN (out already holds P(alive): no half results). */
static clv_status index_x_T(const double *x, const double *T, size_t n, double *out,
                            clv_patterns *pat, size_t **index, clv_fault *fault)
{
    const double *cols[2] = {x, T};
    if (clv_patterns_index(cols, 2, n, pat, index) == CLV_OK)
        return CLV_OK;
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
}

clv_status clv_tx_palive_many(const clv_model *model, const double *x, const double *t_x,
                              const double *T, size_t n, double *out, clv_progress_fn progress,
                              void *progress_data, clv_fault *fault)
{
    clv_status st = begin(model, x, t_x, T, n, out, 1, fault);
    if (st != CLV_OK)
        return st;
    job j = {model, NULL, NULL, 1, NULL, 0, x, t_x, T, n, out, NULL, {CLV_OK}, {0}};
    if (par_chunks(progress, progress_data, n * (is_bg(model) ? 20 : 1000), palive_chunk, &j))
        return stopped(out, n, 6, fault);
    return outcome(&j, fault);
}

/* The progress of a conditional expectation follows its costly part (the
 * per-row or per-pattern factor), not the quick P(alive) before it. */
clv_status clv_tx_conditional_expected_many(const clv_model *model, double t, const double *x,
                                            const double *t_x, const double *T, size_t n,
                                            double *out, clv_progress_fn progress,
                                            void *progress_data, clv_fault *fault)
{
    clv_status st = begin(model, x, t_x, T, n, out, 2, fault);
    if (st == CLV_OK)
        st = clv_check_arg(t, CLV_D_NONNEG, 1, fault);
    if (st != CLV_OK)
        return st;
    job j = {model, NULL, NULL, 1, NULL, t, x, t_x, T, n, out, NULL, {CLV_OK}, {0}};
    if (!is_bg(model))
        return par_chunks(progress, progress_data, n * 1000, pnbd_conditional_chunk, &j)
                   ? stopped(out, n, 7, fault)
                   : outcome(&j, fault);
    /* P(alive) per row, the rest per distinct (x, T) when they repeat */
    clv_par_for(CHUNKS, n * 20, palive_chunk, &j);
    if (!repeats(T, n))
        return par_chunks(progress, progress_data, n * 1000, bg_conditional_chunk, &j)
                   ? stopped(out, n, 7, fault)
                   : outcome(&j, fault);
    clv_patterns pat;
    size_t *index = NULL;
    if ((st = index_x_T(x, T, n, out, &pat, &index, fault)) != CLV_OK)
        return st;
    j.pat = &pat;
    int stop = par_chunks(progress, progress_data, pat.n * 1000, alive_chunk, &j);
    for (size_t i = 0; i < n && !stop; i++)
        out[i] *= pat.w[index[i]];
    clv_patterns_free(&pat);
    clv_free(index);
    if (stop)
        return stopped(out, n, 7, fault);
    st = outcome(&j, NULL);
    if (st == CLV_OK || st == CLV_ELOSS)
        return st;
    size_t i = 0; /* the failure was counted by pattern: name its row */
    while (i + 1 < n && !isnan(out[i]))
        i++;
    return clv_fail(fault, CLV_FAULT_NONE, i, "cannot be computed for this row", st);
}

/* ---- discounted CLV ------------------------------------------------------ */

/* Per distinct (x, T): sum_k (G(kD) - G((k-1)D)) / (1+d)^k, G = E[Y | x, T,
 * alive], as clv_predict_clv() sums the periods. */
static void clv_sum_chunk(void *vj, size_t k)
{
    job *j = vj;
    clv_patterns *pat = j->pat;
    size_t lo = pat->n * k / CHUNKS, hi = pat->n * (k + 1) / CHUNKS;
    int o = j->m->kind == CLV_MODEL_MBGNBD;
    double v = 1 / (1 + j->opts->discount);
    for (size_t i = lo; i < hi; i++) {
        double sum = 0, prev = 0, disc = 1, x = pat->col[0][i], T = pat->col[1][i];
        clv_status st = CLV_OK;
        for (double h = 1; h <= j->opts->horizon && st == CLV_OK; h++) {
            double g;
            clv_status sh = clv_bg_conditional_alive(j->m->param, o, h * j->D, x, T, &g);
            if (sh != CLV_OK)
                st = sh;
            disc *= v;
            sum += (g - prev) * disc;
            prev = g;
        }
        pat->w[i] = sum;
        note(j, k, i, st, &pat->w[i]);
    }
}

/* Pareto/NBD, or a row on its own: the one-customer function. */
static void clv_row_chunk(void *vj, size_t k)
{
    job *j = vj;
    size_t lo = j->n * k / CHUNKS, hi = j->n * (k + 1) / CHUNKS;
    clv_clv_options o = *j->opts;
    o.progress = NULL;
    for (size_t i = lo; i < hi; i++) {
        clv_status st = clv_predict_clv(j->m, j->gg, j->x[i], j->t_x[i], j->T[i], j->mv[i], &o,
                                        &j->out[i], NULL);
        note(j, k, i, st, &j->out[i]);
    }
}

clv_status clv_predict_clv_many(const clv_model *tx, const clv_model *gg, const double *x,
                                const double *t_x, const double *T, const double *m,
                                const clv_clv_options *opts, size_t n, double *out,
                                clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 8, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    if (n == 0)
        return clv_fail(fault, 7, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    if (!x || !t_x || !T || !m)
        return clv_fail(fault,
                        !x     ? 2
                        : !t_x ? 3
                        : !T   ? 4
                               : 5,
                        CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    /* the models and options as the one-customer function checks them, on
     * the first row; then every row */
    double one;
    clv_clv_options quiet; /* the callback reports on the whole, below */
    if (opts)
        quiet = *opts, quiet.progress = NULL;
    clv_status st =
        clv_predict_clv(tx, gg, x[0], t_x[0], T[0], m[0], opts ? &quiet : NULL, &one, fault);
    if (st != CLV_OK && st != CLV_ELOSS && st != CLV_ERANGE)
        return st;
    if (!all_valid(x, t_x, T, n) &&
        (st = clv_check_customers(x, t_x, T, NULL, n, 2, fault)) != CLV_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (!(m[i] >= 0 && m[i] < INFINITY && (x[i] == 0 || m[i] > 0)))
            return clv_fail(fault, 5, i,
                            m[i] >= 0 ? "must be > 0 when x >= 1" : "must be finite and >= 0",
                            isnan(m[i]) || isinf(m[i]) ? CLV_EINVAL : CLV_EDOM);
    job j = {tx, gg, opts, 1, m, 0, x, t_x, T, n, out, NULL, {CLV_OK}, {0}};
    if (opts->period != CLV_UNIT_NONE) /* checked above: both units known */
        j.D = clv_time_unit_days(opts->period) / clv_time_unit_days(tx->unit);
    if (!is_bg(tx))
        return par_chunks(opts->progress, opts->progress_data, n * 1000 * (size_t)opts->horizon,
                          clv_row_chunk, &j)
                   ? stopped(out, n, 6, fault)
                   : outcome(&j, fault);
    clv_par_for(CHUNKS, n * 20, palive_chunk, &j);
    clv_patterns pat;
    size_t *index = NULL;
    if ((st = index_x_T(x, T, n, out, &pat, &index, fault)) != CLV_OK)
        return st;
    j.pat = &pat;
    if (par_chunks(opts->progress, opts->progress_data, pat.n * 1000 * (size_t)opts->horizon,
                   clv_sum_chunk, &j)) {
        clv_patterns_free(&pat);
        clv_free(index);
        return stopped(out, n, 6, fault);
    }
    for (size_t i = 0; i < n; i++) {
        double spend;
        clv_status ss = clv_gg_spend(gg, x[i], m[i], &spend, NULL);
        out[i] = ss == CLV_OK ? opts->margin * spend * out[i] * pat.w[index[i]] : NAN;
        if (!isfinite(out[i]))
            out[i] = NAN;
    }
    clv_patterns_free(&pat);
    clv_free(index);
    st = outcome(&j, NULL);
    size_t i = 0;
    while (i < n && !isnan(out[i]))
        i++;
    if (i == n)
        return st == CLV_ELOSS ? CLV_ELOSS : CLV_OK;
    return clv_fail(fault, CLV_FAULT_NONE, i, "cannot be computed for this row",
                    st == CLV_OK || st == CLV_ELOSS ? CLV_ERANGE : st);
}
