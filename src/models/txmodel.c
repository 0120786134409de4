/*
 * txmodel.c -- the public clv_tx_* functions (models.h): argument checks,
 * compression of identical customers, fits through fit.c, and dispatch to
 * the model files (bgnbd.c, pnbd.c).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

#include "core/fn.h"
#include "models/txmodel.h"

#define TX_KINDS CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD

static int is_tx_kind(clv_model_kind k)
{
    return k == CLV_MODEL_BGNBD || k == CLV_MODEL_MBGNBD || k == CLV_MODEL_PNBD;
}

/* A finished result: NaN or infinity is an overflow, never returned;
 * CLV_ELOSS keeps its (finite) value, as status.h says. */
static clv_status finish(clv_status st, double *out)
{
    if ((st == CLV_OK || st == CLV_ELOSS) && !isfinite(*out))
        st = CLV_ERANGE;
    if (st != CLV_OK && st != CLV_ELOSS)
        *out = NAN;
    return st;
}

/* ---- likelihood problems ------------------------------------------------- */

typedef struct {
    clv_patterns pat;
    void *data;
    clv_model_kind kind;
    int borrowed; /* pat is a view of the caller's arrays (tx_problem_view) */
    int fast;     /* a subsample: Pareto/NBD's chunked rows whatever its size */
} tx_problem;

static void tx_problem_free(tx_problem *tp)
{
    if (tp->kind == CLV_MODEL_PNBD)
        clv_pnbd_data_free(tp->data);
    else
        clv_bg_data_free(tp->data);
    if (!tp->borrowed)
        clv_patterns_free(&tp->pat);
}

static clv_status tx_problem_fill(tx_problem *tp, clv_fit_problem *pb, clv_model_kind kind);

/* Compresses checked data and fills the fit problem (starts included). */
static clv_status tx_problem_init(tx_problem *tp, clv_fit_problem *pb, clv_model_kind kind,
                                  const double *x, const double *t_x, const double *T,
                                  const double *w, size_t n)
{
    const double *cols[3] = {x, t_x, T};
    tp->kind = kind;
    tp->data = NULL;
    tp->borrowed = tp->fast = 0;
    if (clv_patterns_build(cols, 3, w, n, &tp->pat) != CLV_OK)
        return CLV_ENOMEM;
    return tx_problem_fill(tp, pb, kind);
}

/* The likelihood of tp->pat (built, or borrowed) and the fit problem
 * (starts included); frees tp->pat (unless borrowed) on failure. */
static clv_status tx_problem_fill(tx_problem *tp, clv_fit_problem *pb, clv_model_kind kind)
{
    tp->kind = kind;
    tp->data = kind != CLV_MODEL_PNBD ? clv_bg_data_create(&tp->pat, kind == CLV_MODEL_MBGNBD)
               : tp->fast             ? clv_pnbd_data_create_mode(&tp->pat, PNBD_CHUNKED)
                                      : clv_pnbd_data_create(&tp->pat);
    if (!tp->data) {
        if (!tp->borrowed)
            clv_patterns_free(&tp->pat);
        return CLV_ENOMEM;
    }
    pb->n = 4;
    pb->ll = kind == CLV_MODEL_PNBD ? clv_pnbd_loglik : clv_bg_loglik;
    pb->ctx = tp->data;
    pb->analytic = 1;
    pb->weight = tp->pat.total;
    pb->distinct = tp->pat.n;
    /* Starts scaled to the data: the mean purchase rate of a new customer
     * is about r/alpha ~ mean(x)/mean(T). */
    double sx = 0, sT = 0;
    for (size_t i = 0; i < tp->pat.n; i++) {
        double w = tp->pat.w ? tp->pat.w[i] : 1;
        sx += w * tp->pat.col[0][i];
        sT += w * tp->pat.col[2][i];
    }
    double xm = fmax(sx / tp->pat.total, 0.05);
    double Tm = fmax(sT / tp->pat.total, 1e-6);
    double al = Tm / xm;
    static const double bg[3][4] = {{1, 1, 1, 1}, {0.25, 0.25, 0.8, 2.5}, {3, 3, 3, 3}};
    static const double pn[3][4] = {{1, 1, 1, 1}, {0.5, 0.5, 0.5, 0.3}, {1, 1, 2, 10}};
    pb->nstarts = 3;
    for (size_t s = 0; s < 3; s++) {
        const double *m = kind == CLV_MODEL_PNBD ? pn[s] : bg[s];
        pb->starts[s][0] = m[0];
        pb->starts[s][1] = m[1] * al;
        pb->starts[s][2] = m[2];
        pb->starts[s][3] = kind == CLV_MODEL_PNBD ? m[3] * Tm : m[3];
    }
    return CLV_OK;
}

