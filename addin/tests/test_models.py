"""The predictive models in cells of a headless Calc: fits over the
2,357-customer CDNOW sheet, predictions per cell and as array formulas,
Gamma-Gamma, the per-customer CLV, RFM_SUMMARY from the CDNOW event log and
from a hand-built log, every error path (Err:502, Err:523), then the
workbook saved, reopened and recomputed.

Every expected number is an outside figure from ../shared/refdata
(reference_values.csv, named in the comment next to it: the papers, BTYD,
CLVTools, lifetimes, or the independent high-precision re-computation), the
refdata's own CDNOW summary, or a hand computation written next to it;
never the add-in's own output.

usage: /usr/bin/python3 test_models.py OXT_DIR WORKDIR REFDATA_DIR
"""
import collections
import csv
import os
import sys

import cases
from cases import near, printed, rel
from office import (ERR_ILLEGAL_ARGUMENT, ERR_NO_CONVERGENCE, ERR_NA, ERR_VALUE, Office, Report,
                    cell_result, store_and_check_names)

E502 = ("error", ERR_ILLEGAL_ARGUMENT)
E523 = ("error", ERR_NO_CONVERGENCE)
VALUE = ("error", ERR_VALUE)  # text where a number belongs, as "a"+1
N = 2357                       # CDNOW customers, sheet rows 2..2358
CBS = "$Data.B2:B2358;$Data.C2:C2358;$Data.D2:D2358"
# Parameter sets of reference_values.csv
PUB_BG = "{0.243;4.414;0.793;2.426}"                        # FHL 2005, printed
BTYD_BG = "{0.2425982;4.4136842;0.7929899;2.4261667}"       # BTYD 2.4.3 walkthrough
BTYD_PNBD = "{0.5533971433;10.5801985435;0.6060624971;11.6562236707}"  # BTYD cdnowSummary
HARDIE_GG = "{6.25;3.74;15.44}"                              # Fader & Hardie 2013 note


# Fits as array formulas over one row: (formula, expected values, tolerances).
# Parameters 1e-4 relative, LL 1e-3 absolute (issue 5's accuracy rule).
PARAMS_1E4, LL_1E3 = rel(1e-4), near(1e-3)
FITS = [
    # BG/NBD, CDNOW exact t_x: independent MLE re-computation
    ("=BGNBD_FIT(%s)" % CBS, [0.2425945, 4.4136022, 0.7929219, 2.4259063, -9582.429207],
     [PARAMS_1E4] * 4 + [LL_1E3]),
    # the same, published in FHL 2005 (Sec. 7) to their printed digits
    ("=BGNBD_FIT(%s)" % CBS, [0.243, 4.414, 0.793, 2.426, -9582.4],
     [printed(3)] * 4 + [printed(1)]),
    # ranges reaching past the data (empty rows are skipped): the same fit
    ("=BGNBD_FIT($Data.B2:B3000;$Data.C2:C3000;$Data.D2:D3000)",
     [0.2425945, 4.4136022, 0.7929219, 2.4259063, -9582.429207], [PARAMS_1E4] * 4 + [LL_1E3]),
    # the distinct (x, t_x, T) rows with their counts as weights: the same fit
    ("=BGNBD_FIT($Data.H1:H2357;$Data.I1:I2357;$Data.J1:J2357;$Data.K1:K2357)",
     [0.2425945, 4.4136022, 0.7929219, 2.4259063, -9582.429207], [PARAMS_1E4] * 4 + [LL_1E3]),
    # Pareto/NBD: independent re-computation; beta is flat in the LL, so loosely
    ("=PNBD_FIT(%s)" % CBS, [0.5532771, 10.5776841, 0.6062402, 11.6687412, -9594.976179],
     [PARAMS_1E4] * 3 + [rel(1e-2), LL_1E3]),
    # Pareto/NBD as printed in FHL 2005 (r, alpha, s; LL)
    ("=PNBD_FIT(%s)" % CBS, [0.553, 10.578, 0.606, 11.669, -9595.0],
     [printed(3)] * 3 + [rel(1e-2), printed(1)]),
    # MBG/NBD: independent exact re-computation (parameters and LL)
    ("=MBGNBD_FIT(%s)" % CBS, [0.5248432, 6.1830852, 0.8913593, 1.6140020, -9582.135716],
     [PARAMS_1E4] * 4 + [LL_1E3]),
    # Gamma-Gamma on the 946 repeat buyers (x = 0 rows are left out)
    ("=GG_FIT($Data.B2:B2358;$Data.F2:F2358)", [6.2495730, 3.7442248, 15.4435198, -4055.917695],
     [PARAMS_1E4] * 3 + [LL_1E3]),
    ("=GG_FIT($Data.B2:B2358;$Data.F2:F2358)", [6.25, 3.74, 15.44], [printed(2)] * 3),
]
FIT_ROW = {"BG": "$Cases.A1:E1", "PNBD": "$Cases.A5:E5", "GG": "$Cases.A8:D8"}  # rows of FITS

