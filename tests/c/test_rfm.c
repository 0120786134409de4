/*
 * test_rfm.c -- time units, calendar days, the transaction log, the CSV
 * reader and the RFM summary: CDNOW's event log must give BTYD's summary
 * exactly (2357 customers, 946 repeat buyers, sum x = 2457, 1882 holdout
 * transactions), a hand-built log the values worked out in the comments,
 * and every malformed line its line number.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"
#include "refdata.h"

static void test_units(void)
{
    static const struct {
        const char *name, *plural;
        clv_time_unit u;
        double days;
    } units[] = {{"day", "days", CLV_UNIT_DAY, 1},
                 {"week", "weeks", CLV_UNIT_WEEK, 7},
                 {"month", "months", CLV_UNIT_MONTH, 30.4375},
                 {"year", "years", CLV_UNIT_YEAR, 365.25}};
    for (int i = 0; i < 4; i++) {
        clv_time_unit u;
        CHECK_STATUS("parse", clv_time_unit_parse(units[i].name, &u), CLV_OK);
        CHECK("parse", u == units[i].u);
        CHECK_STATUS("plural", clv_time_unit_parse(units[i].plural, &u), CLV_OK);
        CHECK("plural", u == units[i].u);
        CHECK("days", clv_time_unit_days(units[i].u) == units[i].days);
        CHECK("name", !strcmp(clv_time_unit_name(units[i].u), units[i].name));
    }
    clv_time_unit u;
    CHECK_STATUS("unknown unit", clv_time_unit_parse("fortnight", &u), CLV_EINVAL);
    CHECK("unknown -> NONE", u == CLV_UNIT_NONE);
    CHECK_STATUS("NULL unit", clv_time_unit_parse(NULL, &u), CLV_EINVAL);
    CHECK("NONE has no length",
          isnan(clv_time_unit_days(CLV_UNIT_NONE)) && isnan(clv_time_unit_days((clv_time_unit)9)));
    CHECK("none", !strcmp(clv_time_unit_name((clv_time_unit)9), "none"));
}

static void test_days(void)
{
    double d;
    /* Python's date arithmetic: 1997-09-30 is day 10134, 2000-01-01 10957 */
    CHECK_STATUS("ymd", clv_day_from_ymd(1970, 1, 1, &d), CLV_OK);
    CHECK("epoch", d == 0);
    clv_day_from_ymd(1997, 9, 30, &d);
    CHECK("1997-09-30", d == 10134);
    clv_day_from_ymd(2000, 1, 1, &d);
    CHECK("2000-01-01", d == 10957);
    clv_day_from_ymd(1, 1, 1, &d);
    CHECK("0001-01-01", d == -719162);
    clv_day_from_ymd(9999, 12, 31, &d);
    CHECK("9999-12-31", d == 2932896);
    CHECK_STATUS("2000-02-29", clv_day_from_ymd(2000, 2, 29, &d), CLV_OK);
    static const int bad[][3] = {{1997, 2, 29}, {1900, 2, 29}, {0, 1, 1},   {10000, 1, 1},
                                 {1997, 13, 1}, {1997, 4, 31}, {1997, 1, 0}};
    for (int i = 0; i < 7; i++) {
        CHECK_STATUS("no such date", clv_day_from_ymd(bad[i][0], bad[i][1], bad[i][2], &d),
                     CLV_EDOM);
        CHECK("NaN", isnan(d));
    }
    /* every 997th day from year 1 to 9999 goes there and back */
    int ok = 1;
    for (double z = -719162; z <= 2932896; z += 997) {
        int y, m, dd;
        double back;
        ok &= clv_day_to_ymd(z + 0.75, &y, &m, &dd) == CLV_OK &&
              clv_day_from_ymd(y, m, dd, &back) == CLV_OK && back == z;
    }
    CHECK("days round-trip", ok);
    int y, m, dd;
    CHECK_STATUS("to_ymd NaN", clv_day_to_ymd(NAN, &y, &m, &dd), CLV_EINVAL);
    CHECK_STATUS("to_ymd far", clv_day_to_ymd(3e6, &y, &m, &dd), CLV_EDOM);
    CHECK_STATUS("to_ymd NULL", clv_day_to_ymd(0, NULL, &m, &dd), CLV_EINVAL);
    /* parsing */
    CHECK_STATUS("ISO", clv_day_parse("1997-09-30", 10, &d), CLV_OK);
    CHECK("ISO", d == 10134);
    CHECK_STATUS("YYYYMMDD", clv_day_parse("19970930xyz", 8, &d), CLV_OK);
    CHECK("YYYYMMDD", d == 10134);
    static const char *bads[] = {"1997-9-30",  "1997/09/30", "19970931",
                                 "",           "abcd-ef-gh", "1997-09-30 ",
                                 "+1997-09-3", "1997-02-29", "199709300"};
    for (int i = 0; i < 9; i++) {
        CHECK_STATUS(bads[i], clv_day_parse(bads[i], strlen(bads[i]), &d), CLV_EFORMAT);
        CHECK("NaN", isnan(d));
    }
    CHECK_STATUS("NULL text", clv_day_parse(NULL, 3, &d), CLV_EINVAL);
    /* Calc serial 35703 = 1997-09-30 (serial 25569 is 1970-01-01) */
    CHECK_STATUS("serial", clv_day_from_serial(35703.75, &d), CLV_OK);
    CHECK("serial", d == 10134);
    CHECK_STATUS("serial NaN", clv_day_from_serial(NAN, &d), CLV_EINVAL);
    CHECK_STATUS("serial far", clv_day_from_serial(1e9, &d), CLV_EDOM);
}

