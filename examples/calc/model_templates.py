"""The two model templates of examples/calc/ (make_templates.py calls them):

  predictive-clv.ods          BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma
                              fitted on the 2,357 CDNOW customers (sheet
                              Customers), predictions per customer, one
                              customer looked up, and the holdout weeks
                              40-78 predicted against what happened, charted;
                              sheet Diagnostics (diagnostics_sheet.py): the
                              models held against the data, charted, and
                              tracked week by week on the whole log (sheet
                              Log)
  subscription-retention.ods  sBG fitted on the High End cohort of Fader &
                              Hardie (2007), years 0-7, projected to year 12
                              against what happened, charted, and what a
                              subscriber is worth

The data come from tests/data/refdata (the CDNOW summary and event log of
BTYD, the survival table of Fader & Hardie 2007).
"""
import csv
import os

from book import EURO, EURO0, PERCENT, Book
from diagnostics_sheet import diagnostics_sheet

N = 2357                       # CDNOW customers: rows 2..2358 of Customers
PRINTED = 40                   # the customers the Customers sheet prints
LOGGED = 10                    # the customers the Log sheet holds (1..LOGGED)
PALIVE = "0.0000"              # P(alive), every model alike
CUSTOMERS = "$Customers.%s2:%s2358"
BG, MBG, PNBD, GG = "$C$13:$G$13", "$C$14:$G$14", "$C$15:$G$15", "$C$16:$F$16"


def col(letter):
    return CUSTOMERS % (letter, letter)


def history(params):
    """x; t_x; T of every customer, then the parameters."""
    return "%s;%s;%s;$Model.%s" % (col("B"), col("C"), col("D"), params)


def range_format(b, cells, code):
    """A number format for a range of formula cells, set again when the book
    is saved (a first calculation may give them the inputs' format)."""
    key = b.number_format(code)
    cells.NumberFormat = key
    b.formats.append((cells, key))


def fill(b, sheet, area, make, code):
    """Formula cells over area ("G2:G2358"), make(row, col) giving each
    one's formula (0-based within the area), all with number format code.
    One formula per cell, no array formula: a colleague without clvkit
    keeps the stored values (see book.py)."""
    cells = sheet.getCellRangeByName(area)
    a = cells.RangeAddress
    cells.setFormulaArray(tuple(tuple(make(r, c) for c in range(a.EndColumn - a.StartColumn + 1))
                                for r in range(a.EndRow - a.StartRow + 1)))
    range_format(b, cells, code)


def fitted(b, sheet, area, call, code="0.0000"):
    """A fit's parameters and LL in the cells of area ("C13:G13"), each
    taking its element of the fit's row with INDEX."""
    fill(b, sheet, area, lambda r, c: "=INDEX(%s;1;%d)" % (call, c + 1), code)


