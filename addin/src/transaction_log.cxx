/*
 * transaction_log.cxx -- see transaction_log.hxx.
 */
#include "transaction_log.hxx"

#include <new>

#include <rtl/string.hxx>

#include "core_row.hxx"
#include "model_data.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using rtl::OUString;

namespace
{

rtl::OString utf8(const OUString &s)
{
    return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
}

/* A fault of adding the transaction at `cell`: the argument that passes
 * what the row blames (both rows call them id, day, amount). */
[[noreturn]] void fail_row(std::size_t function, const clv_fault &fault, bool numeric_id,
                           std::size_t cell)
{
    clv_fault at =
        calc_fault(function, fault, clv_func_find(numeric_id ? "txlog_add_number" : "txlog_add"));
    at.element = at.arg == NOWHERE ? CLV_FAULT_NONE : cell;
    fail(function, at);
}

} // namespace

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
clv_time_unit unit_of(std::size_t function, std::size_t arg, const OUString &name)
{
    static constexpr const char *DUTCH[][2] = {
        {"dag", "day"},     {"dagen", "day"},     {"week", "week"}, {"weken", "week"},
        {"maand", "month"}, {"maanden", "month"}, {"jaar", "year"}, {"jaren", "year"}};
    const rtl::OString s = utf8(name.trim().toAsciiLowerCase());
    const char *english = s.getStr();
    for (const auto &d : DUTCH)
        if (s.equals(d[0]))
            english = d[1];
    clv_time_unit unit;
    if (clv_time_unit_parse(english, &unit) != CLV_OK)
        fail(function, arg, "must be \"day\", \"week\", \"month\" or \"year\"");
    return unit;
}

/* The log of the sheet's rows; *numeric_ids tells whether every id was a
 * number (the summary then gives them back as numbers). */
LogPtr read_log(std::size_t function, std::size_t ids_arg, const AnyRange &ids,
                const AnyRange &dates, const AnyRange *amounts, bool *numeric_ids)
{
    LogPtr log(clv_txlog_create());
    if (!log)
        throw std::bad_alloc();
    const std::size_t IDS = ids_arg, DATES = ids_arg + 1, AMOUNTS = ids_arg + 2;
    /* one number for every row (0: a log without amounts), or a range */
    double every = 0;
    const bool one_amount =
        !amounts || (amounts->getLength() == 1 && (*amounts)[0].getLength() == 1 &&
                     (ids.getLength() != 1 || ids[0].getLength() != 1));
    if (amounts && one_amount && !cell_number((*amounts)[0][0], &every))
        fail_text(function, AMOUNTS, "must be a number or a range of numbers");
    const AnyRange *in[] = {&ids, &dates, amounts};
    const std::size_t n = one_amount ? 2 : 3;
    same_size(function, in, n); /* positions 0, 1, 2 are IDS, DATES, AMOUNTS */
    *numeric_ids = true;
    each_row(in, n, [&](sal_Int32 r, sal_Int32 c, std::size_t cell) {
        const Any &id = ids[r][c];
        double day, amount = every, number;
        if (empty_cell(id))
            fail(function, clv_fault{IDS, cell, "must not be empty where there is a date"});
        if (empty_cell(dates[r][c]) || day_of(dates[r][c], &day) != CLV_OK)
            fail(function, clv_fault{DATES, cell, CLV_DATE_REASON});
        if (!one_amount && !cell_number((*amounts)[r][c], &amount))
            fail_text(function, clv_fault{AMOUNTS, cell, "must contain numbers only, no text"});
        clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
        const bool numeric = id >>= number;
        OUString text;
        id >>= text;
        const rtl::OString s = utf8(text);
        *numeric_ids = *numeric_ids && numeric;
        const clv_status st =
            numeric ? clv_txlog_add_number(log.get(), number, day, amount, &fault)
                    : clv_txlog_add(log.get(), s.getStr(), static_cast<std::size_t>(s.getLength()),
                                    day, amount, &fault);
        if (st != CLV_OK)
            fail_row(function, fault, numeric, cell);
    });
    if (clv_txlog_rows(log.get()) == 0)
        fail(function, IDS, "must contain at least one transaction");
    return log;
}

} // namespace clvkit::calc
