/*
 * table_retention.hxx -- the retention models' part of THE table
 * (function_table.hxx includes it): the arguments of the sBG functions
 * (Fader & Hardie 2007, 2010) and of BG/BB (Fader, Hardie & Shang 2010).
 */
#ifndef CLVKIT_ADDIN_TABLE_RETENTION_HXX
#define CLVKIT_ADDIN_TABLE_RETENTION_HXX

namespace clvkit::calc::table_detail
{

/* ---- sBG: alpha and beta are cells (ranges give one result per cell) ---------- */

inline constexpr Argument SBG_ALPHA{
    "model.alpha",
    "alpha",
    {{"The alpha of the sBG model (> 0), e.g. from SBG_FIT.",
      "De alpha van het sBG-model (> 0), bijvoorbeeld uit SBG_FIT."}}};
inline constexpr Argument SBG_BETA{
    "model.beta",
    "beta",
    {{"The beta of the sBG model (> 0), e.g. from SBG_FIT.",
      "De beta van het sBG-model (> 0), bijvoorbeeld uit SBG_FIT."}}};
inline constexpr Argument SBG_DISCOUNT{"d",
                                       "disconteringsvoet",
                                       {{"Discount rate per period (>= 0; 10% is 0.1).",
                                         "Disconteringsvoet per periode (>= 0; 10% is 0,1)."}}};
inline constexpr Argument SBG_PERIOD{
    "n",
    "n",
    {{"The customer's period: 1 in the first, 2 after one renewal, ... (a whole number >= 1).",
      "De periode van de klant: 1 in de eerste, 2 na één verlenging, ... (een geheel getal >= "
      "1)."}}};

inline constexpr Argument SBG_FIT_ARGS[] = {
    {"survivors",
     "actieve_klanten",
     {{"Customers active at the start and after each period: 1000, 869, 743, ... (a range).",
       "Klanten actief aan het begin en na elke periode: 1000, 869, 743, ... (een bereik)."}}},
};

inline constexpr Argument SBG_SURVIVAL_ARGS[] = {
    {"t",
     "t",
     {{"Number of periods since acquisition (>= 0). A range gives one result per cell.",
       "Aantal perioden sinds de werving (>= 0). Een bereik geeft een uitkomst per cel."}}},
    SBG_ALPHA,
    SBG_BETA,
};

inline constexpr Argument SBG_RETENTION_ARGS[] = {
    {"t",
     "t",
     {{"The period (>= 1). A range gives one result per cell.",
       "De periode (>= 1). Een bereik geeft een uitkomst per cel."}}},
    SBG_ALPHA,
    SBG_BETA,
};

inline constexpr Argument SBG_DEL_ARGS[] = {SBG_DISCOUNT, SBG_ALPHA, SBG_BETA};
inline constexpr Argument SBG_DERL_ARGS[] = {SBG_DISCOUNT, SBG_PERIOD, SBG_ALPHA, SBG_BETA};
inline constexpr Argument CLV_SBG_ARGS[] = {
    {"margin",
     "marge",
     {{"Margin per period from a subscriber (>= 0).",
       "Marge per periode van een abonnee (>= 0)."}}},
    SBG_DISCOUNT,
    SBG_PERIOD,
    SBG_ALPHA,
    SBG_BETA,
};

/* ---- BG/BB -------------------------------------------------------------------- */

inline constexpr Argument BGBB_X{
    "x",
    "x",
    {{"Transactions in the n opportunities (a whole number >= 0), or a range: one result per row.",
      "Aantal transacties in de n momenten (een geheel getal >= 0), of een bereik: een uitkomst "
      "per rij."}}};
inline constexpr Argument BGBB_T_X{"t_x",
                                   "t_x",
                                   {{"The opportunity of the last transaction (0 when x is 0).",
                                     "Het moment van de laatste transactie (0 als x 0 is)."}}};
inline constexpr Argument BGBB_N{"n",
                                 "n",
                                 {{"Number of opportunities observed (a whole number >= t_x).",
                                   "Aantal waargenomen momenten (een geheel getal >= t_x)."}}};
inline constexpr Argument BGBB_PARAMS{
    "model",
    "parameters",
    {{"The parameters alpha, beta, gamma, delta in a row or column, as BGBB_FIT returns them.",
      "De parameters alpha, beta, gamma, delta in een rij of kolom, zoals BGBB_FIT ze geeft."}}};

inline constexpr Argument BGBB_FIT_ARGS[] = {
    {"x",
     "x_bereik",
     {{"Transactions per customer in the n opportunities (a range of whole numbers >= 0).",
       "Aantal transacties per klant in de n momenten (een bereik met gehele getallen >= 0)."}}},
    {"t_x",
     "t_x_bereik",
     {{"Per customer, the opportunity of the last transaction (0 when x is 0).",
       "Per klant het moment van de laatste transactie (0 als x 0 is)."}}},
    {"n",
     "n_bereik",
     {{"Per customer, the number of opportunities observed (a whole number >= t_x).",
       "Per klant het aantal waargenomen momenten (een geheel getal >= t_x)."}}},
    WEIGHT,
};

inline constexpr Argument BGBB_PALIVE_ARGS[] = {BGBB_X, BGBB_T_X, BGBB_N, BGBB_PARAMS};
inline constexpr Argument BGBB_EXPECTED_ARGS[] = {
    {"nstar",
     "n_ster",
     {{"Number of opportunities ahead (a whole number >= 0).",
       "Aantal momenten vooruit (een geheel getal >= 0)."}}},
    BGBB_X,
    BGBB_T_X,
    BGBB_N,
    BGBB_PARAMS,
};
inline constexpr Argument BGBB_EXPECTED_NEW_ARGS[] = {
    {"n",
     "n",
     {{"Number of opportunities (a whole number >= 0). A range gives one result per cell.",
       "Aantal momenten (een geheel getal >= 0). Een bereik geeft een uitkomst per cel."}}},
    BGBB_PARAMS,
};

/* ---- cohorts of a transaction log ------------------------------------------ */

inline constexpr Argument COHORT_PERIOD{
    "opts.period",
    "periode",
    {{"Cohort and age period: \"day\", \"week\" (Monday to Sunday), \"month\" or \"year\".",
      "Periode van cohort en leeftijd: \"dag\", \"week\" (maandag tot zondag), \"maand\" of "
      "\"jaar\"."}}};
inline constexpr Argument COHORT_END{
    "opts.end",
    "einde",
    {{"Last day observed (a date; default the log's last). Later transactions are left out.",
      "Laatste waargenomen dag (een datum; standaard de laatste in de log). Latere tellen niet "
      "mee."}}};
inline constexpr Argument COHORT_TABLE_ARGS[] = {RFM_SUMMARY_ARGS[0], RFM_SUMMARY_ARGS[1],
                                                 RFM_SUMMARY_ARGS[2], COHORT_PERIOD, COHORT_END};
inline constexpr Argument EARLY_VALUE_ARGS[] = {
    RFM_SUMMARY_ARGS[0],
    RFM_SUMMARY_ARGS[1],
    RFM_SUMMARY_ARGS[2],
    {"opts.ages",
     "leeftijden",
     {{"Ages after the first purchase (a range of numbers > 0 in the unit; 14 days: days 0-13).",
       "Leeftijden na de eerste aankoop (een bereik met getallen > 0; 14 dagen: dag 0-13)."}}},
    {"opts.unit",
     "eenheid",
     {{"Unit of the ages: \"day\", \"week\", \"month\" (30.4375 days) or \"year\".",
       "Eenheid van de leeftijden: \"dag\", \"week\", \"maand\" (30,4375 dagen) of \"jaar\"."}}},
    COHORT_PERIOD,
    COHORT_END,
};

} // namespace clvkit::calc::table_detail

#endif
