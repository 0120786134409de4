/*
 * test_uno_layer.cxx -- the add-in's C++ layer without LibreOffice: the
 * table against the C catalogue, the XAddIn lookups in both languages, and
 * the conversions and error mapping of the functions, called directly.
 * Milliseconds, so it catches most mistakes before the soffice tests run.
 * Expected numbers: the catalogue's examples (functions.md).
 */
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/NoConvergenceException.hpp>
#include <org/clvkit/calc/NotANumberException.hpp>
#include <rtl/ref.hxx>

#include "core_row.hxx"
#include "functions.hxx"

using namespace clvkit::calc;
using css::uno::Any;
using css::uno::Sequence;

namespace
{

int passed, failed;

void check(bool ok, const std::string &what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        std::printf("FAIL %s\n", what.c_str());
    }
}

std::string utf8(const OUString &s)
{
    return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr();
}

bool near(double got, double want)
{
    return std::fabs(got - want) <= 1e-9 * std::fmax(1, std::fabs(want));
}

AnyRange column(std::initializer_list<Any> cells)
{
    AnyRange r(static_cast<sal_Int32>(cells.size()));
    sal_Int32 i = 0;
    for (const Any &c : cells) {
        Sequence<Any> row(1);
        row.getArray()[0] = c;
        r.getArray()[i++] = row;
    }
    return r;
}

AnyRange one(double x)
{
    return column({Any(x)});
}

/* A column of numbers, as Calc passes a range. */
AnyRange numbers(std::initializer_list<double> values)
{
    AnyRange r(static_cast<sal_Int32>(values.size()));
    sal_Int32 i = 0;
    for (double v : values) {
        const Any cell(v);
        r.getArray()[i++] = Sequence<Any>(&cell, 1);
    }
    return r;
}

AnyRange num(double x)
{
    return numbers({x});
}

/* Calls f; true when it throws NotANumberException (Calc: #VALUE!) with a
 * message containing `words`. */
template <class F> bool throws_text(F f, const char *words)
{
    try {
        f();
    } catch (const org::clvkit::calc::NotANumberException &e) {
        bool ok = utf8(e.Message).find(words) != std::string::npos;
        if (!ok)
            std::printf("  (message %s)\n", utf8(e.Message).c_str());
        return ok;
    }
    return false;
}

/* Calls f; true when it throws IllegalArgumentException at `position` with
 * a message containing `words`. */
template <class F> bool throws_at(F f, sal_Int16 position, const char *words)
{
    try {
        f();
    } catch (const css::lang::IllegalArgumentException &e) {
        bool ok =
            e.ArgumentPosition == position && utf8(e.Message).find(words) != std::string::npos;
        if (!ok)
            std::printf("  (message %s, position %d)\n", utf8(e.Message).c_str(),
                        e.ArgumentPosition);
        return ok;
    }
    return false;
}

/* Characters (not bytes) of UTF-8 text. */
std::size_t chars(const char *s)
{
    std::size_t n = 0;
    for (; *s; s++)
        n += (static_cast<unsigned char>(*s) & 0xC0) != 0x80;
    return n;
}

/* Row i of the table against the core's description: its row exists and
 * takes its model; every argument passes something the row describes; the
 * row's numbers, sequences and models are all passed (the table covers the
 * description), in the catalogue's order for a formula. */
