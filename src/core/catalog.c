/*
 * catalog.c -- validation, evaluation and grid sweeps driven by the clv_fn
 * descriptions (see fn.h); the formulas themselves live in their family files.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "clvkit/catalog.h"
#include "core/fn.h"

static const clv_fn *const catalogue[] = {
    &clv_fn_clv,        &clv_fn_clv_margin,     &clv_fn_clv_ret,      &clv_fn_ltv_churn,
    &clv_fn_clv_avg,    &clv_fn_lifetime,       &clv_fn_churn_period, &clv_fn_discount_period,
    &clv_fn_cac,        &clv_fn_cac_payback,    &clv_fn_ltv_cac,      &clv_fn_max_cac,
    &clv_fn_sql_budget, &clv_fn_roas_breakeven,
};

#define CATALOGUE_SIZE (sizeof catalogue / sizeof catalogue[0])

clv_status clv_fail(clv_fault *fault, size_t arg, size_t element, const char *reason,
                    clv_status status)
{
    if (fault) {
        fault->arg = arg;
        fault->element = element;
        fault->reason = reason;
    }
    return status;
}

const char *clv_domain_text(clv_domain d)
{
    switch (d) {
    case CLV_D_REAL:
        return "must be a finite number";
    case CLV_D_NONNEG:
        return "must be >= 0";
    case CLV_D_POS:
        return "must be > 0";
    case CLV_D_UNIT:
        return "must be between 0 and 1";
    case CLV_D_UNIT_POS:
        return "must be > 0 and <= 1";
    case CLV_D_RATE:
        return "must be > -1";
    case CLV_D_WHOLE:
        return "must be a whole number >= 0";
    case CLV_D_FLAG:
        return "must be 0 or 1";
    case CLV_D_WHOLE_POS:
        return "must be a whole number >= 1";
    }
    return "must be a finite number";
}

static int in_domain(clv_domain d, double x)
{
    switch (d) {
    case CLV_D_REAL:
        return 1;
    case CLV_D_NONNEG:
        return x >= 0;
    case CLV_D_POS:
        return x > 0;
    case CLV_D_UNIT:
        return x >= 0 && x <= 1;
    case CLV_D_UNIT_POS:
        return x > 0 && x <= 1;
    case CLV_D_RATE:
        return x > -1;
    case CLV_D_WHOLE:
        return x >= 0 && x == floor(x);
    case CLV_D_FLAG:
        return x == 0 || x == 1;
    case CLV_D_WHOLE_POS:
        return x >= 1 && x == floor(x);
    }
    return 0;
}

clv_status clv_domain_check(clv_domain d, double x, const char **reason)
{
    if (!isfinite(x)) {
        *reason = "must be a finite number";
        return CLV_EINVAL;
    }
    if (!in_domain(d, x)) {
        *reason = clv_domain_text(d);
        return CLV_EDOM;
    }
    return CLV_OK;
}

size_t clv_fn_count(void)
{
    return CATALOGUE_SIZE;
}

const clv_fn *clv_fn_at(size_t i)
{
    return i < CATALOGUE_SIZE ? catalogue[i] : NULL;
}

const clv_fn *clv_fn_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < CATALOGUE_SIZE; i++)
        if (strcmp(catalogue[i]->name, name) == 0)
            return catalogue[i];
    return NULL;
}

const char *clv_fn_name(const clv_fn *f)
{
    return f ? f->name : NULL;
}
size_t clv_fn_nparams(const clv_fn *f)
{
    return f ? f->nparams : 0;
}
size_t clv_fn_nrequired(const clv_fn *f)
{
    return f ? f->nrequired : 0;
}

const char *clv_fn_param_name(const clv_fn *f, size_t i)
{
    return f && i < f->nparams ? f->params[i].name : NULL;
}

size_t clv_fn_param_index(const clv_fn *f, const char *name)
{
    if (f && name)
        for (size_t i = 0; i < f->nparams; i++)
            if (strcmp(f->params[i].name, name) == 0)
                return i;
    return CLV_FAULT_NONE;
}

double clv_fn_param_default(const clv_fn *f, size_t i)
{
    if (!f || i < f->nrequired || i >= f->nparams)
        return NAN;
    return f->params[i].def;
}

/* The whole check-compute-check sequence on a full argument vector. */
static clv_status eval_full(const clv_fn *f, const double *a, double *out, clv_fault *fault)
{
    for (size_t i = 0; i < f->nparams; i++) {
        const char *why;
        clv_status st = clv_domain_check(f->params[i].domain, a[i], &why);
        if (st != CLV_OK)
            return clv_fail(fault, i, CLV_FAULT_NONE, why, st);
    }
    if (f->rule) {
        clv_status st = f->rule(a, fault);
        if (st != CLV_OK)
            return st;
    }
    double v = f->formula(a);
    if (!isfinite(v))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "the result is too large to represent", CLV_ERANGE);
    *out = v;
    return CLV_OK;
}

