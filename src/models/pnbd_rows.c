/*
 * pnbd_rows.c -- the Pareto/NBD likelihood rows of large data (pnbd_rows.h).
 *
 * Per row the likelihood needs D(t_x) and D(T) (pnbd.c's header), each a
 * series sum_n b_n z^n with b_n = (e)_n/n! k/(k+n), plus the four sums
 * of its gradient.  e and k depend on x only, so per x and evaluation the
 * five coefficient sequences are tabulated once (scaled: z = z_s y, z_s
 * the largest z of the x's rows, so the coefficients cannot overflow), and
 * per row each sum is a polynomial in y evaluated by Horner's rule: no
 * divisions, eight rows of one x at a time (vectorised), as many terms as
 * the block's largest z needs.  The rows stream through in their order and
 * wait per x and t_x bucket (up to 16) until eight make a block, so the
 * rows of a block need about the same number of terms and the columns are
 * read once, in order.  The logs and exps go four at a time (vmath.h).
 *
 * Why not a faster-converging form for large z (continued fraction, the
 * 1 - z transformation of 2F1(e, k; k+1; z)): the transformation
 * degenerates where 1 - e = -s is an integer, and every form would still
 * need its own four parameter derivatives; the tabulated series is exact
 * wherever the per-row series was (z <= 0.75), costs one multiply-add per
 * term and sum, and leaves the rest (z > 0.75 or very long series, t_x =
 * T, I within 0.1% of D(t_x)) to the per-row code, as before.
 */
#include "models/pnbd_rows.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "numerics/par.h"
#include "numerics/vmath.h"

#define CHUNKS 64                /* fixed: partial sums do not depend on the threads */
#define BLOCK 8                  /* rows of one x evaluated together (two v4d) */
#define STAGES 1024              /* (x, t_x bucket) blocks filling at a time, about */
#define BUCKETS 16               /* t_x buckets within an x, at most */
#define XTAB 2048                /* x values with tables, at most; other x row by row */
#define TERMS 262144             /* table entries over all x, at most (12 MB) */
#define YBINS 64                 /* per x, the terms needed for y up to i/YBINS */
#define NMAX 2048                /* longest table; longer series go row by row */
#define TINY -41.446531673892822 /* ln 1e-18: a term this far below the sum ends it */

struct pnbd_rows {
    const clv_patterns *pat;
    const double *xv;
    size_t nx, nbk; /* x values, t_x buckets */
    uint32_t *xi;   /* per row: the index of its x */
    double *tmin;   /* per x: the smallest t_x or T of its rows */
    double scale;   /* bucket = t_x scale */
};

void clv_pnbd_rows_free(pnbd_rows *rows)
{
    if (!rows)
        return;
    clv_free(rows->xi), clv_free(rows->tmin);
    clv_free(rows);
}

pnbd_rows *clv_pnbd_rows_create(const clv_patterns *pat, const double *xv, size_t nx,
                                const size_t *xi)
{
    size_t n = pat->n;
    if (n >= UINT32_MAX || nx == 0)
        return NULL;
    pnbd_rows *rows = clv_calloc(1, sizeof *rows);
    if (!rows || !(rows->xi = clv_malloc(n * sizeof *rows->xi)) ||
        !(rows->tmin = clv_malloc(nx * sizeof *rows->tmin))) {
        clv_pnbd_rows_free(rows);
        return NULL;
    }
    rows->pat = pat, rows->xv = xv, rows->nx = nx;
    size_t ntab = nx < XTAB ? nx : XTAB;
    rows->nbk = STAGES / ntab < 1 ? 1 : STAGES / ntab > BUCKETS ? BUCKETS : STAGES / ntab;
    const double *t_x = pat->col[1], *T = pat->col[2];
    double tmax = 0;
    for (size_t j = 0; j < nx; j++)
        rows->tmin[j] = INFINITY;
    for (size_t i = 0; i < n; i++) {
        rows->xi[i] = (uint32_t)xi[i];
        tmax = fmax(tmax, t_x[i]);
        rows->tmin[xi[i]] = fmin(rows->tmin[xi[i]], fmin(t_x[i], T[i]));
    }
    rows->scale = tmax > 0 ? (double)rows->nbk / tmax : 0;
    return rows;
}

/* ---- per x and evaluation: the coefficient tables ------------------------ */

