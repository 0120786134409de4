/*
 * test_alloc.c -- allocation failure (issue 10): every public function that
 * allocates is run once to count its allocations, then failed at its 1st,
 * 2nd, ... k-th allocation, once failing only that one and once failing it
 * and every later one.  Each time it must return CLV_ENOMEM, leave its
 * outputs in their documented failure state and never crash; leaks show in
 * the ASan/LSan pass of ./run test.  A function that stops allocating
 * (count 0) fails the test: the scenario list would then be stale.
 * Functions that never allocate are not listed: every prediction, the
 * economics, stats and catalogue, clv_sbg_loglik, clv_sbg_fit (a survival
 * curve needs no scratch) and clv_cohort_sbg.
 */
#define _XOPEN_SOURCE 700 /* mkstemp, fdopen */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clvkit/clvkit.h"
#include "clvkit/tally.h"
#include "core/alloc.h"

#include "check.h"
#include "refdata.h"

#define NCUST 300 /* CDNOW customers used by the fits: enough to fit */

static cbs_data cbs;
static clv_txlog *shared_log; /* input of the summaries and cohorts */
static char csv_path[] = "/tmp/clvkit_test_alloc_XXXXXX";
static const char csv_text[] = "\xEF\xBB\xBFid,date,amount\r\n"
                               "a,1997-01-01,10\r\n\"b,1\",19970102,2.5\r\n"
                               "a,1997-01-20,7\n\nc,1997-03-01,1e2\n"
                               "b,1997-03-02,0\n";

/* ---- helpers: the failure states ----------------------------------------- */

static int model_is_nan(const clv_model *m)
{
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        if (!isnan(m->param[i]))
            return 0;
    return 1;
}

#define FIT_OUTPUTS                 \
    clv_model m;                    \
    clv_fit_info info;              \
    clv_fault fault = {0, 0, NULL}; \
    memset(&m, 0, sizeof m)

#define CHECK_FIT_FAILED(name, st)                                  \
    do {                                                            \
        if ((st) != CLV_OK)                                         \
            CHECK(name ": model NaN on failure", model_is_nan(&m)); \
    } while (0)

#define CHECK_NAN_ON_FAILURE(name, st, v)             \
    do {                                              \
        if ((st) != CLV_OK)                           \
            CHECK(name ": NaN on failure", isnan(v)); \
    } while (0)

/* ---- scenarios: one public call each, failure state checked -------------- */

static clv_status s_txlog_create(void)
{
    clv_txlog *log = clv_txlog_create();
    clv_txlog_free(log);
    return log ? CLV_OK : CLV_ENOMEM;
}

/* Enough adds to grow every array and the id hash; on failure the log is
 * unchanged (rows so far), and usable: one more add after disarming. */
static clv_status s_txlog_add(void)
{
    clv_txlog *log = clv_txlog_create();
    if (!log)
        return CLV_ENOMEM;
    clv_status st = CLV_OK;
    size_t i;
    char id[16];
    for (i = 0; i < 200 && st == CLV_OK; i++) {
        int len = snprintf(id, sizeof id, "c%zu", i % 70);
        st = clv_txlog_add(log, id, (size_t)len, 10000 + (double)i, 1.5, NULL);
    }
    if (st != CLV_OK)
        CHECK("txlog_add: failed add leaves the log unchanged", clv_txlog_rows(log) == i - 1);
    clv_txlog_free(log);
    return st;
}

static clv_status s_txlog_add_number(void)
{
    clv_txlog *log = clv_txlog_create();
    if (!log)
        return CLV_ENOMEM;
    clv_status st = CLV_OK;
    size_t i;
    for (i = 0; i < 100 && st == CLV_OK; i++)
        st = clv_txlog_add_number(log, (double)(i % 40) + 0.5, 10000 + (double)i, 2, NULL);
    if (st != CLV_OK)
        CHECK("txlog_add_number: unchanged", clv_txlog_rows(log) == i - 1);
    clv_txlog_free(log);
    return st;
}

static clv_status s_txlog_from_arrays(void)
{
    const char *ids[] = {"a", "b", "a", "c", "d", "b"};
    double days[] = {10000, 10001, 10005, 10010, 10011, 10020};
    double amounts[] = {1, 2, 3, 4, 5, 6};
    clv_txlog *log = (clv_txlog *)&cbs; /* anything but NULL */
    clv_status st = clv_txlog_from_arrays(ids, days, amounts, 6, &log, NULL);
    if (st != CLV_OK)
        CHECK("txlog_from_arrays: NULL on failure", log == NULL);
    clv_txlog_free(log);
    return st;
}

