"""The Diagnostics sheet of predictive-clv.ods (model_templates.py calls
it): can the models of the Model sheet be trusted? Fader, Hardie & Lee
(2005), "Counting your customers the easy way", held against the CDNOW
customers of the Customers sheet with clvkit's diagnostics functions:

  - customers by repeat transactions in weeks 1-39, actual and expected
    (*_PERIOD_COUNTS, FHL's Figure 1), charted as paired bars;
  - mean transactions in weeks 40-78 by repeat transactions in weeks 1-39,
    actual and expected (*_HOLDOUT, Figure 4), charted;
  - the holdout errors of the three models (*_HOLDOUT_ERRORS).

  - the cumulative repeat transactions of the whole log (sheet Log) week
    by week, actual and expected (*_TRACKING, FHL's Figure 3), charted
    with the end of the calibration weeks as a vertical line.

Each cell takes its element of the array result with INDEX (book.py: no
array formulas).
"""
import uno


GROUPS = 8                       # x = 0 .. 6 and 7 or more (the functions' default top)
MODELS = (("BG/NBD", "BGNBD", "BG"), ("MBG/NBD", "MBGNBD", "MBG"), ("Pareto/NBD", "PNBD", "PNBD"))
COUNTS_ROW = 9                   # first group row of the period counts
HOLDOUT_ROW = 20                 # first group row of the holdout by frequency
ERRORS_ROW = 31                  # first model row of the holdout errors
WEEKS, CALIBRATION = 78, 39      # the log's weeks, the calibration's
TRACK_COL = "JKLMNO"             # week, actual, the three models, the boundary
TRACK_ROW = ERRORS_ROW + 10      # first week row of the tracking table (beside the charts:
                                 # the rows of the printed tables keep their heights)


def group_label(k):
    return "7+" if k == GROUPS - 1 else str(k)


def label(k, more):
    return "%d %s" % (k, more) if k == GROUPS - 1 else "= %d" % k


