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
#undef CLVKIT_PARAMS

/* The argument lists of a transaction model's predictions. */
template <const Argument *PARAMS>
struct TxArgs {
    static constexpr Argument palive[] = {TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument expected[] = {TX_HORIZON, TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument expected_new[] = {TX_AGE, *PARAMS};
};

/* The four rows of a transaction model, in the order of the Id enum:
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
        table_detail::TxArgs<&table_detail::PARAMS>::expected_new)

} // namespace clvkit::calc::table_detail

#endif
