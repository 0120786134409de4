/*
 * model_data.cxx -- see model_data.hxx.
 */
#include "model_data.hxx"

#include "cells.hxx"
#include "core_row.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::Sequence;

void same_size(std::size_t function, const AnyRange *const in[], std::size_t n,
               const std::size_t *at)
{
    const sal_Int32 rows = in[0]->getLength();
    const sal_Int32 cols = rows ? (*in[0])[0].getLength() : 0;
    for (std::size_t i = 0; i < n; i++) {
        bool same = in[i]->getLength() == rows;
        for (const auto &row : *in[i])
            same = same && row.getLength() == cols;
        if (!same)
            fail(function, at ? at[i] : i, "must be a range of the same size as the first");
    }
}

Columns::Columns(std::size_t function, std::initializer_list<const AnyRange *> ranges,
                 const Any &weights, std::initializer_list<std::size_t> at)
{
    const AnyRange *in[MAX_ARGS];
    std::size_t pos[MAX_ARGS];
    AnyRange weight_cells;
    for (std::size_t i = 0; i < MAX_ARGS; i++)
        pos[i] = i < at.size() ? at.begin()[i] : i;
    for (const AnyRange *r : ranges)
        in[n_++] = r;
    if (optional_range(weights, function, pos[n_], &weight_cells))
        in[n_++] = &weight_cells;
    same_size(function, in, n_, pos);
    const std::size_t cells = static_cast<std::size_t>(in[0]->getLength()) *
                              (in[0]->getLength() ? (*in[0])[0].getLength() : 0);
    for (std::size_t i = 0; i < n_; i++)
        col_[i].reserve(cells);
    each_row(in, n_, [&](sal_Int32 r, sal_Int32 c, std::size_t cell) {
        for (std::size_t i = 0; i < n_; i++) {
            const Any &v = (*in[i])[r][c];
            double x;
            if (empty_cell(v))
                fail(function, clv_fault{pos[i], cell,
                                         "must not have an empty cell "
                                         "where the other ranges have data"});
            if (!cell_number(v, &x))
                fail_text(function, clv_fault{pos[i], cell, "must contain numbers only, no text"});
            col_[i].push_back(x);
        }
        cell_.push_back(cell);
    });
    if (cell_.empty())
        fail(function, pos[0], "must contain at least one row of numbers");
}

clv_model read_model(std::size_t function, std::size_t arg, clv_model_kind kind,
                     const AnyRange &params)
{
    clv_model model{};
    model.kind = kind;
    model.unit = CLV_UNIT_NONE;
    const std::size_t want = clv_model_nparams(kind);
    std::size_t n = 0;
    for (const auto &row : params)
        n += static_cast<std::size_t>(row.getLength());
    if (n != want && n != want + 1)
        fail(function, arg,
             want == 2   ? "must hold the 2 parameters, as the fit returns them"
             : want == 3 ? "must hold the 3 parameters, as the fit returns them"
                         : "must hold the 4 parameters, as the fit returns them");
    std::size_t i = 0;
    for (const auto &row : params) {
        for (const Any &cell : row) {
            if (i < want && empty_cell(cell))
                fail(function, clv_fault{arg, i, "must not have an empty cell"});
            if (i < want && !cell_number(cell, &model.param[i]))
                fail_text(function, clv_fault{arg, i, "must contain numbers only"});
            i++;
        }
    }
    return model;
}

Sequence<Sequence<double>> run_fit(std::size_t function, const double *const columns[],
                                   std::size_t n, const std::vector<std::size_t> &cells)
{
    /* clv_func_fit takes the row's sequences in C order */
    const clv_func *row = core_row(function);
    const double *seqs[MAX_ARGS] = {};
    for (std::size_t i = 0; i < FUNCTIONS[function].nargs; i++) {
        const Passes &p = passes(function, i);
        std::size_t rank = 0;
        clv_arg a;
        for (std::size_t k = 0; k < p.arg && clv_func_arg(row, k, &a); k++)
            rank += a.shape == CLV_SHAPE_SEQUENCE;
        if (p.desc.shape == CLV_SHAPE_SEQUENCE && rank < MAX_ARGS)
            seqs[rank] = columns[i];
    }
    const FitBudget budget;
    clv_model model;
    clv_fit_info info;
    clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
    const clv_status st = clv_func_fit(row, model_kind(function), seqs, n, 0, CLV_UNIT_NONE,
                                       budget.options(), &model, &info, &fault);
    if (st != CLV_OK) {
        clv_fault at = calc_fault(function, fault);
        if (at.element < cells.size()) /* a row of the columns: its cell */
            at.element = cells[at.element];
        fail(function, st, at);
    }
    const std::size_t k = clv_model_nparams(model.kind);
    Sequence<double> out(static_cast<sal_Int32>(k + 1));
    double *v = out.getArray();
    for (std::size_t i = 0; i < k; i++)
        v[i] = model.param[i];
    v[k] = info.loglik;
    return Sequence<Sequence<double>>(&out, 1);
}

Any predict(std::size_t function, std::initializer_list<const Any *> args)
{
    const clv_func *row = core_row(function);
    const clv_model_kind kind = model_kind(function);
    clv_model model{};
    model.kind = kind;
    model.unit = CLV_UNIT_NONE;
    /* where cell operand i goes: a model parameter or an argument after the model */
    const Any *cell[MAX_ARGS] = {};
    std::size_t slot[MAX_ARGS] = {};
    bool param[MAX_ARGS] = {};
    std::size_t n = 0;
    for (const Any *a : args) {
        const Passes &p = passes(function, n);
        if (p.whole_model) {
            AnyRange range;
            if (!(*a >>= range))
                fail_text(function, n, "must be a range of numbers");
            model = read_model(function, n, kind, range);
        } else {
            cell[n] = a;
            param[n] = p.param != NOWHERE;
            slot[n] = param[n] ? p.param : p.arg - 1; /* the model is the row's argument 0 */
        }
        n++;
    }
    const std::size_t na = clv_func_nargs(row) - 1;
    return each_cell(function, Cells(function, cell, n),
                     [&](const double *v, double *out, clv_fault *fault) {
                         clv_model m = model;
                         double a[MAX_ARGS];
                         for (std::size_t i = 0; i < n; i++) {
                             if (param[i])
                                 m.param[slot[i]] = v[i];
                             else if (cell[i])
                                 a[slot[i]] = v[i];
                         }
                         return clv_func_predict(row, &m, a, na, out, fault);
                     });
}

FitBudget::FitBudget()
{
    options_.progress = &Budget::stop;
    options_.progress_data = &budget_;
}

} // namespace clvkit::calc
