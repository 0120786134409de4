/*
 * core_row.cxx -- see core_row.hxx.  The resolution runs once, on the
 * first call (Calc asks for the wizard texts before any function runs).
 */
#include "core_row.hxx"

#include <cstring>
#include <vector>

#include "clvkit/models.h"
#include "function_table.hxx"

namespace clvkit::calc
{

namespace
{

struct Resolved {
    const clv_func *row[FUNCTION_COUNT];
    clv_model_kind kind[FUNCTION_COUNT];
    std::vector<Passes> args[FUNCTION_COUNT];
};

/* "a.b" into a and b (b empty when there is no dot). */
void split(const char *core, std::string *a, std::string *b)
{
    const char *dot = std::strchr(core, '.');
    *a = dot ? std::string(core, dot) : std::string(core);
    *b = dot ? std::string(dot + 1) : std::string();
}

Passes resolve(const clv_func *row, clv_model_kind kind, const char *core)
{
    Passes p;
    std::string head, tail;
    split(core, &head, &tail);
    std::size_t i = clv_func_arg_index(row, head.c_str());
    if (i == CLV_FAULT_NONE && !tail.empty()) { /* an argument of another row */
        row = clv_func_find(head.c_str());
        head = tail;
        tail.clear();
        i = clv_func_arg_index(row, head.c_str());
    }
    if (i == CLV_FAULT_NONE || !clv_func_arg(row, i, &p.desc))
        return p;
    p.arg = i;
    p.arg_name = p.desc.name;
    p.name = head;
    if (p.desc.shape == CLV_SHAPE_OPTIONS) {
        clv_arg field;
        for (std::size_t j = 0; clv_func_field(row, i, j, &field); j++)
            if (tail == field.name) {
                p.field = j;
                p.desc = field;
                p.name = tail;
            }
        if (p.field == NOWHERE)
            return p; /* row stays null: unresolved */
    } else if (p.desc.shape == CLV_SHAPE_MODEL && !tail.empty()) {
        for (std::size_t j = 0; j < clv_model_nparams(kind); j++)
            if (tail == clv_model_param_name(kind, j))
                p.param = j;
        if (p.param == NOWHERE)
            return p;
        p.name = tail;
    } else if (p.desc.shape == CLV_SHAPE_MODEL) {
        p.whole_model = true; /* a range of parameters, as the fit gives them */
        p.name = head == "model" ? "params" : head + "_params";
    } else if (!tail.empty()) {
        return p;
    }
    p.row = row;
    return p;
}

const Resolved &resolved()
{
    static const Resolved r = [] {
        Resolved out{};
        for (std::size_t f = 0; f < FUNCTION_COUNT; f++) {
            const Function &fn = FUNCTIONS[f];
            out.row[f] = clv_func_find(fn.row);
            out.kind[f] = CLV_MODEL_NONE;
            if (fn.model)
                clv_model_kind_parse(fn.model, &out.kind[f]);
            for (std::size_t a = 0; a < fn.nargs; a++)
                out.args[f].push_back(resolve(out.row[f], out.kind[f], fn.args[a].core));
        }
        return out;
    }();
    return r;
}

} // namespace

const clv_func *core_row(std::size_t function)
{
    return function < FUNCTION_COUNT ? resolved().row[function] : nullptr;
}

const Passes &passes(std::size_t function, std::size_t arg)
{
    return resolved().args[function][arg];
}

clv_model_kind model_kind(std::size_t function)
{
    return function < FUNCTION_COUNT ? resolved().kind[function] : CLV_MODEL_NONE;
}

clv_fault calc_fault(std::size_t function, clv_fault fault, const clv_func *row)
{
    if (!row)
        row = core_row(function);
    clv_arg blamed;
    const char *name = clv_fault_param(row, &fault);
    const std::vector<Passes> &args = resolved().args[function];
    if (!name || !clv_func_arg(row, fault.arg, &blamed))
        return clv_fault{NOWHERE, CLV_FAULT_NONE, fault.reason};
    for (std::size_t j = 0; j < args.size(); j++) {
        const Passes &p = args[j];
        if (blamed.shape == CLV_SHAPE_LENGTH) {
            if (p.row == row && p.desc.shape == CLV_SHAPE_SEQUENCE)
                return clv_fault{j, CLV_FAULT_NONE, "must hold at least one number"};
            continue;
        }
        if (p.field != NOWHERE ? p.name != name : std::strcmp(p.arg_name, blamed.name) != 0)
            continue;
        if (p.param != NOWHERE && fault.element != p.param)
            continue;
        if (p.field != NOWHERE || p.param != NOWHERE)
            fault.element = CLV_FAULT_NONE;
        fault.arg = j;
        return fault;
    }
    return clv_fault{NOWHERE, CLV_FAULT_NONE, fault.reason};
}

} // namespace clvkit::calc
