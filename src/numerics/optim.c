/*
 * optim.c -- BFGS, Nelder-Mead and Newton polishing in a box (optim.h).
 */
#include <math.h>
#include <string.h>

#include "numerics/optim.h"

#define MAX_STEP 2.0   /* largest move of one variable per iteration */
#define FD_GRAD_H 6e-6 /* ~ cbrt(epsilon): central-difference gradient */
#define FD_HESS_H 1e-4 /* ~ epsilon^(1/4) */

static double clip(const clv_optim *o, double v)
{
    return v < o->lo ? o->lo : v > o->hi ? o->hi : v;
}

/* f and gradient at x; 0 when both are finite. */
static int eval(clv_optim *o, const double *x, double *f, double *g)
{
    o->evaluations++;
    if (o->analytic) {
        if (o->fn(x, f, g, o->ctx) || !isfinite(*f))
            return 1;
        for (size_t i = 0; i < o->n; i++)
            if (!isfinite(g[i]))
                return 1;
        return 0;
    }
    if (o->fn(x, f, NULL, o->ctx) || !isfinite(*f))
        return 1;
    if (!g)
        return 0;
    double y[CLV_OPT_MAXN];
    memcpy(y, x, o->n * sizeof *y);
    for (size_t i = 0; i < o->n; i++) {
        double fp, fm;
        o->evaluations += 2;
        y[i] = x[i] + FD_GRAD_H;
        int e1 = o->fn(y, &fp, NULL, o->ctx);
        y[i] = x[i] - FD_GRAD_H;
        int e2 = o->fn(y, &fm, NULL, o->ctx);
        y[i] = x[i];
        if (e1 || e2 || !isfinite(fp) || !isfinite(fm))
            return 1;
        g[i] = (fp - fm) / (2 * FD_GRAD_H);
    }
    return 0;
}

static void reset_memory(clv_optim *o)
{
    double gmax = clv_optim_gradient_norm(o);
    double s = 1 / fmax(1, gmax);
    for (size_t i = 0; i < o->n; i++)
        for (size_t j = 0; j < o->n; j++)
            o->H[i][j] = i == j ? s : 0;
    o->scaled = 0;
}

clv_status clv_optim_init(clv_optim *o, size_t n, clv_objective fn, void *ctx, int analytic,
                          const double *x0, double lo, double hi)
{
    memset(o, 0, sizeof *o);
    o->n = n;
    o->fn = fn;
    o->ctx = ctx;
    o->analytic = analytic;
    o->lo = lo;
    o->hi = hi;
    for (size_t i = 0; i < n; i++)
        o->x[i] = clip(o, x0[i]);
    if (eval(o, o->x, &o->f, o->g))
        return CLV_EDOM;
    reset_memory(o);
    return CLV_OK;
}

double clv_optim_gradient_norm(const clv_optim *o)
{
    double m = 0;
    for (size_t i = 0; i < o->n; i++)
        m = fmax(m, fabs(o->g[i]));
    return m;
}

int clv_optim_test_gradient(const clv_optim *o, double tol)
{
    return clv_optim_gradient_norm(o) <= tol * fmax(1, fabs(o->f));
}

