/*
 * table_models.hxx -- the predictive models' part of THE table
 * (function_table.hxx includes it): their arguments, and a macro that
 * writes the four rows of a transaction model, whose texts differ only in
 * the model's name, its source and its parameters.
 */
#ifndef CLVKIT_ADDIN_TABLE_MODELS_HXX
#define CLVKIT_ADDIN_TABLE_MODELS_HXX

namespace clvkit::calc::table_detail {

inline constexpr Text STATISTICAL{{"Statistical", "Statistisch"}};

template <std::size_t N>
constexpr Function stat_row(const char *method, const char *display,
                            Text description, const Argument (&args)[N])
{
    return {method, display, nullptr, "Statistical", STATISTICAL, description,
            args, N};
}

/* ---- a customer's history, for predictions ---------------------------------- */

inline constexpr Argument TX_X{
    {{"x", "x"}},
    {{"Repeat transactions of the customer: purchases after the first, a "
      "whole number >= 0. Give ranges of customers for one result per row "
      "(enter as an array formula).",
      "Herhaalaankopen van de klant: de aankopen na de eerste, een geheel "
      "getal >= 0. Geef bereiken met klanten op voor een uitkomst per rij "
      "(invoeren als matrixformule)."}}};
inline constexpr Argument TX_T_X{
    {{"t_x", "t_x"}},
    {{"Time from the first purchase to the last repeat purchase (0 when x "
      "is 0), in the time unit of the fitted data.",
      "Tijd van de eerste aankoop tot de laatste herhaalaankoop (0 als x 0 "
      "is), in de tijdseenheid waarin het model is geschat."}}};
inline constexpr Argument TX_T{
    {{"T", "T"}},
    {{"Time from the first purchase to the end of the observation period "
      "(>= t_x), in the same unit.",
      "Tijd van de eerste aankoop tot het eind van de waarnemingsperiode "
      "(>= t_x), in dezelfde eenheid."}}};
inline constexpr Argument TX_HORIZON{
    {{"t", "t"}},
    {{"Length of the period ahead, in the time unit of the fitted data "
      "(>= 0; 52 is a year in weeks).",
      "Lengte van de periode vooruit, in de tijdseenheid waarin het model is "
      "geschat (>= 0; 52 is een jaar in weken)."}}};
inline constexpr Argument TX_AGE{
    {{"t", "t"}},
    {{"Time since the first purchase, in the time unit of the fitted data "
      "(>= 0). A range gives one result per cell.",
      "Tijd sinds de eerste aankoop, in de tijdseenheid waarin het model is "
      "geschat (>= 0). Een bereik geeft een uitkomst per cel."}}};

/* ---- the data of a fit -------------------------------------------------------- */

inline constexpr Argument WEIGHTS{
    {{"weights", "gewichten"}},
    {{"Number of customers each row stands for (a range of the same size, "
      "numbers >= 0; default 1 each).",
      "Aantal klanten dat elke rij vertegenwoordigt (een bereik even groot, "
      "getallen >= 0; standaard 1 per rij)."}}};

inline constexpr Argument TX_FIT_ARGS[] = {
    {{{"x_range", "x_bereik"}},
     {{"Repeat transactions per customer (a range of whole numbers >= 0). "
       "Rows that are empty in every range are skipped.",
       "Herhaalaankopen per klant (een bereik met gehele getallen >= 0). "
       "Rijen die in alle bereiken leeg zijn, worden overgeslagen."}}},
    {{{"t_x_range", "t_x_bereik"}},
     {{"Per customer, the time from the first purchase to the last repeat "
       "purchase (0 when x is 0); a range of the same size.",
       "Per klant de tijd van de eerste aankoop tot de laatste herhaalaankoop "
       "(0 als x 0 is); een bereik even groot."}}},
    {{{"T_range", "T_bereik"}},
     {{"Per customer, the time from the first purchase to the end of the "
       "calibration period (>= t_x); a range of the same size. Any time "
       "unit: predictions then use the same.",
       "Per klant de tijd van de eerste aankoop tot het eind van de "
       "kalibratieperiode (>= t_x); een bereik even groot. Elke tijdseenheid "
       "kan: voorspellingen gebruiken dan dezelfde."}}},
    WEIGHTS,
};

/* ---- the parameters of each model ---------------------------------------------- */

#define CLVKIT_PARAMS(fit, names)                                              \
    {{{"params", "parameters"}},                                               \
     {{"The parameters " names " in a row or a column: the row " fit           \
       " returns (its LL may be included).",                                   \
       "De parameters " names " in een rij of kolom: de rij die " fit          \
       " oplevert (de LL mag erbij)."}}}

inline constexpr Argument BGNBD_PARAMS = CLVKIT_PARAMS("BGNBD_FIT", "r, alpha, a, b");
inline constexpr Argument MBGNBD_PARAMS = CLVKIT_PARAMS("MBGNBD_FIT", "r, alpha, a, b");
inline constexpr Argument PNBD_PARAMS = CLVKIT_PARAMS("PNBD_FIT", "r, alpha, s, beta");
inline constexpr Argument GG_PARAMS = CLVKIT_PARAMS("GG_FIT", "p, q, gamma");
#undef CLVKIT_PARAMS

/* ---- spend and value ----------------------------------------------------------- */

inline constexpr Argument SPEND_M{
    {{"m", "m"}},
    {{"Mean value of the customer's repeat transactions (>= 0; any value "
      "when x is 0).",
      "Gemiddelde waarde van de herhaalaankopen van de klant (>= 0; doet er "
      "niet toe als x 0 is)."}}};

inline constexpr Argument GG_FIT_ARGS[] = {
    {{{"x_range", "x_bereik"}},
     {{"Repeat transactions per customer (a range of whole numbers >= 0); "
       "customers without any are left out of the fit. Rows that are empty "
       "in every range are skipped.",
       "Herhaalaankopen per klant (een bereik met gehele getallen >= 0); "
       "klanten zonder herhaalaankoop tellen niet mee. Rijen die in alle "
       "bereiken leeg zijn, worden overgeslagen."}}},
    {{{"m_range", "m_bereik"}},
     {{"Per customer, the mean value of the repeat transactions (> 0 when x "
       ">= 1); a range of the same size.",
       "Per klant de gemiddelde waarde van de herhaalaankopen (> 0 als x >= "
       "1); een bereik even groot."}}},
    WEIGHTS,
};

inline constexpr Argument GG_SPEND_ARGS[] = {
    {{{"x", "x"}},
     {{"Repeat transactions of the customer (a whole number >= 0; 0 gives "
       "the mean over all customers). Give ranges for one result per row "
       "(enter as an array formula).",
       "Herhaalaankopen van de klant (een geheel getal >= 0; bij 0 het "
       "gemiddelde over alle klanten). Geef bereiken op voor een uitkomst per "
       "rij (invoeren als matrixformule)."}}},
    SPEND_M,
    GG_PARAMS,
};

inline constexpr Argument CLV_GG_PARAMS{
    {{"gg_params", "gg_parameters"}},
    {{"The Gamma-Gamma parameters p, q, gamma in a row or a column: the row "
      "GG_FIT returns (its LL may be included).",
      "De parameters p, q, gamma van het Gamma-Gamma-model in een rij of "
      "kolom: de rij die GG_FIT oplevert (de LL mag erbij)."}}};
inline constexpr Argument CLV_PERIODS{
    {{"periods", "perioden"}},
    {{"Number of periods ahead, each one time unit of the fitted data (a "
      "whole number from 1 to 100000; 52 is a year in weeks).",
      "Aantal perioden vooruit, elk een tijdseenheid van de gegevens van de "
      "schatting (een geheel getal van 1 tot 100000; 52 is een jaar in "
      "weken)."}}};
inline constexpr Argument CLV_DISCOUNT{
    {{"discount", "disconteringsvoet"}},
    {{"Discount rate per period (more than -1; 10% a year is "
      "DISCOUNT_PERIOD(10%;1/52) a week).",
      "Disconteringsvoet per periode (meer dan -1; 10% per jaar is "
      "DISCOUNT_PERIOD(10%;1/52) per week)."}}};
inline constexpr Argument CLV_SPEND_MARGIN{
    {{"margin", "marge"}},
    {{"Share of spend kept as margin (0 to 1; default 1).",
      "Deel van de besteding dat marge is (0 tot 1; standaard 1)."}}};

/* ---- the transaction log ---------------------------------------------------- */

inline constexpr Argument RFM_SUMMARY_ARGS[] = {
    {{{"ids", "klanten"}},
     {{"Customer of each transaction: a number or a text (a range).",
       "Klant van elke transactie: een getal of een tekst (een bereik)."}}},
    {{{"dates", "datums"}},
     {{"Date of each transaction (a range of the same size): Calc dates, "
       "numbers YYYYMMDD or texts YYYY-MM-DD. Rows that are empty in every "
       "range are skipped.",
       "Datum van elke transactie (een bereik even groot): Calc-datums, "
       "getallen JJJJMMDD of teksten JJJJ-MM-DD. Rijen die in alle bereiken "
       "leeg zijn, worden overgeslagen."}}},
    {{{"amounts", "bedragen"}},
     {{"Amount of each transaction (a range of the same size, >= 0; empty "
       "cells count as 0), or 0 for a log without amounts.",
       "Bedrag van elke transactie (een bereik even groot, >= 0; lege cellen "
       "tellen als 0), of 0 voor een log zonder bedragen."}}},
    {{{"unit", "eenheid"}},
     {{"Time unit of t_x and T: \"day\", \"week\", \"month\" (30.4375 "
       "days) or \"year\".",
       "Tijdseenheid van t_x en T: \"dag\", \"week\", \"maand\" (30,4375 "
       "dagen) of \"jaar\" (ook Engels: \"day\", \"week\", \"month\", "
       "\"year\")."}}},
    {{{"calibration_end", "einde_kalibratie"}},
     {{"Last day of the calibration period (a date; default the last date "
       "in the log). Later transactions count as holdout.",
       "Laatste dag van de kalibratieperiode (een datum; standaard de "
       "laatste datum in de log). Latere aankopen tellen als "
       "controleperiode (holdout)."}}},
};

/* The argument lists of a transaction model's predictions. */
template <const Argument *PARAMS>
struct TxArgs {
    static constexpr Argument palive[] = {TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument expected[] = {TX_HORIZON, TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument expected_new[] = {TX_AGE, *PARAMS};
    static constexpr Argument clv[] = {TX_X,      TX_T_X,      TX_T,
                                       SPEND_M,   *PARAMS,     CLV_GG_PARAMS,
                                       CLV_PERIODS, CLV_DISCOUNT, CLV_SPEND_MARGIN};
};

/* The five rows of a transaction model, in the order of the Id enum:
 * method prefix, display prefix, model name, source, parameter names. */
#define CLVKIT_TX_ROWS(fam, FAM, model, source, params, PARAMS)                \
    table_detail::stat_row(fam "Fit", FAM "_FIT",                              \
        {{"Fits the " model " model (" source ") to customers' purchase "      \
          "histories by maximum likelihood. Returns a row " params ", LL: "    \
          "enter as an array formula over five cells. Err:523 when the fit "   \
          "does not converge.",                                                \
          "Schat het " model "-model (" source ") op de aankoophistorie van "  \
          "klanten, met de meest aannemelijke schatting. Geeft een rij "       \
          params ", LL: invoeren als matrixformule over vijf cellen. Err:523 " \
          "als de schatting niet convergeert."}},                              \
        table_detail::TX_FIT_ARGS),                                            \
    table_detail::stat_row(fam "PAlive", FAM "_PALIVE",                        \
        {{"Probability that a customer with this purchase history is still "   \
          "active (alive), under the " model " model.",                        \
          "Kans dat een klant met deze aankoophistorie nog actief is "         \
          "(alive), volgens het " model "-model."}},                           \
        table_detail::TxArgs<&table_detail::PARAMS>::palive),                  \
    table_detail::stat_row(fam "Expected", FAM "_EXPECTED",                    \
        {{"Expected number of transactions in the next t time units of a "     \
          "customer with this purchase history, under the " model " model.",   \
          "Verwacht aantal aankopen in de komende t tijdseenheden van een "    \
          "klant met deze aankoophistorie, volgens het " model "-model."}},    \
        table_detail::TxArgs<&table_detail::PARAMS>::expected),                \
    table_detail::stat_row(fam "ExpectedNew", FAM "_EXPECTED_NEW",             \
        {{"Expected number of repeat transactions of a new customer in the "   \
          "first t time units after the first purchase, under the " model      \
          " model.",                                                           \
          "Verwacht aantal herhaalaankopen van een nieuwe klant in de eerste " \
          "t tijdseenheden na de eerste aankoop, volgens het " model           \
          "-model."}},                                                         \
        table_detail::TxArgs<&table_detail::PARAMS>::expected_new),          \
    table_detail::row(fam "Clv", FAM "_CLV", nullptr,                          \
        {{"Discounted value of a customer's next periods: expected "          \
          "transactions per period (" model " model) x expected spend "        \
          "(Gamma-Gamma) x margin, discounted per period. A period is one "    \
          "time unit of the fitted data.",                                     \
          "Contante waarde van de komende perioden van een klant: verwachte "  \
          "aankopen per periode (" model "-model) x verwachte besteding "      \
          "(Gamma-Gamma) x marge, verdisconteerd per periode. Een periode is " \
          "een tijdseenheid van de gegevens van de schatting."}},              \
        table_detail::TxArgs<&table_detail::PARAMS>::clv)

} // namespace clvkit::calc::table_detail

#endif
