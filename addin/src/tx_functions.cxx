/*
 * tx_functions.cxx -- BG/NBD, MBG/NBD and Pareto/NBD in cells: the fit over
 * ranges of customers, the predictions per customer (one cell, or ranges
 * as an array formula) and the customer's discounted value with the
 * Gamma-Gamma spend model.  Each model has the same five functions, in
 * the TxRow order of function_table.hxx; the C core (clvkit/models.h) does
 * the rest.
 */
#include "functions.hxx"

#include <iterator>

#include "budget.hxx"
#include "cells.hxx"
#include "model_data.hxx"

namespace clvkit::calc {

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

#define CLVKIT_CHECK_TX_ARITY(fam, FAM)                                        \
    static_assert(arity(&XClvkit::fam##Fit) == FUNCTIONS[FAM##_FIT].nargs);    \
    static_assert(arity(&XClvkit::fam##PAlive) == FUNCTIONS[FAM##_PALIVE].nargs); \
    static_assert(arity(&XClvkit::fam##Expected) == FUNCTIONS[FAM##_EXPECTED].nargs); \
    static_assert(arity(&XClvkit::fam##ExpectedNew) == FUNCTIONS[FAM##_EXPECTED_NEW].nargs); \
    static_assert(arity(&XClvkit::fam##Clv) == FUNCTIONS[FAM##_CLV].nargs);
CLVKIT_CHECK_TX_ARITY(bgnbd, BGNBD)
CLVKIT_CHECK_TX_ARITY(mbgnbd, MBGNBD)
CLVKIT_CHECK_TX_ARITY(pnbd, PNBD)
#undef CLVKIT_CHECK_TX_ARITY

namespace {

/* A transaction model: its kind and the Id of its _FIT row. */
struct Tx {
    clv_model_kind kind;
    std::size_t first;
    std::size_t id(TxRow row) const { return first + row; }
};
constexpr Tx BGNBD{CLV_MODEL_BGNBD, BGNBD_FIT};
constexpr Tx MBGNBD{CLV_MODEL_MBGNBD, MBGNBD_FIT};
constexpr Tx PNBD{CLV_MODEL_PNBD, PNBD_FIT};

Sequence<Sequence<double>> fit(const Tx &tx, const AnyRange &x, const AnyRange &t_x,
                               const AnyRange &T, const Any &weights)
{
    const std::size_t id = tx.id(TX_FIT);
    const Columns data(id, {&x, &t_x, &T}, weights);
    const FitBudget budget;
    clv_model model;
    clv_fit_info info;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_tx_fit(tx.kind, data.column(0), data.column(1),
                                     data.column(2), data.weights(), data.size(),
                                     CLV_UNIT_NONE, budget.options(), &model, &info,
                                     &fault);
    if (st != CLV_OK) /* the C arguments x, t_x, T, weight are 1 to 4 */
        fail(id, st, data.calc_fault(fault, 1));
    return fit_row(id, model, info.loglik);
}

Any palive(const Tx &tx, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,
           const AnyRange &params)
{
    const std::size_t id = tx.id(TX_PALIVE);
    const clv_model model = read_model(id, 3, tx.kind, params);
    const Any in[] = {Any(x), Any(t_x), Any(T)};
    return each_cell(id, Cells(id, {&in[0], &in[1], &in[2]}), Positions{3, 0, 1, 2},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_tx_palive(&model, a[0], a[1], a[2], out, fault);
                     });
}

Any expected(const Tx &tx, const AnyRange &t, const AnyRange &x, const AnyRange &t_x,
             const AnyRange &T, const AnyRange &params)
{
    const std::size_t id = tx.id(TX_EXPECTED);
    const clv_model model = read_model(id, 4, tx.kind, params);
    const Any in[] = {Any(t), Any(x), Any(t_x), Any(T)};
    return each_cell(id, Cells(id, {&in[0], &in[1], &in[2], &in[3]}),
                     Positions{4, 0, 1, 2, 3},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_tx_conditional_expected(&model, a[0], a[1], a[2],
                                                            a[3], out, fault);
                     });
}

Any expected_new(const Tx &tx, const AnyRange &t, const AnyRange &params)
{
    const std::size_t id = tx.id(TX_EXPECTED_NEW);
    const clv_model model = read_model(id, 1, tx.kind, params);
    const Any in(t);
    return each_cell(id, Cells(id, {&in}), Positions{1, 0},
                     [&model](const double *a, double *out, clv_fault *fault) {
                         return clv_tx_expected(&model, a[0], out, fault);
                     });
}

Any customer_value(const Tx &tx, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,
                   const AnyRange &m, const AnyRange &params, const AnyRange &gg_params,
                   double periods, double discount, const Any &margin)
{
    const std::size_t id = tx.id(TX_CLV);
    const clv_model model = read_model(id, 4, tx.kind, params);
    const clv_model gg = read_model(id, 5, CLV_MODEL_GG, gg_params);
    Budget budget; /* a long horizon is many periods: stop with Err:523 */
    clv_clv_options opts;
    clv_clv_options_init(&opts); /* period: one time unit of the model */
    opts.progress = &Budget::stop;
    opts.progress_data = &budget;
    opts.horizon = periods;
    opts.discount = discount;
    optional_number(margin, id, 8, &opts.margin);
    /* C: tx, gg, x, t_x, T, m, then the options (element: horizon, discount,
     * period, margin), which are Calc's arguments 6, 7, -, 8 */
    const Positions positions{4, 5, 0, 1, 2, 3};
    const auto where = [&positions](clv_fault fault) {
        if (fault.arg != 6)
            return positions(fault);
        constexpr std::size_t option[] = {6, 7, NOWHERE, 8};
        fault.arg = fault.element < std::size(option) ? option[fault.element] : NOWHERE;
        fault.element = CLV_FAULT_NONE;
        return fault;
    };
    const Any in[] = {Any(x), Any(t_x), Any(T), Any(m)};
    return each_cell(id, Cells(id, {&in[0], &in[1], &in[2], &in[3]}), where,
                     [&](const double *a, double *out, clv_fault *fault) {
                         return clv_predict_clv(&model, &gg, a[0], a[1], a[2], a[3],
                                                &opts, out, fault);
                     });
}

} // namespace

#define CLVKIT_TX_METHODS(fam, TX)                                             \
    Sequence<Sequence<double>> Functions::fam##Fit(                            \
        const AnyRange &x, const AnyRange &t_x, const AnyRange &T,             \
        const Any &weights)                                                    \
    {                                                                          \
        return fit(TX, x, t_x, T, weights);                                    \
    }                                                                          \
    Any Functions::fam##PAlive(const AnyRange &x, const AnyRange &t_x,         \
                               const AnyRange &T, const AnyRange &params)      \
    {                                                                          \
        return palive(TX, x, t_x, T, params);                                  \
    }                                                                          \
    Any Functions::fam##Expected(const AnyRange &t, const AnyRange &x,         \
                                 const AnyRange &t_x, const AnyRange &T,       \
                                 const AnyRange &params)                       \
    {                                                                          \
        return expected(TX, t, x, t_x, T, params);                             \
    }                                                                          \
    Any Functions::fam##ExpectedNew(const AnyRange &t, const AnyRange &params) \
    {                                                                          \
        return expected_new(TX, t, params);                                    \
    }                                                                          \
    Any Functions::fam##Clv(const AnyRange &x, const AnyRange &t_x,            \
                            const AnyRange &T, const AnyRange &m,              \
                            const AnyRange &params, const AnyRange &ggParams,  \
                            double periods, double discount, const Any &margin) \
    {                                                                          \
        return customer_value(TX, x, t_x, T, m, params, ggParams, periods,     \
                              discount, margin);                              \
    }

CLVKIT_TX_METHODS(bgnbd, BGNBD)
CLVKIT_TX_METHODS(mbgnbd, MBGNBD)
CLVKIT_TX_METHODS(pnbd, PNBD)
#undef CLVKIT_TX_METHODS

} // namespace clvkit::calc
