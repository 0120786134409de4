"""The committed template workbooks of examples/calc/ open, recompute to
their known values, react to their inputs, carry a chart, the article-002
comment and the LTV:CAC traffic light, and keep inputs (cell style "Input")
apart from formulas.  Every expected number is a hand computation from the
template's inputs, written next to it, or for the model templates an
outside figure of ../shared/refdata (reference_values.csv, the CDNOW
summary's counts), named next to it.  A value (x, tol) is held to tol
relative (absolute below 1).

usage: /usr/bin/python3 test_templates.py OXT_DIR WORKDIR EXAMPLES_DIR
"""
import csv
import os
import sys

from office import Office, Report, cell_result

# cell: expected value; from the inputs each template is made with.
KNOWN = {
    "clv-calculator.ods": {
        # 1. simple: aov x freq x years
        "C17": 1800, "D17": 16000, "E17": 320, "F17": 3600,
        # 2. net: minus one-off and yearly x years (D: 16000-500-200x8)
        "C18": 1800, "D18": 13900, "E18": 290, "F18": 2800,
        # 2b. on margin: 1800x0.4; 16000x0.6-500-1600; 320x0.3-20-10; 3600x0.5-300-500
        "C19": 720, "D19": 7500, "E19": 66, "F19": 1000,
        # 3. m r / (1 + d - r) with m = aov x freq x margin: 240x0.8/0.3, 1200x0.9/0.18, ...
        "C20": 640, "D20": 6000, "E20": 57.6, "F20": 1224,
        "C22": 5, "D22": 10, "E22": 2.5, "F22": 1 / 0.15,
        # the articles' examples (catalogue): 004 and 002 (not the printed 14,900)
        "C25": 1800, "C26": 13900,
    },
    "acquisition-budget.ods": {
        # CAC per channel and blended (10000 / 50)
        "E7": 250, "E8": 150, "E9": 200, "E10": 200,
        # payback: CAC / (50 x 0.4)
        "F7": 12.5, "F8": 7.5, "F9": 10, "F10": 10,
        # LTV:CAC: 720 / CAC
        "G7": 2.88, "G8": 4.8, "G9": 3.6, "G10": 3.6,
        "C17": 240,       # 720 / 3
        "C22": 10,        # article 002: 200 x 5%
        "C25": 2,         # 200 x 20% x 5%
    },
    "scenarios.ods": {
        # aov x 0.4 / churn
        "B10": 1000, "C11": 1000, "D12": 1000, "E13": 800, "F14": 600, "B14": 6000,
        # max CAC: a third of the value above it
        "B17": 1000 / 3, "F21": 200,
    },
    "predictive-clv.ods": {
        "C10": 1.1 ** (1 / 52) - 1,          # hand: 10% a year, per week
        # fits on CDNOW: the independent MLE re-computations (Pareto/NBD's
        # beta is flat: loosely)
        "C13": (0.2425945, 1e-5), "D13": (4.4136022, 1e-5), "E13": (0.7929219, 1e-5),
        "F13": (2.4259063, 1e-5), "G13": (-9582.429207, 1e-7),
        "C14": (0.5248432, 1e-5), "D14": (6.1830852, 1e-5), "E14": (0.8913593, 1e-5),
        "F14": (1.6140020, 1e-5), "G14": (-9582.135716, 1e-7),
        "C15": (0.5532771, 1e-5), "D15": (10.5776841, 1e-5), "E15": (0.6062402, 1e-5),
        "F15": (11.6687412, 1e-3), "G15": (-9594.976179, 1e-7),
        "C16": (6.2495730, 1e-5), "D16": (3.7442248, 1e-5), "E16": (15.4435198, 1e-5),
        "F16": (-4055.917695, 1e-7),
        # the CDNOW summary: customers, repeat buyers, sum x, holdout (README)
        "C19": 2357, "C20": 946, "C21": 2457, "C22": 1882,
        # customer 1516: Pareto/NBD P(alive) recomputed at the exact MLE;
        # E[Y(52)] BTYD 2.4: 25.76 (BG/NBD), 25.46 (Pareto/NBD)
        "C32": 26, "C37": (0.9978734, 5e-8), "C38": (25.76, 5e-3 / 25.76), "C39": (25.46, 5e-3 / 25.46),
    },
    "subscription-retention.ods": {
        # sBG on High End years 0-7: recomputed (FH 2007 print 0.668, 3.806, -1611.2)
        "C22": (0.668088, 1e-5), "D22": (3.806095, 1e-5), "E22": (-1611.158, 6e-7),
        "F19": (378.0, 0.05 / 378),           # 1000 x S(12), S(12) = 0.3780
        "C27": (5.922255, 1e-6),              # DEL(0.10)
        "D30": (5.414481, 1e-6), "D31": (5.901379, 1e-6), "D32": (6.293893, 1e-6),
        "D33": (6.619922, 1e-6), "D34": (6.896708, 1e-6), "D35": (7.529629, 1e-6),   # DERL(0.10; n)
        "E30": (30 * 5.414481, 1e-6),         # margin x DERL
    },
}

