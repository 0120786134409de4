/*
 * functions.hxx -- the UNO component: one object that is the Calc add-in
 * (XAddIn: the Function Wizard's texts, from function_table.hxx) and the
 * functions themselves (XClvkit: convert, call the C core through its
 * description, map errors).
 */
#ifndef CLVKIT_ADDIN_FUNCTIONS_HXX
#define CLVKIT_ADDIN_FUNCTIONS_HXX

#include <initializer_list>

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <cppuhelper/implbase4.hxx>
#include <org/clvkit/calc/XClvkit.hpp>

#include "arguments.hxx"
#include "clvkit/catalog.h"
#include "function_table.hxx"

namespace clvkit::calc
{

using rtl::OUString;

/* The service name: with "." and a method name, each function's identity in
 * saved files.  Never change it. */
inline constexpr char SERVICE_NAME[] = "org.clvkit.calc.Functions";
inline constexpr char IMPLEMENTATION_NAME[] = "org.clvkit.calc.FunctionsImpl";

class Functions final
    : public cppu::WeakImplHelper4<css::sheet::XAddIn, css::lang::XServiceName,
                                   css::lang::XServiceInfo, org::clvkit::calc::XClvkit>
{
  public:
    Functions();

    /* XAddIn and XLocalizable (addin_metadata.cxx) */
    OUString SAL_CALL getProgrammaticFuntionName(const OUString &display) override;
    OUString SAL_CALL getDisplayFunctionName(const OUString &method) override;
    OUString SAL_CALL getFunctionDescription(const OUString &method) override;
    OUString SAL_CALL getDisplayArgumentName(const OUString &method, sal_Int32 arg) override;
    OUString SAL_CALL getArgumentDescription(const OUString &method, sal_Int32 arg) override;
    OUString SAL_CALL getProgrammaticCategoryName(const OUString &method) override;
    OUString SAL_CALL getDisplayCategoryName(const OUString &method) override;
    void SAL_CALL setLocale(const css::lang::Locale &locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    /* XServiceName, XServiceInfo (addin_metadata.cxx) */
    OUString SAL_CALL getServiceName() override;
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString &name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

    /* XClvkit, the scalar and array formulas (formula_functions.cxx) */
    css::uno::Any SAL_CALL clv(const AnyRange &aov, const AnyRange &freq, const AnyRange &years,
                               const css::uno::Any &cost, const css::uno::Any &yearlyCost) override;
    double SAL_CALL clvMargin(double aov, double freq, double years, double margin,
                              const css::uno::Any &cost, const css::uno::Any &yearlyCost) override;
    double SAL_CALL clvRet(double margin, double retention, double discount,
                           const css::uno::Any &periods, const css::uno::Any &timing) override;
    double SAL_CALL ltvChurn(double arpa, double grossMargin, double churn) override;
    double SAL_CALL clvAvg(double revenue, double costs, double customers) override;
    double SAL_CALL lifetime(double churn) override;
    double SAL_CALL churnPeriod(double churn, double periods) override;
    double SAL_CALL discountPeriod(double rate, double periods) override;
    double SAL_CALL cac(const AnyRange &spend, const AnyRange &newCustomers) override;
    double SAL_CALL cacPayback(double cac, double arpa, const css::uno::Any &grossMargin) override;
    double SAL_CALL ltvCac(double ltv, double cac) override;
    double SAL_CALL maxCac(double ltv, const css::uno::Any &ratio) override;
    double SAL_CALL sqlBudget(double maxCac, double sqlConversion) override;
    double SAL_CALL funnelBudget(double maxCac,
                                 const css::uno::Sequence<css::uno::Any> &rates) override;
    double SAL_CALL roasBreakeven(double margin) override;
    OUString SAL_CALL clvSegment(double value, const AnyRange &values,
                                 const css::uno::Any &highShare,
                                 const css::uno::Any &lowShare) override;

    /* XClvkit, the transaction models (transaction_models.cxx): the same
     * five methods for each model */
#define CLVKIT_TX_DECLARE(fam)                                                                    \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Fit(                             \
        const AnyRange &x, const AnyRange &t_x, const AnyRange &T, const css::uno::Any &weights)  \
        override;                                                                                 \
    css::uno::Any SAL_CALL fam##PAlive(const AnyRange &x, const AnyRange &t_x, const AnyRange &T, \
                                       const AnyRange &params) override;                          \
    css::uno::Any SAL_CALL fam##Expected(const AnyRange &horizon, const AnyRange &x,              \
                                         const AnyRange &t_x, const AnyRange &T,                  \
                                         const AnyRange &params) override;                        \
    css::uno::Any SAL_CALL fam##ExpectedNew(const AnyRange &horizon, const AnyRange &params)      \
        override;                                                                                 \
    css::uno::Any SAL_CALL fam##Clv(const AnyRange &x, const AnyRange &t_x, const AnyRange &T,    \
                                    const AnyRange &m, const AnyRange &params,                    \
                                    const AnyRange &ggParams, double periods, double discount,    \
                                    const css::uno::Any &margin) override;
    CLVKIT_TX_DECLARE(bgnbd)
    CLVKIT_TX_DECLARE(mbgnbd)
    CLVKIT_TX_DECLARE(pnbd)
