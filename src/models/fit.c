/*
 * fit.c -- the maximum-likelihood driver shared by every model (fit.h).
 *
 * Per start: BFGS until the gradient test passes; if it stalls, Nelder-Mead
 * from where it stopped and BFGS again.  A converged point is polished by
 * Newton steps on the finite-difference Hessian and accepted only if that
 * Hessian is positive definite (a true maximum, not a ridge or saddle) and
 * no parameter sits at the edge of the box.  Otherwise the next start.
 */
#include <math.h>
#include <string.h>

#include "models/fit.h"
#include "core/fn.h"

#define THETA_BOUND 30.0 /* |ln p| <= 30 */
#define EDGE 1.0         /* within this of the bound: ran off */

static int objective(const double *th, double *f, double *g, void *vctx)
{
    const clv_fit_problem *pb = vctx;
    double p[CLV_OPT_MAXN], ll, dll[CLV_OPT_MAXN];
    for (size_t i = 0; i < pb->n; i++)
        p[i] = exp(th[i]);
    if (pb->ll(p, &ll, g ? dll : NULL, pb->ctx) || !isfinite(ll))
        return 1;
    *f = -ll;
    if (g)
        for (size_t i = 0; i < pb->n; i++)
            g[i] = -dll[i] * p[i];
    return 0;
}

/* 1 converged, 0 not, -1 stopped by the callback.  Near the optimum f
 * changes by less than its rounding while the gradient is still ~1e-6 |f|:
 * the line search cannot see further progress.  Three iterations without a
 * visible decrease end the search if the gradient is small; the Newton
 * polish, which needs gradients only, takes it the rest of the way. */
static int run_bfgs(clv_optim *o, size_t max_iter, double tol, const clv_fit_options *opts,
                    size_t *total_iter)
{
    int flat = 0;
    for (size_t k = 0; k < max_iter; k++) {
        if (clv_optim_test_gradient(o, tol))
            return 1;
        double before = o->f;
        if (clv_optim_iterate(o) != CLV_OK)
            /* no lower point: converged only if the gradient is close */
            return clv_optim_test_gradient(o, tol * 1e3);
        flat = before - o->f <= 1e-14 * fmax(1, fabs(o->f)) ? flat + 1 : 0;
        if (flat >= 3 && clv_optim_test_gradient(o, tol * 1e3))
            return 1;
        ++*total_iter;
        if (opts && opts->progress && opts->progress(opts->progress_data, *total_iter, -o->f))
            return -1;
    }
    return clv_optim_test_gradient(o, tol);
}

/* max_i |(H^-1 g)_i|: how far Newton would still move, in ln p. */
static double newton_step(size_t n, double inv[CLV_OPT_MAXN][CLV_OPT_MAXN], const double *g)
{
    double m = 0;
    for (size_t i = 0; i < n; i++) {
        double d = 0;
        for (size_t j = 0; j < n; j++)
            d += inv[i][j] * g[j];
        m = fmax(m, fabs(d));
    }
    return m;
}

/* Whether the maximum pins every parameter down.  A small gradient is not
 * enough where the likelihood is flat (a parameter drifting to 0 or
 * infinity makes both the gradient and the curvature vanish): the Newton
 * step that is still to go must be small too; and a standard error of ln p
 * above 10 (a factor e^10) is a direction the data do not see, e.g. a
 * survival curve with no churn. */
static int pinned(size_t n, double inv[CLV_OPT_MAXN][CLV_OPT_MAXN], const double *g)
{
    if (newton_step(n, inv, g) > 1e-3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(inv[i][i] <= 100))
            return 0;
    return 1;
}

static int at_edge(size_t n, const double *th)
{
    int edge = 0;
    for (size_t i = 0; i < n; i++)
        edge |= fabs(th[i]) > THETA_BOUND - EDGE;
    return edge;
}

