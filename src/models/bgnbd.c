/*
 * bgnbd.c -- the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your
 * customers the easy way") and its MBG/NBD variant (Batislam, Denizel &
 * Filiztekin 2007), which differ only in one extra chance to drop out at
 * time 0.  With o = 0 (BG/NBD) or 1 (MBG/NBD), per customer:
 *
 *   L = Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *       * B(a, b+x+o)/B(a, b) * [1 + [x>0 or o] a/(b+x+o-1)
 *                                     ((alpha+T)/(alpha+t_x))^(r+x)]
 *
 * The fit evaluates it per distinct x (log-gammas by recurrence), per
 * distinct T and t_x (one log each) and per distinct (x, t_x, T) (one exp
 * and one log1p), with the analytic gradient.  When T hardly repeats
 * (purchase times recorded exactly) the per-T and per-t_x tables would be
 * as long as the rows, and over 100,000 distinct rows their per-row
 * indices cost more memory than they save time: then the rows are
 * evaluated directly, in fixed
 * chunks over the cores, with the logs and exps four at a time (vmath.h),
 * the per-x terms tabulated by the value of x; that evaluation also gives
 * the analytic Hessian (clv_bg_hessian) for the Newton steps of large fits
 * (fit.c, clv_fit_run_newton).
 */
#include <math.h>
#include <stdlib.h>

#include "core/alloc.h"
#include "numerics/betanbd.h"
#include "numerics/par.h"
#include "numerics/quad.h"
#include "numerics/specfun.h"
#include "numerics/vmath.h"
#include "models/txmodel.h"

/* ---- likelihood ---------------------------------------------------------- */

typedef struct {
    int o;
    int mode; /* BG_TABLES, BG_ROWS or BG_CHUNKED (txmodel.h) */
    const clv_patterns *pat;
    size_t nx, nT, nt;
    double *xv, *Tv, *tv; /* distinct values (xv ascending) */
    size_t *xi, *Ti, *ti; /* per pattern: index of its x, T, t_x */
    double *Wx, *WT, *XT; /* weight per x; weight and sum(w x) per T */
    double W;
    double *lT, *iT, *lt, *it, *lb, *ib; /* per-evaluation tables */
} bg_data;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

void clv_bg_data_free(void *data)
{
    bg_data *d = data;
    if (!d)
        return;
    clv_free(d->xv), clv_free(d->Tv), clv_free(d->tv), clv_free(d->xi), clv_free(d->Ti);
    clv_free(d->ti), clv_free(d->Wx), clv_free(d->WT), clv_free(d->XT), clv_free(d->lT);
    clv_free(d->iT), clv_free(d->lt), clv_free(d->it), clv_free(d->lb), clv_free(d->ib);
    clv_free(d);
}

#define SAMPLE 4096

/* Whether T hardly repeats: over a quarter of the first SAMPLE rows'
 * values distinct. */
static int t_is_exact(const clv_patterns *pat)
{
    size_t m = pat->n < SAMPLE ? pat->n : SAMPLE, distinct = m > 0;
    if (m < SAMPLE)
        return 0; /* small data: the tables cost nothing */
    double *v = clv_malloc(m * sizeof *v);
    if (!v)
        return 0;
    for (size_t i = 0; i < m; i++)
        v[i] = pat->col[2][i];
    qsort(v, m, sizeof *v, cmp_double);
    for (size_t i = 1; i < m; i++)
        distinct += v[i] != v[i - 1];
    clv_free(v);
    return distinct > m / 4;
}

#define XDIRECT 65536 /* the row evaluation tabulates x up to this by value */

/* The row evaluation's per-x tables: the weight per distinct x (xv
 * ascending, Wx) and ln and 1/ of b+x+o-1 indexed by the value of x (no
 * per-row index: lb[x], ib[x]).  Weights NULL: all 1.  Non-zero when out
 * of memory (1) or an x is beyond XDIRECT (2). */
