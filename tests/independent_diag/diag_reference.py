#!/usr/bin/env python3
"""Independent figures for clvkit's diagnostics, DERT and Tricomi U.

Computed from the papers' formulas with mpmath (30 digits), never from
clvkit:
  - BG/NBD: Fader, Hardie & Lee (2005), Marketing Science 24(2), eqs. 8-10;
  - MBG/NBD: Batislam, Denizel & Filiztekin (2007), from its latent story
    (drop-out chances at time 0 and after every purchase);
  - Pareto/NBD: Schmittlein, Morrison & Colombo (1987); P(X(t)=x) and
    P(alive) as integrals over the death time; DERT in closed form from
    Fader, Hardie & Lee (2005), JMR 42, eq. 2.
DERT of every model is also delta * int_0^inf e^(-delta t) E[Y(t)|...] dt by
mpmath quadrature of the closed-form conditional expectation.

Usage:  diag_reference.py REFDATA_DIR OUT_DIR [--dert | --hyperu]
            (writes the CSVs; --dert only dert.csv and hyperu.csv,
            --hyperu only hyperu.csv)
        diag_reference.py REFDATA_DIR OUT_DIR --verify
            (recomputes a subset and compares with the CSVs in OUT_DIR)
"""
import csv
import datetime
import os
import sys

from mpmath import mp, mpf, beta, gamma, hyp2f1, hyperu, quad, exp, inf, \
    loggamma, log

mp.dps = 30

# The exact maximum-likelihood parameters on CDNOW (reference_values.csv);
# fixed here so both sides evaluate the same models.
PARAMS = {
    "bgnbd": [mpf("0.2425945"), mpf("4.4136022"), mpf("0.7929219"),
              mpf("2.4259063")],
    "mbgnbd": [mpf("0.5248432"), mpf("6.1830852"), mpf("0.8913593"),
               mpf("1.6140020")],
    "pnbd": [mpf("0.5532771"), mpf("10.5776841"), mpf("0.6062402"),
             mpf("11.6687412")],
}
MODELS = ["bgnbd", "mbgnbd", "pnbd"]


def nbd(r, alpha, x, t):
    """P(N(t) = x) of a Poisson process with a Gamma(r, alpha) rate."""
    return exp(loggamma(r + x) - loggamma(r) - loggamma(x + 1)) * \
        (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** x


def expected(model, t):
    """E[X(t)] of a new customer."""
    t = mpf(t)
    if t == 0:
        return mpf(0)
    if model == "pnbd":
        r, alpha, s, b = PARAMS[model]
        return r * b / (alpha * (s - 1)) * (1 - (b / (b + t)) ** (s - 1))
    r, alpha, a, b = PARAMS[model]
    z = t / (alpha + t)
    if model == "bgnbd":
        return (a + b - 1) / (a - 1) * \
            (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))
    return b / (a - 1) * \
        (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, z))


def pmf(model, x, t):
    """P(X(t) = x) from the latent story (see the module docstring)."""
    t = mpf(t)
    if model == "pnbd":
        r, alpha, s, b = PARAMS[model]
        alive = nbd(r, alpha, x, t) * (b / (b + t)) ** s
        dead = quad(lambda u: s * b ** s / (b + u) ** (s + 1) *
                    nbd(r, alpha, x, u), [0, t])
        return alive + dead
    r, alpha, a, b = PARAMS[model]
    shift = 1 if model == "mbgnbd" else 0   # MBG: a chance at time 0 too
    below = sum(nbd(r, alpha, j, t) for j in range(x))   # P(N < x)
    # (1-p)^(x-1+shift) [P(N = x) + p P(N > x)]
    e0 = beta(a, b + x - 1 + shift) / beta(a, b)
    e1 = beta(a + 1, b + x - 1 + shift) / beta(a, b)
    if x == 0 and shift == 0:     # BG/NBD: no drop-out before a purchase
        return nbd(r, alpha, 0, t)
    nx = nbd(r, alpha, x, t)
    return e0 * nx + e1 * (1 - below - nx)


def palive(model, x, tx, T):
    x, tx, T = mpf(x), mpf(tx), mpf(T)
    if model == "pnbd":
        r, alpha, s, b = PARAMS[model]
        # likelihood given alive at T and given death at u in (t_x, T]
        la = (alpha + T) ** -(r + x) * (b / (b + T)) ** s
        ld = quad(lambda u: (alpha + u) ** -(r + x) * s * b ** s /
                  (b + u) ** (s + 1), [tx, T]) if T > tx else 0
        return la / (la + ld)
    r, alpha, a, b = PARAMS[model]
    ratio = ((alpha + T) / (alpha + tx)) ** (r + x)
    if model == "bgnbd":
        return 1 / (1 + a / (b + x - 1) * ratio) if x > 0 else mpf(1)
    return 1 / (1 + a / (b + x) * ratio)


