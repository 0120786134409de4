"""Opens a workbook in headless LibreOffice with the clvkit add-in, makes it
recompute, and prints every row of its first sheet that holds a formula:
the label in column A, then each cell as Calc displays it.  ./run demo uses
it on clv-calculator.ods.

usage: /usr/bin/python3 examples/calc/print_workbook.py OXT_DIR WORKBOOK [WORKDIR]
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "addin", "python"))
from office import Office  # noqa: E402


def main(oxt_dir, workbook, workdir=None):
    workdir = workdir or tempfile.mkdtemp(prefix="clvkit-demo-")
    with Office(oxt_dir, workdir) as office:
        doc = office.open(workbook)
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.RangeAddress
        print("%s, sheet %s" % (os.path.basename(workbook), sheet.Name))
        for r in range(end.EndRow + 1):
            cells = [sheet.getCellByPosition(c, r) for c in range(1, end.EndColumn + 1)]
            if not any(c.getType().value == "FORMULA" for c in cells):
                continue
            label = sheet.getCellByPosition(0, r).getString()
            shown = [c.getString() for c in cells if c.getType().value == "FORMULA"]
            print("  %-45.45s %s" % (label, "  ".join("%10s" % s for s in shown)))
        doc.close(True)


if __name__ == "__main__":
    main(*sys.argv[1:])