typedef struct {
    int b1;                /* alpha >= beta */
    double k, e, c, M, zs; /* the series of D(t): z = c/(M + t) = zs y */
    double lk;             /* ln k */
    size_t N;              /* table length */
    double *co;            /* co[5n + q]: the five coefficient sequences */
    double *lt;            /* ln co[5n] */
    int ok;                /* tabulated (else the x's rows go row by row) */
    int d0ok;              /* D(0) below, from the table */
    double D0[5];
    unsigned short nb[YBINS]; /* terms for y <= (i+1)/YBINS (0: too many) */
} xtab;

static void xtab_init(xtab *t, const double *p, double x, double tmin)
{
    double r = p[0], al = p[1], s = p[2], be = p[3];
    t->b1 = al >= be;
    t->k = r + s + x, t->e = t->b1 ? s + 1 : r + x;
    t->lk = log(t->k);
    t->c = t->b1 ? al - be : be - al;
    t->M = t->b1 ? al : be;
    /* where the per-row code would use the series (z <= 0.75 and the
     * terms peaking before n = 300) */
    double cap = fmin(0.75, 300 / (t->e + 300)), zmax = t->c / (t->M + tmin);
    /* (a hair above zmax, so that its own row's y, rounded, stays <= 1) */
    t->zs = zmax > 0 ? fmin(zmax * (1 + 1e-12), cap) : 0.5;
    /* the length: past the peak, decaying by <= 0.9 a term, under TINY */
    double e = t->e, zs = t->zs, lim = e * zs / (1 - zs), a = 1;
    size_t n = 1;
    for (; n < NMAX - 1; n++) {
        a *= (e + (double)n - 1) * zs / (double)n;
        if ((double)n > lim && (e + (double)n) * zs <= 0.9 * ((double)n + 1) &&
            a * t->k / (t->k + (double)n) < 0.5e-18) /* (under TINY: xtab_terms) */
            break;
    }
    t->N = n + 1;
}

/* Fills t->co, t->lt (N entries each, room given).  In y = z/zs:
 *   co0 = b_n zs^n (the sum), co1 = co0/(k+n) (minus d/dk), co2 = co0 S_n
 *   with S_n = sum_{j<n} 1/(e+j) (d/de), co3 = (n+1) co0[n+1] (zs d/dz),
 *   co4 = co0 (k+n) (-d/dv, v^2 times). */
static void xtab_fill(xtab *t, double *co, double *lt)
{
    double e = t->e, k = t->k, zs = t->zs, a = 1, S = 0;
    t->co = co, t->lt = lt;
    for (size_t n = 0; n < t->N; n++) {
        double dn = (double)n, tn = a * k / (k + dn);
        co[5 * n] = tn;
        co[5 * n + 1] = tn / (k + dn);
        co[5 * n + 2] = tn * S;
        co[5 * n + 4] = tn * (k + dn);
        lt[n] = log(tn);
        S += 1 / (e + dn);
        a *= (e + dn) * zs / (dn + 1);
        co[5 * n + 3] = (dn + 1) * a * k / (k + dn + 1);
    }
}

/* Terms needed for y <= ymax (as xtab_init, but relative to the term at
 * the peak, a lower bound of the sum), 0 if the table is too short.  Past
 * the peak and the ratio bound the terms decrease: a binary search. */
