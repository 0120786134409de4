"""The Book helper of the template generators (make_templates.py,
model_templates.py): a new Calc document with input and heading styles,
labels in English and Dutch, charts and comments.
"""
import os

import uno
from com.sun.star.awt import Rectangle
from com.sun.star.table import CellRangeAddress

from office import file_url, props

INPUT_COLOUR = 0xFFF2CC     # light yellow: type here
HEADER_COLOUR = 0xDDEBF7    # light blue: headings
EURO = "[$€-413] #,##0.00"
EURO0 = "[$€-413] #,##0"
PERCENT = "0.0%"


class Book:
    """A new Calc document with the helpers the three templates share."""

    def __init__(self, office):
        self.doc = office.new_sheet()
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", "")
        styles = self.doc.StyleFamilies.getByName("CellStyles")
        self.style(styles, "Input", INPUT_COLOUR)
        self.style(styles, "Table heading", HEADER_COLOUR, bold=True)
        for name, colour in (("Healthy", 0xC6EFCE), ("Watch", 0xFFEB9C), ("Unhealthy", 0xFFC7CE)):
            self.style(styles, name, colour)
        self.sheet = self.doc.Sheets.getByIndex(0)
        self.formats = []   # (cell, key): set again after the first calculation

    def style(self, styles, name, colour, bold=False):
        if not styles.hasByName(name):
            styles.insertByName(name, self.doc.createInstance("com.sun.star.style.CellStyle"))
        s = styles.getByName(name)
        s.CellBackColor = colour
        if bold:
            s.CharWeight = 150.0

    def number_format(self, code):
        formats = self.doc.NumberFormats
        key = formats.queryKey(code, self.locale, False)
        return key if key != -1 else formats.addNew(code, self.locale)

    def put(self, ref, value, fmt=None, style=None):
        """A number, a text, or a formula (a string starting with '=')."""
        cell = self.sheet.getCellRangeByName(ref)
        if isinstance(value, str) and value.startswith("="):
            cell.setFormula(value)
        elif isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)
        if fmt:
            key = self.number_format(fmt)
            cell.NumberFormat = key
            self.formats.append((cell, key))
        if style:
            cell.CellStyle = style
        return cell

    def row(self, r, en, nl, values, fmt=None, style=None, first_col="C"):
        """Labels in A (English) and B (Dutch), values from first_col on."""
        self.put("A%d" % r, en)
        self.put("B%d" % r, nl)
        col = ord(first_col)
        for v in values:
            self.put("%s%d" % (chr(col), r), v, fmt, style)
            col += 1

    def heading(self, ref, text):
        self.put(ref, text, style="Table heading")

    def widths(self, *cm):
        for i, w in enumerate(cm):
            self.sheet.Columns.getByIndex(i).Width = int(w * 1000)

    def titles(self, en, nl):
        """Rows 1-4: the title and the input legend, in English and Dutch."""
        self.put("A1", en).CharWeight = 150.0
        self.put("A2", nl).CharWeight = 150.0
        self.put("A3", "Yellow cells are inputs: type your own figures there. White cells compute.")
        self.put("A4", "Gele cellen zijn invoer: vul daar je eigen cijfers in. Witte cellen rekenen.")
        for ref in ("A3", "A4"):
            self.sheet.getCellRangeByName(ref).CellBackColor = INPUT_COLOUR

    def chart(self, name, ranges, x, y, w, h, kind, title, by_rows=False):
        """A chart of one or more parallel ranges ("A5:A7 E5:E7"), the first
        row and column of the whole being the headers, placed at (x, y) and
        sized (w, h) in 1/100 mm."""
        addrs = []
        for ref in ranges.split():
            a = self.sheet.getCellRangeByName(ref).RangeAddress
            addrs.append(CellRangeAddress(a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow))
        self.sheet.Charts.addNewByName(name, Rectangle(x, y, w, h), tuple(addrs), True, True)
        chart = self.sheet.Charts.getByName(name).EmbeddedObject
        chart.setDiagram(chart.createInstance("com.sun.star.chart.%s" % kind))
        if by_rows:
            chart.Diagram.DataRowSource = uno.Enum("com.sun.star.chart.ChartDataRowSource", "ROWS")
        chart.HasMainTitle = True
        chart.Title.String = title
        chart.HasLegend = True
        return chart

    def comment(self, ref, text):
        cell = self.sheet.getCellRangeByName(ref)
        self.sheet.Annotations.insertNew(cell.CellAddress, text)

    def save(self, path):
        self.doc.calculateAll()
        # A formula's first calculation may give it the format of the cells
        # it reads (EUR 50 x 12 -> a dollar format in an en-US office).
        for cell, key in self.formats:
            cell.NumberFormat = key
        if os.path.exists(path):
            os.remove(path)
        self.doc.storeToURL(file_url(path), props(FilterName="calc8"))
        self.doc.close(True)
