/*
 * cohort.c -- cohort tables, the sBG per cohort, and early value
 * (retention.h), from a transaction log.
 *
 * A customer's cohort is the calendar period of the first purchase; ages
 * count periods since (0 = the acquisition period).  Weeks run Monday to
 * Sunday; months and years are calendar ones.  Purchases on one day merge,
 * as in the RFM summary.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "clvkit/retention.h"
#include "core/fn.h"
#include "models/model.h"
#include "txlog/rfmint.h"

#define MAX_CELLS 20000000.0 /* cohorts x ages: a table, not a data dump */

/* ---- calendar periods ---------------------------------------------------- */

static long period_of(clv_time_unit p, long day)
{
    long y;
    int m, d;
    switch (p) {
    case CLV_UNIT_WEEK: /* 1970-01-01 was a Thursday: day -3 a Monday */
        return (day + 3 >= 0 ? day + 3 : day + 3 - 6) / 7;
    case CLV_UNIT_MONTH:
        clv_civil_from_days(day, &y, &m, &d);
        return y * 12 + (m - 1);
    case CLV_UNIT_YEAR:
        clv_civil_from_days(day, &y, &m, &d);
        return y;
    default:
        return day;
    }
}

static long period_start(clv_time_unit p, long idx)
{
    switch (p) {
    case CLV_UNIT_WEEK:
        return idx * 7 - 3;
    case CLV_UNIT_MONTH: {
        long y = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
        return clv_days_from_civil(y, (int)(idx - 12 * y) + 1, 1);
    }
    case CLV_UNIT_YEAR:
        return clv_days_from_civil(idx, 1, 1);
    default:
        return idx;
    }
}

static int good_period(clv_time_unit p)
{
    return p >= CLV_UNIT_DAY && p <= CLV_UNIT_YEAR;
}

/* ---- a log grouped by customer, cut at the end day ----------------------- */

typedef struct {
    size_t *start, *row;
    int32_t *days;
    double *amounts;
    long end, first_period, last_period; /* periods of all cohorts */
} grouped;

static void grouped_free(grouped *g)
{
    clv_free(g->start), clv_free(g->row), clv_free(g->days), clv_free(g->amounts);
}

/* Checks log and end (arguments 0 and 1, element end_el), groups rows. */
static clv_status group(const clv_txlog *log, clv_time_unit period, double end, size_t end_el,
                        grouped *g, clv_fault *fault)
{
    memset(g, 0, sizeof *g);
    if (!good_period(period))
        return clv_fail(fault, 1, 0, "period must be day, week, month or year", CLV_EINVAL);
    if (!log)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (!isnan(end) && !isfinite(end))
        return clv_fail(fault, 1, end_el, "must be a finite day or NaN", CLV_EINVAL);
    if (log->rows == 0)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "the log is empty", CLV_EDOM);
    double e = isnan(end) ? log->last : floor(end);
    if (e < log->first)
        return clv_fail(fault, 1, end_el, "end is before the first purchase in the log", CLV_EDOM);
    g->end = e > CLV_DAY_MAX ? CLV_DAY_MAX : (long)e;
    if (clv_txlog_group(log, &g->start, &g->row) != CLV_OK)
        return CLV_ENOMEM;
    size_t most = 1;
    for (size_t c = 0; c < log->ncust; c++)
        if (g->start[c + 1] - g->start[c] > most)
            most = g->start[c + 1] - g->start[c];
    g->days = clv_malloc(most * sizeof *g->days);
    g->amounts = clv_malloc(most * sizeof *g->amounts);
    if (!g->days || !g->amounts) {
        grouped_free(g);
        return CLV_ENOMEM;
    }
    g->first_period = period_of(period, log->first);
    g->last_period = period_of(period, g->end);
    return CLV_OK;
}

/* Customer c's merged purchase days up to the end; 0 if none. */
static size_t customer_days(const clv_txlog *log, grouped *g, size_t c)
{
    size_t n;
    clv_txlog_customer_days(log, g->row + g->start[c], g->start[c + 1] - g->start[c], g->days,
                            g->amounts, &n);
    while (n > 0 && g->days[n - 1] > g->end)
        n--;
    return n;
}

/* Cohorts from the first period to the last one in which anybody was
 * acquired by the end (empty periods in between stay, with size 0). */
