"""The retention models in cells of a headless Calc: sBG on the High End
survival curve of Fader & Hardie (2007) and BG/BB on the 11,104 donors of
Fader, Hardie & Shang (2010), their predictions, every error path, and the
workbook saved, reopened and recomputed.

Expected numbers are outside figures from ../shared/refdata
(reference_values.csv: the papers, BTYD, Hardie's spreadsheets and the
independent re-computations it lists) or hand computations written next to
them; never the add-in's own output.

usage: /usr/bin/python3 test_retention.py OXT_DIR WORKDIR REFDATA_DIR
"""
import csv
import os
import sys

import cases
from cases import near, printed, rel
from office import (ERR_ILLEGAL_ARGUMENT, ERR_NO_CONVERGENCE, ERR_VALUE, Office, Report,
                    store_and_check_names)

E502 = ("error", ERR_ILLEGAL_ARGUMENT)
E523 = ("error", ERR_NO_CONVERGENCE)
VALUE = ("error", ERR_VALUE)  # text where a number belongs, as "a"+1
SBG = "$Cases.A1:B1"      # the fit below: alpha, beta
ALPHA, BETA = "$Cases.A1", "$Cases.B1"
BGBB = "$Cases.A3:E3"      # the first BG/BB fit below
BTYD_BGBB = "{1.203528;0.7497260;0.6567808;2.783796}"   # BTYD 2.4.3 walkthrough
DONORS = "$Data.D1:D22;$Data.E1:E22;$Data.F1:F22"

FITS = [
    # sBG, High End years 0-7: independent re-computation, and as printed
    ("=SBG_FIT($Data.B2:B9)", [0.668088, 3.806095, -1611.158], [rel(1e-4)] * 2 + [near(1e-3)]),
    ("=SBG_FIT($Data.B2:B20)", [0.668, 3.806, -1611.2], [printed(3)] * 2 + [printed(1)]),  # + empty
    # BG/BB, the donations (22 rows standing for 11,104 donors): lifetimes'
    # re-run and the independent LL; BTYD's own estimates agree with those
    # to 1.3e-4 (delta is flat); FHS 2010 as printed
    ("=BGBB_FIT(%s;$Data.G1:G22)" % DONORS, [1.203522, 0.749716, 0.656718, 2.783442, -33225.581274],
     [rel(1e-4)] * 4 + [near(1e-3)]),
    ("=BGBB_FIT(%s;$Data.G1:G22)" % DONORS, [1.203528, 0.7497260, 0.6567808, 2.783796],
     [rel(2e-4)] * 4),
    ("=BGBB_FIT(%s;$Data.G1:G22)" % DONORS, [1.204, 0.750, 0.657, 2.783, -33225.58],
     [printed(3)] * 4 + [printed(2)]),
]

# (formula, expected, absolute tolerance); "=..." expected: a hand formula
CASES = [
    # sBG: projected S(12) 0.3780 recomputed (actual 0.394)
    ("=SBG_SURVIVAL(12;%s;%s)" % (ALPHA, BETA), 0.3780, 5e-5),
    ("=SBG_SURVIVAL(0;%s;%s)" % (ALPHA, BETA), 1.0, 0),                   # hand: everyone at 0
    # r(t) = (beta + t - 1) / (alpha + beta + t - 1), FH 2007 eq. 4, by hand
    ("=SBG_RETENTION(3;0.668;3.806)", "=(3.806+2)/(0.668+3.806+2)", 1e-12),
    # DEL(0.10) 5.922255, DERL(0.10; n) for n = 1..5, 8: recomputed (FH 2010)
    ("=SBG_DEL(0.1;%s;%s)" % (ALPHA, BETA), 5.922255, 5e-6),
    ("=SBG_DERL(0.1;1;%s;%s)" % (ALPHA, BETA), 5.414481, 5e-6),
    ("=SBG_DERL(0.1;5;%s;%s)" % (ALPHA, BETA), 6.896708, 5e-6),
    ("=SBG_DERL(0.1;8;%s;%s)" % (ALPHA, BETA), 7.529629, 5e-6),
    ("=CLV_SBG(30;0.1;8;%s;%s)" % (ALPHA, BETA), 30 * 7.529629, 30 * 5e-6),  # margin x DERL
    # BG/BB at BTYD's parameters: E[X(10)], and the two conditional
    # expectations of the walkthrough
    ("=BGBB_EXPECTED_NEW(10;%s)" % BTYD_BGBB, 3.179805, 5e-6),
    ("=BGBB_EXPECTED(10;0;0;6;%s)" % BTYD_BGBB, 0.1302169, 5e-7),
    ("=BGBB_EXPECTED(10;4;5;6;%s)" % BTYD_BGBB, 3.627858, 5e-6),
    # P(alive in 2002): FHS 2010 Table 6 (2 decimals), recomputed (4)
    ("=BGBB_PALIVE(0;0;6;%s)" % BGBB, 0.1081, 5e-5),
    ("=BGBB_PALIVE(2;4;6;%s)" % BGBB, 0.5897, 5e-5),
    ("=BGBB_PALIVE(6;6;6;%s)" % BGBB, 0.9304, 5e-5),
    ("=BGBB_PALIVE(6;6;6;%s)" % BGBB, 0.93, 5e-3),
    # Hardie's BG/BB spreadsheet: the 5-period conditional expectations
    # summed over the donors, 12884.2 (an array inside SUMPRODUCT)
    ("=SUMPRODUCT($Data.G1:G22;BGBB_EXPECTED(5;%s;%s))" % (DONORS, BGBB), 12884.2, 0.05),
    # ---- Err:502 ----
    ("=SBG_FIT($Data.A1:A9)", VALUE),                   # the header text
    ("=SBG_FIT({1000|800||600})", E502),                # a gap in the curve
    ("=SBG_FIT({1000|1100})", E502),                    # more alive than before
    ("=SBG_FIT({1000})", E502),                         # one count
    ("=SBG_FIT({0|0})", E502),                          # nobody at the start
    ("=SBG_SURVIVAL(-1;1;3)", E502),
    ("=SBG_SURVIVAL(1;0;3)", E502),                     # alpha 0
    ("=SBG_RETENTION(0;1;3)", E502),                    # no period 0
    ("=SBG_DEL(-0.1;1;3)", E502),
    ("=SBG_DERL(0.1;0;1;3)", E502),                     # n from 1
    ("=SBG_DERL(0.1;2.5;1;3)", E502),
    ("=CLV_SBG(-30;0.1;1;1;3)", E502),
    ("=CLV_SBG(\"thirty\";0.1;1;1;3)", VALUE),
    ("=BGBB_PALIVE(2;7;6;%s)" % BGBB, E502),             # t_x > n
    ("=BGBB_PALIVE(3;2;6;%s)" % BGBB, E502),             # x > t_x
    ("=BGBB_PALIVE(2;4;6;{1;1;1})", E502),               # three parameters
    ("=BGBB_EXPECTED(-1;2;4;6;%s)" % BGBB, E502),
    ("=BGBB_EXPECTED_NEW(1.5;%s)" % BGBB, E502),
    ("=BGBB_FIT({1;2};{1;2};{6;6};{1;-1})", E502),       # a negative weight
    ("=BGBB_FIT({1;2};{1;2};{6})", E502),                # sizes differ
    # ---- Err:523: no maximum, or a lifetime that never ends ----
    ("=SBG_FIT({1000|1000|1000})", E523),               # nobody ever leaves
    ("=BGBB_FIT({0;0};{0;0};{6;6})", E523),             # nobody ever buys
    ("=SBG_DEL(0;0.5;3)", E523),                        # no discount, alpha <= 1: infinite
]

