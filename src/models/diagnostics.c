/*
 * diagnostics.c -- tracking, period counts, holdout by frequency and the
 * frequency x recency matrices of the transaction models (diagnostics.h).
 *
 * Every function evaluates each distinct model input once (ages for the
 * tracking, T for the period counts): a cohort of thousands of customers
 * born on a few hundred days costs a few hundred model evaluations.
 */
#include <math.h>
#include <stdlib.h>

#include "clvkit/diagnostics.h"
#include "core/alloc.h"
#include "core/fn.h"
#include "models/model.h"
#include "models/txmodel.h"
#include "txlog/rfmint.h"

/* A prediction's status: OK and ELOSS let the value stand. */
static int usable(clv_status st)
{
    return st == CLV_OK || st == CLV_ELOSS;
}

static clv_status tx_model(const clv_model *m, size_t arg, clv_fault *fault)
{
    return clv_check_model(m, arg, fault, CLV_MODEL_BGNBD, CLV_MODEL_MBGNBD, CLV_MODEL_PNBD);
}

static void fill_nan(double *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        v[i] = NAN;
}

/* ---- tracking ------------------------------------------------------------ */

/* The sums of clv_tracking_expected() on checked arguments, with births
 * and the period in any scale: age = ((k+1) period - birth) / unit.  The
 * log passes whole days and the unit in days, so equal ages are equal
 * doubles and each is evaluated once. */
static clv_status expected_cum(const clv_model *model, const double *birth, const double *weight,
                               size_t n, double period, double unit, size_t periods, double *cum)
{
    double *ub = NULL, *age = NULL, *uage = NULL, *bw = NULL, *ex = NULL;
    size_t *bix = NULL, *aix = NULL, nb = 0, na = 0;
    if (clv_values_index(birth, n, &ub, &nb, &bix) != CLV_OK)
        return CLV_ENOMEM;
    clv_status st = CLV_ENOMEM;
    if (periods > ((size_t)-1 / sizeof(double)) / nb) {
        st = CLV_ERANGE;
        goto done;
    }
    bw = clv_calloc(nb, sizeof *bw);
    age = clv_malloc(periods * nb * sizeof *age);
    if (!bw || !age)
        goto done;
    for (size_t i = 0; i < n; i++)
        bw[bix[i]] += weight ? weight[i] : 1;
    for (size_t k = 0; k < periods; k++)
        for (size_t b = 0; b < nb; b++) {
            double a = ((double)(k + 1) * period - ub[b]) / unit;
            age[k * nb + b] = a > 0 ? a : 0;
        }
    if (clv_values_index(age, periods * nb, &uage, &na, &aix) != CLV_OK)
        goto done;
    if (!(ex = clv_malloc(na * sizeof *ex)))
        goto done;
    st = CLV_OK;
    for (size_t j = 0; j < na; j++) {
        clv_status s = clv_tx_expected(model, uage[j], &ex[j], NULL);
        if (!usable(s)) {
            st = s;
            goto done;
        }
        if (s != CLV_OK)
            st = s;
    }
    for (size_t k = 0; k < periods; k++) {
        double sum = 0;
        for (size_t b = 0; b < nb; b++)
            if (ub[b] < (double)(k + 1) * period)
                sum += bw[b] * ex[aix[k * nb + b]];
        cum[k] = sum;
    }
done:
    clv_free(ub);
    clv_free(bix);
    clv_free(bw);
    clv_free(age);
    clv_free(uage);
    clv_free(aix);
    clv_free(ex);
    return st;
}

static clv_status expected_fail(double *cum, size_t periods, clv_status st, clv_fault *fault)
{
    fill_nan(cum, periods);
    return clv_fail(fault, st == CLV_ERANGE ? 5 : CLV_FAULT_NONE, CLV_FAULT_NONE,
                    st == CLV_ENOMEM   ? "out of memory"
                    : st == CLV_ERANGE ? "times the distinct births is too "
                                         "large"
                                       : "the expected transactions could "
                                         "not be computed",
                    st);
}

