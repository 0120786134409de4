/*
 * simulate.h -- cohorts simulated from a BG/NBD model with known
 * parameters, for the coverage checks of the intervals (test_interval.c and
 * bench/bench_diagnostics.c).  A seeded generator of its own, so a cohort is
 * the same on every machine.
 */
#ifndef CLVKIT_TEST_SIMULATE_H
#define CLVKIT_TEST_SIMULATE_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t s;
} sim_rng;

static inline double sim_uniform(sim_rng *g) /* in (0, 1) */
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return ((double)(z >> 11) + 0.5) / 9007199254740992.0;
}

static inline double sim_normal(sim_rng *g)
{
    double u = sim_uniform(g), v = sim_uniform(g);
    return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* Gamma(shape k, scale 1): Marsaglia & Tsang (2000), boosted for k < 1. */
static inline double sim_gamma(sim_rng *g, double k)
{
    if (k < 1)
        return sim_gamma(g, k + 1) * pow(sim_uniform(g), 1 / k);
    double d = k - 1.0 / 3, c = 1 / sqrt(9 * d);
    for (;;) {
        double x = sim_normal(g), v = 1 + c * x;
        if (v <= 0)
            continue;
        v = v * v * v;
        double u = sim_uniform(g);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
            return d * v;
    }
}

/* n BG/NBD customers (r, alpha, a, b) observed for T[i] after their first
 * purchase (T given); writes x, t_x. */
static inline void sim_bgnbd(sim_rng *g, const double *p, const double *T, size_t n, double *x,
                             double *t_x)
{
    for (size_t i = 0; i < n; i++) {
        double lambda = sim_gamma(g, p[0]) / p[1];
        double ga = sim_gamma(g, p[2]), gb = sim_gamma(g, p[3]);
        double drop = ga / (ga + gb), t = 0;
        x[i] = t_x[i] = 0;
        for (;;) {
            t += -log(sim_uniform(g)) / lambda;
            if (t > T[i])
                break;
            x[i] += 1;
            t_x[i] = t;
            if (sim_uniform(g) < drop)
                break;
        }
    }
}

#endif /* CLVKIT_TEST_SIMULATE_H */