static int x_direct(bg_data *d, const clv_patterns *pat)
{
    const double *x = pat->col[0];
    double mx = 0;
    for (size_t i = 0; i < pat->n; i++)
        mx = x[i] > mx ? x[i] : mx;
    if (!(mx <= XDIRECT))
        return 2;
    size_t m = (size_t)mx + 1;
    double *wv = clv_calloc(m, sizeof *wv);
    unsigned char *seen = clv_calloc(m, 1);
    d->lb = clv_malloc(m * sizeof(double));
    d->ib = clv_malloc(m * sizeof(double));
    if (!wv || !seen || !d->lb || !d->ib) {
        clv_free(wv), clv_free(seen);
        return 1;
    }
    for (size_t i = 0; i < pat->n; i++) {
        double w = pat->w ? pat->w[i] : 1;
        size_t v = (size_t)x[i];
        d->W += w, wv[v] += w, seen[v] = 1;
    }
    for (size_t v = 0; v < m; v++)
        d->nx += seen[v];
    d->xv = clv_malloc(d->nx * sizeof(double));
    d->Wx = clv_malloc(d->nx * sizeof(double));
    if (d->xv && d->Wx)
        for (size_t v = 0, j = 0; v < m; v++)
            if (seen[v])
                d->xv[j] = (double)v, d->Wx[j++] = wv[v];
    clv_free(wv), clv_free(seen);
    return !d->xv || !d->Wx;
}

/* pat->w may be NULL (all 1) where the mode stays BG_ROWS
 * (clv_bg_has_hessian). */
void *clv_bg_data_create_mode(const clv_patterns *pat, int mbg, int mode)
{
    bg_data *d = clv_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->o = mbg;
    d->pat = pat;
    d->mode = mode;
    if (mode == BG_ROWS) { /* no per-value tables of T and t_x */
        int st = x_direct(d, pat);
        if (st == 0)
            return d;
        if (st == 1)
            goto fail;
        /* x too large to tabulate by value: the tables, chunked */
        clv_free(d->lb), clv_free(d->ib);
        d->lb = d->ib = NULL;
        d->mode = mode = BG_CHUNKED;
    }
    if (clv_values_index(pat->col[0], pat->n, &d->xv, &d->nx, &d->xi) ||
        clv_values_index(pat->col[2], pat->n, &d->Tv, &d->nT, &d->Ti) ||
        clv_values_index(pat->col[1], pat->n, &d->tv, &d->nt, &d->ti))
        goto fail;
    /* x ascending, so log-gammas can run up by recurrence */
    double *sorted = clv_malloc(d->nx * sizeof *sorted);
    size_t *rank = clv_malloc(d->nx * sizeof *rank);
    if (!sorted || !rank) {
        clv_free(sorted), clv_free(rank);
        goto fail;
    }
    for (size_t j = 0; j < d->nx; j++)
        sorted[j] = d->xv[j];
    qsort(sorted, d->nx, sizeof *sorted, cmp_double);
    for (size_t j = 0; j < d->nx; j++) { /* old index -> new index */
        double *hit = bsearch(&d->xv[j], sorted, d->nx, sizeof *sorted, cmp_double);
        rank[j] = (size_t)(hit - sorted);
    }
    for (size_t i = 0; i < pat->n; i++)
        d->xi[i] = rank[d->xi[i]];
    clv_free(d->xv);
    clv_free(rank);
    d->xv = sorted;

    d->Wx = clv_calloc(d->nx, sizeof(double));
    d->WT = clv_calloc(d->nT, sizeof(double));
    d->XT = clv_calloc(d->nT, sizeof(double));
    d->lT = clv_malloc(d->nT * sizeof(double));
    d->iT = clv_malloc(d->nT * sizeof(double));
    d->lt = clv_malloc(d->nt * sizeof(double));
    d->it = clv_malloc(d->nt * sizeof(double));
    d->lb = clv_malloc(d->nx * sizeof(double));
    d->ib = clv_malloc(d->nx * sizeof(double));
    if (!d->Wx || !d->WT || !d->XT || !d->lT || !d->iT || !d->lt || !d->it || !d->lb || !d->ib)
        goto fail;
    for (size_t i = 0; i < pat->n; i++) {
        double w = pat->w ? pat->w[i] : 1; /* NULL: a view whose x are too large */
        d->W += w;
        d->Wx[d->xi[i]] += w;
        d->WT[d->Ti[i]] += w;
        d->XT[d->Ti[i]] += w * pat->col[0][i];
    }
    return d;
fail:
    clv_bg_data_free(d);
    return NULL;
}

/* trigamma psi'(z), z > 0: recurrence to z >= 10, then the asymptotic
 * series (for the Hessian only: Newton steps and standard errors). */
