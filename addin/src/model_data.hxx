/*
 * model_data.hxx -- what the model functions read from a sheet and give
 * back: the columns of customers a fit eats, the parameter range a
 * prediction takes, and the row a fit returns, and the generic fit and
 * prediction of every model through the core's description.  Conversions
 * only: the C core checks the domains and does the mathematics.
 */
#ifndef CLVKIT_ADDIN_MODEL_DATA_HXX
#define CLVKIT_ADDIN_MODEL_DATA_HXX

#include <cstddef>
#include <initializer_list>
#include <vector>

#include "arguments.hxx"
#include "budget.hxx"
#include "function_table.hxx"
#include "clvkit/models.h"

namespace clvkit::calc
{

/* Checks that ranges are of one size (that of in[0]): else fails for the
 * first that is not (Calc argument i, or at[i] when at is given). */
void same_size(std::size_t function, const AnyRange *const in[], std::size_t n,
               const std::size_t *at = nullptr);

/* Calls row(r, c, cell) for each position of ranges of one size, row by
 * row, except the positions that are empty in every range (cell is the
 * position's index, r * columns + c). */
template <class F> void each_row(const AnyRange *const in[], std::size_t n, F row)
{
    const sal_Int32 rows = in[0]->getLength();
    const sal_Int32 cols = rows ? (*in[0])[0].getLength() : 0;
    for (sal_Int32 r = 0; r < rows; r++) {
        for (sal_Int32 c = 0; c < cols; c++) {
            std::size_t empty = 0;
            for (std::size_t i = 0; i < n; i++)
                empty += empty_cell((*in[i])[r][c]);
            if (empty < n) /* else past the data, or a gap between rows */
                row(r, c, static_cast<std::size_t>(r) * cols + c);
        }
    }
}

/* The data of a fit: parallel columns from ranges of one size, read row by
 * row.  A row that is empty in every range is skipped, so the ranges may
 * reach past the data; any other empty cell, and text, is an error. */
class Columns
{
  public:
    /* ranges: the data arguments at Calc positions 0, 1, ...; weights: the
     * optional argument after them (empty: no weights).  `at`, when given,
     * holds the Calc positions of the ranges and then of the weights (for
     * a function whose data are not its first arguments); column(i) is
     * still the i-th range, the weights the last. */
    Columns(std::size_t function, std::initializer_list<const AnyRange *> ranges,
            const css::uno::Any &weights, std::initializer_list<std::size_t> at = {});

    std::size_t size() const { return cell_.size(); }
    /* The data of Calc argument i, or null (weights not given). */
    const double *column(std::size_t i) const { return i < n_ ? col_[i].data() : nullptr; }
    /* The cell (index in the ranges) each row was read from. */
    const std::vector<std::size_t> &cells() const { return cell_; }

  private:
    std::vector<double> col_[MAX_ARGS];
    std::vector<std::size_t> cell_; /* index in the ranges of each row kept */
    std::size_t n_ = 0;
};

/* A model of `kind` from the range at Calc position `arg`: its parameters
 * in order, nparams cells, or nparams + 1 (the row the fit returns, whose
 * last cell, the log-likelihood, is ignored), in a row or a column. */
clv_model read_model(std::size_t function, std::size_t arg, clv_model_kind kind,
                     const AnyRange &params);

/* The fit its description row names for `function` (clv_func_fit):
 * columns[i] holds the n rows of Calc argument i (null: omitted), row k
 * read from cell cells[k].  Returns the parameters and the
 * log-likelihood in a row; a fault names the argument and cell. */
css::uno::Sequence<css::uno::Sequence<double>> run_fit(std::size_t function,
                                                       const double *const columns[], std::size_t n,
                                                       const std::vector<std::size_t> &cells);

/* The prediction its description row names for `function`
 * (clv_func_predict), cell by cell: args[i] is Calc argument i; the one
 * that passes a whole model is its parameter range, every other one (also
 * a single parameter, "model.alpha") a number or a range (cells.hxx). */
css::uno::Any predict(std::size_t function, std::initializer_list<const css::uno::Any *> args);

/* Fit options whose progress callback stops the fit when the call's time
 * budget is spent (the fit then fails with CLV_ENOCONV: Err:523). */
class FitBudget
{
  public:
    FitBudget();
    const clv_fit_options *options() const { return &options_; }

  private:
    Budget budget_;
    clv_fit_options options_{};
};

} // namespace clvkit::calc

#endif
