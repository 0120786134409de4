/*
 * transaction_models.cxx -- BG/NBD, MBG/NBD and Pareto/NBD in cells, and
 * the Gamma-Gamma spend model: the fit over ranges of customers, the
 * predictions per customer (one cell, or ranges as an array formula) and
 * the customer's discounted value.  Each transaction model has the same
 * five functions, in the TxRow order of function_table.hxx.  Conversions
 * only: the rows of the core's description say what each call passes
 * (model_data.hxx), the C core (clvkit/models.h) does the rest.
 */
#include "functions.hxx"

#include "budget.hxx"
#include "cells.hxx"
#include "core_row.hxx"
#include "model_data.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

#define CLVKIT_CHECK_TX_ARITY(fam, FAM)                                                      \
    static_assert(arity(&XClvkit::fam##Fit) == FUNCTIONS[FAM##_FIT].nargs);                  \
    static_assert(arity(&XClvkit::fam##PAlive) == FUNCTIONS[FAM##_PALIVE].nargs);            \
    static_assert(arity(&XClvkit::fam##Expected) == FUNCTIONS[FAM##_EXPECTED].nargs);        \
    static_assert(arity(&XClvkit::fam##ExpectedNew) == FUNCTIONS[FAM##_EXPECTED_NEW].nargs); \
    static_assert(arity(&XClvkit::fam##Clv) == FUNCTIONS[FAM##_CLV].nargs);
CLVKIT_CHECK_TX_ARITY(bgnbd, BGNBD)
CLVKIT_CHECK_TX_ARITY(mbgnbd, MBGNBD)
CLVKIT_CHECK_TX_ARITY(pnbd, PNBD)
#undef CLVKIT_CHECK_TX_ARITY
static_assert(arity(&XClvkit::ggFit) == FUNCTIONS[GG_FIT].nargs);
static_assert(arity(&XClvkit::ggSpend) == FUNCTIONS[GG_SPEND].nargs);

namespace
{

Sequence<Sequence<double>> fit(std::size_t id, std::initializer_list<const AnyRange *> ranges,
                               const Any &weights)
{
    const Columns data(id, ranges, weights);
    const double *columns[MAX_ARGS];
    for (std::size_t i = 0; i < FUNCTIONS[id].nargs; i++)
        columns[i] = data.column(i);
    return run_fit(id, columns, data.size(), data.cells());
}

/* The discounted value (clv_predict_clv) of the customers in cells: x, t_x,
 * T, m, then the transaction model's and Gamma-Gamma's parameters and the
 * options, in the order of the table's row. */
Any customer_value(std::size_t id, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,
                   const AnyRange &m, const AnyRange &params, const AnyRange &gg_params,
                   double periods, double discount, const Any &margin)
{
    const clv_model model = read_model(id, 4, model_kind(id), params);
    const clv_model gg = read_model(id, 5, CLV_MODEL_GG, gg_params);
    Budget budget; /* a long horizon is many periods: stop with Err:523 */
    clv_clv_options opts;
    clv_clv_options_init(&opts); /* period: one time unit of the model */
    opts.progress = &Budget::stop;
    opts.progress_data = &budget;
    opts.horizon = periods;
    opts.discount = discount;
    optional_number(margin, id, 8, &opts.margin);
    const Any in[] = {Any(x), Any(t_x), Any(T), Any(m)};
    return each_cell(id, Cells(id, {&in[0], &in[1], &in[2], &in[3]}),
                     [&](const double *a, double *out, clv_fault *fault) {
                         return clv_predict_clv(&model, &gg, a[0], a[1], a[2], a[3], &opts, out,
                                                fault);
                     });
}

} // namespace

#define CLVKIT_TX_METHODS(fam, FAM)                                                              \
    Sequence<Sequence<double>> Functions::fam##Fit(const AnyRange &x, const AnyRange &t_x,       \
                                                   const AnyRange &T, const Any &weights)        \
    {                                                                                            \
        return fit(FAM##_FIT, {&x, &t_x, &T}, weights);                                          \
    }                                                                                            \
    Any Functions::fam##PAlive(const AnyRange &x, const AnyRange &t_x, const AnyRange &T,        \
                               const AnyRange &params)                                           \
    {                                                                                            \
        const Any in[] = {Any(x), Any(t_x), Any(T), Any(params)};                                \
        return predict(FAM##_PALIVE, {&in[0], &in[1], &in[2], &in[3]});                          \
    }                                                                                            \
    Any Functions::fam##Expected(const AnyRange &t, const AnyRange &x, const AnyRange &t_x,      \
                                 const AnyRange &T, const AnyRange &params)                      \
    {                                                                                            \
        const Any in[] = {Any(t), Any(x), Any(t_x), Any(T), Any(params)};                        \
        return predict(FAM##_EXPECTED, {&in[0], &in[1], &in[2], &in[3], &in[4]});                \
    }                                                                                            \
    Any Functions::fam##ExpectedNew(const AnyRange &t, const AnyRange &params)                   \
    {                                                                                            \
        const Any in[] = {Any(t), Any(params)};                                                  \
        return predict(FAM##_EXPECTED_NEW, {&in[0], &in[1]});                                    \
    }                                                                                            \
    Any Functions::fam##Clv(const AnyRange &x, const AnyRange &t_x, const AnyRange &T,           \
                            const AnyRange &m, const AnyRange &params, const AnyRange &ggParams, \
                            double periods, double discount, const Any &margin)                  \
    {                                                                                            \
        return customer_value(FAM##_CLV, x, t_x, T, m, params, ggParams, periods, discount,      \
                              margin);                                                           \
    }

CLVKIT_TX_METHODS(bgnbd, BGNBD)
CLVKIT_TX_METHODS(mbgnbd, MBGNBD)
CLVKIT_TX_METHODS(pnbd, PNBD)
#undef CLVKIT_TX_METHODS

Sequence<Sequence<double>> Functions::ggFit(const AnyRange &x, const AnyRange &m,
                                            const Any &weights)
{
    return fit(GG_FIT, {&x, &m}, weights);
}

Any Functions::ggSpend(const AnyRange &x, const AnyRange &m, const AnyRange &params)
{
    const Any in[] = {Any(x), Any(m), Any(params)};
    return predict(GG_SPEND, {&in[0], &in[1], &in[2]});
}

} // namespace clvkit::calc
