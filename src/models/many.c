/*
 * many.c -- predictions for whole customer bases (clv_tx_*_many in
 * models.h): rows checked first, then computed in fixed chunks over the
 * cores; BG/NBD P(alive) four rows at a time, conditional expectations once
 * per distinct (x, T).
 */
#include <math.h>
#include <stdlib.h>

#include "core/fn.h"
#include "models/txmodel.h"
#include "numerics/par.h"
#include "numerics/vmath.h"

#define CHUNKS 64
#define BLOCK 256

typedef struct {
    const clv_model *m;
    double t;
    const double *x, *t_x, *T;
    size_t n;
    double *out;
    clv_patterns *pat; /* conditional: the distinct (x, T); its weight
                          column takes E[Y | x, T, alive] */
    clv_status st[CHUNKS]; /* worst status per chunk, and its row */
    size_t row[CHUNKS];
} job;

static int is_bg(const clv_model *m) { return m->kind != CLV_MODEL_PNBD; }

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
static void bg_palive_block(const double *p, int o, const double *x,
                            const double *t_x, const double *T, size_t m,
                            double *out)
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
        out[i] = !o && x[i] == 0 ? 1
                 : lr[i] > 0     ? u[i] / (1 + u[i])
                                 : 1 / (1 + u[i]);
}

static void palive_chunk(void *vj, size_t k)
{
    job *j = vj;
    size_t lo = j->n * k / CHUNKS, hi = j->n * (k + 1) / CHUNKS;
    const double *p = j->m->param;
    for (size_t b0 = lo; b0 < hi; b0 += BLOCK) {
        size_t m = hi - b0 < BLOCK ? hi - b0 : BLOCK;
        if (is_bg(j->m)) {
            bg_palive_block(p, j->m->kind == CLV_MODEL_MBGNBD, j->x + b0,
                            j->t_x + b0, j->T + b0, m, j->out + b0);
            continue;
        }
        for (size_t i = b0; i < b0 + m; i++) {
            clv_status st =
                clv_pnbd_palive(p, j->x[i], j->t_x[i], j->T[i], &j->out[i]);
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
        clv_status st = clv_bg_conditional_alive(p, o, j->t, pat->col[0][i],
                                                 pat->col[1][i], &pat->w[i]);
        note(j, k, i, st, &pat->w[i]);
    }
}

static void pnbd_conditional_chunk(void *vj, size_t k)
{
    job *j = vj;
    size_t lo = j->n * k / CHUNKS, hi = j->n * (k + 1) / CHUNKS;
    for (size_t i = lo; i < hi; i++) {
        clv_status st = clv_pnbd_conditional(j->m->param, j->t, j->x[i],
                                             j->t_x[i], j->T[i], &j->out[i]);
        note(j, k, i, st, &j->out[i]);
    }
}

/* The first failing row over the chunks (chunks are in row order). */
static clv_status outcome(const job *j, clv_fault *fault)
{
    clv_status loss = CLV_OK;
    for (size_t k = 0; k < CHUNKS; k++) {
        if (j->st[k] == CLV_ELOSS)
            loss = CLV_ELOSS;
        else if (j->st[k] != CLV_OK)
            return clv_fail(fault, CLV_FAULT_NONE, j->row[k],
                            "cannot be computed for this row", j->st[k]);
    }
    return loss;
}

static clv_status begin(const clv_model *model, const double *x,
                        const double *t_x, const double *T, size_t n,
                        double *out, size_t ax, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, ax + 4, CLV_FAULT_NONE, "NULL pointer",
                        CLV_EINVAL);
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    clv_status st = clv_check_model(model, 0, fault, CLV_MODEL_BGNBD,
                                    CLV_MODEL_MBGNBD, CLV_MODEL_PNBD);
    if (st == CLV_OK)
        st = clv_check_customers(x, t_x, T, NULL, n, ax, fault);
    return st;
}

clv_status clv_tx_palive_many(const clv_model *model, const double *x,
                              const double *t_x, const double *T, size_t n,
                              double *out, clv_fault *fault)
{
    clv_status st = begin(model, x, t_x, T, n, out, 1, fault);
    if (st != CLV_OK)
        return st;
    job j = {model, 0, x, t_x, T, n, out, NULL, {CLV_OK}, {0}};
    clv_par_for(CHUNKS, n * (is_bg(model) ? 20 : 1000), palive_chunk, &j);
    return outcome(&j, fault);
}

clv_status clv_tx_conditional_expected_many(const clv_model *model, double t,
                                            const double *x, const double *t_x,
                                            const double *T, size_t n,
                                            double *out, clv_fault *fault)
{
    clv_status st = begin(model, x, t_x, T, n, out, 2, fault);
    if (st == CLV_OK)
        st = clv_check_arg(t, CLV_D_NONNEG, 1, fault);
    if (st != CLV_OK)
        return st;
    job j = {model, t, x, t_x, T, n, out, NULL, {CLV_OK}, {0}};
    if (!is_bg(model)) {
        clv_par_for(CHUNKS, n * 1000, pnbd_conditional_chunk, &j);
        return outcome(&j, fault);
    }
    /* P(alive) per row, the rest per distinct (x, T) */
    clv_par_for(CHUNKS, n * 20, palive_chunk, &j);
    const double *cols[2] = {x, T};
    clv_patterns pat;
    size_t *index = NULL;
    if (clv_patterns_index(cols, 2, n, &pat, &index) != CLV_OK)
        return CLV_ENOMEM;
    j.pat = &pat;
    clv_par_for(CHUNKS, pat.n * 1000, alive_chunk, &j);
    for (size_t i = 0; i < n; i++)
        out[i] *= pat.w[index[i]];
    clv_patterns_free(&pat);
    free(index);
    st = outcome(&j, NULL);
    if (st == CLV_OK || st == CLV_ELOSS)
        return st;
    size_t i = 0; /* the failure was counted by pattern: name its row */
    while (i + 1 < n && !isnan(out[i]))
        i++;
    return clv_fail(fault, CLV_FAULT_NONE, i, "cannot be computed for this row",
                    st);
}
