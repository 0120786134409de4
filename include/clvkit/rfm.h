/*
 * clvkit/rfm.h -- from a transaction log to what the predictive models eat:
 * time units, calendar days, the transaction log (built in memory or read
 * from CSV) and the RFM summary per customer (x, t_x, T, mean value,
 * holdout counts).
 *
 * Conventions:
 *  - A day is a whole number of days since 1970-01-01 (day 0), held in a
 *    double.  Fractional days (a time of day) are cut to the day they fall
 *    in.  Spreadsheet serial dates convert with clv_day_from_serial().
 *  - Time in the summary is in an explicit unit: day, week (7 days), month
 *    (30.4375 days = 365.25/12) or year (365.25 days).  Never implied.
 *  - Purchases by one customer on one day are one transaction (amounts
 *    summed), as in Fader & Hardie's CDNOW summary and BTYD.
 *  - Errors follow status.h: a status, results through out-parameters,
 *    NaN (or NULL for objects) on failure, an optional clv_fault naming the
 *    bad argument.
 */
#ifndef CLVKIT_RFM_H
#define CLVKIT_RFM_H

#include <stddef.h>

#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Time units and days ------------------------------------------------- */

typedef enum clv_time_unit {
    CLV_UNIT_NONE = 0, /* no unit: "the model's own unit", or unset */
    CLV_UNIT_DAY = 1,
    CLV_UNIT_WEEK = 2,  /* 7 days */
    CLV_UNIT_MONTH = 3, /* 30.4375 days (an average Gregorian month) */
    CLV_UNIT_YEAR = 4   /* 365.25 days */
} clv_time_unit;

/* Length of a unit in days: 1, 7, 30.4375, 365.25; NaN for CLV_UNIT_NONE or
 * an unknown value. */
double clv_time_unit_days(clv_time_unit unit);

/* "day", "week", "month", "year" (also the plurals "days", ...) to a unit.
 * Errors: CLV_EINVAL (NULL or any other text; *out = CLV_UNIT_NONE). */
clv_status clv_time_unit_parse(const char *name, clv_time_unit *out);

/* "day", "week", "month", "year"; "none" for anything else. */
const char *clv_time_unit_name(clv_time_unit unit);

/* Calc/Excel serial day of 1970-01-01 (serial 0 = 1899-12-30). */
#define CLV_SERIAL_DAY_1970 25569

/* Day number of a Gregorian date (proleptic, years 1..9999).
 * Example: clv_day_from_ymd(1997, 9, 30) = 10134.
 * Errors: CLV_EDOM (no such date, e.g. February 30; *out = NaN). */
clv_status clv_day_from_ymd(int year, int month, int day, double *out);

/* The date of a day number (floored).  Errors: CLV_EINVAL (NaN, inf, NULL),
 * CLV_EDOM (outside years 1..9999); outputs 0 on failure. */
clv_status clv_day_to_ymd(double day, int *year, int *month, int *mday);

/* Parses "YYYY-MM-DD" or "YYYYMMDD" (len bytes of text, which need not be
 * NUL-terminated; surrounding spaces are not accepted).
 * Errors: CLV_EINVAL (NULL), CLV_EFORMAT (not one of the two forms, or no
 * such date).  *out = NaN on failure. */
clv_status clv_day_parse(const char *text, size_t len, double *out);

/* Day number of a spreadsheet serial date (serial - CLV_SERIAL_DAY_1970,
 * floored).  Errors: CLV_EINVAL (not finite), CLV_EDOM (before year 1 or
 * after 9999). */
clv_status clv_day_from_serial(double serial, double *out);

/* Day number of a YYYYMMDD number (a spreadsheet cell or a Lua number
 * holding 20240131), the one rule every face uses for numeric dates.
 * Errors: CLV_EINVAL (not finite, NULL), CLV_EDOM (not a whole number
 * between 10000101 and 99991231, or no such date); *out = NaN on failure. */
clv_status clv_day_from_number(double date, double *out);

/* A date a face could not read: "is not a date (YYYY-MM-DD text or a
 * YYYYMMDD number)", completing "<argument>[row] ...". */
#define CLV_DATE_REASON "is not a date (YYYY-MM-DD text or a YYYYMMDD number)"

/* ---- The transaction log ------------------------------------------------- */

/* Transactions (customer, day, amount) in the order added.  Customer ids
 * are byte strings compared exactly ("007" and "7" differ).  Opaque. */
