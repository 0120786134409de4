/*
 * transaction_log.hxx -- a transaction log on a sheet (ids, dates and
 * amounts in ranges of one size) as the core's clv_txlog, for RFM_SUMMARY
 * and the tracking diagnostics.  Conversions only: the C core
 * (clvkit/rfm.h) reads dates and keeps the log; a fault names the argument
 * the description says it blames.
 */
#ifndef CLVKIT_ADDIN_TRANSACTION_LOG_HXX
#define CLVKIT_ADDIN_TRANSACTION_LOG_HXX

#include <cstddef>
#include <memory>

#include "arguments.hxx"
#include "clvkit/rfm.h"

namespace clvkit::calc
{

struct LogFree {
    void operator()(clv_txlog *log) const { clv_txlog_free(log); }
    void operator()(clv_rfm *rfm) const { clv_rfm_free(rfm); }
};
using LogPtr = std::unique_ptr<clv_txlog, LogFree>;

/* The day number of a date: a text YYYY-MM-DD or YYYYMMDD, a number
 * YYYYMMDD (the core's rule, clv_day_from_number), else a Calc date. */
clv_status day_of(const css::uno::Any &value, double *day);

/* "dag", "maand", ... as well as the English names, in any case; else
 * fails for argument `arg` of `function`. */
clv_time_unit unit_of(std::size_t function, std::size_t arg, const rtl::OUString &name);

/* The log of a sheet's rows.  ids and dates are Calc arguments `ids_arg`
 * and `ids_arg + 1`; amounts (argument ids_arg + 2) may be null: a log
 * without amounts.  *numeric_ids tells whether every id was a number. */
LogPtr read_log(std::size_t function, std::size_t ids_arg, const AnyRange &ids,
                const AnyRange &dates, const AnyRange *amounts, bool *numeric_ids);

} // namespace clvkit::calc

#endif