# Single cells: (formula, expected, absolute tolerance).  Printed figures
# are checked to half a unit of their last digit.
CASES = [
    # BG/NBD, reference_values.csv
    ("=BGNBD_PALIVE(2;30.43;38.86;%s)" % PUB_BG, 0.726579, 5e-7),     # recomputed, published params
    ("=BGNBD_PALIVE(2;30.43;38.86;%s)" % FIT_ROW["BG"], 0.726609, 5e-7),  # at the exact MLE
    ("=BGNBD_EXPECTED(39;2;30.43;38.86;%s)" % PUB_BG, 1.226028, 5e-7),  # recomputed
    ("=BGNBD_EXPECTED(39;2;30.43;38.86;%s)" % PUB_BG, 1.226, 5e-4),     # Hardie's note
    ("=BGNBD_EXPECTED(39;2;30.43;38.86;%s)" % FIT_ROW["BG"], 1.225907, 5e-7),  # exact MLE
    # customer 1516, BTYD walkthrough: computed there at its unrounded
    # parameters; at the printed ones (these) an independent mpmath
    # computation gives 25.756538 | 0.96885215 (tests/c/test_models.c), hence
    # 1e-4 and 2e-7 against the walkthrough's figures
    ("=BGNBD_EXPECTED(52;26;30.857143;31;%s)" % BTYD_BG, 25.75659, 1e-4),
    ("=BGNBD_PALIVE(26;30.857143;31;%s)" % BTYD_BG, 0.9688523, 2e-7),
    ("=BGNBD_EXPECTED(52;26;30.857143;31;%s)" % FIT_ROW["BG"], 25.76, 5e-3),  # BTYD 2.4
    ("=BGNBD_EXPECTED_NEW(52;%s)" % FIT_ROW["BG"], 1.444012, 5e-7),   # recomputed, exact MLE
    ("=BGNBD_EXPECTED_NEW(52;%s)" % BTYD_BG, 1.444004, 2e-6),   # walkthrough; printed params
    ("=BGNBD_PALIVE(0;0;38.86;%s)" % PUB_BG, 1.0, 0),     # hand: BG/NBD, no repeat purchase: alive
    # Pareto/NBD at the exact MLE (the fit above): E[X(52)] 1.473434 (BTYD
    # walkthrough), P(alive) of 1516 0.9978734 recomputed (BTYD 0.997874);
    # its E[Y(52)] 25.45647 (walkthrough) lies elsewhere on the flat beta
    # ridge: 25.455183 at the exact MLE (mpmath, tests/c), so 2e-3
    ("=PNBD_EXPECTED_NEW(52;%s)" % FIT_ROW["PNBD"], 1.473434, 5e-7),
    ("=PNBD_PALIVE(26;30.857143;31;%s)" % FIT_ROW["PNBD"], 0.9978734, 5e-8),
    ("=PNBD_PALIVE(26;30.857143;31;%s)" % BTYD_PNBD, 0.997874, 1e-6),
    ("=PNBD_EXPECTED(52;26;30.857143;31;%s)" % FIT_ROW["PNBD"], 25.45647, 2e-3),
    ("=PNBD_EXPECTED(52;26;30.857143;31;%s)" % FIT_ROW["PNBD"], 25.46, 5e-3),   # BTYD 2.4
    # Gamma-Gamma, E[M] = p gamma / (q - 1) = 35.17 for x = 0 (reference_values.csv)
    ("=GG_SPEND(0;0;%s)" % FIT_ROW["GG"], 35.17, 5e-3),
    # the CLV of customer 1516, checked by hand from the other functions:
    # one period, no discount: margin x spend x E[Y(1)]
    ("=BGNBD_CLV(26;30.857143;31;50;%s;%s;1;0;0.5)" % (BTYD_BG, HARDIE_GG),
     "=0.5*GG_SPEND(26;50;%s)*BGNBD_EXPECTED(1;26;30.857143;31;%s)" % (HARDIE_GG, BTYD_BG), 1e-9),
    # two periods at 10%: v1/1.1 + (E[Y(2)] - E[Y(1)]) x spend / 1.21
    ("=PNBD_CLV(26;30.857143;31;50;%s;%s;2;0.1)" % (BTYD_PNBD, HARDIE_GG),
     "=GG_SPEND(26;50;{0})*(PNBD_EXPECTED(1;26;30.857143;31;{1})/1.1+(PNBD_EXPECTED(2;26;30.857143;31;{1})"
     "-PNBD_EXPECTED(1;26;30.857143;31;{1}))/1.21)".format(HARDIE_GG, BTYD_PNBD), 1e-9),
    ("=MBGNBD_CLV(0;0;10;0;{1;2;1;2};%s;1;0)" % HARDIE_GG,
     "=GG_SPEND(0;0;%s)*MBGNBD_EXPECTED(1;0;0;10;{1;2;1;2})" % HARDIE_GG, 1e-9),
    # the fit's row (with its LL) is a params range; a column works as well
    ("=MBGNBD_EXPECTED_NEW(1;{1|2|1|2})", "=MBGNBD_EXPECTED_NEW(1;{1;2;1;2})", 1e-12),
    # empty cells count as 0, as everywhere in Calc: x = t_x = 0
    ("=BGNBD_PALIVE($Data.Z1;$Data.Z1;10;%s)" % PUB_BG, 1.0, 0),

    # ---- errors: bad input, Err:502 ------------------------------------------------
    ("=BGNBD_FIT($Data.B1:B2358;$Data.C1:C2358;$Data.D1:D2358)", VALUE),  # the header text
    ("=BGNBD_FIT($Data.B2:B2358;$Data.C2:C2357;$Data.D2:D2358)", E502),  # sizes differ
    ("=PNBD_FIT($Data.M1:M3;$Data.N1:N3;$Data.O1:O3)", E502),   # a row with an empty cell
    ("=MBGNBD_FIT({1;2};{1;1};{2;3};{1;-1})", E502),            # a negative weight
    ("=BGNBD_FIT({1;2};{1;1};{2;3};{1;1;1})", E502),            # weights of another size
    ("=BGNBD_FIT({1;2};{3;1};{2;3})", E502),                    # t_x > T
    ("=BGNBD_FIT({1.5;2};{1;1};{2;3})", E502),                  # fractional x
    ("=BGNBD_FIT($Data.Z1:Z3;$Data.Z1:Z3;$Data.Z1:Z3)", E502),  # no data at all
    ("=GG_FIT({0;0};{0;0})", E502),                             # no repeat buyer
    ("=GG_FIT({1;2};{-5;3})", E502),                            # negative spend
    ("=BGNBD_PALIVE(2;30.43;38.86;{0.243;4.414;0.793})", E502),  # three parameters for four
    ("=BGNBD_PALIVE(2;30.43;38.86;{0.243;4.414;0.793;2.426;1;2})", E502),  # six
    ("=BGNBD_PALIVE(2;30.43;38.86;$Data.A1:D1)", VALUE),        # text parameters
    ("=PNBD_PALIVE(2;30.43;38.86;$Data.Z1:Z4)", E502),          # empty parameters
    ("=PNBD_PALIVE(2;30.43;38.86;{0.5;-10;0.6;11})", E502),     # a negative parameter
    ("=BGNBD_PALIVE(2;40;38.86;%s)" % PUB_BG, E502),            # t_x > T
    ("=BGNBD_PALIVE(2.5;30;38.86;%s)" % PUB_BG, E502),          # fractional x
    ("=MBGNBD_PALIVE(-1;0;38.86;%s)" % PUB_BG, E502),           # negative x
    ("=BGNBD_PALIVE(\"two\";30;38.86;%s)" % PUB_BG, VALUE),      # text
    ("=BGNBD_EXPECTED(-1;2;30;38.86;%s)" % PUB_BG, E502),       # negative t
    ("=PNBD_EXPECTED_NEW(-1;%s)" % BTYD_PNBD, E502),
    ("=GG_SPEND(2;-1;%s)" % HARDIE_GG, E502),                   # negative spend
    ("=GG_SPEND(0;0;{6;0.5;15})", E502),                        # q <= 1: no mean for x = 0
    ("=BGNBD_CLV(2;30;38;20;%s;%s;0;0)" % (PUB_BG, HARDIE_GG), E502),      # no period
    ("=BGNBD_CLV(2;30;38;20;%s;%s;2.5;0)" % (PUB_BG, HARDIE_GG), E502),    # a fraction of one
    ("=BGNBD_CLV(2;30;38;20;%s;%s;52;-1)" % (PUB_BG, HARDIE_GG), E502),    # discount -100%
    ("=BGNBD_CLV(2;30;38;20;%s;%s;52;0;1.5)" % (PUB_BG, HARDIE_GG), E502),  # margin > 1
    ("=BGNBD_CLV(2;30;38;0;%s;%s;52;0)" % (PUB_BG, HARDIE_GG), E502),     # no spend, x >= 1
    ("=BGNBD_CLV(2;30;38;20;%s;%s;52;0)" % (HARDIE_GG, PUB_BG), E502),    # models swapped
    # ---- errors: fits that do not converge, Err:523 -------------------------------
    ("=BGNBD_FIT({0;0;0};{0;0;0};{1;2;3})", E523),     # nobody came back: nothing identified
    ("=PNBD_FIT({1;1;1};{5;5;5};{5;5;5})", E523),      # identical customers
    ("=MBGNBD_FIT({0;0};{0;0};{4;4})", E523),
    ("=GG_FIT({1;1;1};{10;10;10})", E523),             # no spread in spend
    # Calc's own rules before the call
    ("=BGNBD_PALIVE(1/0;30;38.86;%s)" % PUB_BG, ("error", 532)),   # #DIV/0! passes through
    ("=BGNBD_PALIVE(NA();30;38.86;%s)" % PUB_BG, ("error", ERR_NA)),
]

