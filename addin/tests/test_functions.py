"""Every catalogue example and every error path of the sixteen functions,
through cells of a headless Calc, then the same workbook saved, reopened and
recomputed.

Expected numbers come from ../shared/spec/functions.md (the catalogue, whose
examples quote the source articles) or from a hand computation written next
to the case, never from the add-in's own output.

usage: /usr/bin/python3 test_functions.py OXT_DIR WORKDIR
"""
import os
import sys

from office import (ERR_ILLEGAL_ARGUMENT, ERR_VALUE, Office, Report, cell_result,
                    store_and_check_names)

E502 = ("error", ERR_ILLEGAL_ARGUMENT)
VALUE = ("error", ERR_VALUE)

# Inputs the range cases refer to: (cell, value); None leaves a cell empty.
INPUTS = [
    ("A1:A10", [[v] for v in range(1, 11)]),             # values 1..10
    ("B1:C3", [[5000, 20], [3000, 20], [2000, 10]]),     # spend, customers
    ("B5:C7", [[5000, 20], [None, 5], [2000, 10]]),      # an empty spend cell
    ("B9:C9", [[-100, 5]]),                              # negative spend
    ("D1:D2", [["text"], ["Value"]]),
    ("E1:E2", [[0.2], [0.05]]),                          # funnel stage rates
    ("E4:E5", [[None], [0.5]]),                          # a stage left empty
    ("G1:G11", [["Value"]] + [[v] for v in range(1, 11)]),  # with a header
    ("U1:X2", [[0.243, 4.414, 0.793, 2.426], [6, 3, 10, None]]),  # model parameters
]