/* Large data are fitted on a subsample of every SUBSAMPLE-th distinct row
 * first, then by Newton steps on all rows with the analytic Hessian
 * (BG/NBD, MBG/NBD: clv_fit_run_newton, ~5 evaluations of all rows instead
 * of ~35) or chord steps (Pareto/NBD: clv_fit_run_chord). */
#define SUBSAMPLE 64

/* Pareto/NBD's subsample keeps at least this many rows: a smaller one's
 * maximum lies far along the ridge of s and beta, where the first steps on
 * all rows would reach the costly quadrature of the integral. */
#define PNBD_SUB_ROWS 16384

/* Every step-th row of pat, with its weight. */
static clv_status subsample(const clv_patterns *pat, size_t step, clv_patterns *sub)
{
    size_t m = (pat->n + step - 1) / step;
    memset(sub, 0, sizeof *sub);
    sub->k = 3;
    for (size_t c = 0; c < 3; c++)
        sub->col[c] = clv_malloc(m * sizeof(double));
    sub->w = clv_malloc(m * sizeof(double));
    if (!sub->col[0] || !sub->col[1] || !sub->col[2] || !sub->w) {
        clv_patterns_free(sub);
        return CLV_ENOMEM;
    }
    for (size_t j = 0, i = 0; i < pat->n; i += step, j++) {
        for (size_t c = 0; c < 3; c++)
            sub->col[c][j] = pat->col[c][i];
        sub->w[j] = pat->w ? pat->w[i] : 1;
        sub->total += sub->w[j];
    }
    sub->n = m;
    return CLV_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Whether rows will hardly compress: of SAMPLE values of T spread over
 * the rows, over 99% distinct (purchase times recorded exactly).  Such
 * rows are fitted as a view of the caller's arrays (tx_problem_view). */
#define SAMPLE 4096
static int hardly_repeats(const double *T, size_t n)
{
    double v[SAMPLE];
    if (n < SAMPLE)
        return 0;
    for (size_t k = 0; k < SAMPLE; k++)
        v[k] = T[n / SAMPLE * k];
    qsort(v, SAMPLE, sizeof v[0], cmp_double);
    size_t same = 0;
    for (size_t k = 1; k < SAMPLE; k++)
        same += v[k] == v[k - 1];
    return same < SAMPLE / 100;
}

/* The BG/NBD likelihood of rows that will not compress, on the caller's
 * arrays (no copies, no hashing: weights NULL stay NULL).  CLV_EDOM when
 * that evaluation cannot take them (compress instead); the rows are then
 * not distinct-counted (info->distinct is n). */
static clv_status tx_problem_view(tx_problem *tp, clv_fit_problem *pb, clv_model_kind kind,
                                  const double *x, const double *t_x, const double *T,
                                  const double *w, size_t n)
{
    memset(&tp->pat, 0, sizeof tp->pat);
    tp->pat.n = n, tp->pat.k = 3;
    /* read only (borrowed: never written or freed); the pattern struct's
     * columns are not const because clv_patterns_build fills them */
    tp->pat.col[0] = (double *)(uintptr_t)x, tp->pat.col[1] = (double *)(uintptr_t)t_x;
    tp->pat.col[2] = (double *)(uintptr_t)T, tp->pat.w = (double *)(uintptr_t)w;
    for (size_t i = 0; i < n; i++)
        tp->pat.total += w ? w[i] : 1;
    tp->borrowed = 1, tp->fast = 0;
    if (tx_problem_fill(tp, pb, kind) != CLV_OK)
        return CLV_ENOMEM;
    if (kind == CLV_MODEL_PNBD || clv_bg_has_hessian(tp->data))
        return CLV_OK;
    tx_problem_free(tp);
    return CLV_EDOM;
}

/* Checks the customers of a valid model and builds its likelihood. */
static clv_status tx_prepare(const clv_model *model, const double *x, const double *t_x,
                             const double *T, const double *weight, size_t n, tx_problem *tp,
                             clv_fit_problem *pb, clv_fault *fault)
{
    clv_status st = clv_check_customers(x, t_x, T, weight, n, 1, fault);
    if (st != CLV_OK)
        return st;
    return tx_problem_init(tp, pb, model->kind, x, t_x, T, weight, n);
}

clv_status clv_tx_loglik(const clv_model *model, const double *x, const double *t_x,
                         const double *T, const double *weight, size_t n, double *out,
                         clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 6, fault, TX_KINDS);
    tx_problem tp;
    clv_fit_problem pb;
    if (st == CLV_OK)
        st = tx_prepare(model, x, t_x, T, weight, n, &tp, &pb, fault);
    if (st != CLV_OK)
        return st;
    if (pb.ll(model->param, out, NULL, pb.ctx))
        st = clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "the likelihood underflows",
                      CLV_ERANGE);
    tx_problem_free(&tp);
    return finish(st, out);
}