static const clv_csv_options csv_opts = {"id", "date", "amount", ','};

static clv_status s_read_csv_buffer(void)
{
    clv_txlog *log = (clv_txlog *)&cbs;
    clv_csv_error err;
    clv_status st = clv_txlog_read_csv_buffer(csv_text, sizeof csv_text - 1, &csv_opts, &log, &err);
    if (st != CLV_OK)
        CHECK("read_csv_buffer: NULL and a reason on failure", log == NULL && err.reason != NULL);
    else
        CHECK("read_csv_buffer: rows", clv_txlog_rows(log) == 5);
    clv_txlog_free(log);
    return st;
}

static clv_status s_read_csv(void)
{
    clv_txlog *log = (clv_txlog *)&cbs;
    clv_csv_error err;
    clv_status st = clv_txlog_read_csv(csv_path, &csv_opts, NULL, NULL, &log, &err);
    if (st != CLV_OK)
        CHECK("read_csv: NULL on failure", log == NULL);
    clv_txlog_free(log);
    return st;
}

static clv_status s_rfm_summarize(void)
{
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    o.unit = CLV_UNIT_WEEK;
    o.calibration_end = 10226; /* 1997-12-31: CDNOW's calibration end */
    clv_rfm *rfm = (clv_rfm *)&cbs;
    clv_status st = clv_rfm_summarize(shared_log, &o, &rfm, NULL);
    if (st != CLV_OK)
        CHECK("rfm_summarize: NULL on failure", rfm == NULL);
    clv_rfm_free(rfm);
    return st;
}

/* A tally of CDNOW's rows: create, add, merge, columns, read (tally.h). */
static clv_status s_tally(void)
{
    clv_tally *a = clv_tally_create(3), *b = clv_tally_create(3), *c = NULL;
    clv_status st = a && b ? CLV_OK : CLV_ENOMEM;
    for (size_t i = 0; st == CLV_OK && i < cbs.n; i++) {
        double row[3] = {cbs.x[i], cbs.t_x[i], cbs.T[i]};
        st = clv_tally_add(i % 2 ? a : b, row, 1, NULL);
    }
    if (st == CLV_OK)
        st = clv_tally_merge(a, b);
    const double *col[3], *w;
    if (st == CLV_OK)
        st = clv_tally_columns(a, col, &w);
    unsigned char buf[4096];
    size_t size = clv_tally_size(b);
    if (st == CLV_OK && size <= sizeof buf && clv_tally_write(b, buf, size) == CLV_OK) {
        st = clv_tally_read(buf, size, &c);
        if (st != CLV_OK)
            CHECK("tally_read: NULL on failure", c == NULL);
    }
    clv_tally_free(a);
    clv_tally_free(b);
    clv_tally_free(c);
    return st;
}

/* The streamed summary: a CSV file straight into a sorted stream, another
 * any-order stream merged, saved, loaded back, summarised (rfm.h). */
static clv_status s_stream(void)
{
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    o.unit = CLV_UNIT_WEEK;
    clv_rfm_stream *a = NULL, *b = NULL, *c = (clv_rfm_stream *)&cbs;
    clv_rfm *r = (clv_rfm *)&cbs;
    clv_csv_error err;
    clv_status st = clv_rfm_stream_create(&o, CLV_STREAM_SORTED, &a, NULL);
    if (st == CLV_OK)
        st = clv_rfm_stream_read_csv(csv_path, &csv_opts, a, NULL, NULL, &err);
    if (st == CLV_OK)
        st = clv_rfm_stream_create(&o, CLV_STREAM_SORTED, &b, NULL);
    if (st == CLV_OK)
        st = clv_rfm_stream_add(b, "late", 4, 20000, 1, NULL);
    if (st == CLV_OK)
        st = clv_rfm_stream_merge(a, b, NULL);
    unsigned char buf[4096];
    size_t len = 0;
    if (st == CLV_OK)
        st = clv_rfm_stream_save(a, buf, sizeof buf, &len);
    if (st == CLV_OK) {
        st = clv_rfm_stream_load(buf, len, &c, NULL);
        if (st != CLV_OK)
            CHECK("stream_load: NULL on failure", c == NULL);
    } else {
        c = NULL;
    }
    if (st == CLV_OK) {
        st = clv_rfm_stream_summary(c, &r, NULL);
        if (st != CLV_OK)
            CHECK("stream_summary: NULL on failure", r == NULL);
        else
            clv_rfm_free(r);
    }
    clv_rfm_stream_free(a), clv_rfm_stream_free(b), clv_rfm_stream_free(c);
    return st;
}