static double trigamma(double z)
{
    double s = 0;
    for (; z < 10; z++)
        s += 1 / (z * z);
    double i2 = 1 / (z * z);
    return s + 1 / z + i2 / 2 +
           i2 / z *
               (1.0 / 6 + i2 * (-1.0 / 30 + i2 * (1.0 / 42 + i2 * (-1.0 / 30 + i2 * 5.0 / 66))));
}

/* The per-x part: sum_x W_x [lnG(r+x) - lnG(r) + lnB(a, b+x+o) - lnB(a, b)]
 * and its gradient (g) and Hessian (h, NULL: not wanted), running x
 * upwards: lnG(z+1) = lnG(z) + ln z, psi(z+1) = psi(z) + 1/z and
 * psi'(z+1) = psi'(z) - 1/z^2 between neighbouring values, a direct
 * evaluation across gaps. */
static double x_terms(const bg_data *d, double r, double a, double b, double *g, double h[4][4])
{
    double o = d->o, ll = 0;
    double lgr = clv_sf_lgamma(r), lgb = clv_sf_lgamma(b), lgab = clv_sf_lgamma(a + b);
    double pr = clv_sf_digamma(r), pb = clv_sf_digamma(b), pab = clv_sf_digamma(a + b);
    double X = -1, L1 = 0, L2 = 0, L3 = 0, P1 = 0, P2 = 0, P3 = 0, Q1 = 0, Q2 = 0, Q3 = 0;
    double qr = h ? trigamma(r) : 0, qb = h ? trigamma(b) : 0, qab = h ? trigamma(a + b) : 0;
    for (size_t j = 0; j < d->nx; j++) {
        double xv = d->xv[j];
        if (X >= 0 && xv - X <= 64) {
            for (; X < xv; X++) {
                double z1 = r + X, z2 = b + X + o, z3 = a + b + X + o;
                L1 += log(z1), L2 += log(z2), L3 += log(z3);
                P1 += 1 / z1, P2 += 1 / z2, P3 += 1 / z3;
                if (h)
                    Q1 -= 1 / (z1 * z1), Q2 -= 1 / (z2 * z2), Q3 -= 1 / (z3 * z3);
            }
        } else {
            X = xv;
            L1 = clv_sf_lgamma(r + X), P1 = clv_sf_digamma(r + X);
            L2 = clv_sf_lgamma(b + X + o), P2 = clv_sf_digamma(b + X + o);
            L3 = clv_sf_lgamma(a + b + X + o);
            P3 = clv_sf_digamma(a + b + X + o);
            if (h)
                Q1 = trigamma(r + X), Q2 = trigamma(b + X + o), Q3 = trigamma(a + b + X + o);
        }
        double W = d->Wx[j];
        /* lnB(a, b+x+o) - lnB(a, b) = lnG(b+x+o) - lnG(a+b+x+o)
         *                               - lnG(b) + lnG(a+b) */
        ll += W * (L1 - lgr + L2 - L3 - lgb + lgab);
        if (g) {
            g[0] += W * (P1 - pr);
            g[2] += W * (pab - P3);
            g[3] += W * (P2 - P3 - pb + pab);
        }
        if (h) {
            h[0][0] += W * (Q1 - qr);
            h[2][2] += W * (qab - Q3);
            h[2][3] += W * (qab - Q3);
            h[3][3] += W * (Q2 - Q3 - qb + qab);
        }
        /* for the pattern loop: ln and 1/ of b + x + o - 1, per index
         * of x or (x_direct) per value */
        size_t at = d->xi ? j : (size_t)xv;
        d->lb[at] = log(b + xv + o - 1);
        d->ib[at] = 1 / (b + xv + o - 1);
    }
    return ll;
}

/* Below this many rows the per-row work is too small to split. */
#define SMALL 20000

void *clv_bg_data_create(const clv_patterns *pat, int mbg)
{
    int mode = BG_TABLES;
    if (t_is_exact(pat) || pat->n >= CLV_NEWTON_ROWS)
        mode = BG_ROWS; /* the Hessian, no per-row indices */
    else if (pat->n > SMALL)
        mode = BG_CHUNKED;
    return clv_bg_data_create_mode(pat, mbg, mode);
}

/* ---- the rows directly --------------------------------------------------- */

