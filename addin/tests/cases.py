"""Table-driven cases shared by the model tests (test_models.py,
test_retention.py), written to a sheet and checked after each calculation:

  fits    (formula, [expected values], [tolerances]): one-row array
          formulas from column A, one row each
  cells   (formula, expected, absolute tolerance): expected a number, an
          ("error", code) tuple, or a hand formula ("=...") written beside
  arrays  (cells, formula, {row: expected}, absolute tolerance)

A tolerance is rel(x), near(x) (absolute) or printed(digits): equal to a
published figure when rounded to its printed digits.
"""
from office import cell_result


def rel(x):
    return ("rel", x)


def near(x):
    return ("abs", x)


def printed(digits):
    return ("printed", digits)


def within(got, expected, tol):
    kind, amount = tol
    if got[0] != "value":
        return False
    if kind == "rel":
        return abs(got[1] - expected) <= amount * abs(expected)
    if kind == "abs":
        return abs(got[1] - expected) <= amount
    return round(got[1], amount) == expected


def write(sheet, fits, cells, arrays, col):
    """Fits from A1 down, cells in column `col` (hand formulas beside)."""
    for i, (formula, values, _) in enumerate(fits):
        sheet.getCellRangeByName("A%d:%s%d" % (i + 1, "ABCDE"[len(values) - 1], i + 1)) \
             .setArrayFormula(formula)
    for i, case in enumerate(cells):
        sheet.getCellByPosition(col, i).setFormula(case[0])
        if isinstance(case[1], str):
            sheet.getCellByPosition(col + 1, i).setFormula(case[1])
    for ref, formula, _, _ in arrays:
        sheet.getCellRangeByName(ref).setArrayFormula(formula)


def check(report, sheet, fits, cells, arrays, col, when):
    for i, (formula, values, tols) in enumerate(fits):
        for j, (expected, tol) in enumerate(zip(values, tols)):
            got = cell_result(sheet.getCellByPosition(j, i))
            report.check("%s %s [%d]" % (when, formula[:50], j), within(got, expected, tol),
                         "got %r, expected %r (%s %s)" % (got, expected, *tol))
    for i, case in enumerate(cells):
        got, expected = cell_result(sheet.getCellByPosition(col, i)), case[1]
        if isinstance(expected, tuple):
            report.expect("%s %s" % (when, case[0]), got, expected)
            continue
        if isinstance(expected, str):
            expected = cell_result(sheet.getCellByPosition(col + 1, i))[1]
        report.check("%s %s" % (when, case[0]), within(got, expected, near(case[2])),
                     "got %r, expected %r (abs %g)" % (got, expected, case[2]))
    for ref, formula, rows, tol in arrays:
        first = sheet.getCellRangeByName(ref).RangeAddress
        for r, expected in rows.items():
            got = cell_result(sheet.getCellByPosition(first.StartColumn, first.StartRow + r - 1))
            ok = got == expected if isinstance(expected, tuple) else within(got, expected, near(tol))
            report.check("%s {%s} row %d" % (when, formula[:50], r), ok,
                         "got %r, expected %r" % (got, expected))
