"""Every example of docs/calc.md and docs/calc.nl.md, typed into a real sheet
with the data the docs name, against the result the docs print.

An example is a row `| `=FORMULA` | result | note |` of a table headed
`| example | result |` (nl: `| voorbeeld | uitkomst |`); `{=...}` is an
array formula.  The result is one of
  - a number (1800, 0.2426, −9582.43): the cell, rounded to the printed
    decimals, must be that number;
  - numbers separated by ", " for an array formula: its first row, which
    gives the width; "N rows; the first: a, b, ..." also gives the height;
  - an error as the user interface shows it (Err:502 / Fout:502, #VALUE!
    / #WAARDE!), a text (high), or a comparison (< 1);
  - another formula in backticks: both cells must hold the same value.
Anything else fails: an example the test cannot check is a defect.

The data: each `### FUNCTION` section's examples run in a sheet set up as
its chapter of the docs says (the `setup_*` functions below, from
tests/data/refdata).  The English page is typed through the API's formula
syntax with an English UI; the Dutch page as a Dutch user types it
(XCell.FormulaLocal, Dutch UI and Dutch locale: decimal comma, DATUM).

PENDING lists examples that wait for another branch (the lead empties it
on merge): they are typed, and reported, but not counted as failures.

usage: /usr/bin/python3 test_docs_examples.py OXT_DIR WORKDIR DOCS_DIR REFDATA
"""
import csv
import os
import re
import sys

from office import (ERR_ILLEGAL_ARGUMENT, ERR_NA, ERR_NO_CONVERGENCE, ERR_VALUE, Office,
                    Report, cell_result)

# Examples that wait for another branch (empty: nothing waits).
PENDING = set()

ERRORS = {"Err:502": ERR_ILLEGAL_ARGUMENT, "Fout:502": ERR_ILLEGAL_ARGUMENT,
          "Err:523": ERR_NO_CONVERGENCE, "Fout:523": ERR_NO_CONVERGENCE,
          "#VALUE!": ERR_VALUE, "#WAARDE!": ERR_VALUE, "#N/A": ERR_NA, "#N/B": ERR_NA}
HEADS = ("| example | result |", "| voorbeeld | uitkomst |")
ROW = re.compile(r"^\| `(\{?=[^`]*\}?)` \| (.*?) \|")
OUT = (20, 0)  # column U, row 1: where examples are typed (free in every setup)


def examples(path):
    """(function, formula, result) of every example row, in order."""
    out, function, in_table = [], None, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("### "):
                function = line[4:].strip()
            if line.startswith(HEADS):
                in_table = True
                continue
            if not line.startswith("|"):
                in_table = False
            m = ROW.match(line) if in_table else None
            if m:
                out.append((function, m.group(1), m.group(2).strip()))
    return out


# -- the data of each chapter -------------------------------------------------
def read_csv(refdata, name):
    with open(os.path.join(refdata, name), newline="") as f:
        return list(csv.reader(f))[1:]


def put(sheet, corner, rows):
    col, row = corner
    rng = sheet.getCellRangeByPosition(col, row, col + len(rows[0]) - 1, row + len(rows) - 1)
    rng.setDataArray(tuple(tuple(v for v in r) for r in rows))


def array(sheet, rng, formula):
    sheet.getCellRangeByName(rng).setArrayFormula(formula)


def setup_basic(sheet, refdata, function):
    """A1:A10 1..10; B2:B4 spend per channel, C2:C4 new customers; E2:E3
    funnel rates 20% and 5%."""
    put(sheet, (0, 0), [[float(i)] for i in range(1, 11)])
    put(sheet, (1, 1), [[3000.0, 20.0], [5000.0, 25.0], [2000.0, 5.0]])
    put(sheet, (4, 1), [[0.2], [0.05]])


def setup_cdnow(sheet, refdata, function):
    """The Customers sheet of predictive-clv.ods: A id, B x, C t_x, D T,
    E holdout transactions, F mean repeat value m (rows 2-2358); O1:S1 the
    section's model fit (BG/NBD for GG), O2:R2 the Gamma-Gamma fit."""
    rows = read_csv(refdata, "btyd_cdnowSummary_cbs.csv")
    put(sheet, (0, 1), [[float(v) for v in r] for r in rows])
    model = function.split("_")[0]
    model = model if model in ("BGNBD", "MBGNBD", "PNBD") else "BGNBD"
    array(sheet, "O1:S1", "=%s_FIT(B2:B2358;C2:C2358;D2:D2358)" % model)
    array(sheet, "O2:R2", "=GG_FIT(B2:B2358;F2:F2358)")


def setup_elog(sheet, refdata, function):
    """BTYD's CDNOW event log: A masterid, B sampleid, C date (YYYYMMDD),
    D cds, E sales (rows 2-6920)."""
    rows = read_csv(refdata, "btyd_cdnowElog.csv")
    put(sheet, (0, 1), [[float(v) for v in r] for r in rows])


def setup_sbg(sheet, refdata, function):
    """A2:A14 the years 0-12, B2:B9 the High End survivors of years 0-7,
    F1:H1 the sBG fit."""
    rows = read_csv(refdata, "sbg_fader_hardie_2007_survival.csv")
    put(sheet, (0, 1), [[float(i)] for i in range(13)])
    put(sheet, (1, 1), [[float(r[1])] for r in rows[:8]])
    array(sheet, "F1:H1", "=SBG_FIT(B2:B9)")


