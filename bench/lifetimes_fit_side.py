#!/usr/bin/env python3
"""lifetimes_fit_side.py -- clvkit's fits side by side with lifetimes' own
fitters, on the same simulated customers, in one run (bench/README.md,
"## Scale").

lifetimes is not a dependency of clvkit: fetch it (and autograd, which
Debian 12 does not package) outside the tree and put them on PYTHONPATH;
lifetimes imports dill only to save models, so an empty dill.py will do.
Debian's python3-numpy, python3-scipy and python3-pandas run it:

    git clone https://github.com/CamDavidsonPilon/lifetimes   # tag v0.11.3
    git clone https://github.com/HIPS/autograd
    mkdir stubs && touch stubs/dill.py
    PYTHONPATH=stubs:autograd:lifetimes /usr/bin/python3 \\
        bench/lifetimes_fit_side.py build/bench/bench_scale [n [pnbd_n]]

Each fit runs in its own process: lifetimes' wall seconds and the peak
resident memory of its whole process (Python, numpy and the data
included); clvkit's side is `bench_scale <model> n exact`, best of 3 wall
seconds, and the memory its fit takes beyond the input arrays.
The parameters of both are printed, so the two fits can be compared.
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

FITTERS = {"bgnbd": "BetaGeoFitter", "mbgnbd": "ModifiedBetaGeoFitter",
           "pnbd": "ParetoNBDFitter"}


def lifetimes_child(model, path, n):
    """Runs in a child process: one lifetimes fit, prints wall s and params."""
    import numpy as np
    import lifetimes
    v = np.fromfile(path, dtype=np.float64).reshape(3, n)
    fitter = getattr(lifetimes, FITTERS[model])()
    t0 = time.perf_counter()
    fitter.fit(v[0], v[1], v[2])
    wall = time.perf_counter() - t0
    p = fitter.params_
    print(wall, " ".join("%.6g" % p[k] for k in p.index))


def lifetimes_fit(model, path, n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, __file__, "--child", model, path, str(n)],
                         check=True, capture_output=True, text=True).stdout.split()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return float(out[0]), max(peak, before) / 1024, " ".join(out[1:])


def clvkit_fit(bench, model, n, exact):
    best = None
    for _ in range(3):
        line = subprocess.run([bench, model, str(n), str(exact)], check=True,
                              capture_output=True, text=True).stdout.splitlines()[0].split()
        # model n[*] distinct wall s cpu s cpu evals "evals" MB "MB" B/row "B/row" ...
        wall, mb = float(line[3]), float(line[10])
        params = " ".join("%.6g" % float(v) for v in line[-4:])
        if best is None or wall < best[0]:
            best = (wall, mb, params)
    return best


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        lifetimes_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    bench = sys.argv[1] if len(sys.argv) > 1 else "build/bench/bench_scale"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    pnbd_n = int(sys.argv[3]) if len(sys.argv) > 3 else 200000
    cases = [("bgnbd", n, 0), ("bgnbd", n, 1), ("mbgnbd", n, 1), ("pnbd", pnbd_n, 1)]
    print("load average %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    print("%-8s %9s %-6s %10s %9s %10s %9s %8s" % (
        "fit", "customers", "times", "lifetimes", "peak MB", "clvkit", "MB extra", "ratio"))
    with tempfile.TemporaryDirectory() as d:
        for model, count, exact in cases:
            path = os.path.join(d, "c.bin")
            subprocess.run([bench, "export", str(count), str(exact), path], check=True)
            lt, lt_mb, lt_p = lifetimes_fit(model, path, count)
            ck, ck_mb, ck_p = clvkit_fit(bench, model, count, exact)
            print("%-8s %9d %-6s %9.2fs %9.0f %9.3fs %9.1f %7.0fx" % (
                model, count, "exact" if exact else "day", lt, lt_mb, ck, ck_mb, lt / ck))
            print("%27s lifetimes %s | clvkit %s" % ("", lt_p, ck_p))


if __name__ == "__main__":
    main()