void check_row(std::size_t i)
{
    const Function &f = FUNCTIONS[i];
    const clv_func *row = core_row(i);
    if (!row) {
        check(false, std::string("in the description: ") + f.row);
        return;
    }
    check(!f.model || clv_func_applies(row, model_kind(i)),
          std::string("the row takes the model: ") + f.display);
    std::size_t params = 0;
    for (std::size_t a = 0; a < f.nargs; a++) {
        const Passes &p = passes(i, a);
        check(p.row != nullptr,
              std::string("resolves in the description: ") + f.display + " " + f.args[a].core);
        check(!clv_func_formula(row) || p.arg == a,
              std::string("a formula's arguments in the catalogue's order: ") + f.display);
        params += p.param != NOWHERE;
    }
    clv_arg d;
    const clv_group g = clv_func_group(row);
    for (std::size_t k = 0; clv_func_arg(row, k, &d); k++) {
        const bool model = d.shape == CLV_SHAPE_MODEL && g != CLV_GROUP_FIT;
        if (d.shape != CLV_SHAPE_NUMBER && d.shape != CLV_SHAPE_SEQUENCE && !model)
            continue;
        bool given = model && params == clv_model_nparams(model_kind(i));
        /* the holdout errors do not depend on the groups: the one argument
         * a function may leave to its default */
        const std::string display = f.display;
        given = given || (display.size() > 15 &&
                          display.compare(display.size() - 15, 15, "_HOLDOUT_ERRORS") == 0 &&
                          std::strcmp(d.name, "top") == 0);
        /* an optional model (the interval's Gamma-Gamma, for CLV only) */
        given = given || (model && d.optional);
        /* the bootstrap: its kind is the function's model, like a fit's; its
         * optional spend m re-fits Gamma-Gamma, which the *_BOOTSTRAP
         * functions leave out (*_CLV_BOOTSTRAP passes it) */
        const bool boot = std::strcmp(clv_func_name(row), "bootstrap_fit") == 0;
        given = given || (boot && (std::strcmp(d.name, "kind") == 0 ||
                                   (d.optional && std::strcmp(d.name, "m") == 0)));
        for (std::size_t a = 0; a < f.nargs; a++)
            given = given || (passes(i, a).row == row && passes(i, a).arg == k);
        check(given, std::string("the table passes ") + f.display + " " + d.name);
    }
}

void test_table()
{
    const char *displays[] = {"CLV",
                              "CLV_MARGIN",
                              "CLV_RET",
                              "LTV_CHURN",
                              "CLV_AVG",
                              "LIFETIME",
                              "CHURN_PERIOD",
                              "DISCOUNT_PERIOD",
                              "CAC",
                              "CAC_PAYBACK",
                              "LTV_CAC",
                              "MAX_CAC",
                              "SQL_BUDGET",
                              "FUNNEL_BUDGET",
                              "ROAS_BREAKEVEN",
                              "CLV_SEGMENT",
                              "BGNBD_FIT",
                              "BGNBD_PALIVE",
                              "BGNBD_EXPECTED",
                              "BGNBD_EXPECTED_NEW",
                              "BGNBD_CLV",
                              "MBGNBD_FIT",
                              "MBGNBD_PALIVE",
                              "MBGNBD_EXPECTED",
                              "MBGNBD_EXPECTED_NEW",
                              "MBGNBD_CLV",
                              "PNBD_FIT",
                              "PNBD_PALIVE",
                              "PNBD_EXPECTED",
                              "PNBD_EXPECTED_NEW",
                              "PNBD_CLV",
                              "GG_FIT",
                              "GG_SPEND",
                              "RFM_SUMMARY",
                              "SBG_FIT",
                              "SBG_SURVIVAL",
                              "SBG_RETENTION",
                              "SBG_DEL",
                              "SBG_DERL",
                              "CLV_SBG",
                              "BGBB_FIT",
                              "BGBB_PALIVE",
                              "BGBB_EXPECTED",
                              "BGBB_EXPECTED_NEW",
                              "BGNBD_DERT",
                              "BGNBD_STDERR",
                              "BGNBD_PERIOD_COUNTS",
                              "BGNBD_HOLDOUT",
                              "BGNBD_HOLDOUT_ERRORS",
                              "BGNBD_TRACKING",
                              "BGNBD_MATRIX",
                              "BGNBD_INTERVAL",
                              "BGNBD_CLV_INTERVAL",
                              "BGNBD_BOOTSTRAP",
                              "BGNBD_CLV_BOOTSTRAP",
                              "MBGNBD_DERT",
                              "MBGNBD_STDERR",
                              "MBGNBD_PERIOD_COUNTS",
                              "MBGNBD_HOLDOUT",
                              "MBGNBD_HOLDOUT_ERRORS",
                              "MBGNBD_TRACKING",
                              "MBGNBD_MATRIX",
                              "MBGNBD_INTERVAL",
                              "MBGNBD_CLV_INTERVAL",
                              "MBGNBD_BOOTSTRAP",
                              "MBGNBD_CLV_BOOTSTRAP",
                              "PNBD_DERT",
                              "PNBD_STDERR",
                              "PNBD_PERIOD_COUNTS",
                              "PNBD_HOLDOUT",
                              "PNBD_HOLDOUT_ERRORS",
                              "PNBD_TRACKING",
                              "PNBD_MATRIX",
                              "PNBD_INTERVAL",
                              "PNBD_CLV_INTERVAL",
                              "PNBD_BOOTSTRAP",
                              "PNBD_CLV_BOOTSTRAP",
                              "COHORT_TABLE",
                              "EARLY_VALUE"};
    check(FUNCTION_COUNT == std::size(displays), "a row per function");
    for (std::size_t i = 0; i < FUNCTION_COUNT && i < std::size(displays); i++) {
        const Function &f = FUNCTIONS[i];
        check(std::strcmp(f.display, displays[i]) == 0, std::string("row order: ") + displays[i]);
        check_row(i);
        /* what the wizard shows whole (function_table.hxx) */
        for (std::size_t lang = EN; lang < LANGUAGES; lang++) {
            const std::size_t d = chars(f.description.in[lang]);
            check(d > 20 && d <= FUNCTION_TEXT_MAX,
                  std::string("description of at most FUNCTION_TEXT_MAX characters: ") + f.display +
                      " " + std::to_string(d));
            for (std::size_t a = 0; a < f.nargs; a++) {
                const std::size_t n = chars(f.args[a].description.in[lang]);
                check(*f.args[a].nl && n > 10 && n <= ARG_TEXT_MAX,
                      std::string("argument text of at most ARG_TEXT_MAX characters: ") +
                          f.display + " " + f.args[a].core + " " + std::to_string(n));
            }
        }
        check(std::strcmp(f.description.in[EN], f.description.in[NL]) != 0,
              std::string("nl is not en: ") + f.display);
    }
}