#define CHUNKS 64 /* fixed: partial sums do not depend on the threads */
#define BLOCK 256 /* rows per pass of the vector maths */
#define LANES 8   /* partial sums per chunk (vector lanes) */

/* Terms summed per chunk: ll, d/dr, d/dalpha, sa, sb (the gradient), then
 * with the Hessian the ten sums of hess_sums. */
#define NQ 5
#define NQH 15

typedef struct {
    const bg_data *d;
    double r, al, lna;
    int hess;
    double part[CHUNKS][NQH];
} row_job;

/* Per row: -(r+x) ln(alpha+T) and, where x > 0 or o, the log of the
 * bracket, ln(1 + e^lr) with lr = ln a - ln(b+x+o-1) + (r+x) ln((alpha+T)/
 * (alpha+t_x)); the T terms' gradient and the bracket's sigmoid sums. */
/* Simple loops over a block, so the compiler vectorises them; AVX2 where
 * the processor has it (the same IEEE operations at any width: C11 does
 * not contract to FMA, so the bits do not depend on the width). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
/* no-trapping-math: comparisons may run on every lane (they cannot change
 * a value, only the floating-point exception flags, which nobody reads) */
#define WIDE __attribute__((target_clones("avx2", "default"), optimize("no-trapping-math")))
#else
#define WIDE
#endif

/* Adds m rows of the nq terms c into the LANES fixed lanes of acc, in
 * row order within a lane, so the sum does not depend on the threads. */
WIDE static void add_lanes(double acc[NQH][LANES], double c[NQH][BLOCK], size_t m, size_t nq)
{
    size_t i = 0;
    for (; i + LANES <= m; i += LANES)
        for (size_t q = 0; q < nq; q++)
            for (size_t l = 0; l < LANES; l++)
                acc[q][l] += c[q][i + l];
    for (; i < m; i++)
        for (size_t q = 0; q < nq; q++)
            acc[q][0] += c[q][i];
}

/* The nq sums of a chunk: its lanes added in lane order. */
static void sum_lanes(double acc[NQH][LANES], double *out, size_t nq)
{
    for (size_t q = 0; q < nq; q++) {
        out[q] = 0;
        for (size_t l = 0; l < LANES; l++)
            out[q] += acc[q][l];
    }
}

/* The Hessian's per-row sums, from the row's weight w, bracket weight wo
 * (w or 0), sig = wo sigma(lr), q = wo sigma (1 - sigma), and the
 * derivatives of lr: u = (dl, (r+x) di, 1/a, -ib) in (r, alpha, a, b),
 * whose only second derivatives are d2/dr dalpha = di and d2/dalpha^2 =
 * -(r+x)(iT^2 - it^2).  The T term -(r+x) ln(alpha+T) adds -iT and
 * (r+x) iT^2. */
WIDE static void hess_sums(double c[NQH][BLOCK], size_t m, const double *w, const double *sig,
                           const double *q, const double *dl, const double *rx, const double *iT,
                           const double *it, const double *ib)
{
    for (size_t i = 0; i < m; i++) {
        double ua = rx[i] * (iT[i] - it[i]);
        c[5][i] = q[i] * dl[i] * dl[i];
        c[6][i] = q[i] * dl[i] * ua + sig[i] * (iT[i] - it[i]) - w[i] * iT[i];
        c[7][i] = q[i] * dl[i];
        c[8][i] = q[i] * dl[i] * ib[i];
        c[9][i] = q[i] * ua * ua - sig[i] * rx[i] * (iT[i] * iT[i] - it[i] * it[i]) +
                  w[i] * rx[i] * iT[i] * iT[i];
        c[10][i] = q[i] * ua;
        c[11][i] = q[i] * ua * ib[i];
        c[12][i] = q[i];
        c[13][i] = q[i] * ib[i];
        c[14][i] = (q[i] + sig[i]) * ib[i] * ib[i];
    }
}