# (formula, expected, tolerance); the comment says where the number is from.
CASES = [
    # CLV -- catalogue: 1800 (article 004), 13900 (article 002: the article
    # prints 14,900, its formula (2000x8)-500-(200x8) gives 13,900), 1700.
    ("=CLV(50;12;3)", 1800),
    ("=CLV(2000;1;8;500;200)", 13900),
    ("=CLV(50;12;3;100)", 1700),
    ("=CLV(50;12;3;;20)", 1740),          # hand: 1800 - 0 - 20x3
    ("=CLV(0;12;3;100)", -100),           # hand: costs exceed revenue
    ("=CLV(-1;12;3)", E502),
    ("=CLV(50;-12;3)", E502),
    ("=CLV(50;12;-3)", E502),
    ("=CLV(50;12;3;-1)", E502),
    ("=CLV(50;12;3;0;-1)", E502),
    ("=CLV(\"fifty\";12;3)", VALUE),
    ("=CLV(50;12;3;\"x\")", VALUE),
    ("=CLV(1E308;1E10;1E10)", E502),      # overflows to infinity
    ("=CLV(A1:A2;12;3;B1:B3)", E502),     # ranges of different sizes
    # CLV_MARGIN -- catalogue: 720 (article 001)
    ("=CLV_MARGIN(50;12;3;0.4)", 720),
    ("=CLV_MARGIN(50;12;3;0.4;100;10)", 590),   # hand: 720 - 100 - 10x3
    ("=CLV_MARGIN(50;12;3;1.5)", E502),
    ("=CLV_MARGIN(50;12;3;-0.1)", E502),
    ("=CLV_MARGIN(-50;12;3;0.4)", E502),
    ("=CLV_MARGIN(50;12;3;0.4;-1)", E502),
    ("=CLV_MARGIN(\"a\";12;3;0.4)", VALUE),     # Calc refuses text for a number
    # CLV_RET -- catalogue
    ("=CLV_RET(100;0.8;0.1)", 266.6667, 1e-6),
    ("=CLV_RET(100;0.8;0.1;0;1)", 366.6667, 1e-6),
    ("=CLV_RET(100;0.8;0.1;3)", 164.0872, 1e-6),
    ("=CLV_RET(100;0.8;0.1;3;1)", 225.6198, 1e-6),
    ("=CLV_RET(100;1;0;5)", 500),         # hand: q = 1, five margins of 100
    ("=CLV_RET(100;1;0)", E502),          # r >= 1 + d without a horizon: diverges
    ("=CLV_RET(100;1.2;0.1)", E502),
    ("=CLV_RET(100;0.8;-1)", E502),
    ("=CLV_RET(100;0.8;0.1;2.5)", E502),
    ("=CLV_RET(100;0.8;0.1;3;2)", E502),
    ("=CLV_RET(-100;0.8;0.1)", E502),
    ("=CLV_RET(100;0.8;0.1;\"x\")", VALUE),
    # LTV_CHURN -- catalogue: 2000
    ("=LTV_CHURN(50;0.8;0.02)", 2000),
    ("=LTV_CHURN(50;0.8;0)", E502),
    ("=LTV_CHURN(50;0.8;1.5)", E502),
    ("=LTV_CHURN(50;1.5;0.02)", E502),
    ("=LTV_CHURN(-50;0.8;0.02)", E502),
    # CLV_AVG -- catalogue: 250 (article 003)
    ("=CLV_AVG(120000;45000;300)", 250),
    ("=CLV_AVG(100;300;4)", -50),         # hand: (100 - 300) / 4
    ("=CLV_AVG(120000;45000;0)", E502),
    ("=CLV_AVG(-1;45000;300)", E502),
    ("=CLV_AVG(120000;-1;300)", E502),
    # LIFETIME -- catalogue: 40
    ("=LIFETIME(0.025)", 40),
    ("=LIFETIME(1)", 1),                  # hand
    ("=LIFETIME(0)", E502),
    ("=LIFETIME(1.5)", E502),
    # CHURN_PERIOD -- catalogue
    ("=CHURN_PERIOD(0.02;12)", 0.215283, 2e-6),
    ("=CHURN_PERIOD(0.2;1/12)", 0.018423, 2e-5),
    ("=CHURN_PERIOD(0.5;2)", 0.75),       # hand: 1 - 0.5^2
    ("=CHURN_PERIOD(1.5;2)", E502),
    ("=CHURN_PERIOD(0.5;-1)", E502),
    # DISCOUNT_PERIOD -- catalogue
    ("=DISCOUNT_PERIOD(0.1;1/12)", 0.0079741, 1e-5),
    ("=DISCOUNT_PERIOD(0.1;2)", 0.21),    # hand: 1.1^2 - 1
    ("=DISCOUNT_PERIOD(-1;2)", E502),
    ("=DISCOUNT_PERIOD(0.1;-2)", E502),
    ("=DISCOUNT_PERIOD(1E300;1E300)", E502),   # overflows
    # CAC -- catalogue: 200; blended over channels (economics.h: 10000/50)
    ("=CAC(10000;50)", 200),
    ("=CAC(B1:B3;C1:C3)", 200),
    ("=CAC(B5:B7;C5:C7)", 200),           # hand: empty spend is 0: 7000/35
    ("=CAC(10000;0)", E502),
    ("=CAC(B9;C9)", E502),
    ("=CAC(B1:B3;C1:C2)", E502),
    ("=CAC(B1:B2;D1:D2)", VALUE),
    ("=CAC(\"x\";5)", VALUE),
    # CAC_PAYBACK -- catalogue: 10
    ("=CAC_PAYBACK(200;50;0.4)", 10),
    ("=CAC_PAYBACK(200;50)", 4),          # hand: default margin 1
    ("=CAC_PAYBACK(200;0;0.4)", E502),
    ("=CAC_PAYBACK(200;50;0)", E502),
    ("=CAC_PAYBACK(-200;50;0.4)", E502),
    ("=CAC_PAYBACK(200;50;\"x\")", VALUE),
    # LTV_CAC -- catalogue: 3
    ("=LTV_CAC(1800;600)", 3),
    ("=LTV_CAC(1800;0)", E502),
    ("=LTV_CAC(-1800;600)", E502),
    # MAX_CAC -- catalogue: 600
    ("=MAX_CAC(1800)", 600),
    ("=MAX_CAC(1800;4)", 450),            # hand
    ("=MAX_CAC(1800;0)", E502),
    ("=MAX_CAC(-1800)", E502),
    ("=MAX_CAC(1800;\"three\")", VALUE),
    # SQL_BUDGET -- catalogue: 10 (article 002: EUR 200 x 5%)
    ("=SQL_BUDGET(200;5%)", 10),
    ("=SQL_BUDGET(200;1.5)", E502),
    ("=SQL_BUDGET(-200;5%)", E502),
    # FUNNEL_BUDGET -- catalogue: 2
    ("=FUNNEL_BUDGET(200;20%;5%)", 2),
    ("=FUNNEL_BUDGET(200;E1:E2)", 2),
    ("=FUNNEL_BUDGET(1000;50%;20%;10%)", 10),  # hand: 1000 x 0.5 x 0.2 x 0.1
    ("=FUNNEL_BUDGET(200)", E502),
    ("=FUNNEL_BUDGET(200;1.5)", E502),
    ("=FUNNEL_BUDGET(-200;0.5)", E502),
    ("=FUNNEL_BUDGET(200;;0.5)", E502),
    ("=FUNNEL_BUDGET(200;E4:E5)", E502),
    ("=FUNNEL_BUDGET(200;\"x\")", VALUE),
    # ROAS_BREAKEVEN -- catalogue: 4
    ("=ROAS_BREAKEVEN(0.25)", 4),
    ("=ROAS_BREAKEVEN(0)", E502),
    ("=ROAS_BREAKEVEN(1.5)", E502),
    # CLV_SEGMENT -- catalogue: values 1..10
    ("=CLV_SEGMENT(10;A1:A10)", "high"),
    ("=CLV_SEGMENT(5;A1:A10)", "medium"),
    ("=CLV_SEGMENT(1;A1:A10)", "low"),
    ("=CLV_SEGMENT(1;G1:G11)", "low"),    # the header text is skipped
    ("=CLV_SEGMENT(5;A1:A10;0.6;0)", "high"),  # hand: rank 0.45 >= 1 - 0.6
    ("=CLV_SEGMENT(5;A1:A10;1.5)", E502),
    ("=CLV_SEGMENT(5;A1:A10;0.6;0.6)", E502),  # the bands overlap
    ("=CLV_SEGMENT(5;D1:D2)", E502),      # no number at all
    ("=CLV_SEGMENT(5;A1:A10;\"x\")", VALUE),
]

