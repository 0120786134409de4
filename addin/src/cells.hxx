/*
 * cells.hxx -- functions that compute cell by cell.  Each argument is one
 * number or a range; given only numbers (or one-cell ranges) the function
 * returns a number and a failure raises (#VALUE!, Err:502 or Err:523), given
 * ranges of one size it returns an array of that size (an array formula) in
 * which only the failing cells hold an error.  Used by CLV and by the models'
 * predictions (P(alive), expected transactions, spend, survival).
 * A 1x1 range and a number are the same: one cell.
 */
#ifndef CLVKIT_ADDIN_CELLS_HXX
#define CLVKIT_ADDIN_CELLS_HXX

#include <cstddef>
#include <initializer_list>

#include "arguments.hxx"
#include "budget.hxx"
#include "core_row.hxx"
#include "function_table.hxx"

namespace clvkit::calc
{

/* Calc keeps an error inside a number as a quiet NaN whose low 32 payload
 * bits are the error code (GetDoubleErrorValue in LibreOffice's
 * formula/errorcodes.hxx): 519 shows as #VALUE!, 502 as Err:502, 523 as
 * Err:523 (test_functions.py checks it in real cells).  For the failing
 * cells of an array result, where throwing would turn every cell into an
 * error. */
inline constexpr unsigned ERR_VALUE = 519, ERR_ILLEGAL_ARGUMENT = 502, ERR_NO_CONVERGENCE = 523;
double error_value(unsigned code);

/* The code of a failed status: Err:523 or Err:502. */
inline unsigned error_code(clv_status status)
{
    return no_convergence(status) ? ERR_NO_CONVERGENCE : ERR_ILLEGAL_ARGUMENT;
}

class Cells
{
  public:
    static constexpr std::size_t MAX = MAX_ARGS;

    /* args[i] is a number, a range or, for an optional argument, empty:
     * then defaults[i] applies (defaults may be null when every argument is
     * required).  args[i] is Calc argument i of `function`.  Throws for
     * text in a single cell (#VALUE!) and for ranges of different sizes or
     * shapes (Err:502). */
    Cells(std::size_t function, std::initializer_list<const css::uno::Any *> args,
          const double *defaults = nullptr)
        : Cells(function, args.begin(), args.size(), defaults)
    {
    }
    /* The same on n arguments, of which null ones are no cells (0 there). */
    Cells(std::size_t function, const css::uno::Any *const *args, std::size_t n,
          const double *defaults = nullptr);

    /* Only numbers and one-cell ranges were given. */
    bool single() const { return !shaped_; }
    sal_Int32 rows() const { return rows_; }
    sal_Int32 cols() const { return cols_; }

    /* The arguments at cell (r, c) into a[]; false for text there (an
     * empty cell is 0, as Calc makes an empty single cell). */
    bool at(sal_Int32 r, sal_Int32 c, double *a) const;

  private:
    struct Operand {
        AnyRange cells; /* empty: `constant` applies to every cell */
        double constant = 0;
    };
    /* Takes a range of r x c cells for argument i. */
    void shape(std::size_t function, std::size_t i, sal_Int32 r, sal_Int32 c);
    Operand ops_[MAX];
    std::size_t n_ = 0;
    sal_Int32 rows_ = 1, cols_ = 1;
    bool shaped_ = false;
};

/* compute(const double *a, double *out, clv_fault *fault) -> clv_status is
 * the C call on one cell's arguments, a[i] Calc argument i (fault may be
 * null); a fault names the Calc argument the description says it passes
 * (calc_fault).  An array stops when the call's time budget is spent: the
 * cells left show Err:523. */
template <class F> css::uno::Any each_cell(std::size_t function, const Cells &cells, F compute)
{
    double a[Cells::MAX], v;
    if (cells.single()) {
        clv_fault fault{CLV_FAULT_NONE, CLV_FAULT_NONE, nullptr};
        cells.at(0, 0, a); /* text was refused when cells was built */
        const clv_status st = compute(a, &v, &fault);
        if (st != CLV_OK)
            fail(function, st, calc_fault(function, fault));
        return css::uno::Any(v);
    }
    const Budget budget;
    bool spent = false;
    css::uno::Sequence<css::uno::Sequence<double>> result(cells.rows());
    css::uno::Sequence<double> *row = result.getArray();
    for (sal_Int32 r = 0; r < cells.rows(); r++) {
        row[r].realloc(cells.cols());
        double *out = row[r].getArray();
        for (sal_Int32 c = 0; c < cells.cols(); c++) {
            spent = spent || budget.spent(); /* per cell: a 1 x N row is one row */
            if (spent) {
                out[c] = error_value(ERR_NO_CONVERGENCE);
            } else if (!cells.at(r, c, a)) {
                out[c] = error_value(ERR_VALUE); /* text, as "a"+1 */
            } else {
                const clv_status st = compute(a, &v, nullptr);
                out[c] = st != CLV_OK ? error_value(error_code(st)) : v;
            }
        }
    }
    return css::uno::Any(result);
}

} // namespace clvkit::calc

#endif
