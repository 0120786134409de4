"""Recalculation cost of the Calc add-in against LibreOffice itself, in ONE
headless LibreOffice, so both sides of every ratio come from the same run:

  native         =A1*B1*C1-D1                  the floor of any formula
  OPT_PROB_HIT   LibreOffice's own Pricing add-in, six arguments: the floor
                 of any add-in call (Calc prices every add-in call alike)
  per cell       each clvkit function of single-value arguments, filled
                 down, one add-in call per row
  array          {=CLV(A1:A<n>;B1:B<n>;C1:C<n>;D1:D<n>)}: one call for all
                 rows (with and without the optional cost column)

Each case is timed as a full recalculation (calculateAll), median of 5, at
50,000 and 100,000 rows.  Per-cell cases print their cost against
OPT_PROB_HIT (target <= 0.9), array cases against native (target <= 2).
The CLV cases must give native's column sum (the same arithmetic).  Not a
test: see bench/README.md.

usage: /usr/bin/python3 bench/calc/bench_calc.py OXT_DIR [WORKDIR] [ROWS,ROWS]
  (or: cmake --build build --target bench_calc)
"""
import os
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "addin", "python"))
from office import Office  # noqa: E402

TO_BOTTOM = 0  # com.sun.star.sheet.FillDirection.TO_BOTTOM
RUNS = 5
CLEAR = 1 | 2 | 4 | 16  # values, dates, text, formulas

# Columns: A order value 20-120, B purchases a year 1-12, C years 1-10,
# D cost 0-100, E a share (churn, discount, conversion) 0.01-0.5.
NATIVE = "=A1*B1*C1-D1"
FLOOR = "=OPT_PROB_HIT(A1;0.3;0.01;B1;C1;D1+200)"
PER_CELL = [
    "=CLV(A1;B1;C1;D1)",
    "=CLV_MARGIN(A1;B1;C1;1;D1)",
    "=CLV_RET(A1;0.8;E1;C1)",
    "=LTV_CHURN(A1;0.4;E1)",
    "=CLV_AVG(A1;D1;B1)",
    "=LIFETIME(E1)",
    "=CHURN_PERIOD(E1;C1)",
    "=DISCOUNT_PERIOD(E1;C1)",
    "=CAC_PAYBACK(A1;B1;0.4)",
    "=LTV_CAC(A1;B1)",
    "=MAX_CAC(A1;3)",
    "=SQL_BUDGET(A1;E1)",
    "=FUNNEL_BUDGET(A1;E1)",
    "=ROAS_BREAKEVEN(E1)",
    "=SBG_SURVIVAL(C1;0.7;3.8)",
    "=SBG_RETENTION(C1;0.7;3.8)",
    "=SBG_DEL(E1;0.7;3.8)",
    "=SBG_DERL(E1;C1;0.7;3.8)",
    "=CLV_SBG(A1;E1;C1;0.7;3.8)",
]
ARRAYS = [
    "=CLV(A1:A{0};B1:B{0};C1:C{0};D1:D{0})",
    "=CLV(A1:A{0};B1:B{0};C1:C{0})",
]


def median_recalc(doc):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(doc, sheet, rows, formula, array):
    column = sheet.getCellRangeByName("G1:G%d" % rows)
    if array:
        column.setArrayFormula(formula.format(rows))
    else:
        sheet.getCellRangeByName("G1").setFormula(formula)
        column.fillAuto(TO_BOTTOM, 1)
    doc.calculateAll()  # warm up: the first call loads the add-in
    values = [v for (v,) in column.getDataArray()]
    bad = sum(1 for v in values if not isinstance(v, float))
    seconds = median_recalc(doc)
    column.clearContents(CLEAR)
    return seconds, sum(v for v in values if isinstance(v, float)), bad


def run(office, rows):
    rnd = random.Random(42)
    data = tuple((float(rnd.randint(20, 120)), float(rnd.randint(1, 12)),
                  float(rnd.randint(1, 10)), float(rnd.randint(0, 100)),
                  rnd.randint(1, 50) / 100.0) for _ in range(rows))
    doc = office.new_sheet()
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByName("A1:E%d" % rows).setDataArray(data)
    results = []
    print("\n%d rows, full recalculation, median of %d" % (rows, RUNS))
    print("| formula | s | us/row | x native | x OPT_PROB_HIT |")
    print("|---|---:|---:|---:|---:|")
    for f, array in [(f, False) for f in [NATIVE, FLOOR] + PER_CELL] + [(f, True) for f in ARRAYS]:
        results.append((f.format(rows) if array else f, array)
                       + measure(doc, sheet, rows, f, array))
        report_row(rows, results)
    doc.close(True)


def report_row(rows, results):
    """Prints the last result against native (results[0]) and OPT_PROB_HIT
    (results[1]; native itself is printed against itself)."""
    native, native_sum = results[0][2], results[0][3]
    floor = results[1][2] if len(results) > 1 else native
    for formula, array, seconds, total, bad in results[-1:]:
        shown = ("{%s}" % formula) if array else formula
        note = ""
        if bad:
            note += " (%d cells not numbers)" % bad
        if formula.startswith("=CLV(") and formula.count(";") == 3 \
                and abs(total - native_sum) > 1e-9 * abs(native_sum):
            note += " (DIFFERENT SUM FROM NATIVE)"
        print("| `%s` | %.3f | %.2f | %.2f | %.2f |%s" % (
            shown, seconds, seconds / rows * 1e6, seconds / native,
            seconds / floor, note))


def main(oxt_dir, workdir=None, sizes="50000,100000"):
    workdir = workdir or tempfile.mkdtemp(prefix="clvkit-bench-")
    with Office(oxt_dir, workdir, timeout=120, deadline=3600) as office:
        for rows in (int(s) for s in sizes.split(",")):
            run(office, rows)
    print("\ntargets: per cell <= 0.9x OPT_PROB_HIT; CLV array <= 2x native")


if __name__ == "__main__":
    main(*sys.argv[1:])
