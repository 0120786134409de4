/*
 * diagnostics.cxx -- can I trust this model?  The diagnostics of BG/NBD,
 * MBG/NBD and Pareto/NBD in cells (issue 12): DERT per customer (a
 * prediction, so the generic predict()), the standard errors of the
 * parameters, and array results: period counts, holdout by calibration
 * frequency and its errors, tracking of a log and the two frequency x
 * recency matrices, and intervals: delta method (covariance at the
 * parameters given), CLV, bootstrap, CLV bootstrap.  Each model has the
 * same eleven functions, in the DiagRow order of function_table.hxx.
 * Conversions only: the C core (clvkit/diagnostics.h) does the rest; its
 * faults name the argument the description says it blames.
 */
#include "functions.hxx"

#include <cmath>
#include <memory>
#include <vector>

#include "budget.hxx"
#include "cells.hxx"
#include "core_row.hxx"
#include "model_data.hxx"
#include "transaction_log.hxx"
#include "clvkit/diagnostics.h"
#include "clvkit/intervals.h"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;
using org::clvkit::calc::XClvkit;

#define CLVKIT_CHECK_DIAG_ARITY(fam, FAM)                                                        \
    static_assert(arity(&XClvkit::fam##Dert) == FUNCTIONS[FAM##_DERT].nargs);                    \
    static_assert(arity(&XClvkit::fam##Stderr) == FUNCTIONS[FAM##_STDERR].nargs);                \
    static_assert(arity(&XClvkit::fam##PeriodCounts) == FUNCTIONS[FAM##_PERIOD_COUNTS].nargs);   \
    static_assert(arity(&XClvkit::fam##Holdout) == FUNCTIONS[FAM##_HOLDOUT].nargs);              \
    static_assert(arity(&XClvkit::fam##HoldoutErrors) == FUNCTIONS[FAM##_HOLDOUT_ERRORS].nargs); \
    static_assert(arity(&XClvkit::fam##Tracking) == FUNCTIONS[FAM##_TRACKING].nargs);            \
    static_assert(arity(&XClvkit::fam##Matrix) == FUNCTIONS[FAM##_MATRIX].nargs);                \
    static_assert(arity(&XClvkit::fam##Interval) == FUNCTIONS[FAM##_INTERVAL].nargs);            \
    static_assert(arity(&XClvkit::fam##ClvInterval) == FUNCTIONS[FAM##_CLV_INTERVAL].nargs);     \
    static_assert(arity(&XClvkit::fam##Bootstrap) == FUNCTIONS[FAM##_BOOTSTRAP].nargs);          \
    static_assert(arity(&XClvkit::fam##ClvBootstrap) == FUNCTIONS[FAM##_CLV_BOOTSTRAP].nargs);
CLVKIT_CHECK_DIAG_ARITY(bgnbd, BGNBD)
CLVKIT_CHECK_DIAG_ARITY(mbgnbd, MBGNBD)
CLVKIT_CHECK_DIAG_ARITY(pnbd, PNBD)
#undef CLVKIT_CHECK_DIAG_ARITY

namespace
{

using Table = Sequence<Sequence<double>>;

/* Calc's #N/A inside a number: a chart leaves the point out. */
inline constexpr unsigned ERR_NOT_AVAILABLE = 32767;

/* An optional number: the description's default when omitted. */
double option(std::size_t function, std::size_t arg, const Any &value)
{
    double v = passes(function, arg).desc.def;
    optional_number(value, function, arg, &v);
    return v;
}

/* A count the core takes as size_t (a number of groups or periods): the
 * core's domain text when it is not a whole number in range, so no
 * conversion of a huge or negative double is undefined. */
std::size_t whole(std::size_t function, std::size_t arg, double v)
{
    const clv_arg &d = passes(function, arg).desc;
    if (!(v >= 0 && v <= 1e9 && v == std::floor(v)))
        fail(function, arg, clv_domain_text(d.domain));
    return static_cast<std::size_t>(v);
}

/* A failed core call: its fault in Calc's terms, a row of the columns
 * turned into its cell. */
void check(std::size_t function, clv_status st, const clv_fault &fault,
           const std::vector<std::size_t> *cells = nullptr)
{
    if (st == CLV_OK)
        return;
    clv_fault at = calc_fault(function, fault);
    if (cells && at.element < cells->size())
        at.element = (*cells)[at.element];
    fail(function, st, at);
}

/* A rows x cols table whose cell (r, c) is value(r, c); NaN shows as #N/A
 * (a group without customers has no mean). */
template <class F> Table table(std::size_t rows, std::size_t cols, F value)
{
    Table out(static_cast<sal_Int32>(rows));
    auto *row = out.getArray();
    for (std::size_t r = 0; r < rows; r++) {
        row[r].realloc(static_cast<sal_Int32>(cols));
        double *v = row[r].getArray();
        for (std::size_t c = 0; c < cols; c++) {
            const double x = value(r, c);
            v[c] = std::isnan(x) ? error_value(ERR_NOT_AVAILABLE) : x;
        }
    }
    return out;
}

Table standard_errors(std::size_t id, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,
                      const AnyRange &params, const Any &weights)
{
    const clv_model model = read_model(id, 3, model_kind(id), params);
    const Columns data(id, {&x, &t_x, &T}, weights, {0, 1, 2, 4});
    double se[CLV_MODEL_MAXPARAMS];
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_tx_stderr(&model, data.column(0), data.column(1), data.column(2),
                                        data.column(3), data.size(), se, &fault);
    check(id, st, fault, &data.cells());
    return table(1, clv_model_nparams(model.kind),
                 [&](std::size_t, std::size_t c) { return se[c]; });
}

Table period_counts(std::size_t id, const AnyRange &x, const AnyRange &T, const AnyRange &params,
                    const Any &top_arg, const Any &weights)
{
    const clv_model model = read_model(id, 2, model_kind(id), params);
    const std::size_t top = whole(id, 3, option(id, 3, top_arg));
    const Columns data(id, {&x, &T}, weights, {0, 1, 4});
    std::vector<double> actual(top + 1), expected(top + 1);
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st =
        clv_period_counts(&model, data.column(0), data.column(1), data.column(2), data.size(), top,
                          actual.data(), expected.data(), &fault);
    check(id, st, fault, &data.cells());
    return table(top + 1, 3, [&](std::size_t r, std::size_t c) {
        return c == 0 ? static_cast<double>(r) : c == 1 ? actual[r] : expected[r];
    });
}

/* Holdout by frequency: the groups (top given) or the errors. */
Table holdout(std::size_t id, double t, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,
              const AnyRange &x_holdout, const AnyRange &params, const Any *top_arg,
              const Any &weights)
{
    const clv_model model = read_model(id, 5, model_kind(id), params);
    const std::size_t top = top_arg ? whole(id, 6, option(id, 6, *top_arg)) : 7;
    const Columns data(id, {&x, &t_x, &T, &x_holdout}, weights,
                       {1, 2, 3, 4, top_arg ? std::size_t{7} : std::size_t{6}});
    std::vector<double> count(top + 1), actual(top + 1), expected(top + 1);
    clv_holdout_errors errors{};
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_holdout_by_frequency(
        &model, t, data.column(0), data.column(1), data.column(2), data.column(3), data.column(4),
        data.size(), top, count.data(), actual.data(), expected.data(), &errors, &fault);
    check(id, st, fault, &data.cells());
    if (!top_arg) {
        const double e[] = {errors.mae, errors.rmse, errors.actual_total, errors.expected_total,
                            errors.error_pct};
        return table(1, 5, [&](std::size_t, std::size_t c) { return e[c]; });
    }
    return table(top + 1, 4, [&](std::size_t r, std::size_t c) {
        return c == 0   ? static_cast<double>(r)
               : c == 1 ? count[r]
               : c == 2 ? actual[r]
                        : expected[r];
    });
}

struct TrackingFree {
    void operator()(clv_tracking *t) const { clv_tracking_free(t); }
};

Table tracking(std::size_t id, const AnyRange &ids, const AnyRange &dates, const AnyRange &params,
               const OUString &unit, const Any &period_arg, const Any &periods_arg,
               const Any &origin_arg)
{
    clv_model model = read_model(id, 2, model_kind(id), params);
    model.unit = unit_of(id, 3, unit);
    const double period = option(id, 4, period_arg);
    const std::size_t periods = whole(id, 5, option(id, 5, periods_arg));
    double origin = passes(id, 6).desc.def;
    if (origin_arg.hasValue() && day_of(origin_arg, &origin) != CLV_OK)
        fail(id, 6, CLV_DATE_REASON);
    bool numeric_ids;
    const LogPtr log = read_log(id, 0, ids, dates, nullptr, &numeric_ids);
    clv_tracking *out = nullptr;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st =
        clv_tracking_log(&model, log.get(), period, periods, origin, &out, &fault);
    const std::unique_ptr<clv_tracking, TrackingFree> tr(out);
    check(id, st, fault);
    return table(tr->periods, 5, [&](std::size_t r, std::size_t c) {
        const double *col[] = {nullptr, tr->actual, tr->actual_cum, tr->expected, tr->expected_cum};
        return c == 0 ? static_cast<double>(r + 1) : col[c][r];
    });
}

/* The numbers of a range, row by row; an empty cell or text fails. */
std::vector<double> numbers(std::size_t id, std::size_t arg, const AnyRange &range)
{
    std::vector<double> out;
    append_numbers(range, NonNumbers::reject, id, arg, out);
    if (out.empty())
        fail(id, arg, "must hold at least one number");
    return out;
}

Table matrix(std::size_t id, double kind, double T, const AnyRange &freq_arg,
             const AnyRange &rec_arg, const AnyRange &params, const Any &t_arg)
{
    const clv_model model = read_model(id, 4, model_kind(id), params);
    const double t = option(id, 5, t_arg);
    if (kind != 0 && kind != 1)
        fail(id, 0, clv_domain_text(passes(id, 0).desc.domain));
    const std::vector<double> freq = numbers(id, 2, freq_arg), rec = numbers(id, 3, rec_arg);
    std::vector<double> out(freq.size() * rec.size());
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st =
        clv_tx_matrix(&model, kind == 0 ? CLV_MATRIX_EXPECTED : CLV_MATRIX_PALIVE, t, T,
                      freq.data(), freq.size(), rec.data(), rec.size(), out.data(), &fault);
    check(id, st, fault);
    return table(freq.size(), rec.size(),
                 [&](std::size_t r, std::size_t c) { return out[r * rec.size() + c]; });
}

/* The Calc positions of INTERVAL's arguments (table_diagnostics.hxx). */
enum IntervalArg : std::size_t { IV_KIND, IV_T, IV_X, IV_PARAMS = 5, IV_FIT_X, IV_LEVEL = 9 };

/* A fault of the fit's data (rows tx_covariance, gg_covariance,
 * bootstrap_fit).  Its names x, t_x, T (and m) match the customers'
 * arguments, at Calc positions first..last; the data's are `shift`
 * further.  The model (argument 0 of the covariance rows) is the range
 * of parameters at Calc position `params`. */
struct DataArgs {
    std::size_t first, last, shift, params;
};
[[noreturn]] void fail_data(std::size_t id, clv_status st, const clv_fault &fault,
                            const std::vector<std::size_t> &cells, const char *row,
                            const DataArgs &at_)
{
    clv_fault at = calc_fault(id, fault, clv_func_find(row));
    if (fault.arg == 0 && at.arg == NOWHERE)
        at = clv_fault{at_.params, CLV_FAULT_NONE, fault.reason};
    else if (at.arg >= at_.first && at.arg <= at_.last) {
        at.arg += at_.shift;
        if (at.element < cells.size())
            at.element = cells[at.element];
    }
    fail(id, st, at);
}

/* A failed prediction (argument pred of the interval rows): a customer's
 * cell in the range at Calc position x, else the argument `other`. */
[[noreturn]] void fail_pred(std::size_t id, clv_status st, const clv_fault &fault,
                            const Columns &who, std::size_t x, std::size_t other)
{
    const bool customer = fault.element < who.size();
    fail(id, st,
         clv_fault{customer ? x : other, customer ? who.cells()[fault.element] : CLV_FAULT_NONE,
                   fault.reason});
}

/* The four cells of an interval. */
Table interval_row(const clv_interval &out)
{
    const double v[] = {out.estimate, out.lower, out.upper, out.se};
    return table(1, 4, [&](std::size_t, std::size_t c) { return v[c]; });
}

/* Kinds 0..3 of a prediction (clv_prediction_kind), at Calc position 0. */
clv_prediction prediction(std::size_t id, double kind, double t, const Columns &who)
{
    if (kind != CLV_PRED_PALIVE && kind != CLV_PRED_CONDITIONAL && kind != CLV_PRED_EXPECTED &&
        kind != CLV_PRED_DERT)
        fail(id, IV_KIND, "must be 0 (P(alive)), 1 (expected transactions), 2 or 3 (DERT)");
    clv_prediction pred{};
    pred.kind = static_cast<clv_prediction_kind>(kind);
    pred.t = t;
    pred.delta = t;
    pred.x = who.column(0);
    pred.t_x = who.column(1);
    pred.T = who.column(2);
    pred.n = who.size();
    return pred;
}

/* The delta-method interval of a prediction of the customers (x, t_x, T;
 * their sum over a range), with the covariance at the parameters given on
 * the data given (tx_covariance: no re-fit; they must be a maximum). */
Table interval(std::size_t id, double kind, double t, const AnyRange &x, const AnyRange &t_x,
               const AnyRange &T, const AnyRange &params, const AnyRange &fit_x,
               const AnyRange &fit_t_x, const AnyRange &fit_T, const Any &level_arg,
               const Any &weights)
{
    const clv_model model = read_model(id, IV_PARAMS, model_kind(id), params);
    const double level = option(id, IV_LEVEL, level_arg);
    const Columns who(id, {&x, &t_x, &T}, Any(), {2, 3, 4, 10});
    const clv_prediction pred = prediction(id, kind, t, who);
    const Columns data(id, {&fit_x, &fit_t_x, &fit_T}, weights, {6, 7, 8, 10});
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS];
    clv_status st = clv_tx_covariance(&model, data.column(0), data.column(1), data.column(2),
                                      data.column(3), data.size(), nullptr, cov, &fault);
    if (st != CLV_OK)
        fail_data(id, st, fault, data.cells(), "tx_covariance",
                  {IV_X, IV_PARAMS - 1, IV_FIT_X - IV_X, IV_PARAMS});
    clv_interval out{};
    st = clv_interval_delta(&model, cov, nullptr, nullptr, &pred, level, &out, &fault);
    if (st != CLV_OK && fault.arg == 4) /* pred: a customer or the horizon */
        fail_pred(id, st, fault, who, IV_X, IV_T);
    check(id, st, fault);
    return interval_row(out);
}

/* The Calc positions of CLV_INTERVAL's arguments. */
enum ClvIntervalArg : std::size_t {
    CI_DELTA,
    CI_MARGIN,
    CI_X,
    CI_M = 5,
    CI_TX,
    CI_GG,
    CI_FIT_X,
    CI_FIT_M = 11,
    CI_LEVEL
};

/* The residual value DERT x E[M] x margin of the customers `who` (x, t_x,
 * T, m at Calc positions CI_X..CI_M in both CLV functions), as the
 * intervals take it, after dert_clv has named a bad delta, margin or first
 * customer (the core checks them only together with the models). */
clv_prediction value_prediction(std::size_t id, const clv_model &tx, const clv_model &gg,
                                double delta, double margin, const Columns &who)
{
    if (who.size() == 0)
        fail(id, CI_X, "must hold at least one number");
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    double first;
    const clv_status st = clv_dert_clv(&tx, &gg, delta, margin, who.column(0)[0], who.column(1)[0],
                                       who.column(2)[0], who.column(3)[0], &first, &fault);
    if (st != CLV_OK && st != CLV_ELOSS) {
        clv_fault at = calc_fault(id, fault, clv_func_find("dert_clv"));
        if (at.arg >= CI_X && at.arg <= CI_M)
            at.element = who.cells()[0];
        fail(id, st, at);
    }
    clv_prediction pred{};
    pred.kind = CLV_PRED_CLV;
    pred.delta = delta;
    pred.margin = margin;
    pred.x = who.column(0);
    pred.t_x = who.column(1);
    pred.T = who.column(2);
    pred.m = who.column(3);
    pred.n = who.size();
    return pred;
}

/* The delta-method interval of the residual value DERT x E[M] x margin of
 * the customers (their sum over a range), with the covariances of both
 * models at the parameters given, on the data given. */
Table value_interval(std::size_t id, double delta, double margin, const AnyRange &x,
                     const AnyRange &t_x, const AnyRange &T, const AnyRange &m,
                     const AnyRange &tx_params, const AnyRange &gg_params, const AnyRange &fit_x,
                     const AnyRange &fit_t_x, const AnyRange &fit_T, const AnyRange &fit_m,
                     const Any &level_arg)
{
    const clv_model tx = read_model(id, CI_TX, model_kind(id), tx_params);
    const clv_model gg = read_model(id, CI_GG, CLV_MODEL_GG, gg_params);
    const double level = option(id, CI_LEVEL, level_arg);
    const Columns who(id, {&x, &t_x, &T, &m}, Any(), {2, 3, 4, 5, 13});
    const Columns data(id, {&fit_x, &fit_t_x, &fit_T, &fit_m}, Any(), {8, 9, 10, 11, 13});
    const clv_prediction pred = value_prediction(id, tx, gg, delta, margin, who);
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const DataArgs moved{CI_X, CI_M, CI_FIT_X - CI_X, CI_TX};
    double tx_cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS];
    clv_status st = clv_tx_covariance(&tx, data.column(0), data.column(1), data.column(2), nullptr,
                                      data.size(), nullptr, tx_cov, &fault);
    if (st != CLV_OK)
        fail_data(id, st, fault, data.cells(), "tx_covariance", moved);
    double gg_cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS];
    st = clv_gg_covariance(&gg, data.column(0), data.column(3), nullptr, data.size(), nullptr,
                           gg_cov, &fault);
    if (st != CLV_OK)
        fail_data(id, st, fault, data.cells(), "gg_covariance",
                  {moved.first, moved.last, moved.shift, CI_GG});
    clv_interval out{};
    st = clv_interval_delta(&tx, tx_cov, &gg, gg_cov, &pred, level, &out, &fault);
    if (st != CLV_OK && fault.arg == 4)
        fail_pred(id, st, fault, who, CI_X, CI_DELTA);
    check(id, st, fault);
    return interval_row(out);
}

struct BootstrapFree {
    void operator()(clv_bootstrap *b) const { clv_bootstrap_free(b); }
};
using BootstrapPtr = std::unique_ptr<clv_bootstrap, BootstrapFree>;

/* The re-fits of both bootstrap functions on the data (x, t_x, T and, for
 * the value, m: Gamma-Gamma re-fitted on the same resampled customers),
 * with the replicates and the seed at Calc positions reps and reps + 1.
 * The time budget is their progress: many replicates stop (Err:523)
 * rather than hold Calc.  A fault of the data blames its range (`moved`). */
BootstrapPtr resample(std::size_t id, const Columns &data, bool spend, std::size_t reps,
                      const Any &reps_arg, const Any &seed_arg, const DataArgs &moved)
{
    clv_bootstrap_options opts{};
    opts.replicates = whole(id, reps, option(id, reps, reps_arg));
    opts.seed = whole(id, reps + 1, option(id, reps + 1, seed_arg));
    Budget budget;
    opts.progress = &Budget::stop;
    opts.progress_data = &budget;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    clv_bootstrap *boot = nullptr;
    const clv_status st = clv_bootstrap_fit(model_kind(id), data.column(0), data.column(1),
                                            data.column(2), spend ? data.column(3) : nullptr,
                                            data.size(), CLV_UNIT_NONE, &opts, &boot, &fault);
    BootstrapPtr owned(boot);
    if (st != CLV_OK)
        fail_data(id, st, fault, data.cells(), "bootstrap_fit", moved);
    return owned;
}

/* The Calc positions of BOOTSTRAP's arguments. */
enum BootArg : std::size_t { BT_KIND, BT_T, BT_X, BT_FIT_X = 5, BT_REPS = 8, BT_SEED, BT_LEVEL };

/* A percentile bootstrap interval of a prediction (kinds 0..3, as
 * INTERVAL) or of the parameters (kind 4: a row each), from re-fits on
 * the data resampled with the seed; the estimate is the fit on all of it. */
Table bootstrap(std::size_t id, double kind, double t, const AnyRange &x, const AnyRange &t_x,
                const AnyRange &T, const AnyRange &fit_x, const AnyRange &fit_t_x,
                const AnyRange &fit_T, const Any &reps_arg, const Any &seed_arg,
                const Any &level_arg)
{
    const bool params = kind == 4;
    const Columns who(id, {&x, &t_x, &T}, Any(), {2, 3, 4, 11});
    const clv_prediction pred = params ? clv_prediction{} : prediction(id, kind, t, who);
    const Columns data(id, {&fit_x, &fit_t_x, &fit_T}, Any(), {5, 6, 7, 11});
    const double level = option(id, BT_LEVEL, level_arg);
    const BootstrapPtr boot = resample(id, data, false, BT_REPS, reps_arg, seed_arg,
                                       {BT_X, BT_FIT_X - 1, BT_FIT_X - BT_X, NOWHERE});
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    clv_status st;
    if (params) {
        clv_interval iv[CLV_MODEL_MAXPARAMS];
        st = clv_param_intervals_bootstrap(boot.get(), level, iv, nullptr, &fault);
        check(id, st, fault);
        return table(clv_model_nparams(boot->tx_fit.kind), 4, [&](std::size_t r, std::size_t c) {
            const double v[] = {iv[r].estimate, iv[r].lower, iv[r].upper, iv[r].se};
            return v[c];
        });
    }
    clv_interval out{};
    st = clv_interval_bootstrap(boot.get(), &pred, level, &out, &fault);
    if (st != CLV_OK && fault.arg == 1) /* pred */
        fail_pred(id, st, fault, who, BT_X, BT_T);
    check(id, st, fault);
    return interval_row(out);
}

/* The Calc positions of CLV_BOOTSTRAP's arguments: CLV_INTERVAL's without
 * the two ranges of parameters (the bootstrap fits its own), then
 * BOOTSTRAP's replicates, seed and level. */
enum ClvBootArg : std::size_t { CB_FIT_X = 6, CB_FIT_M = 9, CB_REPS, CB_SEED, CB_LEVEL };

/* A percentile bootstrap interval of the residual value DERT x E[M] x
 * margin of the customers (their sum over a range): the transaction model
 * and Gamma-Gamma re-fitted on the same resampled customers; the estimate
 * is the value at both fits on all the data. */
Table value_bootstrap(std::size_t id, double delta, double margin, const AnyRange &x,
                      const AnyRange &t_x, const AnyRange &T, const AnyRange &m,
                      const AnyRange &fit_x, const AnyRange &fit_t_x, const AnyRange &fit_T,
                      const AnyRange &fit_m, const Any &reps_arg, const Any &seed_arg,
                      const Any &level_arg)
{
    const double level = option(id, CB_LEVEL, level_arg);
    const Columns who(id, {&x, &t_x, &T, &m}, Any(), {2, 3, 4, 5, 13});
    const Columns data(id, {&fit_x, &fit_t_x, &fit_T, &fit_m}, Any(), {6, 7, 8, 9, 13});
    if (who.size() == 0) /* before the re-fits */
        fail(id, CI_X, "must hold at least one number");
    const BootstrapPtr boot = resample(id, data, true, CB_REPS, reps_arg, seed_arg,
                                       {CI_X, CI_M, CB_FIT_X - CI_X, NOWHERE});
    const clv_prediction pred =
        value_prediction(id, boot->tx_fit, boot->gg_fit, delta, margin, who);
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    clv_interval out{};
    const clv_status st = clv_interval_bootstrap(boot.get(), &pred, level, &out, &fault);
    if (st != CLV_OK && fault.arg == 1) /* pred */
        fail_pred(id, st, fault, who, CI_X, CI_DELTA);
    check(id, st, fault);
    return interval_row(out);
}

} // namespace

#define CLVKIT_DIAG_METHODS(fam, FAM)                                                              \
    Any Functions::fam##Dert(const AnyRange &delta, const AnyRange &x, const AnyRange &t_x,        \
                             const AnyRange &T, const AnyRange &params)                            \
    {                                                                                              \
        const Any in[] = {Any(delta), Any(x), Any(t_x), Any(T), Any(params)};                      \
        return predict(FAM##_DERT, {&in[0], &in[1], &in[2], &in[3], &in[4]});                      \
    }                                                                                              \
    Table Functions::fam##Stderr(const AnyRange &x, const AnyRange &t_x, const AnyRange &T,        \
                                 const AnyRange &params, const Any &weights)                       \
    {                                                                                              \
        return standard_errors(FAM##_STDERR, x, t_x, T, params, weights);                          \
    }                                                                                              \
    Table Functions::fam##PeriodCounts(const AnyRange &x, const AnyRange &T,                       \
                                       const AnyRange &params, const Any &top, const Any &weights) \
    {                                                                                              \
        return period_counts(FAM##_PERIOD_COUNTS, x, T, params, top, weights);                     \
    }                                                                                              \
    Table Functions::fam##Holdout(double t, const AnyRange &x, const AnyRange &t_x,                \
                                  const AnyRange &T, const AnyRange &xHoldout,                     \
                                  const AnyRange &params, const Any &top, const Any &weights)      \
    {                                                                                              \
        return holdout(FAM##_HOLDOUT, t, x, t_x, T, xHoldout, params, &top, weights);              \
    }                                                                                              \
    Table Functions::fam##HoldoutErrors(double t, const AnyRange &x, const AnyRange &t_x,          \
                                        const AnyRange &T, const AnyRange &xHoldout,               \
                                        const AnyRange &params, const Any &weights)                \
    {                                                                                              \
        return holdout(FAM##_HOLDOUT_ERRORS, t, x, t_x, T, xHoldout, params, nullptr, weights);    \
    }                                                                                              \
    Table Functions::fam##Tracking(const AnyRange &ids, const AnyRange &dates,                     \
                                   const AnyRange &params, const OUString &unit,                   \
                                   const Any &period, const Any &periods, const Any &origin)       \
    {                                                                                              \
        return tracking(FAM##_TRACKING, ids, dates, params, unit, period, periods, origin);        \
    }                                                                                              \
    Table Functions::fam##Matrix(double kind, double T, const AnyRange &freq, const AnyRange &rec, \
                                 const AnyRange &params, const Any &t)                             \
    {                                                                                              \
        return matrix(FAM##_MATRIX, kind, T, freq, rec, params, t);                                \
    }                                                                                              \
    Table Functions::fam##Interval(double kind, double t, const AnyRange &x, const AnyRange &t_x,  \
                                   const AnyRange &T, const AnyRange &params,                      \
                                   const AnyRange &fitX, const AnyRange &fitT_x,                   \
                                   const AnyRange &fitT, const Any &level, const Any &weights)     \
    {                                                                                              \
        return interval(FAM##_INTERVAL, kind, t, x, t_x, T, params, fitX, fitT_x, fitT, level,     \
                        weights);                                                                  \
    }                                                                                              \
    Table Functions::fam##ClvInterval(                                                             \
        double delta, double margin, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,    \
        const AnyRange &m, const AnyRange &params, const AnyRange &ggParams, const AnyRange &fitX, \
        const AnyRange &fitT_x, const AnyRange &fitT, const AnyRange &fitM, const Any &level)      \
    {                                                                                              \
        return value_interval(FAM##_CLV_INTERVAL, delta, margin, x, t_x, T, m, params, ggParams,   \
                              fitX, fitT_x, fitT, fitM, level);                                    \
    }                                                                                              \
    Table Functions::fam##Bootstrap(double kind, double t, const AnyRange &x, const AnyRange &t_x, \
                                    const AnyRange &T, const AnyRange &fitX,                       \
                                    const AnyRange &fitT_x, const AnyRange &fitT,                  \
                                    const Any &replicates, const Any &seed, const Any &level)      \
    {                                                                                              \
        return bootstrap(FAM##_BOOTSTRAP, kind, t, x, t_x, T, fitX, fitT_x, fitT, replicates,      \
                         seed, level);                                                             \
    }                                                                                              \
    Table Functions::fam##ClvBootstrap(                                                            \
        double delta, double margin, const AnyRange &x, const AnyRange &t_x, const AnyRange &T,    \
        const AnyRange &m, const AnyRange &fitX, const AnyRange &fitT_x, const AnyRange &fitT,     \
        const AnyRange &fitM, const Any &replicates, const Any &seed, const Any &level)            \
    {                                                                                              \
        return value_bootstrap(FAM##_CLV_BOOTSTRAP, delta, margin, x, t_x, T, m, fitX, fitT_x,     \
                               fitT, fitM, replicates, seed, level);                               \
    }

CLVKIT_DIAG_METHODS(bgnbd, BGNBD)
CLVKIT_DIAG_METHODS(mbgnbd, MBGNBD)
CLVKIT_DIAG_METHODS(pnbd, PNBD)
#undef CLVKIT_DIAG_METHODS

} // namespace clvkit::calc