WIDE static void row_chunk(void *vjob, size_t k)
{
    row_job *j = vjob;
    const bg_data *d = j->d;
    const clv_patterns *pat = d->pat;
    size_t lo = pat->n * k / CHUNKS, hi = pat->n * (k + 1) / CHUNKS, nq = j->hess ? NQH : NQ;
    double r = j->r, al = j->al, lna = j->lna, o = d->o;
    double acc[NQH][LANES] = {{0}};
    double lT[BLOCK], lt[BLOCK], lr[BLOCK], e[BLOCK], l1[BLOCK], on[BLOCK], lb[BLOCK], ib[BLOCK],
        c[NQH][BLOCK], sg[BLOCK], qq[BLOCK], dd[BLOCK], rxv[BLOCK], iTv[BLOCK], itv[BLOCK],
        one[BLOCK];
    for (size_t i = 0; i < BLOCK; i++) /* the weights when there are none */
        one[i] = 1;
    for (size_t b0 = lo; b0 < hi; b0 += BLOCK) {
        size_t m = hi - b0 < BLOCK ? hi - b0 : BLOCK;
        const double *restrict x = pat->col[0] + b0, *restrict t = pat->col[1] + b0,
                               *restrict T = pat->col[2] + b0,
                               *restrict w = pat->w ? pat->w + b0 : one;
        for (size_t i = 0; i < m; i++) /* x_direct: tables by the value */
            lb[i] = d->lb[(size_t)x[i]], ib[i] = d->ib[(size_t)x[i]];
        for (size_t i = 0; i < m; i++)
            lT[i] = al + T[i], lt[i] = al + t[i];
        clv_vlog(lT, lT, m);
        clv_vlog(lt, lt, m);
        for (size_t i = 0; i < m; i++) {
            /* on = 0: x = 0 under BG/NBD, no bracket term (lr = 0 keeps
             * the vector exp on its fast path) */
            on[i] = x[i] > 0 ? 1 : o;
            double v = lna - lb[i] + (r + x[i]) * (lT[i] - lt[i]);
            lr[i] = on[i] > 0 ? v : 0;
            e[i] = -fabs(lr[i]);
        }
        clv_vexp(e, e, m);
        clv_vlog1p(e, l1, m);
        /* per row into arrays (no reduction: vectorises) ... */
        for (size_t i = 0; i < m; i++) {
            double rx = r + x[i], iT = 1 / (al + T[i]), wi = w[i];
            double wo = wi * on[i], dl = lT[i] - lt[i];
            double sig = wo * (lr[i] > 0 ? 1 : e[i]) / (1 + e[i]);
            c[0][i] = wo * ((lr[i] > 0 ? lr[i] : 0) + l1[i]) - wi * rx * lT[i];
            c[1][i] = sig * dl - wi * lT[i];
            c[2][i] = sig * rx * (iT - 1 / (al + t[i])) - wi * rx * iT;
            c[3][i] = sig;
            c[4][i] = sig * ib[i];
        }
        if (j->hess) {
            for (size_t i = 0; i < m; i++) {
                double wo = w[i] * on[i];
                rxv[i] = r + x[i], iTv[i] = 1 / (al + T[i]), itv[i] = 1 / (al + t[i]);
                dd[i] = lT[i] - lt[i];
                sg[i] = c[3][i];
                /* sigma (1 - sigma) = e / (1 + e)^2 on either side of 0 */
                qq[i] = wo * e[i] / ((1 + e[i]) * (1 + e[i]));
            }
            hess_sums(c, m, w, sg, qq, dd, rxv, iTv, itv, ib);
        }
        /* ... summed in LANES fixed lanes, in row order within a lane */
        add_lanes(acc, c, m, nq);
    }
    sum_lanes(acc, j->part[k], nq);
}

/* The bracket terms of chunk k from the per-T and per-t_x tables: the same
 * terms as the straightforward loop in clv_bg_loglik, gathered per block
 * and summed in fixed lanes (as row_chunk). */