# An input changed, and a dependent cell's new value (hand computation).
WHAT_IF = {
    "clv-calculator.ods": ("C7", 60, "C17", 2160),          # 60 x 12 x 3
    "acquisition-budget.ods": ("D7", 25, "E7", 200),        # 5000 / 25
    "scenarios.ods": ("B6", 0.5, "C11", 1250),              # 50 x 0.5 / 0.02
    # customer 1: Gamma-Gamma spend 24.65 (Hardie's spreadsheet, 2 decimals)
    "predictive-clv.ods": ("C31", 1, "C40", (24.65, 5e-3 / 24.65)),
    "subscription-retention.ods": ("C25", 60, "E30", (60 * 5.414481, 1e-6)),  # margin x DERL
}


# The Diagnostics sheet of predictive-clv.ods against the independent
# re-computation of tests/independent_diag (diag_reference.py, mpmath, the
# papers' formulas at the MLE rounded to 7 digits; measured 6e-7: 2e-6).
DIAG_MODELS = ("bgnbd", "mbgnbd", "pnbd")


def independent(examples_dir, name):
    path = os.path.join(examples_dir, "..", "..", "tests", "independent_diag", name)
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def check_diagnostics(report, doc, examples_dir):
    """Period counts (rows 9-16), holdout by frequency (rows 20-27),
    holdout errors (rows 31-33) and tracking (J41:N118) of the Diagnostics
    sheet."""
    sheet = doc.Sheets.getByName("Diagnostics")
    value = lambda ref: cell_result(sheet.getCellRangeByName(ref))
    holdout = independent(examples_dir, "holdout.csv")
    for k, row in enumerate(independent(examples_dir, "period_counts.csv")):
        count = next(h for h in holdout if h["model"] == "bgnbd" and h["group"] == str(k))["count"]
        report.expect("Diagnostics D%d actual customers, x group %d" % (9 + k, k),
                      value("D%d" % (9 + k)), float(count), 1e-12)
        for letter, m in zip("EFG", DIAG_MODELS):
            report.expect("Diagnostics %s%d %s expected, x group %d" % (letter, 9 + k, m, k),
                          value("%s%d" % (letter, 9 + k)), float(row[m]), 2e-6)
    errors = ("mae", "rmse", "actual_total", "expected_total", "error_pct")
    for i, m in enumerate(DIAG_MODELS):
        rows = {h["group"]: h for h in holdout if h["model"] == m}
        for k in range(8):
            r = 20 + k
            if i == 0:
                report.expect("Diagnostics D%d customers" % r, value("D%d" % r),
                              float(rows[str(k)]["count"]), 1e-12)
                report.expect("Diagnostics E%d actual mean" % r, value("E%d" % r),
                              float(rows[str(k)]["actual"]), 1e-9)
            ref = "%s%d" % ("FGH"[i], r)
            report.expect("Diagnostics %s %s expected mean" % (ref, m), value(ref),
                          float(rows[str(k)]["expected"]), 2e-6)
        for j, e in enumerate(errors):
            ref = "%s%d" % ("CDEFG"[j], 31 + i)
            report.expect("Diagnostics %s %s %s" % (ref, m, e), value(ref), float(rows[e]["expected"]), 2e-6)
    # tracking (rows 41-118: week, actual, BG/NBD, MBG/NBD, Pareto/NBD,
    # cumulative) against BTYD's actual and the independent expected curves
    with open(os.path.join(examples_dir, "..", "..", "tests", "data", "refdata",
                           "btyd_cdnowSummary_cu_tracking.csv"), newline="") as f:
        actual = [float(r["cum_transactions"]) for r in csv.DictReader(f)]
    for k, row in enumerate(independent(examples_dir, "tracking.csv")):
        r = 41 + k
        report.expect("Diagnostics J%d week" % r, value("J%d" % r), float(row["week"]), 0)
        report.expect("Diagnostics K%d actual cumulative (BTYD)" % r, value("K%d" % r), actual[k], 0)
        for letter, m in zip("LMN", DIAG_MODELS):
            report.expect("Diagnostics %s%d %s expected cumulative" % (letter, r, m),
                          value("%s%d" % (letter, r)), float(row[m]), 2e-6)
    report.expect("Diagnostics J119 the calibration's end", value("J119"), 39.0, 0)
    report.check("Diagnostics has its three charts", sheet.Charts.getCount() == 3)
    check_cells(report, "predictive-clv.ods", sheet)