ARRAYS = [  # the projected curve and a bad row alone (hand: S(0) = 1)
    ("G1:G13", "=SBG_SURVIVAL($Data.A2:A14;%s;%s)" % (ALPHA, BETA), {1: 1.0, 13: 0.3780}, 5e-5),
    ("H1:H3", "=SBG_SURVIVAL({0|-1|12};%s;%s)" % (ALPHA, BETA), {1: 1.0, 2: E502, 3: 0.3780}, 5e-5),
    # text inside a range is #VALUE! in its cell, never computed as 0
    ("I1:I3", "=SBG_SURVIVAL({0|\"x\"|12};%s;%s)" % (ALPHA, BETA), {1: 1.0, 2: VALUE, 3: 0.3780},
     5e-5),
    ("J1:J2", "=CLV_SBG(10;0.1;{1|2};{0.7|\"x\"};3.8)", {2: VALUE}, 0),
]

FOREVER = ["SBGFIT", "SBGSURVIVAL", "SBGRETENTION", "SBGDEL", "SBGDERL", "CLVSBG",
           "BGBBFIT", "BGBBPALIVE", "BGBBEXPECTED", "BGBBEXPECTEDNEW"]


def fill_data(sheet, refdata):
    with open(os.path.join(refdata, "sbg_fader_hardie_2007_survival.csv"), newline="") as f:
        rows = list(csv.reader(f))
    sheet.getCellRangeByName("A1:B14").setDataArray(
        ((rows[0][0], rows[0][1]),) + tuple((float(y), float(a)) for y, a in rows[1:]))
    sheet.getCellRangeByName("B10:B14").clearContents(1)    # years 8-12: not fitted
    with open(os.path.join(refdata, "lifetimes_donations.csv"), newline="") as f:
        donors = list(csv.DictReader(f))
    sheet.getCellRangeByName("D1:G22").setDataArray(tuple(
        (float(d["frequency"]), float(d["recency"]), float(d["periods"]), float(d["weights"]))
        for d in donors))


def main(oxt_dir, workdir, refdata):
    report = Report("retention")
    os.makedirs(workdir, exist_ok=True)
    saved = os.path.join(workdir, "retention.ods")
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        doc.Sheets.getByIndex(0).Name = "Data"
        doc.Sheets.insertNewByName("Cases", 1)
        fill_data(doc.Sheets.getByName("Data"), refdata)
        cases.write(doc.Sheets.getByName("Cases"), FITS, CASES, ARRAYS, 10)   # cells in K
        doc.calculateAll()
        cases.check(report, doc.Sheets.getByName("Cases"), FITS, CASES, ARRAYS, 10, "new")
        store_and_check_names(report, doc, saved, FOREVER)
        doc = office.open(saved)
        doc.calculateAll()
        cases.check(report, doc.Sheets.getByName("Cases"), FITS, CASES, ARRAYS, 10, "reopened")
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