# Text where a number belongs gives #VALUE! in every function, as "a"+1
# does in Calc, whether typed or in a cell (D1 holds "text"), in a single
# argument or in a range; the position is the first argument that takes a
# number unless a later one is named.  U1:X1 BG/NBD-like parameters, U2:W2
# Gamma-Gamma ones.
TEXT_CELLS = [
    "=CLV(D1;12;3)", "=CLV(50;D1;3)", "=CLV(50;12;3;D1)", "=CLV(50;12;3;0;D1)",
    "=CLV_MARGIN(D1;12;3;0.4)", "=CLV_MARGIN(50;12;3;0.4;D1)",
    "=CLV_RET(D1;0.8;0.1)", "=CLV_RET(100;0.8;0.1;D1)", "=LTV_CHURN(50;0.8;D1)",
    "=CLV_AVG(D1;1;1)", "=LIFETIME(D1)", "=CHURN_PERIOD(D1;2)", "=DISCOUNT_PERIOD(0.1;D1)",
    "=CAC(D1;5)", "=CAC(5000;D1)", "=CAC_PAYBACK(D1;50)", "=CAC_PAYBACK(200;50;D1)",
    "=LTV_CAC(D1;600)", "=MAX_CAC(D1)", "=MAX_CAC(1800;D1)", "=SQL_BUDGET(D1;0.05)",
    "=FUNNEL_BUDGET(D1;0.5)", "=FUNNEL_BUDGET(200;D1)", "=FUNNEL_BUDGET(200;0.5;D1:D2)",
    "=ROAS_BREAKEVEN(D1)", "=CLV_SEGMENT(D1;A1:A10)", "=CLV_SEGMENT(5;A1:A10;D1)",
    "=BGNBD_FIT(D1:D2;A1:A2;A3:A4)", "=BGNBD_PALIVE(D1;30;38;U1:X1)",
    "=BGNBD_EXPECTED(D1;2;30;38;U1:X1)", "=BGNBD_EXPECTED_NEW(D1;U1:X1)",
    "=BGNBD_CLV(D1;30;38;20;U1:X1;U2:W2;12;0.01)", "=BGNBD_PALIVE(2;30;38;D1:G1)",
    "=MBGNBD_FIT(D1:D2;A1:A2;A3:A4)", "=MBGNBD_PALIVE(D1;30;38;U1:X1)",
    "=MBGNBD_EXPECTED(1;2;D1;38;U1:X1)", "=MBGNBD_EXPECTED_NEW(D1;U1:X1)",
    "=MBGNBD_CLV(2;30;38;D1;U1:X1;U2:W2;12;0.01)",
    "=PNBD_FIT(A1:A2;A1:A2;D1:D2)", "=PNBD_PALIVE(2;D1;38;U1:X1)",
    "=PNBD_EXPECTED(1;2;30;D1;U1:X1)", "=PNBD_EXPECTED_NEW(D1;U1:X1)",
    "=PNBD_CLV(2;30;38;20;U1:X1;U2:W2;12;0.01;D1)",
    "=GG_FIT(D1:D2;A1:A2)", "=GG_SPEND(D1;20;U2:W2)", "=GG_SPEND(2;D1;U2:W2)",
    "=RFM_SUMMARY(A1:A2;A1:A2;D1:D2;\"day\")",
    "=SBG_FIT(D1:D2)", "=SBG_SURVIVAL(D1;0.7;3.8)", "=SBG_RETENTION(1;D1;3.8)",
    "=SBG_DEL(D1;0.7;3.8)", "=SBG_DERL(0.1;D1;0.7;3.8)", "=CLV_SBG(D1;0.1;1;0.7;3.8)",
    "=CLV_SBG(\"x\";0.1;1;0.7;3.8)", "=SBG_SURVIVAL(1;0.7;\"x\")",
    "=BGBB_FIT(D1:D2;A1:A2;A3:A4)", "=BGBB_PALIVE(D1;1;6;U1:X1)",
    "=BGBB_EXPECTED(D1;1;1;6;U1:X1)", "=BGBB_EXPECTED_NEW(D1;U1:X1)",
]
CASES += [(formula, VALUE) for formula in TEXT_CELLS]

