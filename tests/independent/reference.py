#!/usr/bin/env python3
"""Reference values of every model prediction, computed by formulas.py in
mpmath (independent of clvkit), for the C test test_extreme_reference.c.

  reference.py generate OUT.csv [--per N] [--seed S] [--only f1,f2]
      samples N points per function and regime (seeded), evaluates each at
      two precisions (30 and 50 digits) and keeps it only when the two agree
      to 1e-20 (or both are below 1e-300) and, for Pareto/NBD's P(alive)
      and E[Y], a direct integration agrees to 1e-12: a point mpmath
      cannot settle is dropped, never guessed.  (Agreement across
      precisions is not enough: mpmath's 3F2 and 2F1 at z near 1 with
      parameters near 10^5 gave the same wrong value at 30 and 50 digits.)  Writes func,regime,p0..p3,a0..a3,value.
  reference.py check FILE.csv [--sample N]
      recomputes N rows of each function from FILE's inputs and fails
      (exit 1) unless every stored value is reproduced to 1e-15: the data
      file is what these formulas give, not a copy of anything else.  Also
      runs the cross-checks below.
  reference.py crosscheck
      two formulas against their definitions: the Pareto/NBD pmf (FHL 2006
      2F1 sums) against the integral over the death time, sBG DEL (2F1)
      against the plain discounted sum.

Regimes: "normal" = parameters in [1e-2, 1e2], counts up to 10^3, times in
[1e-2, 10^3]; "extreme" = parameters in [1e-6, 1e6], x and times up to 10^6.
"""
import argparse
import csv
import math
import random
import signal
import sys

from mpmath import mp, mpf, nstr

import formulas as F

TIMEOUT = 4          # seconds per evaluation; a slower point is dropped
AGREE = mpf("1e-20")


class Slow(Exception):
    pass


def _alarm(*_):
    raise Slow()


def logu(rng, lo, hi):
    return float("%.6g" % math.exp(rng.uniform(math.log(lo), math.log(hi))))


def count(rng, hi):
    """A whole number, log-uniform in [1, hi], 0 one time in five."""
    if rng.random() < 0.2:
        return 0.0
    return float(int(math.exp(rng.uniform(0, math.log(hi + 1)))))


def sample(rng, func, regime):
    """(params, args) of one point of `func`."""
    kind = F.FUNCTIONS[func][1]
    ext = regime == "extreme"
    plo, phi = (1e-6, 1e6) if ext else (1e-2, 1e2)
    big = 1e6 if ext else 1e3
    tlo = 1e-6 if ext else 1e-2
    p = [logu(rng, plo, phi) for _ in range(F.NPARAMS[kind])]
    name = func.split("_", 1)[1]
    if kind in ("bgnbd", "mbgnbd", "pnbd"):
        x = count(rng, big)
        T = logu(rng, tlo, big)
        t_x = 0.0 if x == 0 else float("%.6g" % (T * rng.random()))
        t = logu(rng, tlo, big)
        if name == "palive":
            return p, [x, t_x, T]
        if name == "expected":
            return p, [t]
        if name == "pmf":
            # the FHL 2006 sum has n+1 2F1 terms: keep n modest for Pareto/NBD
            return p, [count(rng, 30 if kind == "pnbd" else big), t]
        return p, [t, x, t_x, T]
    if kind == "gg":
        while p[0] * 1 + p[1] <= 1.0001:   # the mean must exist for x >= 1
            p = [logu(rng, plo, phi) for _ in range(3)]
        x = max(1.0, count(rng, big))
        return p, [x, logu(rng, tlo, big)]
    if kind == "sbg":
        if name in ("survival", "retention", "churn"):
            t = max(1.0, count(rng, big))
            return p, [t]
        d = logu(rng, 1e-4 if ext else 1e-2, 10)
        if name == "del":
            return p, [d]
        return p, [d, max(1.0, count(rng, big))]
    # bgbb: 0 <= x <= t_x <= n, t_x = 0 exactly when x = 0
    n = max(1.0, count(rng, big))
    x = float(rng.randint(0, int(min(n, 1e9))))
    if rng.random() < 0.3:
        x = 0.0
    t_x = 0.0 if x == 0 else float(rng.randint(int(x), int(n)))
    if name == "palive":
        return p, [x, t_x, n]
    if name == "expected":
        return p, [n]
    if name == "pmf":
        n = max(1.0, count(rng, 300))
        return p, [float(rng.randint(0, int(n))), n]
    return p, [max(1.0, count(rng, big)), x, t_x, n]


