/*
 * core_row.hxx -- the table's rows (function_table.hxx) resolved against
 * the core's one description (clvkit/describe.h), once: which core row a
 * Calc function calls, what each of its arguments passes there, the
 * English name that follows from it, and which Calc argument a core fault
 * blames.  No positions are typed anywhere: they are looked up by name.
 */
#ifndef CLVKIT_ADDIN_CORE_ROW_HXX
#define CLVKIT_ADDIN_CORE_ROW_HXX

#include <cstddef>
#include <string>

#include "clvkit/describe.h"

namespace clvkit::calc
{

inline constexpr std::size_t NOWHERE = CLV_FAULT_NONE;

/* What one Calc argument passes to the core. */
struct Passes {
    const clv_func *row = nullptr; /* the row of the argument (null: unresolved) */
    std::size_t arg = NOWHERE;     /* its index in that row */
    std::size_t field = NOWHERE;   /* a field of an options argument */
    std::size_t param = NOWHERE;   /* one parameter of the function's model */
    bool whole_model = false;      /* a model's parameters, as one range */
    clv_arg desc{};                /* the argument's or the field's description */
    const char *arg_name = "";     /* the row's argument (not the field's) name */
    std::string name;              /* its English wizard name */
};

/* The core row of Calc function `function` (an Id), null when the core has
 * none of that name (test_uno_layer fails first). */
const clv_func *core_row(std::size_t function);

/* What argument `arg` of `function` passes (row null when it resolves to
 * nothing in the description: test_uno_layer reports it). */
const Passes &passes(std::size_t function, std::size_t arg);

/* The model kind of `function` (CLV_MODEL_NONE when it takes none). */
clv_model_kind model_kind(std::size_t function);

/* A fault of `row` (the function's own when null) in Calc's terms: arg
 * becomes the Calc argument that passes the argument the fault names
 * (clv_fault_param: matched by name, so a fault of clv_txlog_add_number
 * finds the argument that passes clv_txlog_add's "id"; NOWHERE when none
 * does); element stays a row or cell number, and is cleared when it named
 * the matched options field or model parameter.  A fault of a sequence's
 * length blames the first sequence: "must hold at least one number". */
clv_fault calc_fault(std::size_t function, clv_fault fault, const clv_func *row = nullptr);

} // namespace clvkit::calc

#endif