clv_status clv_fn_eval(const clv_fn *f, const double *args, size_t nargs, double *out,
                       clv_fault *fault)
{
    if (out)
        *out = NAN;
    if (!f || !out || (nargs > 0 && !args))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    if (nargs < f->nrequired || nargs > f->nparams)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "wrong number of arguments",
                        CLV_EINVAL);
    double a[CLV_FN_MAX_PARAMS];
    for (size_t i = 0; i < f->nparams; i++)
        a[i] = i < nargs ? args[i] : f->params[i].def;
    return eval_full(f, a, out, fault);
}

clv_status clv_grid_rows(const size_t *lens, size_t naxes, size_t *rows)
{
    if (!rows || (naxes > 0 && !lens))
        return CLV_EINVAL;
    size_t n = 1;
    for (size_t i = 0; i < naxes; i++) {
        if (lens[i] == 0)
            return *rows = 0, CLV_EINVAL;
        if (n > SIZE_MAX / lens[i])
            return *rows = 0, CLV_ERANGE;
        n *= lens[i];
    }
    *rows = n;
    return CLV_OK;
}

static int value_ok(const clv_fn *f, size_t i, double x)
{
    const char *why;
    return clv_domain_check(f->params[i].domain, x, &why) == CLV_OK;
}

clv_status clv_fn_sweep(const clv_fn *f, const double *const *axes, const size_t *lens,
                        size_t first, size_t nrows, double *out, size_t *nfailed)
{
    if (nfailed)
        *nfailed = 0;
    if (!f || !axes || !lens || (nrows > 0 && !out))
        return CLV_EINVAL;
    size_t np = f->nparams, total;
    for (size_t i = 0; i < np; i++)
        if (!axes[i])
            return CLV_EINVAL;
    clv_status st = clv_grid_rows(lens, np, &total);
    if (st != CLV_OK)
        return st;
    if (first > total || nrows > total - first)
        return CLV_ERANGE;
    if (nrows == 0)
        return CLV_OK;

    /* Odometer over the grid, starting at row `first`.  The innermost axis
     * that varies runs in a tight loop (trailing fixed axes, such as omitted
     * optional arguments, do not change the row order); the others are
     * validated when they change. */
    size_t idx[CLV_FN_MAX_PARAMS], rem = first;
    double a[CLV_FN_MAX_PARAMS];
    int ok[CLV_FN_MAX_PARAMS];
    for (size_t i = np; i-- > 0;) {
        idx[i] = rem % lens[i];
        rem /= lens[i];
        a[i] = axes[i][idx[i]];
        ok[i] = value_ok(f, i, a[i]);
    }
    size_t last = np - 1, failed = 0, done = 0;
    while (last > 0 && lens[last] == 1)
        last--;
    int fixed_ok = 1; /* the trailing fixed axes */
    for (size_t i = last + 1; i < np; i++)
        fixed_ok &= ok[i];
    const double *inner = axes[last];
    /* The innermost axis is checked once; when all of it is valid and no
     * rule relates the arguments, rows run through the batch formula. */
    int inner_ok = 1;
    for (size_t j = 0; j < lens[last]; j++)
        inner_ok &= value_ok(f, last, inner[j]);
    int fast = inner_ok && !f->rule;
    while (done < nrows) {
        int outer_ok = fixed_ok;
        for (size_t i = 0; i < last; i++)
            outer_ok &= ok[i];
        size_t j = idx[last], stop = lens[last];
        if (stop - j > nrows - done)
            stop = j + (nrows - done);
        double *o = out + done;
        size_t n = stop - j;
        if (outer_ok && fast) {
            failed += f->batch(a, last, inner + j, n, o);
        } else {
            for (size_t k = 0; k < n; k++) {
                a[last] = inner[j + k];
                double v = NAN;
                if (outer_ok && value_ok(f, last, a[last]) &&
                    (!f->rule || f->rule(a, NULL) == CLV_OK)) {
                    v = f->formula(a);
                    if (!isfinite(v))
                        v = NAN;
                }
                if (isnan(v))
                    failed++;
                o[k] = v;
            }
        }
        done += n;
        /* carry into the outer axes */
        idx[last] = 0;
        for (size_t i = last; i-- > 0;) {
            if (++idx[i] < lens[i]) {
                a[i] = axes[i][idx[i]];
                ok[i] = value_ok(f, i, a[i]);
                break;
            }
            idx[i] = 0;
            a[i] = axes[i][0];
            ok[i] = value_ok(f, i, a[i]);
        }
    }
    if (nfailed)
        *nfailed = failed;
    return CLV_OK;
}
