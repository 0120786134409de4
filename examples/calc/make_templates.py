"""Writes the template workbooks of examples/calc/ with headless
LibreOffice and the clvkit add-in:

  clv-calculator.ods      CLV three ways for four customer types, and the
                          articles' worked examples
  acquisition-budget.ods  CAC per channel and blended, payback, LTV:CAC with
                          a traffic light at 3, max CAC, SQL and funnel budgets
  scenarios.ods           a what-if grid of order value x churn, with a chart
  predictive-clv.ods      the models fitted on the 2,357 CDNOW customers
  subscription-retention.ods  a subscription cohort projected with sBG
                          (these two: model_templates.py, from ../shared/refdata)

Every workbook: English labels with Dutch beside them, yellow input cells
(cell style "Input") apart from the white formula cells, and a chart.
Regenerate after changing this script and commit the .ods files:

  cmake --build build --target calc_templates
  (or: /usr/bin/python3 examples/calc/make_templates.py build/addin/oxt OUT_DIR
       [WORKDIR [REFDATA]])
"""
import os
import sys
import tempfile

import uno

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "addin", "python"))
from office import Office, props  # noqa: E402
from book import EURO, EURO0, PERCENT, Book  # noqa: E402
import model_templates  # noqa: E402

REFDATA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "tests", "data", "refdata")


def clv_calculator(office, path):
    b = Book(office)
    b.sheet.Name = "CLV"
    b.widths(8.5, 8.5, 3.4, 3.4, 3.4, 3.4)
    b.titles("CLV calculator: what is a customer worth?", "CLV-calculator: wat is een klant waard?", "F")
    types = ("Subscription", "Service contract", "Web shop", "Premium")
    b.heading("A6", "Customer type")
    b.heading("B6", "Klanttype")
    for col, name in zip("CDEF", types):
        b.heading("%s6" % col, name)
    b.row(7, "Average order value", "Gemiddelde orderwaarde", [50, 2000, 40, 120], EURO, "Input")
    b.row(8, "Purchases per year", "Aankopen per jaar", [12, 1, 4, 6], None, "Input")
    b.row(9, "Customer lifetime (years)", "Levensduur klant (jaren)", [3, 8, 2, 5], None, "Input")
    b.row(10, "One-off cost (e.g. acquisition)", "Eenmalige kosten (bijv. werving)", [0, 500, 20, 300], EURO, "Input")
    b.row(11, "Yearly cost (service, support)", "Jaarlijkse kosten (onderhoud, service)", [0, 200, 5, 100], EURO, "Input")
    b.row(12, "Gross margin", "Brutomarge", [0.4, 0.6, 0.3, 0.5], PERCENT, "Input")
    b.row(13, "Retention per year", "Klantretentie per jaar", [0.8, 0.9, 0.6, 0.85], PERCENT, "Input")
    b.row(14, "Discount rate per year", "Disconteringsvoet per jaar", [0.1, 0.08, 0.1, 0.1], PERCENT, "Input")

    b.heading("A16", "Customer lifetime value, three ways")
    b.heading("B16", "Klantwaarde, op drie manieren")
    for col, name in zip("CDEF", types):
        b.heading("%s16" % col, name)
    b.row(17, "1. Simple: revenue over the lifetime", "1. Eenvoudig: omzet over de levensduur",
          ["=CLV({0}7;{0}8;{0}9)".format(c) for c in "CDEF"], EURO0)
    b.row(18, "2. Net of costs", "2. Na aftrek van kosten",
          ["=CLV({0}7;{0}8;{0}9;{0}10;{0}11)".format(c) for c in "CDEF"], EURO0)
    b.row(19, "2b. Net of costs, on gross margin", "2b. Na kosten, op brutomarge",
          ["=CLV_MARGIN({0}7;{0}8;{0}9;{0}12;{0}10;{0}11)".format(c) for c in "CDEF"], EURO0)
    b.row(20, "3. Discounted, with retention", "3. Contant gemaakt, met klantretentie",
          ["=CLV_RET({0}21;{0}13;{0}14)".format(c) for c in "CDEF"], EURO0)
    b.row(21, "Margin per year (for 3)", "Marge per jaar (voor 3)",
          ["={0}7*{0}8*{0}12".format(c) for c in "CDEF"], EURO0)
    b.row(22, "Expected lifetime from retention (years)", "Verwachte levensduur uit retentie (jaren)",
          ["=LIFETIME(1-{0}13)".format(c) for c in "CDEF"], "0.0")

    b.heading("A24", "Worked examples from the articles")
    b.heading("B24", "Rekenvoorbeelden uit de artikelen")
    b.row(25, "EUR 50 a month for 36 months (article 004)", "€ 50 per maand, 36 maanden (artikel 004)",
          ["=CLV(50;12;3)"], EURO0)
    b.row(26, "EUR 2,000 a year for 8 years, EUR 500 one-off, EUR 200 a year (article 002)",
          "€ 2.000 per jaar, 8 jaar, € 500 eenmalig, € 200 per jaar (artikel 002)",
          ["=CLV(2000;1;8;500;200)"], EURO0)
    b.row(27, "The article prints EUR 14,900: an arithmetic slip (see the comment at C26).",
          "Het artikel noemt € 14.900: een rekenfout (zie de opmerking bij C26).", [])
    b.comment("C26", "The article (002) prints EUR 14,900, but its own formula "
                     "(2000 x 8) - 500 - (200 x 8) gives EUR 13,900: an arithmetic slip in the "
                     "article. clvkit computes the formula.\n"
                     "Het artikel (002) noemt € 14.900, maar de eigen formule "
                     "(2000 x 8) - 500 - (200 x 8) geeft € 13.900: een rekenfout in het artikel. "
                     "clvkit rekent de formule uit.")
    b.chart("CLV", "A16:A20 C16:F20", 29, 25000, 11000, "BarDiagram",
            "CLV per customer type, three ways / Klantwaarde per klanttype",
            ("Customer type / Klanttype", "CLV (EUR) / Klantwaarde (EUR)"), by_rows=True)
    b.page(b.sheet, "A1:F%d" % b.chart_end)
    b.save(path)


