"""The Function Wizard's view of the add-in, through the FunctionDescriptions
API of a headless Calc: once with an English and once with a Dutch user
interface.  Names, category, argument counts and which arguments are
optional come from ../shared/spec/functions.md (typed here, not read from
the add-in); the texts must exist in both languages, differ between them,
and use the words of the Dutch articles.

The user documentation (docs/calc.md, docs/calc.nl.md) must show every
function as the wizard does: its description and each argument's text.

usage: /usr/bin/python3 test_wizard.py OXT_DIR WORKDIR DOCS_DIR
"""
import os
import sys

from office import Office, Report

FINANCIAL = 3  # com.sun.star.sheet.FunctionCategory.FINANCIAL
STATISTICAL = 8  # com.sun.star.sheet.FunctionCategory.STATISTICAL

# display name: (number of arguments, number of required ones), from the
# catalogue's signatures.  FUNNEL_BUDGET: max_cac, then any number of rates.
SIGNATURES = {
    "CLV": (5, 3), "CLV_MARGIN": (6, 4), "CLV_RET": (5, 3), "LTV_CHURN": (3, 3),
    "CLV_AVG": (3, 3), "LIFETIME": (1, 1), "CHURN_PERIOD": (2, 2),
    "DISCOUNT_PERIOD": (2, 2), "CAC": (2, 2), "CAC_PAYBACK": (3, 2),
    "LTV_CAC": (2, 2), "MAX_CAC": (2, 1), "SQL_BUDGET": (2, 2),
    "FUNNEL_BUDGET": (2, 1), "ROAS_BREAKEVEN": (1, 1), "CLV_SEGMENT": (4, 2),
    # the predictive models (issue 5): fits take optional weights, the CLV
    # an optional margin, RFM_SUMMARY an optional calibration end
    "GG_FIT": (3, 2), "GG_SPEND": (3, 3), "RFM_SUMMARY": (5, 4),
    # the retention models (issue 6)
    "SBG_FIT": (1, 1), "SBG_SURVIVAL": (3, 3), "SBG_RETENTION": (3, 3), "SBG_DEL": (3, 3),
    "SBG_DERL": (4, 4), "CLV_SBG": (5, 5), "BGBB_FIT": (4, 3), "BGBB_PALIVE": (4, 4),
    "BGBB_EXPECTED": (5, 5), "BGBB_EXPECTED_NEW": (2, 2),
}
for _model in ("BGNBD", "MBGNBD", "PNBD"):
    SIGNATURES.update({_model + "_FIT": (4, 3), _model + "_PALIVE": (4, 4),
                       _model + "_EXPECTED": (5, 5), _model + "_EXPECTED_NEW": (2, 2),
                       _model + "_CLV": (9, 8)})
    # the diagnostics (issue 12)
    SIGNATURES.update({_model + "_DERT": (5, 5), _model + "_STDERR": (5, 4),
                       _model + "_PERIOD_COUNTS": (5, 3), _model + "_HOLDOUT": (8, 6),
                       _model + "_HOLDOUT_ERRORS": (7, 6), _model + "_TRACKING": (7, 4),
                       _model + "_MATRIX": (6, 5), _model + "_INTERVAL": (11, 9)})
# the cohorts of a log (issue 12): an optional last day observed
SIGNATURES.update({"COHORT_TABLE": (5, 4), "EARLY_VALUE": (7, 6)})

# Fits and predictions are statistics; money (CLV) and discounted
# lifetimes are financial.
def category(name):
    model = name.split("_")[0] in ("BGNBD", "MBGNBD", "PNBD", "GG", "RFM", "SBG", "BGBB",
                                   "COHORT", "EARLY")
    money = name.endswith("_CLV") or name in ("SBG_DEL", "SBG_DERL")
    return STATISTICAL if model and not money else FINANCIAL

