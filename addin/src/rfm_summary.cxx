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
#include "transaction_log.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

static_assert(arity(&XClvkit::rfmSummary) == FUNCTIONS[RFM_SUMMARY].nargs);

namespace
{

/* RFM_SUMMARY's arguments, in Calc's order. */
enum { IDS, DATES, AMOUNTS, UNIT, CALIBRATION_END };

} // namespace

AnyRange Functions::rfmSummary(const AnyRange &ids, const AnyRange &dates, const AnyRange &amounts,
                               const OUString &unit, const Any &calibrationEnd)
{
    bool numeric_ids;
    const auto log = read_log(RFM_SUMMARY, IDS, ids, dates, &amounts, &numeric_ids);
    clv_rfm_options opts;
    clv_rfm_options_init(&opts);
    opts.unit = unit_of(RFM_SUMMARY, UNIT, unit);
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
        const double values[] = {rfm->x[i],          rfm->t_x[i],       rfm->T[i],
                                 rfm->mean_value[i], rfm->x_holdout[i], rfm->value_holdout[i]};
        for (std::size_t k = 0; k < std::size(values); k++)
            cell[k + 1] <<= values[k];
        row[i] = cells;
    }
    return result;
}

} // namespace clvkit::calc
