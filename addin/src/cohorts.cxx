/*
 * cohorts.cxx -- COHORT_TABLE and EARLY_VALUE: the cohort table and the
 * early value of a transaction log on a sheet, as array results with one
 * row per cohort and age (a shape a pivot table or chart reads directly).
 * Conversions only: the C core (clvkit/retention.h) groups and sums; a
 * fault names the argument the description says it blames.
 */
#include "functions.hxx"

#include <cmath>
#include <memory>
#include <vector>

#include "cells.hxx"
#include "core_row.hxx"
#include "model_data.hxx"
#include "transaction_log.hxx"
#include "clvkit/retention.h"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

static_assert(arity(&XClvkit::cohortTable) == FUNCTIONS[COHORT_TABLE].nargs);
static_assert(arity(&XClvkit::earlyValue) == FUNCTIONS[EARLY_VALUE].nargs);

namespace
{

using Table = Sequence<Sequence<double>>;

/* The arguments, in Calc's order (the log's first three are shared). */
enum { IDS, DATES, AMOUNTS };
enum { TABLE_PERIOD = 3, TABLE_END };
enum { EARLY_AGES = 3, EARLY_UNIT, EARLY_PERIOD, EARLY_END };

/* Calc's #N/A inside a number: a chart leaves the point out. */
inline constexpr unsigned ERR_NOT_AVAILABLE = 32767;

struct CohortFree {
    void operator()(clv_cohort_table *t) const { clv_cohort_table_free(t); }
    void operator()(clv_early_value *ev) const { clv_early_value_free(ev); }
};

/* The last day observed: the description's default (the log's last) when
 * omitted. */
double end_day(std::size_t id, std::size_t arg, const Any &value)
{
    double end = passes(id, arg).desc.def;
    if (value.hasValue() && day_of(value, &end) != CLV_OK)
        fail(id, arg, CLV_DATE_REASON);
    return end;
}

/* One row of numbers; NaN shows as #N/A. */
Sequence<double> row_of(std::initializer_list<double> values)
{
    Sequence<double> row(static_cast<sal_Int32>(values.size()));
    double *v = row.getArray();
    for (double x : values)
        *v++ = std::isnan(x) ? error_value(ERR_NOT_AVAILABLE) : x;
    return row;
}

/* A day number as a Calc date. */
double serial(double day)
{
    return day + CLV_SERIAL_DAY_1970;
}

} // namespace

Table Functions::cohortTable(const AnyRange &ids, const AnyRange &dates, const AnyRange &amounts,
                             const OUString &period, const Any &end)
{
    clv_cohort_options opts{unit_of(COHORT_TABLE, TABLE_PERIOD, period),
                            end_day(COHORT_TABLE, TABLE_END, end)};
    bool numeric_ids;
    const LogPtr log = read_log(COHORT_TABLE, IDS, ids, dates, &amounts, &numeric_ids);
    clv_cohort_table *out = nullptr;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_cohort_table_build(log.get(), &opts, &out, &fault);
    const std::unique_ptr<clv_cohort_table, CohortFree> t(out);
    if (st != CLV_OK)
        fail(COHORT_TABLE, st, calc_fault(COHORT_TABLE, fault));

    std::vector<Sequence<double>> rows;
    for (std::size_t c = 0; c < t->ncohorts; c++)
        for (std::size_t a = 0; a < static_cast<std::size_t>(t->ages[c]); a++) {
            const std::size_t k = c * t->nages + a;
            rows.push_back(row_of({serial(t->start_day[c]), static_cast<double>(a), t->size[c],
                                   t->active[k], t->revenue[k], t->retention[k],
                                   t->revenue_per_customer[k], t->survivors[k]}));
        }
    return Table(rows.data(), static_cast<sal_Int32>(rows.size()));
}

Table Functions::earlyValue(const AnyRange &ids, const AnyRange &dates, const AnyRange &amounts,
                            const AnyRange &ages, const OUString &unit, const OUString &period,
                            const Any &end)
{
    std::vector<double> age;
    append_numbers(ages, NonNumbers::reject, EARLY_VALUE, EARLY_AGES, age);
    clv_early_value_options opts{unit_of(EARLY_VALUE, EARLY_PERIOD, period),
                                 unit_of(EARLY_VALUE, EARLY_UNIT, unit), age.data(), age.size(),
                                 end_day(EARLY_VALUE, EARLY_END, end)};
    bool numeric_ids;
    const LogPtr log = read_log(EARLY_VALUE, IDS, ids, dates, &amounts, &numeric_ids);
    clv_early_value *out = nullptr;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_early_value_build(log.get(), &opts, &out, &fault);
    const std::unique_ptr<clv_early_value, CohortFree> ev(out);
    if (st != CLV_OK)
        fail(EARLY_VALUE, st, calc_fault(EARLY_VALUE, fault));

    std::vector<Sequence<double>> rows;
    for (std::size_t c = 0; c < ev->ncohorts; c++)
        for (std::size_t a = 0; a < ev->nages; a++) {
            const std::size_t k = c * ev->nages + a;
            /* every cohort together beside each cohort: one row shape */
            rows.push_back(row_of({serial(ev->start_day[c]), ev->ages[a], ev->mean[k],
                                   ev->customers[k], ev->all_mean[a], ev->all_customers[a]}));
        }
    return Table(rows.data(), static_cast<sal_Int32>(rows.size()));
}

} // namespace clvkit::calc