clv_status clv_tracking_expected(const clv_model *model, const double *birth, const double *weight,
                                 size_t n, double period, size_t periods, double *cum,
                                 clv_fault *fault)
{
    if (!cum)
        return clv_fail(fault, 6, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (periods == 0)
        return clv_fail(fault, 5, CLV_FAULT_NONE, "must be >= 1", CLV_EDOM);
    fill_nan(cum, periods);
    clv_status st = tx_model(model, 0, fault);
    if (st != CLV_OK)
        return st;
    if (!birth)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (n == 0)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "must be >= 1", CLV_EDOM);
    for (size_t i = 0; i < n; i++)
        if ((st = clv_check_arg(birth[i], CLV_D_NONNEG, 1, fault)) != CLV_OK) {
            if (fault)
                fault->element = i;
            return st;
        }
    if ((st = clv_check_weights(weight, n, 2, fault)) != CLV_OK ||
        (st = clv_check_arg(period, CLV_D_POS, 4, fault)) != CLV_OK)
        return st;
    st = expected_cum(model, birth, weight, n, period, 1, periods, cum);
    return usable(st) ? st : expected_fail(cum, periods, st, fault);
}

void clv_tracking_free(clv_tracking *tr)
{
    if (!tr)
        return;
    clv_free(tr->actual);
    clv_free(tr->actual_cum);
    clv_free(tr->expected);
    clv_free(tr->expected_cum);
    clv_free(tr);
}

static clv_tracking *tracking_alloc(size_t periods)
{
    clv_tracking *tr = clv_calloc(1, sizeof *tr);
    if (!tr)
        return NULL;
    tr->periods = periods;
    tr->actual = clv_calloc(periods, sizeof(double));
    tr->actual_cum = clv_calloc(periods, sizeof(double));
    tr->expected = clv_calloc(periods, sizeof(double));
    tr->expected_cum = clv_calloc(periods, sizeof(double));
    if (!tr->actual || !tr->actual_cum || !tr->expected || !tr->expected_cum) {
        clv_tracking_free(tr);
        return NULL;
    }
    return tr;
}

/* Births (whole days from the origin) and actual repeat transactions per
 * period of every customer in the log. */
static clv_status tracking_actual(const clv_txlog *log, double origin, double unit_days,
                                  clv_tracking *tr, double *birth)
{
    size_t *start = NULL, *row = NULL;
    if (clv_txlog_group(log, &start, &row) != CLV_OK)
        return CLV_ENOMEM;
    size_t most = 1;
    for (size_t c = 0; c < log->ncust; c++)
        if (start[c + 1] - start[c] > most)
            most = start[c + 1] - start[c];
    int32_t *days = clv_malloc(most * sizeof *days);
    double *amt = clv_malloc(most * sizeof *amt);
    if (!days || !amt) {
        clv_free(days);
        clv_free(amt);
        clv_free(start);
        clv_free(row);
        return CLV_ENOMEM;
    }
    double plen = tr->period * unit_days; /* period in days */
    for (size_t c = 0; c < log->ncust; c++) {
        size_t nd;
        clv_txlog_customer_days(log, row + start[c], start[c + 1] - start[c], days, amt, &nd);
        birth[c] = days[0] - origin; /* whole days */
        for (size_t j = 1; j < nd; j++) {
            double k = floor((days[j] - origin) / plen);
            if (k < (double)tr->periods)
                tr->actual[(size_t)k] += 1;
        }
    }
    clv_free(days);
    clv_free(amt);
    clv_free(start);
    clv_free(row);
    return CLV_OK;
}

