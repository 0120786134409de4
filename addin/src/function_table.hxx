/*
 * function_table.hxx -- THE table of the Calc add-in.
 *
 * One row per function: the IDL method name (the programmatic name, stored in
 * saved files: never change it), the display name, the C catalogue name, the
 * category, and the en + nl Function Wizard texts of the function and of each
 * argument.  Every XAddIn metadata method is a lookup here, and the argument
 * count is the length of the row's argument array: it is typed nowhere else
 * (a static_assert beside each method checks it against the IDL's parameter
 * list at compile time, the unit test against the C catalogue).  The
 * models' arguments live in table_models.hxx and table_retention.hxx.
 */
#ifndef CLVKIT_ADDIN_FUNCTION_TABLE_HXX
#define CLVKIT_ADDIN_FUNCTION_TABLE_HXX

#include <cstddef>
#include <iterator>

namespace clvkit::calc {

/* The languages the wizard texts are written in; the default comes first. */
enum Language : std::size_t { EN, NL, LANGUAGES };

struct Text {
    const char *in[LANGUAGES]; /* UTF-8, indexed by Language */
};

struct Argument {
    Text name;
    Text description;
};

struct Function {
    const char *method;   /* IDL method: with the service name, the identity */
    const char *display;  /* what users type, in every language */
    const char *core;     /* the C catalogue's name, or nullptr for the
                             functions built on the array API */
    const char *category; /* one of Calc's fixed programmatic categories */
    Text category_name;
    Text description;
    const Argument *args;
    std::size_t nargs;
};

/* Row indices, in table order: the methods find their row by index. */
enum Id : std::size_t {
    CLV, CLV_MARGIN, CLV_RET, LTV_CHURN, CLV_AVG, LIFETIME, CHURN_PERIOD,
    DISCOUNT_PERIOD, CAC, CAC_PAYBACK, LTV_CAC, MAX_CAC, SQL_BUDGET,
    FUNNEL_BUDGET, ROAS_BREAKEVEN, CLV_SEGMENT,
    /* the transaction models, five rows each in this order (table_models.hxx) */
    BGNBD_FIT, BGNBD_PALIVE, BGNBD_EXPECTED, BGNBD_EXPECTED_NEW, BGNBD_CLV,
    MBGNBD_FIT, MBGNBD_PALIVE, MBGNBD_EXPECTED, MBGNBD_EXPECTED_NEW, MBGNBD_CLV,
    PNBD_FIT, PNBD_PALIVE, PNBD_EXPECTED, PNBD_EXPECTED_NEW, PNBD_CLV,
    GG_FIT, GG_SPEND, RFM_SUMMARY,
    /* the retention models (table_retention.hxx) */
    SBG_FIT, SBG_SURVIVAL, SBG_RETENTION, SBG_DEL, SBG_DERL, CLV_SBG,
    BGBB_FIT, BGBB_PALIVE, BGBB_EXPECTED, BGBB_EXPECTED_NEW,
    ID_END
};

/* The offsets of a transaction model's rows from its _FIT row. */
enum TxRow : std::size_t {
    TX_FIT, TX_PALIVE, TX_EXPECTED, TX_EXPECTED_NEW, TX_CLV, TX_ROWS
};

namespace table_detail {

inline constexpr Text FINANCIAL{{"Financial", "Financieel"}};

template <std::size_t N>
constexpr Function row(const char *method, const char *display,
                       const char *core, Text description,
                       const Argument (&args)[N])
{
    return {method, display, core, "Financial", FINANCIAL, description, args, N};
}

/* Arguments that several functions share. */
#define CLVKIT_ARG_COST                                                        \
    {{{"cost", "kosten"}},                                                     \
     {{"One-off cost per customer, e.g. for acquisition (>= 0; default 0).",   \
       "Eenmalige kosten per klant, bijvoorbeeld voor het binnenhalen "        \
       "(>= 0; standaard 0)."}}}
#define CLVKIT_ARG_YEARLY_COST                                                 \
    {{{"yearly_cost", "jaarkosten"}},                                          \
     {{"Cost per year of the relationship: maintenance, support "              \
       "(>= 0; default 0).",                                                   \
       "Jaarlijkse kosten van de klantrelatie: onderhoud, klantenservice "     \
       "(>= 0; standaard 0)."}}}
#define CLVKIT_ARG_CHURN                                                       \
    {{{"churn", "churn"}},                                                     \
     {{"Share of customers lost per period (more than 0, at most 1; "          \
       "2% is 0.02).",                                                         \
       "Deel van de klanten dat per periode opzegt (meer dan 0, hoogstens 1; " \
       "2% is 0,02)."}}}
#define CLVKIT_ARG_MAX_CAC                                                     \
    {{{"max_cac", "max_cac"}},                                                 \
     {{"The most a new customer may cost (>= 0), e.g. from MAX_CAC.",          \
       "Wat een nieuwe klant maximaal mag kosten (>= 0), bijvoorbeeld uit "    \
       "MAX_CAC."}}}
#define CLVKIT_ARG_LTV                                                         \
    {{{"ltv", "ltv"}},                                                         \
     {{"Customer lifetime value (>= 0), e.g. from CLV.",                       \
       "Klantwaarde (customer lifetime value, >= 0), bijvoorbeeld uit CLV."}}}
#define CLVKIT_ARG_PERIODS                                                     \
    {{{"periods", "perioden"}},                                                \
     {{"Number of periods (>= 0; may be a fraction: 1/12 turns a yearly "      \
       "figure into a monthly one).",                                          \
       "Aantal perioden (>= 0; mag een breuk zijn: met 1/12 wordt een "        \
       "jaarcijfer een maandcijfer)."}}}

inline constexpr Argument CLV_ARGS[] = {
    {{{"aov", "orderwaarde"}},
     {{"Average order value (>= 0). Give ranges to get one value per row "
       "(enter as an array formula).",
       "Gemiddelde orderwaarde (>= 0). Geef bereiken op voor een uitkomst "
       "per rij (invoeren als matrixformule)."}}},
    {{{"freq", "frequentie"}},
     {{"Purchases per year (>= 0; may be a fraction).",
       "Aantal aankopen per jaar (>= 0; mag een breuk zijn)."}}},
    {{{"years", "jaren"}},
     {{"Customer lifetime in years (>= 0).",
       "Gemiddelde levensduur van de klant in jaren (>= 0)."}}},
    CLVKIT_ARG_COST,
    CLVKIT_ARG_YEARLY_COST,
};

inline constexpr Argument CLV_MARGIN_ARGS[] = {
    {{{"aov", "orderwaarde"}},
     {{"Average order value (>= 0).", "Gemiddelde orderwaarde (>= 0)."}}},
    CLV_ARGS[1],
    CLV_ARGS[2],
    {{{"margin", "marge"}},
     {{"Gross margin as a share of revenue (0 to 1; 40% is 0.4).",
       "Brutomarge als deel van de omzet (0 tot 1; 40% is 0,4)."}}},
    CLVKIT_ARG_COST,
    CLVKIT_ARG_YEARLY_COST,
};

inline constexpr Argument CLV_RET_ARGS[] = {
    {{{"margin", "marge"}},
     {{"Margin a customer brings in per period (>= 0).",
       "Marge die een klant per periode oplevert (>= 0)."}}},
    {{{"retention", "retentie"}},
     {{"Chance that a customer stays one more period (0 to 1; 80% is 0.8).",
       "Kans dat een klant nog een periode blijft, de klantretentie "
       "(0 tot 1; 80% is 0,8)."}}},
    {{{"discount", "disconteringsvoet"}},
     {{"Discount rate per period (more than -1; 10% is 0.1).",
       "Disconteringsvoet per periode (meer dan -1; 10% is 0,1)."}}},
    {{{"periods", "perioden"}},
     {{"Horizon in whole periods (default 0: no horizon, the customer may "
       "stay for ever).",
       "Horizon in hele perioden (standaard 0: geen horizon, de klant kan "
       "altijd blijven)."}}},
    {{{"timing", "moment"}},
     {{"0: margin at the end of each period (default); 1: the first margin "
       "comes in now.",
       "0: marge aan het eind van elke periode (standaard); 1: de eerste "
       "marge komt direct binnen."}}},
};

inline constexpr Argument LTV_CHURN_ARGS[] = {
    {{{"arpa", "omzet_per_klant"}},
     {{"Average revenue per account per period (>= 0).",
       "Gemiddelde omzet per klant per periode (>= 0)."}}},
    {{{"gross_margin", "brutomarge"}},
     {{"Gross margin (0 to 1; 80% is 0.8).",
       "Brutomarge (0 tot 1; 80% is 0,8)."}}},
    CLVKIT_ARG_CHURN,
};

inline constexpr Argument CLV_AVG_ARGS[] = {
    {{{"revenue", "omzet"}},
     {{"Total revenue from these customers (>= 0).",
       "Totale omzet van deze klanten (>= 0)."}}},
    {{{"costs", "kosten"}},
     {{"Total costs of these customers (>= 0).",
       "Totale kosten van deze klanten (>= 0)."}}},
    {{{"customers", "klanten"}},
     {{"Number of customers (more than 0).",
       "Aantal klanten (meer dan 0)."}}},
};

inline constexpr Argument LIFETIME_ARGS[] = {CLVKIT_ARG_CHURN};

inline constexpr Argument CHURN_PERIOD_ARGS[] = {
    {{{"churn", "churn"}},
     {{"Churn per period (0 to 1).", "Churn per periode (0 tot 1)."}}},
    CLVKIT_ARG_PERIODS,
};

inline constexpr Argument DISCOUNT_PERIOD_ARGS[] = {
    {{{"rate", "rentevoet"}},
     {{"Discount rate per period (more than -1; 10% is 0.1).",
       "Disconteringsvoet per periode (meer dan -1; 10% is 0,1)."}}},
    CLVKIT_ARG_PERIODS,
};

inline constexpr Argument CAC_ARGS[] = {
    {{{"spend", "uitgaven"}},
     {{"Amount spent on winning customers, or a range with one amount per "
       "channel (>= 0; empty cells count as 0).",
       "Bedrag uitgegeven aan klantenwerving, of een bereik met een bedrag "
       "per kanaal (>= 0; lege cellen tellen als 0)."}}},
    {{{"new_customers", "nieuwe_klanten"}},
     {{"New customers won, or a range of the same size as spend (>= 0, "
       "together more than 0).",
       "Aantal nieuwe klanten, of een bereik even groot als dat van uitgaven "
       "(>= 0, samen meer dan 0)."}}},
};

inline constexpr Argument CAC_PAYBACK_ARGS[] = {
    {{{"cac", "cac"}},
     {{"Acquisition cost of a customer (>= 0), e.g. from CAC.",
       "Klantwervingskosten van een klant (>= 0), bijvoorbeeld uit CAC."}}},
    {{{"arpa", "omzet_per_klant"}},
     {{"Revenue per account per period (more than 0).",
       "Omzet per klant per periode (meer dan 0)."}}},
    {{{"gross_margin", "brutomarge"}},
     {{"Gross margin (more than 0, at most 1; default 1).",
       "Brutomarge (meer dan 0, hoogstens 1; standaard 1)."}}},
};

inline constexpr Argument LTV_CAC_ARGS[] = {
    CLVKIT_ARG_LTV,
    {{{"cac", "cac"}},
     {{"Acquisition cost of a customer (more than 0).",
       "Klantwervingskosten van een klant (meer dan 0)."}}},
};

inline constexpr Argument MAX_CAC_ARGS[] = {
    CLVKIT_ARG_LTV,
    {{{"ratio", "verhouding"}},
     {{"Target ratio of lifetime value to acquisition cost (more than 0; "
       "default 3).",
       "Gewenste verhouding tussen klantwaarde en klantwervingskosten "
       "(meer dan 0; standaard 3)."}}},
};

inline constexpr Argument SQL_BUDGET_ARGS[] = {
    CLVKIT_ARG_MAX_CAC,
    {{{"sql_conversion", "sql_conversie"}},
     {{"Share of sales-qualified leads that become customers (0 to 1; "
       "5% is 0.05).",
       "Conversie van SQL naar klant: het deel van de sales qualified leads "
       "dat klant wordt (0 tot 1; 5% is 0,05)."}}},
};

inline constexpr Argument FUNNEL_BUDGET_ARGS[] = {
    CLVKIT_ARG_MAX_CAC,
    {{{"rate", "conversie"}},
     {{"Conversion of one funnel stage (0 to 1). Give one per stage, top to "
       "bottom, or a range of them.",
       "Conversie van een stap in de funnel (0 tot 1). Geef er een per stap, "
       "van boven naar beneden, of een bereik."}}},
};

inline constexpr Argument ROAS_BREAKEVEN_ARGS[] = {
    {{{"margin", "marge"}},
     {{"Gross margin on the products advertised (more than 0, at most 1).",
       "Brutomarge op de geadverteerde producten (meer dan 0, hoogstens 1)."}}},
};

inline constexpr Argument CLV_SEGMENT_ARGS[] = {
    {{{"value", "waarde"}},
     {{"The value of the customer to classify.",
       "De klantwaarde van de klant die je wilt indelen."}}},
    {{{"values", "waarden"}},
     {{"The values of all customers (a range; text and empty cells are "
       "skipped).",
       "De klantwaarden van alle klanten (een bereik; tekst en lege cellen "
       "worden overgeslagen)."}}},
    {{{"high_share", "aandeel_hoog"}},
     {{"Share of customers that count as high value (0 to 1; default 0.2).",
       "Deel van de klanten dat als hoge waarde telt (0 tot 1; "
       "standaard 0,2)."}}},
    {{{"low_share", "aandeel_laag"}},
     {{"Share of customers that count as low value (0 to 1; default 0.3).",
       "Deel van de klanten dat als lage waarde telt (0 tot 1; "
       "standaard 0,3)."}}},
};

#undef CLVKIT_ARG_COST
#undef CLVKIT_ARG_YEARLY_COST
#undef CLVKIT_ARG_CHURN
#undef CLVKIT_ARG_MAX_CAC
#undef CLVKIT_ARG_LTV
#undef CLVKIT_ARG_PERIODS

} // namespace table_detail

} // namespace clvkit::calc