def diagnostics_sheet(b, col, params, log):
    """col(letter): the Customers sheet's column as a range; params: model
    key ("BG", "MBG", "PNBD") -> its fitted row on the Model sheet; log:
    the Log sheet's ids and dates (ranges)."""
    b.doc.Sheets.insertNewByName("Diagnostics", 1)
    model_sheet, b.sheet = b.sheet, b.doc.Sheets.getByName("Diagnostics")
    b.widths(7.0, 7.0, 2.4, 2.6, 2.6, 2.6, 2.6, 2.6)
    x, t_x, T, holdout = col("B"), col("C"), col("D"), col("E")
    b.put("A1", "Can I trust the models? Weeks 1-39 and the holdout weeks 40-78 of CDNOW").CharWeight = 150.0
    b.put("A2", "Kan ik de modellen vertrouwen? Week 1-39 en de controleweken 40-78 van CDNOW").CharWeight = 150.0
    b.note(b.sheet, "A3:H3",
           "Fader, Hardie & Lee (2005): the models of the Model sheet held against the customers of the "
           "Customers sheet. Everything here computes from them; change the data there.")
    b.note(b.sheet, "A4:H4",
           "Fader, Hardie & Lee (2005): de modellen van het blad Model naast de klanten van het blad "
           "Customers. Alles hier rekent daarmee; wijzig de gegevens daar.")
    b.extension_line(b.sheet, "A5:H5")

    # 1. *_PERIOD_COUNTS: rows 0..7+, columns frequency, actual, expected.
    first = COUNTS_ROW - 1
    b.heading("A%d" % first, "Customers by repeat transactions x in weeks 1-39 (first chart)")
    b.heading("B%d" % first, "Klanten naar herhaalaankopen x in week 1-39 (eerste grafiek)")
    for c, text in zip("CDEFG", ("x in weeks 1-39", "actual / werkelijk", "BG/NBD", "MBG/NBD", "Pareto/NBD")):
        b.heading("%s%d" % (c, first), text)
    for k in range(GROUPS):
        r = COUNTS_ROW + k
        b.row(r, "customers with x %s" % label(k, "or more"), "klanten met x %s" % label(k, "of meer"), [])
        b.put("C%d" % r, group_label(k))
        b.put("D%d" % r, "=INDEX(BGNBD_PERIOD_COUNTS(%s;%s;$Model.%s);%d;2)"
              % (x, T, params["BG"], k + 1), "0")
        for letter, (_, fn, key) in zip("EFG", MODELS):
            b.put("%s%d" % (letter, r), "=INDEX(%s_PERIOD_COUNTS(%s;%s;$Model.%s);%d;3)"
                  % (fn, x, T, params[key], k + 1), "0.0")

    # 2. *_HOLDOUT over the 39 holdout weeks: columns frequency, customers,
    # mean actual, mean expected.
    b.heading("A%d" % (HOLDOUT_ROW - 1), "Weeks 40-78 per customer, by x in weeks 1-39 (the second chart)")
    b.heading("B%d" % (HOLDOUT_ROW - 1), "Week 40-78 per klant, naar x in week 1-39 (de tweede grafiek)")
    head = HOLDOUT_ROW - 1
    for c, text in zip("CDEFGH", ("x in weeks 1-39", "customers / klanten", "actual / werkelijk",
                                  "BG/NBD", "MBG/NBD", "Pareto/NBD")):
        b.heading("%s%d" % (c, head), text)
    for k in range(GROUPS):
        r = HOLDOUT_ROW + k
        b.row(r, "mean, customers with x %s" % label(k, "or more"),
              "gemiddelde, klanten met x %s" % label(k, "of meer"), [])
        b.put("C%d" % r, group_label(k))
        call = "BGNBD_HOLDOUT(39;%s;%s;%s;%s;$Model.%s)" % (x, t_x, T, holdout, params["BG"])
        b.put("D%d" % r, "=INDEX(%s;%d;2)" % (call, k + 1), "0")
        b.put("E%d" % r, "=INDEX(%s;%d;3)" % (call, k + 1), "0.00")
        for letter, (_, fn, key) in zip("FGH", MODELS):
            b.put("%s%d" % (letter, r), "=INDEX(%s_HOLDOUT(39;%s;%s;%s;%s;$Model.%s);%d;4)"
                  % (fn, x, t_x, T, holdout, params[key], k + 1), "0.00")

    # 3. *_HOLDOUT_ERRORS: MAE, RMSE, actual total, expected total, error %.
    b.heading("A%d" % (ERRORS_ROW - 1), "Holdout errors (weeks 40-78)")
    b.heading("B%d" % (ERRORS_ROW - 1), "Fouten in de controleperiode (week 40-78)")
    head = ERRORS_ROW - 1
    for c, text in zip("CDEFG", ("MAE", "RMSE", "actual / werkelijk", "expected / verwacht",
                                 "error % / fout %")):
        b.heading("%s%d" % (c, head), text)
    for i, (name, fn, key) in enumerate(MODELS):
        r = ERRORS_ROW + i
        b.row(r, name, name, [])
        call = "%s_HOLDOUT_ERRORS(39;%s;%s;%s;%s;$Model.%s)" % (fn, x, t_x, T, holdout, params[key])
        for j, code in enumerate(("0.0000", "0.0000", "0", "0.0", "0.00")):
            b.put("%s%d" % ("CDEFG"[j], r), "=INDEX(%s;1;%d)" % (call, j + 1), code)
    b.row(ERRORS_ROW + 3, "MAE, RMSE: per customer; error %: (expected - actual) / actual total",
          "MAE, RMSE: per klant; fout %: (verwacht - werkelijk) / werkelijk totaal", [])

    counts = "C%d:E%d" % (first, COUNTS_ROW + GROUPS - 1)
    chart = b.chart("PeriodCounts", counts, ERRORS_ROW + 5, 25000, 11000, "BarDiagram",
                    "Customers by repeat transactions in weeks 1-39: actual and BG/NBD / "
                    "Klanten naar herhaalaankopen in week 1-39: werkelijk en BG/NBD",
                    ("Repeat transactions in weeks 1-39 / Herhaalaankopen in week 1-39",
                     "Customers / Klanten"))
    chart.Diagram.Vertical = False          # columns side by side per group
    chart = b.chart("HoldoutByFrequency", "C%d:C%d E%d:H%d" % (HOLDOUT_ROW - 1, HOLDOUT_ROW + GROUPS - 1,
                                                               HOLDOUT_ROW - 1, HOLDOUT_ROW + GROUPS - 1),
                    b.chart_end + 1, 25000, 11000, "LineDiagram",
                    "Weeks 40-78: transactions per customer, actual and expected / "
                    "Aankopen per klant in week 40-78, werkelijk en verwacht",
                    ("Repeat transactions in weeks 1-39 / Herhaalaankopen in week 1-39",
                     "Transactions per customer in weeks 40-78 / Aankopen per klant"))
    tracking(b, params, log)
    b.page(b.sheet, "A1:H%d" % b.chart_end)
    b.sheet = model_sheet


