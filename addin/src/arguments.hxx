/*
 * arguments.hxx -- turning what Calc passes into doubles, and clvkit's status
 * codes into the exceptions Calc shows as #VALUE! (text where a number
 * belongs), Err:502 (outside the domain) and Err:523 (no convergence).
 * Types only: whether a number is in a function's domain is the C core's
 * business.
 */
#ifndef CLVKIT_ADDIN_ARGUMENTS_HXX
#define CLVKIT_ADDIN_ARGUMENTS_HXX

#include <cstddef>
#include <vector>

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "clvkit/status.h"

namespace clvkit::calc
{

/* A range as Calc passes it to a sequence<sequence<any>> argument: numbers,
 * text and empty cells told apart (see XClvkit.idl for why no argument is
 * a sequence<sequence<double>>). */
using AnyRange = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

/* [[noreturn]]: throws IllegalArgumentException naming the function and,
 * when known, the argument (its English name, from the description: `arg`
 * and fault.arg are Calc argument positions) and the reason. */
[[noreturn]] void fail(std::size_t function, const clv_fault &fault);
[[noreturn]] void fail(std::size_t function, std::size_t arg, const char *reason);

/* As fail(), but for text or another non-number where a number belongs:
 * throws NotANumberException, which Calc shows as #VALUE!, as it does for
 * "a"+1. */
[[noreturn]] void fail_text(std::size_t function, const clv_fault &fault);
[[noreturn]] void fail_text(std::size_t function, std::size_t arg, const char *reason);

/* Whether a failed call is Calc's Err:523 rather than Err:502: a fit or a
 * series that did not converge, or a result whose accuracy the core cannot
 * vouch for.  Everything else is the input's fault. */
inline bool no_convergence(clv_status status)
{
    return status == CLV_ENOCONV || status == CLV_ELOSS;
}

/* As fail(function, fault), but a status for which no_convergence() holds
 * throws sheet::NoConvergenceException (Err:523) with the same message. */
[[noreturn]] void fail(std::size_t function, clv_status status, const clv_fault &fault);

/* A number in an Any: true and *out set for a number, false for an empty
 * Any (an omitted optional argument).  Text, a range of more than one cell
 * or anything else fails_text() for argument `arg` of `function`. */
bool optional_number(const css::uno::Any &value, std::size_t function, std::size_t arg,
                     double *out);

/* An optional range argument: false when omitted, else true and *out the
 * range (a single number becomes a one-cell range).  Anything else (text)
 * fails_text() for argument `arg`. */
bool optional_range(const css::uno::Any &value, std::size_t function, std::size_t arg,
                    AnyRange *out);

/* Whether a cell of a range is empty: Calc passes an empty cell as an empty
 * string (a formula giving "" looks the same). */
inline bool empty_cell(const css::uno::Any &cell)
{
    switch (cell.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return true;
    case css::uno::TypeClass_STRING:
        return static_cast<const rtl::OUString *>(cell.getValue())->isEmpty();
    default:
        return false;
    }
}

/* The number in one cell of a range, or false for text and other
 * non-numbers.  An empty cell gives 0, as Calc does for an empty single
 * cell.  Kept inline: the array form calls it for every cell. */
inline bool cell_number(const css::uno::Any &cell, double *out)
{
    if (cell.getValueTypeClass() == css::uno::TypeClass_DOUBLE) {
        *out = *static_cast<const double *>(cell.getValue());
        return true;
    }
    if (empty_cell(cell)) {
        *out = 0;
        return true;
    }
    return cell >>= *out; /* other numeric types; never text */
}

/* What to do with the non-numbers in a range argument. */
enum class NonNumbers {
    reject,        /* text: #VALUE!, empty cell: Err:502 */
    empty_is_zero, /* empty cell counts 0, text is #VALUE! */
    skip           /* text and empty cells are left out */
};

/* Appends the numbers of a range (row by row) to out. */
void append_numbers(const AnyRange &range, NonNumbers rule, std::size_t function, std::size_t arg,
                    std::vector<double> &out);

/* Appends one argument of a variable list: a number or a range. */
void append_numbers(const css::uno::Any &value, NonNumbers rule, std::size_t function,
                    std::size_t arg, std::vector<double> &out);

} // namespace clvkit::calc

#endif