WIDE static void bracket_chunk(void *vjob, size_t k)
{
    row_job *j = vjob;
    const bg_data *d = j->d;
    const clv_patterns *pat = d->pat;
    size_t lo = pat->n * k / CHUNKS, hi = pat->n * (k + 1) / CHUNKS;
    double r = j->r, lna = j->lna, o = d->o;
    double acc[NQH][LANES] = {{0}}; /* ll, d/dr, d/dalpha, sa, sb */
    double lr[BLOCK], e[BLOCK], l1[BLOCK], on[BLOCK], dl[BLOCK], di[BLOCK], lb[BLOCK], ib[BLOCK],
        c[NQH][BLOCK];
    for (size_t b0 = lo; b0 < hi; b0 += BLOCK) {
        size_t m = hi - b0 < BLOCK ? hi - b0 : BLOCK;
        const double *restrict x = pat->col[0] + b0, *restrict w = pat->w + b0;
        const size_t *xi = d->xi + b0, *Ti = d->Ti + b0, *ti = d->ti + b0;
        for (size_t i = 0; i < m; i++) { /* the tables' values, gathered */
            lb[i] = d->lb[xi[i]], ib[i] = d->ib[xi[i]];
            dl[i] = d->lT[Ti[i]] - d->lt[ti[i]];
            di[i] = d->iT[Ti[i]] - d->it[ti[i]];
        }
        for (size_t i = 0; i < m; i++) {
            on[i] = x[i] > 0 ? 1 : o;
            double v = lna - lb[i] + (r + x[i]) * dl[i];
            lr[i] = on[i] > 0 ? v : 0;
            e[i] = -fabs(lr[i]);
        }
        clv_vexp(e, e, m);
        clv_vlog1p(e, l1, m);
        for (size_t i = 0; i < m; i++) {
            double wo = w[i] * on[i];
            double sig = wo * (lr[i] > 0 ? 1 : e[i]) / (1 + e[i]);
            c[0][i] = wo * ((lr[i] > 0 ? lr[i] : 0) + l1[i]);
            c[1][i] = sig * dl[i];
            c[2][i] = sig * (r + x[i]) * di[i];
            c[3][i] = sig;
            c[4][i] = sig * ib[i];
        }
        add_lanes(acc, c, m, NQ);
    }
    sum_lanes(acc, j->part[k], NQ);
}

/* The rows directly: ll, its gradient (dll, NULL: not wanted) and Hessian
 * (h, NULL: not wanted) in (r, alpha, a, b). */
static int loglik_rows(const bg_data *d, const double *p, double *llp, double *dll,
                       double h[CLV_OPT_MAXN][CLV_OPT_MAXN])
{
    double r = p[0], al = p[1], a = p[2], b = p[3];
    double g[4] = {0, 0, 0, 0}, hx[4][4] = {{0}};
    double ll = x_terms(d, r, a, b, g, h ? hx : NULL);
    double la = log(al);
    ll += d->W * r * la;
    g[0] += d->W * la;
    g[1] += d->W * r / al;
    row_job *job = clv_malloc(sizeof *job);
    if (!job)
        return 1;
    job->d = d, job->r = r, job->al = al, job->lna = log(a), job->hess = h != NULL;
    clv_par_for(CHUNKS, d->pat->n * (h ? 60 : 40), row_chunk, job);
    /* today's order: ll, d/dr and d/dalpha start from the per-x sums */
    double s[NQH] = {ll, g[0], g[1]};
    for (size_t k = 0; k < CHUNKS; k++)
        for (size_t q = 0; q < (h ? NQH : NQ); q++)
            s[q] += job->part[k][q];
    clv_free(job);
    *llp = s[0];
    if (dll) {
        dll[0] = s[1];
        dll[1] = s[2];
        dll[2] = g[2] + s[3] / a;
        dll[3] = g[3] - s[4];
    }
    if (h) {
        h[0][0] = hx[0][0] + s[5];
        h[0][1] = d->W / al + s[6];
        h[0][2] = s[7] / a;
        h[0][3] = -s[8];
        h[1][1] = -d->W * r / (al * al) + s[9];
        h[1][2] = s[10] / a;
        h[1][3] = -s[11];
        h[2][2] = hx[2][2] + (s[12] - s[3]) / (a * a);
        h[2][3] = hx[2][3] - s[13] / a;
        h[3][3] = hx[3][3] + s[14];
        for (size_t i = 0; i < 4; i++)
            for (size_t k = 0; k < i; k++)
                h[i][k] = h[k][i];
    }
    return !isfinite(*llp);
}

int clv_bg_hessian(const double *p, double *ll, double *dll, double h[CLV_OPT_MAXN][CLV_OPT_MAXN],
                   void *data)
{
    const bg_data *d = data;
    if (d->mode != BG_ROWS)
        return 1;
    return loglik_rows(d, p, ll, dll, h);
}

int clv_bg_has_hessian(const void *data)
{
    const bg_data *d = data;
    return d->mode == BG_ROWS;
}

