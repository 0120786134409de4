/*
 * table_models.hxx -- the predictive models' part of THE table
 * (function_table.hxx includes it): their arguments, and a macro that
 * writes the five rows of a transaction model, whose texts differ only in
 * the model's name, its source and its parameters.
 */
#ifndef CLVKIT_ADDIN_TABLE_MODELS_HXX
#define CLVKIT_ADDIN_TABLE_MODELS_HXX

namespace clvkit::calc::table_detail
{

inline constexpr Text STATISTICAL{{"Statistical", "Statistisch"}};

template <std::size_t N>
constexpr Function stat_row(const char *method, const char *display, const char *core,
                            const char *model, Text description, const Argument (&args)[N])
{
    return {method, display, core, model, "Statistical", STATISTICAL, description, args, N};
}

/* ---- a customer's history, for predictions ---------------------------------- */

inline constexpr Argument TX_X{
    "x",
    "x",
    {{"Repeat transactions of the customer (a whole number >= 0), or a range: one result per row.",
      "Herhaalaankopen van de klant (een geheel getal >= 0), of een bereik: een uitkomst per "
      "rij."}}};
inline constexpr Argument TX_T_X{
    "t_x",
    "t_x",
    {{"Time from the first to the last repeat purchase (0 when x is 0), in the unit of the fit.",
      "Tijd van eerste aankoop tot laatste herhaalaankoop (0 als x 0 is), in de eenheid van de "
      "schatting."}}};
inline constexpr Argument TX_T{
    "T",
    "T",
    {{"Time from the first purchase to the end of the observation period (>= t_x), same unit.",
      "Tijd van de eerste aankoop tot het eind van de waarnemingsperiode (>= t_x), zelfde "
      "eenheid."}}};
inline constexpr Argument TX_HORIZON{
    "t",
    "t",
    {{"Length of the period ahead, in the unit of the fit (>= 0; 52 is a year in weeks).",
      "Lengte van de periode vooruit, in de eenheid van de schatting (>= 0; 52 is een jaar in "
      "weken)."}}};
inline constexpr Argument TX_AGE{
    "t",
    "t",
    {{"Time since the first purchase, in the unit of the fit (>= 0), or a range: one result per "
      "cell.",
      "Tijd sinds de eerste aankoop, in de eenheid van de schatting (>= 0), of een bereik."}}};

/* ---- the data of a fit -------------------------------------------------------- */

inline constexpr Argument WEIGHT{
    "weight",
    "gewichten",
    {{"Number of customers each row stands for (a range of the same size, >= 0; default 1).",
      "Aantal klanten dat elke rij vertegenwoordigt (een bereik even groot, >= 0; standaard 1)."}}};

inline constexpr Argument TX_FIT_ARGS[] = {
    {"x",
     "x_bereik",
     {{"Repeat transactions per customer (a range of whole numbers >= 0).",
       "Herhaalaankopen per klant (een bereik met gehele getallen >= 0)."}}},
    {"t_x",
     "t_x_bereik",
     {{"Per customer, the time from the first to the last repeat purchase (0 when x is 0).",
       "Per klant de tijd van de eerste aankoop tot de laatste herhaalaankoop (0 als x 0 is)."}}},
    {"T",
     "T_bereik",
     {{"Per customer, the time from the first purchase to the end of the calibration (>= t_x).",
       "Per klant de tijd van de eerste aankoop tot het eind van de kalibratie (>= t_x)."}}},
    WEIGHT,
};

/* ---- the parameters of each model ---------------------------------------------- */

#define CLVKIT_PARAMS(fit, names)                                                          \
    {                                                                                      \
        "model", "parameters",                                                             \
        {                                                                                  \
            {                                                                              \
                "The parameters " names " in a row or column, as " fit " returns them.",   \
                    "De parameters " names " in een rij of kolom, zoals " fit " ze geeft." \
            }                                                                              \
        }                                                                                  \
    }

inline constexpr Argument BGNBD_PARAMS = CLVKIT_PARAMS("BGNBD_FIT", "r, alpha, a, b");
inline constexpr Argument MBGNBD_PARAMS = CLVKIT_PARAMS("MBGNBD_FIT", "r, alpha, a, b");
inline constexpr Argument PNBD_PARAMS = CLVKIT_PARAMS("PNBD_FIT", "r, alpha, s, beta");
inline constexpr Argument GG_PARAMS = CLVKIT_PARAMS("GG_FIT", "p, q, gamma");
#undef CLVKIT_PARAMS

/* ---- spend and value ----------------------------------------------------------- */

inline constexpr Argument SPEND_M{
    "m",
    "m",
    {{"Mean value of the customer's repeat transactions (>= 0; any value when x is 0).",
      "Gemiddelde waarde van de herhaalaankopen van de klant (>= 0; doet er niet toe als x 0 "
      "is)."}}};

inline constexpr Argument GG_FIT_ARGS[] = {
    {"x",
     "x_bereik",
     {{"Repeat transactions per customer (a range of whole numbers >= 0).",
       "Herhaalaankopen per klant (een bereik met gehele getallen >= 0)."}}},
    {"m",
     "m_bereik",
     {{"Per customer, the mean value of the repeat transactions (> 0 when x >= 1).",
       "Per klant de gemiddelde waarde van de herhaalaankopen (> 0 als x >= 1)."}}},
    WEIGHT,
};

inline constexpr Argument GG_SPEND_ARGS[] = {TX_X, SPEND_M, GG_PARAMS};

inline constexpr Argument CLV_TX_PARAMS{
    "tx",
    "parameters",
    {{"The parameters of the transaction model in a row or column, as its _FIT returns them.",
      "De parameters van het transactiemodel in een rij of kolom, zoals de _FIT ze geeft."}}};
inline constexpr Argument CLV_GG_PARAMS{
    "gg",
    "gg_parameters",
    {{"The Gamma-Gamma parameters p, q, gamma in a row or column, as GG_FIT returns them.",
      "De Gamma-Gamma-parameters p, q, gamma in een rij of kolom, zoals GG_FIT ze geeft."}}};
inline constexpr Argument CLV_PERIODS{"opts.horizon",
                                      "perioden",
                                      {{"Number of periods ahead, each one time unit of the fit (1 "
                                        "to 100000; 52 is a year in weeks).",
                                        "Aantal perioden vooruit, elk een tijdseenheid van de "
                                        "schatting (1 tot 100000; 52 is een jaar)."}}};
inline constexpr Argument CLV_DISCOUNT{
    "opts.discount",
    "disconteringsvoet",
    {{"Discount rate per period (more than -1; 10% a year is DISCOUNT_PERIOD(10%;1/52) a week).",
      "Disconteringsvoet per periode (meer dan -1; 10% per jaar is DISCOUNT_PERIOD(10%;1/52) per "
      "week)."}}};
inline constexpr Argument CLV_SPEND_MARGIN{
    "opts.margin",
    "marge",
    {{"Share of spend kept as margin (0 to 1; default 1).",
      "Deel van de besteding dat marge is (0 tot 1; standaard 1)."}}};

/* ---- the transaction log ---------------------------------------------------- */

inline constexpr Argument RFM_SUMMARY_ARGS[] = {
    {"txlog_add.id",
     "klanten",
     {{"Customer of each transaction: a number or a text (a range).",
       "Klant van elke transactie: een getal of een tekst (een bereik)."}}},
    {"txlog_add.day",
     "datums",
     {{"Date of each transaction (a range of the same size): dates, YYYYMMDD or YYYY-MM-DD.",
       "Datum van elke transactie (een bereik even groot): datums, JJJJMMDD of JJJJ-MM-DD."}}},
    {"txlog_add.amount",
     "bedragen",
     {{"Amount of each transaction (a range of the same size, >= 0), or 0: a log without amounts.",
       "Bedrag van elke transactie (een bereik even groot, >= 0), of 0: een log zonder "
       "bedragen."}}},
    {"opts.unit",
     "eenheid",
     {{"Time unit of t_x and T: \"day\", \"week\", \"month\" (30.4375 days) or \"year\".",
       "Tijdseenheid van t_x en T: \"dag\", \"week\", \"maand\" (30,4375 dagen) of \"jaar\"."}}},
    {"opts.calibration_end",
     "einde_kalibratie",
     {{"Last day of the calibration (a date; default the log's last). Later ones count as holdout.",
       "Laatste dag van de kalibratie (standaard de laatste in de log). Latere tellen als "
       "holdout."}}},
};

/* The argument lists of a transaction model's predictions. */
template <const Argument *PARAMS> struct TxArgs {
    static constexpr Argument palive[] = {TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument expected[] = {TX_HORIZON, TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument expected_new[] = {TX_AGE, *PARAMS};
    static constexpr Argument clv[] = {TX_X,        TX_T_X,        TX_T,
                                       SPEND_M,     CLV_TX_PARAMS, CLV_GG_PARAMS,
                                       CLV_PERIODS, CLV_DISCOUNT,  CLV_SPEND_MARGIN};
};

/* The five rows of a transaction model, in the order of the Id enum:
 * method prefix (also the model's name in the core), display prefix,
 * model name, source, parameter names. */
#define CLVKIT_TX_ROWS(fam, FAM, model, source, params, PARAMS)                                  \
    table_detail::stat_row(fam "Fit", FAM "_FIT", "tx_fit", fam,                                 \
                           {{"Fits the " model " model (" source ") to purchase histories. "     \
                             "Returns " params ", LL: an array formula over five cells. Empty "  \
                             "rows are skipped. Err:523: no fit.",                               \
                             "Schat het " model "-model (" source ") op de aankoophistorie. "    \
                             "Geeft " params ", LL: matrixformule over vijf cellen. "            \
                             "Lege rijen tellen niet mee. Err:523: niet geschat."}},             \
                           table_detail::TX_FIT_ARGS),                                           \
        table_detail::stat_row(                                                                  \
            fam "PAlive", FAM "_PALIVE", "tx_palive", fam,                                       \
            {{"Probability that a customer with this purchase history is still "                 \
              "active (alive), under the " model " model.",                                      \
              "Kans dat een klant met deze aankoophistorie nog actief is "                       \
              "(alive), volgens het " model "-model."}},                                         \
            table_detail::TxArgs<&table_detail::PARAMS>::palive),                                \
        table_detail::stat_row(                                                                  \
            fam "Expected", FAM "_EXPECTED", "tx_conditional_expected", fam,                     \
            {{"Expected number of transactions in the next t time units of a "                   \
              "customer with this purchase history, under the " model " model.",                 \
              "Verwacht aantal aankopen in de komende t tijdseenheden van een "                  \
              "klant met deze aankoophistorie, volgens het " model "-model."}},                  \
            table_detail::TxArgs<&table_detail::PARAMS>::expected),                              \
        table_detail::stat_row(                                                                  \
            fam "ExpectedNew", FAM "_EXPECTED_NEW", "tx_expected", fam,                          \
            {{"Expected number of repeat transactions of a new customer in the "                 \
              "first t time units after the first purchase, under the " model " model.",         \
              "Verwacht aantal herhaalaankopen van een nieuwe klant in de eerste "               \
              "t tijdseenheden na de eerste aankoop, volgens het " model "-model."}},            \
            table_detail::TxArgs<&table_detail::PARAMS>::expected_new),                          \
        table_detail::row(fam "Clv", FAM "_CLV", "predict_clv",                                  \
                          {{"Discounted value of a customer's next periods: expected "           \
                            "transactions (" model ") x expected spend (Gamma-Gamma) x margin, " \
                            "per period of one time unit of the fit.",                           \
                            "Contante waarde van de komende perioden van een klant: verwachte "  \
                            "aankopen (" model ") x verwachte besteding (Gamma-Gamma) x marge, " \
                            "per tijdseenheid."}},                                               \
                          table_detail::TxArgs<&table_detail::PARAMS>::clv, fam)

} // namespace clvkit::calc::table_detail

#endif
