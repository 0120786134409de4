"""The models' predictions written from the papers, in mpmath: an evaluation
that shares no code and no algorithm with clvkit's C core (closed forms with
Gauss and generalised hypergeometric functions where clvkit sums series and
integrates, betainc where clvkit runs continued fractions, beta functions
at 30-50 digits where it runs ratios in log space).

Every function takes mpf arguments and returns an mpf at the working
precision mp.dps; the caller decides the precision (reference.py evaluates
at two and keeps a point only when both agree).

Sources:
  BG/NBD      Fader, Hardie & Lee (2005), "Counting your customers the easy
              way", Marketing Science 24(2): eqs. 8 (pmf), 9 (E[X(t)]),
              10 (conditional expectation) and P(alive) from the appendix.
  MBG/NBD     Batislam, Denizel & Filiztekin (2007), IJRM 24(3): death also
              possible at time 0 (the same quantities with b+x+1).
  Pareto/NBD  Schmittlein, Morrison & Colombo (1987); Fader, Hardie & Lee
              (2005), "A note on implementing the Pareto/NBD model in
              MATLAB" (P(alive) with 2F1); Fader, Hardie & Lee (2006),
              "Deriving an expression for P(X(t) = x) under the Pareto/NBD
              model" (the pmf with 2F1 sums).
  Gamma-Gamma Fader & Hardie (2013), "The Gamma-Gamma model of monetary
              value", eq. 5.
  sBG         Fader & Hardie (2007), J. Interactive Marketing 21(1): S(t),
              r(t), P(T = t); Fader & Hardie (2010), Marketing Science
              29(1): DEL and DERL with 2F1.
  BG/BB       Fader, Hardie & Shang (2010), Marketing Science 29(6): eqs. 5
              (likelihood), 6 (P(X(n) = x)), 8 (E[X(n)]), 11 (P(alive)),
              13 (conditional expectation).
"""
from mpmath import mp, betainc, binomial, exp, expm1, gamma, hyp2f1, log, loggamma, \
    mpf, quad, rf


def _lbeta(a, b):
    return loggamma(a) + loggamma(b) - loggamma(a + b)


def _nb(r, alpha, t, n):
    """The negative binomial of a Gamma(r, alpha) mixture of Poisson(lambda t)."""
    return exp(loggamma(r + n) - loggamma(r) - loggamma(n + 1)
               + r * log(alpha / (alpha + t)) + n * log(t / (alpha + t)))


def _nb_tail(r, alpha, t, n):
    """P(NB >= n) = I_{t/(alpha+t)}(n, r) (regularized incomplete beta)."""
    if n == 0:
        return mpf(1)
    return betainc(n, r, 0, t / (alpha + t), regularized=True)


# ---- BG/NBD and MBG/NBD -----------------------------------------------------

def bgnbd_palive(p, x, t_x, T, modified=False):
    r, alpha, a, b = p
    if not modified and x == 0:
        return mpf(1)
    ratio = a / (b + x) if modified else a / (b + x - 1)
    return 1 / (1 + ratio * exp((r + x) * log((alpha + T) / (alpha + t_x))))


def bgnbd_expected(p, t, modified=False):
    r, alpha, a, b = p
    z = t / (alpha + t)
    lead = (alpha / (alpha + t)) ** r
    if modified:
        return b / (a - 1) * (1 - lead * hyp2f1(r, b + 1, a + b, z))
    return (a + b - 1) / (a - 1) * (1 - lead * hyp2f1(r, b, a + b - 1, z))


def bgnbd_pmf(p, n, t, modified=False):
    r, alpha, a, b = p
    lb = _lbeta(a, b)
    if modified:
        stay = exp(_lbeta(a, b + n + 1) - lb)
        die = exp(_lbeta(a + 1, b + n) - lb)
        return stay * _nb(r, alpha, t, n) + die * _nb_tail(r, alpha, t, n)
    out = exp(_lbeta(a, b + n) - lb) * _nb(r, alpha, t, n)
    if n > 0:
        out += exp(_lbeta(a + 1, b + n - 1) - lb) * _nb_tail(r, alpha, t, n)
    return out


