#!/usr/bin/env python3
"""Reference points of the BG/NBD family's E[X(t)] and conditional
expectation at z = t/(alpha+t) from 1/2 to 1 - 1e-9, where clvkit takes the
2F1's 1 - z connection formula (src/numerics/betanbd.c): a < 1 and a > 1,
a near 1, a - 1 - r near an integer (the formula's Gamma poles), r from
1e-3 to 50.  Values are formulas.py's (the papers' eqs. 9 and 10 in mpmath,
settled at 30 and 50 digits by reference.settled), appended to
reference_values.csv as regime "near1" (checked at the normal tolerance by
tests/c/test_extreme_reference.c, and recomputed by `reference.py check`).

  near_one.py [--per N] [--seed S] >> reference_values.csv
"""
import argparse
import csv
import math
import random
import sys

from mpmath import nstr

import reference as R

FUNCS = ("bgnbd_expected", "mbgnbd_expected", "bgnbd_conditional", "mbgnbd_conditional")


def logu(rng, lo, hi):
    return float("%.6g" % math.exp(rng.uniform(math.log(lo), math.log(hi))))


def shape_a(rng, r, kind):
    """a < 1, a > 1, a within 1e-3 of 1, or a - 1 - r within 1e-3 of an integer."""
    if kind == 0:
        return logu(rng, 0.02, 0.98)
    if kind == 1:
        return logu(rng, 1.02, 30)
    if kind == 2:
        return float("%.9g" % (1 + rng.choice((-1, 1)) * logu(rng, 1e-7, 1e-3)))
    k = rng.randint(0 if r < 0.5 else -1, 3)
    a = float("%.9g" % (1 + r + k + rng.choice((-1, 1)) * logu(rng, 1e-7, 1e-3)))
    return a if a > 0 else shape_a(rng, r, 1)


def sample(rng, func, i):
    r = logu(rng, 1e-3, 50)
    alpha = logu(rng, 1e-2, 1e2)
    a = shape_a(rng, r, i % 4)
    b = logu(rng, 1e-2, 1e2)
    u = logu(rng, 1e-9, 0.5)          # 1 - z
    if func.endswith("expected"):
        return [r, alpha, a, b], [float("%.9g" % (alpha * (1 - u) / u))]
    x = float(rng.choice((0, 1, 2, 5, 20)))
    T = logu(rng, 0.1, 100)
    t_x = 0.0 if x == 0 else float("%.6g" % (T * rng.random()))
    ax = alpha + T
    return [r, alpha, a, b], [float("%.9g" % (ax * (1 - u) / u)), x, t_x, T]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per", type=int, default=24)
    ap.add_argument("--seed", type=int, default=20261130)
    o = ap.parse_args()
    w = csv.writer(sys.stdout, lineterminator="\n")
    for func in FUNCS:
        rng = random.Random("%d-%s" % (o.seed, func))
        kept = tries = 0
        while kept < o.per and tries < 4 * o.per:
            p, args = sample(rng, func, tries)
            tries += 1
            v = R.settled(func, p, args)
            if v is None:
                continue
            kept += 1
            w.writerow([func, "near1"] + R.pad(p) + R.pad(args) + [nstr(v, 25)])
        print("%-20s %d points (%d tried)" % (func, kept, tries), file=sys.stderr)


if __name__ == "__main__":
    main()
