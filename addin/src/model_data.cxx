/*
 * model_data.cxx -- see model_data.hxx.
 */
#include "model_data.hxx"

#include <cmath>

namespace clvkit::calc {

using css::uno::Any;
using css::uno::Sequence;

void same_size(std::size_t function, const AnyRange *const in[], std::size_t n)
{
    const sal_Int32 rows = in[0]->getLength();
    const sal_Int32 cols = rows ? (*in[0])[0].getLength() : 0;
    for (std::size_t i = 0; i < n; i++) {
        bool same = in[i]->getLength() == rows;
        for (const auto &row : *in[i])
            same = same && row.getLength() == cols;
        if (!same)
            fail(function, i, "must be a range of the same size as the first");
    }
}

Columns::Columns(std::size_t function, std::initializer_list<const AnyRange *> ranges,
                 const Any &weights)
{
    const AnyRange *in[MAX];
    AnyRange weight_cells;
    for (const AnyRange *r : ranges)
        in[n_++] = r;
    if (optional_range(weights, function, n_, &weight_cells)) {
        in[n_++] = &weight_cells;
        weighted_ = true;
    }
    same_size(function, in, n_);
    const std::size_t cells = static_cast<std::size_t>(in[0]->getLength())
                              * (in[0]->getLength() ? (*in[0])[0].getLength() : 0);
    for (std::size_t i = 0; i < n_; i++)
        col_[i].reserve(cells);
    each_row(in, n_, [&](sal_Int32 r, sal_Int32 c, std::size_t cell) {
        for (std::size_t i = 0; i < n_; i++) {
            const Any &v = (*in[i])[r][c];
            double x;
            if (empty_cell(v))
                fail(function, clv_fault{i, cell, "must not have an empty cell "
                                                  "where the other ranges have data"});
            if (!cell_number(v, &x))
                fail_text(function, clv_fault{i, cell, "must contain numbers only, no text"});
            col_[i].push_back(x);
        }
        cell_.push_back(cell);
    });
    if (cell_.empty())
        fail(function, 0, "must contain at least one row of numbers");
}

clv_fault Columns::calc_fault(clv_fault fault, std::size_t first) const
{
    if (fault.arg == CLV_FAULT_NONE || fault.arg < first || fault.arg - first >= n_) {
        fault.arg = CLV_FAULT_NONE;
        fault.element = CLV_FAULT_NONE;
        return fault;
    }
    fault.arg -= first;
    if (fault.element < cell_.size())
        fault.element = cell_[fault.element];
    return fault;
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
        fail(function, arg, want == 2 ? "must hold the 2 parameters, as the fit returns them"
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

Sequence<Sequence<double>> fit_row(std::size_t function, const clv_model &model,
                                   double loglik)
{
    const std::size_t n = clv_model_nparams(model.kind);
    Sequence<double> row(static_cast<sal_Int32>(n + 1));
    double *out = row.getArray();
    for (std::size_t i = 0; i < n; i++)
        out[i] = model.param[i];
    out[n] = loglik;
    for (std::size_t i = 0; i <= n; i++)
        if (!std::isfinite(out[i])) /* the core guarantees it; never show it */
            fail(function, CLV_FAULT_NONE, "the fit is not a finite number");
    return Sequence<Sequence<double>>(&row, 1);
}

FitBudget::FitBudget()
{
    options_.progress = &Budget::stop;
    options_.progress_data = &budget_;
}

} // namespace clvkit::calc