def bgnbd_conditional(p, t, x, t_x, T, modified=False):
    r, alpha, a, b = p
    z = t / (alpha + T + t)
    lead = exp((r + x) * log((alpha + T) / (alpha + T + t)))
    if modified:
        alive_mean = (a + b + x) / (a - 1) * (1 - lead * hyp2f1(r + x, b + x + 1, a + b + x, z))
    else:
        alive_mean = (a + b + x - 1) / (a - 1) * (1 - lead * hyp2f1(r + x, b + x, a + b + x - 1, z))
    return alive_mean * bgnbd_palive(p, x, t_x, T, modified)


# ---- Pareto/NBD -------------------------------------------------------------

def _pnbd_d(r, alpha, s, b, x, t):
    """The MATLAB note's A0 term at time t (before the difference)."""
    k = r + s + x
    if alpha >= b:
        return hyp2f1(k, s + 1, k + 1, (alpha - b) / (alpha + t)) / (alpha + t) ** k
    return hyp2f1(k, r + x, k + 1, (b - alpha) / (b + t)) / (b + t) ** k


def pnbd_palive(p, x, t_x, T):
    r, alpha, s, b = p
    a0 = _pnbd_d(r, alpha, s, b, x, t_x) - _pnbd_d(r, alpha, s, b, x, T)
    return 1 / (1 + s / (r + s + x) * (alpha + T) ** (r + x) * (b + T) ** s * a0)


def _pnbd_alive_mean(r, alpha, s, b, t):
    """r b / (alpha (s-1)) [1 - (b/(b+t))^(s-1)], the limit at s = 1 kept."""
    u = log(b / (b + t))
    if s == 1:
        return -r * b / alpha * u
    return -r * b / alpha * expm1((s - 1) * u) / (s - 1)


def pnbd_palive_by_integral(p, x, t_x, T):
    """P(alive) with I integrated directly, relative to the integrand at T,
    on geometrically spaced pieces (a second opinion: mpmath's 2F1 at
    parameters near 10^5 gave values that agreed at 30 and 50 digits and
    were wrong)."""
    r, alpha, s, b = p
    if t_x == T:
        return mpf(1)
    f = lambda u: exp(-(r + x) * log((alpha + u) / (alpha + T)) - (s + 1) * log((b + u) / (b + T)))
    span = T - t_x
    cuts = [t_x] + [t_x + span * mpf(10) ** -k for k in range(12, 0, -1)] + [T]
    return 1 / (1 + s / (b + T) * quad(f, cuts))


def pnbd_expected(p, t):
    r, alpha, s, b = p
    return _pnbd_alive_mean(r, alpha, s, b, t)


def pnbd_conditional(p, t, x, t_x, T):
    r, alpha, s, b = p
    return _pnbd_alive_mean(r + x, alpha + T, s, b + T, t) * pnbd_palive(p, x, t_x, T)


def pnbd_pmf(p, n, t):
    """FHL (2006) eq. 12 (as corrected in their note's later version)."""
    r, alpha, s, b = p
    first = _nb(r, alpha, t, n) * (b / (b + t)) ** s
    k = r + s
    if alpha >= b:
        b1 = hyp2f1(k, s + 1, k + n + 1, (alpha - b) / alpha) / alpha ** k
    else:
        b1 = hyp2f1(k, r + n, k + n + 1, (b - alpha) / b) / b ** k
    total = mpf(0)
    for i in range(int(n) + 1):
        if alpha >= b:
            b2 = hyp2f1(k + i, s + 1, k + n + 1, (alpha - b) / (alpha + t)) / (alpha + t) ** (k + i)
        else:
            b2 = hyp2f1(k + i, r + n, k + n + 1, (b - alpha) / (b + t)) / (b + t) ** (k + i)
        total += rf(k, i) / gamma(i + 1) * t ** i * b2
    second = exp(r * log(alpha) + s * log(b) + _lbeta(r + n, s + 1) - _lbeta(r, s)) * (b1 - total)
    return first + second