static void test_txlog(void)
{
    clv_txlog *log = clv_txlog_create();
    clv_fault f;
    CHECK_STATUS("add", clv_txlog_add(log, "a", 1, 5.9, 10, &f), CLV_OK);
    CHECK_STATUS("number id", clv_txlog_add_number(log, 17, 6, 1, &f), CLV_OK);
    CHECK_STATUS("text id", clv_txlog_add(log, "17", 2, 7, 1, &f), CLV_OK);
    CHECK_STATUS("fraction id", clv_txlog_add_number(log, 2.5, 7, 1, &f), CLV_OK);
    CHECK_STATUS("id with NUL", clv_txlog_add(log, "x\0y", 3, 8, 0, &f), CLV_OK);
    CHECK("17 and \"17\" are one customer",
          clv_txlog_rows(log) == 5 && clv_txlog_customers(log) == 4);
    CHECK("first/last day (cut to days)",
          clv_txlog_first_day(log) == 5 && clv_txlog_last_day(log) == 8);
    static const struct {
        const char *what;
        const char *id;
        size_t len;
        double day, amount;
        clv_status want;
        size_t arg;
    } bad[] = {
        {"empty id", "", 0, 1, 1, CLV_EINVAL, 2},
        {"NULL id", NULL, 1, 1, 1, CLV_EINVAL, 1},
        {"day NaN", "a", 1, NAN, 1, CLV_EINVAL, 3},
        {"day far", "a", 1, 1e8, 1, CLV_EDOM, 3},
        {"amount < 0", "a", 1, 1, -1, CLV_EDOM, 4},
        {"amount inf", "a", 1, 1, INFINITY, CLV_EINVAL, 4},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_STATUS(bad[i].what,
                     clv_txlog_add(log, bad[i].id, bad[i].len, bad[i].day, bad[i].amount, &f),
                     bad[i].want);
        CHECK("argument named", f.arg == bad[i].arg);
    }
    CHECK_STATUS("number id NaN", clv_txlog_add_number(log, NAN, 1, 1, &f), CLV_EINVAL);
    CHECK_STATUS("number id: amount", clv_txlog_add_number(log, 1, 1, -2, &f), CLV_EDOM);
    CHECK("amount named", f.arg == 3);
    CHECK("nothing added by failures", clv_txlog_rows(log) == 5);
    CHECK_STATUS("NULL log", clv_txlog_add(NULL, "a", 1, 1, 1, &f), CLV_EINVAL);
    CHECK("NULL log: 0 rows, NaN days",
          clv_txlog_rows(NULL) == 0 && isnan(clv_txlog_first_day(NULL)));
    clv_txlog_free(log);
    clv_txlog_free(NULL);

    const char *ids[3] = {"a", "", "c"};
    double days[3] = {1, 2, 3}, amounts[3] = {1, 2, 3};
    CHECK_STATUS("arrays: empty id", clv_txlog_from_arrays(ids, days, amounts, 3, &log, &f),
                 CLV_EINVAL);
    CHECK("row named", f.arg == 0 && f.element == 1 && log == NULL);
    ids[1] = "b";
    days[2] = NAN;
    CHECK_STATUS("arrays: day NaN", clv_txlog_from_arrays(ids, days, amounts, 3, &log, &f),
                 CLV_EINVAL);
    CHECK("row named", f.arg == 1 && f.element == 2);
    days[2] = 3;
    CHECK_STATUS("arrays: n = 0", clv_txlog_from_arrays(ids, days, amounts, 0, &log, &f),
                 CLV_EINVAL);
    CHECK_STATUS("arrays", clv_txlog_from_arrays(ids, days, NULL, 3, &log, &f), CLV_OK);
    CHECK("arrays", clv_txlog_customers(log) == 3);
    clv_txlog_free(log);
}