int clv_optim_bfgs_update(size_t n, double H[CLV_OPT_MAXN][CLV_OPT_MAXN], const double *s,
                          const double *y)
{
    double sy = 0, yy = 0, ss = 0;
    for (size_t i = 0; i < n; i++)
        sy += s[i] * y[i], yy += y[i] * y[i], ss += s[i] * s[i];
    if (!(sy > 1e-12 * sqrt(ss * yy)))
        return 0;
    /* H <- (I - rho s y') H (I - rho y s') + rho s s' */
    double rho = 1 / sy, Hy[CLV_OPT_MAXN], yHy = 0;
    for (size_t i = 0; i < n; i++) {
        Hy[i] = 0;
        for (size_t j = 0; j < n; j++)
            Hy[i] += H[i][j] * y[j];
        yHy += y[i] * Hy[i];
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            H[i][j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
    return 1;
}

clv_status clv_optim_iterate(clv_optim *o)
{
    size_t n = o->n;
    double d[CLV_OPT_MAXN], slope = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        slope = 0;
        for (size_t i = 0; i < n; i++) {
            d[i] = 0;
            for (size_t j = 0; j < n; j++)
                d[i] -= o->H[i][j] * o->g[j];
            slope += d[i] * o->g[i];
        }
        if (slope < 0)
            break;
        reset_memory(o); /* not a descent direction: steepest descent */
    }
    if (!(slope < 0))
        return CLV_ENOCONV;
    double big = 0;
    for (size_t i = 0; i < n; i++)
        big = fmax(big, fabs(d[i]));
    double step = big > MAX_STEP ? MAX_STEP / big : 1;

    double xn[CLV_OPT_MAXN], fn_ = 0, gn[CLV_OPT_MAXN];
    int found = 0;
    for (int k = 0; k < 60 && !found; k++) {
        int moved = 0;
        for (size_t i = 0; i < n; i++) {
            xn[i] = clip(o, o->x[i] + step * d[i]);
            moved |= xn[i] != o->x[i];
        }
        if (!moved)
            break;
        int bad = eval(o, xn, &fn_, gn);
        if (!bad && fn_ <= o->f + 1e-4 * step * slope) {
            found = 1;
            break;
        }
        if (bad) {
            step *= 0.1;
        } else {
            /* minimum of the quadratic through f, slope and fn_, kept in
             * [0.1, 0.5] of the step */
            double q = -slope * step * step / (2 * (fn_ - o->f - slope * step));
            step = fmin(fmax(q, 0.1 * step), 0.5 * step);
        }
    }
    if (!found)
        return CLV_ENOCONV;

    double s[CLV_OPT_MAXN], y[CLV_OPT_MAXN], sy = 0, yy = 0, ss = 0;
    for (size_t i = 0; i < n; i++) {
        s[i] = xn[i] - o->x[i];
        y[i] = gn[i] - o->g[i];
        sy += s[i] * y[i];
        yy += y[i] * y[i];
        ss += s[i] * s[i];
    }
    if (sy > 1e-12 * sqrt(ss * yy)) {
        if (!o->scaled) { /* Nocedal & Wright (6.20) */
            for (size_t i = 0; i < n; i++)
                for (size_t j = 0; j < n; j++)
                    o->H[i][j] = i == j ? sy / yy : 0;
            o->scaled = 1;
        }
        clv_optim_bfgs_update(n, o->H, s, y);
    }
    memcpy(o->x, xn, n * sizeof *xn);
    memcpy(o->g, gn, n * sizeof *gn);
    o->f = fn_;
    o->iterations++;
    return CLV_OK;
}

/* ---- Nelder-Mead --------------------------------------------------------- */

static double nm_value(clv_optim *o, double *x)
{
    double f;
    for (size_t i = 0; i < o->n; i++)
        x[i] = clip(o, x[i]);
    o->evaluations++;
    if (o->fn(x, &f, NULL, o->ctx) || !isfinite(f))
        return INFINITY;
    return f;
}

clv_status clv_optim_nelder_mead(clv_optim *o, size_t max_evals)
{
    size_t n = o->n, m = n + 1;
    double v[CLV_OPT_MAXN + 1][CLV_OPT_MAXN] = {{0}}, fv[CLV_OPT_MAXN + 1] = {0};
    for (size_t k = 0; k < m; k++) {
        memcpy(v[k], o->x, n * sizeof(double));
        if (k > 0)
            v[k][k - 1] += 0.5;
        fv[k] = k == 0 ? o->f : nm_value(o, v[k]);
    }
    size_t used = n;
    while (used < max_evals) {
        /* order: best first */
        for (size_t i = 1; i < m; i++)
            for (size_t j = i; j > 0 && fv[j] < fv[j - 1]; j--) {
                double t = fv[j];
                fv[j] = fv[j - 1];
                fv[j - 1] = t;
                for (size_t k = 0; k < n; k++) {
                    t = v[j][k];
                    v[j][k] = v[j - 1][k];
                    v[j - 1][k] = t;
                }
            }
        if (fabs(fv[n] - fv[0]) <= 1e-12 * fmax(1, fabs(fv[0])))
            break;
        double c[CLV_OPT_MAXN] = {0}, xr[CLV_OPT_MAXN], xe[CLV_OPT_MAXN];
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < n; k++)
                c[k] += v[i][k] / n;
        for (size_t k = 0; k < n; k++)
            xr[k] = c[k] + (c[k] - v[n][k]);
        double fr = nm_value(o, xr);
        used++;
        if (fr < fv[0]) {
            for (size_t k = 0; k < n; k++)
                xe[k] = c[k] + 2 * (c[k] - v[n][k]);
            double fe = nm_value(o, xe);
            used++;
            if (fe < fr) {
                memcpy(v[n], xe, sizeof xe);
                fv[n] = fe;
            } else {
                memcpy(v[n], xr, sizeof xr);
                fv[n] = fr;
            }
        } else if (fr < fv[n - 1]) {
            memcpy(v[n], xr, sizeof xr);
            fv[n] = fr;
        } else {
            double xc[CLV_OPT_MAXN];
            for (size_t k = 0; k < n; k++)
                xc[k] = c[k] + 0.5 * (v[n][k] - c[k]);
            double fc = nm_value(o, xc);
            used++;
            if (fc < fv[n]) {
                memcpy(v[n], xc, sizeof xc);
                fv[n] = fc;
            } else { /* shrink towards the best */
                for (size_t i = 1; i < m; i++) {
                    for (size_t k = 0; k < n; k++)
                        v[i][k] = v[0][k] + 0.5 * (v[i][k] - v[0][k]);
                    fv[i] = nm_value(o, v[i]);
                    used++;
                }
            }
        }
    }
    size_t best = 0;
    for (size_t i = 1; i < m; i++)
        if (fv[i] < fv[best])
            best = i;
    if (!isfinite(fv[best]))
        return CLV_ENOCONV;
    double f, g[CLV_OPT_MAXN];
    if (eval(o, v[best], &f, g))
        return CLV_ENOCONV;
    memcpy(o->x, v[best], n * sizeof(double));
    memcpy(o->g, g, n * sizeof g[0]);
    o->f = f;
    reset_memory(o);
    return CLV_OK;
}

