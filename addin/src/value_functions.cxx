/*
 * value_functions.cxx -- the Gamma-Gamma spend model in cells (GG_FIT,
 * GG_SPEND) and RFM_SUMMARY, which turns a transaction log on a sheet into
 * the (x, t_x, T, mean value) rows the models take.  Conversions only: the
 * C core (clvkit/models.h, clvkit/rfm.h) summarises, fits and predicts.
 */
#include "functions.hxx"

#include <cmath>
#include <memory>

#include <rtl/math.h>
#include <rtl/string.hxx>

#include "cells.hxx"
#include "model_data.hxx"

namespace clvkit::calc {

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

static_assert(arity(&XClvkit::ggFit) == FUNCTIONS[GG_FIT].nargs);
static_assert(arity(&XClvkit::ggSpend) == FUNCTIONS[GG_SPEND].nargs);
static_assert(arity(&XClvkit::rfmSummary) == FUNCTIONS[RFM_SUMMARY].nargs);

Sequence<Sequence<double>> Functions::ggFit(const AnyRange &x, const AnyRange &m,
                                            const Any &weights)
{
    const Columns data(GG_FIT, {&x, &m}, weights);
    const FitBudget budget;
    clv_model model;
    clv_fit_info info;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_gg_fit(data.column(0), data.column(1), data.weights(),
                                     data.size(), budget.options(), &model, &info,
                                     &fault);
    if (st != CLV_OK) /* the C arguments x, m, weight are 0 to 2 */
        fail(GG_FIT, st, data.calc_fault(fault, 0));
    return fit_row(GG_FIT, model, info.loglik);
}

Any Functions::ggSpend(const AnyRange &x, const AnyRange &m, const AnyRange &params)
{
    const clv_model model = read_model(GG_SPEND, 2, CLV_MODEL_GG, params);
    const Any in[] = {Any(x), Any(m)};
    return each_cell(GG_SPEND, Cells(GG_SPEND, {&in[0], &in[1]}), Positions{2, 0, 1},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_gg_spend(&model, a[0], a[1], out, fault);
                     });
}

namespace {

/* RFM_SUMMARY's arguments, in Calc's order. */
enum { IDS, DATES, AMOUNTS, UNIT, CALIBRATION_END };

rtl::OString utf8(const OUString &s) { return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8); }

/* The day number of a date: a Calc date (a serial number), a number
 * YYYYMMDD such as 19970101 (no serial date reaches 10,000,101: year 9999
 * ends at 2,958,465, so the two never meet), or a text YYYY-MM-DD or
 * YYYYMMDD. */
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
    if (v >= 10000101 && v <= 99991231 && v == std::floor(v)) {
        const long ymd = static_cast<long>(v);
        return clv_day_from_ymd(static_cast<int>(ymd / 10000),
                                static_cast<int>(ymd / 100 % 100),
                                static_cast<int>(ymd % 100), day);
    }
    return clv_day_from_serial(v, day);
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

/* A fault of clv_txlog_add (1 id, 2 id length, 3 day, 4 amount) or of
 * clv_txlog_add_number (1 id, 2 day, 3 amount) at a cell of the ranges. */
[[noreturn]] void fail_row(clv_fault fault, bool numeric_id, std::size_t cell)
{
    static constexpr std::size_t TEXT_ID[] = {NOWHERE, IDS, IDS, DATES, AMOUNTS};
    static constexpr std::size_t NUMBER_ID[] = {NOWHERE, IDS, DATES, AMOUNTS};
    const std::size_t k = fault.arg;
    fault.arg = numeric_id ? (k < std::size(NUMBER_ID) ? NUMBER_ID[k] : NOWHERE)
                           : (k < std::size(TEXT_ID) ? TEXT_ID[k] : NOWHERE);
    fault.element = fault.arg == NOWHERE ? CLV_FAULT_NONE : cell;
    fail(RFM_SUMMARY, fault);
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
                                        "must be a date, YYYYMMDD or YYYY-MM-DD (years 1 to 9999)"});
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
        fail(RFM_SUMMARY, CALIBRATION_END, "must be a date, YYYYMMDD or YYYY-MM-DD");

    clv_rfm *out = nullptr;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_rfm_summarize(log.get(), &opts, &out, &fault);
    const std::unique_ptr<clv_rfm, LogFree> rfm(out);
    if (st != CLV_OK) { /* arg 1 is the options: element 0 unit, 1 calibration end */
        fault.arg = fault.arg == 1 && fault.element < 2 ? UNIT + fault.element : NOWHERE;
        fault.element = CLV_FAULT_NONE;
        fail(RFM_SUMMARY, st, fault);
    }

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
        for (std::size_t k = 0; k < std::size(values); k++) {
            if (!std::isfinite(values[k])) /* the core guarantees it; never show it */
                fail(RFM_SUMMARY, CLV_FAULT_NONE, "the summary is not finite");
            cell[k + 1] <<= values[k];
        }
        row[i] = cells;
    }
    return result;
}

} // namespace clvkit::calc