/* ---- the RFM summary by hand --------------------------------------------- */

static void test_rfm_by_hand(void)
{
    /* A: day 0 (10 + 5, one transaction), 7 (20), 14 (30); holdout 21 (40)
     *    and 100 (50, after the holdout end 50).
     * B: first buys on day 20, after the calibration end 14: left out.
     * C: one purchase on day 3. */
    const char *ids[] = {"A", "B", "A", "C", "A", "A", "A", "A"};
    double days[] = {0, 20, 0, 3, 14, 7, 21, 100};
    double amounts[] = {10, 99, 5, 8, 30, 20, 40, 50};
    clv_txlog *log;
    CHECK_STATUS("log", clv_txlog_from_arrays(ids, days, amounts, 8, &log, NULL), CLV_OK);
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    CHECK("options init",
          o.unit == CLV_UNIT_NONE && isnan(o.calibration_end) && isnan(o.holdout_end));
    o.unit = CLV_UNIT_WEEK;
    o.calibration_end = 14;
    o.holdout_end = 50;
    clv_rfm *s;
    CHECK_STATUS("summary", clv_rfm_summarize(log, &o, &s, NULL), CLV_OK);
    CHECK("two customers, one late", s->n == 2 && s->late_customers == 1);
    CHECK("order of first appearance",
          !strcmp(s->id[0], "A") && !strcmp(s->id[1], "C") && s->id_len[1] == 1);
    CHECK("A: x = 2 (days 7, 14)", s->x[0] == 2);
    CHECK("A: t_x = 2 weeks, T = 2 weeks", s->t_x[0] == 2 && s->T[0] == 2);
    CHECK("A: mean of 20 and 30", s->mean_value[0] == 25);
    CHECK("A: holdout 1 (day 21), value 40", s->x_holdout[0] == 1 && s->value_holdout[0] == 40);
    CHECK("C: nothing repeated", s->x[1] == 0 && s->t_x[1] == 0 && s->mean_value[1] == 0);
    CHECK_CLOSE("C: T = 11 days", s->T[1], 11.0 / 7, 1e-15);
    CHECK("counts",
          s->rows == 8 && s->transactions == 6 && s->calibration_end == 14 && s->holdout_end == 50);
    clv_rfm_free(s);
    /* defaults: the calibration ends on the log's last day, no holdout */
    o.unit = CLV_UNIT_DAY;
    o.calibration_end = NAN;
    o.holdout_end = NAN;
    clv_rfm_summarize(log, &o, &s, NULL);
    CHECK("default end", s->n == 3 && s->calibration_end == 100 && isnan(s->holdout_end));
    CHECK("A in days: x = 4, t_x = T = 100", s->x[0] == 4 && s->t_x[0] == 100 && s->T[0] == 100);
    CHECK("A: mean of 20, 30, 40, 50", s->mean_value[0] == 35);
    clv_rfm_free(s);
    o.unit = CLV_UNIT_YEAR;
    clv_rfm_summarize(log, &o, &s, NULL);
    CHECK_CLOSE("years", s->T[0], 100 / 365.25, 1e-15);
    clv_rfm_free(s);
    o.unit = CLV_UNIT_MONTH;
    clv_rfm_summarize(log, &o, &s, NULL);
    CHECK_CLOSE("months", s->T[0], 100 / 30.4375, 1e-15);
    clv_rfm_free(s);

    /* errors */
    clv_fault f;
    o.unit = CLV_UNIT_NONE;
    CHECK_STATUS("no unit", clv_rfm_summarize(log, &o, &s, &f), CLV_EINVAL);
    CHECK("unit named", s == NULL && f.arg == 1 && f.element == 0);
    o.unit = CLV_UNIT_WEEK;
    o.calibration_end = INFINITY;
    CHECK_STATUS("end inf", clv_rfm_summarize(log, &o, &s, &f), CLV_EINVAL);
    CHECK("end named", f.element == 1);
    o.calibration_end = 14;
    o.holdout_end = 10;
    CHECK_STATUS("holdout before", clv_rfm_summarize(log, &o, &s, &f), CLV_EDOM);
    CHECK("holdout named", f.element == 2);
    o.holdout_end = NAN;
    o.calibration_end = -5;
    CHECK_STATUS("nobody yet", clv_rfm_summarize(log, &o, &s, &f), CLV_EDOM);
    CHECK_STATUS("NULL log", clv_rfm_summarize(NULL, &o, &s, &f), CLV_EINVAL);
    CHECK_STATUS("NULL out", clv_rfm_summarize(log, &o, NULL, &f), CLV_EINVAL);
    clv_txlog *empty = clv_txlog_create();
    o.calibration_end = NAN;
    CHECK_STATUS("empty log", clv_rfm_summarize(empty, &o, &s, &f), CLV_EDOM);
    clv_txlog_free(empty);
    clv_txlog_free(log);
    clv_rfm_free(NULL);
}