clv_status clv_tracking_log(const clv_model *model, const clv_txlog *log, double period,
                            size_t periods, double origin, clv_tracking **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 5, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    clv_status st = tx_model(model, 0, fault);
    if (st != CLV_OK)
        return st;
    double ud = clv_time_unit_days(model->unit);
    if (!isfinite(ud))
        return clv_fail(fault, 0, CLV_FAULT_NONE, "needs a time unit to read a log", CLV_EINVAL);
    if (!log)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (log->rows == 0)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "is empty", CLV_EDOM);
    if ((st = clv_check_arg(period, CLV_D_POS, 2, fault)) != CLV_OK)
        return st;
    if (isnan(origin))
        origin = log->first;
    if ((st = clv_check_arg(origin, CLV_D_REAL, 4, fault)) != CLV_OK)
        return st;
    if (origin > log->first)
        return clv_fail(fault, 4, CLV_FAULT_NONE, "must be on or before the log's first day",
                        CLV_EDOM);
    if (periods == 0) {
        double k = ceil((log->last + 1 - origin) / (period * ud));
        periods = k < 1 ? 1 : k > 1e7 ? 0 : (size_t)k;
    }
    if (periods == 0 || periods > 10000000)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "means more than 10^7 periods", CLV_ERANGE);
    clv_tracking *tr = tracking_alloc(periods);
    double *birth = clv_malloc(log->ncust * sizeof *birth);
    if (!tr || !birth) {
        clv_tracking_free(tr);
        clv_free(birth);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    }
    tr->period = period;
    tr->origin = origin;
    tr->customers = log->ncust;
    st = tracking_actual(log, origin, ud, tr, birth);
    if (st == CLV_OK)
        st = expected_cum(model, birth, NULL, log->ncust, period * ud, ud, periods,
                          tr->expected_cum);
    clv_free(birth);
    if (!usable(st)) {
        clv_tracking_free(tr);
        return expected_fail(NULL, 0, st, fault);
    }
    double acc = 0;
    for (size_t k = 0; k < periods; k++) {
        acc += tr->actual[k];
        tr->actual_cum[k] = acc;
        tr->expected[k] = tr->expected_cum[k] - (k ? tr->expected_cum[k - 1] : 0);
    }
    *out = tr;
    return st;
}

/* ---- period counts ------------------------------------------------------- */

/* P(X(T) = g) for g < top into row: Pareto/NBD's counts of one T share
 * one quadrature of the death time (clv_pnbd_pmf_all). */
static clv_status pmf_row(const clv_model *model, size_t top, double T, double *row)
{
    if (model->kind == CLV_MODEL_PNBD)
        return clv_pnbd_pmf_all(model->param, top, T, row);
    clv_status st = CLV_OK;
    for (size_t g = 0; g < top; g++) {
        clv_status s = clv_tx_pmf(model, (double)g, T, &row[g], NULL);
        if (!usable(s))
            return s;
        if (s != CLV_OK)
            st = s;
    }
    return st;
}

