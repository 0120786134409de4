/*
 * par.h -- internal: a loop over chunks split across the cores.
 *
 * The caller cuts its work into a fixed number of chunks that does not
 * depend on the number of threads and keeps one partial result per chunk,
 * then adds the partials in chunk order: results are the same bit for bit
 * on one core or many.
 */
#ifndef CLVKIT_PAR_H
#define CLVKIT_PAR_H

#include <stddef.h>

/* Calls fn(ctx, k) for k = 0 .. nchunks-1, on up to clv_par_threads()
 * threads (fewer when there is little work: `work` is a rough count of
 * elementary steps; under ~100,000 everything runs on the caller's
 * thread).  If a thread cannot be started its chunks run on the caller's. */
void clv_par_for(size_t nchunks, size_t work, void (*fn)(void *ctx, size_t k), void *ctx);

/* Threads a parallel loop may use: the online processors, at most 8, or
 * the CLVKIT_THREADS environment variable (1 = none). */
size_t clv_par_threads(void);

#endif /* CLVKIT_PAR_H */
