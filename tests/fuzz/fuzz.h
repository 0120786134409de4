/*
 * fuzz.h -- what every fuzz target shares: taking typed values from the
 * fuzzer's bytes, and the invariant check that turns a broken promise into
 * a crash the fuzzer keeps.
 *
 * A target is one LLVMFuzzerTestOneInput(); it builds both with libFuzzer
 * (clang, CLVKIT_FUZZ=ON) and with replay.c (any compiler), which runs the
 * committed corpus and crash inputs in the normal CTest pass.
 */
#ifndef CLVKIT_FUZZ_H
#define CLVKIT_FUZZ_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken promise: say which and crash, so the fuzzer keeps the input. */
#define FUZZ_ASSERT(cond)                                                                \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* The input, consumed from the front. */
typedef struct {
    const uint8_t *p;
    size_t n;
} fz;

static inline unsigned fz_byte(fz *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* A double: mostly the values that break numerical code (a tag byte picks
 * raw bits, a small whole number, a small fraction or an extreme), so the
 * fuzzer reaches them without guessing 8 bytes. */
static inline double fz_double(fz *in)
{
    static const double extreme[] = {0.0,      -0.0,     1.0,      -1.0,      0.5,   1e-300,
                                     4.9e-324, DBL_MIN,  DBL_MAX,  -DBL_MAX,  1e300, 1e-6,
                                     1e6,      1e15,     INFINITY, -INFINITY, NAN,   2.0,
                                     0.999999, 1.000001, 1e-9};
    unsigned tag = fz_byte(in);
    switch (tag & 3) {
    case 0: {
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++)
            bits = bits << 8 | fz_byte(in);
        double v;
        memcpy(&v, &bits, sizeof v); /* every NaN payload too */
        return v;
    }
    case 1:
        return (double)(tag >> 2); /* 0 .. 63 */
    case 2:
        return (double)fz_byte(in) / (double)((tag >> 2) + 1);
    default:
        return extreme[(tag >> 2) % (sizeof extreme / sizeof *extreme)];
    }
}

/* Every finite double is fine; what the library must never return with
 * CLV_OK is NaN or an infinity. */
#define FUZZ_OK_FINITE(st, v) FUZZ_ASSERT((st) != CLV_OK || isfinite(v))
/* On failure the out-parameter is NaN (status.h). */
#define FUZZ_FAIL_NAN(st, v) FUZZ_ASSERT((st) == CLV_OK || isnan(v))

#endif /* CLVKIT_FUZZ_H */
