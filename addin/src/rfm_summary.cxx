/*
 * rfm_summary.cxx -- RFM_SUMMARY, which turns a transaction log on a sheet
 * into the (x, t_x, T, mean value) rows the models take.  Conversions
 * only: the C core (clvkit/rfm.h) reads dates, keeps the log and
 * summarises; a fault names the argument the description says it blames.
 */
#include "functions.hxx"

#include <iterator>
#include <memory>

#include <rtl/math.h>
#include <rtl/string.hxx>

#include "cells.hxx"
#include "core_row.hxx"
#include "model_data.hxx"

namespace clvkit::calc {

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

static_assert(arity(&XClvkit::rfmSummary) == FUNCTIONS[RFM_SUMMARY].nargs);

namespace {

/* RFM_SUMMARY's arguments, in Calc's order. */
enum { IDS, DATES, AMOUNTS, UNIT, CALIBRATION_END };

rtl::OString utf8(const OUString &s) { return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8); }

/* The day number of a date: a text YYYY-MM-DD or YYYYMMDD, a number
 * YYYYMMDD (the core's rule, clv_day_from_number), else a Calc date (a
 * serial number: no serial date reaches the YYYYMMDD numbers). */
clv_status day_of(const Any &value, double *day)
{
    double v;
    OUString text;
    if (value >>= text) {
        const rtl::OString s = utf8(text.trim());
        return clv_day_parse(s.getStr(), static_cast<std::size_t>(s.getLength()), day);
    }
    if (!(value >>= v))
        return CLV_EINVAL;
    return clv_day_from_number(v, day) == CLV_OK ? CLV_OK : clv_day_from_serial(v, day);
}

/* "dag", "maand", ... as well as the English names clv_time_unit_parse()
 * knows, in any case: a workbook may be written in either language. */
clv_time_unit unit_of(const OUString &name)
{
    static constexpr const char *DUTCH[][2] = {
        {"dag", "day"},     {"dagen", "day"},    {"week", "week"}, {"weken", "week"},
        {"maand", "month"}, {"maanden", "month"}, {"jaar", "year"}, {"jaren", "year"}};
    const rtl::OString s = utf8(name.trim().toAsciiLowerCase());
    const char *english = s.getStr();
    for (const auto &d : DUTCH)
        if (s.equals(d[0]))
            english = d[1];
    clv_time_unit unit;
    if (clv_time_unit_parse(english, &unit) != CLV_OK)
        fail(RFM_SUMMARY, UNIT, "must be \"day\", \"week\", \"month\" or \"year\"");
    return unit;
}

struct LogFree {
    void operator()(clv_txlog *log) const { clv_txlog_free(log); }
    void operator()(clv_rfm *rfm) const { clv_rfm_free(rfm); }
};

/* A fault of adding the transaction at `cell`: the argument that passes
 * what the row blames (both rows call them id, day, amount). */
[[noreturn]] void fail_row(const clv_fault &fault, bool numeric_id, std::size_t cell)
{
    clv_fault at = calc_fault(RFM_SUMMARY, fault,
                              clv_func_find(numeric_id ? "txlog_add_number" : "txlog_add"));
    at.element = at.arg == NOWHERE ? CLV_FAULT_NONE : cell;
    fail(RFM_SUMMARY, at);
}

/* The log of the sheet's rows; *numeric_ids tells whether every id was a
 * number (the summary then gives them back as numbers). */
std::unique_ptr<clv_txlog, LogFree> read_log(const AnyRange &ids, const AnyRange &dates,
                                             const AnyRange &amounts, bool *numeric_ids)
{
    std::unique_ptr<clv_txlog, LogFree> log(clv_txlog_create());
    if (!log)
        throw std::bad_alloc();
    /* one number for every row (0: a log without amounts), or a range */
    double every = 0;
    const bool one_amount = amounts.getLength() == 1 && amounts[0].getLength() == 1
                            && (ids.getLength() != 1 || ids[0].getLength() != 1);
    if (one_amount && !cell_number(amounts[0][0], &every))
        fail_text(RFM_SUMMARY, AMOUNTS, "must be a number or a range of numbers");
    const AnyRange *in[] = {&ids, &dates, &amounts};
    const std::size_t n = one_amount ? 2 : 3;
    same_size(RFM_SUMMARY, in, n);
    *numeric_ids = true;
    each_row(in, n, [&](sal_Int32 r, sal_Int32 c, std::size_t cell) {
        const Any &id = ids[r][c];
        double day, amount = every, number;
        if (empty_cell(id))
            fail(RFM_SUMMARY, clv_fault{IDS, cell, "must not be empty where there is a date"});
        if (empty_cell(dates[r][c]) || day_of(dates[r][c], &day) != CLV_OK)
            fail(RFM_SUMMARY, clv_fault{DATES, cell,
                                        CLV_DATE_REASON});
        if (!one_amount && !cell_number(amounts[r][c], &amount))
            fail_text(RFM_SUMMARY, clv_fault{AMOUNTS, cell, "must contain numbers only, no text"});
        clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
        const bool numeric = id >>= number;
        OUString text;
        id >>= text;
        const rtl::OString s = utf8(text);
        *numeric_ids = *numeric_ids && numeric;
        const clv_status st = numeric
            ? clv_txlog_add_number(log.get(), number, day, amount, &fault)
            : clv_txlog_add(log.get(), s.getStr(), static_cast<std::size_t>(s.getLength()),
                            day, amount, &fault);
        if (st != CLV_OK)
            fail_row(fault, numeric, cell);
    });
    if (clv_txlog_rows(log.get()) == 0)
        fail(RFM_SUMMARY, IDS, "must contain at least one transaction");
    return log;
}

} // namespace

AnyRange Functions::rfmSummary(const AnyRange &ids, const AnyRange &dates,
                               const AnyRange &amounts, const OUString &unit,
                               const Any &calibrationEnd)
{
    bool numeric_ids;
    const auto log = read_log(ids, dates, amounts, &numeric_ids);
    clv_rfm_options opts;
    clv_rfm_options_init(&opts);
    opts.unit = unit_of(unit);
    if (calibrationEnd.hasValue() && day_of(calibrationEnd, &opts.calibration_end) != CLV_OK)
        fail(RFM_SUMMARY, CALIBRATION_END, CLV_DATE_REASON);

    clv_rfm *out = nullptr;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_rfm_summarize(log.get(), &opts, &out, &fault);
    const std::unique_ptr<clv_rfm, LogFree> rfm(out);
    if (st != CLV_OK)
        fail(RFM_SUMMARY, st, calc_fault(RFM_SUMMARY, fault));

    AnyRange result(static_cast<sal_Int32>(rfm->n));
    auto *row = result.getArray();
    for (std::size_t i = 0; i < rfm->n; i++) {
        Sequence<Any> cells(7);
        Any *cell = cells.getArray();
        const char *id = rfm->id[i];
        const std::size_t len = rfm->id_len[i];
        if (numeric_ids) /* the id's shortest exact decimal text: read back exactly */
            cell[0] <<= rtl_math_stringToDouble(id, id + len, '.', 0, nullptr, nullptr);
        else
            cell[0] <<= OUString(id, static_cast<sal_Int32>(len), RTL_TEXTENCODING_UTF8);
        const double values[] = {rfm->x[i], rfm->t_x[i], rfm->T[i], rfm->mean_value[i],
                                 rfm->x_holdout[i], rfm->value_holdout[i]};
        for (std::size_t k = 0; k < std::size(values); k++)
            cell[k + 1] <<= values[k];
        row[i] = cells;
    }
    return result;
}

} // namespace clvkit::calc
