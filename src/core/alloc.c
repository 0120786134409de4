/*
 * alloc.c -- the core's allocator and its test hook (see core/alloc.h).
 */
#include <stdlib.h>

#include "core/alloc.h"

static _Thread_local long fail_after = -1; /* < 0: never fail */
static _Thread_local int fail_sticky;
static _Thread_local long attempts;

/* One more allocation: 1 when the hook says it must fail. */
static int must_fail(void)
{
    attempts++;
    if (fail_after < 0)
        return 0;
    if (fail_after == 0) {
        if (!fail_sticky)
            fail_after = -1;
        return 1;
    }
    fail_after--;
    return 0;
}

void *clv_malloc(size_t size)
{
    return must_fail() ? NULL : malloc(size);
}

void *clv_calloc(size_t n, size_t size)
{
    return must_fail() ? NULL : calloc(n, size);
}

void *clv_realloc(void *p, size_t size)
{
    return must_fail() ? NULL : realloc(p, size);
}

void clv_free(void *p)
{
    free(p);
}

long clv_alloc_fail_after(long after, int sticky)
{
    long n = attempts;
    attempts = 0;
    fail_after = after;
    fail_sticky = sticky;
    return n;
}

int clv_grow(void **p, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : first;
    while (c < need)
        c *= 2;
    void *q = clv_realloc(*p, c * size);
    if (!q)
        return 1;
    *p = q;
    *cap = c;
    return 0;
}
