#!/usr/bin/env python3
"""Pareto/NBD log-likelihood of single customers and its gradient in mpmath,
independent of clvkit, for the C test test_pnbd_rows.c (the fit's tabulated
rows, src/models/pnbd_rows.c).

  pnbd_rows.py generate OUT.csv [--groups N] [--seed S]
      N parameter points per regime, 8 customers each; every value computed
      at 30 and at 45 digits with I (the integral below) in the Gauss
      hypergeometric form of Fader, Hardie & Lee (2005), and I again by
      quadrature: a customer is kept only when all agree to 1e-20.
  pnbd_rows.py check FILE.csv [--sample N]
      recomputes N groups of each regime (at 30 digits) and
      fails unless every stored value is reproduced to 1e-15.

Per customer (Schmittlein, Morrison & Colombo 1987; FHL 2005, eq. 2)
  L = Gamma(r+x)/Gamma(r) alpha^r beta^s [(alpha+T)^-(r+x) (beta+T)^-s + s I],
  I = int_{t_x}^T (alpha+u)^-(r+x) (beta+u)^-(s+1) du,
and the gradient of ln L by r, alpha, s, beta is mpmath's numerical
derivative at the working precision.  Columns: group,regime,r,alpha,s,beta,x,t_x,T,ll,g_r,g_alpha,g_s,g_beta.

Regimes: "fit" (parameters and customers like a fit's), "z1" (one of alpha
and beta far above the other, t_x small: the series argument z =
|alpha-beta|/(max+t) near 1), "bigx" (x up to 10^4), "extreme" (parameters
in [1e-3, 1e4]), "edge" (t_x = 0, t_x = T, t_x a hair below T).
"""
import argparse
import csv
import math
import random
import signal
import sys

from mpmath import diff, exp, hyp2f1, log, loggamma, mp, mpf, quad

COLS = ["group", "regime", "r", "alpha", "s", "beta", "x", "t_x", "T",
        "ll", "g_r", "g_alpha", "g_s", "g_beta"]


def integral_quad(p, x, t_x, T):
    """I by quadrature, split where either factor of the integrand has
    fallen by e, e^2, e^4, ... (tanh-sinh alone misjudges a steep integrand,
    at any precision)."""
    r, a, s, b = p
    if t_x == T:
        return mpf(0)
    pts = {t_x, T}
    for m, rate in ((a, r + x), (b, s + 1)):
        for j in [0.25, 0.5] + [2.0 ** i for i in range(12)]:
            u = (m + t_x) * exp(j / rate) - m
            if t_x < u < T:
                pts.add(u)
    # scaled to 1 at t_x: quad's tolerance is absolute
    def f(u):
        return ((a + u) / (a + t_x)) ** (-(r + x)) * ((b + u) / (b + t_x)) ** (-(s + 1))
    return quad(f, sorted(pts)) * (a + t_x) ** (-(r + x)) * (b + t_x) ** (-(s + 1))


def integral_2f1(p, x, t_x, T):
    """I as FHL (2005) write it: a difference of two 2F1 terms."""
    r, a, s, b = p
    if t_x == T:
        return mpf(0)
    k = r + s + x
    if a >= b:
        c, M, e = a - b, a, s + 1
    else:
        c, M, e = b - a, b, r + x

    def D(t):
        return hyp2f1(e, k, k + 1, c / (M + t), maxterms=10**6) / ((M + t) ** k * k)
    return D(t_x) - D(T)


def loglik(p, x, t_x, T, I=None):
    r, a, s, b = p
    if I is None:
        I = integral_2f1(p, x, t_x, T)
    A = (a + T) ** (-(r + x)) * (b + T) ** (-s)
    return loggamma(r + x) - loggamma(r) + r * log(a) + s * log(b) + log(A + s * I)


def row(p, x, t_x, T):
    """ln L and its gradient (numerical derivatives at the working
    precision), and I by quadrature to check the 2F1 form."""
    v = [loglik(p, x, t_x, T)]
    for i in range(4):
        def f(u, i=i):
            q = list(p)
            q[i] = u
            return loglik(q, x, t_x, T)
        v.append(diff(f, p[i]))
    return v, integral_quad(p, x, t_x, T), integral_2f1(p, x, t_x, T)


