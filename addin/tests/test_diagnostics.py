"""The diagnostics of BG/NBD, MBG/NBD and Pareto/NBD in cells of a headless
Calc (issue 12): *_DERT per cell and as an array formula, *_STDERR,
*_PERIOD_COUNTS, *_HOLDOUT, *_HOLDOUT_ERRORS, *_TRACKING over the CDNOW
event log and *_MATRIX, their errors, then the workbook saved, reopened and
recomputed.

Every expected number is an outside figure: the independent mpmath
re-computation of tests/independent_diag (from the papers' formulas, never
from clvkit), BTYD's CDNOW tracking (2,457 and 4,339 cumulative repeat
transactions at weeks 39 and 78), the refdata's CDNOW summary (actual
counts per frequency), lifetimes' standard errors, or a hand value written
next to it.

usage: /usr/bin/python3 test_diagnostics.py OXT_DIR WORKDIR REFDATA_DIR INDEPENDENT_DIR
"""
import collections
import csv
import os
import sys

from mpmath import hyp2f1, mp, mpf

from office import (ERR_ILLEGAL_ARGUMENT, ERR_VALUE, Office, Report, cell_result,
                    store_and_check_names)

E502 = ("error", ERR_ILLEGAL_ARGUMENT)
VALUE = ("error", ERR_VALUE)
N = 2357
CBS = "$Data.B2:B2358;$Data.C2:C2358;$Data.D2:D2358"
X, TX, T, XH = "$Data.B2:B2358", "$Data.C2:C2358", "$Data.D2:D2358", "$Data.E2:E2358"
# The parameters the independent figures were computed at (diag_reference.py).
PARAMS = {"BGNBD": "{0.2425945;4.4136022;0.7929219;2.4259063}",
          "MBGNBD": "{0.5248432;6.1830852;0.8913593;1.6140020}",
          "PNBD": "{0.5532771;10.5776841;0.6062402;11.6687412}"}
MODELS = {"bgnbd": "BGNBD", "mbgnbd": "MBGNBD", "pnbd": "PNBD"}
mp.dps = 30
REL = 1e-6      # issue 12: the expected curves to 1e-6 relative
DERT_REL = 1e-7  # issue 12: DERT against the integral to 1e-7 relative

FOREVER = [f + m for f in ("BGNBD", "MBGNBD", "PNBD")
           for m in ("DERT", "PERIODCOUNTS", "HOLDOUT", "HOLDOUTERRORS", "TRACKING")] + [
               "BGNBDSTDERR", "BGNBDMATRIX"]

ERRORS = [
    ('=BGNBD_DERT(0;1;1;2;%s)' % PARAMS["BGNBD"], E502),            # delta must be > 0
    ('=BGNBD_DERT("a";1;1;2;%s)' % PARAMS["BGNBD"], VALUE),         # text
    ('=PNBD_DERT(0.01;1;3;2;%s)' % PARAMS["PNBD"], E502),           # t_x > T
    ('=BGNBD_DERT(0.01;1;1;2;{1;2;3})', E502),                      # three parameters
    ('=BGNBD_PERIOD_COUNTS(%s;%s;%s;0)' % (X, T, PARAMS["BGNBD"]), E502),   # top 0
    ('=BGNBD_PERIOD_COUNTS(%s;%s;%s;1.5)' % (X, T, PARAMS["BGNBD"]), E502),  # top 1.5
    ('=BGNBD_PERIOD_COUNTS(%s;$Data.D2:D10;%s)' % (X, PARAMS["BGNBD"]), E502),  # sizes
    ('=BGNBD_HOLDOUT(0;%s;%s;%s)' % (CBS, XH, PARAMS["BGNBD"]), E502),  # t must be > 0
    ('=BGNBD_HOLDOUT("x";%s;%s;%s)' % (CBS, XH, PARAMS["BGNBD"]), VALUE),
    ('=BGNBD_HOLDOUT_ERRORS(39;%s;$Data.H2:H2358;%s)' % (CBS, PARAMS["BGNBD"]), VALUE),  # text
    ('=BGNBD_TRACKING($Data.J1:J6919;$Data.K1:K6919;%s;"fortnight")' % PARAMS["BGNBD"],
     E502),
    ('=BGNBD_TRACKING($Data.J1:J6919;$Data.K1:K6919;%s;"week";-1)' % PARAMS["BGNBD"], E502),
    ('=BGNBD_TRACKING($Data.J1:J6919;$Data.K1:K6919;%s;"week";1;0;"1998-01-01")'
     % PARAMS["BGNBD"], E502),                                      # origin after the first day
    ('=BGNBD_MATRIX(2;10;{0;1};{0;5};%s)' % PARAMS["BGNBD"], E502),  # kind 0 or 1
    ('=BGNBD_MATRIX(1;10;{0;1};{0;11};%s)' % PARAMS["BGNBD"], E502),  # recency above T
    ('=BGNBD_STDERR(%s;{1;1;1;1})' % CBS, E502),                    # not a maximum
]