# Array formulas over the CDNOW customers: one result per row.
# (cells, formula, {sheet row: expected}, absolute tolerance)
ARRAYS = [
    # customer 1516 as in CASES (exact t_x here): BTYD walkthrough figures,
    # recomputed P(alive) for Pareto/NBD at the exact MLE
    ("G1:G%d" % N, "=BGNBD_PALIVE(%s;%s)" % (CBS, BTYD_BG), {1516: 0.9688523}, 2e-7),
    ("H1:H%d" % N, "=BGNBD_EXPECTED(52;%s;%s)" % (CBS, BTYD_BG), {1516: 25.75659}, 1e-4),
    ("I1:I%d" % N, "=PNBD_PALIVE(%s;%s)" % (CBS, FIT_ROW["PNBD"]), {1516: 0.9978734}, 5e-8),
    # Gamma-Gamma, the first ten customers: Hardie's GG spreadsheet, 2 decimals,
    # at the fit made in the sheet (exact m.x)
    ("J1:J10", "=GG_SPEND($Data.B2:B11;$Data.F2:F11;%s)" % FIT_ROW["GG"],
     dict(enumerate([24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17], 1)),
     5e-3),
    # E[X(t)] of Hardie's BG/NBD spreadsheet (4 decimals) at the exact MLE
    # (the fit above); its last figure differs from every re-computation
    # (1.85796, mpmath: tests/c) by 3.6e-4, hence 5e-4 there
    ("K1:K5", "=BGNBD_EXPECTED_NEW($Data.Q1:Q5;%s)" % FIT_ROW["BG"],
     dict(enumerate([0.0078, 0.0532, 0.1506, 1.0405, 1.0437], 1)), 5e-5),
    ("K6", "=BGNBD_EXPECTED_NEW($Data.Q6;%s)" % FIT_ROW["BG"], {1: 1.8576}, 5e-4),
    # a bad row fails alone: hand (rows 1 and 3 as the single cells above)
    ("L1:L3", "=BGNBD_PALIVE({2|2|0};{30.43|40|0};{38.86|38.86|38.86};%s)" % PUB_BG,
     {1: 0.726579, 2: E502, 3: 1.0}, 5e-7),
]
E_X_T = [0.1429, 1, 3, 31.8571, 32, 78]   # the t of Hardie's E[X(t)] row