def logu(rng, lo, hi):
    return float("%.6g" % math.exp(rng.uniform(math.log(lo), math.log(hi))))


def group(rng, regime):
    """A parameter point and 8 customers of two x values."""
    if regime == "extreme":
        p = [logu(rng, 1e-3, 1e4) for _ in range(4)]
    else:
        p = [logu(rng, 0.1, 3), logu(rng, 1, 50), logu(rng, 0.1, 3), logu(rng, 1, 50)]
    if regime == "z1":
        big, small = logu(rng, 50, 5000), logu(rng, 0.01, 1)
        p[1], p[3] = (big, small) if rng.random() < 0.5 else (small, big)
    hi = {"bigx": 1e4, "extreme": 1e3}.get(regime, 50)
    xs = [float(int(logu(rng, 1, hi))) for _ in range(2)]
    cust = []
    for i in range(8):
        x = xs[i % 2]
        T = logu(rng, 1, 100)
        if regime == "z1":
            t_x = logu(rng, 1e-4, 0.3 * T)
        elif regime == "edge":
            t_x = [0.0, T, float("%.15g" % (T * (1 - 1e-9))), logu(rng, 1e-6, T)][i % 4]
            x = 0.0 if t_x == 0 else x
        else:
            t_x = float("%.6g" % (T * rng.random()))
        cust.append((x, t_x, T))
    return p, cust


TIMEOUT = 20  # seconds per customer and precision; a slower one is dropped


class Slow(Exception):
    pass


def _alarm(*_):
    raise Slow()


def values(p, c, dps):
    mp.dps = dps
    return row([mpf(v) for v in p], *[mpf(u) for u in c])


def agree(u, v, tol):
    return abs(u - v) <= tol * max(abs(u), abs(v), mpf("1e-300"))


def generate(args):
    rng = random.Random(args.seed)
    out = csv.writer(open(args.out, "w", newline=""))
    out.writerow(COLS)
    gid = 0
    for regime in ["fit", "z1", "bigx", "extreme", "edge"]:
        for _ in range(args.groups):
            p, cust = group(rng, regime)
            kept = []
            for c in cust:
                signal.signal(signal.SIGALRM, _alarm)
                try:
                    signal.alarm(TIMEOUT)
                    v30, _, _ = values(p, c, 30)
                    signal.alarm(TIMEOUT)
                    v45, Iq, I2 = values(p, c, 45)
                except Exception:  # mpmath gives up or is slow: dropped
                    v30, v45, Iq, I2 = [0], [1], 0, 1
                signal.alarm(0)
                tol = mpf("1e-20")
                if all(agree(a, b, tol) for a, b in zip(v30, v45)) and agree(Iq, I2, tol):
                    kept.append([gid, regime] + p + list(c) + [mp.nstr(u, 20) for u in v45])
                else:
                    print("dropped", regime, p, c, file=sys.stderr)
            for k in kept:
                out.writerow(k)
            gid += 1


def check(args):
    rows = list(csv.DictReader(open(args.file)))
    bad = 0
    seen = {}
    for rw in rows:
        key = (rw["regime"], rw["group"])
        seen.setdefault(rw["regime"], [])
        if key[1] not in seen[rw["regime"]]:
            if len(seen[rw["regime"]]) >= args.sample:
                continue
            seen[rw["regime"]].append(key[1])
        elif key[1] != seen[rw["regime"]][-1]:
            continue
        p = [float(rw[k]) for k in ["r", "alpha", "s", "beta"]]
        c = [float(rw[k]) for k in ["x", "t_x", "T"]]
        v, _, _ = values(p, c, 30)
        want = [mpf(rw[k]) for k in COLS[9:]]
        for a, b in zip(v, want):
            if not agree(a, b, mpf("1e-15")):
                print("mismatch", rw, mp.nstr(a, 20), file=sys.stderr)
                bad += 1
    print("checked", sum(len(v) for v in seen.values()), "groups,", bad, "mismatches")
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("out")
    g.add_argument("--groups", type=int, default=8)
    g.add_argument("--seed", type=int, default=20261130)
    c = sub.add_parser("check")
    c.add_argument("file")
    c.add_argument("--sample", type=int, default=1)
    args = ap.parse_args()
    sys.exit(generate(args) if args.cmd == "generate" else check(args))


if __name__ == "__main__":
    main()
