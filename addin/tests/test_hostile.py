"""A workbook from a stranger: NaN-producing formulas as arguments, 1e308 and
denormals, text, error cells, and 100,000-row ranges, per cell and as an
array formula.  It must compute in bounded time, show error values where
the input is bad and finite numbers where it is not, and leave LibreOffice
alive.  Expected values are hand computations (written next to each case)
or plain error codes.

usage: /usr/bin/python3 test_hostile.py OXT_DIR WORKDIR
"""
import sys
import time

from office import (ERR_ILLEGAL_ARGUMENT, ERR_VALUE, ERR_NA, Office, Report, cell_result,
                    check_alive)

N = 100000
TEXT_ROW = 50000      # A50000 holds text
ERROR_ROW = 70000     # C70000 holds =1/0
TIME_LIMIT = 60.0     # seconds for the full recalculation (about 2 s here)

E502 = ("error", ERR_ILLEGAL_ARGUMENT)
VALUE = ("error", ERR_VALUE)
ANY_ERROR = "any error"
TINY = "4.9E-324"     # the smallest denormal

# The numbers of A1:A100000: i mod 1000 for row i+1, except the text row.
A_VALUES = [float(i % 1000) for i in range(N) if i + 1 != TEXT_ROW]


def segment_of(value, values, high=0.2, low=0.3):
    """The catalogue's rule, computed independently of the add-in."""
    below = sum(1 for v in values if v < value)
    equal = sum(1 for v in values if v == value)
    rank = (below + 0.5 * equal) / len(values)
    return "high" if rank >= 1 - high else "low" if rank < low else "medium"


CASES = [
    # 100,000-row ranges
    ("=CAC(A1:A%d;B1:B%d)" % (N, N), VALUE),            # text in spend
    ("=CAC(B1:B%d;B1:B%d)" % (N, N), 1.0),              # hand: sum(1)/sum(1)
    ("=CAC(C1:C%d;B1:B%d)" % (N, N), ANY_ERROR),        # an error cell inside
    ("=CLV_SEGMENT(500;A1:A%d)" % N, segment_of(500, A_VALUES)),
    ("=CLV_SEGMENT(998;A1:A%d)" % N, segment_of(998, A_VALUES)),
    ("=FUNNEL_BUDGET(1000;D1:D%d)" % N, 1000 * 0.999999 ** N),
    ("=FUNNEL_BUDGET(1000;A1:A%d)" % N, VALUE),
    # the array: the text row alone is #VALUE!, never computed as 0
    ("=SUMPRODUCT(ISERROR(F1:F%d))" % N, 1.0),
    ("=SUMPRODUCT(IFERROR(F1:F%d;0))" % N, sum(A_VALUES)),
    ("=SUMPRODUCT(ISERROR(H1:H%d))" % N, 1.0),          # per cell: one bad row
    ("=ISERROR(G1)", 1.0),                              # array over an error cell
    # NaN-producing formulas, huge and tiny numbers
    ("=CLV(SQRT(-1);1;1)", ANY_ERROR),
    ("=CLV(1/0;1;1)", ANY_ERROR),
    ("=CLV(NA();1;1)", ("error", ERR_NA)),
    ("=CLV(1E308;1E308;1E308)", E502),
    ("=CLV(A1:A3;\"x\";1)", VALUE),
    ("=CLV_MARGIN(1E308;1E308;1;1)", E502),
    ("=LTV_CHURN(1E308;1;1E-308)", E502),
    ("=CLV_RET(1E308;0.999999999;0)", E502),
    ("=DISCOUNT_PERIOD(1E308;1E308)", E502),
    ("=CHURN_PERIOD(1E-300;1E308)", 1.0),               # hand: -expm1(-1e8) = 1
    ("=CLV_AVG(1E308;0;1E-308)", E502),
    ("=LIFETIME(%s)" % TINY, E502),
    ("=ROAS_BREAKEVEN(%s)" % TINY, E502),
    ("=CLV_SEGMENT(1E308;{-1E308;1E308})", "medium"),   # hand: rank 0.75
    ("=CAC({1E308;1E308};{1;1})", 1e308),               # the sum passes DBL_MAX, the mean does not
    ("=CAC({1E308;1E308};{1E-10;1E-10})", E502),        # the result overflows
    ("=MAX_CAC(1E308;%s)" % TINY, E502),
    ("=LTV_CAC(1E308;%s)" % TINY, E502),
    ("=CAC_PAYBACK(1E308;%s;%s)" % (TINY, TINY), E502),
    ("=SQL_BUDGET(1E308;1)", 1e308),
    ("=FUNNEL_BUDGET(1E308;1;1)", 1e308),
    ("=LTV_CHURN(\"abc\";1;1)", ("error", ERR_VALUE)),
    ("=LIFETIME(C%d)" % ERROR_ROW, ANY_ERROR),
    ("=CLV_SEGMENT(1;C1:C%d)" % N, ANY_ERROR),
]


def main(oxt_dir, workdir):
    report = Report("hostile")
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        sheet = doc.Sheets.getByIndex(0)
        rows = [[float(i % 1000), 1.0, float(i), 0.999999] for i in range(N)]
        rows[TEXT_ROW - 1][0] = "abc"
        sheet.getCellRangeByName("A1:D%d" % N).setDataArray(tuple(map(tuple, rows)))
        sheet.getCellRangeByName("C%d" % ERROR_ROW).setFormula("=1/0")
        sheet.getCellRangeByName("F1:F%d" % N).setArrayFormula(
            "=CLV(A1:A{0};B1:B{0};1;0)".format(N))
        sheet.getCellRangeByName("G1:G10").setArrayFormula("=CLV(C1:C%d;1;1)" % N)
        sheet.getCellRangeByName("H1").setFormula("=CLV(A1;B1;1)")
        sheet.getCellRangeByName("H1:H%d" % N).fillAuto(0, 1)   # TOP_BOTTOM
        for i, (formula, _) in enumerate(CASES):
            sheet.getCellByPosition(10, i).setFormula(formula)  # column K

        start = time.monotonic()
        doc.calculateAll()
        elapsed = time.monotonic() - start
        report.check("recalculation within %ss" % TIME_LIMIT, elapsed < TIME_LIMIT,
                     "took %.1fs" % elapsed)

        for i, (formula, expected) in enumerate(CASES):
            got = cell_result(sheet.getCellByPosition(10, i))
            if expected == ANY_ERROR:
                report.check(formula, got[0] == "error", repr(got))
            else:
                report.expect(formula, got, expected, 1e-9)
        report.expect("array, text row", cell_result(sheet.getCellByPosition(5, TEXT_ROW - 1)),
                      VALUE)
        report.expect("array, last row", cell_result(sheet.getCellByPosition(5, N - 1)),
                      float((N - 1) % 1000))
        report.expect("per cell, text row", cell_result(sheet.getCellByPosition(7, TEXT_ROW - 1)),
                      VALUE)
        # No cell may hold NaN or infinity: every result is an error or finite.
        for col in (5, 7, 10):
            values = sheet.getCellRangeByPosition(col, 0, col, N - 1).getDataArray()
            bad = [v for (v,) in values if isinstance(v, float) and not abs(v) < float("inf")]
            report.check("column %d has no NaN or infinity" % col, not bad, repr(bad[:3]))
        check_alive(report, doc, sheet.getCellByPosition(12, 0), "=CLV(50;12;3)", 1800)
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