# RFM_SUMMARY of a hand-built log (ids text, Calc dates, same-day purchases,
# a purchase after the calibration end, a customer who starts after it).
HAND_LOG = [  # id, date (Calc formula), amount
    ("ann", "=DATE(2024;1;1)", 10), ("ann", "=DATE(2024;1;1)", 5), ("ann", "=DATE(2024;1;15)", 20),
    ("bob", "2024-01-08", 7), ("ann", "=DATE(2024;2;12)", 30), ("cy", "=DATE(2024;2;5)", 9)]
# by hand, calibration end 2024-01-31, weeks: ann first 1 Jan, one repeat day
# (15 Jan: t_x = 14/7), T = 30/7, mean 20, one holdout purchase of 30; bob
# first 8 Jan: T = 23/7; cy starts after the end and is left out.
HAND_SUMMARY = [["ann", 1, 2, 30 / 7, 20, 1, 30], ["bob", 0, 0, 23 / 7, 0, 0, 0],
                [("error", ERR_NA)] * 7]
# (formula, error): text amounts are #VALUE!, the rest Err:502
RFM_TEXT = '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T6;$Data.S1:S6;"week")'
RFM_ERRORS = [
    '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T6;$Data.U1:U6;"fortnight";DATE(2024;1;31))',
    '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T5;$Data.U1:U6;"week")',          # sizes differ
    '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T6;$Data.S1:S6;"week")',          # text amounts
    '=RFM_SUMMARY({"a";"b"};{"2024-01-01";"yesterday"};0;"week")',      # not a date
    '=RFM_SUMMARY({"a";""};{"2024-01-01";"2024-01-02"};0;"week")',      # an empty id
    '=RFM_SUMMARY({"a";"b"};{"2024-01-01";"2024-01-02"};{1;-1};"week")',  # negative amount
    '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T6;$Data.U1:U6;"week";DATE(2023;1;1))',  # nobody yet
    '=RFM_SUMMARY($Data.Z1:Z3;$Data.Z1:Z3;0;"week")',                   # an empty log
    '=RFM_SUMMARY({"a"};{99999999};0;"week")',                          # no such date
]

