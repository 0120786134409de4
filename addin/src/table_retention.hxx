/*
 * table_retention.hxx -- the retention models' part of THE table
 * (function_table.hxx includes it): the arguments of the sBG functions
 * (Fader & Hardie 2007, 2010) and of BG/BB (Fader, Hardie & Shang 2010).
 */
#ifndef CLVKIT_ADDIN_TABLE_RETENTION_HXX
#define CLVKIT_ADDIN_TABLE_RETENTION_HXX

namespace clvkit::calc::table_detail {

/* ---- sBG ---------------------------------------------------------------------- */

inline constexpr Argument SBG_ALPHA{
    {{"alpha", "alpha"}},
    {{"The alpha of the sBG model (> 0), e.g. from SBG_FIT.",
      "De alpha van het sBG-model (> 0), bijvoorbeeld uit SBG_FIT."}}};
inline constexpr Argument SBG_BETA{
    {{"beta", "beta"}},
    {{"The beta of the sBG model (> 0), e.g. from SBG_FIT.",
      "De beta van het sBG-model (> 0), bijvoorbeeld uit SBG_FIT."}}};
inline constexpr Argument SBG_DISCOUNT{
    {{"discount", "disconteringsvoet"}},
    {{"Discount rate per period (>= 0; 10% is 0.1).",
      "Disconteringsvoet per periode (>= 0; 10% is 0,1)."}}};
inline constexpr Argument SBG_PERIOD{
    {{"n", "n"}},
    {{"The customer's period: 1 in the first period, 2 after one renewal, "
      "... (a whole number >= 1).",
      "De periode van de klant: 1 in de eerste periode, 2 na één verlenging, "
      "... (een geheel getal >= 1)."}}};

inline constexpr Argument SBG_FIT_ARGS[] = {
    {{{"survivors", "actieve_klanten"}},
     {{"Customers still active at the start (period 0) and after each "
       "period: 1000, 869, 743, ... (a range, not increasing; empty cells at "
       "the end are left out).",
       "Klanten die aan het begin (periode 0) en na elke periode nog actief "
       "zijn: 1000, 869, 743, ... (een bereik, niet stijgend; lege cellen aan "
       "het eind tellen niet mee)."}}},
};

inline constexpr Argument SBG_SURVIVAL_ARGS[] = {
    {{{"t", "t"}},
     {{"Number of periods since acquisition (>= 0). A range gives one result "
       "per cell.",
       "Aantal perioden sinds de werving (>= 0). Een bereik geeft een "
       "uitkomst per cel."}}},
    SBG_ALPHA,
    SBG_BETA,
};

inline constexpr Argument SBG_RETENTION_ARGS[] = {
    {{{"t", "t"}},
     {{"The period (>= 1). A range gives one result per cell.",
       "De periode (>= 1). Een bereik geeft een uitkomst per cel."}}},
    SBG_ALPHA,
    SBG_BETA,
};

inline constexpr Argument SBG_DEL_ARGS[] = {SBG_DISCOUNT, SBG_ALPHA, SBG_BETA};
inline constexpr Argument SBG_DERL_ARGS[] = {SBG_DISCOUNT, SBG_PERIOD, SBG_ALPHA,
                                             SBG_BETA};
inline constexpr Argument CLV_SBG_ARGS[] = {
    {{{"margin", "marge"}},
     {{"Margin per period from a subscriber (>= 0).",
       "Marge per periode van een abonnee (>= 0)."}}},
    SBG_DISCOUNT,
    SBG_PERIOD,
    SBG_ALPHA,
    SBG_BETA,
};

/* ---- BG/BB -------------------------------------------------------------------- */

inline constexpr Argument BGBB_X{
    {{"x", "x"}},
    {{"Transactions of the customer in the n opportunities (a whole number "
      ">= 0). Give ranges for one result per row (enter as an array "
      "formula).",
      "Aantal transacties van de klant in de n momenten (een geheel getal "
      ">= 0). Geef bereiken op voor een uitkomst per rij (invoeren als "
      "matrixformule)."}}};
inline constexpr Argument BGBB_T_X{
    {{"t_x", "t_x"}},
    {{"The opportunity of the last transaction (0 when x is 0).",
      "Het moment van de laatste transactie (0 als x 0 is)."}}};
inline constexpr Argument BGBB_N{
    {{"n", "n"}},
    {{"Number of opportunities observed (a whole number >= t_x).",
      "Aantal waargenomen momenten (een geheel getal >= t_x)."}}};
inline constexpr Argument BGBB_PARAMS{
    {{"params", "parameters"}},
    {{"The parameters alpha, beta, gamma, delta in a row or a column: the "
      "row BGBB_FIT returns (its LL may be included).",
      "De parameters alpha, beta, gamma, delta in een rij of kolom: de rij "
      "die BGBB_FIT oplevert (de LL mag erbij)."}}};

inline constexpr Argument BGBB_FIT_ARGS[] = {
    {{{"x_range", "x_bereik"}},
     {{"Transactions per customer in the n opportunities (a range of whole "
       "numbers >= 0). Rows that are empty in every range are skipped.",
       "Aantal transacties per klant in de n momenten (een bereik met gehele "
       "getallen >= 0). Rijen die in alle bereiken leeg zijn, worden "
       "overgeslagen."}}},
    {{{"t_x_range", "t_x_bereik"}},
     {{"Per customer, the opportunity of the last transaction (0 when x is "
       "0); a range of the same size.",
       "Per klant het moment van de laatste transactie (0 als x 0 is); een "
       "bereik even groot."}}},
    {{{"n_range", "n_bereik"}},
     {{"Per customer, the number of opportunities observed (a whole number "
       ">= t_x); a range of the same size.",
       "Per klant het aantal waargenomen momenten (een geheel getal >= t_x); "
       "een bereik even groot."}}},
    WEIGHTS,
};

inline constexpr Argument BGBB_PALIVE_ARGS[] = {BGBB_X, BGBB_T_X, BGBB_N, BGBB_PARAMS};
inline constexpr Argument BGBB_EXPECTED_ARGS[] = {
    {{{"n_star", "n_ster"}},
     {{"Number of opportunities ahead (a whole number >= 0).",
       "Aantal momenten vooruit (een geheel getal >= 0)."}}},
    BGBB_X,
    BGBB_T_X,
    BGBB_N,
    BGBB_PARAMS,
};
inline constexpr Argument BGBB_EXPECTED_NEW_ARGS[] = {
    {{{"n", "n"}},
     {{"Number of opportunities (a whole number >= 0). A range gives one "
       "result per cell.",
       "Aantal momenten (een geheel getal >= 0). Een bereik geeft een "
       "uitkomst per cel."}}},
    BGBB_PARAMS,
};

} // namespace clvkit::calc::table_detail

#endif