static size_t xtab_terms(const xtab *t, double ymax)
{
    double ly = log(ymax), z = ymax * t->zs, e = t->e, lim = e * z / (1 - z);
    /* n0: past the peak, ratio <= 0.9: (e + n) z <= 0.9 (n + 1) */
    double n0 = fmax(lim, (e * z - 0.9) / (0.9 - z));
    if (!(n0 < (double)t->N - 1))
        return 0;
    size_t lo = (size_t)n0 + 1, hi = t->N - 1;
    double thr = TINY + fmax(0, t->lt[lo] + (double)lo * ly);
    if (!(t->lt[hi] + (double)hi * ly < thr))
        return 0;
    while (lo < hi) { /* the first n in [lo, hi] under thr */
        size_t mid = lo + (hi - lo) / 2;
        if (t->lt[mid] + (double)mid * ly < thr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The bin of y in [0, 1]: the smallest i with y <= (i+1)/YBINS. */
static inline size_t bin(double y)
{
    double b = ceil(y * YBINS);
    return b < 1 ? 0 : b > YBINS ? YBINS - 1 : (size_t)b - 1;
}

/* ---- the rows ------------------------------------------------------------ */

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
/* as bgnbd.c: AVX2 where the processor has it; C11 does not contract to
 * FMA, so the bits do not depend on the width */
#define WIDE __attribute__((target_clones("avx2", "default"), optimize("no-trapping-math")))
#else
#define WIDE
#endif

/* The five sums at y[0..BLOCK-1], nb terms.  In GCC's vector types so the
 * ten accumulators stay in registers (arrays went through memory). */
typedef double v4d __attribute__((vector_size(32)));

WIDE static void horner(const double *restrict co, size_t nb, const double *restrict y,
                        double P[restrict 5][BLOCK])
{
    v4d ya, yb, a[5], b[5];
    memcpy(&ya, y, sizeof ya), memcpy(&yb, y + 4, sizeof yb);
    for (size_t q = 0; q < 5; q++)
        a[q] = b[q] = ya - ya;
    for (size_t n = nb; n-- > 0;) {
        const double *c = co + 5 * n;
        for (size_t q = 0; q < 5; q++) {
            a[q] = a[q] * ya + c[q];
            b[q] = b[q] * yb + c[q];
        }
    }
    for (size_t q = 0; q < 5; q++)
        memcpy(P[q], &a[q], sizeof a[q]), memcpy(P[q] + 4, &b[q], sizeof b[q]);
}

/* (for the rows the tables do not cover: values that keep the vector
 * maths on its fast path; the rows are redone one by one) */
static void fill(double P[5][BLOCK], double v)
{
    for (size_t q = 0; q < 5; q++)
        for (size_t l = 0; l < BLOCK; l++)
            P[q][l] = v;
}

static void fill_int(int *f, int v)
{
    for (size_t l = 0; l < BLOCK; l++)
        f[l] = v;
}

typedef struct {
    const pnbd_rows *rows;
    const double *p;
    const xtab *tab;
    size_t ntab; /* x values with tables: 0 .. ntab-1 */
    double part[CHUNKS][5];
    int fail[CHUNKS];
} job;

typedef struct {
    double lal, lbe, ls; /* ln alpha, ln beta, ln s */
} consts;

/* Rows in[0..m) (t_x, T, weight) of x j into the lanes of c[5][BLOCK]; 1 if
 * a row failed.  Per row, with v = 1/(M + t), lv = ln v and the five sums P:
 *   ln D = k lv - ln k + ln P0, d ln D/dk = lv - P1/P0, d/de = P2/P0,
 *   d/dc = v P3/(zs P0), -v^2 d/dv = -v P4/P0 (mapped to the parameters
 *   as pnbd.c's series_D); q = D(T)/D(t_x), I = D(t_x) (1 - q),
 *   ln R = ln(s I) - A, ln L = r ln alpha + s ln beta + A + ln(1 + R). */
WIDE static int block(const job *jb, const consts *K, size_t j, const double in[3][BLOCK], size_t m,
                      double c[5][BLOCK])
{
    const pnbd_rows *R = jb->rows;
    const xtab *tb = &jb->tab[j];
    const double *p = jb->p;
    double r = p[0], al = p[1], s = p[2], be = p[3], x = R->xv[j], k = tb->k, M = tb->M;
    double t[BLOCK], T[BLOCK], w[BLOCK], v1[BLOCK], v2[BLOCK], y1[BLOCK], y2[BLOCK];
    double l1[BLOCK], lA[BLOCK], lB[BLOCK], P1[5][BLOCK], P2[5][BLOCK], q[BLOCK], u[BLOCK],
        E[BLOCK], L[BLOCK];
    int flag[BLOCK], allzero = 1;
    double y1max = 0, y2max = 0, cz = tb->c / tb->zs, izs = 1 / tb->zs;
    for (size_t l = 0; l < BLOCK; l++) { /* lanes past m: row 0 again, weight 0 */
        t[l] = in[0][l < m ? l : 0], T[l] = in[1][l < m ? l : 0], w[l] = l < m ? in[2][l] : 0;
    }
    for (size_t l = 0; l < BLOCK; l++) {
        v1[l] = 1 / (M + t[l]), v2[l] = 1 / (M + T[l]);
        y1[l] = cz * v1[l], y2[l] = cz * v2[l];
        flag[l] = !(t[l] < T[l]) || y1[l] > 1;
        allzero &= t[l] == 0;
        double a1 = flag[l] ? 0 : y1[l], a2 = flag[l] ? 0 : y2[l];
        y1max = a1 > y1max ? a1 : y1max, y2max = a2 > y2max ? a2 : y2max;
    }
    size_t n1 = tb->nb[bin(y1max)], n2 = tb->nb[bin(y2max)];
    if (allzero && tb->d0ok) {
        for (size_t qq = 0; qq < 5; qq++)
            for (size_t l = 0; l < BLOCK; l++)
                P1[qq][l] = tb->D0[qq];
    } else if (n1) {
        horner(tb->co, n1, y1, P1);
    } else {
        fill(P1, 1), fill_int(flag, 1);
    }
    if (n2)
        horner(tb->co, n2, y2, P2);
    else
        fill(P2, 1), fill_int(flag, 1);
    for (size_t l = 0; l < BLOCK; l++)
        l1[l] = M + t[l], lA[l] = al + T[l], lB[l] = be + T[l];
    clv_vlog(l1, l1, BLOCK);
    clv_vlog(lA, lA, BLOCK);
    clv_vlog(lB, lB, BLOCK);
    const double *lv2 = tb->b1 ? lA : lB; /* -ln v(T) */
    for (size_t l = 0; l < BLOCK; l++)
        q[l] = flag[l] ? 0 : k * (l1[l] - lv2[l]);
    clv_vexp(q, q, BLOCK);
    for (size_t l = 0; l < BLOCK; l++) {
        q[l] = flag[l] ? 0.5 : q[l] * P2[0][l] / P1[0][l];
        u[l] = P1[0][l] * (1 - q[l]);
    }
    clv_vlog(u, u, BLOCK);
    double base = K->ls - tb->lk;
    for (size_t l = 0; l < BLOCK; l++) {
        double A = -(r + x) * lA[l] - s * lB[l];
        u[l] = base - k * l1[l] - A + u[l]; /* ln R */
        flag[l] |= !(q[l] < 0.999) || !isfinite(u[l]);
        E[l] = flag[l] ? 0 : -fabs(u[l]);
    }
    clv_vexp(E, E, BLOCK);
    clv_vlog1p(E, L, BLOCK);
    double lead = r * K->lal + s * K->lbe;
    for (size_t l = 0; l < BLOCK; l++) {
        double lnR = flag[l] ? 0 : u[l], A = -(r + x) * lA[l] - s * lB[l];
        double ie = 1 / (1 + E[l]), sig = lnR > 0 ? ie : E[l] * ie, om = lnR > 0 ? E[l] * ie : ie;
        double i1 = 1 / P1[0][l], i2 = 1 / P2[0][l], qq = q[l], iq = 1 / (1 - qq);
        /* d ln I = (d ln D(t_x) - q d ln D(T)) / (1 - q), by k, e, c, v */
        double Dk = (-l1[l] - P1[1][l] * i1 - qq * (-lv2[l] - P2[1][l] * i2)) * iq;
        double De = (P1[2][l] * i1 - qq * P2[2][l] * i2) * iq;
        double Dc = (v1[l] * P1[3][l] * i1 - qq * v2[l] * P2[3][l] * i2) * iq * izs;
        double Du = -(v1[l] * P1[4][l] * i1 - qq * v2[l] * P2[4][l] * i2) * iq;
        double dI0 = tb->b1 ? Dk : Dk + De, dI1 = tb->b1 ? Dc + Du : -Dc;
        double dI2 = tb->b1 ? Dk + De : Dk, dI3 = tb->b1 ? -Dc : Dc + Du;
        double wl = w[l];
        c[0][l] = wl * (lead + A + (lnR > 0 ? lnR : 0) + L[l]);
        c[1][l] = wl * (K->lal - om * lA[l] + sig * dI0);
        c[2][l] = wl * (r / al - om * (r + x) / (al + T[l]) + sig * dI1);
        c[3][l] = wl * (K->lbe - om * lB[l] + sig * (1 / s + dI2));
        c[4][l] = wl * (s / be - om * s / (be + T[l]) + sig * dI3);
    }
    /* what the tables do not cover, row by row */
    for (size_t l = 0; l < m; l++) {
        if (!flag[l])
            continue;
        double li, gi[4];
        if (clv_pnbd_row(p, x, t[l], T[l], &li, gi) != CLV_OK)
            return 1;
        c[0][l] = w[l] * li;
        for (size_t qq = 0; qq < 4; qq++)
            c[1 + qq][l] = w[l] * gi[qq];
    }
    for (size_t l = m; l < BLOCK; l++)
        for (size_t qq = 0; qq < 5; qq++)
            c[qq][l] = 0;
    return 0;
}

/* Rows of one x and t_x bucket waiting to fill a block. */
typedef struct {
    size_t m;
    double in[3][BLOCK];
} stage;

/* Adds c's lanes to acc (fixed lanes, in order within a lane). */
static void add_block(double acc[5][BLOCK], double c[5][BLOCK])
{
    for (size_t q = 0; q < 5; q++)
        for (size_t l = 0; l < BLOCK; l++)
            acc[q][l] += c[q][l];
}

/* Chunk kc's rows in their order (the columns stream through once), each
 * staged with the rows of its x and t_x bucket until eight make a block;
 * the partial blocks at the end in stage order: the order depends on the
 * chunk only, never on the threads. */
static void chunk(void *vjob, size_t kc)
{
    job *jb = vjob;
    const pnbd_rows *R = jb->rows;
    const clv_patterns *pat = R->pat;
    size_t n = pat->n, lo = n * kc / CHUNKS, hi = n * (kc + 1) / CHUNKS, nbk = R->nbk;
    const double *p = jb->p;
    consts K = {log(p[1]), log(p[3]), log(p[2])};
    double acc[5][BLOCK] = {{0}}, c[5][BLOCK];
    stage *S = clv_malloc(jb->ntab * nbk * sizeof *S);
    jb->fail[kc] = 1;
    if (!S)
        return;
    for (size_t k = 0; k < jb->ntab * nbk; k++)
        S[k].m = 0;
    for (size_t i = lo; i < hi; i++) {
        size_t j = R->xi[i];
        double t = pat->col[1][i], T = pat->col[2][i], w = pat->w ? pat->w[i] : 1;
        if (j >= jb->ntab || !jb->tab[j].ok) {
            double li, gi[4];
            if (clv_pnbd_row(p, R->xv[j], t, T, &li, gi) != CLV_OK)
                goto done;
            acc[0][0] += w * li;
            for (size_t q = 0; q < 4; q++)
                acc[1 + q][0] += w * gi[q];
            continue;
        }
        double b = t * R->scale;
        stage *st = &S[j * nbk + (b < (double)nbk - 1 ? (size_t)b : nbk - 1)];
        st->in[0][st->m] = t, st->in[1][st->m] = T, st->in[2][st->m] = w;
        if (++st->m == BLOCK) {
            if (block(jb, &K, j, (const double(*)[BLOCK])st->in, BLOCK, c))
                goto done;
            add_block(acc, c);
            st->m = 0;
        }
    }
    for (size_t k = 0; k < jb->ntab * nbk; k++) {
        if (!S[k].m)
            continue;
        if (block(jb, &K, k / nbk, (const double(*)[BLOCK])S[k].in, S[k].m, c))
            goto done;
        add_block(acc, c);
    }
    for (size_t q = 0; q < 5; q++) {
        jb->part[kc][q] = 0;
        for (size_t l = 0; l < BLOCK; l++)
            jb->part[kc][q] += acc[q][l];
    }
    jb->fail[kc] = 0;
done:
    clv_free(S);
}

int clv_pnbd_rows_eval(const pnbd_rows *R, const double *p, double *ll, double *g)
{
    size_t ntab = R->nx < XTAB ? R->nx : XTAB, total = 0;
    xtab *tab = clv_malloc(ntab * sizeof *tab);
    job *jb = clv_malloc(sizeof *jb);
    double *co = NULL;
    int fail = 1;
    if (!tab || !jb)
        goto done;
    for (size_t j = 0; j < ntab; j++) {
        xtab_init(&tab[j], p, R->xv[j], R->tmin[j]);
        tab[j].ok = total + tab[j].N <= TERMS;
        total += tab[j].ok ? tab[j].N : 0;
    }
    if (!(co = clv_malloc((total ? total : 1) * 6 * sizeof *co)))
        goto done;
    for (size_t j = 0, at = 0; j < ntab; j++) {
        xtab *t = &tab[j];
        if (!t->ok)
            continue;
        xtab_fill(t, co + 5 * at, co + 5 * total + at);
        at += t->N;
        for (size_t i = 0; i < YBINS; i++)
            t->nb[i] = (unsigned short)xtab_terms(t, (double)(i + 1) / YBINS);
        /* D(0) once per x, for the rows with t_x = 0 */
        double y0 = t->c / t->M / t->zs, P[5][BLOCK], y[BLOCK] = {y0};
        size_t nb = y0 <= 1 ? xtab_terms(t, y0) : 0;
        t->d0ok = nb > 0;
        if (nb) {
            horner(t->co, nb, y, P);
            for (size_t q = 0; q < 5; q++)
                t->D0[q] = P[q][0];
        }
    }
    jb->ntab = ntab;
    jb->rows = R, jb->p = p, jb->tab = tab;
    clv_par_for(CHUNKS, R->pat->n * 100, chunk, jb);
    fail = 0;
    for (size_t k = 0; k < CHUNKS && !fail; k++) {
        fail = jb->fail[k];
        if (fail)
            break;
        *ll += jb->part[k][0];
        if (g)
            for (int q = 0; q < 4; q++)
                g[q] += jb->part[k][1 + q];
    }
done:
    clv_free(tab), clv_free(jb), clv_free(co);
    return fail;
}
