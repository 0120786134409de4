/*
 * fuzz_catalog.c -- every catalogue formula (catalog.h, so a new formula
 * is covered without touching this file) on arbitrary doubles: NaN payloads,
 * subnormals, +-0, +-inf, huge.  Success means a finite number; failure
 * means NaN and a fault that names a real argument or none.
 */
#include "clvkit/clvkit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz in = {data, size};
    size_t count = clv_fn_count();
    const clv_fn *f = clv_fn_at(fz_byte(&in) % count);
    FUZZ_ASSERT(f != NULL);
    size_t np = clv_fn_nparams(f), nr = clv_fn_nrequired(f);
    size_t nargs = nr + fz_byte(&in) % (np - nr + 1);
    double args[16];
    FUZZ_ASSERT(np <= 16);
    for (size_t i = 0; i < nargs; i++)
        args[i] = fz_double(&in);
    double out = 0;
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_fn_eval(f, args, nargs, &out, &fault);
    FUZZ_OK_FINITE(st, out);
    FUZZ_FAIL_NAN(st, out);
    if (st != CLV_OK) {
        FUZZ_ASSERT(st == CLV_EINVAL || st == CLV_EDOM || st == CLV_ERANGE ||
                    st == CLV_ENOCONV); /* a diverging series (clv_ret) */
        FUZZ_ASSERT(fault.arg == CLV_FAULT_NONE || fault.arg < nargs);
        FUZZ_ASSERT(fault.reason != NULL);
    }
    return 0;
}