void test_metadata(Functions &fn)
{
    check(utf8(fn.getServiceName()) == "org.clvkit.calc.Functions", "service name");
    check(fn.supportsService("com.sun.star.sheet.AddIn"), "is an AddIn");
    check(utf8(fn.getProgrammaticFuntionName("CLV_SEGMENT")) == "clvSegment", "programmatic name");
    check(utf8(fn.getDisplayFunctionName("cacPayback")) == "CAC_PAYBACK", "display name");
    check(fn.getDisplayFunctionName("nothing").isEmpty(), "unknown method");
    check(utf8(fn.getProgrammaticCategoryName("clv")) == "Financial", "category");
    check(fn.getDisplayArgumentName("clv", 5).isEmpty() &&
              fn.getDisplayArgumentName("clv", -1).isEmpty(),
          "argument index out of range");
    check(utf8(fn.getDisplayArgumentName("clv", 0)) == "aov", "en argument name");
    fn.setLocale(css::lang::Locale("nl", "NL", ""));
    check(utf8(fn.getDisplayArgumentName("clv", 0)) == "orderwaarde", "nl argument name");
    check(utf8(fn.getFunctionDescription("cacPayback")).find("Terugverdientijd") == 0,
          "nl description");
    check(utf8(fn.getDisplayCategoryName("clv")) == "Financieel", "nl category");
    check(fn.getLocale().Country == "NL", "locale kept");
    fn.setLocale(css::lang::Locale("de", "DE", ""));
    check(utf8(fn.getDisplayArgumentName("clv", 0)) == "aov", "other languages get English");
}

