"""BGNBD_INTERVAL, MBGNBD_INTERVAL and PNBD_INTERVAL in a headless Calc
(issue 12 item 6): delta-method intervals of P(alive), the conditional
expectation and DERT, of one customer and of a sum over a range.

Every expected number is computed here, independently of clvkit: the
BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) on lifetimes'
CDNOW summary, its Hessian in ln(parameters) by central differences and
its inverse (checked first against lifetimes' published standard errors
0.012557, 0.378221, 0.185719, 0.705345), the predictions' gradients
(FHL 2005 eqs. 10 and 13, mpmath), se = sqrt(g' C g) and the interval on
the logit (one P(alive)) or log scale with the normal quantile.  For
MBG/NBD and Pareto/NBD: the centre equals the plain *_PALIVE /
*_EXPECTED cell, and ln(upper/lower) scales as the normal quantiles
1.6449 (90 %) and 1.9600 (95 %).

usage: /usr/bin/python3 test_interval.py OXT_DIR WORKDIR REFDATA_DIR
"""
import collections
import csv
import math
import os
import sys

from mpmath import erfinv, hyp2f1, matrix, mp, mpf, sqrt

from office import ERR_ILLEGAL_ARGUMENT, ERR_VALUE, Office, Report, cell_result

mp.dps = 30
E502 = ("error", ERR_ILLEGAL_ARGUMENT)
VALUE = ("error", ERR_VALUE)
LT = "$Data.A2:A2358;$Data.B2:B2358;$Data.C2:C2358"   # lifetimes' rounded summary
CBS = "$Data.E2:E2358;$Data.F2:F2358;$Data.G2:G2358"  # BTYD's summary
# lifetimes' BG/NBD fit on its data; the fits on BTYD's (tests/independent_diag)
BG = [0.242593, 4.413532, 0.792886, 2.425752]
PUBLISHED_SE = [0.012557, 0.378221, 0.185719, 0.705345]
PARAMS = {"MBGNBD": "{0.5248432;6.1830852;0.8913593;1.6140020}",
          "PNBD": "{0.5532771;10.5776841;0.6062402;11.6687412}"}


def read_csv(folder, name):
    with open(os.path.join(folder, name), newline="") as f:
        return list(csv.DictReader(f))


def bg_ll(lnp, rows):
    """FHL 2005 eq. 6 summed over the distinct customers (weights)."""
    r, alpha, a, b = (math.exp(v) for v in lnp)
    total = 0.0
    for (x, tx, T), w in rows.items():
        a1 = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha)
        a2 = math.lgamma(a + b) + math.lgamma(b + x) - math.lgamma(b) - math.lgamma(a + b + x)
        a3 = -(r + x) * math.log(alpha + T)
        ll = a1 + a2 + a3
        if x > 0:
            a4 = math.log(a) - math.log(b + x - 1) - (r + x) * math.log(alpha + tx)
            ll += math.log1p(math.exp(a4 - a3))
        total += w * ll
    return total


def covariance_ln(rows, p, h=1e-3):
    """Inverse of -Hessian of the log-likelihood in ln(parameters)."""
    lnp = [math.log(v) for v in p]

    def f(i, di, j, dj):
        q = list(lnp)
        q[i] += di
        q[j] += dj
        return bg_ll(q, rows)
    H = matrix(4, 4)
    for i in range(4):
        for j in range(4):
            H[i, j] = -(f(i, h, j, h) - f(i, h, j, -h) - f(i, -h, j, h) + f(i, -h, j, -h)) \
                / (4 * h * h)
    return H ** -1


def palive(p, x, tx, T):
    r, alpha, a, b = (mpf(v) for v in p)
    if x == 0:
        return mpf(1)
    return 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))


def conditional(p, t, x, tx, T):
    r, alpha, a, b = (mpf(v) for v in p)
    z = t / (alpha + T + t)
    e = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x)
                                     * hyp2f1(r + x, b + x, a + b + x - 1, z))
    return e * palive(p, x, tx, T)


