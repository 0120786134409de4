/*
 * pg_rfm.c -- the RFM summary as an aggregate over one customer's
 * transactions: rfm(tx_date, amount, calibration_end, unit, holdout_end)
 * ... GROUP BY customer.  The state keeps the customer's (day, amount)
 * pairs; the final function hands them to the core's summary, so the SQL
 * summary is the Lua and C summary by construction (same-day purchases
 * merged, holdout counted, customers who start after the calibration end
 * left out: their row is NULL).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "executor/executor.h"
#include "utils/date.h"

#include "clvkit/rfm.h"
#include "pg_errors.h"

/* PostgreSQL counts days from 2000-01-01, the core from 1970-01-01. */
#define PG_DAY_OF_1970 (UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE)

typedef struct rfm_state {
    int32 unit;             /* clv_time_unit */
    double calibration_end; /* core day */
    double holdout_end;     /* core day, NaN = none */
    size_t n, cap;
    double *day, *amount; /* in the aggregate's memory context */
} rfm_state;

static void grow(MemoryContext ctx, rfm_state *s, size_t need)
{
    if (need <= s->cap)
        return;
    size_t cap = Max(need, s->cap ? 2 * s->cap : 16);
    double *day = MemoryContextAlloc(ctx, cap * sizeof(double));
    double *amount = MemoryContextAlloc(ctx, cap * sizeof(double));
    if (s->n) {
        memcpy(day, s->day, s->n * sizeof(double));
        memcpy(amount, s->amount, s->n * sizeof(double));
        pfree(s->day);
        pfree(s->amount);
    }
    s->day = day;
    s->amount = amount;
    s->cap = cap;
}

static double core_day(DateADT d, const char *param)
{
    if (DATE_NOT_FINITE(d))
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("rfm: %s must be a finite date", param)));
    return (double)d + PG_DAY_OF_1970;
}

/* The options of a row, given one by one (calibration_end, unit[,
 * holdout_end]) or as one rfm_options value (aggregates cannot take named
 * arguments; the function rfm_options can): the same in every row. */
static void take_options(FunctionCallInfo fcinfo, rfm_state *s, int first_row)
{
    Datum cal_d = 0, unit_d = 0, hold_d = 0;
    bool cal_null = true, unit_null = true, hold_null = true;
    if (PG_NARGS() == 4) {
        if (!PG_ARGISNULL(3)) {
            HeapTupleHeader o = PG_GETARG_HEAPTUPLEHEADER(3);
            cal_d = GetAttributeByNum(o, 1, &cal_null);
            unit_d = GetAttributeByNum(o, 2, &unit_null);
            hold_d = GetAttributeByNum(o, 3, &hold_null);
        }
    } else {
        cal_null = PG_ARGISNULL(3);
        cal_d = PG_GETARG_DATUM(3);
        unit_null = PG_ARGISNULL(4);
        unit_d = PG_GETARG_DATUM(4);
        hold_null = PG_NARGS() < 6 || PG_ARGISNULL(5);
        hold_d = hold_null ? 0 : PG_GETARG_DATUM(5);
    }
    if (cal_null || unit_null)
        ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                        errmsg("rfm: calibration_end and unit must not be NULL "
                               "(one customer's group cannot know the log's last day)")));
    double cal = core_day(DatumGetDateADT(cal_d), "calibration_end");
    char *name = TextDatumGetCString(unit_d);
    clv_time_unit unit;
    if (clv_time_unit_parse(name, &unit) != CLV_OK)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("rfm: unit must be day, week, month or year, got \"%s\"", name)));
    double hold = hold_null ? NAN : core_day(DatumGetDateADT(hold_d), "holdout_end");
    if (first_row) {
        s->unit = (int32)unit;
        s->calibration_end = cal;
        s->holdout_end = hold;
    } else if (s->unit != (int32)unit || s->calibration_end != cal ||
               !(s->holdout_end == hold || (isnan(s->holdout_end) && isnan(hold)))) {
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("rfm: calibration_end, unit and holdout_end must be the "
                               "same in every row")));
    }
}

PG_FUNCTION_INFO_V1(clvkit_rfm_add);
Datum clvkit_rfm_add(PG_FUNCTION_ARGS)
{
    MemoryContext ctx;
    if (!AggCheckCallContext(fcinfo, &ctx))
        ereport(ERROR, (errmsg("rfm's transition called outside an aggregate")));
    if (PG_ARGISNULL(1)) { /* a transaction without a date is left out */
        if (PG_ARGISNULL(0))
            PG_RETURN_NULL();
        PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    }
    rfm_state *s;
    if (PG_ARGISNULL(0)) {
        s = MemoryContextAllocZero(ctx, sizeof *s);
        take_options(fcinfo, s, 1);
    } else {
        s = (rfm_state *)PG_GETARG_POINTER(0);
        take_options(fcinfo, s, 0);
    }
    double amount = PG_ARGISNULL(2) ? 0 : PG_GETARG_FLOAT8(2);
    if (!isfinite(amount) || amount < 0)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("rfm: amount must be a finite number >= 0, got %g", amount)));
    grow(ctx, s, s->n + 1);
    s->day[s->n] = core_day(PG_GETARG_DATEADT(1), "tx_date");
    s->amount[s->n] = amount;
    s->n++;
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(clvkit_rfm_combine);
Datum clvkit_rfm_combine(PG_FUNCTION_ARGS)
{
    MemoryContext ctx;
    if (!AggCheckCallContext(fcinfo, &ctx))
        ereport(ERROR, (errmsg("rfm's combine called outside an aggregate")));
    if (PG_ARGISNULL(1))
        PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    rfm_state *from = (rfm_state *)PG_GETARG_POINTER(1);
    rfm_state *into;
    if (PG_ARGISNULL(0)) {
        into = MemoryContextAllocZero(ctx, sizeof *into);
        into->unit = from->unit;
        into->calibration_end = from->calibration_end;
        into->holdout_end = from->holdout_end;
    } else {
        into = (rfm_state *)PG_GETARG_POINTER(0);
    }
    grow(ctx, into, into->n + from->n);
    memcpy(into->day + into->n, from->day, from->n * sizeof(double));
    memcpy(into->amount + into->n, from->amount, from->n * sizeof(double));
    into->n += from->n;
    PG_RETURN_POINTER(into);
}

