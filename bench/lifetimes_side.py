#!/usr/bin/env python3
"""lifetimes_side.py -- clvkit's whole-base BG/NBD predictions side by side
with lifetimes' numpy formulas, measured in one run on the same customers
(bench/README.md, "## Scale").

    python3 bench/lifetimes_side.py build/bench/bench_scale

lifetimes 0.11.3 itself needs autograd, which Debian 12 does not package, so
this script times the numpy/scipy array code lifetimes runs for
conditional_probability_alive and
conditional_expected_number_of_purchases_up_to_time (FHL 2005 eq. 10 with
scipy's hyp2f1), written here from the published formulas; needs Debian's
python3-numpy and python3-scipy.  Prints wall seconds and clvkit's ratio.
"""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.special import expit, hyp2f1

R, ALPHA, A, B = 0.243, 4.414, 0.793, 2.426


def palive(x, t_x, T):
    log_div = (R + x) * np.log((ALPHA + T) / (ALPHA + t_x)) + np.log(
        A / (B + np.maximum(x, 1) - 1))
    return np.where(x == 0, 1.0, expit(-log_div))


def conditional(t, x, t_x, T):
    a_, b_, c_ = R + x, B + x, A + B + x - 1
    z = t / (ALPHA + T + t)
    ln_h = np.log(hyp2f1(a_, b_, c_, z))
    alt = np.log(hyp2f1(c_ - a_, c_ - b_, c_, z)) + (c_ - a_ - b_) * np.log(1 - z)
    ln_h = np.where(np.isinf(ln_h), alt, ln_h)
    num = (A + B + x - 1) / (A - 1) * (
        1 - np.exp(ln_h + (R + x) * np.log((ALPHA + T) / (ALPHA + t + T))))
    return num / (1 + (x > 0) * (A / (B + x - 1)) * ((ALPHA + T) / (ALPHA + t_x)) ** (R + x))


def best(fn, reps):
    t = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def main():
    bench = sys.argv[1] if len(sys.argv) > 1 else "build/bench/bench_scale"
    cases = [(2357, 0, 200), (1000000, 1, 3), (10000000, 0, 1)]
    print("%-22s %12s %12s %8s %12s %12s %8s  (ms)" % (
        "customers", "P(alive) np", "clvkit", "ratio", "E[Y] np", "clvkit", "ratio"))
    with tempfile.TemporaryDirectory() as d:
        for n, exact, reps in cases:
            path = os.path.join(d, "c.bin")
            subprocess.run([bench, "export", str(n), str(exact), path], check=True)
            v = np.fromfile(path, dtype=np.float64).reshape(3, n)
            x, t_x, T = v[0], v[1], v[2]
            tp = best(lambda: palive(x, t_x, T), reps)
            tc = best(lambda: conditional(39.0, x, t_x, T), reps)
            out = subprocess.run([bench, "many", str(n), str(exact)], check=True,
                                 capture_output=True, text=True).stdout.split()
            cp, cc = float(out[0]), float(out[1])
            label = "%d%s" % (n, " exact times" if exact else " by day")
            print("%-22s %12.3f %12.3f %7.1fx %12.3f %12.3f %7.1fx" % (
                label, 1e3 * tp, 1e3 * cp, tp / cp, 1e3 * tc, 1e3 * cc, tc / cc))


if __name__ == "__main__":
    main()
