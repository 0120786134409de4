/*
 * pnbd.c -- the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987;
 * likelihood as in Fader, Hardie & Lee 2005, "A note on implementing the
 * Pareto/NBD model in MATLAB").  Per customer
 *
 *   L = Gamma(r+x) alpha^r beta^s / Gamma(r)
 *       * [ (alpha+T)^-(r+x) (beta+T)^-s + s I ],
 *   I = int_{t_x}^{T} (alpha+u)^-(r+x) (beta+u)^-(s+1) du.
 *
 * I is the difference of two Gauss hypergeometric terms (the published
 * form): with k = r+s+x and, when alpha >= beta, c = alpha-beta,
 * v = 1/(alpha+t), e = s+1 (else the mirror: c = beta-alpha,
 * v = 1/(beta+t), e = r+x),
 *   D(t) = v^k/k 2F1(e, k; k+1; c v) = sum_n (e)_n/n! c^n v^(k+n)/(k+n),
 *   I = D(t_x) - D(T).
 * The series is summed with its four parameter derivatives (the fit's
 * analytic gradient) while z = c v is small; where it would be long or
 * inaccurate (z near 1, huge e) I and its derivatives come from tanh-sinh
 * quadrature of the integral itself, which has no such limits.
 */
#include <math.h>
#include <stdlib.h>

#include "core/alloc.h"
#include "numerics/quad.h"
#include "numerics/specfun.h"
#include "models/pnbd_rows.h"
#include "models/txmodel.h"

/* ---- I and its gradient -------------------------------------------------- */

/* ln D(t) and d ln D / d(r, alpha, s, beta) by the series; 0 on success,
 * 1 when the series is not the right tool here. */
static int series_D(double r, double al, double s, double be, double x, double t, double *lnD,
                    double *d)
{
    int b1 = al >= be;
    double k = r + s + x, e = b1 ? s + 1 : r + x;
    double c = b1 ? al - be : be - al;
    double v = 1 / ((b1 ? al : be) + t);
    double z = c * v;
    if (z > 0.75 || e * z / (1 - z) > 300)
        return 1;
    /* a_n = (e)_n/n! z^n; rho_n = a_n k/(k+n) is term n over term 0 */
    double an = 1, S = 0, sum = 1, sk = -1 / k, se = 0, sc = 0, su = k;
    double lim = e * z / (1 - z);
    for (long n = 1; n < 100000; n++) {
        double ie = 1 / (e + n - 1), ik = 1 / (k + n);
        double prev = an;
        an *= (e + n - 1) * z / n;
        double rho = an * k * ik;
        S += ie; /* S_n = sum_{j<n} 1/(e+j) */
        sum += rho;
        sk -= rho * ik;
        se += rho * S;
        sc += prev * k * ik * (e + n - 1); /* n rho_n / z */
        su += an * k;                      /* rho_n (k+n) */
        if (rho <= 1e-16 * sum && n > lim)
            break;
    }
    *lnD = k * log(v) - log(k) + log(sum);
    double dk = log(v) + sk / sum, de = se / sum;
    double dc = v * sc / sum, duu = -v * su / sum; /* -v^2 d/dv */
    if (b1) {
        d[0] = dk, d[1] = dc + duu, d[2] = dk + de, d[3] = -dc;
    } else {
        d[0] = dk + de, d[1] = -dc, d[2] = dk, d[3] = dc + duu;
    }
    return 0;
}

typedef struct {
    double r, al, s, be, x;
} i_ctx;

static double i_integrand(double u, double dl, double dr, double *g, void *v)
{
    (void)dl, (void)dr;
    const i_ctx *c = v;
    double la = log(c->al + u), lb = log(c->be + u);
    g[0] = -la;
    g[1] = -(c->r + c->x) / (c->al + u);
    g[2] = -lb;
    g[3] = -(c->s + 1) / (c->be + u);
    return -(c->r + c->x) * la - (c->s + 1) * lb;
}

/* ln I and d ln I / d(r, alpha, s, beta); t_x < T. */
static clv_status pnbd_I(double r, double al, double s, double be, double x, double t_x, double T,
                         double *lnI, double *dI)
{
    double l1, l2, d1[4], d2[4];
    if (!series_D(r, al, s, be, x, t_x, &l1, d1) && !series_D(r, al, s, be, x, T, &l2, d2) &&
        l2 - l1 < -1e-3) {
        /* the difference keeps >= 13 digits when D(T)/D(t_x) < 0.999 */
        double q = exp(l2 - l1);
        *lnI = l1 + log1p(-q);
        for (int i = 0; i < 4; i++)
            dI[i] = (d1[i] - q * d2[i]) / (1 - q);
        return CLV_OK;
    }
    i_ctx c = {r, al, s, be, x};
    clv_status st = clv_quad_log(i_integrand, &c, t_x, T, 4, lnI, dI);
    return st;
}