# An empty cell where one number belongs is 0, as =Z1+1 is 1 in Calc
# (Z1 is empty); whether 0 is in the domain is the function's business.
CASES += [
    ("=CLV(Z1;12;3)", 0),
    ("=CLV_MARGIN(50;12;3;0.4;Z1)", 720),   # hand: 50x12x3x0.4 - 0
    ("=MAX_CAC(1800;Z1)", E502),            # a ratio of 0
    ("=LIFETIME(Z1)", E502),                # a churn of 0
    ("=SBG_SURVIVAL(Z1;1;3)", 1),           # S(0) = 1: everyone is there at 0
    ("=SBG_SURVIVAL(1;Z1;3)", E502),        # alpha 0
]

# CLV over ranges as an array formula: (aov, freq, years, cost) per row and
# the expected value of the row (hand: aov x freq x years - cost).
ARRAY_ROWS = [
    ((50, 12, 3, 100), 1700),
    ((2000, 1, 8, 500), 15500),
    ((-1, 1, 1, 0), E502),                # only this row fails
    ((1, 1, 1, "text"), VALUE),           # text as cost: #VALUE!, as "a"+1
    # text in any range is #VALUE! in its row, never a number (the add-in
    # takes sequence<sequence<any>>: with sequence<sequence<double>> Calc
    # would pass the text as 0 and the row would silently compute)
    (("text", 1, 1, 0), VALUE),
    ((1, "text", 1, 0), VALUE),
    ((1, 1, "text", 0), VALUE),
    ((None, 1, 1, 0), 0),                 # an empty cell is 0, as in Calc
    ((10, 2, 3, 0), 60),
]