def delta(f, p, C, h=mpf("1e-7")):
    """(estimate, se): the gradient of f in ln(parameters) and g' C g."""
    g = []
    for i in range(4):
        up, dn = list(p), list(p)
        up[i] = mpf(p[i]) * mp.exp(h)
        dn[i] = mpf(p[i]) * mp.exp(-h)
        g.append((f(up) - f(dn)) / (2 * h))
    var = sum(g[i] * C[i, j] * g[j] for i in range(4) for j in range(4))
    return f(p), sqrt(var)


def z(level):
    return sqrt(2) * erfinv(level)


def near(report, name, got, want, rel):
    ok = got[0] == "value" and abs(got[1] - float(want)) <= rel * abs(float(want))
    report.check("%s = %.9g" % (name, float(want)), ok, str(got))


def main(oxt_dir, workdir, refdata):
    report = Report("interval")
    os.makedirs(workdir, exist_ok=True)
    lts = read_csv(refdata, "lifetimes_cdnow_customers_summary_with_transactions.csv")
    cbs = read_csv(refdata, "btyd_cdnowSummary_cbs.csv")
    rows = collections.Counter((float(r["x"]), float(r["t_x"]), float(r["T"])) for r in lts)
    C = covariance_ln(rows, BG)
    for i in range(4):  # the independent covariance against lifetimes' figures
        se = BG[i] * math.sqrt(float(C[i, i]))
        report.check("independent se %d = %g" % (i, PUBLISHED_SE[i]),
                     abs(se - PUBLISHED_SE[i]) <= 2e-3 * PUBLISHED_SE[i], str(se))
    bg = "{%s}" % ";".join(str(v) for v in BG)
    one = (2, 30.43, 38.86)                    # lifetimes' customer 1
    three = [(2, 30.43, 38.86), (1, 1.71, 38.86), (0, 0, 38.86)]
    cases = []  # (name, formula, check(report, name, [est, lo, hi, se]))

    def logit_interval(level):
        est, se = delta(lambda p: palive(p, *one), BG, C)
        L, sL = mp.log(est / (1 - est)), se / (est * (1 - est))
        lo, hi = (1 / (1 + mp.exp(-(L + s * z(level) * sL))) for s in (-1, 1))
        return [est, lo, hi, se]

    def log_interval(f, level):
        est, se = delta(f, BG, C)
        return [est, est * mp.exp(-z(level) * se / est), est * mp.exp(z(level) * se / est), se]

    def expect(want, rel=1e-5):
        def check(report, name, got):
            near(report, name + " estimate", got[0], want[0], 1e-7)
            for k, what in ((1, "lower"), (2, "upper"), (3, "se")):
                near(report, "%s %s" % (name, what), got[k], want[k], rel)
        return check

    for level in (0.9, 0.95):
        cases.append(("BGNBD P(alive) %g" % level,
                      "=BGNBD_INTERVAL(0;1;2;30.43;38.86;%s;%s;%g)" % (bg, LT, level),
                      expect(logit_interval(level))))
    cases.append(("BGNBD E[Y(10)] of three",
                  "=BGNBD_INTERVAL(1;10;{2;1;0};{30.43;1.71;0};{38.86;38.86;38.86};%s;%s)"
                  % (bg, LT),
                  expect(log_interval(lambda p: sum(conditional(p, 10, *c) for c in three),
                                      0.9))))

    # MBG/NBD and Pareto/NBD: the centre is the plain prediction, the
    # log-scale width goes with the normal quantile.
    first = len(cases)
    plain = []
    for fam in ("MBGNBD", "PNBD"):
        for level in (0.9, 0.95):
            cases.append(("%s E[Y(10)] %g" % (fam, level),
                          "=%s_INTERVAL(1;10;{2;1};{30.43;1.71};{38.86;38.86};%s;%s;%g)"
                          % (fam, PARAMS[fam], CBS, level), None))
        plain.append((fam, "=SUM(%s_EXPECTED(10;{2;1};{30.43;1.71};{38.86;38.86};%s))"
                      % (fam, PARAMS[fam])))
        cases.append(("%s P(alive) in [0, 1]" % fam,
                      "=%s_INTERVAL(0;1;1;1.71;38.86;%s;%s;0.999)" % (fam, PARAMS[fam], CBS),
                      None))
    cases.append(("BGNBD DERT", "=BGNBD_INTERVAL(3;0.01;2;30.43;38.86;%s;%s)" % (bg, LT), None))
    plain.append(("BGNBD", "=BGNBD_DERT(0.01;2;30.43;38.86;%s)" % bg))
    errors = [("=BGNBD_INTERVAL(5;1;1;1;2;%s;%s)" % (bg, LT), E502),     # kind 0..3
              ('=BGNBD_INTERVAL("a";1;1;1;2;%s;%s)' % (bg, LT), VALUE),   # text
              ("=BGNBD_INTERVAL(0;1;1;1;2;%s;%s;1.5)" % (bg, LT), E502),  # level in (0, 1)
              ("=BGNBD_INTERVAL(0;1;1;3;2;%s;%s)" % (bg, LT), E502),      # t_x > T
              ("=BGNBD_INTERVAL(3;0;1;1;2;%s;%s)" % (bg, LT), E502),      # delta must be > 0
              ("=BGNBD_INTERVAL(0;1;1;1;2;{1;1;1;1};%s)" % LT, E502)]     # not a maximum

    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        data = doc.Sheets.getByIndex(0)
        data.Name = "Data"
        data.getCellRangeByName("A2:C2358").setDataArray(tuple(
            (float(r["x"]), float(r["t_x"]), float(r["T"])) for r in lts))
        data.getCellRangeByName("E2:G2358").setDataArray(tuple(
            (float(r["x"]), float(r["t.x"]), float(r["T.cal"])) for r in cbs))
        doc.Sheets.insertNewByName("Cases", 1)
        sheet = doc.Sheets.getByName("Cases")
        for row, (_, formula, _) in enumerate(cases):
            sheet.getCellRangeByPosition(0, row, 3, row).setArrayFormula(formula)
        base = len(cases) + 1
        for k, (_, formula) in enumerate(plain):
            sheet.getCellByPosition(0, base + k).setFormula(formula)
        for k, (formula, _) in enumerate(errors):
            sheet.getCellByPosition(0, base + len(plain) + k).setFormula(formula)
        doc.calculateAll()
        got = [[cell_result(sheet.getCellByPosition(c, r)) for c in range(4)]
               for r in range(len(cases))]
        for (name, _, check), g in zip(cases, got):
            if check:
                check(report, name, g)
        quantiles = float(z(0.95) / z(0.9))
        dert = got[len(cases) - 1]
        near(report, "BGNBD DERT centre = plain BGNBD_DERT", dert[0],
             cell_result(sheet.getCellByPosition(0, base + len(plain) - 1))[1], 1e-12)
        report.check("BGNBD DERT lower < centre < upper", dert[1][1] < dert[0][1] < dert[2][1],
                     str(dert))
        for k, (fam, _) in enumerate(plain[:-1]):
            i90, i95, ip = got[first + 3 * k: first + 3 * k + 3]
            want = cell_result(sheet.getCellByPosition(0, base + k))
            near(report, fam + " centre = plain _EXPECTED", i90[0], want[1], 1e-12)
            w90 = math.log(i90[2][1] / i90[1][1])
            w95 = math.log(i95[2][1] / i95[1][1])
            report.check("%s width 95/90 = 1.9600/1.6449" % fam,
                         abs(w95 / w90 - quantiles) <= 1e-9, "%r" % (w95 / w90))
            report.check("%s 99.9%% P(alive) inside [0, 1]" % fam,
                         all(v[0] == "value" for v in ip)
                         and 0 < ip[1][1] < ip[0][1] < ip[2][1] < 1, str(ip))
        for k, (formula, want) in enumerate(errors):
            g = cell_result(sheet.getCellByPosition(0, base + len(plain) + k))
            report.check(formula, g == want, str(g))
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
