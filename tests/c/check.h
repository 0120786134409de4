/*
 * check.h -- the few assertions the C tests need.  A failed check prints
 * where and why and counts; main() returns check_report().
 */
#ifndef CLVKIT_TEST_CHECK_H
#define CLVKIT_TEST_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_failures, check_count;

/* |got - want| <= tol, or (tol == 0) 1e-9 relative to max(1, |want|). */
static int check_close_at(const char *file, int line, const char *what, double got, double want,
                          double tol)
{
    double lim = tol > 0 ? tol : 1e-9 * fmax(1.0, fabs(want));
    check_count++;
    if (isfinite(got) && fabs(got - want) <= lim)
        return 1;
    fprintf(stderr, "%s:%d: %s: got %.17g, want %.17g (tolerance %g)\n", file, line, what, got,
            want, lim);
    check_failures++;
    return 0;
}

static int check_true_at(const char *file, int line, const char *what, int ok)
{
    check_count++;
    if (ok)
        return 1;
    fprintf(stderr, "%s:%d: %s: failed\n", file, line, what);
    check_failures++;
    return 0;
}

/* |got - want| <= rel * |want| */
static inline int check_rel_at(const char *file, int line, const char *what, double got,
                               double want, double rel)
{
    return check_close_at(file, line, what, got, want,
                          rel * fabs(want) > 0 ? rel * fabs(want) : 1e-300);
}

static inline int check_status_at(const char *file, int line, const char *what, int got, int want)
{
    check_count++;
    if (got == want)
        return 1;
    fprintf(stderr, "%s:%d: %s: status %d, want %d\n", file, line, what, got, want);
    check_failures++;
    return 0;
}

#define CHECK_REL(what, got, want, rel) \
    check_rel_at(__FILE__, __LINE__, (what), (got), (want), (rel))
#define CHECK_STATUS(what, got, want) \
    check_status_at(__FILE__, __LINE__, (what), (int)(got), (int)(want))
#define CHECK_CLOSE(what, got, want, tol) \
    check_close_at(__FILE__, __LINE__, (what), (got), (want), (tol))
#define CHECK(what, cond) check_true_at(__FILE__, __LINE__, (what), (cond))

static int check_report(const char *suite)
{
    printf("%s: %d checks, %d failed\n", suite, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif /* CLVKIT_TEST_CHECK_H */