/* ---- likelihood ---------------------------------------------------------- */

typedef struct {
    const clv_patterns *pat;
    int mode; /* PNBD_SERIAL or PNBD_CHUNKED (txmodel.h) */
    size_t nx;
    double *xv;
    double *Wx;
    pnbd_rows *rows; /* PNBD_CHUNKED: the rows grouped by x */
} pnbd_data;

void clv_pnbd_data_free(void *data)
{
    pnbd_data *d = data;
    if (!d)
        return;
    clv_pnbd_rows_free(d->rows);
    clv_free(d->xv), clv_free(d->Wx);
    clv_free(d);
}

/* Below this many rows the per-row work is too small to split: today's
 * loop, bit for bit. */
#define SMALL 20000

void *clv_pnbd_data_create(const clv_patterns *pat)
{
    return clv_pnbd_data_create_mode(pat, pat->n > SMALL ? PNBD_CHUNKED : PNBD_SERIAL);
}

void *clv_pnbd_data_create_mode(const clv_patterns *pat, int mode)
{
    pnbd_data *d = clv_calloc(1, sizeof *d);
    size_t *xi = NULL;
    if (!d)
        return NULL;
    d->pat = pat;
    d->mode = mode;
    if (clv_values_index(pat->col[0], pat->n, &d->xv, &d->nx, &xi) ||
        !(d->Wx = clv_calloc(d->nx ? d->nx : 1, sizeof(double))) ||
        (mode == PNBD_CHUNKED && pat->n &&
         !(d->rows = clv_pnbd_rows_create(pat, d->xv, d->nx, xi)))) {
        clv_free(xi);
        clv_pnbd_data_free(d);
        return NULL;
    }
    for (size_t i = 0; i < pat->n; i++)
        d->Wx[xi[i]] += pat->w ? pat->w[i] : 1; /* no weights: a view of rows */
    clv_free(xi);
    return d;
}

/* One customer's ln L (without the per-x Gamma terms) and gradient. */
clv_status clv_pnbd_row(const double *p, double x, double t_x, double T, double *ll, double *g)
{
    double r = p[0], al = p[1], s = p[2], be = p[3];
    double laT = log(al + T), lbT = log(be + T);
    double A = -(r + x) * laT - s * lbT;
    double lnI = -INFINITY, dI[4] = {0, 0, 0, 0};
    if (t_x < T) {
        /* a likelihood term good to 9 digits is good enough for a fit */
        clv_status st = pnbd_I(r, al, s, be, x, t_x, T, &lnI, dI);
        if (st != CLV_OK && st != CLV_ELOSS)
            return st;
    }
    double B = log(s) + lnI;
    double m = clv_sf_logaddexp(A, B);
    *ll = r * log(al) + s * log(be) + m;
    if (g) {
        double sig = exp(B - m), om = 1 - sig;
        g[0] = log(al) + om * -laT + sig * dI[0];
        g[1] = r / al + om * -(r + x) / (al + T) + sig * dI[1];
        g[2] = log(be) + om * -lbT + sig * (1 / s + dI[2]);
        g[3] = s / be + om * -s / (be + T) + sig * dI[3];
    }
    return CLV_OK;
}

int clv_pnbd_loglik(const double *p, double *llp, double *dll, void *data)
{
    const pnbd_data *d = data;
    const clv_patterns *pat = d->pat;
    double r = p[0], ll = 0, g[4] = {0, 0, 0, 0};
    double lgr = clv_sf_lgamma(r), pr = clv_sf_digamma(r);
    for (size_t j = 0; j < d->nx; j++) {
        double x = d->xv[j], W = d->Wx[j];
        if (x == 0)
            continue;
        ll += W * (clv_sf_lgamma(r + x) - lgr);
        g[0] += W * (clv_sf_digamma(r + x) - pr);
    }
    /* large data: the tabulated series over the cores (pnbd_rows.c) */
    if (d->rows && clv_pnbd_rows_eval(d->rows, p, &ll, g))
        return 1;
    for (size_t i = 0; d->mode == PNBD_SERIAL && i < pat->n; i++) {
        double li, gi[4];
        if (clv_pnbd_row(p, pat->col[0][i], pat->col[1][i], pat->col[2][i], &li, dll ? gi : NULL) !=
            CLV_OK)
            return 1;
        double w = pat->w ? pat->w[i] : 1;
        ll += w * li;
        if (dll)
            for (int k = 0; k < 4; k++)
                g[k] += w * gi[k];
    }
    *llp = ll;
    if (dll)
        for (int k = 0; k < 4; k++)
            dll[k] = g[k];
    return !isfinite(ll);
}