typedef struct clv_txlog clv_txlog;

/* A new empty log, or NULL when out of memory. */
clv_txlog *clv_txlog_create(void);

/* Frees the log; NULL is a no-op. */
void clv_txlog_free(clv_txlog *log);

/* Adds one transaction.
 *   id      customer id, id_len bytes (may contain any byte; not empty)
 *   day     day number (finite; cut to a whole day), see clv_day_parse()
 *   amount  money spent (finite, >= 0; 0 when the log has no amounts)
 *   fault   optional: 1 id, 2 id_len, 3 day, 4 amount
 * Errors: CLV_EINVAL (NULL log or id, empty id, non-finite day or amount),
 * CLV_EDOM (negative amount, day outside years 1..9999), CLV_ENOMEM.  On
 * failure the log is unchanged. */
clv_status clv_txlog_add(clv_txlog *log, const char *id, size_t id_len, double day, double amount,
                         clv_fault *fault);

/* Adds one transaction whose customer id is a number (a spreadsheet cell):
 * the id becomes its shortest exact decimal text ("17", "2.5"), so numeric 17
 * and text "17" are the same customer.  Otherwise as clv_txlog_add() (fault:
 * 1 id, 2 day, 3 amount).  Errors: as clv_txlog_add(); CLV_EINVAL for a
 * non-finite id. */
clv_status clv_txlog_add_number(clv_txlog *log, double id, double day, double amount,
                                clv_fault *fault);

/* A log from n parallel arrays (ids NUL-terminated; amounts may be NULL for
 * all 0).  On success *out is a new log (free with clv_txlog_free).
 * fault: arg 0 ids, 1 days, 2 amounts, 3 n, with the element.
 * Errors: as clv_txlog_add(), CLV_EINVAL for NULL arrays or n = 0. */
clv_status clv_txlog_from_arrays(const char *const *ids, const double *days, const double *amounts,
                                 size_t n, clv_txlog **out, clv_fault *fault);

/* Number of transactions (rows as added) and of distinct customers. */
size_t clv_txlog_rows(const clv_txlog *log);
size_t clv_txlog_customers(const clv_txlog *log);

/* First and last day in the log (NaN for an empty or NULL log). */
double clv_txlog_first_day(const clv_txlog *log);
double clv_txlog_last_day(const clv_txlog *log);

/* ---- CSV ----------------------------------------------------------------- */

typedef struct clv_csv_options {
    const char *customer; /* header name of the customer column (required) */
    const char *date;     /* header name of the date column (required):
                             YYYY-MM-DD or YYYYMMDD */
    const char *amount;   /* header name of the amount column, or NULL for a
                             log without amounts (all 0) */
    char separator;       /* ',' (0 means ','), ';', '\t', or ' ' for runs
                             of blanks (whitespace-aligned files) */
} clv_csv_options;

/* Where a CSV file went wrong. */
typedef struct clv_csv_error {
    size_t line;        /* 1-based line number, 0 when not about a line */
    size_t column;      /* 1-based field number, 0 when not about a field */
    const char *reason; /* static text, e.g. "date is not YYYY-MM-DD or
                           YYYYMMDD" */
} clv_csv_error;

/* Reports the progress of a long read: data rows read so far and the share
 * of the file's bytes read (0..1; NaN when the size is unknown, e.g. a
 * pipe).  Called once per block of the file (1 MiB) and once at the end
 * with 1.  Return 0 to go on, anything else to stop the read (which then
 * returns CLV_ENOCONV). */
typedef int (*clv_read_progress_fn)(void *data, size_t rows, double fraction);

/* Reads a CSV file with a header line into a new log.  Fields may be quoted
 * ("a,b" and "" escapes); lines end in LF or CRLF; blank lines are skipped;
 * extra columns are ignored.  Numbers use '.' as decimal point whatever the
 * process locale.  A line with too few fields, an empty id, a bad date or a
 * bad amount rejects the whole file: nothing is dropped silently.
 *   path  file name;  opts  column names (see clv_csv_options)
 *   progress  optional (NULL): reports as clv_read_progress_fn says and
 *         can stop the read (CLV_ENOCONV, no log);  progress_data  its data
 *   out   the new log on success, NULL on failure
 *   err   optional: line, field and reason on failure
 * Errors: CLV_EINVAL (NULL path/opts/out, no customer or date column name,
 * bad separator), CLV_EIO (cannot open or read), CLV_EFORMAT (missing
 * header column, malformed line), CLV_EDOM (negative amount), CLV_ENOMEM,
 * CLV_ENOCONV (stopped by progress).
 * A UTF-8 byte-order mark at the start of the file is skipped. */