static size_t cohort_count(const clv_txlog *log, grouped *g, clv_time_unit period)
{
    long last = g->first_period;
    for (size_t cu = 0; cu < log->ncust; cu++) {
        long first = INT32_MAX;
        for (size_t k = g->start[cu]; k < g->start[cu + 1]; k++)
            if (log->day[g->row[k]] < first)
                first = log->day[g->row[k]];
        if (first <= g->end && period_of(period, first) > last)
            last = period_of(period, first);
    }
    return (size_t)(last - g->first_period + 1);
}

/* ---- cohort tables ------------------------------------------------------- */

void clv_cohort_table_free(clv_cohort_table *t)
{
    if (!t)
        return;
    clv_free(t->start_day), clv_free(t->active);
    clv_free(t);
}

clv_status clv_cohort_table_build(const clv_txlog *log, const clv_cohort_options *opts,
                                  clv_cohort_table **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (!opts)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    grouped g;
    clv_status st = group(log, opts->period, opts->end, 1, &g, fault);
    if (st != CLV_OK)
        return st;
    /* cohorts up to the last one with an acquisition; ages up to the end */
    size_t nc = cohort_count(log, &g, opts->period);
    size_t na = (size_t)(g.last_period - g.first_period + 1);
    if ((double)nc * (double)na > MAX_CELLS) {
        grouped_free(&g);
        return clv_fail(fault, 1, 0, "the table would be too large: choose a longer period",
                        CLV_ERANGE);
    }
    clv_cohort_table *t = clv_calloc(1, sizeof *t);
    size_t cells = nc * na;
    if (t) {
        t->start_day = clv_malloc(3 * nc * sizeof(double));
        t->active = clv_calloc(5 * cells, sizeof(double));
    }
    if (!t || !t->start_day || !t->active) {
        clv_cohort_table_free(t);
        grouped_free(&g);
        return CLV_ENOMEM;
    }
    t->period = opts->period;
    t->ncohorts = nc;
    t->nages = na;
    t->size = t->start_day + nc;
    t->ages = t->start_day + 2 * nc;
    t->revenue = t->active + cells;
    t->retention = t->active + 2 * cells;
    t->revenue_per_customer = t->active + 3 * cells;
    t->survivors = t->active + 4 * cells;
    for (size_t c = 0; c < nc; c++) {
        t->start_day[c] = (double)period_start(t->period, g.first_period + (long)c);
        t->size[c] = 0;
        t->ages[c] = (double)(g.last_period - g.first_period - (long)c + 1);
    }
    /* survivors first hold the count of customers whose last age is k */
    for (size_t cu = 0; cu < log->ncust; cu++) {
        size_t n = customer_days(log, &g, cu);
        if (n == 0)
            continue;
        size_t c = (size_t)(period_of(t->period, g.days[0]) - g.first_period);
        double *row = t->active + c * na, *rev = t->revenue + c * na;
        t->size[c]++;
        long prev = -1, age = 0;
        for (size_t k = 0; k < n; k++) {
            age = period_of(t->period, g.days[k]) - g.first_period - (long)c;
            if (age != prev)
                row[age]++;
            rev[age] += g.amounts[k];
            prev = age;
        }
        t->survivors[c * na + (size_t)age]++;
    }
    for (size_t c = 0; c < nc; c++) {
        size_t ages = (size_t)t->ages[c];
        double *sv = t->survivors + c * na, run = 0;
        for (size_t a = ages; a-- > 0;) { /* suffix sums */
            run += sv[a];
            sv[a] = run;
        }
        for (size_t a = 0; a < na; a++) {
            size_t i = c * na + a;
            if (a >= ages) {
                t->active[i] = t->revenue[i] = t->survivors[i] = NAN;
                t->retention[i] = t->revenue_per_customer[i] = NAN;
            } else {
                t->retention[i] = t->size[c] > 0 ? t->active[i] / t->size[c] : NAN;
                t->revenue_per_customer[i] = t->size[c] > 0 ? t->revenue[i] / t->size[c] : NAN;
            }
        }
    }
    grouped_free(&g);
    *out = t;
    return CLV_OK;
}