/* ---- predictions --------------------------------------------------------- */

double clv_pnbd_powdiff(double b, double t, double e)
{
    double L = log1p(t / b);
    return e == 0 ? L : -expm1(-e * L) / e;
}

clv_status clv_pnbd_palive(const double *p, double x, double t_x, double T, double *out)
{
    double r = p[0], al = p[1], s = p[2], be = p[3];
    if (t_x == T) {
        /* I = 0: nothing since the last purchase, certainly alive */
        *out = 1;
        return CLV_OK;
    }
    double lnI, dI[4];
    clv_status st = pnbd_I(r, al, s, be, x, t_x, T, &lnI, dI);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    double A = -(r + x) * log(al + T) - s * log(be + T);
    double lr = log(s) + lnI - A; /* P = 1 / (1 + e^lr) */
    *out = lr > 0 ? exp(-lr) / (1 + exp(-lr)) : 1 / (1 + exp(lr));
    return st;
}

clv_status clv_pnbd_expected(const double *p, double t, double *out)
{
    double r = p[0], al = p[1], s = p[2], be = p[3];
    *out = r * be / al * clv_pnbd_powdiff(be, t, s - 1);
    return CLV_OK;
}

clv_status clv_pnbd_conditional(const double *p, double t, double x, double t_x, double T,
                                double *out)
{
    double r = p[0], al = p[1], s = p[2], be = p[3], pa;
    clv_status st = clv_pnbd_palive(p, x, t_x, T, &pa);
    if (st != CLV_OK && st != CLV_ELOSS)
        return st;
    *out = (r + x) * (be + T) / (al + T) * clv_pnbd_powdiff(be + T, t, s - 1) * pa;
    return st;
}

typedef struct {
    double r, al, s, be, n;
} pmf_ctx;

/* ln[ u^n (alpha+u)^-(r+n) (beta+u)^-(s+1) ] */
static double pmf_integrand(double u, double dl, double dr, double *g, void *v)
{
    (void)dl, (void)dr, (void)g; /* nodes near 0 are exact: u = 0 + dl */
    const pmf_ctx *c = v;
    double ln = c->n > 0 ? c->n * log(u) : 0;
    return ln - (c->r + c->n) * log(c->al + u) - (c->s + 1) * log(c->be + u);
}

/* P(X(t) = n): alive at t with n purchases, or died at u < t having made
 * them by then (Fader, Hardie & Lee 2006 derive the same as 2F1 sums):
 *   NB(n; t) (beta/(beta+t))^s + int_0^t NB(n; u) s beta^s (beta+u)^-(s+1) du
 * with NB(n; u) = Gamma(r+n)/(Gamma(r) n!) (alpha/(alpha+u))^r
 *                 (u/(alpha+u))^n.  The integral is split at its mode. */
clv_status clv_pnbd_pmf(const double *p, double n, double t, double *out)
{
    double r = p[0], al = p[1], s = p[2], be = p[3];
    if (t == 0) {
        *out = n == 0;
        return CLV_OK;
    }
    double lc = clv_sf_lgamma(r + n) - clv_sf_lgamma(r) - clv_sf_lgamma(n + 1);
    double alive =
        lc + r * log(al) - (r + n) * log(al + t) + (n > 0 ? n * log(t) : 0) - s * log1p(t / be);
    /* mode of the integrand: n/u = (r+n)/(alpha+u) + (s+1)/(beta+u) */
    double mode = 0;
    if (n > 0) {
        double lo = 0, hi = t;
        if (n - (r + n) * t / (al + t) - (s + 1) * t / (be + t) >= 0)
            mode = t;
        else {
            for (int k = 0; k < 200 && hi > lo; k++) {
                double mid = 0.5 * (lo + hi);
                if (n - (r + n) * mid / (al + mid) - (s + 1) * mid / (be + mid) > 0)
                    lo = mid;
                else
                    hi = mid;
            }
            mode = 0.5 * (lo + hi);
        }
    }
    pmf_ctx c = {r, al, s, be, n};
    double l1 = -INFINITY, l2 = -INFINITY;
    clv_status s1 = clv_quad_log(pmf_integrand, &c, 0, mode, 0, &l1, NULL);
    clv_status s2 = clv_quad_log(pmf_integrand, &c, mode, t, 0, &l2, NULL);
    if ((s1 != CLV_OK && s1 != CLV_ELOSS) || (s2 != CLV_OK && s2 != CLV_ELOSS))
        return s1 != CLV_OK && s1 != CLV_ELOSS ? s1 : s2;
    double dead = lc + r * log(al) + log(s) + s * log(be) + clv_sf_logaddexp(l1, l2);
    double v = exp(alive) + exp(dead);
    *out = fmin(fmax(v, 0), 1);
    return s1 == CLV_ELOSS || s2 == CLV_ELOSS ? CLV_ELOSS : CLV_OK;
}