def pnbd_pmf_by_death_time(p, n, t):
    """The same probability from the model's definition: alive at t with n
    purchases, or died at u < t after n purchases (a cross-check only)."""
    r, alpha, s, b = p
    alive = _nb(r, alpha, t, n) * (b / (b + t)) ** s
    died = quad(lambda u: _nb(r, alpha, u, n) * s * b ** s * (b + u) ** (-s - 1), [0, t])
    return alive + died


# ---- Gamma-Gamma -------------------------------------------------------------

def gg_spend(p, x, m):
    pp, q, g = p
    if x == 0:
        return pp * g / (q - 1)
    return (g + m * x) * pp / (pp * x + q - 1)


# ---- sBG -----------------------------------------------------------------------

def sbg_survival(p, t):
    a, b = p
    return exp(_lbeta(a, b + t) - _lbeta(a, b))


def sbg_retention(p, t):
    a, b = p
    return (b + t - 1) / (a + b + t - 1)


def sbg_churn(p, t):
    a, b = p
    return exp(_lbeta(a + 1, b + t - 1) - _lbeta(a, b))


def sbg_del(p, d):
    a, b = p
    return hyp2f1(1, b, a + b, 1 / (1 + d))


def sbg_derl(p, d, n):
    a, b = p
    return (b + n - 1) / (a + b + n - 1) * hyp2f1(1, b + n, a + b + n, 1 / (1 + d))


def sbg_del_by_sum(p, d):
    """DEL as the plain sum of discounted survival (a cross-check only)."""
    from mpmath import nsum, inf
    return nsum(lambda t: sbg_survival(p, t) / (1 + d) ** t, [0, inf])


# ---- BG/BB ---------------------------------------------------------------------

def _bgbb_lik(p, x, t_x, n):
    """FHS (2010) eq. 5: the censored-alive term plus the sum over the
    opportunity after which the customer died.  Short sums add terms made
    from their own beta functions; long ones step each term from the one
    before by its exact ratio (a sum of positive terms at 30+ digits loses
    nothing), and the last term is re-made from beta functions as a check.
    (The sum is a piece of a 3F2 at 1, but mpmath's hyp3f2 at z = 1 gave
    wrong values with digits to spare at both precisions: not used.)"""
    al, be, ga, de = p
    lb_ab, lb_gd = _lbeta(al, be), _lbeta(ga, de)
    alive = exp(_lbeta(al + x, be + n - x) - lb_ab + _lbeta(ga, de + n) - lb_gd)
    m = int(n - t_x)

    def term(i):
        return exp(_lbeta(al + x, be + t_x - x + i) - lb_ab + _lbeta(ga + 1, de + t_x + i) - lb_gd)

    if m <= 400:
        return alive + sum(term(i) for i in range(m))
    A, B, C, D = be + t_x - x, de + t_x, al + be + t_x, ga + de + t_x + 1
    t = term(0)
    total = mpf(0)
    for i in range(m):
        total += t
        if i + 1 < m:
            t = t * (A + i) * (B + i) / ((C + i) * (D + i))
    last = term(m - 1)
    if abs(t - last) > mpf(10) ** (10 - mp.dps) * last:
        raise ArithmeticError("BG/BB: the stepped term drifted from its beta functions")
    return alive + total


def bgbb_palive(p, x, t_x, n):
    al, be, ga, de = p
    num = exp(_lbeta(al + x, be + n - x) - _lbeta(al, be) + _lbeta(ga, de + n + 1) - _lbeta(ga, de))
    return num / _bgbb_lik(p, x, t_x, n)


def _bgbb_alive_sum(ga, de, n0, n1):
    """sum_{t=n0+1}^{n1} B(ga, de+t)/B(ga, de) in FHS's closed form
    de/(ga-1) Gamma(ga+de)/Gamma(1+de) [G(n0) - G(n1)],
    G(k) = Gamma(1+de+k)/Gamma(ga+de+k)."""
    lead = loggamma(ga + de) - loggamma(1 + de)
    g0 = exp(lead + loggamma(1 + de + n0) - loggamma(ga + de + n0))
    g1 = exp(lead + loggamma(1 + de + n1) - loggamma(ga + de + n1))
    return de / (ga - 1) * (g0 - g1)


