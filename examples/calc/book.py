"""The Book helper of the template generators (make_templates.py,
model_templates.py): a new Calc document with input and heading styles,
labels in English and Dutch, charts, comments and page setup.

Two rules keep a template readable by a colleague WITHOUT the clvkit
extension (LibreOffice keeps a formula's stored value on load unless it
recalculates the cell; docs/calc.md, "Sharing workbooks"):
- every formula cell carries an explicit number format: on ODF load Calc
  recalculates formula cells with the default format, to infer one;
- no array formulas: Calc recalculates every matrix cell on ODF load.
"""
import math
import os

import uno
from com.sun.star.awt import Rectangle
from com.sun.star.table import BorderLine2, CellRangeAddress

from office import file_url, props

INPUT_COLOUR = 0xFFF2CC     # light yellow, framed: type here
INPUT_FRAME = 0xBF9000      # the inputs' frame (dark gold)
HEADER_COLOUR = 0xDDEBF7    # light blue: headings
# The LTV:CAC traffic light, bold: no colour near the input yellow, so a
# result never looks like an input.
HEALTHY, WATCH, UNHEALTHY = 0xA9D08E, 0xF4B183, 0xFF9999
EURO = "[$€-413] #,##0.00"
EURO0 = "[$€-413] #,##0"
PERCENT = "0.0%"
EXTENSION_EN = ("Computed by the clvkit extension for LibreOffice Calc (clvkit.oxt, see docs/calc.md "
                "of clvkit). Without it the stored values show; a changed input gives #NAME?.")
EXTENSION_NL = ("Berekend door de clvkit-extensie voor LibreOffice Calc (clvkit.oxt, zie docs/calc.nl.md "
                "van clvkit). Zonder de extensie blijven de waarden staan; gewijzigde invoer geeft #NAME?.")