def customers_sheet(b, refdata):
    """The CDNOW summary (inputs) and, per customer, the predictions (one
    formula per cell)."""
    b.doc.Sheets.insertNewByName("Customers", 1)
    sheet = b.doc.Sheets.getByName("Customers")
    with open(os.path.join(refdata, "btyd_cdnowSummary_cbs.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    heads = ("customer / klant", "x", "t_x (weeks / weken)", "T (weeks / weken)",
             "holdout weeks 40-78 / controle week 40-78", "m: mean repeat value / gem. waarde",
             "P(alive) BG/NBD", "holdout BG/NBD", "holdout MBG/NBD", "holdout Pareto/NBD",
             "next horizon BG/NBD / komende horizon", "spend / besteding (GG)", "CLV (BG/NBD + GG)")
    sheet.getCellRangeByName("A1:M1").setDataArray((heads,))
    sheet.getCellRangeByName("A1:M1").CellStyle = "Table heading"
    data = sheet.getCellRangeByName("A2:F%d" % (N + 1))
    data.setDataArray(tuple((float(r["cust"]), float(r["x"]), float(r["t.x"]), float(r["T.cal"]),
                             float(r["x.star"]), float(r["m.x"])) for r in rows))
    data.CellStyle = "Input"
    range_format(b, sheet.getCellRangeByName("C2:D%d" % (N + 1)), "0.00")
    range_format(b, sheet.getCellRangeByName("F2:F%d" % (N + 1)), EURO)
    one = "B{0};C{0};D{0};$Model.%s"
    predictions = {
        "G": ("=BGNBD_PALIVE(%s)" % one % BG, "0.0000"),
        "H": ("=BGNBD_EXPECTED(39;%s)" % one % BG, "0.000"),
        "I": ("=MBGNBD_EXPECTED(39;%s)" % one % MBG, "0.000"),
        "J": ("=PNBD_EXPECTED(39;%s)" % one % PNBD, "0.000"),
        "K": ("=BGNBD_EXPECTED($Model.$C$7;%s)" % one % BG, "0.000"),
        "L": ("=GG_SPEND(B{0};F{0};$Model.%s)" % GG, EURO),
        "M": ("=BGNBD_CLV(B{0};C{0};D{0};F{0};$Model.%s;$Model.%s;$Model.$C$7;$Model.$C$10;$Model.$C$8)"
              % (BG, GG), EURO),
    }
    for letter, (formula, code) in predictions.items():
        fill(b, sheet, "%s2:%s%d" % (letter, letter, N + 1),
             lambda r, c, f=formula: f.format(r + 2), code)
    for i, width in enumerate((2.2, 1.5, 3, 3, 3, 3, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6)):
        sheet.Columns.getByIndex(i).Width = int(width * 1000)
    sheet.getCellRangeByName("A1:M1").IsTextWrapped = True
    sheet.getCellRangeByName("A1:M1").Rows.OptimalHeight = True
    b.extension_line(sheet, "N1:T1")
    b.page(sheet, "A1:M%d" % (PRINTED + 1), "1:1",
           footer="The first %d of %d customers / de eerste %d van %d klanten "
                  "(Format > Print Ranges)" % (PRINTED, N, PRINTED, N))


def log_sheet(b, refdata):
    """Step 1 of the model guide: the CDNOW transaction log of all 2,357
    customers (inputs; the Diagnostics sheet tracks it week by week) and
    RFM_SUMMARY of it for customers 1 to LOGGED, which gives those
    customers' rows of the Customers sheet.  The sheet prints the log of
    those customers.  Returns the log's ids and dates as ranges."""
    b.doc.Sheets.insertNewByName("Log", 1)
    sheet = b.doc.Sheets.getByName("Log")
    with open(os.path.join(refdata, "btyd_cdnowElog.csv"), newline="") as f:
        log = list(csv.DictReader(f))
    printed = 7 + sum(1 for r in log if int(r["sampleid"]) <= LOGGED)
    last = 7 + len(log)
    put = sheet.getCellRangeByName
    put("A1").setString("Step 1: from a transaction log to x, t_x and T per customer (RFM_SUMMARY)")
    put("A2").setString("Stap 1: van een transactielog naar x, t_x en T per klant (RFM_SUMMARY)")
    put("A1:A2").CharWeight = 150.0
    b.note(sheet, "A3:L3",
        "The log of all CDNOW customers (yellow: type or paste your own); the summary shows customers "
        "1-%d, each cell taking its element with INDEX. For every customer select seven columns, type "
        "=RFM_SUMMARY(A8:A%d;B8:B%d;D8:D%d;\"week\";19970930) and press Ctrl+Shift+Enter (an array "
        "formula: recomputed on every load, so it needs clvkit to open)." % (LOGGED, last, last, last), 10.0)
    b.note(sheet, "A4:L4",
        "Het log van alle CDNOW-klanten (geel: typ of plak je eigen log); de samenvatting toont klanten "
        "1-%d, elke cel neemt zijn element met INDEX. Voor alle klanten: selecteer zeven kolommen, typ "
        "=RFM_SUMMARY(A8:A%d;B8:B%d;D8:D%d;\"week\";19970930) en druk Ctrl+Shift+Enter (een "
        "matrixformule: wordt bij elk openen herberekend, dus alleen met clvkit te openen)."
        % (LOGGED, last, last, last), 10.0)
    b.extension_line(sheet, "A5:L5")
    heads = ("customer / klant", "date / datum", "CDs", "amount / bedrag", "",
             "customer / klant", "x", "t_x (weeks / weken)", "T (weeks / weken)",
             "m: mean repeat value / gem. waarde", "holdout / controle: x", "holdout / controle: value")
    put("A7:L7").setDataArray((heads,))
    for c, head in enumerate(heads):
        if head:
            cell = sheet.getCellByPosition(c, 6)
            cell.CellStyle = "Table heading"
            cell.IsTextWrapped = True
    data = put("A8:D%d" % last)
    data.setDataArray(tuple((float(r["sampleid"]), float(r["date"]), float(r["cds"]), float(r["sales"]))
                            for r in log))
    data.CellStyle = "Input"
    range_format(b, put("A8:C%d" % last), "0")
    range_format(b, put("D8:D%d" % last), EURO)
    call = 'RFM_SUMMARY($A$8:$A$%d;$B$8:$B$%d;$D$8:$D$%d;"week";19970930)' % (last, last, last)
    for c, code in enumerate(("0", "0", "0.00", "0.00", EURO, "0", EURO)):
        fill(b, sheet, "%s8:%s%d" % ("FGHIJKL"[c], "FGHIJKL"[c], 7 + LOGGED),
             lambda r, _, c=c: "=INDEX(%s;%d;%d)" % (call, r + 1, c + 1), code)
    for i, width in enumerate((2.4, 2.4, 1.5, 2.6, 0.6, 2.4, 1.5, 2.6, 2.6, 3.2, 2.6, 2.6)):
        sheet.Columns.getByIndex(i).Width = int(width * 1000)
    put("A7:L7").Rows.OptimalHeight = True
    b.page(sheet, "A1:L%d" % printed, "7:7", tall=1,
           footer="The log of customers 1-%d; all %d customers in rows 8-%d / het log van klanten 1-%d; "
                  "alle %d klanten in rij 8-%d" % (LOGGED, N, last, LOGGED, N, last))
    return "$Log.$A$8:$A$%d" % last, "$Log.$B$8:$B$%d" % last


def predictive_clv(office, path, refdata):
    b = Book(office)
    b.sheet.Name = "Model"
    b.widths(8.5, 8.5, 2.6, 2.6, 2.6, 2.6, 2.6)
    b.titles("Predictive CLV: who comes back, how often, for how much (CDNOW, 2,357 customers)",
             "Voorspelde klantwaarde: wie komt terug, hoe vaak, voor hoeveel (CDNOW, 2357 klanten)", "G")
    customers_sheet(b, refdata)
    log = log_sheet(b, refdata)

    b.heading("A6", "Settings (time unit: weeks)")
    b.heading("B6", "Instellingen (tijdseenheid: weken)")
    b.row(7, "Prediction horizon (weeks)", "Voorspelhorizon (weken)", [52], None, "Input")
    b.row(8, "Gross margin on spend", "Brutomarge op de besteding", [0.3], PERCENT, "Input")
    b.row(9, "Discount rate per year", "Disconteringsvoet per jaar", [0.1], PERCENT, "Input")
    b.row(10, "Discount rate per week", "Disconteringsvoet per week", ["=DISCOUNT_PERIOD(C9;1/52)"], "0.000%")

    b.heading("A12", "Models fitted on the Customers sheet")
    b.heading("B12", "Modellen geschat op het blad Customers")
    fits = ((13, "BG/NBD: r, alpha, a, b, LL", "BG/NBD: r, alpha, a, b, LL", "BGNBD_FIT", "G"),
            (14, "MBG/NBD: r, alpha, a, b, LL", "MBG/NBD: r, alpha, a, b, LL", "MBGNBD_FIT", "G"),
            (15, "Pareto/NBD: r, alpha, s, beta, LL", "Pareto/NBD: r, alpha, s, beta, LL", "PNBD_FIT", "G"),
            (16, "Gamma-Gamma spend: p, q, gamma, LL", "Gamma-Gamma-besteding: p, q, gamma, LL", "GG_FIT", "F"))
    for r, en, nl, fit, last in fits:
        b.row(r, en, nl, [])
        data = "%s;%s" % (col("B"), col("F")) if fit == "GG_FIT" else \
            "%s;%s;%s" % (col("B"), col("C"), col("D"))
        fitted(b, b.sheet, "C%d:%s%d" % (r, last, r), "%s(%s)" % (fit, data))

    b.heading("A18", "The customer base")
    b.heading("B18", "Het klantenbestand")
    base = ((19, "Customers", "Klanten", "=COUNT(%s)" % col("B"), "0"),
            (20, "Repeat buyers in weeks 1-39", "Herhaalkopers in week 1-39",
             "=COUNTIF(%s;\">0\")" % col("B"), "0"),
            (21, "Repeat transactions in weeks 1-39", "Herhaalaankopen in week 1-39",
             "=SUM(%s)" % col("B"), "0"),
            (22, "Transactions in weeks 40-78 (holdout), actual", "Aankopen in week 40-78 (controle), werkelijk",
             "=SUM(%s)" % col("E"), "0"),
            (23, "... predicted by BG/NBD", "... voorspeld door BG/NBD", "=SUM(%s)" % col("H"), "0.0"),
            (24, "... predicted by MBG/NBD", "... voorspeld door MBG/NBD", "=SUM(%s)" % col("I"), "0.0"),
            (25, "... predicted by Pareto/NBD", "... voorspeld door Pareto/NBD", "=SUM(%s)" % col("J"), "0.0"),
            (26, "Customers expected to be still active (BG/NBD)", "Klanten die naar verwachting nog actief zijn (BG/NBD)",
             "=SUM(%s)" % col("G"), "0"),
            (27, "Expected transactions over the horizon (BG/NBD)", "Verwachte aankopen binnen de horizon (BG/NBD)",
             "=SUM(%s)" % col("K"), "0"),
            (28, "Discounted margin over the horizon (BG/NBD + Gamma-Gamma)",
             "Contante marge binnen de horizon (BG/NBD + Gamma-Gamma)", "=SUM(%s)" % col("M"), EURO0))
    for r, en, nl, formula, fmt in base:
        b.row(r, en, nl, [formula], fmt)

    b.heading("A30", "One customer")
    b.heading("B30", "Eén klant")
    b.row(31, "Customer (1 to 2357)", "Klant (1 tot 2357)", [1516], None, "Input")
    look = ((32, "x: repeat transactions", "x: herhaalaankopen", "B", "0"),
            (33, "t_x: week of the last, since the first", "t_x: week van de laatste, sinds de eerste", "C", "0.00"),
            (34, "T: weeks since the first purchase", "T: weken sinds de eerste aankoop", "D", "0.00"),
            (35, "m: mean value of the repeat transactions", "m: gemiddelde waarde van de herhaalaankopen", "F", EURO))
    for r, en, nl, letter, fmt in look:
        b.row(r, en, nl, ["=INDEX(%s;$C$31)" % col(letter)], fmt)
    one = "C32;C33;C34"
    b.row(36, "P(alive), BG/NBD", "Kans dat de klant nog actief is, BG/NBD", ["=BGNBD_PALIVE(%s;%s)" % (one, BG)], PALIVE)
    b.row(37, "P(alive), Pareto/NBD", "Kans dat de klant nog actief is, Pareto/NBD",
          ["=PNBD_PALIVE(%s;%s)" % (one, PNBD)], PALIVE)
    b.row(38, "Expected transactions over the horizon, BG/NBD", "Verwachte aankopen binnen de horizon, BG/NBD",
          ["=BGNBD_EXPECTED(C7;%s;%s)" % (one, BG)], "0.00")
    b.row(39, "Expected transactions over the horizon, Pareto/NBD", "Verwachte aankopen binnen de horizon, Pareto/NBD",
          ["=PNBD_EXPECTED(C7;%s;%s)" % (one, PNBD)], "0.00")
    b.row(40, "Expected spend per transaction (Gamma-Gamma)", "Verwachte besteding per aankoop (Gamma-Gamma)",
          ["=GG_SPEND(C32;C35;%s)" % GG], EURO)
    b.row(41, "Discounted margin over the horizon", "Contante marge binnen de horizon",
          ["=BGNBD_CLV(%s;C35;%s;%s;C7;C10;C8)" % (one, BG, GG)], EURO)

    # FHL 2005's check of a model: mean holdout transactions per customer
    # against the repeat transactions in the calibration weeks.
    b.heading("A43", "Weeks 40-78 per customer, by repeat transactions in weeks 1-39 (the chart)")
    b.heading("B43", "Week 40-78 per klant, naar herhaalaankopen in week 1-39 (de grafiek)")
    for c, text in zip("CDEF", ("x in weeks 1-39", "actual / werkelijk", "BG/NBD", "Pareto/NBD")):
        b.heading("%s44" % c, text)
    for k in range(8):
        r = 45 + k
        crit = "\">=7\"" if k == 7 else str(k)
        b.row(r, "customers with x %s" % ("7 or more" if k == 7 else "= %d" % k),
              "klanten met x %s" % ("7 of meer" if k == 7 else "= %d" % k), [])
        b.put("C%d" % r, "7+" if k == 7 else str(k))
        for letter, source in zip("DEF", "EHJ"):
            b.put("%s%d" % (letter, r), "=AVERAGEIF(%s;%s;%s)" % (col("B"), crit, col(source)), "0.00")
    b.chart("Holdout", "C44:F52", 54, 25000, 11000, "LineDiagram",
            "Weeks 40-78: transactions per customer, actual and predicted / "
            "Aankopen per klant in week 40-78, werkelijk en voorspeld",
            ("Repeat transactions in weeks 1-39 / Herhaalaankopen in week 1-39",
             "Transactions per customer in weeks 40-78 / Aankopen per klant"))
    b.page(b.sheet, "A1:G%d" % b.chart_end)
    diagnostics_sheet(b, col, {"BG": BG, "MBG": MBG, "PNBD": PNBD}, log)
    b.save(path)


def subscription_retention(office, path, refdata):
    b = Book(office)
    b.sheet.Name = "Retention"
    b.widths(8.5, 8.5, 2.4, 3.2, 3.2, 3.2, 3.2)
    b.titles("Subscription retention: project a cohort with the sBG model (Fader & Hardie 2007)",
             "Klantbehoud bij abonnementen: een cohort voorspellen met het sBG-model (Fader & Hardie 2007)",
             "G")
    with open(os.path.join(refdata, "sbg_fader_hardie_2007_survival.csv"), newline="") as f:
        alive = [float(r["highend_alive"]) for r in csv.DictReader(f)]

    b.heading("A6", "Customers still active after each year (High End segment)")
    b.heading("B6", "Klanten die na elk jaar nog actief zijn (segment High End)")
    for c, text in zip("CDEFG", ("year / jaar", "fitted / geschat", "later / later",
                                 "projected / voorspeld", "retention / retentie")):
        b.heading("%s6" % c, text)
    for year, count in enumerate(alive):
        r = 7 + year
        b.put("C%d" % r, year, None, "Input")
        b.put("%s%d" % ("D" if year <= 7 else "E", r), count, "0", "Input")
        b.put("F%d" % r, "=$D$7*SBG_SURVIVAL(C%d;$C$22;$D$22)" % r, "0.0")
        if year:
            b.put("G%d" % r, "=SBG_RETENTION(C%d;$C$22;$D$22)" % r, PERCENT)
    b.wrap(b.put("A7", "Years 0-7 are fitted; years 8-12 show how the projection held up."))
    b.wrap(b.put("B7", "Jaren 0-7 worden geschat; jaren 8-12 tonen hoe de voorspelling uitkwam."))

    b.heading("A21", "The sBG model fitted on years 0-7")
    b.heading("B21", "Het sBG-model geschat op de jaren 0-7")
    b.row(22, "alpha, beta, LL", "alpha, beta, LL", [])
    fitted(b, b.sheet, "C22:E22", "SBG_FIT(D7:D14)")

    b.heading("A24", "What a subscriber is worth (article 003: the bike shop renting at EUR 30 a year)")
    b.heading("B24", "Wat een abonnee waard is (artikel 003: de fietsenwinkel die verhuurt voor € 30 per jaar)")
    b.row(25, "Margin per subscriber per year", "Marge per abonnee per jaar", [30], EURO, "Input")
    b.row(26, "Discount rate per year", "Disconteringsvoet per jaar", [0.1], PERCENT, "Input")
    b.row(27, "Discounted expected lifetime of a new subscriber (years)",
          "Contante verwachte levensduur van een nieuwe abonnee (jaren)", ["=SBG_DEL(C26;C22;D22)"], "0.000")
    b.row(28, "Value of a new subscriber (margin x lifetime)", "Waarde van een nieuwe abonnee (marge x levensduur)",
          ["=C25*C27"], EURO)
    b.heading("C29", "year n / jaar n")
    b.heading("D29", "residual lifetime / resterende levensduur")
    b.heading("E29", "value / waarde")
    for i, n in enumerate((1, 2, 3, 4, 5, 8)):
        r = 30 + i
        b.row(r, "A subscriber in year %d (renewed %d times)" % (n, n - 1),
              "Een abonnee in jaar %d (%d keer verlengd)" % (n, n - 1), [])
        b.put("C%d" % r, n, None, "Input")
        b.put("D%d" % r, "=SBG_DERL($C$26;C%d;$C$22;$D$22)" % r, "0.000")
        b.put("E%d" % r, "=CLV_SBG($C$25;$C$26;C%d;$C$22;$D$22)" % r, EURO)
    b.chart("Retention", "C6:F19", 37, 25000, 11000, "LineDiagram",
            "Active customers per 1000: fitted, later and projected / "
            "Actieve klanten per 1000: geschat, later en voorspeld",
            ("Year / Jaar", "Active customers per 1000 / Actieve klanten per 1000"))
    b.page(b.sheet, "A1:G%d" % b.chart_end)
    b.save(path)