clv_status clv_period_counts(const clv_model *model, const double *x, const double *T,
                             const double *weight, size_t n, size_t top, double *actual,
                             double *expected, clv_fault *fault)
{
    if (!actual || !expected)
        return clv_fail(fault, actual ? 7 : 6, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (top == 0 || top > 100000)
        return clv_fail(fault, 5, CLV_FAULT_NONE, "must be in 1 .. 10^5", CLV_EDOM);
    fill_nan(actual, top + 1);
    fill_nan(expected, top + 1);
    clv_status st = tx_model(model, 0, fault);
    if (st != CLV_OK)
        return st;
    if (!x || !T)
        return clv_fail(fault, x ? 2 : 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (n == 0)
        return clv_fail(fault, 4, CLV_FAULT_NONE, "must be >= 1", CLV_EDOM);
    for (size_t i = 0; i < n; i++) {
        if ((st = clv_check_customer(x[i], 0, T[i], 0, fault)) != CLV_OK) {
            if (fault) {
                fault->arg = fault->arg == 0 ? 1 : 2;
                fault->element = i;
            }
            return st;
        }
    }
    if ((st = clv_check_weights(weight, n, 3, fault)) != CLV_OK)
        return st;
    double *uT = NULL, *pmf = NULL;
    size_t *ix = NULL, nT = 0;
    if (clv_values_index(T, n, &uT, &nT, &ix) != CLV_OK ||
        !(pmf = clv_malloc(nT * (top + 1) * sizeof *pmf))) {
        clv_free(uT);
        clv_free(ix);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    }
    st = CLV_OK;
    for (size_t j = 0; j < nT && usable(st); j++) {
        double *row = &pmf[j * (top + 1)], rest = 1;
        clv_status s = pmf_row(model, top, uT[j], row);
        if (!usable(s)) {
            st = s;
            break;
        }
        if (s != CLV_OK)
            st = s;
        for (size_t g = 0; g < top; g++)
            rest -= row[g];
        pmf[j * (top + 1) + top] = rest > 0 ? rest : 0;
    }
    if (usable(st)) {
        for (size_t g = 0; g <= top; g++)
            actual[g] = expected[g] = 0;
        for (size_t i = 0; i < n; i++) {
            double w = weight ? weight[i] : 1;
            size_t g = x[i] < (double)top ? (size_t)x[i] : top;
            actual[g] += w;
            for (size_t h = 0; h <= top; h++)
                expected[h] += w * pmf[ix[i] * (top + 1) + h];
        }
    }
    clv_free(uT);
    clv_free(ix);
    clv_free(pmf);
    if (!usable(st)) {
        fill_nan(actual, top + 1);
        fill_nan(expected, top + 1);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "a probability could not be computed", st);
    }
    return st;
}

/* ---- holdout by calibration frequency ------------------------------------ */

clv_status clv_holdout_by_frequency(const clv_model *model, double t, const double *x,
                                    const double *t_x, const double *T, const double *x_holdout,
                                    const double *weight, size_t n, size_t top, double *count,
                                    double *actual, double *expected, clv_holdout_errors *errors,
                                    clv_fault *fault)
{
    if (!count || !actual || !expected)
        return clv_fail(fault,
                        !count    ? 9
                        : !actual ? 10
                                  : 11,
                        CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (top == 0 || top > 100000)
        return clv_fail(fault, 8, CLV_FAULT_NONE, "must be in 1 .. 10^5", CLV_EDOM);
    fill_nan(count, top + 1);
    fill_nan(actual, top + 1);
    fill_nan(expected, top + 1);
    if (errors)
        *errors = (clv_holdout_errors){NAN, NAN, NAN, NAN, NAN};
    clv_status st = tx_model(model, 0, fault);
    if (st != CLV_OK || (st = clv_check_arg(t, CLV_D_POS, 1, fault)) != CLV_OK)
        return st;
    if (!x_holdout)
        return clv_fail(fault, 5, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    /* columns x, t_x, T at 2..4, weight 6, n 7: check with a shifted view */
    clv_fault f;
    st = clv_check_customers(x, t_x, T, weight, n, 2, &f);
    if (st != CLV_OK) {
        if (f.arg == 5)
            f.arg = 6;
        else if (f.arg == 6)
            f.arg = 7;
        return clv_fail(fault, f.arg, f.element, f.reason, st);
    }
    for (size_t i = 0; i < n; i++)
        if ((st = clv_check_arg(x_holdout[i], CLV_D_WHOLE, 5, fault)) != CLV_OK) {
            if (fault)
                fault->element = i;
            return st;
        }
    for (size_t g = 0; g <= top; g++)
        count[g] = actual[g] = expected[g] = 0;
    double ae = 0, se = 0, wt = 0, at = 0, et = 0;
    st = CLV_OK;
    for (size_t i = 0; i < n; i++) {
        double w = weight ? weight[i] : 1, e;
        if (w == 0)
            continue;
        clv_status s = clv_tx_conditional_expected(model, t, x[i], t_x[i], T[i], &e, NULL);
        if (!usable(s)) {
            fill_nan(count, top + 1);
            fill_nan(actual, top + 1);
            fill_nan(expected, top + 1);
            return clv_fail(fault, 2, i,
                            "a conditional expectation could "
                            "not be computed",
                            s);
        }
        if (s != CLV_OK)
            st = s;
        size_t g = x[i] < (double)top ? (size_t)x[i] : top;
        count[g] += w;
        actual[g] += w * x_holdout[i];
        expected[g] += w * e;
        double d = e - x_holdout[i];
        ae += w * fabs(d);
        se += w * d * d;
        wt += w;
        at += w * x_holdout[i];
        et += w * e;
    }
    for (size_t g = 0; g <= top; g++) {
        actual[g] = count[g] > 0 ? actual[g] / count[g] : NAN;
        expected[g] = count[g] > 0 ? expected[g] / count[g] : NAN;
    }
    if (errors) {
        errors->mae = ae / wt;
        errors->rmse = sqrt(se / wt);
        errors->actual_total = at;
        errors->expected_total = et;
        errors->error_pct = at > 0 ? 100 * (et - at) / at : NAN;
    }
    return st;
}

/* ---- matrices ------------------------------------------------------------ */

clv_status clv_tx_matrix(const clv_model *model, clv_matrix_kind kind, double t, double T,
                         const double *freq, size_t nf, const double *rec, size_t nr, double *out,
                         clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 8, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (nf && nr && nf > (size_t)-1 / sizeof(double) / nr)
        return clv_fail(fault, 7, CLV_FAULT_NONE, "grid too large", CLV_ERANGE);
    fill_nan(out, nf * nr);
    clv_status st = tx_model(model, 0, fault);
    if (st != CLV_OK)
        return st;
    if (kind != CLV_MATRIX_EXPECTED && kind != CLV_MATRIX_PALIVE)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "unknown matrix", CLV_EINVAL);
    if (kind == CLV_MATRIX_EXPECTED && (st = clv_check_arg(t, CLV_D_POS, 2, fault)) != CLV_OK)
        return st;
    if ((st = clv_check_arg(T, CLV_D_NONNEG, 3, fault)) != CLV_OK)
        return st;
    if (!freq || !rec)
        return clv_fail(fault, freq ? 6 : 4, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (nf == 0 || nr == 0)
        return clv_fail(fault, nf ? 7 : 5, CLV_FAULT_NONE, "must be >= 1", CLV_EDOM);
    for (size_t i = 0; i < nf; i++)
        if ((st = clv_check_arg(freq[i], CLV_D_WHOLE, 4, fault)) != CLV_OK) {
            if (fault)
                fault->element = i;
            return st;
        }
    for (size_t j = 0; j < nr; j++) {
        if ((st = clv_check_arg(rec[j], CLV_D_NONNEG, 6, fault)) != CLV_OK) {
            if (fault)
                fault->element = j;
            return st;
        }
        if (rec[j] > T)
            return clv_fail(fault, 6, j, "must be <= T", CLV_EDOM);
    }
    st = CLV_OK;
    for (size_t i = 0; i < nf; i++)
        for (size_t j = 0; j < nr; j++) {
            double tx = freq[i] > 0 ? rec[j] : 0, *v = &out[i * nr + j];
            clv_status s = kind == CLV_MATRIX_PALIVE
                               ? clv_tx_palive(model, freq[i], tx, T, v, NULL)
                               : clv_tx_conditional_expected(model, t, freq[i], tx, T, v, NULL);
            if (!usable(s)) {
                fill_nan(out, nf * nr);
                return clv_fail(fault, 4, i,
                                "a prediction could not be "
                                "computed",
                                s);
            }
            if (s != CLV_OK)
                st = s;
        }
    return st;
}