clv_status clv_txlog_read_csv(const char *path, const clv_csv_options *opts,
                              clv_read_progress_fn progress, void *progress_data, clv_txlog **out,
                              clv_csv_error *err);

/* As clv_txlog_read_csv(), from len bytes of CSV text in memory (need not
 * be NUL-terminated; NUL bytes are ordinary bytes).  data may be NULL only
 * when len = 0.  Errors: as clv_txlog_read_csv() except CLV_EIO. */
clv_status clv_txlog_read_csv_buffer(const char *data, size_t len, const clv_csv_options *opts,
                                     clv_txlog **out, clv_csv_error *err);

/* ---- The RFM summary ----------------------------------------------------- */

typedef struct clv_rfm_options {
    clv_time_unit unit;     /* unit of t_x and T (required, not NONE) */
    double calibration_end; /* last day (inclusive) of the calibration
                               period; NaN = the log's last day */
    double holdout_end;     /* last day (inclusive) counted in the holdout;
                               NaN = no limit */
} clv_rfm_options;

/* Sets unit = CLV_UNIT_NONE (to be chosen), both days NaN. */
void clv_rfm_options_init(clv_rfm_options *opts);

/* One row per customer whose first purchase is on or before the
 * calibration end, in the order of first appearance in the log.  Arrays
 * have n elements and belong to the summary (free with clv_rfm_free). */
typedef struct clv_rfm {
    size_t n;
    const char **id;       /* customer ids, NUL-terminated */
    size_t *id_len;        /* their lengths (ids may contain NUL bytes) */
    double *x;             /* repeat transactions in the calibration period:
                              days with a purchase after the first day */
    double *t_x;           /* first purchase to last calibration purchase */
    double *T;             /* first purchase to the calibration end */
    double *mean_value;    /* mean amount of the x repeat transactions (a
                              day's amounts summed); 0 when x = 0 */
    double *first_day;     /* day number of the first purchase */
    double *x_holdout;     /* transactions (days) after the calibration end,
                              up to holdout_end */
    double *value_holdout; /* their total amount */
    clv_time_unit unit;
    double calibration_end, holdout_end; /* as used (NaN: no holdout end) */
    size_t rows;                         /* log rows read */
    size_t transactions;                 /* rows after merging same-day purchases, over
                                            the customers in the summary */
    size_t late_customers;               /* customers left out: first purchase after the
                                            calibration end */
} clv_rfm;

/* The RFM summary of a log.
 * Errors: CLV_EINVAL (NULL, unit NONE or unknown, non-finite set day; fault
 * arg 1 names the option: element 0 unit, 1 calibration_end, 2
 * holdout_end), CLV_EDOM (empty log, holdout_end before calibration_end,
 * no customer before the calibration end), CLV_ENOMEM.  *out = NULL on
 * failure. */
clv_status clv_rfm_summarize(const clv_txlog *log, const clv_rfm_options *opts, clv_rfm **out,
                             clv_fault *fault);

/* Frees a summary; NULL is a no-op. */
void clv_rfm_free(clv_rfm *rfm);

/* ---- The RFM summary, streamed --------------------------------------------
 *
 * The same summary as clv_rfm_summarize(), built in one pass over
 * transactions without keeping the log, and mergeable: two streams over
 * disjoint transactions (e.g. two halves of a file, two database workers)
 * combine into the stream of all of them.  The state is flat arrays per
 * customer (no pointers between customers), so it can be written out and
 * read back.
 *
 * Two orders:
 *  - CLV_STREAM_SORTED: each customer's rows come in non-decreasing day
 *    order (any log sorted by date, or by customer and date).  The state is
 *    a fixed record per customer (64 bytes, and its id): memory grows with
 *    customers, not transactions.  A row earlier than that customer's
 *    latest day is an error (CLV_EDOM, fault arg 3): never a wrong count.
 *    Two sorted streams merge when, for every customer in both, one
 *    stream's days all come no later than the other's (a file split by
 *    time); otherwise CLV_EDOM.
 *  - CLV_STREAM_ANY: rows in any order.  Same-day purchases can only be
 *    merged exactly by remembering the days, so the state keeps each row's
 *    day and amount (20 bytes a row, still less than a clv_txlog) and merges
 *    any split.
 * Counts and days are exact in every case; summed amounts of a merged
 * stream may differ from a single pass in the last bits (the additions run
 * in another order). */

