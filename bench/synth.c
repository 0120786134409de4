/*
 * synth.c -- seeded synthetic customers for the benchmarks (synth.h).
 */
#include "synth.h"

#include <math.h>

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void synth_seed(synth_rng *g, uint64_t seed)
{
    /* splitmix64 spreads one seed over the four words */
    for (int i = 0; i < 4; i++) {
        uint64_t z = (seed += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        g->s[i] = z ^ (z >> 31);
    }
}

uint64_t synth_next(synth_rng *g) /* xoshiro256** */
{
    uint64_t *s = g->s, r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0], s[3] ^= s[1], s[1] ^= s[2], s[0] ^= s[3], s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return r;
}

double synth_uniform(synth_rng *g)
{
    return ((double)(synth_next(g) >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(synth_rng *g)
{
    return sqrt(-2 * log(synth_uniform(g))) * cos(6.283185307179586 * synth_uniform(g));
}

/* Marsaglia & Tsang (2000); shape < 1 boosted by U^(1/shape). */
double synth_gamma(synth_rng *g, double shape)
{
    if (shape < 1)
        return synth_gamma(g, shape + 1) * pow(synth_uniform(g), 1 / shape);
    double d = shape - 1.0 / 3, c = 1 / sqrt(9 * d);
    for (;;) {
        double z = normal(g), v = 1 + c * z;
        if (v <= 0)
            continue;
        v = v * v * v;
        double u = synth_uniform(g);
        if (log(u) < 0.5 * z * z + d - d * v + d * log(v))
            return d * v;
    }
}

void synth_bgnbd(size_t n, const double *par, int continuous, double *x, double *t_x, double *T)
{
    /* the state bench_models.c has always used, so figures compare */
    synth_rng g = {{0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL, 0x94D049BB133111EBULL, 42}};
    for (size_t i = 0; i < n; i++) {
        double lambda = 0, p = 0;
        if (continuous) {
            double Tw = (273 - synth_uniform(&g) * 84) / 7, tau = 0, last = 0;
            lambda = synth_gamma(&g, par[0]) / par[1];
            double ga = synth_gamma(&g, par[2]), gb = synth_gamma(&g, par[3]);
            p = ga / (ga + gb);
            int count = 0;
            for (;;) {
                tau += -log(synth_uniform(&g)) / lambda;
                if (tau > Tw)
                    break;
                count++;
                last = tau;
                if (synth_uniform(&g) < p)
                    break;
            }
            x[i] = count, t_x[i] = last, T[i] = Tw;
            continue;
        }
        double start = synth_uniform(&g) * 84; /* days */
        long first = (long)start, last = first;
        lambda = synth_gamma(&g, par[0]) / par[1]; /* per week */
        double ga = synth_gamma(&g, par[2]), gb = synth_gamma(&g, par[3]);
        p = ga / (ga + gb);
        double when = start;
        int count = 0;
        for (;;) {
            when += -log(synth_uniform(&g)) / lambda * 7;
            if (when >= 273)
                break;
            if ((long)when > last) {
                count++;
                last = (long)when;
            }
            if (synth_uniform(&g) < p)
                break;
        }
        x[i] = count;
        t_x[i] = (double)(last - first) / 7;
        T[i] = (double)(272 - first) / 7;
    }
}
