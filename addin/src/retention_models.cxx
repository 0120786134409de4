/*
 * retention_models.cxx -- the retention models in cells: sBG for
 * subscriptions (a fit on a survival curve; survival, retention, DEL, DERL
 * and CLV from alpha and beta given as cells) and BG/BB for discrete
 * opportunities (a fit over ranges of customers and predictions, as the
 * transaction models).  Conversions only: the description's rows say what
 * each argument passes (model_data.hxx), the C core (clvkit/retention.h)
 * does the rest.
 */
#include "functions.hxx"

#include <vector>

#include "cells.hxx"
#include "model_data.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

static_assert(arity(&XClvkit::sbgFit) == FUNCTIONS[SBG_FIT].nargs);
static_assert(arity(&XClvkit::sbgSurvival) == FUNCTIONS[SBG_SURVIVAL].nargs);
static_assert(arity(&XClvkit::sbgRetention) == FUNCTIONS[SBG_RETENTION].nargs);
static_assert(arity(&XClvkit::sbgDel) == FUNCTIONS[SBG_DEL].nargs);
static_assert(arity(&XClvkit::sbgDerl) == FUNCTIONS[SBG_DERL].nargs);
static_assert(arity(&XClvkit::clvSbg) == FUNCTIONS[CLV_SBG].nargs);
static_assert(arity(&XClvkit::bgbbFit) == FUNCTIONS[BGBB_FIT].nargs);
static_assert(arity(&XClvkit::bgbbPAlive) == FUNCTIONS[BGBB_PALIVE].nargs);
static_assert(arity(&XClvkit::bgbbExpected) == FUNCTIONS[BGBB_EXPECTED].nargs);
static_assert(arity(&XClvkit::bgbbExpectedNew) == FUNCTIONS[BGBB_EXPECTED_NEW].nargs);

Sequence<Sequence<double>> Functions::sbgFit(const AnyRange &survivors)
{
    /* in order, row by row; only empty cells after the last count are left
     * out: a gap inside the curve would shift every period after it */
    std::vector<double> alive;
    std::vector<std::size_t> cells;
    std::size_t cell = 0, first_empty = CLV_FAULT_NONE;
    for (const auto &row : survivors) {
        for (const Any &v : row) {
            double x;
            if (empty_cell(v)) {
                if (first_empty == CLV_FAULT_NONE)
                    first_empty = cell;
            } else if (!cell_number(v, &x)) {
                fail_text(SBG_FIT, clv_fault{0, cell, "must contain numbers only, no text"});
            } else if (first_empty != CLV_FAULT_NONE) {
                fail(SBG_FIT, clv_fault{0, first_empty,
                                        "must not have an empty cell "
                                        "before the last count"});
            } else {
                alive.push_back(x);
                cells.push_back(cell);
            }
            cell++;
        }
    }
    const double *columns[] = {alive.data()};
    return run_fit(SBG_FIT, columns, alive.size(), cells);
}

Any Functions::sbgSurvival(const AnyRange &t, const AnyRange &alpha, const AnyRange &beta)
{
    const Any in[] = {Any(t), Any(alpha), Any(beta)};
    return predict(SBG_SURVIVAL, {&in[0], &in[1], &in[2]});
}

Any Functions::sbgRetention(const AnyRange &t, const AnyRange &alpha, const AnyRange &beta)
{
    const Any in[] = {Any(t), Any(alpha), Any(beta)};
    return predict(SBG_RETENTION, {&in[0], &in[1], &in[2]});
}

Any Functions::sbgDel(const AnyRange &d, const AnyRange &alpha, const AnyRange &beta)
{
    const Any in[] = {Any(d), Any(alpha), Any(beta)};
    return predict(SBG_DEL, {&in[0], &in[1], &in[2]});
}

Any Functions::sbgDerl(const AnyRange &d, const AnyRange &n, const AnyRange &alpha,
                       const AnyRange &beta)
{
    const Any in[] = {Any(d), Any(n), Any(alpha), Any(beta)};
    return predict(SBG_DERL, {&in[0], &in[1], &in[2], &in[3]});
}

Any Functions::clvSbg(const AnyRange &margin, const AnyRange &d, const AnyRange &n,
                      const AnyRange &alpha, const AnyRange &beta)
{
    const Any in[] = {Any(margin), Any(d), Any(n), Any(alpha), Any(beta)};
    return predict(CLV_SBG, {&in[0], &in[1], &in[2], &in[3], &in[4]});
}

Sequence<Sequence<double>> Functions::bgbbFit(const AnyRange &x, const AnyRange &t_x,
                                              const AnyRange &n, const Any &weights)
{
    const Columns data(BGBB_FIT, {&x, &t_x, &n}, weights);
    const double *columns[] = {data.column(0), data.column(1), data.column(2), data.column(3)};
    return run_fit(BGBB_FIT, columns, data.size(), data.cells());
}

Any Functions::bgbbPAlive(const AnyRange &x, const AnyRange &t_x, const AnyRange &n,
                          const AnyRange &params)
{
    const Any in[] = {Any(x), Any(t_x), Any(n), Any(params)};
    return predict(BGBB_PALIVE, {&in[0], &in[1], &in[2], &in[3]});
}

Any Functions::bgbbExpected(const AnyRange &nstar, const AnyRange &x, const AnyRange &t_x,
                            const AnyRange &n, const AnyRange &params)
{
    const Any in[] = {Any(nstar), Any(x), Any(t_x), Any(n), Any(params)};
    return predict(BGBB_EXPECTED, {&in[0], &in[1], &in[2], &in[3], &in[4]});
}

Any Functions::bgbbExpectedNew(const AnyRange &n, const AnyRange &params)
{
    const Any in[] = {Any(n), Any(params)};
    return predict(BGBB_EXPECTED_NEW, {&in[0], &in[1]});
}

} // namespace clvkit::calc
