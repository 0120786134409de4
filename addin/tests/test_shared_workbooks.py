"""Every template, opened by a colleague WITHOUT the clvkit extension,
shows its stored values: soffice with a fresh profile (no clvkit.oxt, no
add-in on its command line) converts each workbook to CSV, every sheet,
and no cell holds an error (#NAME?, Err:5xx, ...).  The values are the
stored ones: a few are compared with the figures test_templates.py holds
(outside figures and hand computations, not our output).

usage: /usr/bin/python3 test_shared_workbooks.py OXT_DIR WORKDIR EXAMPLES_DIR
(OXT_DIR is not used: the point is an office without it.)
"""
import csv
import glob
import os
import re
import shutil
import subprocess
import sys

from office import PROGRAM_DIR, Report, file_url

# The CSV filter: comma, quote, UTF-8, from row 1, formulas' results as
# raw numbers, and (the last token, -1) every sheet into its own file.
CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
ERROR = re.compile(r"^(#NAME\?|#VALUE!|#REF!|#DIV/0!|#N/A|#NUM!|#NULL!|#MACRO\?|Err:\d+|Fout:\d+)$")

# (file, sheet, row, column letter) -> stored value expected
STORED = {
    ("clv-calculator", "CLV", 17, "C"): 1800,            # 50 x 12 x 3
    ("acquisition-budget", "Acquisition", 7, "G"): 2.88,  # 720 / 250
    ("scenarios", "Scenarios", 10, "B"): 1000,           # 25 x 0.4 / 0.01
    ("predictive-clv", "Model", 13, "C"): 0.2425945,     # BG/NBD r on CDNOW (MLE)
    ("predictive-clv", "Customers", 2, "G"): None,       # a number
    ("predictive-clv", "Log", 8, "G"): 2,                # customer 1: x = 2 (BTYD)
    ("predictive-clv", "Diagnostics", 9, "D"): 1411,    # 2357 - 946 repeat buyers (README)
    ("subscription-retention", "Retention", 22, "C"): 0.668088,  # sBG alpha (FH 2007)
}


def convert(workdir, examples_dir):
    """CSV files of every sheet of every template, by an office without
    clvkit; returns {(book, sheet): rows}."""
    out = os.path.join(workdir, "csv")
    shutil.rmtree(out, ignore_errors=True)
    profile = os.path.join(workdir, "profile-without-clvkit")
    shutil.rmtree(profile, ignore_errors=True)
    books = sorted(glob.glob(os.path.join(examples_dir, "*.ods")))
    subprocess.run([os.path.join(PROGRAM_DIR, "soffice"), "-env:UserInstallation=" + file_url(profile),
                    "--headless", "--norestore", "--convert-to", CSV, "--outdir", out] + books,
                   check=True, timeout=600, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   start_new_session=True)
    sheets = {}
    for book in books:
        name = os.path.splitext(os.path.basename(book))[0]
        for path in glob.glob(os.path.join(out, name + "-*.csv")):
            sheet = os.path.splitext(os.path.basename(path))[0][len(name) + 1:]
            with open(path, newline="", encoding="utf-8") as f:
                sheets[(name, sheet)] = list(csv.reader(f))
    return books, sheets


def main(_oxt_dir, workdir, examples_dir):
    report = Report("shared_workbooks")
    books, sheets = convert(workdir, examples_dir)
    for book in books:
        name = os.path.splitext(os.path.basename(book))[0]
        report.check(name + " converted", any(k[0] == name for k in sheets))
    for (name, sheet), rows in sorted(sheets.items()):
        bad = ["%s%d=%s" % (chr(65 + c) if c < 26 else "?", r + 1, v)
               for r, row in enumerate(rows) for c, v in enumerate(row) if ERROR.match(v.strip())]
        report.check("%s/%s: no error cell" % (name, sheet), not bad, "%d: %s" % (len(bad), bad[:8]))
    for (name, sheet, r, letter), expected in STORED.items():
        rows = sheets.get((name, sheet), [])
        c = ord(letter) - 65
        got = rows[r - 1][c] if r - 1 < len(rows) and c < len(rows[r - 1]) else ""
        try:
            value = float(got)
        except ValueError:
            value = None
        ok = value is not None and (expected is None or abs(value - expected) <= 1e-5 * max(1, abs(expected)))
        report.check("%s/%s %s%d stored %r" % (name, sheet, letter, r, expected), ok, "got %r" % got)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