def acquisition_budget(office, path):
    b = Book(office)
    b.sheet.Name = "Acquisition"
    b.widths(8.5, 8.5, 3.4, 3.4, 3.4, 3.4, 3.4)
    b.titles("Acquisition budget: what may a customer cost?", "Wervingsbudget: wat mag een klant kosten?", "G")
    b.heading("A6", "Channel")
    b.heading("B6", "Kanaal")
    for col, text in zip("CDEFG", ("Spend / Uitgaven", "New customers / Nieuwe klanten", "CAC",
                                   "Payback (months) / Terugverdientijd (mnd)", "LTV:CAC")):
        b.heading("%s6" % col, text)
    channels = (("Search ads", "Zoekadvertenties", 5000, 20), ("Social media", "Sociale media", 3000, 20),
                ("E-mail", "E-mail", 2000, 10))
    for r, (en, nl, spend, won) in enumerate(channels, start=7):
        b.row(r, en, nl, [spend], EURO0, "Input")
        b.put("D%d" % r, won, style="Input")
    b.row(10, "Blended (all channels)", "Gemengd (alle kanalen)", ["=SUM(C7:C9)"], EURO0)
    b.put("D10", "=SUM(D7:D9)", "0")
    for r in range(7, 11):
        spend, won = ("C7:C9", "D7:D9") if r == 10 else ("C%d" % r, "D%d" % r)
        b.put("E%d" % r, "=CAC(%s;%s)" % (spend, won), EURO)
        b.put("F%d" % r, "=CAC_PAYBACK(E%d;$C$14;$C$15)" % r, "0.0")
        b.put("G%d" % r, "=LTV_CAC($C$13;E%d)" % r, "0.00")
    b.row(11, "LTV:CAC: green from 3, orange from 1, red below 1",
          "LTV:CAC: groen vanaf 3, oranje vanaf 1, rood onder 1", [])
    cf = b.sheet.getCellRangeByName("G7:G10").ConditionalFormat
    for op, formula, style in (("GREATER_EQUAL", "3", "Healthy"), ("GREATER_EQUAL", "1", "Watch"),
                               ("LESS", "1", "Unhealthy")):
        cf.addNew(props(Operator=uno.Enum("com.sun.star.sheet.ConditionOperator", op),
                        Formula1=formula, StyleName=style))
    b.sheet.getCellRangeByName("G7:G10").ConditionalFormat = cf

    b.heading("A12", "Customer economics")
    b.heading("B12", "Klanteconomie")
    b.row(13, "Customer lifetime value (e.g. from CLV_MARGIN)", "Klantwaarde (bijv. uit CLV_MARGIN)", [720], EURO0, "Input")
    b.row(14, "Revenue per customer per month", "Omzet per klant per maand", [50], EURO0, "Input")
    b.row(15, "Gross margin", "Brutomarge", [0.4], PERCENT, "Input")
    b.row(16, "Target LTV:CAC ratio", "Gewenste verhouding LTV:CAC", [3], None, "Input")
    b.row(17, "Max CAC: the most a new customer may cost", "Maximale CAC: wat een nieuwe klant mag kosten",
          ["=MAX_CAC(C13;C16)"], EURO)

    b.heading("A19", "Lead and funnel budgets (article 002)")
    b.heading("B19", "Budget per lead en per funnelstap (artikel 002)")
    b.row(20, "What you will pay for a new customer", "Wat je over hebt voor een nieuwe klant", [200], EURO0, "Input")
    b.row(21, "Conversion SQL to customer", "Conversie van SQL naar klant", [0.05], PERCENT, "Input")
    b.row(22, "Max cost of a sales-qualified lead (SQL)", "Maximale kosten van een SQL",
          ["=SQL_BUDGET(C20;C21)"], EURO)
    b.row(23, "Conversion click to lead", "Conversie van klik naar lead", [0.2], PERCENT, "Input")
    b.row(24, "Conversion lead to customer", "Conversie van lead naar klant", [0.05], PERCENT, "Input")
    b.row(25, "Max cost per click", "Maximale kosten per klik", ["=FUNNEL_BUDGET(C20;C23;C24)"], EURO)

    b.chart("CAC", "A6:A10 E6:E10", 27, 25000, 11000, "BarDiagram",
            "CAC per channel / CAC per kanaal", ("Channel / Kanaal", "CAC (EUR)"))
    b.page(b.sheet, "A1:G%d" % b.chart_end)
    b.save(path)