/* ---- CSV
 * -----------------------------------------------------------------------------
 */

static const char *write_file(const char *text)
{
    static const char *name = "test_rfm_tmp.csv";
    FILE *f = fopen(name, "wb");
    fputs(text, f);
    fclose(f);
    return name;
}

static void test_csv_good(void)
{
    /* quotes, CRLF, blank lines, extra columns, both date forms, a name
     * with a separator in it */
    const char *path = write_file("extra,\"cust\",when,value\r\n"
                                  "x,\"a,b\",1997-01-01,10.5\r\n"
                                  "\r\n"
                                  "y,\"a,b\",19970108,\"4.50\"\r\n"
                                  "z, c ,1997-01-02,  1e1  \n"
                                  "w,\"q\"\"uote\",1997-01-03,0\n");
    clv_csv_options o = {"cust", "when", "value", 0};
    clv_txlog *log;
    clv_csv_error e = {0, 0, NULL};
    CHECK_STATUS("good file", clv_txlog_read_csv(path, &o, NULL, NULL, &log, &e), CLV_OK);
    CHECK("4 rows, 3 customers", clv_txlog_rows(log) == 4 && clv_txlog_customers(log) == 3);
    clv_rfm_options ro;
    clv_rfm_options_init(&ro);
    ro.unit = CLV_UNIT_DAY;
    clv_rfm *s;
    clv_rfm_summarize(log, &ro, &s, NULL);
    CHECK("\"a,b\": x = 1 at day 7, value 4.5",
          !strcmp(s->id[0], "a,b") && s->x[0] == 1 && s->t_x[0] == 7 && s->mean_value[0] == 4.5);
    CHECK("spaces trimmed, 1e1 read", !strcmp(s->id[1], "c"));
    CHECK("doubled quote", !strcmp(s->id[2], "q\"uote"));
    clv_rfm_free(s);
    clv_txlog_free(log);
    /* semicolons, no amount column */
    path = write_file("id;d\n1;1997-01-01\n2;1997-01-05\n1;1997-02-01\n");
    clv_csv_options o2 = {"id", "d", NULL, ';'};
    CHECK_STATUS("semicolons", clv_txlog_read_csv(path, &o2, NULL, NULL, &log, &e), CLV_OK);
    CHECK("semicolons", clv_txlog_rows(log) == 3 && clv_txlog_customers(log) == 2);
    clv_txlog_free(log);
}

/* A progress callback that stops at its call number stop (0: never). */
typedef struct {
    int calls, stop;
    size_t rows;
    double fraction;
} read_counter;