#include "table_models.hxx"
#include "table_retention.hxx"

namespace clvkit::calc {

inline constexpr Function FUNCTIONS[] = {
    table_detail::row("clv", "CLV", "clv",
        {{"Customer lifetime value: order value x purchases per year x years, "
          "less a one-off cost and the yearly costs.",
          "Klantwaarde (customer lifetime value): orderwaarde x aankopen per "
          "jaar x jaren, min de eenmalige kosten en de jaarlijkse kosten."}},
        table_detail::CLV_ARGS),
    table_detail::row("clvMargin", "CLV_MARGIN", "clv_margin",
        {{"Customer lifetime value on margin: order value x purchases per "
          "year x years x gross margin, less the costs.",
          "Klantwaarde op basis van marge: orderwaarde x aankopen per jaar x "
          "jaren x brutomarge, min de kosten."}},
        table_detail::CLV_MARGIN_ARGS),
    table_detail::row("clvRet", "CLV_RET", "clv_ret",
        {{"Discounted customer lifetime value with retention: the margin of "
          "every period the customer stays, discounted to today.",
          "Contante klantwaarde met klantretentie: de marge van elke periode "
          "dat de klant blijft, verdisconteerd naar vandaag."}},
        table_detail::CLV_RET_ARGS),
    table_detail::row("ltvChurn", "LTV_CHURN", "ltv_churn",
        {{"Subscription lifetime value: revenue per account x gross margin / "
          "churn.",
          "Klantwaarde van een abonnement: omzet per klant x brutomarge / "
          "churn."}},
        table_detail::LTV_CHURN_ARGS),
    table_detail::row("clvAvg", "CLV_AVG", "clv_avg",
        {{"Average value per customer: (revenue - costs) / number of "
          "customers.",
          "Gemiddelde klantwaarde: (omzet - kosten) / aantal klanten."}},
        table_detail::CLV_AVG_ARGS),
    table_detail::row("lifetime", "LIFETIME", "lifetime",
        {{"Expected customer lifetime: 1 / churn, in the periods of the churn.",
          "Gemiddelde levensduur van een klant: 1 / churn, in de perioden van "
          "de churn."}},
        table_detail::LIFETIME_ARGS),
    table_detail::row("churnPeriod", "CHURN_PERIOD", "churn_period",
        {{"Churn over several periods: 1 - (1 - churn)^periods.",
          "Churn over meerdere perioden: 1 - (1 - churn)^perioden."}},
        table_detail::CHURN_PERIOD_ARGS),
    table_detail::row("discountPeriod", "DISCOUNT_PERIOD", "discount_period",
        {{"Discount rate over several periods: (1 + rate)^periods - 1.",
          "Disconteringsvoet over meerdere perioden: (1 + voet)^perioden - 1."}},
        table_detail::DISCOUNT_PERIOD_ARGS),
    table_detail::row("cac", "CAC", nullptr,
        {{"Customer acquisition cost: total spend / total new customers; "
          "ranges give the blended CAC over channels.",
          "Klantwervingskosten (CAC): totale uitgaven / totaal aantal nieuwe "
          "klanten; met bereiken de gemengde CAC over alle kanalen."}},
        table_detail::CAC_ARGS),
    table_detail::row("cacPayback", "CAC_PAYBACK", "cac_payback",
        {{"CAC payback: the periods until the margin has repaid the "
          "acquisition cost: CAC / (revenue per account x gross margin).",
          "Terugverdientijd: het aantal perioden tot de marge de "
          "klantwervingskosten heeft terugverdiend: CAC / (omzet per klant x "
          "brutomarge)."}},
        table_detail::CAC_PAYBACK_ARGS),
    table_detail::row("ltvCac", "LTV_CAC", "ltv_cac",
        {{"Ratio of lifetime value to acquisition cost; 3 or more is healthy.",
          "Verhouding tussen klantwaarde en klantwervingskosten; 3 of meer is "
          "gezond."}},
        table_detail::LTV_CAC_ARGS),
    table_detail::row("maxCac", "MAX_CAC", "max_cac",
        {{"The most a new customer may cost: lifetime value / target ratio.",
          "Wat een nieuwe klant maximaal mag kosten: klantwaarde / gewenste "
          "verhouding."}},
        table_detail::MAX_CAC_ARGS),
    table_detail::row("sqlBudget", "SQL_BUDGET", "sql_budget",
        {{"The most a sales-qualified lead (SQL) may cost: maximum CAC x the "
          "conversion from SQL to customer.",
          "Wat een sales qualified lead (SQL) maximaal mag kosten: maximale "
          "CAC x de conversie van SQL naar klant."}},
        table_detail::SQL_BUDGET_ARGS),
    table_detail::row("funnelBudget", "FUNNEL_BUDGET", nullptr,
        {{"The most one entrant at the top of the funnel (a click, a lead) "
          "may cost: maximum CAC x the conversion of every stage.",
          "Wat een instromer bovenin de funnel (een klik, een lead) maximaal "
          "mag kosten: maximale CAC x de conversie van elke stap."}},
        table_detail::FUNNEL_BUDGET_ARGS),
    table_detail::row("roasBreakeven", "ROAS_BREAKEVEN", "roas_breakeven",
        {{"Break-even ROAS: the revenue per unit of ad spend at which "
          "advertising breaks even: 1 / margin.",
          "Break-even ROAS: de omzet per euro advertentiebudget waarbij "
          "adverteren quitte speelt: 1 / marge."}},
        table_detail::ROAS_BREAKEVEN_ARGS),
    table_detail::row("clvSegment", "CLV_SEGMENT", nullptr,
        {{"Value segment of a customer among all customers by rank: "
          "\"high\", \"medium\" or \"low\".",
          "Waardesegment van een klant binnen alle klanten op rangorde: "
          "\"high\" (hoog), \"medium\" (midden) of \"low\" (laag)."}},
        table_detail::CLV_SEGMENT_ARGS),
    CLVKIT_TX_ROWS("bgnbd", "BGNBD", "BG/NBD", "Fader, Hardie & Lee 2005",
                   "r, alpha, a, b", BGNBD_PARAMS),
    CLVKIT_TX_ROWS("mbgnbd", "MBGNBD", "MBG/NBD",
                   "Batislam, Denizel & Filiztekin 2007", "r, alpha, a, b",
                   MBGNBD_PARAMS),
    CLVKIT_TX_ROWS("pnbd", "PNBD", "Pareto/NBD",
                   "Schmittlein, Morrison & Colombo 1987", "r, alpha, s, beta",
                   PNBD_PARAMS),
    table_detail::stat_row("ggFit", "GG_FIT",
        {{"Fits the Gamma-Gamma model of spend per transaction (Fader & "
          "Hardie 2013) by maximum likelihood. Returns a row p, q, gamma, LL: "
          "enter as an array formula over four cells. Err:523 when the fit "
          "does not converge.",
          "Schat het Gamma-Gamma-model van de besteding per aankoop (Fader & "
          "Hardie 2013) met de meest aannemelijke schatting. Geeft een rij p, "
          "q, gamma, LL: invoeren als matrixformule over vier cellen. Err:523 "
          "als de schatting niet convergeert."}},
        table_detail::GG_FIT_ARGS),
    table_detail::stat_row("ggSpend", "GG_SPEND",
        {{"Expected mean value of a customer's future transactions, from the "
          "number and mean value of the customer's repeat transactions, under "
          "the Gamma-Gamma model.",
          "Verwachte gemiddelde waarde van de toekomstige aankopen van een "
          "klant, uit het aantal en de gemiddelde waarde van de "
          "herhaalaankopen, volgens het Gamma-Gamma-model."}},
        table_detail::GG_SPEND_ARGS),
    table_detail::stat_row("rfmSummary", "RFM_SUMMARY",
        {{"Summarises a transaction log per customer for the models: a row "
          "per customer with id, x (repeat transactions), t_x, T, mean repeat "
          "value, and the transactions and value after the calibration end. "
          "Purchases on one day count as one. Enter as an array formula over "
          "seven columns.",
          "Vat een transactielog per klant samen voor de modellen: een rij per "
          "klant met id, x (herhaalaankopen), t_x, T, gemiddelde waarde van de "
          "herhaalaankopen, en de aankopen en waarde na het eind van de "
          "kalibratieperiode. Aankopen op één dag tellen als één. Invoeren als "
          "matrixformule over zeven kolommen."}},
        table_detail::RFM_SUMMARY_ARGS),
    table_detail::stat_row("sbgFit", "SBG_FIT",
        {{"Fits the shifted-beta-geometric retention model (sBG, Fader & "
          "Hardie 2007) to a survival curve by maximum likelihood. Returns a "
          "row alpha, beta, LL: enter as an array formula over three cells. "
          "Err:523 when the fit does not converge.",
          "Schat het verschoven beta-geometrische retentiemodel (sBG, Fader & "
          "Hardie 2007) op een overlevingscurve, met de meest aannemelijke "
          "schatting. Geeft een rij alpha, beta, LL: invoeren als "
          "matrixformule over drie cellen. Err:523 als de schatting niet "
          "convergeert."}},
        table_detail::SBG_FIT_ARGS),
    table_detail::stat_row("sbgSurvival", "SBG_SURVIVAL",
        {{"Share of a cohort still active after t periods under the sBG "
          "model: S(t), also beyond the data.",
          "Deel van een cohort dat na t perioden nog actief is volgens het "
          "sBG-model: S(t), ook voorbij de gegevens."}},
        table_detail::SBG_SURVIVAL_ARGS),
    table_detail::stat_row("sbgRetention", "SBG_RETENTION",
        {{"Retention rate from period t-1 to period t under the sBG model: "
          "the share of the customers active at t-1 that renew. It rises "
          "with t.",
          "Retentie van periode t-1 naar periode t volgens het sBG-model: het "
          "deel van de klanten die op t-1 actief zijn dat verlengt. Deze "
          "stijgt met t."}},
        table_detail::SBG_RETENTION_ARGS),
    table_detail::row("sbgDel", "SBG_DEL", nullptr,
        {{"Discounted expected lifetime of a new customer in periods under "
          "the sBG model (Fader & Hardie 2010), the first period counted in "
          "full.",
          "Contante verwachte levensduur van een nieuwe klant in perioden "
          "volgens het sBG-model (Fader & Hardie 2010), de eerste periode "
          "volledig meegeteld."}},
        table_detail::SBG_DEL_ARGS),
    table_detail::row("sbgDerl", "SBG_DERL", nullptr,
        {{"Discounted expected residual lifetime in periods of a customer in "
          "period n, who has renewed n-1 times, under the sBG model (Fader & "
          "Hardie 2010). Times the margin per period it is the customer's "
          "remaining value.",
          "Contante verwachte resterende levensduur in perioden van een klant "
          "in periode n, die n-1 keer heeft verlengd, volgens het sBG-model "
          "(Fader & Hardie 2010). Maal de marge per periode is het de "
          "resterende waarde van de klant."}},
        table_detail::SBG_DERL_ARGS),
    table_detail::row("clvSbg", "CLV_SBG", nullptr,
        {{"Remaining value of a subscriber under the sBG model: margin per "
          "period x discounted expected residual lifetime (SBG_DERL).",
          "Resterende waarde van een abonnee volgens het sBG-model: marge per "
          "periode x contante verwachte resterende levensduur (SBG_DERL)."}},
        table_detail::CLV_SBG_ARGS),
    table_detail::stat_row("bgbbFit", "BGBB_FIT",
        {{"Fits the BG/BB model (Fader, Hardie & Shang 2010) for discrete "
          "transaction opportunities (yearly donations, annual events) by "
          "maximum likelihood. Returns a row alpha, beta, gamma, delta, LL: "
          "enter as an array formula over five cells. Err:523 when the fit "
          "does not converge.",
          "Schat het BG/BB-model (Fader, Hardie & Shang 2010) voor vaste "
          "aankoopmomenten (jaarlijkse donaties, jaarlijkse evenementen) met "
          "de meest aannemelijke schatting. Geeft een rij alpha, beta, gamma, "
          "delta, LL: invoeren als matrixformule over vijf cellen. Err:523 "
          "als de schatting niet convergeert."}},
        table_detail::BGBB_FIT_ARGS),
    table_detail::stat_row("bgbbPAlive", "BGBB_PALIVE",
        {{"Probability that a customer with this history is still active at "
          "the next opportunity, under the BG/BB model.",
          "Kans dat een klant met deze historie bij het volgende moment nog "
          "actief is, volgens het BG/BB-model."}},
        table_detail::BGBB_PALIVE_ARGS),
    table_detail::stat_row("bgbbExpected", "BGBB_EXPECTED",
        {{"Expected number of transactions in the next n_star opportunities "
          "of a customer with this history, under the BG/BB model.",
          "Verwacht aantal transacties in de komende n_ster momenten van een "
          "klant met deze historie, volgens het BG/BB-model."}},
        table_detail::BGBB_EXPECTED_ARGS),
    table_detail::stat_row("bgbbExpectedNew", "BGBB_EXPECTED_NEW",
        {{"Expected number of transactions of a new customer in the first n "
          "opportunities, under the BG/BB model.",
          "Verwacht aantal transacties van een nieuwe klant in de eerste n "
          "momenten, volgens het BG/BB-model."}},
        table_detail::BGBB_EXPECTED_NEW_ARGS),
};
#undef CLVKIT_TX_ROWS

inline constexpr std::size_t FUNCTION_COUNT = std::size(FUNCTIONS);
static_assert(BGNBD_FIT + TX_ROWS == MBGNBD_FIT && MBGNBD_FIT + TX_ROWS == PNBD_FIT,
              "each transaction model has its four rows in TxRow order");

static_assert(ID_END == FUNCTION_COUNT,
              "the Id enum must list the rows of FUNCTIONS in order");

} // namespace clvkit::calc

#endif
