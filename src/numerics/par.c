/*
 * par.c -- chunks across threads (par.h), with POSIX threads.
 */
#define _POSIX_C_SOURCE 200809L

#include "numerics/par.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_THREADS 8
#define MIN_WORK 100000 /* below this a thread costs more than it saves */

size_t clv_par_threads(void)
{
    const char *env = getenv("CLVKIT_THREADS");
    long n = env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (size_t)n;
}

typedef struct {
    void (*fn)(void *ctx, size_t k);
    void *ctx;
    size_t from, to;
} slice;

static void *run_slice(void *v)
{
    slice *s = v;
    for (size_t k = s->from; k < s->to; k++)
        s->fn(s->ctx, k);
    return NULL;
}

void clv_par_for(size_t nchunks, size_t work, void (*fn)(void *ctx, size_t k), void *ctx)
{
    size_t nt = work < MIN_WORK ? 1 : clv_par_threads();
    if (nt > nchunks)
        nt = nchunks;
    slice s[MAX_THREADS];
    pthread_t th[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    for (size_t t = 0; t < nt; t++) {
        s[t] = (slice){fn, ctx, nchunks * t / nt, nchunks * (t + 1) / nt};
        if (t > 0)
            started[t] = pthread_create(&th[t], NULL, run_slice, &s[t]) == 0;
    }
    run_slice(&s[0]);
    for (size_t t = 1; t < nt; t++) {
        if (started[t])
            pthread_join(th[t], NULL);
        else
            run_slice(&s[t]);
    }
}
