#!/usr/bin/env python3
"""DERT of BG/NBD and MBG/NBD customers away from CDNOW (tiny and large r,
a < 1 and a > 1, small and large b, delta from 1e-4 to 1, x up to 50), in
mpmath, two ways that share nothing with clvkit (or each other):

  Laplace  delta int_0^inf e^(-delta t) E[Y(t) | x, t_x, T] dt with the
           paper's conditional expectation (FHL 2005 eq. 10, 2F1; formulas.py);
  Beta-U   P(alive) k/(delta c) E_p[z^(k+1) U(k+1, k+1; z)], z = delta c/p,
           p ~ Beta(a, b+x+m), k = r+x, c = alpha+T (Tricomi's U, mpmath).

A point is kept only when both agree to 1e-12.  Writes
model,r,alpha,a,b,delta,x,t_x,T,dert for tests/c/test_fast_predictions.c.

  dert_extremes.py [--n N] [--seed S] > dert_extremes.csv
"""
import argparse
import csv
import math
import random
import signal
import sys

from mpmath import mp, mpf, beta, exp, hyperu, inf, nstr, quad

import formulas as F


class Slow(Exception):
    pass


def _alarm(*_):
    raise Slow()


def laplace(modified, p, d, x, tx, T):
    return d * quad(lambda t: exp(-d * t) * F.bgnbd_conditional(p, t, x, tx, T, modified),
                    [0, 1 / d, 10 / d, 100 / d, inf])


def beta_u(modified, p, d, x, tx, T):
    r, alpha, a, b = p
    k, c, bb = r + x, alpha + T, b + x + (1 if modified else 0)
    dens = lambda q: q ** (a - 1) * (1 - q) ** (bb - 1) / beta(a, bb)
    zu = lambda q: (d * c / q) ** (k + 1) * hyperu(k + 1, k + 1, d * c / q)
    mean = quad(lambda q: dens(q) * zu(q), [0, mpf(1) / 2, 1])
    return F.bgnbd_palive(p, x, tx, T, modified) * k / (d * c) * mean


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--seed", type=int, default=20261130)
    o = ap.parse_args()
    rng = random.Random(o.seed)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["model", "r", "alpha", "a", "b", "delta", "x", "t_x", "T", "dert"])
    signal.signal(signal.SIGALRM, _alarm)
    kept = tries = 0
    while kept < o.n and tries < 4 * o.n:
        tries += 1
        modified = tries % 2 == 0
        p = [rng.choice((1e-3, 0.05, 0.2426, 2.0, 50.0)), rng.choice((0.1, 4.41, 100.0)),
             rng.choice((0.05, 0.7929, 1.5, 8.0)), rng.choice((0.05, 2.426, 100.0))]
        d = rng.choice((1e-4, 0.0019, 0.1, 1.0))
        x = float(rng.choice((0, 1, 3, 50)))
        T = rng.choice((1.0, 38.86, 1000.0))
        tx = 0.0 if x == 0 else float("%.6g" % (T * rng.random()))
        mp.dps = 30
        signal.alarm(60)
        try:
            args = [mpf(v) for v in p], mpf(d), mpf(x), mpf(tx), mpf(T)
            v1 = laplace(modified, *args)
            v2 = beta_u(modified, *args)
        except Slow:
            continue
        finally:
            signal.alarm(0)
        if not (v1 > 0) or abs(v1 - v2) > mpf("1e-12") * v1:
            print("dropped %s %s %s: %s vs %s" % (p, d, (x, tx, T), nstr(v1, 15), nstr(v2, 15)),
                  file=sys.stderr)
            continue
        kept += 1
        w.writerow(["mbgnbd" if modified else "bgnbd"] + [repr(float(v)) for v in p]
                   + [repr(d), repr(x), repr(tx), repr(T), nstr(v1, 20)])
        sys.stdout.flush()
    print("%d points (%d tried)" % (kept, tries), file=sys.stderr)


if __name__ == "__main__":
    main()