def bgbb_expected(p, n):
    al, be, ga, de = p
    return al / (al + be) * _bgbb_alive_sum(ga, de, 0, n)


def bgbb_conditional(p, nstar, x, t_x, n):
    al, be, ga, de = p
    lead = exp(_lbeta(al + x + 1, be + n - x) - _lbeta(al, be))
    return lead / _bgbb_lik(p, x, t_x, n) * _bgbb_alive_sum(ga, de, n, n + nstar)


def bgbb_pmf(p, x, n):
    """FHS (2010) eq. 6, term by term (reference points keep n small)."""
    al, be, ga, de = p
    lb_ab, lb_gd = _lbeta(al, be), _lbeta(ga, de)
    out = binomial(n, x) * exp(_lbeta(al + x, be + n - x) - lb_ab + _lbeta(ga, de + n) - lb_gd)
    for i in range(int(x), int(n)):
        out += binomial(i, x) * exp(_lbeta(al + x, be + i - x) - lb_ab
                                    + _lbeta(ga + 1, de + i) - lb_gd)
    return out


# name -> (function, model kind, number of parameters, argument names)
FUNCTIONS = {
    "bgnbd_palive": (lambda p, a: bgnbd_palive(p, *a), "bgnbd", ("x", "t_x", "T")),
    "bgnbd_expected": (lambda p, a: bgnbd_expected(p, *a), "bgnbd", ("t",)),
    "bgnbd_pmf": (lambda p, a: bgnbd_pmf(p, *a), "bgnbd", ("n", "t")),
    "bgnbd_conditional": (lambda p, a: bgnbd_conditional(p, *a), "bgnbd", ("t", "x", "t_x", "T")),
    "mbgnbd_palive": (lambda p, a: bgnbd_palive(p, *a, modified=True), "mbgnbd", ("x", "t_x", "T")),
    "mbgnbd_expected": (lambda p, a: bgnbd_expected(p, *a, modified=True), "mbgnbd", ("t",)),
    "mbgnbd_pmf": (lambda p, a: bgnbd_pmf(p, *a, modified=True), "mbgnbd", ("n", "t")),
    "mbgnbd_conditional": (lambda p, a: bgnbd_conditional(p, *a, modified=True), "mbgnbd",
                           ("t", "x", "t_x", "T")),
    "pnbd_palive": (lambda p, a: pnbd_palive(p, *a), "pnbd", ("x", "t_x", "T")),
    "pnbd_expected": (lambda p, a: pnbd_expected(p, *a), "pnbd", ("t",)),
    "pnbd_pmf": (lambda p, a: pnbd_pmf(p, *a), "pnbd", ("n", "t")),
    "pnbd_conditional": (lambda p, a: pnbd_conditional(p, *a), "pnbd", ("t", "x", "t_x", "T")),
    "gg_spend": (lambda p, a: gg_spend(p, *a), "gg", ("x", "m")),
    "sbg_survival": (lambda p, a: sbg_survival(p, *a), "sbg", ("t",)),
    "sbg_retention": (lambda p, a: sbg_retention(p, *a), "sbg", ("t",)),
    "sbg_churn": (lambda p, a: sbg_churn(p, *a), "sbg", ("t",)),
    "sbg_del": (lambda p, a: sbg_del(p, *a), "sbg", ("d",)),
    "sbg_derl": (lambda p, a: sbg_derl(p, *a), "sbg", ("d", "n")),
    "bgbb_palive": (lambda p, a: bgbb_palive(p, *a), "bgbb", ("x", "t_x", "n")),
    "bgbb_conditional": (lambda p, a: bgbb_conditional(p, *a), "bgbb", ("nstar", "x", "t_x", "n")),
    "bgbb_expected": (lambda p, a: bgbb_expected(p, *a), "bgbb", ("n",)),
    "bgbb_pmf": (lambda p, a: bgbb_pmf(p, *a), "bgbb", ("x", "n")),
}

NPARAMS = {"bgnbd": 4, "mbgnbd": 4, "pnbd": 4, "gg": 3, "sbg": 2, "bgbb": 4}