int clv_bg_loglik(const double *p, double *llp, double *dll, void *data)
{
    const bg_data *d = data;
    if (d->mode == BG_ROWS)
        return loglik_rows(d, p, llp, dll, NULL);
    const clv_patterns *pat = d->pat;
    double r = p[0], al = p[1], a = p[2], b = p[3];
    double g[4] = {0, 0, 0, 0};
    double ll = x_terms(d, r, a, b, dll ? g : NULL, NULL);
    double la = log(al);
    ll += d->W * r * la;
    g[0] += d->W * la;
    g[1] += d->W * r / al;
    for (size_t j = 0; j < d->nT; j++) {
        d->lT[j] = log(al + d->Tv[j]);
        d->iT[j] = 1 / (al + d->Tv[j]);
        ll -= d->lT[j] * (r * d->WT[j] + d->XT[j]);
        g[0] -= d->WT[j] * d->lT[j];
        g[1] -= (r * d->WT[j] + d->XT[j]) * d->iT[j];
    }
    for (size_t j = 0; j < d->nt; j++) {
        d->lt[j] = log(al + d->tv[j]);
        d->it[j] = 1 / (al + d->tv[j]);
    }
    double lna = log(a), sr = 0, sal = 0, sa = 0, sb = 0;
    if (d->mode == BG_CHUNKED) {
        row_job *job = clv_malloc(sizeof *job);
        if (!job)
            return 1;
        job->d = d, job->r = r, job->al = al, job->lna = lna;
        clv_par_for(CHUNKS, pat->n * 20, bracket_chunk, job);
        for (size_t k = 0; k < CHUNKS; k++) {
            ll += job->part[k][0];
            sr += job->part[k][1];
            sal += job->part[k][2];
            sa += job->part[k][3];
            sb += job->part[k][4];
        }
        clv_free(job);
    }
    for (size_t i = 0; d->mode == BG_TABLES && i < pat->n; i++) {
        double x = pat->col[0][i];
        if (d->o == 0 && x == 0)
            continue;
        size_t jx = d->xi[i], jT = d->Ti[i], jt = d->ti[i];
        double dl = d->lT[jT] - d->lt[jt];
        double lr = lna - d->lb[jx] + (r + x) * dl;
        double e = exp(-fabs(lr));
        double w = pat->w[i];
        ll += w * (fmax(lr, 0) + log1p(e));
        double sig = w * (lr > 0 ? 1 / (1 + e) : e / (1 + e));
        sr += sig * dl;
        sal += sig * (r + x) * (d->iT[jT] - d->it[jt]);
        sa += sig;
        sb += sig * d->ib[jx];
    }
    *llp = ll;
    if (dll) {
        dll[0] = g[0] + sr;
        dll[1] = g[1] + sal;
        dll[2] = g[2] + sa / a;
        dll[3] = g[3] - sb;
    }
    return !isfinite(ll);
}

/* ---- predictions --------------------------------------------------------- */

double clv_bg_palive(const double *p, int mbg, double x, double t_x, double T)
{
    double r = p[0], al = p[1], a = p[2], b = p[3];
    if (!mbg && x == 0)
        return 1;
    double lr = log(a) - log(b + x + mbg - 1) + (r + x) * (log1p((T - t_x) / (al + t_x)));
    /* 1 / (1 + e^lr) */
    return lr > 0 ? exp(-lr) / (1 + exp(-lr)) : 1 / (1 + exp(lr));
}

typedef struct {
    double r, y; /* y = t / alpha */
    int j0;
} g_ctx;

/* ln[(1-p)^j0 (1 - (1 + p y)^-r) / p] */
static double g_integrand(double p, double q, double *aux, void *vctx)
{
    (void)aux;
    const g_ctx *c = vctx;
    double lq = c->j0 ? log(q) : 0;
    if (p * c->y < 1e-12) /* (1 - (1+py)^-r)/p -> r y as p -> 0 */
        return log(c->r * c->y) - 0.5 * (c->r + 1) * p * c->y + lq;
    double u = -expm1(-c->r * log1p(p * c->y));
    return log(u) - log(p) + lq;
}

/* G = E[(1-p)^j0 (1 - (alpha/(alpha + p t))^r) / p],  p ~ Beta(a, b):
 * the expected transactions in t of an alive customer with rate
 * ~ Gamma(r, alpha) who drops after each purchase with probability p.
 * The series in z = t/(alpha+t) has positive terms only (see docs/models.md):
 *   G = (1-z)^r sum_{n>=1} (r)_n/n! z^n sum_{j=j0}^{n-1+j0} (b)_j/(a+b)_j,
 * used when it is short.  For z >= 1/2 first the 1 - z connection formula
 * (numerics/betanbd.h), which refuses when it would lose digits; the Beta
 * integral by quadrature is the last resort. */