static clv_status tx_fit(clv_model_kind kind)
{
    FIT_OUTPUTS;
    clv_status st = clv_tx_fit(kind, cbs.x, cbs.t_x, cbs.T, NULL, NCUST, CLV_UNIT_WEEK, NULL, &m,
                               &info, &fault);
    CHECK_FIT_FAILED("tx_fit", st);
    return st;
}
static clv_status s_fit_bgnbd(void)
{
    return tx_fit(CLV_MODEL_BGNBD);
}
static clv_status s_fit_mbgnbd(void)
{
    return tx_fit(CLV_MODEL_MBGNBD);
}
static clv_status s_fit_pnbd(void)
{
    return tx_fit(CLV_MODEL_PNBD);
}

static const clv_model bgnbd = {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK};
static const clv_model pnbd = {CLV_MODEL_PNBD, {0.553, 10.58, 0.606, 11.67}, CLV_UNIT_WEEK};
static const clv_model gg = {CLV_MODEL_GG, {6.25, 3.74, 15.44}, CLV_UNIT_NONE};
static const clv_model bgbb = {CLV_MODEL_BGBB, {1.204, 0.750, 0.657, 2.783}, CLV_UNIT_NONE};

static clv_status s_tx_loglik(void)
{
    double ll = 0;
    clv_status st = clv_tx_loglik(&bgnbd, cbs.x, cbs.t_x, cbs.T, NULL, NCUST, &ll, NULL);
    CHECK_NAN_ON_FAILURE("tx_loglik", st, ll);
    st = st != CLV_OK ? st : clv_tx_loglik(&pnbd, cbs.x, cbs.t_x, cbs.T, NULL, NCUST, &ll, NULL);
    CHECK_NAN_ON_FAILURE("tx_loglik pnbd", st, ll);
    return st;
}

static clv_status s_tx_stderr(void)
{
    double se[CLV_MODEL_MAXPARAMS] = {0};
    clv_status st = clv_tx_stderr(&bgnbd, cbs.x, cbs.t_x, cbs.T, NULL, NCUST, se, NULL);
    CHECK_NAN_ON_FAILURE("tx_stderr", st, se[0]);
    return st;
}

static clv_status s_gg_loglik(void)
{
    double ll = 0;
    clv_status st = clv_gg_loglik(&gg, cbs.x, cbs.m_x, NULL, NCUST, &ll, NULL);
    CHECK_NAN_ON_FAILURE("gg_loglik", st, ll);
    return st;
}

static clv_status s_gg_fit(void)
{
    FIT_OUTPUTS;
    clv_status st = clv_gg_fit(cbs.x, cbs.m_x, NULL, NCUST, NULL, &m, &info, &fault);
    CHECK_FIT_FAILED("gg_fit", st);
    return st;
}

/* Fader & Hardie (2007), the high-end customers of their Table 1. */
static const double alive[] = {1000, 869, 743, 653, 593, 551, 517, 491};
#define NALIVE (sizeof alive / sizeof alive[0])

static clv_status s_sbg_fit_lost(void)
{
    double lost[NALIVE - 1];
    for (size_t i = 0; i + 1 < NALIVE; i++)
        lost[i] = alive[i] - alive[i + 1];
    FIT_OUTPUTS;
    clv_status st = clv_sbg_fit_lost(lost, NALIVE - 1, alive[0], NULL, &m, &info, &fault);
    CHECK_FIT_FAILED("sbg_fit_lost", st);
    return st;
}

/* Fader, Hardie & Shang's donations: (x, t_x, n) with their counts. */
static double bx[32], bt[32], bn[32], bw[32];
static size_t NB;

static void load_donations(void)
{
    FILE *f = refdata_open("btyd_donationsSummary_rf_matrix.csv");
    char line[256];
    while (NB < 32 && fgets(line, sizeof line, f))
        NB += sscanf(line, "%lf,%lf,%lf,%lf", &bx[NB], &bt[NB], &bn[NB], &bw[NB]) == 4;
    fclose(f);
}

