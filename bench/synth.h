/*
 * synth.h -- seeded synthetic customers for the benchmarks (never for the
 * library): a xoshiro256** generator, Gamma variates, and BG/NBD customers
 * with purchases in exact (continuous) time or recorded by calendar day.
 */
#ifndef CLVKIT_BENCH_SYNTH_H
#define CLVKIT_BENCH_SYNTH_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t s[4];
} synth_rng;

/* A generator from a seed (any value). */
void synth_seed(synth_rng *g, uint64_t seed);
uint64_t synth_next(synth_rng *g);
double synth_uniform(synth_rng *g);             /* (0, 1) */
double synth_gamma(synth_rng *g, double shape); /* scale 1 */

/* n BG/NBD customers from par = (r, alpha, a, b) per week: first purchase
 * uniform in the first 12 weeks, observed to the end of day 272 (week 39).
 * continuous = 1: exact purchase times (nothing merges); 0: recorded by
 * calendar day (same-day purchases merge).  t_x and T in weeks. */
void synth_bgnbd(size_t n, const double *par, int continuous, double *x, double *t_x, double *T);

#endif