void test_functions(Functions &fn)
{
    const Any none;
    check(near(fn.ltvChurn(50, 0.8, 0.02), 2000), "LTV_CHURN(50;0.8;0.02) = 2000");
    check(near(fn.clvRet(100, 0.8, 0.1, Any(3.0), Any(1.0)), 225.6198347107438),
          "CLV_RET(...;3;1)");
    double v = 0;
    check((fn.clv(num(2000), num(1), num(8), Any(500.0), Any(200.0)) >>= v) && near(v, 13900),
          "CLV(2000;1;8;500;200) = 13900");
    check((fn.clv(num(50), num(12), num(3), none, Any(20.0)) >>= v) && near(v, 1740),
          "omitted cost between given arguments takes the default");
    check(near(fn.maxCac(1800, none), 600), "MAX_CAC(1800) = 600");
    check(near(fn.cac(column({Any(5000.0), Any(OUString()), Any(2000.0)}),
                      column({Any(20.0), Any(5.0), Any(10.0)})),
               200),
          "CAC with an empty spend cell = 7000/35");
    Sequence<Any> rates(2);
    rates.getArray()[0] = Any(0.2);
    rates.getArray()[1] = Any(column({Any(0.05)}));
    check(near(fn.funnelBudget(200, rates), 2), "FUNNEL_BUDGET(200;20%;{5%}) = 2");
    check(utf8(fn.clvSegment(10, column({Any(1.0), Any(OUString("text")), Any(10.0), Any(5.0)}),
                             none, none)) == "high",
          "CLV_SEGMENT skips text");

    /* errors: IllegalArgumentException naming the argument */
    check(throws_at([&] { fn.lifetime(0); }, 0, "LIFETIME: churn must be"), "LIFETIME(0)");
    check(throws_at([&] { fn.clvRet(100, 1, 0, none, none); }, 1, "does not converge"),
          "CLV_RET diverging: Err:502 too");
    check(throws_text([&] { fn.clv(num(1), num(1), num(1), Any(OUString("x")), none); },
                      "CLV: cost must be a number"),
          "CLV text cost: #VALUE!");
    check(throws_text([&] { fn.clvMargin(1, 1, 1, 0.5, Any(OUString("x")), none); },
                      "cost must be a number"),
          "CLV_MARGIN text cost: #VALUE!");
    check(throws_text([&] { fn.cac(column({Any(OUString("x"))}), one(1)); },
                      "CAC: spend must contain numbers"),
          "CAC text: #VALUE!");
    check(throws_text(
              [&] {
                  const Any text(OUString("x"));
                  fn.funnelBudget(200, Sequence<Any>(&text, 1));
              },
              "must be a number or a range"),
          "FUNNEL_BUDGET text: #VALUE!");
    check(throws_at(
              [&] {
                  fn.cac(one(1), column({Any(1.0), Any(2.0)}));
              },
              1, "as many cells"),
          "CAC sizes differ");
    check(throws_at([&] { fn.funnelBudget(200, Sequence<Any>()); }, 1, "at least one number"),
          "FUNNEL_BUDGET without a stage");
    check(throws_at([&] { fn.funnelBudget(200, rates = Sequence<Any>(1)); }, 1, "rate"),
          "FUNNEL_BUDGET with an empty stage");
    check(throws_at([&] { fn.clvSegment(1, one(1), Any(0.6), Any(0.6)); }, 3, "low_share"),
          "CLV_SEGMENT overlapping bands name low_share");
    check(throws_at([&] { fn.clvSegment(1, column({Any(OUString("t"))}), none, none); }, 1,
                    "at least one number"),
          "CLV_SEGMENT without numbers");
    check(throws_at([&] { fn.clv(num(1e308), num(1e308), num(1), none, none); }, -1, "too large"),
          "CLV overflow names no argument");

    /* the array form: one value per row, the error coded in the failing
     * ones: Err:502 for a number out of the domain, #VALUE! for text */
    Any result =
        fn.clv(numbers({50, -1, 10, 0}), num(12), num(3),
               Any(column({Any(100.0), Any(100.0), Any(OUString("x")), Any(OUString())})), none);
    Sequence<Sequence<double>> rows;
    check((result >>= rows) && rows.getLength() == 4, "array form returns 4 rows");
    if (rows.getLength() == 4) {
        check(near(rows[0][0], 1700), "array row 1 = 1700");
        check(near(rows[3][0], 0), "array row 4: empty cost is 0");
        std::uint64_t bits[2];
        std::memcpy(&bits[0], &rows[1][0], sizeof bits[0]);
        std::memcpy(&bits[1], &rows[2][0], sizeof bits[1]);
        check(bits[0] == UINT64_C(0x7FF80000000001F6), "array row out of the domain holds Err:502");
        check(bits[1] == UINT64_C(0x7FF8000000000207), "array row with text holds #VALUE! (519)");
    }
    check(throws_at(
              [&] {
                  fn.clv(numbers({1, 2}), numbers({1, 2, 3}), num(1), none, none);
              },
              1, "same size"),
          "array ranges of different sizes");
}

AnyRange row(std::initializer_list<double> values)
{
    Sequence<Any> cells(static_cast<sal_Int32>(values.size()));
    sal_Int32 i = 0;
    for (double v : values)
        cells.getArray()[i++] = Any(v);
    return AnyRange(&cells, 1);
}