def evaluate(func, p, args, dps):
    mp.dps = dps
    fn = F.FUNCTIONS[func][0]
    return fn([mpf(v) for v in p], [mpf(v) for v in args])


def settled(func, p, args):
    """The value at 50 digits when 30 digits agree with it, else None."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    try:
        lo = evaluate(func, p, args, 30)
        hi = evaluate(func, p, args, 50)
    except Exception:   # Slow, NoConvergence, a division by zero: not settled
        return None
    finally:
        signal.alarm(0)
    mp.dps = 50
    if not second_opinion(func, p, args, hi):
        return None
    if abs(hi) < mpf("1e-300") and abs(lo) < mpf("1e-300"):
        return hi
    if hi == 0 or abs(lo - hi) > AGREE * abs(hi):
        return None
    return hi


def second_opinion(func, p, args, value):
    """Pareto/NBD's P(alive) (and so E[Y]) again by direct integration:
    a point is kept only when both agree to 1e-12."""
    if not func.startswith("pnbd_") or func in ("pnbd_expected", "pnbd_pmf"):
        return True
    mp.dps = 30
    signal.alarm(TIMEOUT)
    try:
        x, t_x, T = [mpf(v) for v in (args if func == "pnbd_palive" else args[1:])]
        pa = F.pnbd_palive_by_integral([mpf(v) for v in p], x, t_x, T)
        ref = F.pnbd_palive([mpf(v) for v in p], x, t_x, T)
    except Exception:
        return False
    finally:
        signal.alarm(0)
        mp.dps = 50
    return abs(pa - ref) <= mpf("1e-12") * abs(pa) or (pa < mpf("1e-300") and ref < mpf("1e-300"))


def generate(out, per, seed, only=None):
    rows, dropped = [], {}
    if only:   # keep the other functions' rows of the existing file
        with open(out) as f:
            rows = [list(row.values()) for row in csv.DictReader(f) if row["func"] not in only]
    for func in F.FUNCTIONS:
        if only and func not in only:
            continue
        for regime in ("normal", "extreme"):
            rng = random.Random("%d-%s-%s" % (seed, func, regime))
            kept = tries = 0
            while kept < per and tries < 4 * per:
                tries += 1
                p, args = sample(rng, func, regime)
                v = settled(func, p, args)
                if v is None:
                    dropped[func, regime] = dropped.get((func, regime), 0) + 1
                    continue
                kept += 1
                rows.append([func, regime] + pad(p) + pad(args) + [nstr(v, 25)])
            print("%-20s %-8s %d points" % (func, regime, kept), file=sys.stderr, flush=True)
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["func", "regime", "p0", "p1", "p2", "p3", "a0", "a1", "a2", "a3", "value"])
        w.writerows(rows)
    for key, n in sorted(dropped.items()):
        print("dropped (unsettled or slow) %s %s: %d" % (key + (n,)), file=sys.stderr)


def pad(values):
    return [repr(float(v)) for v in values] + ["0"] * (4 - len(values))


def check(path, sample_n, seed):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    by_func = {}
    for row in rows:
        by_func.setdefault(row["func"], []).append(row)
    missing = [fn for fn in F.FUNCTIONS if fn not in by_func]
    bad = len(missing)
    for fn in missing:
        print("FAIL no reference rows for %s" % fn)
    rng = random.Random(seed)
    checked = 0
    for func, frows in sorted(by_func.items()):
        kind = F.FUNCTIONS[func][1]
        nargs = len(F.FUNCTIONS[func][2])
        for row in rng.sample(frows, min(sample_n, len(frows))):
            p = [float(row["p%d" % i]) for i in range(F.NPARAMS[kind])]
            args = [float(row["a%d" % i]) for i in range(nargs)]
            mp.dps = 50
            stored = mpf(row["value"])
            got = evaluate(func, p, args, 50)
            checked += 1
            tiny = abs(stored) < mpf("1e-300") and abs(got) < mpf("1e-300")
            if not tiny and abs(got - stored) > mpf("1e-15") * abs(stored):
                bad += 1
                print("FAIL %s %s %s: stored %s, formulas give %s"
                      % (func, p, args, row["value"], nstr(got, 20)))
    bad += crosscheck()
    print("reference check: %d rows recomputed, %d cross-checks, %d failed"
          % (checked, len(CROSS), bad))
    return bad == 0


# (label, value by the published formula, value by the definition)
CROSS = [
    ("pnbd pmf n=0", lambda: F.pnbd_pmf([mpf("0.55"), mpf("10.6"), mpf("0.61"), mpf("11.7")], 0, mpf(39)),
     lambda: F.pnbd_pmf_by_death_time([mpf("0.55"), mpf("10.6"), mpf("0.61"), mpf("11.7")], 0, mpf(39))),
    ("pnbd pmf n=3 alpha<beta", lambda: F.pnbd_pmf([mpf("2.5"), mpf("3"), mpf("0.4"), mpf("20")], 3, mpf(7)),
     lambda: F.pnbd_pmf_by_death_time([mpf("2.5"), mpf("3"), mpf("0.4"), mpf("20")], 3, mpf(7))),
    ("sbg del", lambda: F.sbg_del([mpf("0.668"), mpf("3.806")], mpf("0.1")),
     lambda: F.sbg_del_by_sum([mpf("0.668"), mpf("3.806")], mpf("0.1"))),
    ("bgbb lik, stepped terms", lambda: F.bgbb_palive([mpf("1.2"), mpf("0.75"), mpf("0.66"), mpf("2.8")], 3, 5, 800),
     lambda: _bgbb_palive_direct([mpf("1.2"), mpf("0.75"), mpf("0.66"), mpf("2.8")], 3, 5, 800)),
]


def _bgbb_palive_direct(p, x, t_x, n):
    al, be, ga, de = p
    lb = F._lbeta
    alive = lambda k: mp.exp(lb(al + x, be + n - x) - lb(al, be) + lb(ga, de + k) - lb(ga, de))
    total = alive(n) + sum(mp.exp(lb(al + x, be + t_x - x + i) - lb(al, be)
                                  + lb(ga + 1, de + t_x + i) - lb(ga, de))
                           for i in range(n - t_x))
    return alive(n + 1) / total


def crosscheck():
    bad = 0
    mp.dps = 30
    for label, a, b in CROSS:
        va, vb = a(), b()
        if abs(va - vb) > mpf("1e-20") * abs(vb):
            bad += 1
            print("FAIL cross-check %s: %s vs %s" % (label, nstr(va, 20), nstr(vb, 20)))
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=("generate", "check", "crosscheck"))
    ap.add_argument("file", nargs="?")
    ap.add_argument("--per", type=int, default=40)
    ap.add_argument("--sample", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20240610)
    ap.add_argument("--only", help="regenerate these functions (comma-separated), keep the rest")
    a = ap.parse_args()
    if a.command == "generate":
        generate(a.file, a.per, a.seed, a.only.split(",") if a.only else None)
        return 0
    if a.command == "crosscheck":
        return 1 if crosscheck() else 0
    return 0 if check(a.file, a.sample, a.seed) else 1


if __name__ == "__main__":
    sys.exit(main())
