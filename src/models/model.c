/*
 * model.c -- model kinds and names, argument checks, and the compression of
 * identical data rows (a hash table on the rows' bit patterns), shared by
 * every model file.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/fn.h"
#include "models/model.h"

/* ---- kinds and names ----------------------------------------------------- */

static const struct {
    const char *name;
    size_t n;
    const char *params[CLV_MODEL_MAXPARAMS];
} kinds[] = {
    {"none", 0, {NULL}},
    {"bgnbd", 4, {"r", "alpha", "a", "b"}},
    {"mbgnbd", 4, {"r", "alpha", "a", "b"}},
    {"pnbd", 4, {"r", "alpha", "s", "beta"}},
    {"gg", 3, {"p", "q", "gamma"}},
    {"sbg", 2, {"alpha", "beta"}},
    {"bgbb", 4, {"alpha", "beta", "gamma", "delta"}},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static int known(clv_model_kind k)
{
    return k > 0 && (size_t)k < NKINDS;
}

const char *clv_model_name(clv_model_kind kind)
{
    return known(kind) ? kinds[kind].name : "none";
}

clv_status clv_model_kind_parse(const char *name, clv_model_kind *out)
{
    if (out)
        *out = CLV_MODEL_NONE;
    if (!name || !out)
        return CLV_EINVAL;
    for (size_t k = 1; k < NKINDS; k++)
        if (strcmp(name, kinds[k].name) == 0) {
            *out = (clv_model_kind)k;
            return CLV_OK;
        }
    return CLV_EINVAL;
}

size_t clv_model_nparams(clv_model_kind kind)
{
    return known(kind) ? kinds[kind].n : 0;
}

const char *clv_model_param_name(clv_model_kind kind, size_t i)
{
    return known(kind) && i < kinds[kind].n ? kinds[kind].params[i] : NULL;
}

clv_status clv_model_check(const clv_model *m, clv_fault *fault)
{
    if (!m)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (!known(m->kind))
        return clv_fail(fault, 0, CLV_FAULT_NONE, "unknown model kind", CLV_EINVAL);
    for (size_t i = 0; i < kinds[m->kind].n; i++) {
        if (!isfinite(m->param[i]))
            return clv_fail(fault, 0, i, "parameter must be finite", CLV_EINVAL);
        if (!(m->param[i] > 0))
            return clv_fail(fault, 0, i, "parameter must be > 0", CLV_EDOM);
    }
    return CLV_OK;
}

clv_status clv_check_model(const clv_model *m, size_t arg, clv_fault *fault, clv_model_kind k1,
                           clv_model_kind k2, clv_model_kind k3)
{
    clv_fault f;
    clv_status st = clv_model_check(m, &f);
    if (st != CLV_OK)
        return clv_fail(fault, arg, f.element, f.reason, st);
    if (m->kind != k1 && m->kind != k2 && m->kind != k3)
        return clv_fail(fault, arg, CLV_FAULT_NONE,
                        "is a model of the wrong kind for this function", CLV_EINVAL);
    return CLV_OK;
}

/* ---- argument checks ----------------------------------------------------- */

clv_status clv_check_arg(double v, int domain, size_t arg, clv_fault *fault)
{
    const char *why;
    clv_status st = clv_domain_check((clv_domain)domain, v, &why);
    return st == CLV_OK ? st : clv_fail(fault, arg, CLV_FAULT_NONE, why, st);
}

/* One customer; element is the row for array checks (NONE for scalars). */
static clv_status customer(double x, double t_x, double T, size_t ax, size_t el, clv_fault *fault)
{
    const char *why;
    clv_status st;
    if ((st = clv_domain_check(CLV_D_WHOLE, x, &why)) != CLV_OK)
        return clv_fail(fault, ax, el, why, st);
    if ((st = clv_domain_check(CLV_D_NONNEG, t_x, &why)) != CLV_OK)
        return clv_fail(fault, ax + 1, el, why, st);
    if ((st = clv_domain_check(CLV_D_NONNEG, T, &why)) != CLV_OK)
        return clv_fail(fault, ax + 2, el, why, st);
    if (t_x > T)
        return clv_fail(fault, ax + 1, el, "must be <= T", CLV_EDOM);
    if (x == 0 && t_x != 0)
        return clv_fail(fault, ax + 1, el, "must be 0 when x = 0", CLV_EDOM);
    return CLV_OK;
}

clv_status clv_check_customer(double x, double t_x, double T, size_t ax, clv_fault *fault)
{
    return customer(x, t_x, T, ax, CLV_FAULT_NONE, fault);
}

clv_status clv_check_weights(const double *w, size_t n, size_t arg, clv_fault *fault)
{
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        double v = w ? w[i] : 1;
        if (!isfinite(v))
            return clv_fail(fault, arg, i, "must be finite", CLV_EINVAL);
        if (v < 0)
            return clv_fail(fault, arg, i, "must be >= 0", CLV_EDOM);
        total += v;
    }
    if (!(total > 0))
        return clv_fail(fault, arg, CLV_FAULT_NONE, "must not all be 0", CLV_EDOM);
    if (!isfinite(total))
        return clv_fail(fault, arg, CLV_FAULT_NONE, "sum overflows", CLV_ERANGE);
    return CLV_OK;
}