def scenarios(office, path):
    b = Book(office)
    b.sheet.Name = "Scenarios"
    b.widths(8.5, 3.4, 3.4, 3.4, 3.4, 3.4, 3.4)
    b.titles("What if: lifetime value by order value and churn (a subscription, per month)",
             "Wat als: klantwaarde per orderwaarde en churn (een abonnement, per maand)", "F")
    b.put("A6", "Gross margin / Brutomarge")
    b.put("B6", 0.4, PERCENT, "Input")
    b.heading("A8", "Order value \u2193 churn \u2192")
    b.heading("A9", "Orderwaarde \u2193 churn \u2192")
    churns = (0.01, 0.02, 0.03, 0.05, 0.1)
    values = (25, 50, 75, 100, 150)
    for j, churn in enumerate(churns):
        b.put("%s9" % "BCDEF"[j], churn, PERCENT, "Input")
    for i, value in enumerate(values):
        r = 10 + i
        b.put("A%d" % r, value, EURO0, "Input")
        for col in "BCDEF"[:len(churns)]:
            b.put("%s%d" % (col, r), "=LTV_CHURN($A{0};$B$6;{1}$9)".format(r, col), EURO0)
    b.heading("A16", "Max CAC at 3:1 / Maximale CAC bij 3:1")
    for i in range(len(values)):
        r = 17 + i
        b.put("A%d" % r, "=A%d" % (10 + i), EURO0)
        for col in "BCDEF"[:len(churns)]:
            b.put("%s%d" % (col, r), "=MAX_CAC(%s%d)" % (col, 10 + i), EURO0)
    # An XY chart: churn on a numeric axis (1, 2, 3, 5, 10 % at their distances).
    chart = b.chart("Scenarios", "A9:F14", 23, 25000, 11000, "XYDiagram",
                    "Lifetime value by churn, one line per order value / Klantwaarde per churn",
                    ("Churn per month / Churn per maand", "Lifetime value (EUR) / Klantwaarde (EUR)"),
                    by_rows=True)
    chart.Diagram.Lines = True
    b.page(b.sheet, "A1:F%d" % b.chart_end)
    b.save(path)


def main(oxt_dir, out_dir, workdir=None, refdata=REFDATA):
    os.makedirs(out_dir, exist_ok=True)
    with Office(oxt_dir, workdir or tempfile.mkdtemp(prefix="clvkit-templates-")) as office:
        clv_calculator(office, os.path.join(out_dir, "clv-calculator.ods"))
        acquisition_budget(office, os.path.join(out_dir, "acquisition-budget.ods"))
        scenarios(office, os.path.join(out_dir, "scenarios.ods"))
        model_templates.predictive_clv(office, os.path.join(out_dir, "predictive-clv.ods"), refdata)
        model_templates.subscription_retention(
            office, os.path.join(out_dir, "subscription-retention.ods"), refdata)


if __name__ == "__main__":
    main(*sys.argv[1:])