#undef CLVKIT_TX_DECLARE

    /* XClvkit, Gamma-Gamma (transaction_models.cxx) */
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL ggFit(const AnyRange &x, const AnyRange &m, const css::uno::Any &weights) override;
    css::uno::Any SAL_CALL ggSpend(const AnyRange &x, const AnyRange &m,
                                   const AnyRange &params) override;
    /* XClvkit, the RFM summary of a transaction log (rfm_summary.cxx) */
    AnyRange SAL_CALL rfmSummary(const AnyRange &ids, const AnyRange &dates,
                                 const AnyRange &amounts, const OUString &unit,
                                 const css::uno::Any &calibrationEnd) override;

    /* XClvkit, cohort table and early value of a log (cohorts.cxx) */
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL cohortTable(const AnyRange &ids, const AnyRange &dates, const AnyRange &amounts,
                             const OUString &period, const css::uno::Any &end) override;
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL earlyValue(const AnyRange &ids, const AnyRange &dates, const AnyRange &amounts,
                            const AnyRange &ages, const OUString &unit, const OUString &period,
                            const css::uno::Any &end) override;

    /* XClvkit, sBG and BG/BB (retention_models.cxx) */
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL sbgFit(const AnyRange &survivors) override;
    css::uno::Any SAL_CALL sbgSurvival(const AnyRange &t, const AnyRange &alpha,
                                       const AnyRange &beta) override;
    css::uno::Any SAL_CALL sbgRetention(const AnyRange &t, const AnyRange &alpha,
                                        const AnyRange &beta) override;
    css::uno::Any SAL_CALL sbgDel(const AnyRange &d, const AnyRange &alpha,
                                  const AnyRange &beta) override;
    css::uno::Any SAL_CALL sbgDerl(const AnyRange &d, const AnyRange &n, const AnyRange &alpha,
                                   const AnyRange &beta) override;
    css::uno::Any SAL_CALL clvSbg(const AnyRange &margin, const AnyRange &d, const AnyRange &n,
                                  const AnyRange &alpha, const AnyRange &beta) override;
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL bgbbFit(const AnyRange &x, const AnyRange &t_x, const AnyRange &n,
                         const css::uno::Any &weights) override;
    css::uno::Any SAL_CALL bgbbPAlive(const AnyRange &x, const AnyRange &t_x, const AnyRange &n,
                                      const AnyRange &params) override;
    css::uno::Any SAL_CALL bgbbExpected(const AnyRange &nstar, const AnyRange &x,
                                        const AnyRange &t_x, const AnyRange &n,
                                        const AnyRange &params) override;
    css::uno::Any SAL_CALL bgbbExpectedNew(const AnyRange &n, const AnyRange &params) override;

    /* XClvkit, the diagnostics of the transaction models (diagnostics.cxx):
     * the same eleven methods for each model, in the DiagRow order */
