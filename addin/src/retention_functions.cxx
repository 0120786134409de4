/*
 * retention_functions.cxx -- the retention models in cells: sBG for
 * subscriptions (a fit on a survival curve; survival, retention, DEL, DERL
 * and CLV from alpha and beta given as cells) and BG/BB for discrete
 * opportunities (a fit over ranges of customers and predictions, as the
 * transaction models).  The C core (clvkit/retention.h) does the rest.
 */
#include "functions.hxx"

#include <vector>

#include "cells.hxx"
#include "clvkit/retention.h"
#include "model_data.hxx"

namespace clvkit::calc {

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

namespace {

/* The sBG functions in Calc end with alpha and beta, at positions alpha
 * and alpha + 1, which the C functions take first as a model (fault arg 0,
 * element 0 alpha, 1 beta); rest maps the C arguments after the model. */
struct SbgWhere {
    std::size_t alpha;
    Positions rest;

    clv_fault operator()(clv_fault fault) const
    {
        if (fault.arg != 0)
            return rest(fault);
        fault.arg = fault.element < 2 ? alpha + fault.element : NOWHERE;
        fault.element = CLV_FAULT_NONE;
        return fault;
    }
};

/* call(const clv_model *, const double *a, double *out, clv_fault *) on
 * cells whose last two arguments are alpha and beta. */
template <class F>
Any sbg_cells(std::size_t id, const Cells &cells, const SbgWhere &where, F call)
{
    const std::size_t k = where.alpha;
    return each_cell(id, cells, where, [k, &call](const double *a, double *out, clv_fault *fault) {
        const clv_model model{CLV_MODEL_SBG, {a[k], a[k + 1], 0, 0}, CLV_UNIT_NONE};
        return call(&model, a, out, fault);
    });
}

/* An sBG function of one argument before alpha and beta, e.g. S(t). */
using SbgOne = clv_status (*)(const clv_model *, double, double *, clv_fault *);

Any sbg_one(std::size_t id, const NumberRange &arg, const NumberRange &alpha,
            const NumberRange &beta, SbgOne f)
{
    return sbg_cells(id, Cells(id, {arg, alpha, beta}), SbgWhere{1, Positions{NOWHERE, 0}},
                     [f](const clv_model *m, const double *a, double *out, clv_fault *fault) {
                         return f(m, a[0], out, fault);
                     });
}

} // namespace

Sequence<Sequence<double>> Functions::sbgFit(const AnyRange &survivors)
{
    /* in order, row by row; only empty cells after the last count are left
     * out: a gap inside the curve would shift every period after it */
    std::vector<double> alive;
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
                fail(SBG_FIT, clv_fault{0, first_empty, "must not have an empty cell "
                                                        "before the last count"});
            } else {
                alive.push_back(x);
            }
            cell++;
        }
    }
    const FitBudget budget;
    clv_model model;
    clv_fit_info info;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_sbg_fit(alive.data(), alive.size(), budget.options(),
                                      &model, &info, &fault);
    if (st != CLV_OK) /* C: 0 alive (the cell), 1 n (too few), 2 options */
        fail(SBG_FIT, st, Positions{0, 0}(fault));
    return fit_row(SBG_FIT, model, info.loglik);
}

Any Functions::sbgSurvival(const NumberRange &t, const NumberRange &alpha, const NumberRange &beta)
{
    return sbg_one(SBG_SURVIVAL, t, alpha, beta, &clv_sbg_survival);
}

Any Functions::sbgRetention(const NumberRange &t, const NumberRange &alpha, const NumberRange &beta)
{
    return sbg_one(SBG_RETENTION, t, alpha, beta, &clv_sbg_retention);
}

Any Functions::sbgDel(const NumberRange &d, const NumberRange &alpha, const NumberRange &beta)
{
    return sbg_one(SBG_DEL, d, alpha, beta, &clv_sbg_del);
}

Any Functions::sbgDerl(const NumberRange &d, const NumberRange &n, const NumberRange &alpha,
                       const NumberRange &beta)
{
    return sbg_cells(SBG_DERL, Cells(SBG_DERL, {d, n, alpha, beta}),
                     SbgWhere{2, Positions{NOWHERE, 0, 1}},
                     [](const clv_model *m, const double *a, double *out, clv_fault *f) {
                         return clv_sbg_derl(m, a[0], a[1], out, f);
                     });
}

Any Functions::clvSbg(const NumberRange &margin, const NumberRange &d, const NumberRange &n,
                      const NumberRange &alpha, const NumberRange &beta)
{
    return sbg_cells(CLV_SBG, Cells(CLV_SBG, {margin, d, n, alpha, beta}),
                     SbgWhere{3, Positions{NOWHERE, 0, 1, 2}},
                     [](const clv_model *m, const double *a, double *out, clv_fault *f) {
                         return clv_sbg_clv(m, a[0], a[1], a[2], out, f);
                     });
}

Sequence<Sequence<double>> Functions::bgbbFit(const AnyRange &x, const AnyRange &t_x,
                                              const AnyRange &n, const Any &weights)
{
    const Columns data(BGBB_FIT, {&x, &t_x, &n}, weights);
    const FitBudget budget;
    clv_model model;
    clv_fit_info info;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_bgbb_fit(data.column(0), data.column(1), data.column(2),
                                       data.weights(), data.size(), budget.options(),
                                       &model, &info, &fault);
    if (st != CLV_OK) /* the C arguments x, t_x, n, weight are 0 to 3 */
        fail(BGBB_FIT, st, data.calc_fault(fault, 0));
    return fit_row(BGBB_FIT, model, info.loglik);
}

Any Functions::bgbbPAlive(const AnyRange &x, const AnyRange &t_x, const AnyRange &n,
                          const AnyRange &params)
{
    const clv_model model = read_model(BGBB_PALIVE, 3, CLV_MODEL_BGBB, params);
    const Any in[] = {Any(x), Any(t_x), Any(n)};
    return each_cell(BGBB_PALIVE, Cells(BGBB_PALIVE, {&in[0], &in[1], &in[2]}),
                     Positions{3, 0, 1, 2},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_bgbb_palive(&model, a[0], a[1], a[2], out, fault);
                     });
}

Any Functions::bgbbExpected(const AnyRange &nstar, const AnyRange &x, const AnyRange &t_x,
                            const AnyRange &n, const AnyRange &params)
{
    const clv_model model = read_model(BGBB_EXPECTED, 4, CLV_MODEL_BGBB, params);
    const Any in[] = {Any(nstar), Any(x), Any(t_x), Any(n)};
    return each_cell(BGBB_EXPECTED, Cells(BGBB_EXPECTED, {&in[0], &in[1], &in[2], &in[3]}),
                     Positions{4, 0, 1, 2, 3},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_bgbb_conditional_expected(&model, a[0], a[1], a[2], a[3],
                                                              out, fault);
                     });
}

Any Functions::bgbbExpectedNew(const AnyRange &n, const AnyRange &params)
{
    const clv_model model = read_model(BGBB_EXPECTED_NEW, 1, CLV_MODEL_BGBB, params);
    const Any in(n);
    return each_cell(BGBB_EXPECTED_NEW, Cells(BGBB_EXPECTED_NEW, {&in}), Positions{1, 0},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_bgbb_expected(&model, a[0], out, fault);
                     });
}

} // namespace clvkit::calc