/* ---- Hessian, Newton ----------------------------------------------------- */

clv_status clv_optim_hessian(clv_optim *o, double H[CLV_OPT_MAXN][CLV_OPT_MAXN])
{
    size_t n = o->n;
    double y[CLV_OPT_MAXN];
    memcpy(y, o->x, n * sizeof *y);
    if (o->analytic) {
        double gp[CLV_OPT_MAXN], gm[CLV_OPT_MAXN], f;
        for (size_t j = 0; j < n; j++) {
            y[j] = o->x[j] + FD_HESS_H;
            int e1 = eval(o, y, &f, gp);
            y[j] = o->x[j] - FD_HESS_H;
            int e2 = eval(o, y, &f, gm);
            y[j] = o->x[j];
            if (e1 || e2)
                return CLV_EDOM;
            for (size_t i = 0; i < n; i++)
                H[i][j] = (gp[i] - gm[i]) / (2 * FD_HESS_H);
        }
    } else {
        const double h = FD_HESS_H;
        for (size_t i = 0; i < n; i++)
            for (size_t j = i; j < n; j++) {
                double s = 0;
                for (int a = -1; a <= 1; a += 2)
                    for (int b = -1; b <= 1; b += 2) {
                        double f;
                        y[i] += a * h;
                        y[j] += b * h;
                        o->evaluations++;
                        int e = o->fn(y, &f, NULL, o->ctx);
                        y[i] = o->x[i];
                        y[j] = o->x[j];
                        if (e || !isfinite(f))
                            return CLV_EDOM;
                        s += a * b * f;
                    }
                H[i][j] = s / (4 * h * h);
            }
    }
    for (size_t i = 0; i < n; i++) /* symmetrise */
        for (size_t j = i + 1; j < n; j++)
            H[i][j] = H[j][i] = o->analytic ? (H[i][j] + H[j][i]) / 2 : H[i][j];
    return CLV_OK;
}

clv_status clv_optim_spd_inverse(size_t n, double A[CLV_OPT_MAXN][CLV_OPT_MAXN],
                                 double inv[CLV_OPT_MAXN][CLV_OPT_MAXN])
{
    double L[CLV_OPT_MAXN][CLV_OPT_MAXN] = {{0}};
    for (size_t j = 0; j < n; j++) {
        double d = A[j][j];
        for (size_t k = 0; k < j; k++)
            d -= L[j][k] * L[j][k];
        if (!(d > 0) || !isfinite(d))
            return CLV_EDOM;
        L[j][j] = sqrt(d);
        for (size_t i = j + 1; i < n; i++) {
            double s = A[i][j];
            for (size_t k = 0; k < j; k++)
                s -= L[i][k] * L[j][k];
            L[i][j] = s / L[j][j];
        }
    }
    /* columns of the inverse: solve L L' x = e_c */
    for (size_t c = 0; c < n; c++) {
        double z[CLV_OPT_MAXN];
        for (size_t i = 0; i < n; i++) {
            double s = i == c;
            for (size_t k = 0; k < i; k++)
                s -= L[i][k] * z[k];
            z[i] = s / L[i][i];
        }
        for (size_t i = n; i-- > 0;) {
            double s = z[i];
            for (size_t k = i + 1; k < n; k++)
                s -= L[k][i] * inv[k][c];
            inv[i][c] = s / L[i][i];
        }
    }
    return CLV_OK;
}

int clv_optim_newton(clv_optim *o, double H[CLV_OPT_MAXN][CLV_OPT_MAXN])
{
    double inv[CLV_OPT_MAXN][CLV_OPT_MAXN], xn[CLV_OPT_MAXN], gn[CLV_OPT_MAXN], fn_;
    if (clv_optim_spd_inverse(o->n, H, inv) != CLV_OK)
        return 0;
    for (size_t i = 0; i < o->n; i++) {
        double d = 0;
        for (size_t j = 0; j < o->n; j++)
            d -= inv[i][j] * o->g[j];
        xn[i] = clip(o, o->x[i] + d);
    }
    if (eval(o, xn, &fn_, gn))
        return 0;
    /* Near the optimum f moves at rounding level: a step that keeps f
     * within that noise and shrinks the gradient is still progress. */
    double gmax = 0;
    for (size_t i = 0; i < o->n; i++)
        gmax = fmax(gmax, fabs(gn[i]));
    if (!(fn_ < o->f || (fn_ <= o->f + 1e-13 * fabs(o->f) && gmax < clv_optim_gradient_norm(o))))
        return 0;
    memcpy(o->x, xn, o->n * sizeof *xn);
    memcpy(o->g, gn, o->n * sizeof *gn);
    o->f = fn_;
    return 1;
}
