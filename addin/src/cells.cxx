/*
 * cells.cxx -- see cells.hxx.
 */
#include "cells.hxx"

#include <cstdint>
#include <cstring>

#include <com/sun/star/uno/RuntimeException.hpp>

namespace clvkit::calc
{

using css::uno::Any;

double error_value(unsigned code)
{
    const std::uint64_t bits = UINT64_C(0x7FF8000000000000) | code;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

Cells::Cells(std::size_t function, const Any *const *args, std::size_t n, const double *defaults)
{
    if (n > MAX) /* a programming error in this add-in */
        throw css::uno::RuntimeException("clvkit: too many cell arguments");
    for (std::size_t k = 0; k < n; k++) {
        const Any *arg = args[k];
        const std::size_t i = n_++;
        Operand &op = ops_[i];
        if (!arg)
            continue; /* not a cell: constant 0 */
        const bool range = *arg >>= op.cells;
        if (!range || (op.cells.getLength() == 1 && op.cells[0].getLength() == 1)) {
            op.cells = AnyRange();
            if (!optional_number(*arg, function, i, &op.constant))
                op.constant = defaults ? defaults[i] : 0;
            continue;
        }
        shape(function, i, op.cells.getLength(),
              op.cells.hasElements() ? op.cells[0].getLength() : 0);
        for (const auto &cells_row : op.cells)
            if (cells_row.getLength() != cols_)
                fail(function, i, "must be a rectangular range");
    }
}

void Cells::shape(std::size_t function, std::size_t i, sal_Int32 r, sal_Int32 c)
{
    if (r == 0 || c == 0)
        fail(function, i, "must not be an empty range"); /* Calc never passes one */
    if (shaped_ && (r != rows_ || c != cols_))
        fail(function, i, "must be a range of the same size as the others");
    rows_ = r, cols_ = c, shaped_ = true;
}

bool Cells::at(sal_Int32 r, sal_Int32 c, double *a) const
{
    bool numbers = true;
    for (std::size_t i = 0; i < n_; i++) {
        const Operand &op = ops_[i];
        if (!op.cells.hasElements())
            a[i] = op.constant;
        else if (!cell_number(op.cells[r][c], &a[i]))
            numbers = false;
    }
    return numbers;
}

} // namespace clvkit::calc