def conditional(model, t, x, tx, T, pa=None):
    """E[Y(t) | x, t_x, T] (pa: P(alive) when already known)."""
    t, x, T = mpf(t), mpf(x), mpf(T)
    pa = palive(model, x, tx, T) if pa is None else pa
    if model == "pnbd":
        r, alpha, s, b = PARAMS[model]
        return pa * (r + x) * (b + T) / ((alpha + T) * (s - 1)) * \
            (1 - ((b + T) / (b + T + t)) ** (s - 1))
    r, alpha, a, b = PARAMS[model]
    z = t / (alpha + T + t)
    lead = ((alpha + T) / (alpha + T + t)) ** (r + x)
    if model == "bgnbd":
        return pa * (a + b + x - 1) / (a - 1) * \
            (1 - lead * hyp2f1(r + x, b + x, a + b + x - 1, z))
    return pa * (a + b + x) / (a - 1) * \
        (1 - lead * hyp2f1(r + x, b + x + 1, a + b + x, z))


def dert_integral(model, delta, x, tx, T):
    delta = mpf(delta)
    pa = palive(model, x, tx, T)
    return delta * quad(lambda t: exp(-delta * t) *
                        conditional(model, t, x, tx, T, pa),
                        [0, 1, 10, 100, 1000, inf])


def dert_closed_pnbd(delta, x, tx, T):
    """FHL 2005 (JMR) eq. 2, with the likelihood written through P(alive)."""
    r, alpha, s, b = PARAMS["pnbd"]
    delta, x, T = mpf(delta), mpf(x), mpf(T)
    return palive("pnbd", x, tx, T) * (r + x) / (alpha + T) * \
        (b + T) ** s * delta ** (s - 1) * hyperu(s, s, delta * (b + T))


# ---- data -----------------------------------------------------------------

def read_cbs(refdata):
    rows = []
    with open(os.path.join(refdata, "btyd_cdnowSummary_cbs.csv")) as f:
        for rec in csv.DictReader(f):
            rows.append((int(rec["x"]), mpf(rec["t.x"]), mpf(rec["T.cal"]),
                         int(rec["x.star"])))
    return rows


def read_births(refdata):
    """Birth of every customer in weeks from the log's first day."""
    first = {}
    with open(os.path.join(refdata, "btyd_cdnowElog.csv")) as f:
        for rec in csv.DictReader(f):
            d = datetime.date(int(rec["date"][:4]), int(rec["date"][4:6]),
                              int(rec["date"][6:]))
            c = rec["sampleid"]
            first[c] = min(first.get(c, d), d)
    origin = min(first.values())
    days = [(d - origin).days for d in first.values()]
    return days


def tracking(model, births, weeks):
    cache = {}
    out = []
    for k in weeks:
        total = mpf(0)
        for d in births:
            if d < 7 * k:
                age = 7 * k - d
                if age not in cache:
                    cache[age] = expected(model, mpf(age) / 7)
                total += cache[age]
        out.append(total)
    return out


def period_counts(model, cbs, top=7):
    by_T = {}
    for (_, _, T, _) in cbs:
        by_T[T] = by_T.get(T, 0) + 1
    exp_ = [mpf(0)] * (top + 1)
    for T, w in by_T.items():
        rest = mpf(1)
        for g in range(top):
            p = pmf(model, g, T)
            exp_[g] += w * p
            rest -= p
        exp_[top] += w * rest
    return exp_


def holdout(model, cbs, t=39, top=7):
    cache = {}
    cnt = [0] * (top + 1)
    act = [mpf(0)] * (top + 1)
    exp_ = [mpf(0)] * (top + 1)
    ae = se = at = et = mpf(0)
    for (x, tx, T, xs) in cbs:
        key = (x, tx, T)
        if key not in cache:
            cache[key] = conditional(model, t, x, tx, T)
        e = cache[key]
        g = min(x, top)
        cnt[g] += 1
        act[g] += xs
        exp_[g] += e
        ae += abs(e - xs)
        se += (e - xs) ** 2
        at += xs
        et += e
    n = len(cbs)
    groups = [(cnt[g], act[g] / cnt[g], exp_[g] / cnt[g])
              for g in range(top + 1)]
    return groups, (ae / n, mp.sqrt(se / n), at, et, 100 * (et - at) / at)


DERT_CUSTOMERS = [(0, 0, 38.857142857142854), (1, 1.7142857142857142, 38.857142857142854),
                  (2, 30.428571428571427, 38.857142857142854),
                  (26, 30.857142857142858, 31.0), (5, 10, 39), (3, 2, 30)]