#define CLVKIT_DIAG_DECLARE(fam)                                                                   \
    css::uno::Any SAL_CALL fam##Dert(const AnyRange &delta, const AnyRange &x,                     \
                                     const AnyRange &t_x, const AnyRange &T,                       \
                                     const AnyRange &params) override;                             \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Stderr(                           \
        const AnyRange &x, const AnyRange &t_x, const AnyRange &T, const AnyRange &params,         \
        const css::uno::Any &weights) override;                                                    \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##PeriodCounts(                     \
        const AnyRange &x, const AnyRange &T, const AnyRange &params, const css::uno::Any &top,    \
        const css::uno::Any &weights) override;                                                    \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Holdout(                          \
        double t, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,                       \
        const AnyRange &xHoldout, const AnyRange &params, const css::uno::Any &top,                \
        const css::uno::Any &weights) override;                                                    \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##HoldoutErrors(                    \
        double t, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,                       \
        const AnyRange &xHoldout, const AnyRange &params, const css::uno::Any &weights) override;  \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Tracking(                         \
        const AnyRange &ids, const AnyRange &dates, const AnyRange &params, const OUString &unit,  \
        const css::uno::Any &period, const css::uno::Any &periods, const css::uno::Any &origin)    \
        override;                                                                                  \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Matrix(                           \
        double kind, double T, const AnyRange &freq, const AnyRange &rec, const AnyRange &params,  \
        const css::uno::Any &t) override;                                                          \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Interval(                         \
        double kind, double t, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,          \
        const AnyRange &params, const AnyRange &fitX, const AnyRange &fitT_x,                      \
        const AnyRange &fitT, const css::uno::Any &level, const css::uno::Any &weights) override;  \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##ClvInterval(                      \
        double delta, double margin, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,    \
        const AnyRange &m, const AnyRange &params, const AnyRange &ggParams, const AnyRange &fitX, \
        const AnyRange &fitT_x, const AnyRange &fitT, const AnyRange &fitM,                        \
        const css::uno::Any &level) override;                                                      \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##Bootstrap(                        \
        double kind, double t, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,          \
        const AnyRange &fitX, const AnyRange &fitT_x, const AnyRange &fitT,                        \
        const css::uno::Any &replicates, const css::uno::Any &seed, const css::uno::Any &level)    \
        override;                                                                                  \
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL fam##ClvBootstrap(                     \
        double delta, double margin, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,    \
        const AnyRange &m, const AnyRange &fitX, const AnyRange &fitT_x, const AnyRange &fitT,     \
        const AnyRange &fitM, const css::uno::Any &replicates, const css::uno::Any &seed,          \
        const css::uno::Any &level) override;
    CLVKIT_DIAG_DECLARE(bgnbd)
    CLVKIT_DIAG_DECLARE(mbgnbd)
    CLVKIT_DIAG_DECLARE(pnbd)
#undef CLVKIT_DIAG_DECLARE

  private:
    /* A catalogue function on its required numbers and optional arguments
     * (omitted ones take the description's defaults). */
    double evaluate(Id id, std::initializer_list<double> required,
                    std::initializer_list<const css::uno::Any *> optional = {});

    css::lang::Locale locale_;
    Language language_ = EN;
};

/* The IDL's parameter lists and the table's argument lists must agree: the
 * count Calc sees (from the IDL) and the texts it shows (from the table).
 * Each method is checked by a static_assert next to its definition. */
template <class R, class C, class... A> constexpr std::size_t arity(R (SAL_CALL C::*)(A...))
{
    return sizeof...(A);
}

} // namespace clvkit::calc

#endif
