"""Random workbooks in real LibreOffice: every clvkit function (as the
running office lists them) called with random hostile arguments, in cells
and array formulas (addin/python/random_workbook.py).  Each workbook must
compute within TIME_LIMIT, LibreOffice must still answer afterwards, and
every formula cell must hold a number (finite: Calc shows no NaN or
infinity as a number) or an error value; text only as a short, printable
word (CLV_SEGMENT's "high", a fit's labels), never garbage.

The size: CLVKIT_RANDOM_WORKBOOKS workbooks (default 2, ./run test),
CLVKIT_RANDOM_SEED the first seed (default 1; workbook i uses seed+i).
Every 4th workbook, the first among them, has a 100,000-row data block.
A failing workbook's formulas are written to WORKDIR/failed-<seed>.txt to
reproduce it.

usage: /usr/bin/python3 test_random_workbooks.py OXT_DIR WORKDIR
"""
import os
import sys
import time

from office import Office, Report, cell_result
from random_workbook import FIRST_FORMULA_COLUMN, Generator, clvkit_functions, data_block

BUDGET = 1               # seconds per add-in call (CLVKIT_CALC_SECONDS)
TIME_LIMIT = 60.0        # seconds per workbook's recalculation
SMALL_ROWS, BIG_ROWS = 200, 100000
CALLS_PER_FUNCTION = 3   # formulas per function and workbook


def check_text(s):
    return 0 < len(s) <= 40 and s.isprintable() and "\ufffd" not in s


def build(doc, gen, functions, big):
    sheet = doc.Sheets.getByIndex(0)
    rows = BIG_ROWS if big else SMALL_ROWS
    gen.rows = rows
    values, errors = data_block(gen.rng, rows)
    sheet.getCellRangeByName("A1:H%d" % rows).setDataArray(
        tuple(tuple(v for v in row) for row in values))
    for col, row in errors:
        sheet.getCellRangeByName("%s%d" % (col, row)).setFormula(
            "=" + gen.rng.choice(["1/0", "NA()", "SQRT(-1)"]))
    placed = []            # (formula, first row, col, rows, cols)
    row = 0
    for fn in functions:
        for _ in range(CALLS_PER_FUNCTION):
            formula, block = gen.formula(fn)
            col = FIRST_FORMULA_COLUMN + gen.rng.randrange(4) * 6
            h, w = block or (1, 1)
            target = sheet.getCellRangeByPosition(col, row, col + w - 1, row + h - 1)
            if block:
                target.setArrayFormula(formula)
            else:
                target.getCellByPosition(0, 0).setFormula(formula)
            placed.append((formula, row, col, h, w))
            row += h
    return sheet, placed


def judge(report, sheet, placed):
    """Counts of numbers, errors and texts; reports every bad cell."""
    counts = {"value": 0, "error": 0, "text": 0}
    bad = []
    for formula, row, col, h, w in placed:
        for i in range(h):
            for j in range(w):
                kind, v = cell_result(sheet.getCellByPosition(col + j, row + i))
                counts[kind] += 1
                if kind == "value" and not abs(v) < float("inf"):
                    bad.append((formula, "non-finite number %r" % v))
                elif kind == "text" and not check_text(v):
                    bad.append((formula, "text %r" % v))
    for formula, why in bad[:10]:
        report.check("cell of " + formula, False, why)
    report.check("every cell a finite number, an error or a word", not bad,
                 "%d bad cells" % len(bad))
    return counts


def main(oxt_dir, workdir):
    report = Report("random_workbooks")
    workbooks = int(os.environ.get("CLVKIT_RANDOM_WORKBOOKS", "2"))
    first_seed = int(os.environ.get("CLVKIT_RANDOM_SEED", "1"))
    os.environ["CLVKIT_CALC_SECONDS"] = str(BUDGET)
    os.makedirs(workdir, exist_ok=True)
    totals = {"value": 0, "error": 0, "text": 0}
    slowest = 0.0
    formulas = 0
    # a deadline for the whole run: no workbook may hang the test
    with Office(oxt_dir, workdir, deadline=120 + workbooks * 2 * TIME_LIMIT) as office:
        probe_doc = office.new_sheet()
        functions = clvkit_functions(office, probe_doc)
        probe_doc.close(True)
        report.check("the add-in's functions are listed", len(functions) >= 40,
                     "%d functions" % len(functions))
        for k in range(workbooks):
            seed = first_seed + k
            gen = Generator(seed, SMALL_ROWS)
            doc = office.new_sheet()
            doc.enableAutomaticCalculation(False)
            sheet, placed = build(doc, gen, functions, big=k % 4 == 0)
            log = os.path.join(workdir, "failed-%d.txt" % seed)
            with open(log, "w") as f:         # removed again when it passes
                f.write("\n".join(p[0] for p in placed) + "\n")
            start = time.monotonic()
            doc.calculateAll()
            elapsed = time.monotonic() - start
            slowest = max(slowest, elapsed)
            formulas += len(placed)
            ok = report.check("workbook seed %d computes within %ss" % (seed, TIME_LIMIT),
                              elapsed < TIME_LIMIT, "took %.1fs" % elapsed)
            counts = judge(report, sheet, placed)
            for key in totals:
                totals[key] += counts[key]
            # still answering: a plain call in a fresh cell
            probe = sheet.getCellRangeByName("J1")
            probe.setFormula("=CLV(50;12;3)")
            doc.calculate()
            ok &= report.check("soffice answers after seed %d" % seed,
                               cell_result(probe) == ("value", 1800.0), repr(cell_result(probe)))
            doc.close(True)
            if ok and report.failed == 0:
                os.remove(log)
    print("%d workbooks (seeds %d..%d), %d functions, %d formulas: %d numbers, %d errors, "
          "%d texts; slowest recalculation %.1fs"
          % (workbooks, first_seed, first_seed + workbooks - 1, len(functions), formulas,
             totals["value"], totals["error"], totals["text"], slowest))
    report.finish()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