# The identity of each function in a saved file (typed here, not read from
# the add-in: renaming a method breaks every saved workbook).
FOREVER = ["BGNBDFIT", "BGNBDPALIVE", "BGNBDEXPECTED", "BGNBDEXPECTEDNEW", "BGNBDCLV",
           "MBGNBDFIT", "MBGNBDPALIVE", "MBGNBDEXPECTED", "MBGNBDEXPECTEDNEW", "MBGNBDCLV",
           "PNBDFIT", "PNBDPALIVE", "PNBDEXPECTED", "PNBDEXPECTEDNEW", "PNBDCLV",
           "GGFIT", "GGSPEND", "RFMSUMMARY"]


def read_csv(refdata, name):
    with open(os.path.join(refdata, name), newline="") as f:
        return list(csv.DictReader(f))


def fill_data(sheet, cbs, elog):
    """Data sheet: A..F the CDNOW summary under a header, H..K its distinct
    rows with counts, M..O a block with a hole, Q the t of E[X(t)], S..U the
    hand log, W..Y the CDNOW event log."""
    sheet.getCellRangeByName("A1:F1").setDataArray((("cust", "x", "t_x", "T", "x_star", "m_x"),))
    sheet.getCellRangeByName("A2:F%d" % (N + 1)).setDataArray(tuple(
        (float(r["cust"]), float(r["x"]), float(r["t.x"]), float(r["T.cal"]), float(r["x.star"]),
         float(r["m.x"])) for r in cbs))
    counts = collections.Counter((r["x"], r["t.x"], r["T.cal"]) for r in cbs)
    rows = tuple((float(x), float(tx), float(T), float(c)) for (x, tx, T), c in sorted(counts.items()))
    sheet.getCellRangeByName("H1:K%d" % len(rows)).setDataArray(rows)
    sheet.getCellRangeByName("M1:O3").setDataArray(((1.0, 1.0, 2.0), (2.0, "", 3.0), (0.0, 0.0, 3.0)))
    sheet.getCellRangeByName("Q1:Q6").setDataArray(tuple((t,) for t in E_X_T))
    for i, (who, date, amount) in enumerate(HAND_LOG, start=1):
        sheet.getCellRangeByName("S%d" % i).setString(who)
        cell = sheet.getCellRangeByName("T%d" % i)
        cell.setFormula(date) if date.startswith("=") else cell.setString(date)
        sheet.getCellRangeByName("U%d" % i).setValue(amount)
    sheet.getCellRangeByName("W1:Y%d" % len(elog)).setDataArray(tuple(
        (float(r["sampleid"]), float(r["date"]), float(r["sales"])) for r in elog))