bool array_error(const Any &result, sal_Int32 r, std::uint64_t code)
{
    Sequence<Sequence<double>> rows;
    if (!(result >>= rows) || r >= rows.getLength())
        return false;
    std::uint64_t bits;
    std::memcpy(&bits, &rows[r][0], sizeof bits);
    return bits == (UINT64_C(0x7FF8000000000000) | code);
}

/* The transaction models through the UNO layer.  Expected: reference_values.csv
 * (BG/NBD P(alive | 2, 30.43, 38.86) = 0.726579 at the published parameters). */
void test_models(Functions &fn)
{
    const Any none;
    const AnyRange published = row({0.243, 4.414, 0.793, 2.426});
    double v = 0;
    check((fn.bgnbdPAlive(one(2), one(30.43), one(38.86), published) >>= v) &&
              std::fabs(v - 0.726579) < 1e-6,
          "BGNBD_PALIVE at the published parameters");
    check((fn.bgnbdPAlive(one(2), one(30.43), one(38.86),
                          row({0.243, 4.414, 0.793, 2.426, -9582.4})) >>= v) &&
              std::fabs(v - 0.726579) < 1e-6,
          "the fit's row with its LL is accepted");
    check(throws_at(
              [&] {
                  fn.bgnbdPAlive(one(2), one(30.43), one(38.86), row({0.243, 4.414, 0.793}));
              },
              3, "BGNBD_PALIVE: params must hold the 4 parameters"),
          "three parameters for four");
    check(throws_at(
              [&] {
                  fn.pnbdPAlive(one(2), one(30.43), one(38.86), row({0.243, -4.414, 0.793, 2.4}));
              },
              3, "params (cell 2)"),
          "a negative parameter names its cell");
    check(throws_at([&] { fn.bgnbdExpected(one(52), one(2), one(40), one(38.86), published); }, 2,
                    "t_x"),
          "t_x > T names t_x");
    check(throws_at([&] { fn.mbgnbdExpectedNew(one(-1), published); }, 0, "t"), "negative t");
    check(throws_text(
              [&] { fn.bgnbdPAlive(column({Any(OUString("two"))}), one(1), one(2), published); },
              "x must be a number"),
          "text x: #VALUE!");

    /* arrays: one result per row, errors only where the row is bad */
    const Any palive =
        fn.bgnbdPAlive(column({Any(2.0), Any(2.5), Any(OUString("x")), Any(0.0)}),
                       column({Any(30.43), Any(1.0), Any(1.0), Any(0.0)}), one(38.86), published);
    Sequence<Sequence<double>> rows;
    check((palive >>= rows) && rows.getLength() == 4 && std::fabs(rows[0][0] - 0.726579) < 1e-6 &&
              rows[3][0] == 1.0,
          "BGNBD_PALIVE over ranges");
    check(array_error(palive, 1, 502) && array_error(palive, 2, 519),
          "fractional x: Err:502, text: #VALUE!");

    /* fits: the data's errors, and Err:523 when the parameters are not identified */
    const AnyRange x = column({Any(1.0), Any(OUString()), Any(0.0)});
    const AnyRange t_x = column({Any(1.0), Any(OUString()), Any(0.0)});
    const AnyRange T = column({Any(2.0), Any(OUString()), Any(3.0)});
    try {
        fn.bgnbdFit(x, t_x, T, none);
        check(false, "BGNBD_FIT on two customers converges");
    } catch (const css::sheet::NoConvergenceException &e) {
        check(utf8(e.Message).find("BGNBD_FIT") == 0, "BGNBD_FIT not identified: Err:523");
    }
    check(throws_at(
              [&] {
                  fn.bgnbdFit(x, t_x, column({Any(2.0), Any(5.0), Any(3.0)}), none);
              },
              0, "x (cell 2) must not have an empty cell"),
          "a half-empty row");
    check(throws_text(
              [&] {
                  fn.pnbdFit(x, t_x, column({Any(2.0), Any(OUString()), Any(OUString("T"))}), none);
              },
              "T (cell 3) must contain numbers only"),
          "text in a fit: #VALUE!");
    check(throws_at([&] { fn.mbgnbdFit(x, t_x, one(2), none); }, 2, "same size"),
          "fit ranges differ");
    check(throws_at(
              [&] {
                  fn.bgnbdFit(x, t_x, T, Any(column({Any(1.0), Any(1.0)})));
              },
              3, "weight"),
          "weights of another size");
    check(throws_at(
              [&] {
                  fn.bgnbdFit(x, t_x, T, Any(column({Any(1.0), Any(OUString()), Any(-1.0)})));
              },
              3, "weight (cell 3)"),
          "a negative weight names its cell");
    check(throws_at(
              [&] {
                  fn.bgnbdFit(column({Any(OUString())}), column({Any(OUString())}),
                              column({Any(OUString())}), none);
              },
              0, "at least one row"),
          "an empty fit");
}