static void fill_cov(const clv_fit_problem *pb, const double *p,
                     double inv[CLV_OPT_MAXN][CLV_OPT_MAXN], double *se,
                     double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS])
{
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++) {
        se[i] = NAN;
        for (size_t j = 0; j < CLV_MODEL_MAXPARAMS; j++)
            if (cov)
                cov[i][j] = NAN;
    }
    /* theta = ln p, so cov(p) = diag(p) cov(theta) diag(p) at the optimum */
    for (size_t i = 0; i < pb->n; i++) {
        se[i] = p[i] * sqrt(inv[i][i]);
        for (size_t j = 0; j < pb->n; j++)
            if (cov)
                cov[i][j] = p[i] * p[j] * inv[i][j];
    }
}

static clv_status check_opts(const clv_fit_problem *pb, const clv_fit_options *opts, size_t arg,
                             clv_fault *fault)
{
    if (!opts)
        return CLV_OK;
    if (opts->start)
        for (size_t i = 0; i < pb->n; i++) {
            if (!isfinite(opts->start[i]))
                return clv_fail(fault, arg, i, "start must be finite", CLV_EINVAL);
            if (!(opts->start[i] > 0))
                return clv_fail(fault, arg, i, "start must be > 0", CLV_EDOM);
        }
    if (!isfinite(opts->tolerance) || opts->tolerance < 0)
        return clv_fail(fault, arg, CLV_FAULT_NONE, "tolerance must be finite and >= 0", CLV_EDOM);
    return CLV_OK;
}

/* Nothing found yet: NaN parameters and figures. */
static void info_init(const clv_fit_problem *pb, double *param, clv_fit_info *info)
{
    memset(info, 0, sizeof *info);
    info->loglik = info->gradient = NAN;
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++) {
        param[i] = NAN;
        info->se[i] = NAN;
        for (size_t j = 0; j < CLV_MODEL_MAXPARAMS; j++)
            info->cov[i][j] = NAN;
    }
    info->weight = pb->weight;
    info->distinct = pb->distinct;
}

clv_status clv_fit_run(const clv_fit_problem *pb, const clv_fit_options *opts, size_t opts_arg,
                       double *param, clv_fit_info *info, clv_fault *fault)
{
    clv_fit_info local;
    if (!info)
        info = &local;
    info_init(pb, param, info);
    clv_status st = check_opts(pb, opts, opts_arg, fault);
    if (st != CLV_OK)
        return st;
    double tol = opts && opts->tolerance > 0 ? opts->tolerance : 1e-9;
    size_t max_iter = opts && opts->max_iterations ? opts->max_iterations : 500;
    size_t nstarts = opts && opts->start ? 1 : pb->nstarts;
    const char *why = "no maximum found from any start";

    for (size_t s = 0; s < nstarts; s++) {
        /* the callback may stop a fit between starts too, not only in BFGS */
        if (s > 0 && opts && opts->progress &&
            opts->progress(opts->progress_data, info->iterations, NAN))
            return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                            "stopped by the progress callback", CLV_ENOCONV);
        const double *p0 = opts && opts->start ? opts->start : pb->starts[s];
        double th0[CLV_OPT_MAXN];
        for (size_t i = 0; i < pb->n; i++)
            th0[i] = log(p0[i]);
        info->starts++;
        clv_optim o;
        clv_fit_problem problem = *pb; /* the optimiser's context is not const */
        st = clv_optim_init(&o, pb->n, objective, &problem, pb->analytic, th0, -THETA_BOUND,
                            THETA_BOUND);
        if (st == CLV_OK) {
            int ok = run_bfgs(&o, max_iter, tol, opts, &info->iterations);
            if (ok == 0 && opts && opts->progress &&
                opts->progress(opts->progress_data, info->iterations, NAN))
                ok = -1; /* asked to stop before the Nelder-Mead fallback */
            if (ok == 0 && clv_optim_nelder_mead(&o, 400 * pb->n) == CLV_OK)
                ok = run_bfgs(&o, max_iter, tol, opts, &info->iterations);
            if (ok < 0) {
                info->evaluations += o.evaluations;
                return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                                "stopped by the progress callback", CLV_ENOCONV);
            }
            double H[CLV_OPT_MAXN][CLV_OPT_MAXN], inv[CLV_OPT_MAXN][CLV_OPT_MAXN];
            int pd = 0;
            if (ok) {
                /* One Hessian serves the polish and the standard errors:
                 * the Newton steps move theta by ~1e-7, far below what
                 * would change the Hessian's leading digits. */
                pd = clv_optim_hessian(&o, H) == CLV_OK &&
                     clv_optim_spd_inverse(pb->n, H, inv) == CLV_OK;
                for (int k = 0; pd && k < 2 && clv_optim_newton(&o, H); k++)
                    ;
                pd = pd && pinned(pb->n, inv, o.g);
                if (!pd)
                    why = "the likelihood has no proper maximum (flat or "
                          "saddle): the data cannot identify the parameters";
            }
            int edge = at_edge(pb->n, o.x);
            if (ok && edge)
                why = "a parameter ran off to 0 or infinity: the data "
                      "cannot identify it";
            info->evaluations += o.evaluations;
            if (ok && pd && !edge) {
                double p[CLV_OPT_MAXN];
                for (size_t i = 0; i < pb->n; i++)
                    p[i] = param[i] = exp(o.x[i]);
                info->loglik = -o.f;
                info->gradient = clv_optim_gradient_norm(&o);
                fill_cov(pb, p, inv, info->se, info->cov);
                return CLV_OK;
            }
        }
    }
    return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, why, CLV_ENOCONV);
}

