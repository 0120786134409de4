/*
 * arguments.cxx -- see arguments.hxx.  Everything here runs only on the way
 * in (type checks) or on failure (building a message), never on the
 * successful per-call path of a scalar function.
 */
#include "arguments.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/NoConvergenceException.hpp>
#include <rtl/ustrbuf.hxx>

#include <org/clvkit/calc/NotANumberException.hpp>

#include "core_row.hxx"
#include "function_table.hxx"

namespace clvkit::calc
{

using css::uno::Any;
using css::uno::TypeClass_VOID;
using rtl::OUString;

namespace
{

/* "FUNCTION: argument (cell n) reason", and the argument's position (-1:
 * none) through `position` unless it is null. */
OUString message(std::size_t function, const clv_fault &fault, sal_Int16 *position)
{
    const Function &f = FUNCTIONS[function];
    rtl::OUStringBuffer msg;
    msg.appendAscii(f.display);
    msg.append(": ");
    sal_Int16 at = -1;
    if (fault.arg < f.nargs) {
        at = static_cast<sal_Int16>(fault.arg);
        const std::string &name = passes(function, fault.arg).name;
        msg.appendAscii(name.empty() ? f.args[fault.arg].core : name.c_str());
        if (fault.element != CLV_FAULT_NONE) {
            msg.append(" (cell ");
            msg.append(static_cast<sal_Int64>(fault.element + 1));
            msg.append(")");
        }
        msg.append(" ");
    }
    msg.appendAscii(fault.reason ? fault.reason : "is not valid");
    if (position)
        *position = at;
    return msg.makeStringAndClear();
}

} // namespace

void fail(std::size_t function, const clv_fault &fault)
{
    sal_Int16 position;
    OUString msg = message(function, fault, &position);
    throw css::lang::IllegalArgumentException(msg, nullptr, position);
}

void fail_text(std::size_t function, const clv_fault &fault)
{
    throw org::clvkit::calc::NotANumberException(message(function, fault, nullptr), nullptr);
}

void fail_text(std::size_t function, std::size_t arg, const char *reason)
{
    fail_text(function, clv_fault{arg, CLV_FAULT_NONE, reason});
}

void fail(std::size_t function, clv_status status, const clv_fault &fault)
{
    if (!no_convergence(status))
        fail(function, fault);
    throw css::sheet::NoConvergenceException(message(function, fault, nullptr), nullptr);
}

void fail(std::size_t function, std::size_t arg, const char *reason)
{
    fail(function, clv_fault{arg, CLV_FAULT_NONE, reason});
}

bool optional_number(const Any &value, std::size_t function, std::size_t arg, double *out)
{
    if (value.getValueTypeClass() == TypeClass_VOID)
        return false;
    if (value >>= *out)
        return true;
    /* A one-cell range, e.g. A1:A1, is a number too. */
    AnyRange range;
    if ((value >>= range) && range.getLength() == 1 && range[0].getLength() == 1 &&
        cell_number(range[0][0], out))
        return true;
    fail_text(function, arg, "must be a number");
}

bool optional_range(const Any &value, std::size_t function, std::size_t arg, AnyRange *out)
{
    if (!value.hasValue())
        return false;
    if (value >>= *out)
        return true;
    double x;
    if (!(value >>= x))
        fail_text(function, arg, "must be a range of numbers");
    css::uno::Sequence<Any> row(1);
    row.getArray()[0] <<= x;
    *out = AnyRange(&row, 1);
    return true;
}

void append_numbers(const AnyRange &range, NonNumbers rule, std::size_t function, std::size_t arg,
                    std::vector<double> &out)
{
    for (const auto &row : range) {
        for (const Any &cell : row) {
            double x;
            if (empty_cell(cell)) {
                if (rule == NonNumbers::reject)
                    fail(function, arg, "must not contain empty cells");
                if (rule == NonNumbers::empty_is_zero)
                    out.push_back(0);
                continue;
            }
            if (cell_number(cell, &x))
                out.push_back(x);
            else if (rule != NonNumbers::skip)
                fail_text(function, arg, "must contain numbers only, no text");
        }
    }
}

void append_numbers(const Any &value, NonNumbers rule, std::size_t function, std::size_t arg,
                    std::vector<double> &out)
{
    AnyRange range;
    double x;
    if (value >>= range)
        append_numbers(range, rule, function, arg, out);
    else if (value.hasValue() && (value >>= x))
        out.push_back(x);
    else if (value.hasValue())
        fail_text(function, arg, "must be a number or a range of numbers");
    else if (rule != NonNumbers::skip)
        fail(function, arg, "must be a number or a range of numbers");
}

} // namespace clvkit::calc