static clv_status s_bgbb_loglik(void)
{
    double ll = 0;
    clv_status st = clv_bgbb_loglik(&bgbb, bx, bt, bn, bw, NB, &ll, NULL);
    CHECK_NAN_ON_FAILURE("bgbb_loglik", st, ll);
    return st;
}

static clv_status s_bgbb_fit(void)
{
    FIT_OUTPUTS;
    clv_status st = clv_bgbb_fit(bx, bt, bn, bw, NB, NULL, &m, &info, &fault);
    CHECK_FIT_FAILED("bgbb_fit", st);
    return st;
}

static clv_status s_cohort_table(void)
{
    clv_cohort_options o = {CLV_UNIT_MONTH, NAN};
    clv_cohort_table *t = (clv_cohort_table *)&cbs;
    clv_status st = clv_cohort_table_build(shared_log, &o, &t, NULL);
    if (st != CLV_OK)
        CHECK("cohort_table_build: NULL on failure", t == NULL);
    clv_cohort_table_free(t);
    return st;
}

static clv_status s_early_value(void)
{
    const double ages[] = {7, 14, 30, 90};
    clv_early_value_options o = {CLV_UNIT_MONTH, CLV_UNIT_DAY, ages, 4, NAN};
    clv_early_value *ev = (clv_early_value *)&cbs;
    clv_status st = clv_early_value_build(shared_log, &o, &ev, NULL);
    if (st != CLV_OK)
        CHECK("early_value_build: NULL on failure", ev == NULL);
    clv_early_value_free(ev);
    return st;
}

static clv_status s_covariance(void)
{
    double se[CLV_MODEL_MAXPARAMS] = {0}, cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS];
    clv_status st = clv_tx_covariance(&pnbd, cbs.x, cbs.t_x, cbs.T, NULL, NCUST, se, cov, NULL);
    CHECK_NAN_ON_FAILURE("tx_covariance", st, se[0]);
    if (st == CLV_OK) {
        st = clv_gg_covariance(&gg, cbs.x, cbs.m_x, NULL, NCUST, se, cov, NULL);
        CHECK_NAN_ON_FAILURE("gg_covariance", st, cov[0][0]);
    }
    return st;
}

/* Whole-base conditional expectation (CDNOW's T repeat, so it indexes
 * the distinct (x, T)): every value NaN on failure. */
static clv_status s_conditional_many(void)
{
    static double out[NCUST];
    clv_status st = clv_tx_conditional_expected_many(&bgnbd, 39, cbs.x, cbs.t_x, cbs.T, NCUST, out,
                                                     NULL, NULL, NULL);
    for (size_t i = 0; i < NCUST && st != CLV_OK; i++)
        CHECK_NAN_ON_FAILURE("conditional_expected_many", st, out[i]);
    return st;
}

/* ---- diagnostics and intervals (issue 12) -------------------------------- */

static clv_status s_tracking(void)
{
    clv_tracking *tr = (clv_tracking *)&cbs; /* must be overwritten */
    clv_status st = clv_tracking_log(&bgnbd, shared_log, 1, 0, NAN, &tr, NULL);
    if (st != CLV_OK)
        CHECK("tracking_log: NULL on failure", tr == NULL);
    clv_tracking_free(tr);
    return st;
}

static clv_status s_period_counts(void)
{
    double actual[8], expected[8];
    clv_status st = CLV_OK;
    for (int k = 0; k < 2 && st == CLV_OK; k++) {
        st = clv_period_counts(k ? &pnbd : &bgnbd, cbs.x, cbs.T, NULL, NCUST, 7, actual, expected,
                               NULL);
        CHECK_NAN_ON_FAILURE("period_counts", st, expected[0]);
    }
    return st;
}

/* Five replicates on one thread (the failure hook is per thread), with
 * spend, then the intervals read off it. */
static clv_status s_bootstrap(void)
{
    clv_bootstrap_options o = {5, 11, 1, NULL, NULL};
    clv_bootstrap *b = (clv_bootstrap *)&cbs;
    clv_status st = clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, cbs.m_x, NCUST,
                                      CLV_UNIT_WEEK, &o, &b, NULL);
    if (st != CLV_OK) {
        CHECK("bootstrap_fit: NULL on failure", b == NULL);
        return st;
    }
    clv_interval tx[CLV_MODEL_MAXPARAMS], gi[CLV_MODEL_MAXPARAMS], one;
    st = clv_param_intervals_bootstrap(b, 0.9, tx, gi, NULL);
    CHECK_NAN_ON_FAILURE("param_intervals_bootstrap", st, tx[0].lower);
    if (st == CLV_OK) {
        clv_prediction p = {CLV_PRED_PALIVE, 0, 0, 0, cbs.x, cbs.t_x, cbs.T, NULL, 1};
        st = clv_interval_bootstrap(b, &p, 0.9, &one, NULL);
        CHECK_NAN_ON_FAILURE("interval_bootstrap", st, one.lower);
    }
    clv_bootstrap_free(b);
    return st;
}

