/*
 * formula_functions.cxx -- the sixteen formulas of customer economics:
 * convert what Calc passes, call the C core (the catalogue entry or the
 * array function its description row names), and turn a failure into an
 * exception naming the argument the description says it blames
 * (arguments.hxx, core_row.hxx).  No formula, no domain rule and no
 * default lives here; the core validates and computes.
 */
#include "functions.hxx"

#include <vector>

#include "cells.hxx"
#include "clvkit/economics.h"
#include "core_row.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;

namespace
{

using org::clvkit::calc::XClvkit;
static_assert(arity(&XClvkit::clv) == FUNCTIONS[CLV].nargs);
static_assert(arity(&XClvkit::clvMargin) == FUNCTIONS[CLV_MARGIN].nargs);
static_assert(arity(&XClvkit::clvRet) == FUNCTIONS[CLV_RET].nargs);
static_assert(arity(&XClvkit::ltvChurn) == FUNCTIONS[LTV_CHURN].nargs);
static_assert(arity(&XClvkit::clvAvg) == FUNCTIONS[CLV_AVG].nargs);
static_assert(arity(&XClvkit::lifetime) == FUNCTIONS[LIFETIME].nargs);
static_assert(arity(&XClvkit::churnPeriod) == FUNCTIONS[CHURN_PERIOD].nargs);
static_assert(arity(&XClvkit::discountPeriod) == FUNCTIONS[DISCOUNT_PERIOD].nargs);
static_assert(arity(&XClvkit::cac) == FUNCTIONS[CAC].nargs);
static_assert(arity(&XClvkit::cacPayback) == FUNCTIONS[CAC_PAYBACK].nargs);
static_assert(arity(&XClvkit::ltvCac) == FUNCTIONS[LTV_CAC].nargs);
static_assert(arity(&XClvkit::maxCac) == FUNCTIONS[MAX_CAC].nargs);
static_assert(arity(&XClvkit::sqlBudget) == FUNCTIONS[SQL_BUDGET].nargs);
static_assert(arity(&XClvkit::funnelBudget) == FUNCTIONS[FUNNEL_BUDGET].nargs);
static_assert(arity(&XClvkit::roasBreakeven) == FUNCTIONS[ROAS_BREAKEVEN].nargs);
static_assert(arity(&XClvkit::clvSegment) == FUNCTIONS[CLV_SEGMENT].nargs);

/* A formula row's default of Calc argument i (the description's). */
double default_of(Id id, std::size_t i)
{
    return passes(id, i).desc.def;
}

} // namespace

Functions::Functions() = default;

double Functions::evaluate(Id id, std::initializer_list<double> required,
                           std::initializer_list<const Any *> optional)
{
    const clv_fn *f = clv_func_formula(core_row(id));
    if (!f) /* the description lost a function the table names */
        throw css::uno::RuntimeException("clvkit: function missing from the core");
    double a[MAX_ARGS];
    std::size_t n = 0, given;
    for (double x : required)
        a[n++] = x;
    given = n;
    for (const Any *value : optional) {
        if (optional_number(*value, id, n, &a[n]))
            given = n + 1;
        else /* omitted between given ones: the description's default */
            a[n] = default_of(id, n);
        n++;
    }
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    if (clv_fn_eval(f, a, given, &out, &fault) != CLV_OK)
        fail(id, calc_fault(id, fault));
    return out;
}

Any Functions::clv(const AnyRange &aov, const AnyRange &freq, const AnyRange &years,
                   const Any &cost, const Any &yearlyCost)
{
    const clv_fn *f = clv_func_formula(core_row(CLV));
    const std::size_t n = FUNCTIONS[CLV].nargs;
    double defaults[MAX_ARGS];
    for (std::size_t i = 0; i < n; i++)
        defaults[i] = default_of(CLV, i);
    const Any in[] = {Any(aov), Any(freq), Any(years)};
    const Cells cells(CLV, {&in[0], &in[1], &in[2], &cost, &yearlyCost}, defaults);
    return each_cell(CLV, cells, [f, n](const double *a, double *out, clv_fault *fault) {
        return clv_fn_eval(f, a, n, out, fault);
    });
}