/* P(X(t) = n) for n = 0 .. top-1 at once: the dead parts share one
 * tanh-sinh rule on [0, t], whose nodes (fixed for the rule) carry every n
 * (ln NB(n; u) = ln NB(0; u) + ln C_n + n ln(u/(alpha+u))).  Levels halve
 * the step until each P(n) moves by less than 1e-10 relative; the rule is
 * exact to ~the square of that.  Unsettled after 2049 nodes (or top > 64):
 * clv_pnbd_pmf for each n. */
#define PMF_ALL_MAX 64
clv_status clv_pnbd_pmf_all(const double *p, size_t top, double t, double *out)
{
    double r = p[0], al = p[1], s = p[2], be = p[3];
    if (t == 0) {
        for (size_t n = 0; n < top; n++)
            out[n] = n == 0;
        return CLV_OK;
    }
    double lc[PMF_ALL_MAX], alive[PMF_ALL_MAX], sum[PMF_ALL_MAX] = {0}, prev[PMF_ALL_MAX];
    if (top > PMF_ALL_MAX)
        goto one_by_one;
    /* ln C_n = ln Gamma(r+n) - ln Gamma(r) - ln n!, by the ratio (r+n-1)/n */
    double lw_t = log(t) - log(al + t), l0_t = -r * log1p(t / al) - s * log1p(t / be);
    for (size_t n = 0; n < top; n++) {
        lc[n] = n == 0 ? 0 : lc[n - 1] + log((r + (double)n - 1) / (double)n);
        alive[n] = exp(lc[n] + l0_t + (n > 0 ? (double)n * lw_t : 0));
    }
    const double tmax = 4, half_pi = 1.57079632679489661923;
    double ldead = log(s) - log(be);
    double h = 1;
    for (int level = 0; level <= 8; level++) {
        if (level > 0)
            h /= 2;
        double step = level == 0 ? 1 : 2 * h;
        double tau0 = level == 0 ? 0 : h;
        for (double tau = tau0; tau <= tmax; tau += step) {
            double e = exp(-2 * half_pi * sinh(tau));
            double d = t * e / (1 + e); /* distance of the node to the nearer end */
            double w = 0.5 * t * half_pi * cosh(tau) * 4 * e / ((1 + e) * (1 + e));
            if (!(d > 0) || !(w > 0))
                continue;
            for (int side = 0; side < (tau == 0 ? 1 : 2); side++) {
                double u = side == 0 ? t - d : d;
                if (tau == 0)
                    u = 0.5 * t;
                double l0 = log(w) + ldead - r * log1p(u / al) - (s + 1) * log1p(u / be);
                /* NB(n+1) = NB(n) (r+n)/(n+1) w while in normal range */
                double f = exp(l0), wu = u / (al + u), lw = log(wu);
                for (size_t n = 0; n < top; n++) {
                    if (!(f > 1e-290 && f < 1e290))
                        f = exp(l0 + lc[n] + (double)n * lw);
                    sum[n] += f;
                    f *= (r + (double)n) / (double)(n + 1) * wu;
                }
            }
        }
        int settled = level >= 3;
        for (size_t n = 0; n < top; n++) {
            double v = alive[n] + h * sum[n];
            if (level >= 3 && !(fabs(v - prev[n]) <= 1e-10 * v || v < 1e-300))
                settled = 0;
            prev[n] = v;
        }
        if (settled) {
            for (size_t n = 0; n < top; n++)
                out[n] = fmin(fmax(prev[n], 0), 1);
            return CLV_OK;
        }
    }
one_by_one:;
    clv_status st = CLV_OK;
    for (size_t n = 0; n < top; n++) {
        clv_status sn = clv_pnbd_pmf(p, (double)n, t, &out[n]);
        if (sn != CLV_OK && sn != CLV_ELOSS)
            return sn;
        if (sn != CLV_OK)
            st = sn;
    }
    return st;
}
