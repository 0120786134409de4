/*
 * model_data.cxx -- see model_data.hxx.
 */
#include "model_data.hxx"

#include <chrono>
#include <cmath>
#include <cstdlib>

namespace clvkit::calc {

using css::uno::Any;
using css::uno::Sequence;

namespace {

double now()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

Columns::Columns(std::size_t function, std::initializer_list<const AnyRange *> ranges,
                 const Any &weights)
{
    const AnyRange *in[MAX];
    AnyRange weight_cells;
    for (const AnyRange *r : ranges)
        in[n_++] = r;
    if (weights.hasValue()) {
        double w;
        if (weights >>= w) { /* a single number: a one-cell range */
            Sequence<Any> row(1);
            row.getArray()[0] <<= w;
            weight_cells = AnyRange(&row, 1);
        } else if (!(weights >>= weight_cells)) {
            fail(function, n_, "must be a range of numbers");
        }
        in[n_++] = &weight_cells;
        weighted_ = true;
    }

    const sal_Int32 rows = in[0]->getLength();
    const sal_Int32 cols = rows ? (*in[0])[0].getLength() : 0;
    for (std::size_t i = 0; i < n_; i++) {
        if (in[i]->getLength() != rows)
            fail(function, i, "must be a range of the same size as the first");
        for (const auto &row : *in[i])
            if (row.getLength() != cols)
                fail(function, i, "must be a range of the same size as the first");
    }

    for (std::size_t i = 0; i < n_; i++)
        col_[i].reserve(static_cast<std::size_t>(rows) * cols);
    for (sal_Int32 r = 0; r < rows; r++) {
        for (sal_Int32 c = 0; c < cols; c++) {
            std::size_t empty = 0;
            for (std::size_t i = 0; i < n_; i++)
                empty += empty_cell((*in[i])[r][c]);
            if (empty == n_)
                continue; /* past the data, or a gap between customers */
            const std::size_t cell = static_cast<std::size_t>(r) * cols + c;
            for (std::size_t i = 0; i < n_; i++) {
                const Any &v = (*in[i])[r][c];
                double x;
                if (empty_cell(v))
                    fail(function, clv_fault{i, cell, "must not have an empty cell "
                                                      "where the other ranges have data"});
                if (!cell_number(v, &x))
                    fail(function, clv_fault{i, cell, "must contain numbers only, no text"});
                col_[i].push_back(x);
            }
            cell_.push_back(cell);
        }
    }
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
            if (i < want && (empty_cell(cell) || !cell_number(cell, &model.param[i])))
                fail(function, clv_fault{arg, i, "must contain numbers only"});
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
    double seconds = FIT_SECONDS;
    if (const char *env = std::getenv("CLVKIT_CALC_FIT_SECONDS")) {
        const double s = std::atof(env);
        if (s > 0)
            seconds = s;
    }
    deadline_ = now() + seconds;
    options_.progress = &FitBudget::progress;
    options_.progress_data = this;
}

int FitBudget::progress(void *data, std::size_t, double)
{
    return now() > static_cast<FitBudget *>(data)->deadline_;
}

} // namespace clvkit::calc