# Words the Dutch texts must use (the articles' own terms), per function.
DUTCH_WORDS = {
    "CLV": "Klantwaarde", "CLV_MARGIN": "Klantwaarde", "CLV_RET": "klantretentie",
    "LTV_CHURN": "abonnement", "CLV_AVG": "klantwaarde", "LIFETIME": "levensduur",
    "CAC": "Klantwervingskosten", "CAC_PAYBACK": "Terugverdientijd",
    "LTV_CAC": "klantwervingskosten", "MAX_CAC": "maximaal", "SQL_BUDGET": "conversie",
    "FUNNEL_BUDGET": "conversie", "CLV_SEGMENT": "klant",
    "GG_FIT": "Schat", "GG_SPEND": "toekomstige aankopen", "RFM_SUMMARY": "transactielog",
    "SBG_FIT": "overlevingscurve", "SBG_SURVIVAL": "nog actief", "SBG_RETENTION": "verlengt",
    "SBG_DEL": "levensduur", "SBG_DERL": "resterende levensduur", "CLV_SBG": "abonnee",
    "BGBB_FIT": "aankoopmomenten", "BGBB_PALIVE": "nog actief", "BGBB_EXPECTED": "Verwacht aantal",
    "BGBB_EXPECTED_NEW": "nieuwe klant", "COHORT_TABLE": "Cohorttabel",
    "EARLY_VALUE": "cumulatieve waarde",
}
for _model in ("BGNBD", "MBGNBD", "PNBD"):
    DUTCH_WORDS.update({_model + "_FIT": "aankoophistorie", _model + "_PALIVE": "nog actief",
                        _model + "_EXPECTED": "Verwacht aantal", _model + "_EXPECTED_NEW": "nieuwe klant",
                        _model + "_CLV": "Contante waarde", _model + "_DERT": "resterende",
                        _model + "_STDERR": "Standaardfouten", _model + "_PERIOD_COUNTS": "Klanten",
                        _model + "_HOLDOUT": "Holdouttoets", _model + "_HOLDOUT_ERRORS": "Fouten",
                        _model + "_TRACKING": "Herhaalaankopen", _model + "_MATRIX": "raster",
                        _model + "_INTERVAL": "deltamethode"})


def descriptions(office):
    fd = office.create("com.sun.star.sheet.FunctionDescriptions")
    out = {}
    for i in range(fd.getCount()):
        d = {p.Name: p.Value for p in fd.getByIndex(i)}
        if d["Name"] in SIGNATURES:
            out[d["Name"]] = d
    return out


def check_language(report, lang, funcs):
    for name, (nargs, nrequired) in SIGNATURES.items():
        d = funcs.get(name)
        if not report.check("%s: %s is listed" % (lang, name), d is not None):
            continue
        args = d["Arguments"]
        report.check("%s: %s category" % (lang, name), d["Category"] == category(name),
                     str(d["Category"]))
        report.check("%s: %s has %d arguments" % (lang, name, nargs), len(args) == nargs,
                     str(len(args)))
        optional = [a.IsOptional for a in args]
        report.check("%s: %s has %d required arguments" % (lang, name, nrequired),
                     optional == [False] * nrequired + [True] * (nargs - nrequired),
                     str(optional))
        report.check("%s: %s description" % (lang, name), len(d["Description"]) > 20)
        for a in args:
            report.check("%s: %s argument %s" % (lang, name, a.Name),
                         a.Name and len(a.Description) > 10)


def check_docs(report, lang, funcs, path):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    for name, d in funcs.items():
        report.check("%s: %s in the docs" % (path, name), "### " + name in doc
                     and d["Description"] in doc)
        for a in d["Arguments"]:
            report.check("%s: %s %s in the docs" % (path, name, a.Name),
                         "| `%s` | %s |" % (a.Name, a.Description) in doc)


def main(oxt_dir, workdir, docs_dir):
    report = Report("wizard")
    texts = {}
    for lang in ("en", "nl"):
        with Office(oxt_dir, "%s/%s" % (workdir, lang), ui_locale=lang) as office:
            texts[lang] = descriptions(office)
        check_language(report, lang, texts[lang])
    en, nl = texts["en"], texts["nl"]
    for name in SIGNATURES:
        if name not in en or name not in nl:
            continue
        report.check("nl differs from en: " + name, en[name]["Description"] != nl[name]["Description"])
        for a_en, a_nl in zip(en[name]["Arguments"], nl[name]["Arguments"]):
            report.check("nl argument differs: %s %s" % (name, a_en.Name),
                         a_en.Description != a_nl.Description)
        word = DUTCH_WORDS.get(name)
        if word:
            report.check("nl %s says %r" % (name, word), word in nl[name]["Description"],
                         nl[name]["Description"])
    check_docs(report, "en", en, os.path.join(docs_dir, "calc.md"))
    check_docs(report, "nl", nl, os.path.join(docs_dir, "calc.nl.md"))
    report.check("en CLV text", "lifetime value" in en["CLV"]["Description"])
    report.check("en CLV aov name", en["CLV"]["Arguments"][0].Name == "aov")
    report.check("nl CLV aov name", nl["CLV"]["Arguments"][0].Name == "orderwaarde")
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