clv_status clv_check_table(const double *const *cols, size_t k, const double *w, size_t rows,
                           size_t ax, clv_row_check check, clv_fault *fault)
{
    if (rows == 0)
        return clv_fail(fault, ax + k + 1, CLV_FAULT_NONE, "must be >= 1", CLV_EINVAL);
    for (size_t c = 0; c < k; c++)
        if (!cols[c])
            return clv_fail(fault, ax + c, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    for (size_t i = 0; i < rows; i++) {
        double v[3];
        for (size_t c = 0; c < k; c++)
            v[c] = cols[c][i];
        clv_status st = check(v, ax, i, fault);
        if (st != CLV_OK)
            return st;
    }
    return clv_check_weights(w, rows, ax + k, fault);
}

static clv_status customer_row(const double *v, size_t ax, size_t el, clv_fault *fault)
{
    return customer(v[0], v[1], v[2], ax, el, fault);
}

clv_status clv_check_customers(const double *x, const double *t_x, const double *T, const double *w,
                               size_t n, size_t ax, clv_fault *fault)
{
    const double *cols[3] = {x, t_x, T};
    return clv_check_table(cols, 3, w, n, ax, customer_row, fault);
}

clv_status clv_begin(const clv_model *m, double *out, size_t out_arg, clv_fault *fault,
                     clv_model_kind k1, clv_model_kind k2, clv_model_kind k3)
{
    if (!out)
        return clv_fail(fault, out_arg, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NAN;
    return clv_check_model(m, 0, fault, k1, k2, k3);
}

clv_status clv_fit_begin(clv_model *out, size_t out_arg, clv_model_kind kind, clv_time_unit unit,
                         clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, out_arg, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    out->kind = kind;
    out->unit = unit;
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        out->param[i] = NAN;
    return CLV_OK;
}

/* ---- compression --------------------------------------------------------- */

static uint64_t mix(uint64_t h)
{
    /* the splitmix64 finaliser */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

static uint64_t bits(double v)
{
    uint64_t u;
    v += 0.0; /* -0.0 -> +0.0 */
    memcpy(&u, &v, sizeof u);
    return u;
}

/* An open-addressing table of row numbers; rows compare by value.  Slots
 * are 32 bits and the capacity any size (a hash maps onto it by a
 * multiply, not a mask), so the table can grow by a quarter and stay close
 * to the distinct rows: 4.7-5.9 bytes a distinct row. */
typedef struct {
    size_t cap;
    uint32_t *slot; /* row + 1, 0 = empty */
} rowset;

#define ROWSET_MAX 0xfffffffeu /* distinct rows a 32-bit slot can number */

static clv_status rowset_init(rowset *s, size_t cap)
{
    s->cap = cap < 16 ? 16 : cap;
    s->slot = s->cap <= ROWSET_MAX ? clv_calloc(s->cap, sizeof *s->slot) : NULL;
    return s->slot ? CLV_OK : CLV_ENOMEM;
}

/* The slot where a hash starts probing: its high 32 bits times cap. */
static size_t rowset_home(const rowset *s, uint64_t h)
{
    return (size_t)(((h >> 32) * (uint64_t)s->cap) >> 32);
}

static size_t rowset_next(const rowset *s, size_t pos)
{
    return pos + 1 == s->cap ? 0 : pos + 1;
}

static uint64_t row_hash(const double *const *cols, size_t k, size_t i)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t c = 0; c < k; c++)
        h = mix(h ^ bits(cols[c][i]));
    return h;
}

/* Grows the table of distinct rows by a quarter, rebuilt from the rows found so
 * far (the old table is freed first: never two tables at once).  It grows
 * with the distinct rows, not with the input (10M customers recorded by day
 * are ~200k patterns). */
static clv_status rowset_grow(rowset *s, const clv_patterns *p)
{
    size_t cap = s->cap + s->cap / 4;
    clv_free(s->slot);
    if (rowset_init(s, cap) != CLV_OK)
        return CLV_ENOMEM;
    for (size_t j = 0; j < p->n; j++) {
        size_t pos = rowset_home(s, row_hash((const double *const *)p->col, p->k, j));
        while (s->slot[pos])
            pos = rowset_next(s, pos);
        s->slot[pos] = (uint32_t)(j + 1);
    }
    return CLV_OK;
}

#define AHEAD 16 /* rows looked up together */
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* Row i (hash h) into the distinct rows: non-zero when out of memory. */
static int add_row(rowset *set, clv_patterns *out, const double *const *cols, size_t k,
                   const double *weight, size_t *index, size_t i, uint64_t h)
{
    double w = weight ? weight[i] : 1;
    if (index)
        index[i] = (size_t)-1;
    if (w == 0)
        return 0;
    out->total += w;
    for (size_t pos = rowset_home(set, h);; pos = rowset_next(set, pos)) {
        size_t r = set->slot[pos];
        if (r == 0) {
            if (out->n >= ROWSET_MAX)
                return 1;
            size_t j = out->n++;
            for (size_t c = 0; c < k; c++)
                out->col[c][j] = cols[c][i] + 0.0;
            out->w[j] = w;
            set->slot[pos] = (uint32_t)(j + 1);
            if (index)
                index[i] = j;
            /* at most 85% full: under 4 probes to find a row */
            return 20 * out->n > 17 * set->cap && rowset_grow(set, out) != CLV_OK;
        }
        int same = 1;
        for (size_t c = 0; c < k && same; c++)
            same = out->col[c][r - 1] == cols[c][i];
        if (same) {
            out->w[r - 1] += w;
            if (index)
                index[i] = r - 1;
            return 0;
        }
    }
}

/* The distinct rows; index (may be NULL) gets each row's pattern, or
 * (size_t)-1 for a row of weight 0. */
static clv_status build(const double *const *cols, size_t k, const double *weight, size_t nrows,
                        clv_patterns *out, size_t *index)
{
    memset(out, 0, sizeof *out);
    out->k = k;
    rowset set;
    if (rowset_init(&set, 512) != CLV_OK)
        return CLV_ENOMEM;
    for (size_t c = 0; c < k; c++)
        out->col[c] = clv_malloc((nrows ? nrows : 1) * sizeof(double));
    out->w = clv_malloc((nrows ? nrows : 1) * sizeof(double));
    int nomem = !out->w;
    for (size_t c = 0; c < k; c++)
        nomem |= !out->col[c];
    /* Rows in batches: their slots, then the rows those slots hold, are
     * asked of memory for the whole batch before any is compared (a
     * table and rows of megabytes: each look-up would wait for memory). */
    for (size_t b0 = 0; b0 < nrows && !nomem; b0 += AHEAD) {
        size_t m = nrows - b0 < AHEAD ? nrows - b0 : AHEAD;
        uint64_t h[AHEAD];
        for (size_t q = 0; q < m; q++) {
            h[q] = row_hash(cols, k, b0 + q);
            PREFETCH(&set.slot[rowset_home(&set, h[q])]);
        }
        for (size_t q = 0; q < m; q++) {
            size_t r = set.slot[rowset_home(&set, h[q])];
            for (size_t c = 0; r && c < k; c++)
                PREFETCH(&out->col[c][r - 1]);
            if (r)
                PREFETCH(&out->w[r - 1]);
        }
        for (size_t q = 0; q < m && !nomem; q++)
            nomem = add_row(&set, out, cols, k, weight, index, b0 + q, h[q]);
    }
    clv_free(set.slot);
    if (nomem) {
        clv_patterns_free(out);
        return CLV_ENOMEM;
    }
    return CLV_OK;
}

clv_status clv_patterns_build(const double *const *cols, size_t k, const double *weight,
                              size_t nrows, clv_patterns *out)
{
    return build(cols, k, weight, nrows, out, NULL);
}

clv_status clv_patterns_index(const double *const *cols, size_t k, size_t nrows, clv_patterns *out,
                              size_t **index)
{
    *index = clv_malloc((nrows ? nrows : 1) * sizeof **index);
    clv_status st = *index ? build(cols, k, NULL, nrows, out, *index) : CLV_ENOMEM;
    if (st != CLV_OK) {
        clv_free(*index);
        *index = NULL;
        memset(out, 0, sizeof *out);
    }
    return st;
}

void clv_patterns_free(clv_patterns *p)
{
    if (!p)
        return;
    for (size_t c = 0; c < 3; c++)
        clv_free(p->col[c]);
    clv_free(p->w);
    memset(p, 0, sizeof *p);
}

clv_status clv_values_index(const double *v, size_t n, double **uniq, size_t *nuniq, size_t **index)
{
    *uniq = NULL;
    *index = NULL;
    *nuniq = 0;
    rowset set;
    if (rowset_init(&set, 2 * n) != CLV_OK)
        return CLV_ENOMEM;
    double *u = clv_malloc((n ? n : 1) * sizeof *u);
    size_t *ix = clv_malloc((n ? n : 1) * sizeof *ix);
    if (!u || !ix) {
        clv_free(set.slot);
        clv_free(u);
        clv_free(ix);
        return CLV_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t pos = rowset_home(&set, mix(bits(v[i])));
        for (;;) {
            size_t r = set.slot[pos];
            if (r == 0) {
                u[m] = v[i] + 0.0;
                set.slot[pos] = (uint32_t)++m;
                ix[i] = m - 1;
                break;
            }
            if (u[r - 1] == v[i]) {
                ix[i] = r - 1;
                break;
            }
            pos = rowset_next(&set, pos);
        }
    }
    clv_free(set.slot);
    *uniq = u;
    *nuniq = m;
    *index = ix;
    return CLV_OK;
}