def read_csv(folder, name):
    with open(os.path.join(folder, name), newline="") as f:
        return list(csv.DictReader(f))


def fill_data(sheet, cbs, elog, lts):
    """A..E the CDNOW summary with the holdout counts, H a text column, J..K
    the CDNOW event log, M..O lifetimes' rounded summary."""
    sheet.getCellRangeByName("A2:E%d" % (N + 1)).setDataArray(tuple(
        (float(r["cust"]), float(r["x"]), float(r["t.x"]), float(r["T.cal"]),
         float(r["x.star"])) for r in cbs))
    sheet.getCellRangeByName("H2:H%d" % (N + 1)).setDataArray(
        tuple(("a",) for _ in range(N)))
    sheet.getCellRangeByName("J1:K%d" % len(elog)).setDataArray(tuple(
        (float(r["sampleid"]), float(r["date"])) for r in elog))
    sheet.getCellRangeByName("M1:O%d" % len(lts)).setDataArray(tuple(
        (float(r["x"]), float(r["t_x"]), float(r["T"])) for r in lts))


class Sheet:
    """Array formulas placed down column A, each below the last."""

    def __init__(self, sheet):
        self.sheet, self.row, self.cases = sheet, 0, []

    def array(self, name, formula, rows, cols, check):
        rng = self.sheet.getCellRangeByPosition(0, self.row, cols - 1, self.row + rows - 1)
        rng.setArrayFormula(formula)
        self.cases.append((name, self.row, rows, cols, check))
        self.row += rows + 1

    def cell(self, name, formula, check):
        self.sheet.getCellByPosition(0, self.row).setFormula(formula)
        self.cases.append((name, self.row, 1, 1, check))
        self.row += 1

    def check(self, report, when):
        for name, row, rows, cols, check in self.cases:
            got = [[cell_result(self.sheet.getCellByPosition(c, row + r)) for c in range(cols)]
                   for r in range(rows)]
            check(report, "%s %s" % (when, name), got)


def values_near(expected, rel=REL, absolute=0.0):
    """expected[r][c] (None: not checked) against the cells."""
    def check(report, name, got):
        for r, row in enumerate(expected):
            for c, e in enumerate(row):
                if e is None:
                    continue
                g = got[r][c]
                ok = g[0] == "value" and abs(g[1] - e) <= max(rel * abs(e), absolute)
                report.check("%s [%d,%d] = %r" % (name, r, c, e), ok, str(g))
    return check


def is_error(expected):
    def check(report, name, got):
        report.check(name, got[0][0] == expected, str(got[0][0]))
    return check