def tracking(b, params, log):
    """*_TRACKING of the whole log in weeks from its first day: a table
    right of the printed area (columns J-O, beside the charts) and its
    chart under the others.  The last two rows draw the end of the calibration weeks: two
    points at week 39, from 0 to above the curves."""
    ids, dates = log
    week, actual, *models, edge = TRACK_COL
    head = TRACK_ROW - 1
    # titles over the columns to their right, not wrapped in the narrow week
    # column
    for r, text in ((head - 2, "Repeat transactions of the log, cumulative per week (third chart)"),
                    (head - 1, "Herhaalaankopen van de log, cumulatief per week (derde grafiek)")):
        b.put("%s%d" % (week, r), text).CharWeight = 150.0
    for c, text in zip(TRACK_COL, ("week", "actual / werkelijk", "BG/NBD", "MBG/NBD", "Pareto/NBD",
                                   "end of weeks 1-39 / einde week 1-39")):
        b.heading("%s%d" % (c, head), text)
    last = TRACK_ROW + WEEKS - 1
    for k in range(WEEKS):
        r = TRACK_ROW + k
        for letter, (_, fn, key) in zip(models, MODELS):
            call = '%s_TRACKING(%s;%s;$Model.%s;"week";1;%d)' % (fn, ids, dates, params[key], WEEKS)
            if key == "BG":  # the period and the actual cumulative once
                b.put("%s%d" % (week, r), "=INDEX(%s;%d;1)" % (call, k + 1), "0")
                b.put("%s%d" % (actual, r), "=INDEX(%s;%d;3)" % (call, k + 1), "0")
            b.put("%s%d" % (letter, r), "=INDEX(%s;%d;5)" % (call, k + 1), "0")
    curves = "%s%d:%s%d" % (actual, TRACK_ROW, models[-1], last)
    for r, y in ((last + 1, "=MIN(%s)" % curves), (last + 2, "=CEILING(MAX(%s);1000)" % curves)):
        b.put("%s%d" % (week, r), "=%s%d" % (week, TRACK_ROW + CALIBRATION - 1), "0")
        b.put("%s%d" % (edge, r), y, "0")
    for i, width in enumerate((1.6, 2.6, 2.2, 2.2, 2.2, 3.0)):
        b.sheet.Columns.getByIndex(9 + i).Width = int(width * 1000)
    chart = b.chart("Tracking", "%s%d:%s%d" % (week, head, edge, last + 2), b.chart_end + 1, 25000, 11000,
                    "XYDiagram",
                    "Repeat transactions, cumulative: actual and expected, weeks 1-39 calibration, "
                    "40-78 holdout / Herhaalaankopen cumulatief, werkelijk en verwacht",
                    ("Week since the log's first day / Week sinds de eerste dag van de log",
                     "Repeat transactions, cumulative / Herhaalaankopen, cumulatief"),
                    row_headers=False)
    chart.Diagram.SymbolType = uno.getConstantByName("com.sun.star.chart.ChartSymbolType.NONE")
    chart.Diagram.Lines = True
    chart.Diagram.XAxis.AutoMax = False
    chart.Diagram.XAxis.Max = WEEKS + 2