typedef enum clv_stream_order { CLV_STREAM_SORTED = 0, CLV_STREAM_ANY = 1 } clv_stream_order;

typedef struct clv_rfm_stream clv_rfm_stream;

/* A new stream with the options of the summary (checked as in
 * clv_rfm_summarize; fault arg 0 opts, element as there; arg 1 order).
 * A NaN calibration_end means the latest day streamed.
 * Errors: CLV_EINVAL, CLV_EDOM, CLV_ENOMEM. */
clv_status clv_rfm_stream_create(const clv_rfm_options *opts, clv_stream_order order,
                                 clv_rfm_stream **out, clv_fault *fault);

/* Frees a stream; NULL is a no-op. */
void clv_rfm_stream_free(clv_rfm_stream *s);

/* Adds one transaction, checked as clv_txlog_add() (fault: 0 stream, 1 id,
 * 2 id_len, 3 day, 4 amount).  Also CLV_EDOM for a row out of day order in
 * a CLV_STREAM_SORTED stream.  On failure the stream is unchanged. */
clv_status clv_rfm_stream_add(clv_rfm_stream *s, const char *id, size_t id_len, double day,
                              double amount, clv_fault *fault);

/* Adds the transactions of `from` (unchanged) to `into`.  Both must have
 * the same order and options (else CLV_EINVAL).  Errors: CLV_EDOM (sorted
 * streams whose days interleave for a customer; `into` is then
 * unchanged), CLV_ENOMEM (`into` may hold part of `from`: discard it). */
clv_status clv_rfm_stream_merge(clv_rfm_stream *into, const clv_rfm_stream *from, clv_fault *fault);

/* The summary of everything streamed so far (the stream stays usable).
 * Identical to clv_rfm_summarize() on a log of the same rows in the same
 * order.  Errors: as clv_rfm_summarize(). */
clv_status clv_rfm_stream_summary(const clv_rfm_stream *s, clv_rfm **out, clv_fault *fault);

/* Bytes the stream holds (for the memory figures). */
size_t clv_rfm_stream_bytes(const clv_rfm_stream *s);

/* Streams a CSV file into s without building the log: the file is read as
 * by clv_txlog_read_csv() (same options, same rules, same errors) and each
 * row goes to clv_rfm_stream_add().  For a CLV_STREAM_SORTED stream a date
 * earlier than that customer's previous one is CLV_EDOM (err names the
 * line and the date column).  progress (optional; progress_data is passed
 * to it) can stop the read: CLV_ENOCONV.  On any failure s holds the rows
 * before the failing line: free it or read again into a new stream. */
clv_status clv_rfm_stream_read_csv(const char *path, const clv_csv_options *opts, clv_rfm_stream *s,
                                   clv_read_progress_fn progress, void *progress_data,
                                   clv_csv_error *err);

/* Writes the stream's state as portable bytes (little-endian, independent
 * of the machine's word size), to keep, send to another process or store
 * in a database, and read back with clv_rfm_stream_load().  *len is set to
 * the size needed; the bytes are written when buf is not NULL and cap >=
 * *len.  Errors: CLV_EINVAL (NULL s or len), CLV_ERANGE (buf set but cap
 * too small; nothing written). */
clv_status clv_rfm_stream_save(const clv_rfm_stream *s, void *buf, size_t cap, size_t *len);

/* A new stream from bytes written by clv_rfm_stream_save().  Every field is
 * checked (sizes, days within the years 1..9999, counts and amounts that
 * a stream can hold, ids distinct and not empty): bytes from anywhere give
 * a stream or an error, never undefined behaviour.
 * Errors: CLV_EINVAL (NULL buf with len > 0, NULL out), CLV_EFORMAT (not a
 * stream's bytes, another version, cut short, trailing bytes, or a field
 * out of range; fault reason says which), CLV_ENOMEM.  *out = NULL on
 * failure. */
clv_status clv_rfm_stream_load(const void *buf, size_t len, clv_rfm_stream **out, clv_fault *fault);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_RFM_H */