/* bytes: unit (int32), calibration_end, holdout_end, n (int64), then n days
 * and n amounts, all in host order (a state never leaves its cluster). */
PG_FUNCTION_INFO_V1(clvkit_rfm_serialize);
Datum clvkit_rfm_serialize(PG_FUNCTION_ARGS)
{
    rfm_state *s = (rfm_state *)PG_GETARG_POINTER(0);
    size_t size = 4 + 8 + 8 + 8 + 16 * s->n;
    bytea *out = palloc(VARHDRSZ + size);
    SET_VARSIZE(out, VARHDRSZ + size);
    char *p = VARDATA(out);
    int64 n = (int64)s->n;
    memcpy(p, &s->unit, 4);
    memcpy(p + 4, &s->calibration_end, 8);
    memcpy(p + 12, &s->holdout_end, 8);
    memcpy(p + 20, &n, 8);
    memcpy(p + 28, s->day, 8 * s->n);
    memcpy(p + 28 + 8 * s->n, s->amount, 8 * s->n);
    PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(clvkit_rfm_deserialize);
Datum clvkit_rfm_deserialize(PG_FUNCTION_ARGS)
{
    MemoryContext ctx;
    if (!AggCheckCallContext(fcinfo, &ctx))
        ereport(ERROR, (errmsg("rfm's deserialize called outside an aggregate")));
    bytea *in = PG_GETARG_BYTEA_PP(0);
    size_t size = VARSIZE_ANY_EXHDR(in);
    const char *p = VARDATA_ANY(in);
    int64 n = -1;
    if (size >= 28)
        memcpy(&n, p + 20, 8);
    if (n < 0 || (uint64)n > (size - 28) / 16 || size != 28 + 16 * (size_t)n)
        ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED), errmsg("rfm: the state is damaged")));
    rfm_state *s = MemoryContextAllocZero(ctx, sizeof *s);
    memcpy(&s->unit, p, 4);
    memcpy(&s->calibration_end, p + 4, 8);
    memcpy(&s->holdout_end, p + 12, 8);
    grow(ctx, s, (size_t)n);
    memcpy(s->day, p + 28, 8 * (size_t)n);
    memcpy(s->amount, p + 28 + 8 * (size_t)n, 8 * (size_t)n);
    s->n = (size_t)n;
    PG_RETURN_POINTER(s);
}

/* The core's summary of one customer's log: the customer's row, or NULL
 * when the customer starts after the calibration end. */
PG_FUNCTION_INFO_V1(clvkit_rfm_final);
Datum clvkit_rfm_final(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    rfm_state *s = (rfm_state *)PG_GETARG_POINTER(0);
    TupleDesc desc;
    if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
        ereport(ERROR, (errmsg("rfm must return a composite type")));
    desc = BlessTupleDesc(desc);

    clv_txlog *log = clv_txlog_create();
    clv_status st = log ? CLV_OK : CLV_ENOMEM;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    for (size_t i = 0; st == CLV_OK && i < s->n; i++)
        st = clv_txlog_add_number(log, 1, s->day[i], s->amount[i], &fault);
    clv_rfm_options o;
    clv_rfm_options_init(&o);
    o.unit = (clv_time_unit)s->unit;
    o.calibration_end = s->calibration_end;
    o.holdout_end = s->holdout_end;
    clv_rfm *r = NULL;
    if (st == CLV_OK)
        st = clv_rfm_summarize(log, &o, &r, &fault);
    clv_txlog_free(log);
    /* the one complaint that is not an error here: the customer starts
     * after the calibration end (the options' field 1) */
    int late = st == CLV_EDOM && fault.arg == 1 && fault.element == 1;
    if (st != CLV_OK || r->n != 1) {
        clv_rfm_free(r);
        if (st == CLV_OK || late)
            PG_RETURN_NULL();
        clvpg_fail("rfm", st, NULL, CLV_FAULT_NONE, fault.reason, 0, 0);
    }
    Datum values[7] = {Float8GetDatum(r->x[0]),
                       Float8GetDatum(r->t_x[0]),
                       Float8GetDatum(r->T[0]),
                       Float8GetDatum(r->mean_value[0]),
                       Float8GetDatum(r->x_holdout[0]),
                       Float8GetDatum(r->value_holdout[0]),
                       DateADTGetDatum((DateADT)(r->first_day[0] - PG_DAY_OF_1970))};
    bool nulls[7] = {false};
    clv_rfm_free(r);
    PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
