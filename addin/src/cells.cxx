/*
 * cells.cxx -- see cells.hxx.
 */
#include "cells.hxx"

#include <cstdint>
#include <cstring>
#include <iterator>

#include <com/sun/star/uno/RuntimeException.hpp>

namespace clvkit::calc {

using css::uno::Any;

double error_value(clv_status status)
{
    const std::uint64_t code = no_convergence(status) ? 523 : 502;
    const std::uint64_t bits = UINT64_C(0x7FF8000000000000) | code;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

Cells::Cells(std::size_t function, std::initializer_list<const Any *> args,
             const double *defaults)
{
    if (args.size() > MAX) /* a programming error in this add-in */
        throw css::uno::RuntimeException("clvkit: too many cell arguments");
    for (const Any *arg : args) {
        const std::size_t i = n_++;
        Operand &op = ops_[i];
        const bool range = *arg >>= op.cells;
        if (range && (op.cells.getLength() == 0 || op.cells[0].getLength() == 0))
            fail(function, i, "must not be an empty range"); /* Calc never passes one */
        if (!range || (op.cells.getLength() == 1 && op.cells[0].getLength() == 1)) {
            op.cells = AnyRange();
            if (!optional_number(*arg, function, i, &op.constant))
                op.constant = defaults ? defaults[i] : 0;
            continue;
        }
        const sal_Int32 r = op.cells.getLength(), c = op.cells[0].getLength();
        for (const auto &cells_row : op.cells)
            if (cells_row.getLength() != c)
                fail(function, i, "must be a rectangular range");
        if (shaped_ && (r != rows_ || c != cols_))
            fail(function, i, "must be a range of the same size as the others");
        rows_ = r, cols_ = c, shaped_ = true;
    }
}

bool Cells::at(sal_Int32 r, sal_Int32 c, double *a) const
{
    bool numbers = true;
    for (std::size_t i = 0; i < n_; i++) {
        if (!ops_[i].cells.hasElements())
            a[i] = ops_[i].constant;
        else if (!cell_number(ops_[i].cells[r][c], &a[i]))
            numbers = false;
    }
    return numbers;
}

Positions::Positions(std::initializer_list<std::size_t> at)
{
    for (std::size_t p : at)
        if (n_ < std::size(at_))
            at_[n_++] = p;
}

clv_fault Positions::operator()(clv_fault fault) const
{
    if (fault.arg != CLV_FAULT_NONE)
        fault.arg = fault.arg < n_ ? at_[fault.arg] : NOWHERE;
    if (fault.arg == NOWHERE)
        fault.element = CLV_FAULT_NONE;
    return fault;
}

} // namespace clvkit::calc
