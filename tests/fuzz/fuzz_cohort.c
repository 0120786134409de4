/*
 * fuzz_cohort.c -- cohort tables, their sBG fits and early value over an
 * arbitrary log (CSV id,date,amount after the options).  Rates are in
 * [0, 1] or NaN, survivors never increase, sizes are whole numbers.
 */
#include "clvkit/clvkit.h"
#include "fuzz.h"

static void check_table(const clv_cohort_table *t)
{
    for (size_t c = 0; c < t->ncohorts; c++) {
        FUZZ_ASSERT(t->size[c] >= 0 && t->size[c] == floor(t->size[c]));
        for (size_t a = 0; a < t->nages; a++) {
            size_t i = c * t->nages + a;
            double r = t->retention[i];
            FUZZ_ASSERT(isnan(r) || (r >= 0 && r <= 1));
            FUZZ_ASSERT(isnan(t->revenue[i]) || t->revenue[i] >= 0);
            if (a > 0 && !isnan(t->survivors[i]))
                FUZZ_ASSERT(t->survivors[i] <= t->survivors[i - 1]);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz in = {data, size};
    clv_time_unit period = (clv_time_unit)(fz_byte(&in) % 6);
    unsigned flags = fz_byte(&in);
    double end = flags & 1 ? fz_double(&in) : NAN;
    double ages[4];
    size_t nages = 1 + fz_byte(&in) % 4;
    for (size_t i = 0; i < nages; i++)
        ages[i] = fz_double(&in);
    clv_time_unit unit = (clv_time_unit)(fz_byte(&in) % 6);
    clv_csv_options co = {"id", "date", "amount", ','};
    clv_txlog *log = NULL;
    if (clv_txlog_read_csv_buffer((const char *)in.p, in.n, &co, &log, NULL) != CLV_OK)
        return 0;
    clv_cohort_options o = {period, end};
    clv_cohort_table *t = NULL;
    clv_status st = clv_cohort_table_build(log, &o, &t, NULL);
    if (st == CLV_OK) {
        check_table(t);
    }
    /* the sBG fit costs its curve's length per evaluation: a far `end`
     * (up to year 9999, ~10^5 monthly ages) is fine but too slow here */
    if (st == CLV_OK && t->nages <= 2000) {
        clv_fit_options fo = {0};
        fo.max_iterations = 20;
        clv_model m;
        clv_fit_info info;
        st = clv_cohort_sbg(t, flags >> 1 & 7, &fo, &m, &info, NULL);
        FUZZ_ASSERT(st == CLV_OK ? isfinite(m.param[0]) && m.param[0] > 0 : isnan(m.param[0]));
    } else if (st != CLV_OK) {
        FUZZ_ASSERT(t == NULL);
    }
    clv_cohort_table_free(t);
    clv_early_value_options eo = {period, unit, ages, nages, end};
    clv_early_value *ev = NULL;
    st = clv_early_value_build(log, &eo, &ev, NULL);
    if (st == CLV_OK) {
        for (size_t i = 0; i < ev->ncohorts * ev->nages; i++)
            FUZZ_ASSERT(isnan(ev->mean[i]) || (isfinite(ev->mean[i]) && ev->mean[i] >= 0));
    } else {
        FUZZ_ASSERT(ev == NULL);
    }
    clv_early_value_free(ev);
    clv_txlog_free(log);
    return 0;
}
