"""COHORT_TABLE and EARLY_VALUE in cells of a headless Calc, on the High
End segment of Fader & Hardie (2007) written out as a subscription log:
1000 customers acquired on 1 March 2000, each paying 30 once a year until
the year it leaves, so that survivors[year] is the paper's figure
(sbg_fader_hardie_2007_survival.csv, years 0-7).

Expected numbers come from that file alone (never the add-in's output):
  - the cohort table's active customers and survivors per year are the
    paper's survivors, its revenue 30 x survivors, its retention
    survivors / 1000;
  - the early value at d days is 30 x (payments in days 0..d-1) averaged
    over the 1000 customers: 365 days hold one payment, 730 two and 1095
    three (2000-03-01 + 365 = 2001-03-01), so 30 S(0)/1000,
    30 (S(0)+S(1))/1000, 30 (S(0)+S(1)+S(2))/1000.
Errors: text #VALUE!, a domain error Err:502.

usage: /usr/bin/python3 test_cohorts.py OXT_DIR WORKDIR REFDATA_DIR
"""
import csv
import datetime
import os
import sys

from office import ERR_ILLEGAL_ARGUMENT, ERR_NA, ERR_VALUE, Office, Report, cell_result

YEARS = 8
LOG = "$Data.A1:A{n};$Data.B1:B{n};$Data.C1:C{n}"


def survivors(refdata):
    with open(os.path.join(refdata, "sbg_fader_hardie_2007_survival.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r["highend_alive"]) for r in rows[:YEARS]]


def subscription_log(alive):
    """(id, YYYYMMDD, 30) rows: a customer leaving after year y pays in
    years 0..y."""
    rows, customer = [], 0
    for year in range(YEARS):
        leaving = int(alive[year] - (alive[year + 1] if year + 1 < YEARS else 0))
        for _ in range(leaving):
            customer += 1
            rows += [(float(customer), float((2000 + y) * 10000 + 301), 30.0)
                     for y in range(year + 1)]
    return rows


def array(sheet, rng, formula):
    sheet.getCellRangeByName(rng).setArrayFormula(formula)


def check_range(report, sheet, rng, expected, label):
    cells = sheet.getCellRangeByName(rng)
    for r, row in enumerate(expected):
        for c, want in enumerate(row):
            if want is None:
                continue
            report.expect("%s [%d,%d]" % (label, r, c), cell_result(cells.getCellByPosition(c, r)),
                          want, 1e-12)


def main(oxt_dir, workdir, refdata):
    report = Report("cohorts")
    os.makedirs(workdir, exist_ok=True)
    alive = survivors(refdata)
    rows = subscription_log(alive)
    log = LOG.format(n=len(rows))
    with Office(oxt_dir, workdir) as office:
        doc = office.new_sheet()
        doc.Sheets.getByIndex(0).Name = "Data"
        doc.Sheets.insertNewByName("Out", 1)
        doc.Sheets.getByName("Data").getCellRangeByName("A1:C%d" % len(rows)).setDataArray(
            tuple(rows))
        doc.Sheets.getByName("Data").getCellRangeByName("E1:E3").setDataArray(
            (("x",), (1.0,), (1.0,)))  # an amount that is text
        out = doc.Sheets.getByName("Out")
        # one cohort (2000), ages 0-7 up to the last day observed, one row more: #N/A
        array(out, "A1:H9", "=COHORT_TABLE(%s;\"year\";\"2007-12-31\")" % log)
        # the same by the Dutch unit name and the log's own last day
        array(out, "A11:H18", "=COHORT_TABLE(%s;\"jaar\")" % log)
        array(out, "J1:O4", "=EARLY_VALUE(%s;{365;730;1095};\"day\";\"year\")" % log)
        errors = [
            ("=COHORT_TABLE(%s;\"fortnight\")" % log, ("error", ERR_ILLEGAL_ARGUMENT)),
            ("=COHORT_TABLE(%s;\"year\";\"soon\")" % log, ("error", ERR_ILLEGAL_ARGUMENT)),
            ("=COHORT_TABLE(%s;\"year\";19990101)" % log, ("error", ERR_ILLEGAL_ARGUMENT)),
            ("=EARLY_VALUE(%s;0;\"day\";\"year\")" % log, ("error", ERR_ILLEGAL_ARGUMENT)),
            ("=EARLY_VALUE(%s;\"a\";\"day\";\"year\")" % log, ("error", ERR_VALUE)),
            ("=EARLY_VALUE(%s;14;\"hour\";\"year\")" % log, ("error", ERR_ILLEGAL_ARGUMENT)),
            ("=COHORT_TABLE($Data.A1:A3;$Data.B1:B3;$Data.E1:E3;\"year\")", ("error", ERR_VALUE)),
        ]
        for i, (formula, _) in enumerate(errors):
            array(out, "A%d:A%d" % (30 + i, 30 + i), formula)
        doc.calculateAll()

        # 2000-01-01 as a Calc date (serial 0 = 1899-12-30): the cohort's calendar year
        start = float((datetime.date(2000, 1, 1) - datetime.date(1899, 12, 30)).days)
        expected = [[start, float(a), 1000.0, alive[a], 30 * alive[a], alive[a] / 1000,
                     30 * alive[a] / 1000, alive[a]] for a in range(YEARS)]
        check_range(report, out, "A1:H8", expected, "High End table")
        check_range(report, out, "A11:H18", expected, "High End table, jaar")
        report.expect("no ninth age", cell_result(out.getCellRangeByName("A9")), ("error", ERR_NA))
        cum = [30 * sum(alive[:k]) / 1000 for k in (1, 2, 3)]
        # one cohort: the pooled columns repeat it; a fourth row is past the array
        early = [[start, d, m, 1000.0, m, 1000.0] for d, m in zip((365.0, 730.0, 1095.0), cum)]
        check_range(report, out, "J1:O3", early, "High End early value")
        report.expect("three ages", cell_result(out.getCellRangeByName("J4")), ("error", ERR_NA))
        for i, (formula, want) in enumerate(errors):
            report.expect(formula, cell_result(out.getCellRangeByName("A%d" % (30 + i))), want)
        doc.close(True)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