static clv_status bg_G(double r, double al, double a, double b, double t, int j0, double *out)
{
    if (t == 0) {
        *out = 0;
        return CLV_OK;
    }
    double z = t / (al + t);
    double lead = -r * log1p(t / al); /* ln (1-z)^r */
    double expect = r * z / (1 - z) + 40 / -log(z);
    int short_series = expect < 400 && lead > -600;
    /* the connection formula costs about 150 terms of the series */
    if (z >= 0.5 && !(short_series && expect < 150)) {
        /* (1-p)^j0 moves into the Beta: E_(a,b)[(1-p)^j0 f] =
         * B(a, b+j0)/B(a, b) E_(a,b+j0)[f] */
        double e = 1, g;
        for (int j = 0; j < j0; j++)
            e *= (b + j) / (a + b + j);
        if (clv_sf_beta_nbd_mean(r, a, b + j0, al / (al + t), &g) == CLV_OK) {
            *out = e * g;
            return CLV_OK;
        }
    }
    if (short_series) {
        double c = exp(lead); /* (1-z)^r (r)_n/n! z^n */
        double e = 1, H = 0, sum = 0;
        for (int j = 0; j < j0; j++)
            e *= (b + j) / (a + b + j); /* e_j0 */
        for (long n = 1; n < 100000; n++) {
            c *= (r + n - 1) / n * z;
            H += e; /* H_n = H_{n-1} + e_{n-1+j0} */
            double j = n - 1 + j0;
            e *= (b + j) / (a + b + j);
            double term = c * H;
            sum += term;
            if (n > expect && term <= 1e-17 * sum) {
                *out = sum;
                return CLV_OK;
            }
        }
    }
    g_ctx ctx = {r, t / al, j0};
    double lm;
    clv_status st = clv_quad_beta_mean(g_integrand, &ctx, a, b, 0, &lm, NULL);
    *out = exp(lm);
    return st;
}

clv_status clv_bg_expected(const double *p, int mbg, double t, double *out)
{
    return bg_G(p[0], p[1], p[2], p[3], t, mbg, out);
}

clv_status clv_bg_conditional_alive(const double *p, int mbg, double t, double x, double T,
                                    double *out)
{
    return bg_G(p[0] + x, p[1] + T, p[2], p[3] + x + mbg, t, 0, out);
}

clv_status clv_bg_conditional(const double *p, int mbg, double t, double x, double t_x, double T,
                              double *out)
{
    double g;
    clv_status st = clv_bg_conditional_alive(p, mbg, t, x, T, &g);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    *out = g * clv_bg_palive(p, mbg, x, t_x, T);
    return st;
}

/* P(X(t) = n) = B(a, b+n+o)/B(a,b) NB(n) + [n>0 or o] B(a+1, b+n+o-1)/B(a,b)
 *               P(NB >= n),  NB = negative binomial(r, q = t/(alpha+t)). */
clv_status clv_bg_pmf(const double *p, int mbg, double n, double t, double *out)
{
    double r = p[0], al = p[1], a = p[2], b = p[3], o = mbg;
    double lab = clv_sf_lbeta(a, b);
    double lq = log(t) - log(al + t), l1q = -log1p(t / al);
    double lnb;
    if (t == 0)
        lnb = n == 0 ? 0 : -INFINITY;
    else
        lnb = clv_sf_lgamma(r + n) - clv_sf_lgamma(r) - clv_sf_lgamma(n + 1) + r * l1q +
              (n > 0 ? n * lq : 0);
    double v = exp(clv_sf_lbeta(a, b + n + o) - lab + lnb);
    if (n > 0 || mbg) {
        double tail = 1, Ic;
        if (n > 0) {
            clv_status st = clv_sf_beta_inc_e(n, r, t / (al + t), al / (al + t), &tail, &Ic);
            if (st != CLV_OK)
                return st;
        }
        v += exp(clv_sf_lbeta(a + 1, b + n + o - 1) - lab) * tail;
    }
    *out = fmin(fmax(v, 0), 1);
    return CLV_OK;
}