class Book:
    """A new Calc document with the helpers the templates share."""

    def __init__(self, office):
        self.doc = office.new_sheet()
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", "")
        styles = self.doc.StyleFamilies.getByName("CellStyles")
        self.style(styles, "Input", INPUT_COLOUR)
        frame = BorderLine2(Color=INPUT_FRAME, OuterLineWidth=18, LineWidth=18)
        for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
            setattr(styles.getByName("Input"), side, frame)
        self.style(styles, "Table heading", HEADER_COLOUR, bold=True)
        for name, colour in (("Healthy", HEALTHY), ("Watch", WATCH), ("Unhealthy", UNHEALTHY)):
            self.style(styles, name, colour, bold=True)
        self.sheet = self.doc.Sheets.getByIndex(0)
        self.formats = []   # (cell, key): set again after the first calculation
        self.wrapped = []   # label cells that wrap instead of being cut off
        self.chart_end = None

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
        """A number, a text, or a formula (a string starting with '=',
        which needs fmt: see the top)."""
        cell = self.sheet.getCellRangeByName(ref)
        if isinstance(value, str) and value.startswith("="):
            if not fmt:
                raise ValueError("%s: a formula cell needs a number format" % ref)
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
        self.wrap(self.put("A%d" % r, en))
        self.wrap(self.put("B%d" % r, nl))
        col = ord(first_col)
        for v in values:
            self.put("%s%d" % (chr(col), r), v, fmt, style)
            col += 1

    def heading(self, ref, text):
        self.wrap(self.put(ref, text, style="Table heading"))

    def wrap(self, cell):
        """A label that wraps in its cell instead of being cut off."""
        cell.IsTextWrapped = True
        self.wrapped.append(cell)
        return cell

    def widths(self, *cm):
        for i, w in enumerate(cm):
            self.sheet.Columns.getByIndex(i).Width = int(w * 1000)

    def titles(self, en, nl, last_col):
        """Rows 1-5: the title, the input legend and the extension that
        computes the sheet, in English and Dutch."""
        self.put("A1", en).CharWeight = 150.0
        self.put("A2", nl).CharWeight = 150.0
        self.put("A3", "Yellow framed cells are inputs: type your own figures there. White cells compute.")
        self.put("A4", "Geel omlijnde cellen zijn invoer: vul daar je eigen cijfers in. Witte cellen rekenen.")
        for area in ("A3:%s3" % last_col, "A4:%s4" % last_col):
            cells = self.sheet.getCellRangeByName(area)
            cells.merge(True)
            cells.CellStyle = "Input"
        self.extension_line(self.sheet, "A5:%s5" % last_col)

    def extension_line(self, sheet, area):
        """Which extension recomputes the sheet and where to get it, over the
        merged cells of area ("A5:G5")."""
        cell = self.note(sheet, area, EXTENSION_EN + "\n" + EXTENSION_NL)
        cell.CharColor = 0x7F6000
        return cell

    @staticmethod
    def note(sheet, area, text, size=9.0):
        """A wrapped text over the merged cells of area (one row), the row
        made high enough for it (Calc sizes no merged cell itself)."""
        cells = sheet.getCellRangeByName(area)
        cells.merge(True)
        cell = cells.getCellByPosition(0, 0)
        cell.setString(text)
        cell.CharHeight = size
        cell.IsTextWrapped = True
        width = sum(cells.Columns.getByIndex(i).Width for i in range(cells.Columns.Count))
        per_line = width / (size * 19)          # characters a line holds, roughly
        lines = sum(math.ceil(max(1, len(p)) / per_line) for p in text.split("\n"))
        cells.Rows.Height = int(lines * size * 46 + 100)
        return cell

    def chart(self, name, ranges, below, w, h, kind, title, axes, by_rows=False, row_headers=True):
        """A chart of one or more parallel ranges ("A5:A7 E5:E7"), the first
        row and column of the whole being the headers, sized (w, h) in
        1/100 mm, under the row `below`, which starts a printed page (the
        chart never splits); axes: the (x, y) axis titles.  Sets chart_end,
        the first row below the chart."""
        addrs = []
        for ref in ranges.split():
            a = self.sheet.getCellRangeByName(ref).RangeAddress
            addrs.append(CellRangeAddress(a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow))
        for cell in self.wrapped:       # the rows' final heights, before placing
            cell.Rows.OptimalHeight = True
        top = self.sheet.getCellRangeByName("A%d" % below).Position.Y + 300
        # row_headers False: the first column is data (an XY chart's x values)
        self.sheet.Charts.addNewByName(name, Rectangle(300, top, w, h), tuple(addrs), True, row_headers)
        chart = self.sheet.Charts.getByName(name).EmbeddedObject
        chart.setDiagram(chart.createInstance("com.sun.star.chart.%s" % kind))
        if by_rows:
            chart.Diagram.DataRowSource = uno.Enum("com.sun.star.chart.ChartDataRowSource", "ROWS")
        chart.HasMainTitle = True
        chart.Title.String = title
        chart.Title.CharHeight = 11.0
        chart.HasLegend = True
        chart.Legend.Alignment = uno.Enum("com.sun.star.chart.ChartLegendPosition", "BOTTOM")
        chart.Diagram.HasXAxisTitle = True
        chart.Diagram.XAxisTitle.String = axes[0]
        chart.Diagram.HasYAxisTitle = True
        chart.Diagram.YAxisTitle.String = axes[1]
        self.sheet.Rows.getByIndex(below - 1).IsStartOfNewPage = True
        self.chart_end = self.row_at(top + h) + 1
        return chart

    def row_at(self, y):
        """The (1-based) row at height y (1/100 mm) of the sheet."""
        r = 1
        while self.sheet.getCellByPosition(0, r).Position.Y <= y:
            r += 1
        return r

    def page(self, sheet, area, title_rows=None, footer=None, tall=0):
        """Prints `area` ("A1:G40") of sheet on A4 landscape, fitted to the
        page width (and to `tall` pages down, 0: as many as it takes), repeating title_rows ("1:1") on every page; footer: a
        text for the left of the page footer."""
        styles = self.doc.StyleFamilies.getByName("PageStyles")
        name = "clvkit " + sheet.Name
        if not styles.hasByName(name):
            styles.insertByName(name, self.doc.createInstance("com.sun.star.style.PageStyle"))
        ps = styles.getByName(name)
        ps.IsLandscape = True
        ps.Width, ps.Height = 29700, 21000
        for side in ("LeftMargin", "RightMargin", "TopMargin", "BottomMargin"):
            setattr(ps, side, 1500)
        ps.ScaleToPagesX = 1
        ps.ScaleToPagesY = tall
        ps.CenterHorizontally = True
        if footer:
            content = ps.RightPageFooterContent
            content.LeftText.setString(footer)
            ps.RightPageFooterContent = content
        sheet.PageStyle = name
        a = sheet.getCellRangeByName(area).RangeAddress
        sheet.setPrintAreas((a,))
        if title_rows:
            first, last = (int(n) - 1 for n in title_rows.split(":"))
            sheet.setPrintTitleRows(True)
            sheet.setTitleRows(CellRangeAddress(a.Sheet, 0, first, 0, last))

    def comment(self, ref, text):
        cell = self.sheet.getCellRangeByName(ref)
        self.sheet.Annotations.insertNew(cell.CellAddress, text)

    def save(self, path):
        self.doc.calculateAll()
        for cell in self.wrapped:
            cell.Rows.OptimalHeight = True
        # A formula's first calculation may give it the format of the cells
        # it reads (EUR 50 x 12 -> a dollar format in an en-US office).
        for cell, key in self.formats:
            cell.NumberFormat = key
        if os.path.exists(path):
            os.remove(path)
        self.doc.storeToURL(file_url(path), props(FilterName="calc8"))
        self.doc.close(True)
