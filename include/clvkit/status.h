/*
 * clvkit/status.h -- the error model shared by every clvkit function.
 *
 * Every computing function returns a clv_status and writes its result through
 * an out-parameter.  On failure the out-parameter is set to NaN (or to the
 * "none" value of an enum result), so a caller that ignores the status still
 * cannot mistake a failure for a number.  The library keeps no global state,
 * never prints, never aborts and never touches errno: it is safe to call from
 * any number of threads and from inside host processes (LibreOffice, Lua).
 */
#ifndef CLVKIT_STATUS_H
#define CLVKIT_STATUS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum clv_status {
    CLV_OK = 0,      /* success */
    CLV_EINVAL = 1,  /* invalid argument: NaN or infinite input, NULL pointer,
                        empty or mismatched array, unknown option */
    CLV_EDOM = 2,    /* finite input outside the function's domain: negative
                        money or count, probability outside [0, 1], a zero
                        denominator, a fractional count */
    CLV_ERANGE = 3,  /* the result (or a size) overflows: it would be infinite
                        or is not representable */
    CLV_ENOCONV = 4, /* a series or an iteration does not converge */
    CLV_ENOMEM = 5,  /* memory allocation failed */
    CLV_EIO = 6,     /* a file could not be opened, read or written */
    CLV_EFORMAT = 7, /* malformed input data (e.g. a CSV line) */
    CLV_ELOSS = 8    /* the result was computed but its accuracy cannot be
                        guaranteed (e.g. a special function near a singularity) */
} clv_status;

/* Static English text describing a status, e.g. "argument outside the
 * function's domain".  Never NULL; unknown codes give "unknown status". */
const char *clv_strerror(clv_status status);

/*
 * Where a failure comes from, for bindings that must name the argument in
 * their error message.  Functions taking a `clv_fault *` fill it on failure
 * (it may be NULL).  On success it is left untouched.
 */
#define CLV_FAULT_NONE ((size_t)-1)

typedef struct clv_fault {
    size_t arg;         /* 0-based index of the offending argument, or
                           CLV_FAULT_NONE when no single argument is to blame
                           (e.g. the result overflows) */
    size_t element;     /* for an array argument: 0-based index of the
                           offending element, else CLV_FAULT_NONE */
    const char *reason; /* static text completing "<argument> ...", e.g.
                           "must be >= 0"; or a sentence when arg is NONE */
} clv_fault;

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_STATUS_H */
