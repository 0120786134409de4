/*
 * table_diagnostics.hxx -- the diagnostics' part of THE table
 * (function_table.hxx includes it, after table_models.hxx): can I trust
 * this model?  DERT, standard errors, period counts, holdout by frequency,
 * tracking, the two matrices and the intervals (delta method, CLV,
 * bootstrap, CLV bootstrap) of each transaction model (issue 12; clvkit/diagnostics.h,
 * clvkit/intervals.h).  The texts differ only in the model's name.
 */
#ifndef CLVKIT_ADDIN_TABLE_DIAGNOSTICS_HXX
#define CLVKIT_ADDIN_TABLE_DIAGNOSTICS_HXX

namespace clvkit::calc::table_detail
{

inline constexpr Argument DIAG_DELTA{
    "delta",
    "delta",
    {{"Continuous discount rate per time unit of the fit (> 0; 15% a year is LN(1.15)/52 a week).",
      "Continue disconteringsvoet per tijdseenheid (> 0; 15% per jaar is LN(1,15)/52 per week)."}}};
inline constexpr Argument DIAG_X{
    "x",
    "x_bereik",
    {{"Repeat transactions per customer in the calibration (a range of whole numbers >= 0).",
      "Herhaalaankopen per klant in de kalibratie (een bereik met gehele getallen >= 0)."}}};
inline constexpr Argument DIAG_T_X{
    "t_x",
    "t_x_bereik",
    {{"Per customer, the time from the first to the last repeat purchase (0 when x is 0).",
      "Per klant de tijd van de eerste aankoop tot de laatste herhaalaankoop (0 als x 0 is)."}}};
inline constexpr Argument DIAG_T{
    "T",
    "T_bereik",
    {{"Per customer, the time from the first purchase to the end of the calibration (>= t_x).",
      "Per klant de tijd van de eerste aankoop tot het eind van de kalibratie (>= t_x)."}}};
inline constexpr Argument DIAG_TOP{
    "top",
    "top",
    {{"Frequencies 0 to top-1 each get a row, the last row is top or more (default 7).",
      "Frequenties 0 tot top-1 krijgen elk een rij, de laatste rij is top of meer (standaard "
      "7)."}}};
inline constexpr Argument DIAG_HORIZON{
    "t",
    "t",
    {{"Length of the holdout period in the unit of the fit (> 0; 39 weeks in CDNOW).",
      "Lengte van de holdoutperiode in de eenheid van de schatting (> 0; 39 weken bij CDNOW)."}}};
inline constexpr Argument DIAG_X_HOLDOUT{"x_holdout",
                                         "x_holdout",
                                         {{"Per customer, the transactions in the holdout period "
                                           "(whole numbers >= 0), as RFM_SUMMARY gives.",
                                           "Per klant de aankopen in de holdoutperiode (gehele "
                                           "getallen >= 0), zoals RFM_SUMMARY ze geeft."}}};

inline constexpr Argument DIAG_IDS{
    "txlog_add.id",
    "klanten",
    {{"Customer of each transaction: a number or a text (a range).",
      "Klant van elke transactie: een getal of een tekst (een bereik)."}}};
inline constexpr Argument DIAG_DATES{
    "txlog_add.day",
    "datums",
    {{"Date of each transaction (a range of the same size): dates, YYYYMMDD or YYYY-MM-DD.",
      "Datum van elke transactie (een bereik even groot): datums, JJJJMMDD of JJJJ-MM-DD."}}};
inline constexpr Argument DIAG_UNIT{
    "tx_fit.unit",
    "eenheid",
    {{"Time unit the model was fitted in: \"day\", \"week\", \"month\" or \"year\".",
      "Tijdseenheid waarin het model is geschat: \"dag\", \"week\", \"maand\" of \"jaar\"."}}};
inline constexpr Argument DIAG_PERIOD{
    "period",
    "periode",
    {{"Length of one period in the unit of the fit (> 0; default 1).",
      "Lengte van een periode in de eenheid van de schatting (> 0; standaard 1)."}}};
inline constexpr Argument DIAG_PERIODS{
    "periods",
    "perioden",
    {{"Number of periods (a whole number; default 0: as many as cover the log).",
      "Aantal perioden (een geheel getal; standaard 0: zoveel als de log beslaat)."}}};
inline constexpr Argument DIAG_ORIGIN{
    "origin",
    "begin",
    {{"The date periods are counted from (at most the first in the log; default the log's first).",
      "De datum vanaf waar perioden tellen (hoogstens de eerste in de log; standaard die "
      "eerste)."}}};

inline constexpr Argument DIAG_KIND{
    "kind",
    "soort",
    {{"0: expected transactions in the next t; 1: probability alive.",
      "0: verwacht aantal aankopen in de komende t; 1: kans dat de klant nog actief is."}}};
inline constexpr Argument DIAG_AGE{
    "T",
    "T",
    {{"Age of the customers: time from the first purchase to now (>= every recency).",
      "Leeftijd van de klanten: tijd van de eerste aankoop tot nu (>= elke recency)."}}};
inline constexpr Argument DIAG_FREQ{
    "freq",
    "frequenties",
    {{"Repeat transactions of each row of the result (a range of whole numbers >= 0).",
      "Herhaalaankopen van elke rij van de uitkomst (een bereik met gehele getallen >= 0)."}}};
inline constexpr Argument DIAG_REC{
    "rec",
    "recencies",
    {{"Recency t_x of each column of the result (a range of numbers from 0 to T).",
      "Recency t_x van elke kolom van de uitkomst (een bereik met getallen van 0 tot T)."}}};
inline constexpr Argument DIAG_MATRIX_T{
    "t",
    "t",
    {{"For kind 0, the length of the period ahead (> 0; default 1).",
      "Bij soort 0 de lengte van de periode vooruit (> 0; standaard 1)."}}};

/* The interval of a prediction (interval_delta): the customers it is of,
 * then the data the parameters were fitted on, for the covariance at those
 * parameters (tx_covariance). */
inline constexpr Argument INTERVAL_KIND{
    "tx_matrix.kind",
    "soort",
    {{"0: P(alive); 1: expected transactions in the next t; 2: those of a new customer; "
      "3: DERT at rate t.",
      "0: kans op nog actief; 1: verwacht aantal aankopen in de komende t; 2: idem nieuwe "
      "klant; 3: DERT."}}};
inline constexpr Argument INTERVAL_T{
    "tx_matrix.t",
    "t",
    {{"Kind 1: the period ahead; kind 3: the continuous discount rate per unit (> 0).",
      "Soort 1: de periode vooruit; soort 3: de continue disconteringsvoet per eenheid (> 0)."}}};
inline constexpr Argument INTERVAL_X{
    "tx_dert.x",
    "x",
    {{"Repeat transactions of the customer, or a range of customers: the interval of their sum.",
      "Herhaalaankopen van de klant, of een bereik klanten: het interval van hun som."}}};
inline constexpr Argument INTERVAL_T_X{
    "tx_dert.t_x",
    "t_x",
    {{"Time from the first to the last repeat purchase of the customer(s) (0 when x is 0).",
      "Tijd van de eerste aankoop tot de laatste herhaalaankoop van de klant(en) (0 als x 0 "
      "is)."}}};
inline constexpr Argument INTERVAL_T_{
    "tx_dert.T",
    "T",
    {{"Time from the first purchase of the customer(s) to the end of the calibration (>= t_x).",
      "Tijd van de eerste aankoop van de klant(en) tot het eind van de kalibratie (>= t_x)."}}};
inline constexpr Argument INTERVAL_PARAMS{
    "tx",
    "parameters",
    {{"The fitted parameters in a row or column, as the model's _FIT returns them.",
      "De geschatte parameters in een rij of kolom, zoals de _FIT van het model ze geeft."}}};
inline constexpr Argument INTERVAL_FIT_X{
    "tx_covariance.x",
    "x_schatting",
    {{"The data of the fit: repeat transactions per customer (a range of whole numbers >= 0).",
      "De gegevens van de schatting: herhaalaankopen per klant (een bereik, gehele getallen)."}}};
inline constexpr Argument INTERVAL_FIT_T_X{
    "tx_covariance.t_x",
    "t_x_schatting",
    {{"The data of the fit: per customer, the time from the first to the last repeat purchase.",
      "De gegevens van de schatting: per klant de tijd tot de laatste herhaalaankoop."}}};
inline constexpr Argument INTERVAL_FIT_T{
    "tx_covariance.T",
    "T_schatting",
    {{"The data of the fit: per customer, the time from the first purchase to the end.",
      "De gegevens van de schatting: per klant de tijd van de eerste aankoop tot het eind."}}};
inline constexpr Argument INTERVAL_LEVEL{
    "level",
    "niveau",
    {{"Confidence level of the interval (between 0 and 1; default 0.9).",
      "Betrouwbaarheid van het interval (tussen 0 en 1; standaard 0,9)."}}};
inline constexpr Argument INTERVAL_WEIGHT{
    "tx_covariance.weight",
    "gewichten",
    {{"Number of customers each row of the fit's data stands for (the same size; default 1).",
      "Aantal klanten dat elke rij van de gegevens vertegenwoordigt (even groot; standaard 1)."}}};

/* The interval of a customer's or a cohort's CLV (interval_delta, CLV):
 * DERT x expected spend x margin, with the covariances of both models. */
inline constexpr Argument CLV_IV_DELTA{
    "dert_clv.delta",
    "delta",
    {{"Continuous discount rate per time unit of the fit (> 0; 15% a year is LN(1.15)/52 a week).",
      "Continue disconteringsvoet per tijdseenheid (> 0; 15% per jaar is LN(1,15)/52 per week)."}}};
inline constexpr Argument CLV_IV_MARGIN{
    "dert_clv.margin",
    "marge",
    {{"Profit margin on spend, from 0 to 1 (30% is 0.3).",
      "Winstmarge op de besteding, van 0 tot 1 (30% is 0,3)."}}};
inline constexpr Argument CLV_IV_M{
    "dert_clv.m",
    "m",
    {{"Mean value of the repeat transactions of the customer(s) (>= 0; 0 when x is 0).",
      "Gemiddelde waarde van de herhaalaankopen van de klant(en) (>= 0; 0 als x 0 is)."}}};
inline constexpr Argument CLV_IV_GG{
    "gg",
    "gg_parameters",
    {{"The Gamma-Gamma parameters p, q, gamma in a row or column, as GG_FIT returns them.",
      "De Gamma-Gamma-parameters p, q, gamma in een rij of kolom, zoals GG_FIT ze geeft."}}};
inline constexpr Argument CLV_IV_FIT_M{
    "gg_covariance.m",
    "m_schatting",
    {{"The data of the fits: per customer, the mean value of the repeat transactions.",
      "De gegevens van de schattingen: per klant de gemiddelde waarde van de herhaalaankopen."}}};
inline constexpr Argument CLV_IV_ARGS[] = {
    CLV_IV_DELTA,   CLV_IV_MARGIN,   INTERVAL_X,    INTERVAL_T_X,   INTERVAL_T_,
    CLV_IV_M,       INTERVAL_PARAMS, CLV_IV_GG,     INTERVAL_FIT_X, INTERVAL_FIT_T_X,
    INTERVAL_FIT_T, CLV_IV_FIT_M,    INTERVAL_LEVEL};

/* The bootstrap (bootstrap_fit, then interval_bootstrap or
 * param_intervals_bootstrap): re-fits on resampled customers. */
inline constexpr Argument BOOT_KIND{
    "tx_matrix.kind",
    "soort",
    {{"0: P(alive); 1: expected transactions in the next t; 2: of a new customer; 3: DERT; 4: "
      "parameters.",
      "0: kans op actief; 1: verwachte aankopen in de komende t; 2: nieuwe klant; 3: DERT; "
      "4: parameters."}}};
inline constexpr Argument BOOT_FIT_X{
    "x",
    "x_schatting",
    {{"The data to re-fit on: repeat transactions per customer (a range of whole numbers >= 0).",
      "De gegevens om opnieuw op te schatten: herhaalaankopen per klant (gehele getallen)."}}};
inline constexpr Argument BOOT_FIT_T_X{
    "t_x",
    "t_x_schatting",
    {{"The data to re-fit on: per customer, the time from the first to the last repeat purchase.",
      "De gegevens om opnieuw op te schatten: per klant de tijd tot de laatste herhaalaankoop."}}};
inline constexpr Argument BOOT_FIT_T{
    "T",
    "T_schatting",
    {{"The data to re-fit on: per customer, the time from the first purchase to the end.",
      "De gegevens om opnieuw op te schatten: per klant de tijd van de eerste aankoop tot het "
      "eind."}}};
inline constexpr Argument BOOT_REPLICATES{
    "opts.replicates",
    "herhalingen",
    {{"Number of re-fits on resampled customers (a whole number; default 200).",
      "Aantal herschattingen op opnieuw getrokken klanten (een geheel getal; standaard 200)."}}};
inline constexpr Argument BOOT_SEED{
    "opts.seed",
    "zaad",
    {{"Seed of the resampling: the same seed gives the same interval (default 0).",
      "Startwaarde van de trekking: dezelfde waarde geeft hetzelfde interval (standaard 0)."}}};
inline constexpr Argument BOOT_LEVEL{
    "interval_bootstrap.level",
    "niveau",
    {{"Confidence level of the interval (between 0 and 1; default 0.9).",
      "Betrouwbaarheid van het interval (tussen 0 en 1; standaard 0,9)."}}};
inline constexpr Argument BOOT_ARGS[] = {BOOT_KIND,       INTERVAL_T, INTERVAL_X,   INTERVAL_T_X,
                                         INTERVAL_T_,     BOOT_FIT_X, BOOT_FIT_T_X, BOOT_FIT_T,
                                         BOOT_REPLICATES, BOOT_SEED,  BOOT_LEVEL};

/* The bootstrap of the residual value (bootstrap_fit with spend, then
 * interval_bootstrap, CLV): CLV_INTERVAL's customers, the data both models
 * are re-fitted on, then BOOTSTRAP's options. */
inline constexpr Argument BOOT_FIT_M{
    "m",
    "m_schatting",
    {{"The data to re-fit Gamma-Gamma on: per customer, the mean value of the repeat transactions.",
      "De gegevens om Gamma-Gamma opnieuw op te schatten: per klant de gemiddelde "
      "herhaalwaarde."}}};
inline constexpr Argument CLV_BOOT_ARGS[] = {
    CLV_IV_DELTA, CLV_IV_MARGIN, INTERVAL_X, INTERVAL_T_X,    INTERVAL_T_, CLV_IV_M,  BOOT_FIT_X,
    BOOT_FIT_T_X, BOOT_FIT_T,    BOOT_FIT_M, BOOT_REPLICATES, BOOT_SEED,   BOOT_LEVEL};

/* The argument lists of a transaction model's diagnostics. */
template <const Argument *PARAMS> struct DiagArgs {
    static constexpr Argument dert[] = {DIAG_DELTA, TX_X, TX_T_X, TX_T, *PARAMS};
    static constexpr Argument stderr_[] = {DIAG_X, DIAG_T_X, DIAG_T, *PARAMS, WEIGHT};
    static constexpr Argument period_counts[] = {DIAG_X, DIAG_T, *PARAMS, DIAG_TOP, WEIGHT};
    static constexpr Argument holdout[] = {DIAG_HORIZON,   DIAG_X,  DIAG_T_X, DIAG_T,
                                           DIAG_X_HOLDOUT, *PARAMS, DIAG_TOP, WEIGHT};
    static constexpr Argument holdout_errors[] = {DIAG_HORIZON,   DIAG_X,  DIAG_T_X, DIAG_T,
                                                  DIAG_X_HOLDOUT, *PARAMS, WEIGHT};
    static constexpr Argument tracking[] = {DIAG_IDS,    DIAG_DATES,   *PARAMS,    DIAG_UNIT,
                                            DIAG_PERIOD, DIAG_PERIODS, DIAG_ORIGIN};
    static constexpr Argument matrix[] = {DIAG_KIND, DIAG_AGE, DIAG_FREQ,
                                          DIAG_REC,  *PARAMS,  DIAG_MATRIX_T};
};
inline constexpr Argument INTERVAL_ARGS[] = {INTERVAL_KIND,  INTERVAL_T,       INTERVAL_X,
                                             INTERVAL_T_X,   INTERVAL_T_,      INTERVAL_PARAMS,
                                             INTERVAL_FIT_X, INTERVAL_FIT_T_X, INTERVAL_FIT_T,
                                             INTERVAL_LEVEL, INTERVAL_WEIGHT};

/* The eleven diagnostics of a transaction model, in the order of DiagRow. */
#define CLVKIT_DIAG_ROWS(fam, FAM, model, PARAMS)                                                  \
    table_detail::stat_row(fam "Dert", FAM "_DERT", "tx_dert", fam,                                \
                           {{"Discounted expected residual transactions (DERT) of a customer "     \
                             "under the " model " model, at a continuous discount rate. x "        \
                             "spend x margin = residual value. Ranges: one result per row.",       \
                             "Contant verwacht aantal resterende aankopen (DERT) van een klant "   \
                             "volgens het " model "-model, bij een continue disconteringsvoet."}}, \
                           table_detail::DiagArgs<&table_detail::PARAMS>::dert),                   \
        table_detail::stat_row(                                                                    \
            fam "Stderr", FAM "_STDERR", "tx_stderr", fam,                                         \
            {{"Standard errors of the " model " parameters at these values, from "                 \
              "the customers they were fitted on: four cells in a row (an array "                  \
              "formula).",                                                                         \
              "Standaardfouten van de parameters van het " model "-model bij deze "                \
              "waarden, uit de klanten waarop ze geschat zijn: vier cellen."}},                    \
            table_detail::DiagArgs<&table_detail::PARAMS>::stderr_),                               \
        table_detail::stat_row(                                                                    \
            fam "PeriodCounts", FAM "_PERIOD_COUNTS", "period_counts", fam,                        \
            {{"Customers by repeat transactions in the calibration, actual and "                   \
              "expected under the " model " model. Array formula: rows "                           \
              "0..top, columns frequency, actual, expected.",                                      \
              "Klanten per aantal herhaalaankopen in de kalibratie, werkelijk en "                 \
              "verwacht volgens het " model "-model. Matrixformule: frequentie, "                  \
              "werkelijk, verwacht."}},                                                            \
            table_detail::DiagArgs<&table_detail::PARAMS>::period_counts),                         \
        table_detail::stat_row(                                                                    \
            fam "Holdout", FAM "_HOLDOUT", "holdout_by_frequency", fam,                            \
            {{"Holdout check of the " model " model per calibration frequency: "                   \
              "frequency, customers, mean actual and mean expected holdout "                       \
              "transactions. Array formula, rows 0..top.",                                         \
              "Holdouttoets van het " model "-model per frequentie in de "                         \
              "kalibratie: frequentie, klanten, gemiddeld werkelijk en verwacht "                  \
              "aantal aankopen. Matrixformule."}},                                                 \
            table_detail::DiagArgs<&table_detail::PARAMS>::holdout),                               \
        table_detail::stat_row(fam "HoldoutErrors", FAM "_HOLDOUT_ERRORS", "holdout_by_frequency", \
                               fam,                                                                \
                               {{"Errors of the " model " model in the holdout: MAE and RMSE per " \
                                 "customer, actual and expected total, error of the total in %. "  \
                                 "Five cells in a row (an array formula).",                        \
                                 "Fouten van het " model "-model in de holdout: MAE en RMSE per "  \
                                 "klant, werkelijk en verwacht totaal, fout van het totaal in %. " \
                                 "Vijf cellen."}},                                                 \
                               table_detail::DiagArgs<&table_detail::PARAMS>::holdout_errors),     \
        table_detail::stat_row(                                                                    \
            fam "Tracking", FAM "_TRACKING", "tracking_log", fam,                                  \
            {{"Repeat transactions of a log per period, actual and expected under "                \
              "the " model " model. Array formula: period, actual, actual "                        \
              "cumulative, expected, expected cumulative.",                                        \
              "Herhaalaankopen van een log per periode, werkelijk en verwacht "                    \
              "volgens het " model "-model. Matrixformule: periode, werkelijk, "                   \
              "cumulatief, verwacht, cumulatief."}},                                               \
            table_detail::DiagArgs<&table_detail::PARAMS>::tracking),                              \
        table_detail::stat_row(                                                                    \
            fam "Matrix", FAM "_MATRIX", "tx_matrix", fam,                                         \
            {{"Expected transactions or probability alive under the " model                        \
              " model over a grid: a row per frequency, a column per recency "                     \
              "(an array formula).",                                                               \
              "Verwacht aantal aankopen of kans op nog actief volgens het " model                  \
              "-model over een raster: een rij per frequentie, een kolom per "                     \
              "recency."}},                                                                        \
            table_detail::DiagArgs<&table_detail::PARAMS>::matrix),                                \
        table_detail::stat_row(                                                                    \
            fam "Interval", FAM "_INTERVAL", "interval_delta", fam,                                \
            {{"Delta-method interval of a " model " prediction of a customer or the sum over a "   \
              "range: estimate, lower, upper, standard error. Four cells in a row (an array "      \
              "formula).",                                                                         \
              "Interval (deltamethode) van een voorspelling van het " model "-model voor een "     \
              "klant of de som over een bereik: schatting, onder, boven, standaardfout."}},        \
            table_detail::INTERVAL_ARGS),                                                          \
        table_detail::stat_row(                                                                    \
            fam "ClvInterval", FAM "_CLV_INTERVAL", "interval_delta", fam,                         \
            {{"Delta-method interval of the residual value (DERT x expected spend x margin) of a " \
              "customer or a range under " model " and Gamma-Gamma: estimate, lower, upper, "      \
              "standard error.",                                                                   \
              "Interval (deltamethode) van de restwaarde (DERT x besteding x marge) van een "      \
              "klant "                                                                             \
              "of bereik volgens " model " en Gamma-Gamma: schatting, onder, boven, fout."}},      \
            table_detail::CLV_IV_ARGS),                                                            \
        table_detail::stat_row(                                                                    \
            fam "Bootstrap", FAM "_BOOTSTRAP", "bootstrap_fit", fam,                               \
            {{"Bootstrap interval of a " model " prediction or the parameters: re-fits on "        \
              "customers resampled with a seed. Estimate, lower, upper, standard deviation; a "    \
              "row per parameter.",                                                                \
              "Bootstrapinterval van een voorspelling of de parameters van het " model "-model: "  \
              "herschat op getrokken klanten. Schatting, onder, boven, spreiding."}},              \
            table_detail::BOOT_ARGS),                                                              \
        table_detail::stat_row(                                                                    \
            fam "ClvBootstrap", FAM "_CLV_BOOTSTRAP", "bootstrap_fit", fam,                        \
            {{"Bootstrap interval of the residual value (DERT x expected spend x margin) of a "    \
              "customer or a range: " model " and Gamma-Gamma re-fitted on resampled customers. "  \
              "Estimate, lower, upper, s.d.",                                                      \
              "Bootstrapinterval van de restwaarde (DERT x besteding x marge) van een klant of "   \
              "bereik: " model " en Gamma-Gamma herschat op getrokken klanten. Schatting, onder, " \
              "boven, spreiding."}},                                                               \
            table_detail::CLV_BOOT_ARGS)

} // namespace clvkit::calc::table_detail

#endif