clv_status clv_tx_fit(clv_model_kind kind, const double *x, const double *t_x, const double *T,
                      const double *weight, size_t n, clv_time_unit unit,
                      const clv_fit_options *opts, clv_model *out, clv_fit_info *info,
                      clv_fault *fault)
{
    clv_status st0 = clv_fit_begin(out, 8, kind, unit, fault);
    if (st0 != CLV_OK)
        return st0;
    if (!is_tx_kind(kind))
        return clv_fail(fault, 0, CLV_FAULT_NONE, "must be BGNBD, MBGNBD or PNBD", CLV_EINVAL);
    if (unit < CLV_UNIT_NONE || unit > CLV_UNIT_YEAR)
        return clv_fail(fault, 6, CLV_FAULT_NONE, "unknown time unit", CLV_EINVAL);
    clv_status st = clv_check_customers(x, t_x, T, weight, n, 1, fault);
    if (st != CLV_OK)
        return st;
    tx_problem tp, sub;
    clv_fit_problem pb, warm;
    int view = n >= CLV_NEWTON_ROWS && hardly_repeats(T, n);
    if (view)
        st = tx_problem_view(&tp, &pb, kind, x, t_x, T, weight, n);
    if (!view || st == CLV_EDOM)
        st = tx_problem_init(&tp, &pb, kind, x, t_x, T, weight, n);
    if (st != CLV_OK)
        return CLV_ENOMEM;
    int pnbd = kind == CLV_MODEL_PNBD;
    size_t step =
        pnbd && tp.pat.n / PNBD_SUB_ROWS < SUBSAMPLE ? tp.pat.n / PNBD_SUB_ROWS : SUBSAMPLE;
    if (tp.pat.n >= CLV_NEWTON_ROWS && (pnbd || clv_bg_has_hessian(tp.data)) &&
        (sub.borrowed = 0, sub.fast = 1, subsample(&tp.pat, step, &sub.pat) == CLV_OK) &&
        tx_problem_fill(&sub, &warm, kind) == CLV_OK) {
        /* Pareto/NBD's Hessian would be 8 gradient evaluations: chord
         * steps with the subsample's instead (fit.h) */
        st = pnbd
                 ? clv_fit_run_chord(&pb, &warm, opts, 7, out->param, info, fault)
                 : clv_fit_run_newton(&pb, clv_bg_hessian, &warm, opts, 7, out->param, info, fault);
        tx_problem_free(&sub);
    } else
        st = clv_fit_run(&pb, opts, 7, out->param, info, fault);
    tx_problem_free(&tp);
    return st;
}