# The identity of each function in a saved file: service name + method.
# Typed here independently of the add-in's table: renaming breaks files.
FOREVER = ["CLV", "CLVMARGIN", "CLVRET", "LTVCHURN", "CLVAVG", "LIFETIME",
           "CHURNPERIOD", "DISCOUNTPERIOD", "CAC", "CACPAYBACK", "LTVCAC",
           "MAXCAC", "SQLBUDGET", "FUNNELBUDGET", "ROASBREAKEVEN", "CLVSEGMENT"]


def fill(sheet, ref, rows):
    rng = sheet.getCellRangeByName(ref)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = rng.getCellByPosition(c, r)
            if isinstance(v, str):
                cell.setString(v)
            elif v is not None:
                cell.setValue(v)


def write_cases(sheet):
    for ref, rows in INPUTS:
        fill(sheet, ref, rows)
    for i, case in enumerate(CASES):
        sheet.getCellByPosition(9, i).setFormula(case[0])       # column J
    fill(sheet, "L1:O%d" % len(ARRAY_ROWS), [row for row, _ in ARRAY_ROWS])
    n = len(ARRAY_ROWS)
    sheet.getCellRangeByName("Q1:Q%d" % n).setArrayFormula(
        "=CLV(L1:L{0};M1:M{0};N1:N{0};O1:O{0})".format(n))
    # scalars broadcast against a range: 10 x 12 x (1..10) - 0
    sheet.getCellRangeByName("S1:S10").setArrayFormula("=CLV(10;12;A1:A10)")


def check_cases(report, sheet, when):
    for i, case in enumerate(CASES):
        formula, expected = case[0], case[1]
        tol = case[2] if len(case) > 2 else 1e-12
        report.expect("%s %s" % (when, formula), cell_result(sheet.getCellByPosition(9, i)),
                      expected, tol)
    for r, (row, expected) in enumerate(ARRAY_ROWS):
        report.expect("%s {=CLV(...)} row %d %r" % (when, r + 1, row),
                      cell_result(sheet.getCellByPosition(16, r)), expected)
    for r in range(10):
        report.expect("%s {=CLV(10;12;A1:A10)} row %d" % (when, r + 1),
                      cell_result(sheet.getCellByPosition(18, r)), 120 * (r + 1))


def main(oxt_dir, workdir):
    report = Report("functions")
    os.makedirs(workdir, exist_ok=True)
    saved = os.path.join(workdir, "functions.ods")
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        sheet = doc.Sheets.getByIndex(0)
        write_cases(sheet)
        doc.calculateAll()
        check_cases(report, sheet, "new")
        store_and_check_names(report, doc, saved, FOREVER)

        doc = office.open(saved)
        sheet = doc.Sheets.getByIndex(0)
        doc.calculateAll()
        check_cases(report, sheet, "reopened")
        # and it still reacts to its inputs: L1 50 -> 60 gives 60x12x3-100
        sheet.getCellRangeByName("L1").setValue(60)
        doc.calculateAll()
        report.expect("reopened, input changed", cell_result(sheet.getCellByPosition(16, 0)), 2060)
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