def write_cases(sheet, cbs, ind, btyd):
    s = Sheet(sheet)
    # DERT: every row of dert.csv, the independent integral (and Pareto/NBD's
    # closed form); then one array formula over three customers
    for d in ind["dert"]:
        fam = MODELS[d["model"]]
        f = "=%s_DERT(%s;%s;%s;%s;%s)" % (fam, d["delta"], d["x"], d["t_x"], d["T"], PARAMS[fam])
        want = float(d["integral"])
        s.cell("%s_DERT(%s, x=%s)" % (fam, d["delta"], d["x"]), f,
               values_near([[want]], DERT_REL))
        if d["model"] == "pnbd" and float(d["closed_form"]) > 0:
            s.cell("%s_DERT closed form (%s, x=%s)" % (fam, d["delta"], d["x"]), f,
                   values_near([[float(d["closed_form"])]], DERT_REL))
    bg = [d for d in ind["dert"] if d["model"] == "bgnbd"][:3]
    sheet.getCellRangeByName("H1:K3").setDataArray(tuple(
        (float(d["delta"]), float(d["x"]), float(d["t_x"]), float(d["T"])) for d in bg))
    s.array("BGNBD_DERT over ranges", "=BGNBD_DERT($Cases.H1:H3;$Cases.I1:I3;$Cases.J1:J3;"
            "$Cases.K1:K3;%s)" % PARAMS["BGNBD"], 3, 1,
            values_near([[float(d["integral"])] for d in bg], DERT_REL))

    # period counts: actual from the refdata's summary, expected independent
    actual = collections.Counter(min(int(r["x"]), 7) for r in cbs)
    for m, fam in MODELS.items():
        want = [[g, actual[g], float(ind["period_counts"][g][m])] for g in range(8)]
        s.array(fam + "_PERIOD_COUNTS", "=%s_PERIOD_COUNTS(%s;%s;%s)" % (fam, X, T, PARAMS[fam]),
                8, 3, values_near(want))
    # a top of 3: the rows from 3 on collected in the last
    pc = [float(ind["period_counts"][g]["bgnbd"]) for g in range(8)]
    s.array("BGNBD_PERIOD_COUNTS top 3", "=BGNBD_PERIOD_COUNTS(%s;%s;%s;3)"
            % (X, T, PARAMS["BGNBD"]), 4, 3,
            values_near([[g, actual[g], pc[g]] for g in range(3)]
                        + [[3, sum(actual[g] for g in range(3, 8)), sum(pc[3:])]]))

    # holdout by frequency over the 39 holdout weeks, and its errors
    for m, fam in MODELS.items():
        rows = [r for r in ind["holdout"] if r["model"] == m]
        groups = [[int(r["group"]), float(r["count"]), float(r["actual"]), float(r["expected"])]
                  for r in rows if r["group"].isdigit()]
        s.array(fam + "_HOLDOUT", "=%s_HOLDOUT(39;%s;%s;%s)" % (fam, CBS, XH, PARAMS[fam]),
                8, 4, values_near(groups))
        err = {r["group"]: float(r["expected"]) for r in rows if not r["group"].isdigit()}
        want = [[err["mae"], err["rmse"], err["actual_total"], err["expected_total"],
                 err["error_pct"]]]
        s.array(fam + "_HOLDOUT_ERRORS", "=%s_HOLDOUT_ERRORS(39;%s;%s;%s)"
                % (fam, CBS, XH, PARAMS[fam]), 1, 5, values_near(want))

    # tracking of the CDNOW event log, weekly from its first day
    for m, fam in MODELS.items():
        cum = [0.0] + [float(r["cum_transactions"]) for r in btyd]
        want = [[k + 1, cum[k + 1] - cum[k], cum[k + 1], None, float(ind["tracking"][k][m])]
                for k in range(78)]
        s.array(fam + "_TRACKING", '=%s_TRACKING($Data.J1:J6919;$Data.K1:K6919;%s;"week")'
                % (fam, PARAMS[fam]), 78, 5, values_near(want))
    # BTYD's figures by name: 2,457 at week 39, 4,339 at week 78; Dutch unit
    for week, cum in ((39, 2457), (78, 4339)):
        s.cell("BGNBD_TRACKING week %d" % week, '=INDEX(BGNBD_TRACKING($Data.J1:J6919;'
               '$Data.K1:K6919;%s;"weken";1;78);%d;3)' % (PARAMS["BGNBD"], week),
               values_near([[cum]], 0))
    # 13 periods of 6 weeks: the cumulative at period 13 is week 78's
    s.array("BGNBD_TRACKING 6-week periods", '=INDEX(BGNBD_TRACKING($Data.J1:J6919;'
            '$Data.K1:K6919;%s;"week";6);13;0)' % PARAMS["BGNBD"], 1, 5,
            values_near([[13, None, 4339, None, float(ind["tracking"][77]["bgnbd"])]]))

    # the matrices (FHL 2005, eqs. 10 and 13, by hand and mpmath): BG/NBD
    # P(alive) is 1 without repeat purchases, and 1 / (1 + a/b) for x = 1
    # at t_x = T; E[Y(t) | x = 0, T] = (a+b-1)/(a-1) [1 - ((alpha+T) /
    # (alpha+T+t))^r 2F1(r, b; a+b-1; t/(alpha+T+t))]
    r, alpha, a, b = [mpf(v) for v in PARAMS["BGNBD"].strip("{}").split(";")]
    sheet.getCellRangeByName("H5:H6").setDataArray(((0.0,), (1.0,)))   # frequencies
    sheet.getCellRangeByName("I5:K5").setDataArray(((0.0, 10.0, 20.0),))  # recencies
    s.array("BGNBD_MATRIX P(alive)", "=BGNBD_MATRIX(1;10;$Cases.H5:H6;$Cases.I5:J5;%s)"
            % PARAMS["BGNBD"],
            2, 2, values_near([[1, 1], [None, float(1 / (1 + a / b))]], 1e-12))

    def ey0(t, age):
        z = t / (alpha + age + t)
        return float((a + b - 1) / (a - 1) * (1 - ((alpha + age) / (alpha + age + t)) ** r
                                              * hyp2f1(r, b, a + b - 1, z)))
    s.array("BGNBD_MATRIX expected", "=BGNBD_MATRIX(0;20;$Cases.H5:H6;$Cases.I5:K5;%s;52)"
            % PARAMS["BGNBD"], 2, 3,
            values_near([[ey0(52, 20)] * 3, [None] * 3], 1e-9))

    # standard errors: lifetimes' BG/NBD at its fit on its rounded data
    s.array("BGNBD_STDERR (lifetimes)", "=BGNBD_STDERR($Data.M2:M2358;$Data.N2:N2358;"
            "$Data.O2:O2358;{0.242593;4.413532;0.792886;2.425752})", 1, 4,
            values_near([[0.012557, 0.378221, 0.185719, 0.705345]], 2e-3))

    for formula, expected in ERRORS:
        s.cell(formula, formula, is_error(expected))
    return s


