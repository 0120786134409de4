/*
 * function_table.hxx -- THE table of the Calc add-in: one row per Calc
 * function, tied to the core's description (clvkit/describe.h).
 *
 * A row holds what only Calc has: the IDL method name (the programmatic
 * name, stored in saved files: never change it), the display name, the
 * category and the en + nl Function Wizard texts.  Everything else comes
 * from the description: the row names its core row (clv_func_find) and
 * each argument names what it passes there, so the argument's English name,
 * whether the core lets it be omitted, its default, and the argument a
 * core fault blames are looked up (core_row.hxx), never typed here.  The
 * argument count is the length of the row's argument list; a static_assert
 * beside each method holds it against the IDL, test_uno_layer against the
 * description.  The models' rows live in table_models.hxx and
 * table_retention.hxx.
 *
 * Wizard texts: an argument's at most ARG_TEXT_MAX characters and a
 * function's at most FUNCTION_TEXT_MAX (the wizard cuts longer ones off;
 * test_uno_layer holds every text to it).
 */
#ifndef CLVKIT_ADDIN_FUNCTION_TABLE_HXX
#define CLVKIT_ADDIN_FUNCTION_TABLE_HXX

#include <cstddef>
#include <iterator>

namespace clvkit::calc
{

/* The languages the wizard texts are written in; the default comes first. */
enum Language : std::size_t { EN, NL, LANGUAGES };

/* The longest texts the Function Wizard of LibreOffice 7.4 shows whole:
 * an argument's (LibreOffice's own are at most ~100) and a function's (the
 * wizard cut a Dutch description after 243 characters; 200 leaves room for
 * wider letters). */
inline constexpr std::size_t ARG_TEXT_MAX = 100, FUNCTION_TEXT_MAX = 200;

struct Text {
    const char *in[LANGUAGES]; /* UTF-8, indexed by Language */
};

struct Argument {
    /* What it passes, by the description's names: an argument of the
     * function's core row ("t_x"), a field of its options ("opts.margin"),
     * one parameter of its model ("model.alpha"), or an argument of
     * another row ("txlog_add.day").  Its English name is the last part
     * ("params" for a whole model, see core_row.hxx). */
    const char *core;
    const char *nl; /* its Dutch name */
    Text description;
};

struct Function {
    const char *method;   /* IDL method: with the service name, the identity */
    const char *display;  /* what users type, in every language */
    const char *row;      /* its row in the core's description */
    const char *model;    /* the model kind it takes (clv_model_name), or null */
    const char *category; /* one of Calc's fixed programmatic categories */
    Text category_name;
    Text description;
    const Argument *args;
    std::size_t nargs;
};

/* Row indices, in table order: the methods find their row by index. */
enum Id : std::size_t {
    CLV,
    CLV_MARGIN,
    CLV_RET,
    LTV_CHURN,
    CLV_AVG,
    LIFETIME,
    CHURN_PERIOD,
    DISCOUNT_PERIOD,
    CAC,
    CAC_PAYBACK,
    LTV_CAC,
    MAX_CAC,
    SQL_BUDGET,
    FUNNEL_BUDGET,
    ROAS_BREAKEVEN,
    CLV_SEGMENT,
    /* the transaction models, five rows each in this order (table_models.hxx) */
    BGNBD_FIT,
    BGNBD_PALIVE,
    BGNBD_EXPECTED,
    BGNBD_EXPECTED_NEW,
    BGNBD_CLV,
    MBGNBD_FIT,
    MBGNBD_PALIVE,
    MBGNBD_EXPECTED,
    MBGNBD_EXPECTED_NEW,
    MBGNBD_CLV,
    PNBD_FIT,
    PNBD_PALIVE,
    PNBD_EXPECTED,
    PNBD_EXPECTED_NEW,
    PNBD_CLV,
    GG_FIT,
    GG_SPEND,
    RFM_SUMMARY,
    /* the retention models (table_retention.hxx) */
    SBG_FIT,
    SBG_SURVIVAL,
    SBG_RETENTION,
    SBG_DEL,
    SBG_DERL,
    CLV_SBG,
    BGBB_FIT,
    BGBB_PALIVE,
    BGBB_EXPECTED,
    BGBB_EXPECTED_NEW,
    /* the diagnostics of the transaction models, eleven rows each in this
     * order (table_diagnostics.hxx) */
    BGNBD_DERT,
    BGNBD_STDERR,
    BGNBD_PERIOD_COUNTS,
    BGNBD_HOLDOUT,
    BGNBD_HOLDOUT_ERRORS,
    BGNBD_TRACKING,
    BGNBD_MATRIX,
    BGNBD_INTERVAL,
    BGNBD_CLV_INTERVAL,
    BGNBD_BOOTSTRAP,
    BGNBD_CLV_BOOTSTRAP,
    MBGNBD_DERT,
    MBGNBD_STDERR,
    MBGNBD_PERIOD_COUNTS,
    MBGNBD_HOLDOUT,
    MBGNBD_HOLDOUT_ERRORS,
    MBGNBD_TRACKING,
    MBGNBD_MATRIX,
    MBGNBD_INTERVAL,
    MBGNBD_CLV_INTERVAL,
    MBGNBD_BOOTSTRAP,
    MBGNBD_CLV_BOOTSTRAP,
    PNBD_DERT,
    PNBD_STDERR,
    PNBD_PERIOD_COUNTS,
    PNBD_HOLDOUT,
    PNBD_HOLDOUT_ERRORS,
    PNBD_TRACKING,
    PNBD_MATRIX,
    PNBD_INTERVAL,
    PNBD_CLV_INTERVAL,
    PNBD_BOOTSTRAP,
    PNBD_CLV_BOOTSTRAP,
    /* cohorts of a log (table_retention.hxx) */
    COHORT_TABLE,
    EARLY_VALUE,
    ID_END
};

/* The offsets of a transaction model's rows from its _FIT row. */
enum TxRow : std::size_t { TX_FIT, TX_PALIVE, TX_EXPECTED, TX_EXPECTED_NEW, TX_CLV, TX_ROWS };

/* The offsets of a transaction model's diagnostics from its _DERT row. */
enum DiagRow : std::size_t {
    DIAG_DERT,
    DIAG_STDERR,
    DIAG_PERIOD_COUNTS,
    DIAG_HOLDOUT,
    DIAG_HOLDOUT_ERRORS,
    DIAG_TRACKING,
    DIAG_MATRIX,
    DIAG_INTERVAL,
    DIAG_CLV_INTERVAL,
    DIAG_BOOTSTRAP,
    DIAG_CLV_BOOTSTRAP,
    DIAG_ROWS
};

namespace table_detail
{

inline constexpr Text FINANCIAL{{"Financial", "Financieel"}};

template <std::size_t N>
constexpr Function row(const char *method, const char *display, const char *core, Text description,
                       const Argument (&args)[N], const char *model = nullptr)
{
    return {method, display, core, model, "Financial", FINANCIAL, description, args, N};
}

/* Arguments that several functions share. */
inline constexpr Argument COST{
    "cost",
    "kosten",
    {{"One-off cost per customer, e.g. for acquisition (>= 0; default 0).",
      "Eenmalige kosten per klant, bijvoorbeeld voor het binnenhalen (>= 0; standaard 0)."}}};
inline constexpr Argument YEARLY_COST{
    "yearly_cost",
    "jaarkosten",
    {{"Cost per year of the relationship: maintenance, support (>= 0; default 0).",
      "Jaarlijkse kosten van de klantrelatie: onderhoud, klantenservice (>= 0; standaard 0)."}}};
inline constexpr Argument CHURN{
    "churn",
    "churn",
    {{"Share of customers lost per period (more than 0, at most 1; 2% is 0.02).",
      "Deel van de klanten dat per periode opzegt (meer dan 0, hoogstens 1; 2% is 0,02)."}}};
inline constexpr Argument MAX_CAC_ARG{
    "max_cac",
    "max_cac",
    {{"The most a new customer may cost (>= 0), e.g. from MAX_CAC.",
      "Wat een nieuwe klant maximaal mag kosten (>= 0), bijvoorbeeld uit MAX_CAC."}}};
inline constexpr Argument LTV{
    "ltv",
    "ltv",
    {{"Customer lifetime value (>= 0), e.g. from CLV.",
      "Klantwaarde (customer lifetime value, >= 0), bijvoorbeeld uit CLV."}}};
inline constexpr Argument PERIODS{
    "k",
    "perioden",
    {{"Number of periods (>= 0; may be a fraction: 1/12 turns a yearly figure into a monthly one).",
      "Aantal perioden (>= 0; een breuk mag: met 1/12 wordt een jaarcijfer een maandcijfer)."}}};
inline constexpr Argument FREQ{"freq",
                               "frequentie",
                               {{"Purchases per year (>= 0; may be a fraction).",
                                 "Aantal aankopen per jaar (>= 0; mag een breuk zijn)."}}};
inline constexpr Argument YEARS{"years",
                                "jaren",
                                {{"Customer lifetime in years (>= 0).",
                                  "Gemiddelde levensduur van de klant in jaren (>= 0)."}}};

inline constexpr Argument CLV_ARGS[] = {
    {"aov",
     "orderwaarde",
     {{"Average order value (>= 0), or a range for one value per row (an array formula).",
       "Gemiddelde orderwaarde (>= 0), of een bereik voor een uitkomst per rij (matrixformule)."}}},
    FREQ,
    YEARS,
    COST,
    YEARLY_COST,
};

inline constexpr Argument CLV_MARGIN_ARGS[] = {
    {"aov", "orderwaarde", {{"Average order value (>= 0).", "Gemiddelde orderwaarde (>= 0)."}}},
    FREQ,
    YEARS,
    {"margin",
     "marge",
     {{"Gross margin as a share of revenue (0 to 1; 40% is 0.4).",
       "Brutomarge als deel van de omzet (0 tot 1; 40% is 0,4)."}}},
    COST,
    YEARLY_COST,
};

inline constexpr Argument CLV_RET_ARGS[] = {
    {"margin",
     "marge",
     {{"Margin a customer brings in per period (>= 0).",
       "Marge die een klant per periode oplevert (>= 0)."}}},
    {"retention",
     "retentie",
     {{"Chance that a customer stays one more period (0 to 1; 80% is 0.8).",
       "Kans dat een klant nog een periode blijft, de klantretentie (0 tot 1; 80% is 0,8)."}}},
    {"discount",
     "disconteringsvoet",
     {{"Discount rate per period (more than -1; 10% is 0.1).",
       "Disconteringsvoet per periode (meer dan -1; 10% is 0,1)."}}},
    {"periods",
     "perioden",
     {{"Horizon in whole periods (default 0: no horizon, the customer may stay for ever).",
       "Horizon in hele perioden (standaard 0: geen horizon, de klant kan altijd blijven)."}}},
    {"timing",
     "moment",
     {{"0: margin at the end of each period (default); 1: the first margin comes in now.",
       "0: marge aan het eind van elke periode (standaard); 1: de eerste marge komt direct."}}},
};

inline constexpr Argument LTV_CHURN_ARGS[] = {
    {"arpa",
     "omzet_per_klant",
     {{"Average revenue per account per period (>= 0).",
       "Gemiddelde omzet per klant per periode (>= 0)."}}},
    {"gross_margin",
     "brutomarge",
     {{"Gross margin (0 to 1; 80% is 0.8).", "Brutomarge (0 tot 1; 80% is 0,8)."}}},
    CHURN,
};

inline constexpr Argument CLV_AVG_ARGS[] = {
    {"revenue",
     "omzet",
     {{"Total revenue from these customers (>= 0).", "Totale omzet van deze klanten (>= 0)."}}},
    {"costs",
     "kosten",
     {{"Total costs of these customers (>= 0).", "Totale kosten van deze klanten (>= 0)."}}},
    {"customers",
     "klanten",
     {{"Number of customers (more than 0).", "Aantal klanten (meer dan 0)."}}},
};

inline constexpr Argument LIFETIME_ARGS[] = {CHURN};

inline constexpr Argument CHURN_PERIOD_ARGS[] = {
    {"churn", "churn", {{"Churn per period (0 to 1).", "Churn per periode (0 tot 1)."}}},
    PERIODS,
};

inline constexpr Argument DISCOUNT_PERIOD_ARGS[] = {
    {"rate",
     "rentevoet",
     {{"Discount rate per period (more than -1; 10% is 0.1).",
       "Disconteringsvoet per periode (meer dan -1; 10% is 0,1)."}}},
    PERIODS,
};

inline constexpr Argument CAC_ARGS[] = {
    {"spend",
     "uitgaven",
     {{"Amount spent on winning customers, or a range of one per channel (>= 0).",
       "Bedrag uitgegeven aan klantenwerving, of een bereik met een bedrag per kanaal (>= 0)."}}},
    {"new_customers",
     "nieuwe_klanten",
     {{"New customers won, or a range of the same size as spend (>= 0, together more than 0).",
       "Aantal nieuwe klanten, of een bereik even groot als uitgaven (>= 0, samen meer dan 0)."}}},
};

inline constexpr Argument CAC_PAYBACK_ARGS[] = {
    {"cac",
     "cac",
     {{"Acquisition cost of a customer (>= 0), e.g. from CAC.",
       "Klantwervingskosten van een klant (>= 0), bijvoorbeeld uit CAC."}}},
    {"arpa",
     "omzet_per_klant",
     {{"Revenue per account per period (more than 0).",
       "Omzet per klant per periode (meer dan 0)."}}},
    {"gross_margin",
     "brutomarge",
     {{"Gross margin (more than 0, at most 1; default 1).",
       "Brutomarge (meer dan 0, hoogstens 1; standaard 1)."}}},
};

inline constexpr Argument LTV_CAC_ARGS[] = {
    LTV,
    {"cac",
     "cac",
     {{"Acquisition cost of a customer (more than 0).",
       "Klantwervingskosten van een klant (meer dan 0)."}}},
};

inline constexpr Argument MAX_CAC_ARGS[] = {
    LTV,
    {"ratio",
     "verhouding",
     {{"Target ratio of lifetime value to acquisition cost (more than 0; default 3).",
       "Gewenste verhouding tussen klantwaarde en klantwervingskosten (meer dan 0; standaard "
       "3)."}}},
};

inline constexpr Argument SQL_BUDGET_ARGS[] = {
    MAX_CAC_ARG,
    {"sql_conversion",
     "sql_conversie",
     {{"Share of sales-qualified leads that become customers (0 to 1; 5% is 0.05).",
       "Deel van de sales qualified leads (SQL) dat klant wordt (0 tot 1; 5% is 0,05)."}}},
};

inline constexpr Argument FUNNEL_BUDGET_ARGS[] = {
    MAX_CAC_ARG,
    {"rates",
     "conversie",
     {{"Conversion of each funnel stage (0 to 1), top to bottom: one per stage, or a range.",
       "Conversie van elke stap in de funnel (0 tot 1), van boven naar beneden: een per stap of "
       "een bereik."}}},
};

inline constexpr Argument ROAS_BREAKEVEN_ARGS[] = {
    {"margin",
     "marge",
     {{"Gross margin on the products advertised (more than 0, at most 1).",
       "Brutomarge op de geadverteerde producten (meer dan 0, hoogstens 1)."}}},
};

inline constexpr Argument CLV_SEGMENT_ARGS[] = {
    {"value",
     "waarde",
     {{"The value of the customer to classify.",
       "De klantwaarde van de klant die je wilt indelen."}}},
    {"values",
     "waarden",
     {{"The values of all customers (a range; text and empty cells are skipped).",
       "De klantwaarden van alle klanten (een bereik; tekst en lege cellen worden "
       "overgeslagen)."}}},
    {"high_share",
     "aandeel_hoog",
     {{"Share of customers that count as high value (0 to 1; default 0.2).",
       "Deel van de klanten dat als hoge waarde telt (0 tot 1; standaard 0,2)."}}},
    {"low_share",
     "aandeel_laag",
     {{"Share of customers that count as low value (0 to 1; default 0.3).",
       "Deel van de klanten dat als lage waarde telt (0 tot 1; standaard 0,3)."}}},
};

} // namespace table_detail

} // namespace clvkit::calc