double Functions::clvMargin(double aov, double freq, double years, double margin, const Any &cost,
                            const Any &yearlyCost)
{
    return evaluate(CLV_MARGIN, {aov, freq, years, margin}, {&cost, &yearlyCost});
}

double Functions::clvRet(double margin, double retention, double discount, const Any &periods,
                         const Any &timing)
{
    return evaluate(CLV_RET, {margin, retention, discount}, {&periods, &timing});
}

double Functions::ltvChurn(double arpa, double grossMargin, double churn)
{
    return evaluate(LTV_CHURN, {arpa, grossMargin, churn});
}

double Functions::clvAvg(double revenue, double costs, double customers)
{
    return evaluate(CLV_AVG, {revenue, costs, customers});
}

double Functions::lifetime(double churn)
{
    return evaluate(LIFETIME, {churn});
}

double Functions::churnPeriod(double churn, double periods)
{
    return evaluate(CHURN_PERIOD, {churn, periods});
}

double Functions::discountPeriod(double rate, double periods)
{
    return evaluate(DISCOUNT_PERIOD, {rate, periods});
}

double Functions::cac(const AnyRange &spend, const AnyRange &newCustomers)
{
    std::vector<double> s, c;
    append_numbers(spend, NonNumbers::empty_is_zero, CAC, 0, s);
    append_numbers(newCustomers, NonNumbers::empty_is_zero, CAC, 1, c);
    if (s.size() != c.size())
        fail(CAC, 1, "must have as many cells as spend");
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    if (clv_cac(s.data(), c.data(), s.size(), &out, &fault) != CLV_OK)
        fail(CAC, calc_fault(CAC, fault));
    return out;
}

double Functions::cacPayback(double cac, double arpa, const Any &grossMargin)
{
    return evaluate(CAC_PAYBACK, {cac, arpa}, {&grossMargin});
}

double Functions::ltvCac(double ltv, double cac)
{
    return evaluate(LTV_CAC, {ltv, cac});
}

double Functions::maxCac(double ltv, const Any &ratio)
{
    return evaluate(MAX_CAC, {ltv}, {&ratio});
}

double Functions::sqlBudget(double maxCac, double sqlConversion)
{
    return evaluate(SQL_BUDGET, {maxCac, sqlConversion});
}

double Functions::funnelBudget(double maxCac, const Sequence<Any> &rates)
{
    std::vector<double> r;
    for (const Any &rate : rates)
        append_numbers(rate, NonNumbers::reject, FUNNEL_BUDGET, 1, r);
    double out;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    if (clv_funnel_budget(maxCac, r.data(), r.size(), &out, &fault) != CLV_OK)
        fail(FUNNEL_BUDGET, calc_fault(FUNNEL_BUDGET, fault));
    return out;
}

double Functions::roasBreakeven(double margin)
{
    return evaluate(ROAS_BREAKEVEN, {margin});
}

OUString Functions::clvSegment(double value, const AnyRange &values, const Any &highShare,
                               const Any &lowShare)
{
    std::vector<double> v;
    append_numbers(values, NonNumbers::skip, CLV_SEGMENT, 1, v);
    double high = default_of(CLV_SEGMENT, 2), low = default_of(CLV_SEGMENT, 3);
    optional_number(highShare, CLV_SEGMENT, 2, &high);
    optional_number(lowShare, CLV_SEGMENT, 3, &low);
    clv_segment_class segment;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    if (clv_segment(value, v.data(), v.size(), high, low, &segment, &fault) != CLV_OK)
        fail(CLV_SEGMENT, calc_fault(CLV_SEGMENT, fault));
    return OUString::createFromAscii(clv_segment_name(segment));
}

} // namespace clvkit::calc