def check_cells(report, name, sheet):
    """Every formula computes and is no input; every number is an input."""
    for cell in used_cells(sheet):
        kind = cell.getType().value
        where = "%s %s" % (name, cell.AbsoluteName)
        if kind == "FORMULA":
            report.check(where + " computes", cell.getError() == 0, str(cell.getError()))
            report.check(where + " formula is no input", cell.CellStyle != "Input")
        elif kind == "VALUE":
            report.check(where + " number is a yellow input", cell.CellStyle == "Input")


def used_cells(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.RangeAddress
    for r in range(end.EndRow + 1):
        for c in range(end.EndColumn + 1):
            yield sheet.getCellByPosition(c, r)


def check_book(report, office, path):
    name = os.path.basename(path)
    doc = office.open(path)
    report.check(name + " opens", doc is not None)
    if doc is None:
        return
    sheet = doc.Sheets.getByIndex(0)
    doc.calculateAll()
    for ref, expected in KNOWN[name].items():
        expected, tol = expected if isinstance(expected, tuple) else (expected, 1e-9)
        report.expect("%s %s" % (name, ref), cell_result(sheet.getCellRangeByName(ref)), expected, tol)
    report.check(name + " has a chart", sheet.Charts.getCount() >= 1)
    check_cells(report, name, sheet)
    if name == "predictive-clv.ods":
        check_diagnostics(report, doc, os.path.dirname(path))
    ref, value, dependent, expected = WHAT_IF[name]
    expected, tol = expected if isinstance(expected, tuple) else (expected, 1e-9)
    sheet.getCellRangeByName(ref).setValue(value)
    doc.calculateAll()
    report.expect("%s: %s = %s gives %s" % (name, ref, value, dependent),
                  cell_result(sheet.getCellRangeByName(dependent)), expected, tol)
    if name == "clv-calculator.ods":
        shown = [sheet.getCellRangeByName("%s%d" % (c, r)).getString() for c in "CDEF" for r in (17, 21)]
        report.check("money shows in euros", all(s.startswith("\u20ac") for s in shown), repr(shown))
        notes = [a.String for a in sheet.Annotations]
        report.check("the article-002 slip is explained at C26",
                     any("14,900" in n and "13,900" in n and "14.900" in n for n in notes)
                     and sheet.getCellRangeByName("C26").Annotation.String != "")
    if name == "predictive-clv.ods":
        # Step 1 on the Log sheet: RFM_SUMMARY of customers 1-10's log gives
        # their rows of BTYD's summary (the Customers sheet's inputs).
        log, customers = doc.Sheets.getByName("Log"), doc.Sheets.getByName("Customers")
        for i in range(10):
            for mine, theirs in zip("FGHIJK", "ABCDFE"):
                want = customers.getCellRangeByName("%s%d" % (theirs, 2 + i)).getValue()
                report.expect("Log %s%d" % (mine, 8 + i),
                              cell_result(log.getCellRangeByName("%s%d" % (mine, 8 + i))), want, 1e-9)
    if name == "acquisition-budget.ods":
        cf = sheet.getCellRangeByName("G7:G10").ConditionalFormat
        first = cf.getByIndex(0) if cf.getCount() else None
        report.check("LTV:CAC traffic light at 3", cf.getCount() == 3 and first.Formula1 == "3"
                     and first.Operator.value == "GREATER_EQUAL" and first.StyleName == "Healthy")
    doc.close(True)


def main(oxt_dir, workdir, examples_dir):
    report = Report("templates")
    with Office(oxt_dir, workdir) as office:
        for name in sorted(KNOWN):
            check_book(report, office, os.path.join(examples_dir, name))
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