clv_status clv_cohort_sbg(const clv_cohort_table *table, size_t cohort, const clv_fit_options *opts,
                          clv_model *out, clv_fit_info *info, clv_fault *fault)
{
    clv_status st0 = clv_fit_begin(out, 3, CLV_MODEL_SBG, CLV_UNIT_NONE, fault);
    if (st0 != CLV_OK)
        return st0;
    if (!table)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (cohort >= table->ncohorts)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "no such cohort", CLV_EINVAL);
    size_t ages = (size_t)table->ages[cohort];
    if (ages < 2 || !(table->size[cohort] > 0))
        return clv_fail(fault, 1, CLV_FAULT_NONE, "needs customers and at least two observed ages",
                        CLV_EDOM);
    clv_fault f = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st =
        clv_sbg_fit(table->survivors + cohort * table->nages, ages, opts, out, info, &f);
    if (st != CLV_OK)
        return clv_fail(fault,
                        f.arg == 2                ? 2
                        : f.arg == CLV_FAULT_NONE ? f.arg
                                                  : 1,
                        f.element, f.reason, st);
    out->unit = table->period;
    return CLV_OK;
}

/* ---- early value --------------------------------------------------------- */

void clv_early_value_free(clv_early_value *ev)
{
    if (!ev)
        return;
    clv_free(ev->ages);
    clv_free(ev);
}

clv_status clv_early_value_build(const clv_txlog *log, const clv_early_value_options *opts,
                                 clv_early_value **out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (!opts)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (!good_period(opts->period)) /* before the other options */
        return clv_fail(fault, 1, 0, "period must be day, week, month or year", CLV_EINVAL);
    double unit = clv_time_unit_days(opts->unit);
    if (!isfinite(unit))
        return clv_fail(fault, 1, 1, "unit must be day, week, month or year", CLV_EINVAL);
    size_t na = opts->nages;
    if (!opts->ages || na == 0)
        return clv_fail(fault, 1, 2, "ages are required", CLV_EINVAL);
    for (size_t a = 0; a < na; a++)
        if (!isfinite(opts->ages[a]) || !(opts->ages[a] > 0) || opts->ages[a] * unit > 1e7)
            return clv_fail(fault, 1, 2, "every age must be finite, > 0 and under 10^7 days",
                            isfinite(opts->ages[a]) ? CLV_EDOM : CLV_EINVAL);
    grouped g;
    clv_status st = group(log, opts->period, opts->end, 3, &g, fault);
    if (st != CLV_OK)
        return st;
    size_t nc = cohort_count(log, &g, opts->period);
    if ((double)nc * (double)na > MAX_CELLS) {
        grouped_free(&g);
        return clv_fail(fault, 1, 0, "too many cohorts: choose a longer period", CLV_ERANGE);
    }
    clv_early_value *ev = clv_calloc(1, sizeof *ev);
    if (ev)
        ev->ages = clv_calloc(na + nc + 2 * nc * na + 2 * na, sizeof(double));
    if (!ev || !ev->ages) {
        clv_early_value_free(ev);
        grouped_free(&g);
        return CLV_ENOMEM;
    }
    ev->period = opts->period;
    ev->unit = opts->unit;
    ev->ncohorts = nc;
    ev->nages = na;
    ev->start_day = ev->ages + na;
    ev->mean = ev->start_day + nc;
    ev->customers = ev->mean + nc * na;
    ev->all_mean = ev->customers + nc * na;
    ev->all_customers = ev->all_mean + na;
    memcpy(ev->ages, opts->ages, na * sizeof(double));
    for (size_t c = 0; c < nc; c++)
        ev->start_day[c] = (double)period_start(ev->period, g.first_period + (long)c);
    for (size_t cu = 0; cu < log->ncust; cu++) {
        size_t n = customer_days(log, &g, cu);
        if (n == 0)
            continue;
        long first = g.days[0];
        size_t c = (size_t)(period_of(ev->period, first) - g.first_period);
        for (size_t a = 0; a < na; a++) {
            double width = opts->ages[a] * unit; /* days, d - first < width */
            if (first + (long)ceil(width) - 1 > g.end)
                continue; /* window not fully observed */
            double sum = 0;
            for (size_t k = 0; k < n && (double)(g.days[k] - first) < width; k++)
                sum += g.amounts[k];
            ev->mean[c * na + a] += sum; /* a sum until divided below */
            ev->customers[c * na + a]++;
            ev->all_mean[a] += sum;
            ev->all_customers[a]++;
        }
    }
    for (size_t i = 0; i < nc * na; i++)
        ev->mean[i] = ev->customers[i] > 0 ? ev->mean[i] / ev->customers[i] : NAN;
    for (size_t a = 0; a < na; a++)
        ev->all_mean[a] = ev->all_customers[a] > 0 ? ev->all_mean[a] / ev->all_customers[a] : NAN;
    grouped_free(&g);
    *out = ev;
    return CLV_OK;
}