/* ---- a warm start and Newton steps (clv_fit_run_newton) ----------------- */

#define NEWTON_DONE 1e-6   /* a step this small in ln p is the last */
#define NEWTON_MAX 50      /* steps */
#define NEWTON_MOVE 2.0    /* largest move of one ln p per step */
#define NEWTON_NOISE 1e-12 /* f within this of |f|: no visible change */

/* f = -ll, its gradient g and Hessian H in theta = ln p at th; counts the
 * evaluations.  Non-zero where it cannot evaluate. */
static int newton_point(const clv_fit_problem *pb, clv_hess_fn hess, const double *th, double *f,
                        double *g, double H[CLV_OPT_MAXN][CLV_OPT_MAXN], size_t *evals)
{
    size_t n = pb->n;
    if (!hess) { /* central differences of the analytic gradient */
        clv_optim o;
        clv_fit_problem problem = *pb; /* the optimiser's context is not const */
        int bad =
            clv_optim_init(&o, n, objective, &problem, pb->analytic, th, -800, 800) != CLV_OK ||
            clv_optim_hessian(&o, H) != CLV_OK;
        *evals += o.evaluations;
        *f = o.f;
        memcpy(g, o.g, n * sizeof *g);
        return bad;
    }
    double p[CLV_OPT_MAXN], ll, dll[CLV_OPT_MAXN], d2[CLV_OPT_MAXN][CLV_OPT_MAXN];
    for (size_t i = 0; i < n; i++)
        p[i] = exp(th[i]);
    ++*evals;
    if (hess(p, &ll, dll, d2, pb->ctx) || !isfinite(ll))
        return 1;
    *f = -ll;
    /* d2f/dth_i dth_j = -(p_i p_j d2ll_ij + [i = j] p_i dll_i) */
    for (size_t i = 0; i < n; i++) {
        g[i] = -dll[i] * p[i];
        for (size_t j = 0; j < n; j++) {
            H[i][j] = -(d2[i][j] * p[i] * p[j] + (i == j ? dll[i] * p[i] : 0));
            if (!isfinite(H[i][j]))
                return 1;
        }
    }
    return 0;
}

/* The step d = -inv g, its largest component and the slope d.g. */
static void step_direction(size_t n, double inv[CLV_OPT_MAXN][CLV_OPT_MAXN], const double *g,
                           double *d, double *big, double *slope)
{
    *big = 0, *slope = 0;
    for (size_t i = 0; i < n; i++) {
        d[i] = 0;
        for (size_t j = 0; j < n; j++)
            d[i] -= inv[i][j] * g[j];
        *big = fmax(*big, fabs(d[i]));
        *slope += d[i] * g[i];
    }
}

