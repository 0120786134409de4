/*
 * fuzz_models.c -- model fits and predictions (BG/NBD, MBG/NBD,
 * Pareto/NBD, Gamma-Gamma, sBG, BG/BB) on small arbitrary data and
 * parameters.  Fits are capped (few rows, few iterations) so every input
 * runs in bounded time; a result is finite and in range (probabilities in
 * [0, 1], expectations >= 0) or a status with NaN.
 */
#include "clvkit/clvkit.h"
#include "fuzz.h"

#define MAXROWS 6

/* Counts and times small enough that the sums behind them stay quick. */
static double small_count(fz *in)
{
    return (double)(fz_byte(in) % 40);
}

/* A value written (OK, or ELOSS: computed, accuracy unconfirmed) is in
 * range; a failure leaves NaN.  Says which call broke the promise. */
static void check_range(const char *what, clv_status st, double v, double lo, double hi)
{
    int written = st == CLV_OK || st == CLV_ELOSS;
    if (written ? v >= lo && v <= hi : isnan(v))
        return;
    fprintf(stderr, "%s: status %d, value %.17g outside [%g, %g]\n", what, (int)st, v, lo, hi);
    abort();
}
#define CHECK_CALL(call, v, lo, hi)                     \
    do {                                                \
        clv_status st_ = (call); /* before v is read */ \
        check_range(#call, st_, (v), (lo), (hi));       \
    } while (0)
#define check_prob(call, v) CHECK_CALL(call, v, 0, 1)
#define check_nonneg(call, v) CHECK_CALL(call, v, 0, DBL_MAX)

static void model_from(fz *in, clv_model *m, clv_model_kind kind)
{
    m->kind = kind;
    m->unit = CLV_UNIT_WEEK;
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        m->param[i] = fz_double(in);
}

static void tx_predictions(fz *in, const clv_model *m, const clv_model *gg)
{
    double x = fz_double(in), t_x = fz_double(in), T = fz_double(in), t = fz_double(in), v = NAN;
    check_prob(clv_tx_palive(m, x, t_x, T, &v, NULL), v);
    check_nonneg(clv_tx_conditional_expected(m, t, x, t_x, T, &v, NULL), v);
    check_nonneg(clv_tx_expected(m, t, &v, NULL), v);
    check_prob(clv_tx_pmf(m, small_count(in), t, &v, NULL), v);
    double mv = fz_double(in);
    check_nonneg(clv_gg_spend(gg, x, mv, &v, NULL), v);
    clv_clv_options o;
    clv_clv_options_init(&o);
    o.horizon = 1 + fz_byte(in) % 24;
    o.discount = fz_double(in);
    o.margin = fz_double(in);
    clv_status st = clv_predict_clv(m, gg, x, t_x, T, mv, &o, &v, NULL);
    FUZZ_FAIL_NAN(st, v);
    FUZZ_OK_FINITE(st, v);
}

static void retention(fz *in)
{
    clv_model sbg, bgbb;
    model_from(in, &sbg, CLV_MODEL_SBG);
    model_from(in, &bgbb, CLV_MODEL_BGBB);
    double t = fz_double(in), d = fz_double(in), v = NAN;
    check_prob(clv_sbg_survival(&sbg, t, &v, NULL), v);
    check_prob(clv_sbg_retention(&sbg, t, &v, NULL), v);
    check_prob(clv_sbg_churn(&sbg, t, &v, NULL), v);
    check_nonneg(clv_sbg_del(&sbg, d, &v, NULL), v);
    check_nonneg(clv_sbg_derl(&sbg, d, small_count(in), &v, NULL), v);
    double n = small_count(in), x = fz_double(in), t_x = fz_double(in);
    check_prob(clv_bgbb_palive(&bgbb, x, t_x, n, &v, NULL), v);
    check_nonneg(clv_bgbb_expected(&bgbb, n, &v, NULL), v);
    check_prob(clv_bgbb_pmf(&bgbb, x, n, &v, NULL), v);
    check_nonneg(clv_bgbb_conditional_expected(&bgbb, small_count(in), x, t_x, n, &v, NULL), v);
}

static void check_fit(clv_status st, const clv_model *m)
{
    for (size_t i = 0; i < clv_model_nparams(m->kind); i++) {
        if (st == CLV_OK)
            FUZZ_ASSERT(isfinite(m->param[i]) && m->param[i] > 0);
        else
            FUZZ_ASSERT(isnan(m->param[i]));
    }
}

static void fits(fz *in)
{
    size_t n = 1 + fz_byte(in) % MAXROWS;
    double x[MAXROWS], t_x[MAXROWS], T[MAXROWS], w[MAXROWS], m[MAXROWS];
    for (size_t i = 0; i < n; i++) {
        x[i] = fz_double(in);
        t_x[i] = fz_double(in);
        T[i] = fz_double(in);
        w[i] = fz_double(in);
        m[i] = fz_double(in);
    }
    const double *weight = fz_byte(in) & 1 ? w : NULL;
    clv_fit_options o = {0};
    o.max_iterations = 20;
    clv_model out;
    clv_fit_info info;
    unsigned which = fz_byte(in) % 5;
    clv_status st;
    switch (which) {
    case 0:
    case 1:
    case 2:
        st = clv_tx_fit((clv_model_kind)(CLV_MODEL_BGNBD + which), x, t_x, T, weight, n,
                        CLV_UNIT_WEEK, &o, &out, &info, NULL);
        break;
    case 3:
        st = clv_gg_fit(x, m, weight, n, &o, &out, &info, NULL);
        break;
    default:
        st = clv_bgbb_fit(x, t_x, T, weight, n, &o, &out, &info, NULL);
        break;
    }
    check_fit(st, &out);
    st = clv_sbg_fit(T, n, &o, &out, &info, NULL);
    check_fit(st, &out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz in = {data, size};
    unsigned what = fz_byte(&in);
    clv_model m, gg;
    model_from(&in, &m, (clv_model_kind)(CLV_MODEL_BGNBD + what % 3));
    model_from(&in, &gg, CLV_MODEL_GG);
    if ((what >> 2) % 3 == 0)
        tx_predictions(&in, &m, &gg);
    else if ((what >> 2) % 3 == 1)
        retention(&in);
    else
        fits(&in);
    return 0;
}