static int count_read(void *data, size_t rows, double fraction)
{
    read_counter *c = data;
    c->rows = rows;
    c->fraction = fraction;
    return ++c->calls == c->stop;
}

/* clv_txlog_read_csv's progress: every row reported, ending at 1; a stop
 * gives CLV_ENOCONV and no log (ASan's leak check runs this too). */
static void test_csv_progress(void)
{
    clv_csv_options o = {"customer", "date", NULL, 0};
    const char *path = write_file("customer,date\na,1997-01-01\nb,1997-01-02\na,1997-01-09\n");
    read_counter go = {0, 0, 0, 0};
    clv_txlog *log = NULL;
    CHECK_STATUS("read with progress", clv_txlog_read_csv(path, &o, count_read, &go, &log, NULL),
                 CLV_OK);
    CHECK("3 rows reported, fraction 1 at the end",
          go.calls >= 1 && go.rows == 3 && go.fraction == 1);
    clv_txlog_free(log);
    read_counter stop = {0, 1, 0, 0};
    log = (clv_txlog *)&stop; /* must be overwritten */
    clv_csv_error e = {0, 0, NULL};
    CHECK_STATUS("stopped read", clv_txlog_read_csv(path, &o, count_read, &stop, &log, &e),
                 CLV_ENOCONV);
    CHECK("no log after a stop", log == NULL && e.reason != NULL);
}

static void test_csv_bad(void)
{
    static const struct {
        const char *what, *text;
        clv_status want;
        size_t line, column;
    } cases[] = {
        {"bad date", "c,d,a\n1,1997-01-01,1\n2,1997-01-02,2\n3,1997-13-01,3\n", CLV_EFORMAT, 4, 2},
        {"too few fields", "c,d,a\n1,1997-01-01,1\n\n2,1997-01-02\n", CLV_EFORMAT, 4, 3},
        {"empty id", "c,d,a\n,1997-01-01,1\n", CLV_EFORMAT, 2, 1},
        {"decimal comma", "c,d,a\n1,1997-01-01,\"12,5\"\n", CLV_EFORMAT, 2, 3},
        {"not a number", "c,d,a\n1,1997-01-01,12x\n", CLV_EFORMAT, 2, 3},
        {"empty amount", "c,d,a\n1,1997-01-01,\n", CLV_EFORMAT, 2, 3},
        {"negative amount", "c,d,a\n1,1997-01-01,-3\n", CLV_EDOM, 2, 3},
        {"text after a quote", "c,d,a\n\"1\"x,1997-01-01,1\n", CLV_EFORMAT, 2, 1},
        {"open quote", "c,d,a\n1,1997-01-01,1\n\"2,1997-01-01,1\n", CLV_EFORMAT, 3, 1},
        {"no such column", "customer,d,a\n1,1997-01-01,1\n", CLV_EFORMAT, 1, 0},
        {"empty file", "\n\n", CLV_EFORMAT, 0, 0},
    };
    clv_csv_options o = {"c", "d", "a", ','};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = write_file(cases[i].text);
        clv_txlog *log = (clv_txlog *)&o; /* must be reset to NULL */
        clv_csv_error e = {99, 99, NULL};
        CHECK_STATUS(cases[i].what, clv_txlog_read_csv(path, &o, NULL, NULL, &log, &e),
                     cases[i].want);
        if (!CHECK(cases[i].what, log == NULL && e.line == cases[i].line &&
                                      e.column == cases[i].column && e.reason))
            fprintf(stderr, "  line %zu column %zu: %s\n", e.line, e.column,
                    e.reason ? e.reason : "(none)");
    }
    clv_txlog *log;
    clv_csv_error e;
    CHECK_STATUS("no file", clv_txlog_read_csv("/nonexistent/x.csv", &o, NULL, NULL, &log, &e),
                 CLV_EIO);
    CHECK_STATUS("NULL opts", clv_txlog_read_csv("x", NULL, NULL, NULL, &log, &e), CLV_EINVAL);
    clv_csv_options no_date = {"c", NULL, "a", ','};
    CHECK_STATUS("no date column name", clv_txlog_read_csv("x", &no_date, NULL, NULL, &log, &e),
                 CLV_EINVAL);
    clv_csv_options bad_sep = {"c", "d", "a", '|'};
    CHECK_STATUS("bad separator", clv_txlog_read_csv("x", &bad_sep, NULL, NULL, &log, &e),
                 CLV_EINVAL);
    remove("test_rfm_tmp.csv");
}

