"""Recalculation cost of the Calc add-in against native formulas, in one
headless LibreOffice: 100,000 rows of

  per cell   =CLV(A;B;C;D)                   one add-in call per row
  native     =A*B*C-D                         the same arithmetic, built in
  array      {=CLV(A1:A100000;...;D1:D100000)}  one add-in call for all rows

each timed as a full recalculation (calculateAll), median of 3, and the
ratios to native.  For reference it also times a per-cell add-in call whose
arguments are plain numbers (CLV_MARGIN), which is the floor of what Calc
charges for calling any add-in function.  Not a test: see bench/README.md.

usage: /usr/bin/python3 bench/calc/bench_calc.py OXT_DIR [WORKDIR] [ROWS]
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

TOP_BOTTOM = 0  # com.sun.star.sheet.FillDirection.TO_BOTTOM


def median_recalc(doc, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_cell(sheet, rows, formula):
    sheet.getCellRangeByName("F1").setFormula(formula)
    sheet.getCellRangeByName("F1:F%d" % rows).fillAuto(TOP_BOTTOM, 1)


def array(sheet, rows, formula):
    sheet.getCellRangeByName("F1:F%d" % rows).setArrayFormula(formula.format(rows))


def main(oxt_dir, workdir=None, rows="100000"):
    rows = int(rows)
    workdir = workdir or tempfile.mkdtemp(prefix="clvkit-bench-")
    rnd = random.Random(42)
    data = tuple((float(rnd.randint(20, 120)), float(rnd.randint(1, 12)),
                  float(rnd.randint(1, 10)), float(rnd.randint(0, 100))) for _ in range(rows))
    cases = [
        ("native", per_cell, "=A1*B1*C1-D1"),
        ("per cell", per_cell, "=CLV(A1;B1;C1;D1)"),
        ("array", array, "=CLV(A1:A{0};B1:B{0};C1:C{0};D1:D{0})"),
        ("per cell, number arguments (reference)", per_cell, "=CLV_MARGIN(A1;B1;C1;1;D1)"),
    ]
    results = {}
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1:D%d" % rows).setDataArray(data)
        column = sheet.getCellRangeByName("F1:F%d" % rows)
        for name, fill, formula in cases:
            fill(sheet, rows, formula)
            doc.calculateAll()  # warm up: first call loads the add-in
            total = sum(v for (v,) in column.getDataArray())
            results[name] = (median_recalc(doc), total)
            column.clearContents(1 | 2 | 4 | 16)   # values, dates, text, formulas
        doc.close(True)

    native, native_total = results["native"]
    print("Calc add-in benchmark: %d rows, full recalculation, median of 3" % rows)
    for name, (seconds, total) in results.items():
        same = "" if abs(total - native_total) <= 1e-9 * abs(native_total) else "  (DIFFERENT RESULT)"
        print("  %-42s %7.3f s  %5.2fx native%s" % (name, seconds, seconds / native, same))
    print("targets: per cell <= 3x native, array <= 1.2x native")


if __name__ == "__main__":
    main(*sys.argv[1:])