/* The last step d (what is left after it is ~ |d|^2), and f and the
 * gradient where it ends; kept unless rounding made f visibly worse. */
static void last_step(const clv_fit_problem *pb, const double *d, double *th, double *f, double *g,
                      clv_fit_info *info)
{
    size_t n = pb->n;
    double tn[CLV_OPT_MAXN], fn, gn[CLV_OPT_MAXN];
    clv_fit_problem problem = *pb; /* the objective's context is not const */
    for (size_t i = 0; i < n; i++)
        tn[i] = th[i] + d[i];
    ++info->evaluations;
    if (!objective(tn, &fn, gn, &problem) && fn <= *f + NEWTON_NOISE * fabs(*f)) {
        memcpy(th, tn, n * sizeof *th), memcpy(g, gn, n * sizeof *g);
        *f = fn;
    }
}

/* Newton steps from th on pb: 1 converged (th, f, g and inv, the inverse
 * Hessian, at the end), 0 failed, -1 stopped by the callback. */
static int newton(const clv_fit_problem *pb, clv_hess_fn hess, const clv_fit_options *opts,
                  double *th, double *f, double *g, double inv[CLV_OPT_MAXN][CLV_OPT_MAXN],
                  clv_fit_info *info)
{
    size_t n = pb->n;
    double H[CLV_OPT_MAXN][CLV_OPT_MAXN];
    if (newton_point(pb, hess, th, f, g, H, &info->evaluations))
        return 0;
    for (size_t it = 0; it < NEWTON_MAX; it++) {
        if (clv_optim_spd_inverse(n, H, inv) != CLV_OK)
            return 0; /* not a descent direction */
        double d[CLV_OPT_MAXN], big, slope, tn[CLV_OPT_MAXN], fn, gn[CLV_OPT_MAXN];
        step_direction(n, inv, g, d, &big, &slope);
        ++info->iterations;
        if (opts && opts->progress && opts->progress(opts->progress_data, info->iterations, -*f))
            return -1;
        if (big <= NEWTON_DONE) {
            last_step(pb, d, th, f, g, info);
            return 1;
        }
        /* backtracking: Armijo, or no visible change of f (rounding) */
        double t = big > NEWTON_MOVE ? NEWTON_MOVE / big : 1, Hn[CLV_OPT_MAXN][CLV_OPT_MAXN];
        for (int k = 0;; k++, t *= 0.5) {
            if (k == 40)
                return 0;
            for (size_t i = 0; i < n; i++)
                tn[i] = fmin(fmax(th[i] + t * d[i], -THETA_BOUND), THETA_BOUND);
            if (!newton_point(pb, hess, tn, &fn, gn, Hn, &info->evaluations) &&
                (fn <= *f + 1e-4 * t * slope || fn <= *f + NEWTON_NOISE * fabs(*f)))
                break;
        }
        memcpy(th, tn, n * sizeof *th), memcpy(g, gn, n * sizeof *g), memcpy(H, Hn, sizeof H);
        *f = fn;
    }
    return 0;
}

/* ---- a warm start and chord steps (clv_fit_run_chord) ------------------ */

#define CHORD_NEAR 1e-6 /* the fresh Hessian (the standard errors'): this close */

#define FORWARD_H 1e-6 /* step in ln p of forward_hessian */

/* A fresh Hessian of f = -ll in theta at th, where the gradient is g, by
 * forward differences of the analytic gradient: n evaluations (central
 * differences, clv_optim_hessian's, take 2n).  With steps of 1e-6 the
 * truncation error is ~1e-6 relative and the rounding of the gradient's
 * sums over the rows far below.  Non-zero where it cannot evaluate. */