clv_status clv_tx_stderr(const clv_model *model, const double *x, const double *t_x,
                         const double *T, const double *weight, size_t n, double *se,
                         clv_fault *fault)
{
    if (!se)
        return clv_fail(fault, 6, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t i = 0; i < 4; i++)
        se[i] = NAN;
    tx_problem tp;
    clv_fit_problem pb;
    clv_status st = clv_check_model(model, 0, fault, TX_KINDS);
    if (st == CLV_OK)
        st = tx_prepare(model, x, t_x, T, weight, n, &tp, &pb, fault);
    if (st != CLV_OK)
        return st;
    double s4[CLV_MODEL_MAXPARAMS];
    st = clv_fit_stderr(&pb, model->param, s4, NULL);
    tx_problem_free(&tp);
    if (st != CLV_OK)
        return clv_fail(fault, 0, CLV_FAULT_NONE,
                        "is not at a maximum of the likelihood (Hessian not "
                        "positive definite)",
                        st);
    for (size_t i = 0; i < 4; i++)
        se[i] = s4[i];
    return CLV_OK;
}

/* ---- predictions --------------------------------------------------------- */

clv_status clv_tx_expected(const clv_model *model, double t, double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 2, fault, TX_KINDS);
    if (st == CLV_OK)
        st = clv_check_arg(t, CLV_D_NONNEG, 1, fault);
    if (st != CLV_OK)
        return st;
    st = model->kind == CLV_MODEL_PNBD
             ? clv_pnbd_expected(model->param, t, out)
             : clv_bg_expected(model->param, model->kind == CLV_MODEL_MBGNBD, t, out);
    return finish(st, out);
}

clv_status clv_tx_pmf(const clv_model *model, double n, double t, double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 3, fault, TX_KINDS);
    if (st == CLV_OK)
        st = clv_check_arg(n, CLV_D_WHOLE, 1, fault);
    if (st == CLV_OK)
        st = clv_check_arg(t, CLV_D_NONNEG, 2, fault);
    if (st != CLV_OK)
        return st;
    st = model->kind == CLV_MODEL_PNBD
             ? clv_pnbd_pmf(model->param, n, t, out)
             : clv_bg_pmf(model->param, model->kind == CLV_MODEL_MBGNBD, n, t, out);
    return finish(st, out);
}

clv_status clv_tx_conditional_expected(const clv_model *model, double t, double x, double t_x,
                                       double T, double *out, clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 5, fault, TX_KINDS);
    if (st == CLV_OK)
        st = clv_check_arg(t, CLV_D_NONNEG, 1, fault);
    if (st == CLV_OK)
        st = clv_check_customer(x, t_x, T, 2, fault);
    if (st != CLV_OK)
        return st;
    st = model->kind == CLV_MODEL_PNBD
             ? clv_pnbd_conditional(model->param, t, x, t_x, T, out)
             : clv_bg_conditional(model->param, model->kind == CLV_MODEL_MBGNBD, t, x, t_x, T, out);
    return finish(st, out);
}

clv_status clv_tx_palive(const clv_model *model, double x, double t_x, double T, double *out,
                         clv_fault *fault)
{
    clv_status st = clv_begin(model, out, 4, fault, TX_KINDS);
    if (st == CLV_OK)
        st = clv_check_customer(x, t_x, T, 1, fault);
    if (st != CLV_OK)
        return st;
    if (model->kind == CLV_MODEL_PNBD)
        st = clv_pnbd_palive(model->param, x, t_x, T, out);
    else
        *out = clv_bg_palive(model->param, model->kind == CLV_MODEL_MBGNBD, x, t_x, T);
    return finish(st, out);
}