/* Gamma-Gamma, the CLV and RFM_SUMMARY: where their errors point.  Expected
 * numbers: E[M] = p gamma / (q - 1) by hand; the log's summary by hand. */
void test_value(Functions &fn)
{
    const Any none;
    const AnyRange gg = row({6, 3, 10});
    const AnyRange bg = row({0.243, 4.414, 0.793, 2.426});
    double v = 0;
    check((fn.ggSpend(one(0), one(0), gg) >>= v) && near(v, 30),
          "GG_SPEND(0;0;{6;3;10}) = 6 x 10 / 2");
    check(throws_at([&] { fn.ggSpend(one(1), one(-1), gg); }, 1, "GG_SPEND: m"),
          "GG_SPEND negative m");
    const AnyRange bg_fit = row({0.243, 4.414, 0.793, 2.426, -9582.4});
    check(throws_at([&] { fn.ggSpend(one(0), one(0), bg_fit); }, 2, "params must hold the 3"),
          "GG_SPEND with a BG/NBD fit's row");
    check(throws_at([&] { fn.bgnbdClv(one(1), one(1), one(2), one(10), bg, gg, 0, 0, none); }, 6,
                    "horizon"),
          "BGNBD_CLV periods");
    check(throws_at([&] { fn.bgnbdClv(one(1), one(1), one(2), one(10), bg, gg, 5, -2, none); }, 7,
                    "discount"),
          "BGNBD_CLV discount");
    check(throws_at([&] { fn.pnbdClv(one(1), one(1), one(2), one(10), bg, gg, 5, 0, Any(2.0)); }, 8,
                    "margin"),
          "PNBD_CLV margin");
    check(throws_at([&] { fn.mbgnbdClv(one(1), one(1), one(2), one(-10), bg, gg, 5, 0, none); }, 3,
                    "m"),
          "MBGNBD_CLV m");
    check(throws_at([&] { fn.bgnbdClv(one(1), one(1), one(2), one(10), bg, bg_fit, 5, 0, none); },
                    5, "gg_params"),
          "BGNBD_CLV gg_params");

    /* ann buys on day 0 and 14, bob on day 7 (1970-01-01 = serial 25569) */
    const AnyRange ids = column({Any(OUString("ann")), Any(OUString("bob")), Any(OUString("ann"))});
    const AnyRange days = column({Any(25569.0), Any(25576.0), Any(OUString("1970-01-15"))});
    const AnyRange amounts = column({Any(5.0), Any(OUString()), Any(12.0)});
    const AnyRange rfm = fn.rfmSummary(ids, days, amounts, "Weeks", none);
    check(rfm.getLength() == 2 && rfm[0].getLength() == 7,
          "RFM_SUMMARY: two customers, seven columns");
    if (rfm.getLength() == 2) {
        OUString id;
        check((rfm[0][0] >>= id) && id == "ann" && (rfm[0][1] >>= v) && v == 1 &&
                  (rfm[0][2] >>= v) && v == 2 && (rfm[0][4] >>= v) && v == 12,
              "RFM_SUMMARY ann: x 1, t_x 2 weeks, mean 12");
        check((rfm[1][3] >>= v) && near(v, 1), "RFM_SUMMARY bob: T 1 week");
    }
    check(throws_at([&] { fn.rfmSummary(ids, days, amounts, "fortnight", none); }, 3, "unit"),
          "RFM_SUMMARY unit");
    check(throws_at(
              [&] {
                  fn.rfmSummary(ids, column({Any(1.0), Any(OUString("x")), Any(1.0)}), amounts,
                                "day", none);
              },
              1, "day (cell 2)"),
          "RFM_SUMMARY bad date");
    check(throws_at(
              [&] {
                  fn.rfmSummary(ids, days, column({Any(1.0), Any(-1.0), Any(1.0)}), "day", none);
              },
              2, "amount (cell 2)"),
          "RFM_SUMMARY negative amount");
    check(throws_at([&] { fn.rfmSummary(ids, days, amounts, "day", Any(OUString("soon"))); }, 4,
                    "calibration_end"),
          "RFM_SUMMARY calibration end");
    check(throws_at([&] { fn.rfmSummary(ids, days, amounts, "day", Any(1.0)); }, 4, "no customer"),
          "RFM_SUMMARY nobody before the calibration end");
}