def main(oxt_dir, workdir, refdata, independent):
    report = Report("diagnostics")
    os.makedirs(workdir, exist_ok=True)
    cbs = read_csv(refdata, "btyd_cdnowSummary_cbs.csv")
    elog = read_csv(refdata, "btyd_cdnowElog.csv")
    lts = read_csv(refdata, "lifetimes_cdnow_customers_summary_with_transactions.csv")
    btyd = read_csv(refdata, "btyd_cdnowSummary_cu_tracking.csv")
    ind = {name: read_csv(independent, name + ".csv")
           for name in ("dert", "period_counts", "holdout", "tracking")}
    report.check("BTYD's tracking has 78 weeks: 2457 at 39, 4339 at 78",
                 len(btyd) == 78 and btyd[38]["cum_transactions"] == "2457"
                 and btyd[77]["cum_transactions"] == "4339")
    saved = os.path.join(workdir, "diagnostics.ods")
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        doc.Sheets.getByIndex(0).Name = "Data"
        doc.Sheets.insertNewByName("Cases", 1)
        fill_data(doc.Sheets.getByName("Data"), cbs, elog, lts)
        cases = write_cases(doc.Sheets.getByName("Cases"), cbs, ind, btyd)
        doc.calculateAll()
        cases.check(report, "new")
        store_and_check_names(report, doc, saved, FOREVER)
        doc = office.open(saved)
        doc.calculateAll()
        cases.sheet = doc.Sheets.getByName("Cases")
        cases.check(report, "reopened")
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