typedef struct {
    const char *name;
    clv_status (*run)(void);
} scenario;

static const scenario scenarios[] = {
    {"clv_txlog_create", s_txlog_create},
    {"clv_txlog_add", s_txlog_add},
    {"clv_txlog_add_number", s_txlog_add_number},
    {"clv_txlog_from_arrays", s_txlog_from_arrays},
    {"clv_txlog_read_csv_buffer", s_read_csv_buffer},
    {"clv_txlog_read_csv", s_read_csv},
    {"clv_rfm_summarize", s_rfm_summarize},
    {"clv_rfm_stream_*", s_stream},
    {"clv_tx_fit bgnbd", s_fit_bgnbd},
    {"clv_tx_fit mbgnbd", s_fit_mbgnbd},
    {"clv_tx_fit pnbd", s_fit_pnbd},
    {"clv_tx_loglik", s_tx_loglik},
    {"clv_tx_stderr", s_tx_stderr},
    {"clv_gg_loglik", s_gg_loglik},
    {"clv_gg_fit", s_gg_fit},
    {"clv_sbg_fit_lost", s_sbg_fit_lost},
    {"clv_bgbb_loglik", s_bgbb_loglik},
    {"clv_bgbb_fit", s_bgbb_fit},
    {"clv_cohort_table_build", s_cohort_table},
    {"clv_tally_*", s_tally},
    {"clv_early_value_build", s_early_value},
    {"clv_tx/gg_covariance", s_covariance},
    {"clv_tx_conditional_expected_many", s_conditional_many},
    {"clv_tracking_log", s_tracking},
    {"clv_period_counts", s_period_counts},
    {"clv_bootstrap_fit + intervals", s_bootstrap},
};

/* Counts a scenario's allocations, then fails each in both modes.  Returns
 * the number of allocations. */
static long exercise(const scenario *s)
{
    clv_alloc_fail_after(-1, 0);
    clv_status st = s->run();
    long n = clv_alloc_fail_after(-1, 0);
    char what[160];
    snprintf(what, sizeof what, "%s succeeds unhooked", s->name);
    CHECK_STATUS(what, st, CLV_OK);
    snprintf(what, sizeof what, "%s allocates (else drop it from the list)", s->name);
    CHECK(what, n > 0);
    for (int sticky = 0; sticky <= 1; sticky++)
        for (long k = 0; k < n; k++) {
            clv_alloc_fail_after(k, sticky);
            st = s->run();
            clv_alloc_fail_after(-1, 0);
            snprintf(what, sizeof what, "%s, allocation %ld of %ld failed%s", s->name, k + 1, n,
                     sticky ? " (and all later)" : "");
            CHECK_STATUS(what, st, CLV_ENOMEM);
        }
    printf("%-28s %5ld allocations, each failed twice\n", s->name, n);
    return n;
}

int main(void)
{
    load_cbs(&cbs);
    load_donations();
    int fd = mkstemp(csv_path);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f || fwrite(csv_text, 1, sizeof csv_text - 1, f) != sizeof csv_text - 1 ||
        fclose(f) != 0) {
        fprintf(stderr, "FATAL: cannot write %s\n", csv_path);
        return 2;
    }
    clv_csv_options eo = {"masterid", "date", "sales", ','};
    clv_csv_error err;
    if (clv_txlog_read_csv(refdata_path("btyd_cdnowElog.csv"), &eo, NULL, NULL, &shared_log,
                           &err) != CLV_OK) {
        fprintf(stderr, "FATAL: cannot read the CDNOW log\n");
        return 2;
    }
    size_t nfun = sizeof scenarios / sizeof scenarios[0];
    long total = 0;
    for (size_t i = 0; i < nfun; i++)
        total += exercise(&scenarios[i]);
    printf("%zu scenarios, %ld allocations, each failed alone and with all "
           "later ones\n",
           nfun, total);
    clv_txlog_free(shared_log);
    remove(csv_path);
    return check_report("test_alloc");
}