DERT_DELTAS = ["0.0019", "0.05"]   # ~10 % a year in weeks, and 5 % a week
HYPERU = [(0.6, 0.6, 0.07), (0.6062402, 0.6062402, 0.1), (1.5, 1.5, 2.0),
          (3.2, 3.2, 0.004), (27.2, 27.2, 0.08), (0.01, 2.5, 30.0),
          (2.0, -3.5, 5.0), (150.0, 150.0, 1e-3), (0.5, 0.5, 1e4),
          (5.0, 0.3, 1e-6), (0.001, 0.001, 0.5), (1e3, 1e3, 0.02),
          (1e4, 1e4, 3.0), (0.3, 5.0, 1e-8), (2.5, 2.5, 1e8)]


def fmt(v):
    return mp.nstr(v, 20, min_fixed=-3, max_fixed=0) if v != 0 else "0"


def write(out_dir, name, header, rows):
    with open(os.path.join(out_dir, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(v) if not isinstance(v, (int, str)) else v
                        for v in r])


def generate(refdata, out_dir, only=None):
    if only == "--dert":
        return generate_dert(out_dir)
    if only == "--hyperu":
        return generate_hyperu(out_dir)
    cbs = read_cbs(refdata)
    births = read_births(refdata)
    weeks = list(range(1, 79))
    cols = [tracking(m, births, weeks) for m in MODELS]
    write(out_dir, "tracking.csv", ["week"] + MODELS,
          [[k] + [c[i] for c in cols] for i, k in enumerate(weeks)])
    pc = [period_counts(m, cbs) for m in MODELS]
    write(out_dir, "period_counts.csv", ["group"] + MODELS,
          [[g] + [c[g] for c in pc] for g in range(8)])
    rows = []
    for m in MODELS:
        groups, err = holdout(m, cbs)
        for g, (c, a, e) in enumerate(groups):
            rows.append([m, str(g), c, a, e])
        for name, v in zip(["mae", "rmse", "actual_total", "expected_total",
                            "error_pct"], err):
            rows.append([m, name, 0, 0, v])
    write(out_dir, "holdout.csv", ["model", "group", "count", "actual",
                                   "expected"], rows)
    generate_dert(out_dir)


def generate_dert(out_dir):
    rows = []
    for m in MODELS:
        for d in DERT_DELTAS:
            for (x, tx, T) in DERT_CUSTOMERS:
                rows.append([m, d, x, mpf(tx), mpf(T),
                             dert_integral(m, d, x, tx, T),
                             dert_closed_pnbd(d, x, tx, T) if m == "pnbd"
                             else mpf(0)])
    write(out_dir, "dert.csv", ["model", "delta", "x", "t_x", "T",
                                "integral", "closed_form"], rows)
    generate_hyperu(out_dir)


def generate_hyperu(out_dir):
    write(out_dir, "hyperu.csv", ["a", "b", "z", "U", "lnU"],
          [[mpf(a), mpf(b), mpf(z), hyperu(a, b, z), log(hyperu(a, b, z))]
           for a, b, z in HYPERU])


def verify(refdata, out_dir):
    """Recomputes a subset and compares with the checked-in figures."""
    bad = 0

    def near(what, got, want, rel=1e-12):
        nonlocal bad
        if abs(got - want) > rel * max(abs(want), mpf("1e-300")):
            print(f"{what}: recomputed {got}, file {want}")
            bad += 1

    def read(name):
        with open(os.path.join(out_dir, name)) as f:
            return list(csv.DictReader(f))

    births = read_births(refdata)
    tr = read("tracking.csv")
    for k in (1, 39, 78):
        for m in MODELS:
            near(f"tracking {m} week {k}", tracking(m, births, [k])[0],
                 mpf(tr[k - 1][m]))
    pc = read("period_counts.csv")
    cbs = read_cbs(refdata)
    near("period counts bgnbd", period_counts("bgnbd", cbs)[2],
         mpf(pc[2]["bgnbd"]))
    for row in read("dert.csv")[::5]:
        args = (row["delta"], int(row["x"]), mpf(row["t_x"]), mpf(row["T"]))
        near(f"dert {row['model']} {args}", dert_integral(row["model"], *args),
             mpf(row["integral"]))
    for row in read("hyperu.csv"):
        near("hyperu", hyperu(mpf(row["a"]), mpf(row["b"]), mpf(row["z"])),
             mpf(row["U"]))
    print("verify:", "FAILED" if bad else "ok")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    if "--verify" in sys.argv[3:]:
        sys.exit(verify(sys.argv[1], sys.argv[2]))
    generate(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3
             else None)