static int forward_hessian(const clv_fit_problem *pb, const double *th, const double *g,
                           double H[CLV_OPT_MAXN][CLV_OPT_MAXN], size_t *evals)
{
    size_t n = pb->n;
    clv_fit_problem problem = *pb; /* the objective's context is not const */
    for (size_t j = 0; j < n; j++) {
        double y[CLV_OPT_MAXN], fy, gy[CLV_OPT_MAXN];
        memcpy(y, th, n * sizeof *y);
        y[j] += FORWARD_H;
        double h = y[j] - th[j]; /* the step as represented */
        ++*evals;
        if (objective(y, &fy, gy, &problem))
            return 1;
        for (size_t i = 0; i < n; i++)
            H[i][j] = (gy[i] - g[i]) / h;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (!isfinite(H[i][j]))
                return 1;
    return 0;
}

/* Quasi-Newton steps from th, the subsample's maximum, on pb: inv starts
 * as the subsample's inverse Hessian (from its covariance) times scale and
 * learns from each step (BFGS); within CHORD_NEAR of the maximum a fresh
 * Hessian (forward_hessian) replaces it, and chord steps with that (each
 * several digits) end the search.  Returns as newton(). */
static int chord(const clv_fit_problem *pb, const clv_fit_info *wi, double scale,
                 const clv_fit_options *opts, double *th, double *f, double *g,
                 double inv[CLV_OPT_MAXN][CLV_OPT_MAXN], clv_fit_info *info)
{
    size_t n = pb->n;
    int near = 0; /* inv is a fresh Hessian's, taken within CHORD_NEAR */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            /* cov(theta) = diag(1/p) cov(p) diag(1/p) */
            inv[i][j] = wi->cov[i][j] / (exp(th[i]) * exp(th[j])) * scale;
            if (!isfinite(inv[i][j]))
                return 0;
        }
    clv_fit_problem problem = *pb; /* the objective's context is not const */
    ++info->evaluations;
    if (objective(th, f, g, &problem))
        return 0;
    for (size_t it = 0; it < NEWTON_MAX; it++) {
        double d[CLV_OPT_MAXN], big, slope, tn[CLV_OPT_MAXN], fn, gn[CLV_OPT_MAXN];
        step_direction(n, inv, g, d, &big, &slope);
        if (!near && big <= CHORD_NEAR) {
            double H[CLV_OPT_MAXN][CLV_OPT_MAXN];
            if (forward_hessian(pb, th, g, H, &info->evaluations) ||
                clv_optim_spd_inverse(n, H, inv) != CLV_OK)
                return 0;
            near = 1;
            continue; /* the step again, with it */
        }
        ++info->iterations;
        if (opts && opts->progress && opts->progress(opts->progress_data, info->iterations, -*f))
            return -1;
        if (near && big <= NEWTON_DONE) {
            last_step(pb, d, th, f, g, info);
            return 1;
        }
        if (!(slope < 0))
            return 0; /* not a descent direction */
        double t = big > NEWTON_MOVE ? NEWTON_MOVE / big : 1;
        for (int k = 0;; k++, t *= 0.5) {
            if (k == 40)
                return 0;
            for (size_t i = 0; i < n; i++)
                tn[i] = fmin(fmax(th[i] + t * d[i], -THETA_BOUND), THETA_BOUND);
            ++info->evaluations;
            if (!objective(tn, &fn, gn, &problem) &&
                (fn <= *f + 1e-4 * t * slope || fn <= *f + NEWTON_NOISE * fabs(*f)))
                break;
        }
        if (!near) { /* quasi-Newton: the matrix learns from the step */
            double sd[CLV_OPT_MAXN], yd[CLV_OPT_MAXN];
            for (size_t i = 0; i < n; i++)
                sd[i] = tn[i] - th[i], yd[i] = gn[i] - g[i];
            clv_optim_bfgs_update(n, inv, sd, yd);
        }
        memcpy(th, tn, n * sizeof *th), memcpy(g, gn, n * sizeof *g);
        *f = fn;
    }
    return 0;
}

