/*
 * rfm.c -- the RFM summary of a transaction log (clv_rfm_summarize).
 *
 * Per customer: days with purchases (same-day rows merged), then
 *   x   = calibration days after the first,      t_x = (last - first) / unit
 *   T   = (calibration end - first) / unit,      mean_value over the x days
 *   x_holdout, value_holdout over (calibration end, holdout end].
 * This is the BTYD / Fader-Hardie convention: CDNOW's 2,357 customers give
 * 946 repeat buyers, sum(x) = 2457 and 1882 holdout transactions.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/fn.h"
#include "txlog/rfmint.h"

void clv_rfm_options_init(clv_rfm_options *opts)
{
    if (!opts)
        return;
    opts->unit = CLV_UNIT_NONE;
    opts->calibration_end = NAN;
    opts->holdout_end = NAN;
}

void clv_rfm_free(clv_rfm *rfm)
{
    if (!rfm)
        return;
    clv_free((void *)rfm->id), clv_free(rfm->id_len), clv_free(rfm->x);
    /* the other arrays and the id texts live in the blocks of x and id */
    clv_free(rfm);
}

/* One allocation for the eight double arrays, one for the ids' text. */
clv_rfm *clv_rfm_alloc(size_t n, size_t textlen)
{
    clv_rfm *s = clv_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    size_t m = n ? n : 1;
    s->id = clv_malloc(m * sizeof *s->id + textlen);
    s->id_len = clv_malloc(m * sizeof *s->id_len);
    s->x = clv_malloc(7 * m * sizeof(double));
    if (!s->id || !s->id_len || !s->x) {
        clv_rfm_free(s);
        return NULL;
    }
    s->t_x = s->x + m;
    s->T = s->x + 2 * m;
    s->mean_value = s->x + 3 * m;
    s->first_day = s->x + 4 * m;
    s->x_holdout = s->x + 5 * m;
    s->value_holdout = s->x + 6 * m;
    return s;
}

static clv_status check_day_option(double d, size_t element, clv_fault *fault)
{
    if (isnan(d))
        return CLV_OK;
    if (!isfinite(d))
        return clv_fail(fault, 1, element, "must be a finite day or NaN", CLV_EINVAL);
    if (floor(d) < CLV_DAY_MIN || floor(d) > CLV_DAY_MAX)
        return clv_fail(fault, 1, element, "must be a day between the years 1 and 9999", CLV_EDOM);
    return CLV_OK;
}

clv_status clv_rfm_summarize(const clv_txlog *log, const clv_rfm_options *opts, clv_rfm **out,
                             clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (!log || !opts)
        return clv_fail(fault, log ? 1 : 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    double unit = clv_time_unit_days(opts->unit);
    if (!isfinite(unit))
        return clv_fail(fault, 1, 0, "unit must be day, week, month or year", CLV_EINVAL);
    clv_status st = check_day_option(opts->calibration_end, 1, fault);
    if (st == CLV_OK)
        st = check_day_option(opts->holdout_end, 2, fault);
    if (st != CLV_OK)
        return st;
    if (log->rows == 0)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "the log is empty", CLV_EDOM);
    double cal = isnan(opts->calibration_end) ? log->last : floor(opts->calibration_end);
    double hold = isnan(opts->holdout_end) ? INFINITY : floor(opts->holdout_end);
    if (hold < cal)
        return clv_fail(fault, 1, 2,
                        "holdout_end must not be before "
                        "calibration_end",
                        CLV_EDOM);

    size_t *start, *row;
    if (clv_txlog_group(log, &start, &row) != CLV_OK)
        return CLV_ENOMEM;
    size_t maxrows = 0, nin = 0, text = 0;
    for (size_t c = 0; c < log->ncust; c++) {
        size_t k = start[c + 1] - start[c];
        if (k > maxrows)
            maxrows = k;
    }
    int32_t *days = clv_malloc((maxrows ? maxrows : 1) * sizeof *days);
    double *amounts = clv_malloc((maxrows ? maxrows : 1) * sizeof *amounts);
    /* first days decide who is in: count them and their id text first */
    int32_t *first = clv_malloc((log->ncust ? log->ncust : 1) * sizeof *first);
    clv_rfm *s = NULL;
    if (days && amounts && first) {
        for (size_t c = 0; c < log->ncust; c++) {
            int32_t f = INT32_MAX;
            for (size_t k = start[c]; k < start[c + 1]; k++)
                if (log->day[row[k]] < f)
                    f = log->day[row[k]];
            first[c] = f;
            if (f <= cal) {
                nin++;
                text += log->id_len[c] + 1;
            }
        }
        s = clv_rfm_alloc(nin, text);
    }
    if (!s) {
        clv_free(start), clv_free(row), clv_free(days), clv_free(amounts), clv_free(first);
        return CLV_ENOMEM;
    }
    if (nin == 0) {
        clv_free(start), clv_free(row), clv_free(days), clv_free(amounts), clv_free(first);
        clv_rfm_free(s);
        return clv_fail(fault, 1, 1,
                        "no customer bought on or before "
                        "calibration_end",
                        CLV_EDOM);
    }
    char *pool = (char *)(s->id + nin);
    size_t i = 0;
    s->n = nin;
    s->unit = opts->unit;
    s->calibration_end = cal;
    s->holdout_end = isinf(hold) ? NAN : hold;
    s->rows = log->rows;
    for (size_t c = 0; c < log->ncust; c++) {
        if (first[c] > cal) {
            s->late_customers++;
            continue;
        }
        size_t nd;
        clv_txlog_customer_days(log, row + start[c], start[c + 1] - start[c], days, amounts, &nd);
        double x = 0, value = 0, xh = 0, vh = 0;
        int32_t last = days[0];
        for (size_t k = 1; k < nd; k++) {
            if (days[k] <= cal) {
                x++;
                value += amounts[k];
                last = days[k];
            } else if (days[k] <= hold) {
                xh++;
                vh += amounts[k];
            }
        }
        s->transactions += nd;
        memcpy(pool, log->pool + log->id_off[c], log->id_len[c] + 1);
        s->id[i] = pool;
        s->id_len[i] = log->id_len[c];
        pool += log->id_len[c] + 1;
        s->x[i] = x;
        s->t_x[i] = (last - days[0]) / unit;
        s->T[i] = (cal - days[0]) / unit;
        double mean = x > 0 ? value / x : 0;
        if (!isfinite(mean)) { /* the sum passed DBL_MAX: a running mean */
            double k = 0;
            mean = 0;
            for (size_t j = 1; j < nd; j++)
                if (days[j] <= cal)
                    mean += (amounts[j] - mean) / ++k;
        }
        s->mean_value[i] = mean;
        s->first_day[i] = days[0];
        s->x_holdout[i] = xh;
        s->value_holdout[i] = vh;
        i++;
    }
    clv_free(start), clv_free(row), clv_free(days), clv_free(amounts), clv_free(first);
    *out = s;
    return CLV_OK;
}
