/*
 * fuzz_csv.c -- the CSV reader over arbitrary bytes (separators, quotes,
 * CRLF, BOMs, huge and tiny numbers, long lines, NUL bytes).  Byte 0 picks
 * the separator and whether there is an amount column; the rest is the file.
 * A log read must be consistent; a failure must say where and why.
 */
#include "clvkit/clvkit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char seps[] = {',', ';', '\t', ' '};
    fz in = {data, size};
    unsigned mode = fz_byte(&in);
    clv_csv_options o = {"id", "date", (mode & 4) ? NULL : "amount", seps[mode & 3]};
    clv_txlog *log = NULL;
    clv_csv_error err = {0, 0, NULL};
    clv_status st = clv_txlog_read_csv_buffer((const char *)in.p, in.n, &o, &log, &err);
    if (st != CLV_OK) {
        FUZZ_ASSERT(log == NULL);
        FUZZ_ASSERT(err.reason != NULL);
        FUZZ_ASSERT(st == CLV_EFORMAT || st == CLV_EDOM || st == CLV_ENOMEM);
        return 0;
    }
    size_t rows = clv_txlog_rows(log), cust = clv_txlog_customers(log);
    double first = clv_txlog_first_day(log), last = clv_txlog_last_day(log);
    FUZZ_ASSERT(cust <= rows);
    FUZZ_ASSERT(rows == 0 || (isfinite(first) && isfinite(last) && first <= last));
    FUZZ_ASSERT(rows <= in.n); /* every row costs at least a byte */
    clv_txlog_free(log);
    return 0;
}