/* Today's driver on warm, then Newton (chord = 0, hess as
 * clv_fit_run_newton's) or chord steps on pb; today's driver on pb when
 * either fails. */
static clv_status warm_then(const clv_fit_problem *pb, clv_hess_fn hess, int use_chord,
                            const clv_fit_problem *warm, const clv_fit_options *opts,
                            size_t opts_arg, double *param, clv_fit_info *info, clv_fault *fault)
{
    if (!warm || (opts && opts->start))
        return clv_fit_run(pb, opts, opts_arg, param, info, fault);
    clv_fit_info local, wi;
    if (!info)
        info = &local;
    double p0[CLV_MODEL_MAXPARAMS];
    clv_status st = clv_fit_run(warm, opts, opts_arg, p0, &wi, fault);
    size_t evals = wi.evaluations, iters = wi.iterations;
    if (st == CLV_OK) {
        info_init(pb, param, info);
        info->starts = wi.starts;
        info->evaluations = evals, info->iterations = iters; /* counting on */
        double th[CLV_OPT_MAXN], f, g[CLV_OPT_MAXN], inv[CLV_OPT_MAXN][CLV_OPT_MAXN];
        for (size_t i = 0; i < pb->n; i++)
            th[i] = log(p0[i]);
        int ok = use_chord ? chord(pb, &wi, warm->weight / pb->weight, opts, th, &f, g, inv, info)
                           : newton(pb, hess, opts, th, &f, g, inv, info);
        if (ok < 0)
            return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                            "stopped by the progress callback", CLV_ENOCONV);
        if (ok && pinned(pb->n, inv, g) && !at_edge(pb->n, th)) {
            double p[CLV_OPT_MAXN], gmax = 0;
            for (size_t i = 0; i < pb->n; i++) {
                p[i] = param[i] = exp(th[i]);
                gmax = fmax(gmax, fabs(g[i]));
            }
            info->loglik = -f;
            info->gradient = gmax;
            fill_cov(pb, p, inv, info->se, info->cov);
            return CLV_OK;
        }
        evals = info->evaluations, iters = info->iterations;
    }
    /* the subsample or the steps failed: today's way on all data */
    st = clv_fit_run(pb, opts, opts_arg, param, info, fault);
    info->evaluations += evals, info->iterations += iters;
    return st;
}

clv_status clv_fit_run_newton(const clv_fit_problem *pb, clv_hess_fn hess,
                              const clv_fit_problem *warm, const clv_fit_options *opts,
                              size_t opts_arg, double *param, clv_fit_info *info, clv_fault *fault)
{
    return warm_then(pb, hess, 0, warm, opts, opts_arg, param, info, fault);
}

clv_status clv_fit_run_chord(const clv_fit_problem *pb, const clv_fit_problem *warm,
                             const clv_fit_options *opts, size_t opts_arg, double *param,
                             clv_fit_info *info, clv_fault *fault)
{
    return warm_then(pb, NULL, 1, warm, opts, opts_arg, param, info, fault);
}

clv_status clv_fit_stderr(const clv_fit_problem *pb, const double *p, double *se,
                          double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS])
{
    double th[CLV_OPT_MAXN], H[CLV_OPT_MAXN][CLV_OPT_MAXN], inv[CLV_OPT_MAXN][CLV_OPT_MAXN];
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        se[i] = NAN;
    for (size_t i = 0; i < pb->n; i++)
        th[i] = log(p[i]);
    clv_optim o;
    clv_fit_problem problem = *pb; /* the optimiser's context is not const */
    /* a wide box: the point is given, not searched */
    if (clv_optim_init(&o, pb->n, objective, &problem, pb->analytic, th, -800, 800) != CLV_OK ||
        clv_optim_hessian(&o, H) != CLV_OK || clv_optim_spd_inverse(pb->n, H, inv) != CLV_OK)
        return CLV_EDOM;
    fill_cov(pb, p, inv, se, cov);
    return CLV_OK;
}
