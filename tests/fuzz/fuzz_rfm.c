/*
 * fuzz_rfm.c -- dates (text and YYYYMMDD numbers, serial days, day <->
 * date) and the RFM summary of an arbitrary log under arbitrary options.
 * Input: a serial day, a date text length, the options (unit, calibration
 * end, holdout end), then CSV text (id,date,amount) for the log.
 */
#include "clvkit/clvkit.h"
#include "fuzz.h"

static void dates(fz *in)
{
    double serial = fz_double(in), day = NAN;
    clv_status st = clv_day_from_serial(serial, &day);
    FUZZ_OK_FINITE(st, day);
    FUZZ_FAIL_NAN(st, day);
    int y = -1, m = -1, d = -1;
    double back = NAN;
    if (st == CLV_OK) {
        FUZZ_ASSERT(clv_day_to_ymd(day, &y, &m, &d) == CLV_OK);
        FUZZ_ASSERT(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
        FUZZ_ASSERT(clv_day_from_ymd(y, m, d, &back) == CLV_OK && back == day);
    }
    /* a date text: parsed days are real dates that print back the same */
    size_t len = fz_byte(in) % 16;
    if (len > in->n)
        len = in->n;
    st = clv_day_parse((const char *)in->p, len, &day);
    FUZZ_FAIL_NAN(st, day);
    if (st == CLV_OK) {
        FUZZ_ASSERT(clv_day_to_ymd(day, &y, &m, &d) == CLV_OK);
        char text[16];
        snprintf(text, sizeof text, len == 8 ? "%04d%02d%02d" : "%04d-%02d-%02d", y, m, d);
        FUZZ_ASSERT(strlen(text) == len && memcmp(text, in->p, len) == 0);
    }
    in->p += len;
    in->n -= len;
}

static void check_summary(const clv_rfm *s)
{
    FUZZ_ASSERT(s->n > 0 && s->transactions <= s->rows);
    for (size_t i = 0; i < s->n; i++) {
        FUZZ_ASSERT(s->x[i] >= 0 && s->x[i] == floor(s->x[i]));
        FUZZ_ASSERT(s->t_x[i] >= 0 && s->t_x[i] <= s->T[i]);
        FUZZ_ASSERT(isfinite(s->T[i]));
        FUZZ_ASSERT(s->x[i] > 0 || s->t_x[i] == 0);
        FUZZ_ASSERT(isfinite(s->mean_value[i]) && s->mean_value[i] >= 0);
        FUZZ_ASSERT(s->x_holdout[i] >= 0 && isfinite(s->value_holdout[i]) &&
                    s->value_holdout[i] >= 0);
        FUZZ_ASSERT(s->id[i] && s->id_len[i] > 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz in = {data, size};
    dates(&in);
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    o.unit = (clv_time_unit)(fz_byte(&in) % 6);
    unsigned which = fz_byte(&in);
    if (which & 1)
        o.calibration_end = fz_double(&in);
    if (which & 2)
        o.holdout_end = fz_double(&in);
    clv_csv_options co = {"id", "date", "amount", ','};
    clv_txlog *log = NULL;
    if (clv_txlog_read_csv_buffer((const char *)in.p, in.n, &co, &log, NULL) != CLV_OK)
        return 0;
    clv_rfm *s = NULL;
    clv_fault fault = {0, 0, NULL};
    clv_status st = clv_rfm_summarize(log, &o, &s, &fault);
    if (st == CLV_OK)
        check_summary(s);
    else
        FUZZ_ASSERT(s == NULL && fault.reason != NULL);
    clv_rfm_free(s);
    clv_txlog_free(log);
    return 0;
}
