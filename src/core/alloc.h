/*
 * core/alloc.h -- every allocation of the C core goes through these four
 * functions, so a test can make the k-th one fail (issue 10: every
 * allocating public function is tested failing at each of its allocations).
 *
 * Internal on purpose, not a public SQLITE_CONFIG_MALLOC: status.h promises
 * that the library keeps no global state and is safe from any thread, and a
 * process-wide allocator setting would break both.  The failure hook is
 * thread-local and meant for tests only; without it armed the functions are
 * malloc, calloc, realloc and free plus one thread-local read.
 */
#ifndef CLVKIT_CORE_ALLOC_H
#define CLVKIT_CORE_ALLOC_H

#include <stddef.h>

void *clv_malloc(size_t size);
void *clv_calloc(size_t n, size_t size);
void *clv_realloc(void *p, size_t size);
void clv_free(void *p);

/* Grows the array *p of *cap elements of `size` bytes to hold `need`
 * (doubling from `first`); 0 on success, 1 out of memory (*p untouched). */
int clv_grow(void **p, size_t *cap, size_t need, size_t size, size_t first);

/* Test hook (this thread only): the allocation after the next `after` ones
 * fails; with `sticky` so does every later one, until the hook is disarmed
 * (after < 0).  Returns the number of allocations attempted since the
 * previous call, so a test first counts a function's allocations, then fails
 * each in turn. */
long clv_alloc_fail_after(long after, int sticky);

#endif /* CLVKIT_CORE_ALLOC_H */