/* CDNOW: btyd_cdnowElog.csv gives btyd_cdnowSummary_cbs.csv exactly. */
static void test_cdnow(void)
{
    static cbs_data cbs;
    load_cbs(&cbs);
    clv_csv_options o = {"sampleid", "date", "sales", ','};
    clv_txlog *log;
    clv_csv_error e = {0, 0, NULL};
    CHECK_STATUS("read elog",
                 clv_txlog_read_csv(refdata_path("btyd_cdnowElog.csv"), &o, NULL, NULL, &log, &e),
                 CLV_OK);
    CHECK("6919 rows", clv_txlog_rows(log) == 6919);
    clv_rfm_options ro;
    clv_rfm_options_init(&ro);
    ro.unit = CLV_UNIT_WEEK;
    clv_day_from_ymd(1997, 9, 30, &ro.calibration_end);
    clv_day_from_ymd(1998, 6, 30, &ro.holdout_end);
    clv_rfm *s;
    CHECK_STATUS("summary", clv_rfm_summarize(log, &ro, &s, NULL), CLV_OK);
    CHECK("2357 customers", s->n == 2357 && cbs.n == 2357 && s->late_customers == 0);
    double sx = 0, sh = 0;
    size_t repeat = 0, same = 0;
    for (size_t i = 0; i < s->n && i < cbs.n; i++) {
        sx += s->x[i];
        sh += s->x_holdout[i];
        repeat += s->x[i] > 0;
        same += !strcmp(s->id[i], cbs.id[i]) && s->x[i] == cbs.x[i] &&
                fabs(s->t_x[i] - cbs.t_x[i]) <= 1e-12 * cbs.T[i] &&
                fabs(s->T[i] - cbs.T[i]) <= 1e-12 * cbs.T[i] && s->x_holdout[i] == cbs.x_star[i] &&
                fabs(s->mean_value[i] - cbs.m_x[i]) <= 1e-9;
    }
    CHECK("946 repeat buyers", repeat == 946);
    CHECK("sum x = 2457", sx == 2457);
    CHECK("1882 holdout transactions", sh == 1882);
    if (!CHECK("every customer as in BTYD's summary", same == 2357))
        fprintf(stderr, "  %zu of 2357 agree\n", same);
    clv_rfm_free(s);
    clv_txlog_free(log);
    /* the whole cohort, whitespace-aligned with CRLF line ends */
    clv_csv_options w = {"customer_id", "date", "dollar_value", ' '};
    CHECK_STATUS(
        "read master",
        clv_txlog_read_csv(refdata_path("lifetimes_CDNOW_master.txt"), &w, NULL, NULL, &log, &e),
        CLV_OK);
    CHECK("69659 rows, 23570 customers",
          clv_txlog_rows(log) == 69659 && clv_txlog_customers(log) == 23570);
    clv_txlog_free(log);
}

/* Amounts whose sum passes DBL_MAX still have a mean (by hand: 1e308). */
static void test_huge_amounts(void)
{
    const char *ids[] = {"a", "a", "a"};
    const double days[] = {0, 1, 2}, amounts[] = {1e308, 1e308, 1e308};
    clv_txlog *log = NULL;
    CHECK_STATUS("huge log", clv_txlog_from_arrays(ids, days, amounts, 3, &log, NULL), CLV_OK);
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    o.unit = CLV_UNIT_DAY;
    clv_rfm *r = NULL;
    CHECK_STATUS("huge summary", clv_rfm_summarize(log, &o, &r, NULL), CLV_OK);
    if (r) {
        CHECK("two repeat days", r->x[0] == 2);
        CHECK_CLOSE("mean of 1e308s", r->mean_value[0], 1e308, 1e293);
    }
    clv_rfm_free(r);
    clv_txlog_free(log);
}

int main(void)
{
    test_units();
    test_huge_amounts();
    test_days();
    test_txlog();
    test_rfm_by_hand();
    test_csv_good();
    test_csv_progress();
    test_csv_bad();
    test_cdnow();
    return check_report("test_rfm");
}