def setup_donations(sheet, refdata, function):
    """A2:D23 the donations (x, t_x, n, donors), F1:J1 the BG/BB fit."""
    rows = read_csv(refdata, "btyd_donationsSummary_rf_matrix.csv")
    put(sheet, (0, 1), [[float(v) for v in r[:4]] for r in rows])
    array(sheet, "F1:J1", "=BGBB_FIT(A2:A23;B2:B23;C2:C23;D2:D23)")


def setup_for(function):
    name = function or ""
    if name in ("RFM_SUMMARY", "COHORT_TABLE", "EARLY_VALUE") or name.endswith("_TRACKING"):
        return setup_elog
    if name.split("_")[0] in ("BGNBD", "MBGNBD", "PNBD", "GG"):
        return setup_cdnow
    if name.startswith("SBG") or name == "CLV_SBG":
        return setup_sbg
    if name.startswith("BGBB"):
        return setup_donations
    return setup_basic


# -- typing and comparing -------------------------------------------------------
NUMBER = r"[−-]?\d[\d,.]*"


def number(text, dutch):
    """float and printed decimals of a number as the page prints it."""
    text = text.replace("−", "-")
    if dutch:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text), decimals


def close(got, text, dutch):
    value, decimals = number(text, dutch)
    return got[0] == "value" and abs(got[1] - value) <= 0.5 * 10 ** -decimals * (1 + 1e-9)


def type_formula(cell, formula, dutch):
    if dutch:
        cell.FormulaLocal = formula
    else:
        cell.setFormula(formula)


def check_example(report, doc, sheet, label, formula, result, dutch):
    col, row = OUT
    is_array = formula.startswith("{")
    formula = formula.strip("{}")
    sep = ";" if dutch else ", "
    m = re.match(r"^([\d,.]+) (?:rows|rijen); (?:the first|de eerste): (.*)$", result)
    height, first = (int(number(m.group(1), dutch)[0]), m.group(2)) if m else (1, result)
    values = first.split(sep) if is_array else [first]
    cell = sheet.getCellByPosition(col, row)
    if is_array:
        rng = sheet.getCellRangeByPosition(col, row, col + len(values) - 1, row + height - 1)
        if dutch:  # no local array entry in the API: parse it in a cell first
            cell.FormulaLocal = formula
            formula = cell.getFormula()
            cell.setString("")
        rng.setArrayFormula(formula)
    else:
        type_formula(cell, formula, dutch)
    doc.calculate()
    if result.startswith("`=") and result.endswith("`"):
        other = sheet.getCellByPosition(col + 1, row)
        type_formula(other, result.strip("`"), dutch)
        doc.calculate()
        a, b = cell_result(cell), cell_result(other)
        return report.check(label, a[0] == "value" and b[0] == "value"
                            and abs(a[1] - b[1]) <= 1e-9 * max(1, abs(b[1])), "%r vs %r" % (a, b))
    ok = True
    for i, text in enumerate(values):
        got = cell_result(sheet.getCellByPosition(col + i, row))
        text = text.strip()
        if text in ERRORS:  # the code, and the text the user interface shows
            shown = sheet.getCellByPosition(col + i, row).getString()
            ok &= got == ("error", ERRORS[text]) and shown == text
        elif re.fullmatch(NUMBER, text):
            ok &= close(got, text, dutch)
        elif re.fullmatch(r"[<>] " + NUMBER, text):
            value = number(text[2:], dutch)[0]
            ok &= got[0] == "value" and ((got[1] < value) if text[0] == "<" else (got[1] > value))
        elif re.fullmatch(r"[a-z]+", text):
            ok &= got == ("text", text)
        else:
            return report.check(label + " (a result the test can check)", False, repr(text))
        if not ok:
            return report.check(label, False, "value %d: got %r, docs print %r" % (i + 1, got, text))
    if height > 1:
        last = cell_result(sheet.getCellByPosition(col, row + height - 1))
        ok &= report.check(label + ": %d rows" % height, last[0] != "error", repr(last))
    return report.check(label, ok)


def check_page(report, office, path, refdata, dutch):
    found = examples(path)
    report.check("%s has examples" % path, len(found) > 50, str(len(found)))
    pending_failed = []
    for function, formula, result in found:
        doc = office.new_sheet()
        sheet = doc.Sheets.getByIndex(0)
        setup_for(function)(sheet, refdata, function)
        label = "%s: %s → %s" % (os.path.basename(path), formula, result)
        if formula in PENDING:
            probe = Report("pending")
            if not check_example(probe, doc, sheet, label, formula, result, dutch):
                pending_failed.append(label)
        else:
            check_example(report, doc, sheet, label, formula, result, dutch)
        doc.close(True)
    for label in pending_failed:
        print("PENDING (calc-addin): %s" % label)


def main(oxt_dir, workdir, docs_dir, refdata):
    report = Report("docs_examples")
    with Office(oxt_dir, os.path.join(workdir, "en"), ui_locale="en-US") as office:
        check_page(report, office, os.path.join(docs_dir, "calc.md"), refdata, False)
    with Office(oxt_dir, os.path.join(workdir, "nl"), ui_locale="nl",
                number_locale="nl-NL") as office:
        check_page(report, office, os.path.join(docs_dir, "calc.nl.md"), refdata, True)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:5])