def write_cases(doc, nlog):
    sheet = doc.Sheets.getByName("Cases")
    cases.write(sheet, FITS, CASES, ARRAYS, 12)                    # cells in M
    sheet.getCellRangeByName("P1:V3").setArrayFormula(
        '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T6;$Data.U1:U6;"week";DATE(2024;1;31))')
    sheet.getCellRangeByName("P5:V5").setArrayFormula(
        '=RFM_SUMMARY($Data.S1:S6;$Data.T1:T6;$Data.U1:U6;"Maand";"2024-01-31")')
    sheet.getCellRangeByName("X1:AD%d" % (N + 1)).setArrayFormula(
        '=RFM_SUMMARY($Data.W1:W{0};$Data.X1:X{0};$Data.Y1:Y{0};"week";19970930)'.format(nlog))
    for i, formula in enumerate(RFM_ERRORS):
        sheet.getCellByPosition(30, i).setFormula(formula)          # column AE


def check_cases(report, doc, cbs, when):
    sheet = doc.Sheets.getByName("Cases")
    cases.check(report, sheet, FITS, CASES, ARRAYS, 12, when)
    check_rfm(report, sheet, cbs, when)


def check_rfm(report, sheet, cbs, when):
    for r, row in enumerate(HAND_SUMMARY):
        for c, expected in enumerate(row):
            report.expect("%s RFM_SUMMARY hand log [%d,%d]" % (when, r, c),
                          cell_result(sheet.getCellByPosition(15 + c, r)), expected, 1e-12)
    # "Maand" (Dutch, any case): T of ann = 30 days / 30.4375
    report.expect(when + " RFM_SUMMARY in months", cell_result(sheet.getCellByPosition(18, 4)),
                  30 / 30.4375, 1e-12)
    # the CDNOW event log reproduces the refdata's CDNOW summary, customer by customer
    got = sheet.getCellRangeByName("X1:AD%d" % N).getDataArray()
    bad = [r["cust"] for r, g in zip(cbs, got)
           if g[0] != float(r["cust"]) or abs(g[1] - float(r["x"])) > 0
           or abs(g[2] - float(r["t.x"])) > 1e-9 or abs(g[3] - float(r["T.cal"])) > 1e-9
           or abs(g[4] - float(r["m.x"])) > 1e-9 or g[5] != float(r["x.star"])]
    report.check(when + " RFM_SUMMARY(CDNOW log) = the CDNOW summary", len(got) == N and not bad,
                 "customers differing: %r" % bad[:5])
    report.expect(when + " RFM_SUMMARY(CDNOW log) has 2357 rows",
                  cell_result(sheet.getCellByPosition(23, N)), ("error", ERR_NA))
    for i, formula in enumerate(RFM_ERRORS):
        report.expect("%s %s" % (when, formula), cell_result(sheet.getCellByPosition(30, i)),
                      VALUE if formula == RFM_TEXT else E502)


def holdout(doc):
    """Issue 5 asks for it reported: the BG/NBD conditional expectations for
    weeks 40-78 summed over CDNOW, against the 1,882 actual transactions."""
    sheet = doc.Sheets.getByName("Cases")
    cell = sheet.getCellRangeByName("AG1")
    cell.setFormula("=SUMPRODUCT(BGNBD_EXPECTED(39;%s;%s))" % (CBS, FIT_ROW["BG"]))
    doc.calculate()
    print("holdout weeks 40-78: BG/NBD expects %.1f transactions, CDNOW had 1882" % cell.getValue())


def main(oxt_dir, workdir, refdata):
    report = Report("models")
    os.makedirs(workdir, exist_ok=True)
    cbs = read_csv(refdata, "btyd_cdnowSummary_cbs.csv")
    elog = read_csv(refdata, "btyd_cdnowElog.csv")
    saved = os.path.join(workdir, "models.ods")
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        doc.Sheets.getByIndex(0).Name = "Data"
        doc.Sheets.insertNewByName("Cases", 1)
        fill_data(doc.Sheets.getByName("Data"), cbs, elog)
        write_cases(doc, len(elog))
        doc.calculateAll()
        check_cases(report, doc, cbs, "new")
        holdout(doc)
        store_and_check_names(report, doc, saved, FOREVER)

        doc = office.open(saved)
        doc.calculateAll()
        check_cases(report, doc, cbs, "reopened")
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