/* sBG and BG/BB: where their errors point; sBG's alpha and beta are cells.
 * Expected: S(1) = beta / (alpha + beta) and r(1) the same, by hand. */
void test_retention(Functions &fn)
{
    double v = 0;
    check((fn.sbgSurvival(num(1), num(1), num(3)) >>= v) && near(v, 0.75),
          "SBG_SURVIVAL(1;1;3) = 3/4");
    check(throws_at([&] { fn.sbgSurvival(num(1), num(-1), num(3)); }, 1, "SBG_SURVIVAL: alpha"),
          "SBG_SURVIVAL negative alpha");
    check(throws_at([&] { fn.sbgRetention(num(0), num(1), num(3)); }, 0, "t"),
          "SBG_RETENTION t = 0");
    check(throws_at([&] { fn.sbgDerl(num(0.1), num(1.5), num(1), num(3)); }, 1, "n"),
          "SBG_DERL n = 1.5");
    check(throws_at([&] { fn.clvSbg(num(-5), num(0.1), num(1), num(1), num(3)); }, 0, "margin"),
          "CLV_SBG negative margin");
    check(throws_at([&] { fn.clvSbg(num(5), num(0.1), num(1), num(1), num(0)); }, 4, "beta"),
          "CLV_SBG beta 0");
    check(throws_at(
              [&] {
                  fn.sbgFit(column({Any(1000.0), Any(OUString()), Any(700.0)}));
              },
              0, "survivors (cell 2) must not have an empty cell"),
          "SBG_FIT gap");
    check(throws_at(
              [&] {
                  fn.sbgFit(column({Any(1000.0), Any(1200.0)}));
              },
              0, "survivors"),
          "SBG_FIT increasing");
    /* High End, years 0-7 (Fader & Hardie 2007): 0.668088, 3.806095 recomputed */
    const auto sbg = fn.sbgFit(column({Any(1000.0), Any(869.0), Any(743.0), Any(653.0), Any(593.0),
                                       Any(551.0), Any(517.0), Any(491.0), Any(OUString())}));
    check(sbg.getLength() == 1 && sbg[0].getLength() == 3 &&
              std::fabs(sbg[0][0] / 0.668088 - 1) < 1e-4 &&
              std::fabs(sbg[0][1] / 3.806095 - 1) < 1e-4,
          "SBG_FIT on the High End segment, a trailing empty cell left out");
    const AnyRange donors = row({1.204, 0.750, 0.657, 2.783});
    check(throws_at([&] { fn.bgbbPAlive(one(2), one(5), one(4), donors); }, 1, "t_x must be <= n"),
          "BGBB_PALIVE t_x > n");
    check(throws_at([&] { fn.bgbbExpected(one(-1), one(2), one(4), one(6), donors); }, 0, "nstar"),
          "BGBB_EXPECTED negative n_star");
    check(throws_at(
              [&] {
                  fn.bgbbExpectedNew(one(6), row({1, 2, 3}));
              },
              1, "params"),
          "BGBB_EXPECTED_NEW three parameters");
    check(throws_at(
              [&] {
                  fn.bgbbFit(column({Any(1.0), Any(2.0)}), column({Any(1.0), Any(3.0)}),
                             column({Any(6.0), Any(2.0)}), Any());
              },
              1, "t_x (cell 2)"),
          "BGBB_FIT t_x > n names the cell");
}

} // namespace

int main()
{
    rtl::Reference<Functions> fn(new Functions);
    test_table();
    test_metadata(*fn);
    test_functions(*fn);
    test_models(*fn);
    test_value(*fn);
    test_retention(*fn);
    std::printf("uno_layer: %d passed, %d failed\n", passed, failed);
    return failed || !passed;
}