#include "table_models.hxx"
#include "table_retention.hxx"
#include "table_diagnostics.hxx"

namespace clvkit::calc
{

inline constexpr Function FUNCTIONS[] = {
    table_detail::row(
        "clv", "CLV", "clv",
        {{"Customer lifetime value: order value x purchases per year x years, less a one-off "
          "cost and the yearly costs. Over ranges, one value per row (an array formula).",
          "Klantwaarde (customer lifetime value): orderwaarde x aankopen per jaar x jaren, min "
          "de eenmalige kosten en de jaarlijkse kosten. Met bereiken een uitkomst per rij."}},
        table_detail::CLV_ARGS),
    table_detail::row(
        "clvMargin", "CLV_MARGIN", "clv_margin",
        {{"Customer lifetime value on margin: order value x purchases per year x years x gross "
          "margin, less the costs.",
          "Klantwaarde op basis van marge: orderwaarde x aankopen per jaar x jaren x brutomarge, "
          "min de kosten."}},
        table_detail::CLV_MARGIN_ARGS),
    table_detail::row(
        "clvRet", "CLV_RET", "clv_ret",
        {{"Discounted customer lifetime value with retention: the margin of every period the "
          "customer stays, discounted to today.",
          "Contante klantwaarde met klantretentie: de marge van elke periode dat de klant blijft, "
          "verdisconteerd naar vandaag."}},
        table_detail::CLV_RET_ARGS),
    table_detail::row("ltvChurn", "LTV_CHURN", "ltv_churn",
                      {{"Subscription lifetime value: revenue per account x gross margin / churn.",
                        "Klantwaarde van een abonnement: omzet per klant x brutomarge / churn."}},
                      table_detail::LTV_CHURN_ARGS),
    table_detail::row("clvAvg", "CLV_AVG", "clv_avg",
                      {{"Average value per customer: (revenue - costs) / number of customers.",
                        "Gemiddelde klantwaarde: (omzet - kosten) / aantal klanten."}},
                      table_detail::CLV_AVG_ARGS),
    table_detail::row(
        "lifetime", "LIFETIME", "lifetime",
        {{"Expected customer lifetime: 1 / churn, in the periods of the churn.",
          "Gemiddelde levensduur van een klant: 1 / churn, in de perioden van de churn."}},
        table_detail::LIFETIME_ARGS),
    table_detail::row("churnPeriod", "CHURN_PERIOD", "churn_period",
                      {{"Churn over k periods: 1 - (1 - churn)^k.",
                        "Churn over meerdere perioden: 1 - (1 - churn)^perioden."}},
                      table_detail::CHURN_PERIOD_ARGS),
    table_detail::row("discountPeriod", "DISCOUNT_PERIOD", "discount_period",
                      {{"Discount rate over k periods: (1 + rate)^k - 1.",
                        "Disconteringsvoet over meerdere perioden: (1 + voet)^perioden - 1."}},
                      table_detail::DISCOUNT_PERIOD_ARGS),
    table_detail::row(
        "cac", "CAC", "cac_channels",
        {{"Customer acquisition cost: total spend / total new customers; ranges give the blended "
          "CAC over channels (empty spend cells count as 0).",
          "Klantwervingskosten (CAC): totale uitgaven / totaal aantal nieuwe klanten; met "
          "bereiken de gemengde CAC over alle kanalen (lege cellen tellen als 0)."}},
        table_detail::CAC_ARGS),
    table_detail::row(
        "cacPayback", "CAC_PAYBACK", "cac_payback",
        {{"CAC payback: the periods until the margin has repaid the acquisition cost: CAC / "
          "(revenue per account x gross margin).",
          "Terugverdientijd: het aantal perioden tot de marge de klantwervingskosten heeft "
          "terugverdiend: CAC / (omzet per klant x brutomarge)."}},
        table_detail::CAC_PAYBACK_ARGS),
    table_detail::row(
        "ltvCac", "LTV_CAC", "ltv_cac",
        {{"Ratio of lifetime value to acquisition cost; 3 or more is healthy.",
          "Verhouding tussen klantwaarde en klantwervingskosten; 3 of meer is gezond."}},
        table_detail::LTV_CAC_ARGS),
    table_detail::row(
        "maxCac", "MAX_CAC", "max_cac",
        {{"The most a new customer may cost: lifetime value / target ratio.",
          "Wat een nieuwe klant maximaal mag kosten: klantwaarde / gewenste verhouding."}},
        table_detail::MAX_CAC_ARGS),
    table_detail::row(
        "sqlBudget", "SQL_BUDGET", "sql_budget",
        {{"The most a sales-qualified lead (SQL) may cost: maximum CAC x the conversion from SQL "
          "to customer.",
          "Wat een sales qualified lead (SQL) maximaal mag kosten: maximale CAC x de conversie "
          "van SQL naar klant."}},
        table_detail::SQL_BUDGET_ARGS),
    table_detail::row(
        "funnelBudget", "FUNNEL_BUDGET", "funnel_budget",
        {{"The most one entrant at the top of the funnel (a click, a lead) may cost: maximum "
          "CAC x the conversion of every stage.",
          "Wat een instromer bovenin de funnel (een klik, een lead) maximaal mag kosten: "
          "maximale CAC x de conversie van elke stap."}},
        table_detail::FUNNEL_BUDGET_ARGS),
    table_detail::row(
        "roasBreakeven", "ROAS_BREAKEVEN", "roas_breakeven",
        {{"Break-even ROAS: the revenue per unit of ad spend at which advertising breaks even: "
          "1 / margin.",
          "Break-even ROAS: de omzet per euro advertentiebudget waarbij adverteren quitte "
          "speelt: 1 / marge."}},
        table_detail::ROAS_BREAKEVEN_ARGS),
    table_detail::row(
        "clvSegment", "CLV_SEGMENT", "clv_segment",
        {{"Value segment of a customer among all customers by rank: \"high\", \"medium\" or "
          "\"low\".",
          "Waardesegment van een klant binnen alle klanten op rangorde: \"high\" (hoog), "
          "\"medium\" (midden) of \"low\" (laag)."}},
        table_detail::CLV_SEGMENT_ARGS),
    CLVKIT_TX_ROWS("bgnbd", "BGNBD", "BG/NBD", "Fader, Hardie & Lee 2005", "r, alpha, a, b",
                   BGNBD_PARAMS),
    CLVKIT_TX_ROWS("mbgnbd", "MBGNBD", "MBG/NBD", "Batislam, Denizel & Filiztekin 2007",
                   "r, alpha, a, b", MBGNBD_PARAMS),
    CLVKIT_TX_ROWS("pnbd", "PNBD", "Pareto/NBD", "Schmittlein, Morrison & Colombo 1987",
                   "r, alpha, s, beta", PNBD_PARAMS),
    table_detail::stat_row(
        "ggFit", "GG_FIT", "gg_fit", "gg",
        {{"Fits the Gamma-Gamma spend model (Fader & Hardie 2013). Returns p, q, gamma, LL: an "
          "array formula over four cells. Customers with x = 0 are left out. Err:523: no fit.",
          "Schat het Gamma-Gamma-model van de besteding (Fader & Hardie 2013). Geeft p, q, "
          "gamma, LL: matrixformule over vier cellen. Klanten met x = 0 tellen niet mee. "
          "Err:523: geen schatting."}},
        table_detail::GG_FIT_ARGS),
    table_detail::stat_row(
        "ggSpend", "GG_SPEND", "gg_spend", "gg",
        {{"Expected mean value of a customer's future transactions under the Gamma-Gamma model. "
          "x = 0 gives the mean over all customers. Over ranges, one result per row.",
          "Verwachte gemiddelde waarde van de toekomstige aankopen van een klant volgens het "
          "Gamma-Gamma-model. Bij x = 0 het gemiddelde van alle klanten."}},
        table_detail::GG_SPEND_ARGS),
    table_detail::stat_row(
        "rfmSummary", "RFM_SUMMARY", "rfm_summarize", nullptr,
        {{"Summarises a transaction log per customer: id, x, t_x, T, mean repeat value, holdout "
          "transactions and value. Same-day purchases count as one. An array formula, 7 columns.",
          "Vat een transactielog per klant samen: id, x, t_x, T, gemiddelde herhaalwaarde, "
          "aankopen en waarde na de kalibratie. Aankopen op één dag tellen als één. 7 kolommen."}},
        table_detail::RFM_SUMMARY_ARGS),
    table_detail::stat_row(
        "sbgFit", "SBG_FIT", "sbg_fit", "sbg",
        {{"Fits the shifted-beta-geometric model (sBG, Fader & Hardie 2007) to a survival "
          "curve (empty cells at its end are left out). Returns alpha, beta, LL: an array "
          "formula, three cells. Err:523: no fit.",
          "Schat het sBG-model (verschoven beta-geometrisch, Fader & Hardie 2007) op een "
          "overlevingscurve (lege cellen aan het eind tellen niet mee). Geeft alpha, beta, LL "
          "(matrixformule). Err:523: niet geschat."}},
        table_detail::SBG_FIT_ARGS),
    table_detail::stat_row(
        "sbgSurvival", "SBG_SURVIVAL", "sbg_survival", "sbg",
        {{"Share of a cohort still active after t periods under the sBG model: S(t), also "
          "beyond the data.",
          "Deel van een cohort dat na t perioden nog actief is volgens het sBG-model: S(t), ook "
          "voorbij de gegevens."}},
        table_detail::SBG_SURVIVAL_ARGS),
    table_detail::stat_row(
        "sbgRetention", "SBG_RETENTION", "sbg_retention", "sbg",
        {{"Retention rate from period t-1 to period t under the sBG model: the share of the "
          "customers active at t-1 that renew. It rises with t.",
          "Retentie van periode t-1 naar periode t volgens het sBG-model: het deel van de klanten "
          "die op t-1 actief zijn dat verlengt. Deze stijgt met t."}},
        table_detail::SBG_RETENTION_ARGS),
    table_detail::row(
        "sbgDel", "SBG_DEL", "sbg_del",
        {{"Discounted expected lifetime of a new customer in periods under the sBG model (Fader "
          "& Hardie 2010), the first period counted in full.",
          "Contante verwachte levensduur van een nieuwe klant in perioden volgens het sBG-model "
          "(Fader & Hardie 2010), de eerste periode volledig meegeteld."}},
        table_detail::SBG_DEL_ARGS, "sbg"),
    table_detail::row(
        "sbgDerl", "SBG_DERL", "sbg_derl",
        {{"Discounted expected residual lifetime in periods of a customer in period n, who "
          "renewed n-1 times, under the sBG model (Fader & Hardie 2010). x margin = value left.",
          "Contante verwachte resterende levensduur in perioden van een klant in periode n, na "
          "n-1 verlengingen, volgens het sBG-model (Fader & Hardie 2010)."}},
        table_detail::SBG_DERL_ARGS, "sbg"),
    table_detail::row(
        "clvSbg", "CLV_SBG", "sbg_clv",
        {{"Remaining value of a subscriber under the sBG model: margin per period x discounted "
          "expected residual lifetime (SBG_DERL).",
          "Resterende waarde van een abonnee volgens het sBG-model: marge per periode x contante "
          "verwachte resterende levensduur (SBG_DERL)."}},
        table_detail::CLV_SBG_ARGS, "sbg"),
    table_detail::stat_row(
        "bgbbFit", "BGBB_FIT", "bgbb_fit", "bgbb",
        {{"Fits the BG/BB model (Fader, Hardie & Shang 2010) for discrete opportunities (yearly "
          "donations). Returns alpha, beta, gamma, delta, LL: array formula, 5 cells. Err:523: "
          "no fit.",
          "Schat het BG/BB-model (Fader, Hardie & Shang 2010) voor vaste aankoopmomenten "
          "(jaarlijkse donaties). Geeft alpha, beta, gamma, delta, LL: matrixformule, 5 cellen."}},
        table_detail::BGBB_FIT_ARGS),
    table_detail::stat_row(
        "bgbbPAlive", "BGBB_PALIVE", "bgbb_palive", "bgbb",
        {{"Probability that a customer with this history is still active at the next "
          "opportunity, under the BG/BB model.",
          "Kans dat een klant met deze historie bij het volgende moment nog actief is, volgens "
          "het BG/BB-model."}},
        table_detail::BGBB_PALIVE_ARGS),
    table_detail::stat_row(
        "bgbbExpected", "BGBB_EXPECTED", "bgbb_conditional_expected", "bgbb",
        {{"Expected number of transactions in the next nstar opportunities of a customer with "
          "this history, under the BG/BB model.",
          "Verwacht aantal transacties in de komende n_ster momenten van een klant met deze "
          "historie, volgens het BG/BB-model."}},
        table_detail::BGBB_EXPECTED_ARGS),
    table_detail::stat_row(
        "bgbbExpectedNew", "BGBB_EXPECTED_NEW", "bgbb_expected", "bgbb",
        {{"Expected number of transactions of a new customer in the first n opportunities, "
          "under the BG/BB model.",
          "Verwacht aantal transacties van een nieuwe klant in de eerste n momenten, volgens "
          "het BG/BB-model."}},
        table_detail::BGBB_EXPECTED_NEW_ARGS),
    CLVKIT_DIAG_ROWS("bgnbd", "BGNBD", "BG/NBD", BGNBD_PARAMS),
    CLVKIT_DIAG_ROWS("mbgnbd", "MBGNBD", "MBG/NBD", MBGNBD_PARAMS),
    CLVKIT_DIAG_ROWS("pnbd", "PNBD", "Pareto/NBD", PNBD_PARAMS),
    table_detail::stat_row(
        "cohortTable", "COHORT_TABLE", "cohort_table_build", nullptr,
        {{"Cohort table of a log: a row per cohort (period of first purchase) and age reached: "
          "start, age, size, active, revenue, retention, revenue per customer, survivors.",
          "Cohorttabel van een log: een rij per cohort (periode van de eerste aankoop) en "
          "leeftijd: begin, leeftijd, omvang, actief, omzet, retentie, omzet per klant, "
          "overlevers."}},
        table_detail::COHORT_TABLE_ARGS),
    table_detail::stat_row(
        "earlyValue", "EARLY_VALUE", "early_value_build", nullptr,
        {{"Average cumulative value per customer in the first days (weeks...) after the first "
          "purchase, per cohort and age: start, age, mean, customers, and both over all cohorts.",
          "Gemiddelde cumulatieve waarde per klant in de eerste dagen (weken...) na de eerste "
          "aankoop, per cohort en leeftijd: begin, leeftijd, gemiddelde, klanten, en beide over "
          "alle cohorten."}},
        table_detail::EARLY_VALUE_ARGS),
};
#undef CLVKIT_TX_ROWS
#undef CLVKIT_DIAG_ROWS

inline constexpr std::size_t FUNCTION_COUNT = std::size(FUNCTIONS);
static_assert(BGNBD_FIT + TX_ROWS == MBGNBD_FIT && MBGNBD_FIT + TX_ROWS == PNBD_FIT,
              "each transaction model has its five rows in TxRow order");
static_assert(BGNBD_DERT + DIAG_ROWS == MBGNBD_DERT && MBGNBD_DERT + DIAG_ROWS == PNBD_DERT,
              "each transaction model has its diagnostics in DiagRow order");

static_assert(ID_END == FUNCTION_COUNT, "the Id enum must list the rows of FUNCTIONS in order");

/* The most arguments of any row: the size of the add-in's argument arrays. */
constexpr std::size_t most_arguments()
{
    std::size_t n = 0;
    for (const Function &f : FUNCTIONS)
        n = f.nargs > n ? f.nargs : n;
    return n;
}
inline constexpr std::size_t MAX_ARGS = most_arguments();

} // namespace clvkit::calc

#endif
