/*
 * describe.c -- the one description of every public function (describe.h):
 * one row per entry point, its arguments in C order, and the generic call of
 * the model predictions.  The scalar formulas are described by their
 * catalogue entries (fn.h), next to the formulas; their rows here only add
 * what a face shows (quantities, a summary line).
 *
 * Adding a public function: declare it in its header, define it in its
 * family file, add its row below (tests/c/test_describe.c then asks every
 * face and the docs to cover it).
 */
#include <math.h>
#include <string.h>

#include "clvkit/clvkit.h"
#include "clvkit/describe.h"
#include "core/fn.h"

typedef struct arg_desc {
    const char *name;
    clv_shape shape;
    clv_domain domain;
    clv_quantity quantity;
    int optional;
    double def;
    const struct arg_desc *fields; /* CLV_SHAPE_OPTIONS with named fields */
    size_t nfields;
} arg_desc;

/* A prediction on the numbers after its model (see clv_func_predict). */
typedef clv_status (*predict_call)(const clv_model *m, const double *a, double *out, clv_fault *f);

struct clv_func {
    const char *name, *c_name, *summary;
    clv_group group;
    const char *method;            /* name as a method of a model, or NULL */
    unsigned models;               /* bit (1u << kind) for each kind it takes */
    const clv_fn *formula;         /* CLV_GROUP_FORMULA: the catalogue entry */
    const clv_quantity *formula_q; /* and its parameters' quantities */
    const arg_desc *args;
    size_t nargs;
    arg_desc ret;
    predict_call call;
};

/* ---- argument shorthands -------------------------------------------------- */

/* braced initialisers in macros: clang-format would split them */
// clang-format off
#define NUM(n, d, q) {n, CLV_SHAPE_NUMBER, d, q, 0, 0, NULL, 0}
#define OPT(n, d, q, v) {n, CLV_SHAPE_NUMBER, d, q, 1, v, NULL, 0}
#define SEQ(n, d, q) {n, CLV_SHAPE_SEQUENCE, d, q, 0, 0, NULL, 0}
#define OSEQ(n, d, q) {n, CLV_SHAPE_SEQUENCE, d, q, 1, NAN, NULL, 0}
#define LEN(n) {n, CLV_SHAPE_LENGTH, CLV_D_WHOLE_POS, CLV_Q_COUNT, 0, 0, NULL, 0}
#define OF(n, s) {n, s, CLV_D_REAL, CLV_Q_NONE, 0, 0, NULL, 0}
#define OUNIT(n) {n, CLV_SHAPE_UNIT, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}
#define OPTS(n, f) {n, CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, f, COUNT(f)}
#define FITOPTS {"opts", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}
#define RET(n, d, q) {n, CLV_SHAPE_NUMBER, d, q, 0, 0, NULL, 0}
#define RESULT(n) {n, CLV_SHAPE_RESULT, CLV_D_REAL, CLV_Q_NONE, 0, 0, NULL, 0}
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define ARGS(a) a, COUNT(a)
// clang-format on

#define KIND(k) (1u << (k))
#define TX (KIND(CLV_MODEL_BGNBD) | KIND(CLV_MODEL_MBGNBD) | KIND(CLV_MODEL_PNBD))
#define GG KIND(CLV_MODEL_GG)
#define SBG KIND(CLV_MODEL_SBG)
#define BGBB KIND(CLV_MODEL_BGBB)

/* ---- the scalar formulas: quantities of the catalogue's parameters ---------- */

static const clv_quantity q_clv[] = {CLV_Q_MONEY, CLV_Q_PER_YEAR, CLV_Q_YEARS, CLV_Q_MONEY,
                                     CLV_Q_MONEY};
static const clv_quantity q_clv_margin[] = {CLV_Q_MONEY, CLV_Q_PER_YEAR, CLV_Q_YEARS,
                                            CLV_Q_SHARE, CLV_Q_MONEY,    CLV_Q_MONEY};
static const clv_quantity q_clv_ret[] = {CLV_Q_MONEY, CLV_Q_PROBABILITY, CLV_Q_RATE, CLV_Q_PERIODS,
                                         CLV_Q_NONE};
static const clv_quantity q_ltv_churn[] = {CLV_Q_MONEY, CLV_Q_SHARE, CLV_Q_SHARE};
static const clv_quantity q_clv_avg[] = {CLV_Q_MONEY, CLV_Q_MONEY, CLV_Q_COUNT};
static const clv_quantity q_churn[] = {CLV_Q_SHARE};
static const clv_quantity q_churn_period[] = {CLV_Q_SHARE, CLV_Q_PERIODS};
static const clv_quantity q_discount_period[] = {CLV_Q_RATE, CLV_Q_PERIODS};
static const clv_quantity q_cac[] = {CLV_Q_MONEY, CLV_Q_COUNT};
static const clv_quantity q_cac_payback[] = {CLV_Q_MONEY, CLV_Q_MONEY, CLV_Q_SHARE};
static const clv_quantity q_ltv_cac[] = {CLV_Q_MONEY, CLV_Q_MONEY};
static const clv_quantity q_max_cac[] = {CLV_Q_MONEY, CLV_Q_RATIO};
static const clv_quantity q_sql_budget[] = {CLV_Q_MONEY, CLV_Q_SHARE};
static const clv_quantity q_margin[] = {CLV_Q_SHARE};

#define FORMULA(fn, q, cname, what, rq)                                         \
    {                                                                           \
#fn, cname, what, CLV_GROUP_FORMULA, NULL, 0, &clv_fn_##fn, q, NULL, 0, \
            RET("result", CLV_D_REAL, rq), NULL                                 \
    }

/* ---- the arrays ----------------------------------------------------------------- */

static const arg_desc a_cac[] = {SEQ("spend", CLV_D_NONNEG, CLV_Q_MONEY),
                                 SEQ("new_customers", CLV_D_NONNEG, CLV_Q_COUNT), LEN("n")};
static const arg_desc a_funnel[] = {NUM("max_cac", CLV_D_NONNEG, CLV_Q_MONEY),
                                    SEQ("rates", CLV_D_UNIT, CLV_Q_SHARE), LEN("n")};
static const arg_desc a_segment[] = {
    NUM("value", CLV_D_REAL, CLV_Q_MONEY), SEQ("values", CLV_D_REAL, CLV_Q_MONEY), LEN("n"),
    OPT("high_share", CLV_D_UNIT, CLV_Q_SHARE, CLV_SEGMENT_HIGH_SHARE),
    OPT("low_share", CLV_D_UNIT, CLV_Q_SHARE, CLV_SEGMENT_LOW_SHARE)};

/* ---- models ----------------------------------------------------------------------- */

static const arg_desc a_model[] = {OF("model", CLV_SHAPE_MODEL)};
static const arg_desc a_tx_data[] = {OF("model", CLV_SHAPE_MODEL),
                                     SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                     SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                     SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
                                     OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                     LEN("n")};
static const arg_desc a_tx_fit[] = {OF("kind", CLV_SHAPE_MODEL),
                                    SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                    SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                    SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
                                    OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                    LEN("n"),
                                    OUNIT("unit"),
                                    FITOPTS};
static const arg_desc a_tx_expected[] = {OF("model", CLV_SHAPE_MODEL),
                                         NUM("t", CLV_D_NONNEG, CLV_Q_TIME)};
static const arg_desc a_tx_pmf[] = {OF("model", CLV_SHAPE_MODEL),
                                    NUM("n", CLV_D_WHOLE, CLV_Q_COUNT),
                                    NUM("t", CLV_D_NONNEG, CLV_Q_TIME)};
static const arg_desc a_tx_cond[] = {
    OF("model", CLV_SHAPE_MODEL), NUM("t", CLV_D_NONNEG, CLV_Q_TIME),
    NUM("x", CLV_D_WHOLE, CLV_Q_COUNT), NUM("t_x", CLV_D_NONNEG, CLV_Q_TIME),
    NUM("T", CLV_D_NONNEG, CLV_Q_TIME)};
static const arg_desc a_tx_palive[] = {
    OF("model", CLV_SHAPE_MODEL), NUM("x", CLV_D_WHOLE, CLV_Q_COUNT),
    NUM("t_x", CLV_D_NONNEG, CLV_Q_TIME), NUM("T", CLV_D_NONNEG, CLV_Q_TIME)};
static const arg_desc a_gg_data[] = {
    OF("model", CLV_SHAPE_MODEL), SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
    SEQ("m", CLV_D_NONNEG, CLV_Q_MONEY), OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT), LEN("n")};
static const arg_desc a_gg_fit[] = {SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                    SEQ("m", CLV_D_NONNEG, CLV_Q_MONEY),
                                    OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT), LEN("n"), FITOPTS};
static const arg_desc a_gg_spend[] = {OF("model", CLV_SHAPE_MODEL),
                                      NUM("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                      NUM("m", CLV_D_NONNEG, CLV_Q_MONEY)};
static const arg_desc f_clv_opts[] = {OPT("horizon", CLV_D_WHOLE_POS, CLV_Q_PERIODS, 12),
                                      OPT("discount", CLV_D_RATE, CLV_Q_RATE, 0), OUNIT("period"),
                                      OPT("margin", CLV_D_UNIT, CLV_Q_SHARE, 1)};
static const arg_desc a_predict_clv[] = {OF("tx", CLV_SHAPE_MODEL),
                                         OF("gg", CLV_SHAPE_MODEL),
                                         NUM("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                         NUM("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                         NUM("T", CLV_D_NONNEG, CLV_Q_TIME),
                                         OPT("m", CLV_D_NONNEG, CLV_Q_MONEY, 0),
                                         OPTS("opts", f_clv_opts)};

/* ---- retention ---------------------------------------------------------------------- */

static const arg_desc a_sbg_loglik[] = {OF("model", CLV_SHAPE_MODEL),
                                        SEQ("survivors", CLV_D_NONNEG, CLV_Q_COUNT), LEN("n")};
static const arg_desc a_sbg_fit[] = {SEQ("survivors", CLV_D_NONNEG, CLV_Q_COUNT), LEN("n"),
                                     FITOPTS};
static const arg_desc a_sbg_fit_lost[] = {SEQ("lost", CLV_D_NONNEG, CLV_Q_COUNT), LEN("n"),
                                          NUM("initial", CLV_D_POS, CLV_Q_COUNT), FITOPTS};
static const arg_desc a_sbg_t[] = {OF("model", CLV_SHAPE_MODEL),
                                   NUM("t", CLV_D_NONNEG, CLV_Q_PERIODS)};
static const arg_desc a_sbg_t1[] = {OF("model", CLV_SHAPE_MODEL),
                                    NUM("t", CLV_D_WHOLE_POS, CLV_Q_PERIODS)};
static const arg_desc a_sbg_del[] = {OF("model", CLV_SHAPE_MODEL),
                                     NUM("d", CLV_D_NONNEG, CLV_Q_RATE)};
static const arg_desc a_sbg_derl[] = {OF("model", CLV_SHAPE_MODEL),
                                      NUM("d", CLV_D_NONNEG, CLV_Q_RATE),
                                      NUM("n", CLV_D_WHOLE_POS, CLV_Q_PERIODS)};
static const arg_desc a_sbg_clv[] = {
    OF("model", CLV_SHAPE_MODEL), NUM("margin", CLV_D_NONNEG, CLV_Q_MONEY),
    NUM("d", CLV_D_NONNEG, CLV_Q_RATE), NUM("n", CLV_D_WHOLE_POS, CLV_Q_PERIODS)};
static const arg_desc a_bgbb_loglik[] = {OF("model", CLV_SHAPE_MODEL),
                                         SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                         SEQ("t_x", CLV_D_WHOLE, CLV_Q_PERIODS),
                                         SEQ("n", CLV_D_WHOLE, CLV_Q_PERIODS),
                                         OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                         LEN("rows")};
static const arg_desc a_bgbb_fit[] = {SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                      SEQ("t_x", CLV_D_WHOLE, CLV_Q_PERIODS),
                                      SEQ("n", CLV_D_WHOLE, CLV_Q_PERIODS),
                                      OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                      LEN("rows"),
                                      FITOPTS};
static const arg_desc a_bgbb_palive[] = {
    OF("model", CLV_SHAPE_MODEL), NUM("x", CLV_D_WHOLE, CLV_Q_COUNT),
    NUM("t_x", CLV_D_WHOLE, CLV_Q_PERIODS), NUM("n", CLV_D_WHOLE, CLV_Q_PERIODS)};
static const arg_desc a_bgbb_cond[] = {
    OF("model", CLV_SHAPE_MODEL), NUM("nstar", CLV_D_WHOLE, CLV_Q_PERIODS),
    NUM("x", CLV_D_WHOLE, CLV_Q_COUNT), NUM("t_x", CLV_D_WHOLE, CLV_Q_PERIODS),
    NUM("n", CLV_D_WHOLE, CLV_Q_PERIODS)};
static const arg_desc a_bgbb_expected[] = {OF("model", CLV_SHAPE_MODEL),
                                           NUM("n", CLV_D_WHOLE, CLV_Q_PERIODS)};
static const arg_desc a_bgbb_pmf[] = {OF("model", CLV_SHAPE_MODEL),
                                      NUM("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                      NUM("n", CLV_D_WHOLE, CLV_Q_PERIODS)};

/* ---- logs, summaries, cohorts ----------------------------------------------------- */

static const arg_desc a_txlog_add[] = {OF("log", CLV_SHAPE_LOG), OF("id", CLV_SHAPE_TEXT),
                                       LEN("id_len"), NUM("day", CLV_D_REAL, CLV_Q_DAY),
                                       OPT("amount", CLV_D_NONNEG, CLV_Q_MONEY, 0)};
static const arg_desc a_txlog_add_number[] = {
    OF("log", CLV_SHAPE_LOG), NUM("id", CLV_D_REAL, CLV_Q_NONE), NUM("day", CLV_D_REAL, CLV_Q_DAY),
    OPT("amount", CLV_D_NONNEG, CLV_Q_MONEY, 0)};
static const arg_desc a_txlog_arrays[] = {OF("ids", CLV_SHAPE_TEXTS),
                                          SEQ("days", CLV_D_REAL, CLV_Q_DAY),
                                          OSEQ("amounts", CLV_D_NONNEG, CLV_Q_MONEY), LEN("n")};
static const arg_desc f_csv_opts[] = {
    OF("customer", CLV_SHAPE_TEXT),
    OF("date", CLV_SHAPE_TEXT),
    {"amount", CLV_SHAPE_TEXT, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0},
    {"separator", CLV_SHAPE_TEXT, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}};
/* progress: clv_read_progress_fn, optional (NULL) like a fit's callback */
static const arg_desc a_read_csv[] = {
    OF("path", CLV_SHAPE_TEXT),
    {"opts", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 0, 0, f_csv_opts, COUNT(f_csv_opts)},
    {"progress", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0},
    {"progress_data", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}};
static const arg_desc a_read_csv_buffer[] = {
    OF("data", CLV_SHAPE_TEXT),
    LEN("len"),
    {"opts", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 0, 0, f_csv_opts, COUNT(f_csv_opts)}};
static const arg_desc a_tally_add[] = {OF("tally", CLV_SHAPE_TALLY),
                                       SEQ("row", CLV_D_REAL, CLV_Q_NONE),
                                       NUM("weight", CLV_D_POS, CLV_Q_COUNT)};
static const arg_desc a_tally_merge[] = {OF("into", CLV_SHAPE_TALLY), OF("from", CLV_SHAPE_TALLY)};
static const arg_desc a_tally_columns[] = {
    OF("tally", CLV_SHAPE_TALLY), OF("cols", CLV_SHAPE_RESULT), OF("weights", CLV_SHAPE_RESULT)};
static const arg_desc a_tally_write[] = {OF("tally", CLV_SHAPE_TALLY), OF("buf", CLV_SHAPE_RESULT),
                                         LEN("size")};
static const arg_desc a_tally_read[] = {OF("buf", CLV_SHAPE_TEXT), LEN("size")};
static const arg_desc a_day_number[] = {NUM("date", CLV_D_WHOLE, CLV_Q_NONE)};
static const arg_desc a_day_parse[] = {OF("text", CLV_SHAPE_TEXT), LEN("len")};
static const arg_desc a_day_serial[] = {NUM("serial", CLV_D_REAL, CLV_Q_NONE)};
static const arg_desc f_rfm_opts[] = {OUNIT("unit"),
                                      OPT("calibration_end", CLV_D_REAL, CLV_Q_DAY, NAN),
                                      OPT("holdout_end", CLV_D_REAL, CLV_Q_DAY, NAN)};
static const arg_desc a_rfm[] = {OF("log", CLV_SHAPE_LOG), OPTS("opts", f_rfm_opts)};
/* progress: clv_progress_fn, optional (NULL) like a fit's callback */
static const arg_desc a_tx_palive_many[] = {
    OF("model", CLV_SHAPE_MODEL),
    SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
    SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
    SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
    LEN("n"),
    {"progress", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0},
    {"progress_data", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}};
static const arg_desc a_tx_cond_many[] = {
    OF("model", CLV_SHAPE_MODEL),
    NUM("t", CLV_D_NONNEG, CLV_Q_TIME),
    SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
    SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
    SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
    LEN("n"),
    {"progress", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0},
    {"progress_data", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}};
static const arg_desc a_predict_clv_many[] = {
    OF("tx", CLV_SHAPE_MODEL),          OF("gg", CLV_SHAPE_MODEL),
    SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT), SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
    SEQ("T", CLV_D_NONNEG, CLV_Q_TIME), SEQ("m", CLV_D_NONNEG, CLV_Q_MONEY),
    OPTS("opts", f_clv_opts),           LEN("n")};
/* order: CLV_STREAM_SORTED (0) or CLV_STREAM_ANY (1) */
static const arg_desc a_stream_create[] = {OPTS("opts", f_rfm_opts),
                                           NUM("order", CLV_D_FLAG, CLV_Q_NONE)};
static const arg_desc a_stream_add[] = {OF("s", CLV_SHAPE_STREAM), OF("id", CLV_SHAPE_TEXT),
                                        LEN("id_len"), NUM("day", CLV_D_REAL, CLV_Q_DAY),
                                        NUM("amount", CLV_D_NONNEG, CLV_Q_MONEY)};
static const arg_desc a_stream_merge[] = {OF("into", CLV_SHAPE_STREAM),
                                          OF("from", CLV_SHAPE_STREAM)};
static const arg_desc a_stream_summary[] = {OF("s", CLV_SHAPE_STREAM)};
static const arg_desc a_stream_read_csv[] = {
    OF("path", CLV_SHAPE_TEXT),
    {"opts", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 0, 0, f_csv_opts, COUNT(f_csv_opts)},
    OF("s", CLV_SHAPE_STREAM),
    {"progress", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0},
    {"progress_data", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}};
static const arg_desc a_stream_save[] = {OF("s", CLV_SHAPE_STREAM), RESULT("buf"), LEN("cap"),
                                         RESULT("len")};
static const arg_desc a_stream_load[] = {OF("buf", CLV_SHAPE_TEXT), LEN("len")};
static const arg_desc f_cohort_opts[] = {OUNIT("period"), OPT("end", CLV_D_REAL, CLV_Q_DAY, NAN)};
static const arg_desc a_cohort[] = {OF("log", CLV_SHAPE_LOG), OPTS("opts", f_cohort_opts),
                                    RESULT("out")};
static const arg_desc a_cohort_sbg[] = {OF("table", CLV_SHAPE_TABLE),
                                        NUM("cohort", CLV_D_WHOLE, CLV_Q_NONE), FITOPTS};
static const arg_desc f_early_opts[] = {OUNIT("period"), OUNIT("unit"),
                                        SEQ("ages", CLV_D_POS, CLV_Q_TIME),
                                        OPT("end", CLV_D_REAL, CLV_Q_DAY, NAN)};
static const arg_desc a_early[] = {OF("log", CLV_SHAPE_LOG), OPTS("opts", f_early_opts),
                                   RESULT("out")};

/* ---- diagnostics, DERT, intervals (diagnostics.h, intervals.h) ----------------------- */

#define TOP OPT("top", CLV_D_WHOLE_POS, CLV_Q_COUNT, 7)
static const arg_desc a_tracking_expected[] = {OF("model", CLV_SHAPE_MODEL),
                                               SEQ("birth", CLV_D_NONNEG, CLV_Q_TIME),
                                               OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                               LEN("n"),
                                               NUM("period", CLV_D_POS, CLV_Q_TIME),
                                               NUM("periods", CLV_D_WHOLE_POS, CLV_Q_PERIODS),
                                               RESULT("cum")};
/* periods 0: as many as cover the log; origin NaN: the log's first day */
static const arg_desc a_tracking_log[] = {OF("model", CLV_SHAPE_MODEL),
                                          OF("log", CLV_SHAPE_LOG),
                                          OPT("period", CLV_D_POS, CLV_Q_TIME, 1),
                                          OPT("periods", CLV_D_WHOLE, CLV_Q_PERIODS, 0),
                                          OPT("origin", CLV_D_REAL, CLV_Q_DAY, NAN),
                                          RESULT("out")};
static const arg_desc a_period_counts[] = {OF("model", CLV_SHAPE_MODEL),
                                           SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                           SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
                                           OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                           LEN("n"),
                                           TOP,
                                           RESULT("actual"),
                                           RESULT("expected")};
static const arg_desc a_holdout[] = {OF("model", CLV_SHAPE_MODEL),
                                     NUM("t", CLV_D_POS, CLV_Q_TIME),
                                     SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                     SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                     SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
                                     SEQ("x_holdout", CLV_D_WHOLE, CLV_Q_COUNT),
                                     OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                     LEN("n"),
                                     TOP,
                                     RESULT("count"),
                                     RESULT("actual"),
                                     RESULT("expected"),
                                     RESULT("errors")};
/* kind: CLV_MATRIX_EXPECTED (0) or CLV_MATRIX_PALIVE (1) */
static const arg_desc a_tx_matrix[] = {OF("model", CLV_SHAPE_MODEL),
                                       NUM("kind", CLV_D_FLAG, CLV_Q_NONE),
                                       OPT("t", CLV_D_POS, CLV_Q_TIME, 1),
                                       NUM("T", CLV_D_NONNEG, CLV_Q_TIME),
                                       SEQ("freq", CLV_D_WHOLE, CLV_Q_COUNT),
                                       LEN("nf"),
                                       SEQ("rec", CLV_D_NONNEG, CLV_Q_TIME),
                                       LEN("nr"),
                                       RESULT("out")};
static const arg_desc a_tx_dert[] = {
    OF("model", CLV_SHAPE_MODEL), NUM("delta", CLV_D_POS, CLV_Q_RATE),
    NUM("x", CLV_D_WHOLE, CLV_Q_COUNT), NUM("t_x", CLV_D_NONNEG, CLV_Q_TIME),
    NUM("T", CLV_D_NONNEG, CLV_Q_TIME)};
static const arg_desc a_dert_clv[] = {OF("tx", CLV_SHAPE_MODEL),
                                      OF("gg", CLV_SHAPE_MODEL),
                                      NUM("delta", CLV_D_POS, CLV_Q_RATE),
                                      NUM("margin", CLV_D_UNIT, CLV_Q_SHARE),
                                      NUM("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                      NUM("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                      NUM("T", CLV_D_NONNEG, CLV_Q_TIME),
                                      NUM("m", CLV_D_NONNEG, CLV_Q_MONEY),
                                      RESULT("out")};
/* pred (a clv_prediction): a fault's element is the customer, not a field,
 * so its fields are not described here (intervals.h lists them). */
/* braced initialisers in macros: clang-format would split them */
// clang-format off
#define PRED {"pred", CLV_SHAPE_OPTIONS, CLV_D_REAL, CLV_Q_NONE, 0, 0, NULL, 0}
#define LEVEL OPT("level", CLV_D_UNIT_POS, CLV_Q_PROBABILITY, 0.9)
#define OMODEL(n) {n, CLV_SHAPE_MODEL, CLV_D_REAL, CLV_Q_NONE, 1, 0, NULL, 0}
#define COV(n, o) {n, CLV_SHAPE_MATRIX, CLV_D_REAL, CLV_Q_NONE, o, 0, NULL, 0}
// clang-format on
static const arg_desc a_tx_covariance[] = {OF("model", CLV_SHAPE_MODEL),
                                           SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                           SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                           SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
                                           OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                           LEN("n"),
                                           RESULT("cov")};
static const arg_desc a_gg_covariance[] = {OF("model", CLV_SHAPE_MODEL),
                                           SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                           SEQ("m", CLV_D_NONNEG, CLV_Q_MONEY),
                                           OSEQ("weight", CLV_D_NONNEG, CLV_Q_COUNT),
                                           LEN("n"),
                                           RESULT("cov")};
static const arg_desc a_prediction_eval[] = {OF("tx", CLV_SHAPE_MODEL), OMODEL("gg"), PRED,
                                             RESULT("out")};
static const arg_desc a_param_intervals[] = {OF("model", CLV_SHAPE_MODEL), COV("cov", 0), LEVEL,
                                             RESULT("out")};
static const arg_desc a_interval_delta[] = {OF("tx", CLV_SHAPE_MODEL),
                                            COV("tx_cov", 0),
                                            OMODEL("gg"),
                                            COV("gg_cov", 1),
                                            PRED,
                                            LEVEL,
                                            RESULT("out")};
static const arg_desc f_boot_opts[] = {OPT("replicates", CLV_D_WHOLE, CLV_Q_COUNT, 200),
                                       OPT("seed", CLV_D_WHOLE, CLV_Q_NONE, 0),
                                       OPT("threads", CLV_D_WHOLE, CLV_Q_COUNT, 0)};
static const arg_desc a_bootstrap_fit[] = {OF("kind", CLV_SHAPE_MODEL),
                                           SEQ("x", CLV_D_WHOLE, CLV_Q_COUNT),
                                           SEQ("t_x", CLV_D_NONNEG, CLV_Q_TIME),
                                           SEQ("T", CLV_D_NONNEG, CLV_Q_TIME),
                                           OSEQ("m", CLV_D_NONNEG, CLV_Q_MONEY),
                                           LEN("n"),
                                           OUNIT("unit"),
                                           OPTS("opts", f_boot_opts),
                                           RESULT("out")};
#define BOOT OF("boot", CLV_SHAPE_BOOTSTRAP)
static const arg_desc a_param_intervals_boot[] = {BOOT, LEVEL, RESULT("tx"), RESULT("gg")};
static const arg_desc a_interval_boot[] = {BOOT, PRED, LEVEL, RESULT("out")};

/* ---- the predictions' generic calls ---------------------------------------------- */

static clv_status p_tx_expected(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_tx_expected(m, a[0], o, f);
}
static clv_status p_tx_pmf(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_tx_pmf(m, a[0], a[1], o, f);
}
static clv_status p_tx_cond(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_tx_conditional_expected(m, a[0], a[1], a[2], a[3], o, f);
}
static clv_status p_tx_palive(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_tx_palive(m, a[0], a[1], a[2], o, f);
}
static clv_status p_tx_dert(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_tx_dert(m, a[0], a[1], a[2], a[3], o, f);
}
static clv_status p_gg_spend(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_gg_spend(m, a[0], a[1], o, f);
}
static clv_status p_sbg_survival(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_sbg_survival(m, a[0], o, f);
}
static clv_status p_sbg_retention(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_sbg_retention(m, a[0], o, f);
}
static clv_status p_sbg_churn(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_sbg_churn(m, a[0], o, f);
}
static clv_status p_sbg_del(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_sbg_del(m, a[0], o, f);
}
static clv_status p_sbg_derl(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_sbg_derl(m, a[0], a[1], o, f);
}
static clv_status p_sbg_clv(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_sbg_clv(m, a[0], a[1], a[2], o, f);
}
static clv_status p_bgbb_palive(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_bgbb_palive(m, a[0], a[1], a[2], o, f);
}
static clv_status p_bgbb_cond(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_bgbb_conditional_expected(m, a[0], a[1], a[2], a[3], o, f);
}
static clv_status p_bgbb_expected(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_bgbb_expected(m, a[0], o, f);
}
static clv_status p_bgbb_pmf(const clv_model *m, const double *a, double *o, clv_fault *f)
{
    return clv_bgbb_pmf(m, a[0], a[1], o, f);
}

/* ---- the table ----------------------------------------------------------------------- */

#define ROW(name, cname, what, group, args, ret)                             \
    {                                                                        \
        name, cname, what, group, NULL, 0, NULL, NULL, ARGS(args), ret, NULL \
    }
#define MODEL_ROW(name, cname, what, group, method, kinds, args, ret)              \
    {                                                                              \
        name, cname, what, group, method, kinds, NULL, NULL, ARGS(args), ret, NULL \
    }
#define PREDICT(name, cname, what, method, kinds, args, ret, call)                             \
    {                                                                                          \
        name, cname, what, CLV_GROUP_PREDICT, method, kinds, NULL, NULL, ARGS(args), ret, call \
    }

static const clv_func funcs[] = {
    /* what a customer is worth */
    FORMULA(clv, q_clv, "clv_clv", "customer lifetime value", CLV_Q_MONEY),
    FORMULA(clv_margin, q_clv_margin, "clv_clv_margin", "CLV on gross margin", CLV_Q_MONEY),
    FORMULA(clv_ret, q_clv_ret, "clv_clv_ret", "discounted value under retention", CLV_Q_MONEY),
    FORMULA(ltv_churn, q_ltv_churn, "clv_ltv_churn", "subscription lifetime value", CLV_Q_MONEY),
    FORMULA(clv_avg, q_clv_avg, "clv_clv_avg", "average value per customer", CLV_Q_MONEY),
    FORMULA(lifetime, q_churn, "clv_lifetime", "expected lifetime 1 / churn", CLV_Q_PERIODS),
    FORMULA(churn_period, q_churn_period, "clv_churn_period", "churn over k periods", CLV_Q_SHARE),
    FORMULA(discount_period, q_discount_period, "clv_discount_period",
            "discount rate over k periods", CLV_Q_RATE),
    /* what a customer may cost */
    FORMULA(cac, q_cac, NULL, "acquisition cost of one channel", CLV_Q_MONEY),
    FORMULA(cac_payback, q_cac_payback, "clv_cac_payback",
            "periods until the margin repays the CAC", CLV_Q_PERIODS),
    FORMULA(ltv_cac, q_ltv_cac, "clv_ltv_cac", "the LTV:CAC ratio", CLV_Q_RATIO),
    FORMULA(max_cac, q_max_cac, "clv_max_cac", "the most a customer may cost", CLV_Q_MONEY),
    FORMULA(sql_budget, q_sql_budget, "clv_sql_budget", "the most a sales-qualified lead may cost",
            CLV_Q_MONEY),
    FORMULA(roas_breakeven, q_margin, "clv_roas_breakeven", "break-even ROAS", CLV_Q_RATIO),
    ROW("cac_channels", "clv_cac", "acquisition cost blended over channels", CLV_GROUP_ARRAY, a_cac,
        RET("result", CLV_D_NONNEG, CLV_Q_MONEY)),
    ROW("funnel_budget", "clv_funnel_budget",
        "the most one entrant at the top of a funnel may cost", CLV_GROUP_ARRAY, a_funnel,
        RET("result", CLV_D_NONNEG, CLV_Q_MONEY)),
    ROW("clv_segment", "clv_segment", "low, medium or high among all values", CLV_GROUP_ARRAY,
        a_segment, RET("segment", CLV_D_WHOLE, CLV_Q_NONE)),
    /* models */
    MODEL_ROW("model_check", "clv_model_check", "checks a model's parameters", CLV_GROUP_MODEL,
              NULL, TX | GG | SBG | BGBB, a_model, RESULT("status")),
    MODEL_ROW("tx_loglik", "clv_tx_loglik", "log-likelihood of customers", CLV_GROUP_LOGLIK, NULL,
              TX, a_tx_data, RET("loglik", CLV_D_REAL, CLV_Q_LOGLIK)),
    MODEL_ROW("tx_fit", "clv_tx_fit", "maximum-likelihood fit on customers", CLV_GROUP_FIT, "fit",
              TX, a_tx_fit, RESULT("model")),
    MODEL_ROW("tx_stderr", "clv_tx_stderr", "standard errors of the parameters", CLV_GROUP_LOGLIK,
              NULL, TX, a_tx_data, RESULT("se")),
    PREDICT("tx_expected", "clv_tx_expected", "expected repeat transactions of a new customer",
            "expected", TX, a_tx_expected, RET("result", CLV_D_NONNEG, CLV_Q_COUNT), p_tx_expected),
    PREDICT("tx_pmf", "clv_tx_pmf", "probability of n repeat transactions", "pmf", TX, a_tx_pmf,
            RET("result", CLV_D_UNIT, CLV_Q_PROBABILITY), p_tx_pmf),
    PREDICT("tx_conditional_expected", "clv_tx_conditional_expected",
            "expected transactions of a customer in the next t", "conditional_expected", TX,
            a_tx_cond, RET("result", CLV_D_NONNEG, CLV_Q_COUNT), p_tx_cond),
    PREDICT("tx_palive", "clv_tx_palive", "probability that a customer is alive", "palive", TX,
            a_tx_palive, RET("result", CLV_D_UNIT, CLV_Q_PROBABILITY), p_tx_palive),
    MODEL_ROW("gg_loglik", "clv_gg_loglik", "Gamma-Gamma log-likelihood", CLV_GROUP_LOGLIK, NULL,
              GG, a_gg_data, RET("loglik", CLV_D_REAL, CLV_Q_LOGLIK)),
    MODEL_ROW("gg_fit", "clv_gg_fit", "Gamma-Gamma fit on repeat buyers", CLV_GROUP_FIT, "fit", GG,
              a_gg_fit, RESULT("model")),
    PREDICT("gg_spend", "clv_gg_spend", "expected mean transaction value", "spend", GG, a_gg_spend,
            RET("result", CLV_D_NONNEG, CLV_Q_MONEY), p_gg_spend),
    MODEL_ROW("predict_clv", "clv_predict_clv", "discounted value of a customer", CLV_GROUP_VALUE,
              NULL, TX | GG, a_predict_clv, RET("result", CLV_D_NONNEG, CLV_Q_MONEY)),
    /* retention */
    MODEL_ROW("sbg_loglik", "clv_sbg_loglik", "sBG log-likelihood of a survival curve",
              CLV_GROUP_LOGLIK, NULL, SBG, a_sbg_loglik, RET("loglik", CLV_D_REAL, CLV_Q_LOGLIK)),
    MODEL_ROW("sbg_fit", "clv_sbg_fit", "sBG fit on a survival curve", CLV_GROUP_FIT, "fit", SBG,
              a_sbg_fit, RESULT("model")),
    MODEL_ROW("sbg_fit_lost", "clv_sbg_fit_lost", "sBG fit on losses per period", CLV_GROUP_FIT,
              "fit", SBG, a_sbg_fit_lost, RESULT("model")),
    PREDICT("sbg_survival", "clv_sbg_survival", "share still active at t", "survival", SBG, a_sbg_t,
            RET("result", CLV_D_UNIT, CLV_Q_SHARE), p_sbg_survival),
    PREDICT("sbg_retention", "clv_sbg_retention", "retention rate from t-1 to t", "retention", SBG,
            a_sbg_t1, RET("result", CLV_D_UNIT, CLV_Q_SHARE), p_sbg_retention),
    PREDICT("sbg_churn", "clv_sbg_churn", "share lost at the end of period t", "churn", SBG,
            a_sbg_t1, RET("result", CLV_D_UNIT, CLV_Q_SHARE), p_sbg_churn),
    PREDICT("sbg_del", "clv_sbg_del", "discounted expected lifetime", "del", SBG, a_sbg_del,
            RET("result", CLV_D_NONNEG, CLV_Q_PERIODS), p_sbg_del),
    PREDICT("sbg_derl", "clv_sbg_derl", "discounted expected residual lifetime", "derl", SBG,
            a_sbg_derl, RET("result", CLV_D_NONNEG, CLV_Q_PERIODS), p_sbg_derl),
    PREDICT("sbg_clv", "clv_sbg_clv", "residual CLV of a subscriber", "clv", SBG, a_sbg_clv,
            RET("result", CLV_D_NONNEG, CLV_Q_MONEY), p_sbg_clv),
    MODEL_ROW("bgbb_loglik", "clv_bgbb_loglik", "BG/BB log-likelihood", CLV_GROUP_LOGLIK, NULL,
              BGBB, a_bgbb_loglik, RET("loglik", CLV_D_REAL, CLV_Q_LOGLIK)),
    MODEL_ROW("bgbb_fit", "clv_bgbb_fit", "BG/BB fit", CLV_GROUP_FIT, "fit", BGBB, a_bgbb_fit,
              RESULT("model")),
    PREDICT("bgbb_palive", "clv_bgbb_palive", "probability alive at the next opportunity", "palive",
            BGBB, a_bgbb_palive, RET("result", CLV_D_UNIT, CLV_Q_PROBABILITY), p_bgbb_palive),
    PREDICT("bgbb_conditional_expected", "clv_bgbb_conditional_expected",
            "expected transactions in the next nstar opportunities", "conditional_expected", BGBB,
            a_bgbb_cond, RET("result", CLV_D_NONNEG, CLV_Q_COUNT), p_bgbb_cond),
    PREDICT("bgbb_expected", "clv_bgbb_expected",
            "expected transactions of a new customer in n opportunities", "expected", BGBB,
            a_bgbb_expected, RET("result", CLV_D_NONNEG, CLV_Q_COUNT), p_bgbb_expected),
    PREDICT("bgbb_pmf", "clv_bgbb_pmf", "probability of x transactions in n", "pmf", BGBB,
            a_bgbb_pmf, RET("result", CLV_D_UNIT, CLV_Q_PROBABILITY), p_bgbb_pmf),
    /* transaction logs, days, summaries, cohorts */
    ROW("txlog_add", "clv_txlog_add", "adds a transaction", CLV_GROUP_TXLOG, a_txlog_add,
        RESULT("status")),
    ROW("txlog_add_number", "clv_txlog_add_number", "adds a transaction of a numeric customer id",
        CLV_GROUP_TXLOG, a_txlog_add_number, RESULT("status")),
    ROW("txlog_from_arrays", "clv_txlog_from_arrays", "a log from parallel arrays", CLV_GROUP_TXLOG,
        a_txlog_arrays, RESULT("log")),
    ROW("txlog_read_csv", "clv_txlog_read_csv", "a log from a CSV file", CLV_GROUP_TXLOG,
        a_read_csv, RESULT("log")),
    ROW("txlog_read_csv_buffer", "clv_txlog_read_csv_buffer", "a log from CSV text in memory",
        CLV_GROUP_TXLOG, a_read_csv_buffer, RESULT("log")),
    ROW("day_from_number", "clv_day_from_number", "day number of a YYYYMMDD number",
        CLV_GROUP_TXLOG, a_day_number, RET("day", CLV_D_REAL, CLV_Q_DAY)),
    ROW("day_parse", "clv_day_parse", "day number of YYYY-MM-DD or YYYYMMDD text", CLV_GROUP_TXLOG,
        a_day_parse, RET("day", CLV_D_REAL, CLV_Q_DAY)),
    ROW("day_from_serial", "clv_day_from_serial", "day number of a spreadsheet date",
        CLV_GROUP_TXLOG, a_day_serial, RET("day", CLV_D_REAL, CLV_Q_DAY)),
    ROW("rfm_summarize", "clv_rfm_summarize", "the RFM summary of a log", CLV_GROUP_RFM, a_rfm,
        RESULT("summary")),
    ROW("cohort_table_build", "clv_cohort_table_build", "the cohort table of a log",
        CLV_GROUP_COHORT, a_cohort, RESULT("table")),
    MODEL_ROW("cohort_sbg", "clv_cohort_sbg", "the sBG of one cohort", CLV_GROUP_FIT, NULL, SBG,
              a_cohort_sbg, RESULT("model")),
    /* whole customer bases at once */
    MODEL_ROW("tx_palive_many", "clv_tx_palive_many", "P(alive) of many customers", CLV_GROUP_BULK,
              NULL, TX, a_tx_palive_many, RESULT("values")),
    MODEL_ROW("tx_conditional_expected_many", "clv_tx_conditional_expected_many",
              "expected transactions of many customers", CLV_GROUP_BULK, NULL, TX, a_tx_cond_many,
              RESULT("values")),
    MODEL_ROW("predict_clv_many", "clv_predict_clv_many", "discounted value of many customers",
              CLV_GROUP_BULK, NULL, TX | GG, a_predict_clv_many, RESULT("values")),
    /* the RFM summary streamed */
    ROW("rfm_stream_create", "clv_rfm_stream_create", "a stream for the RFM summary", CLV_GROUP_RFM,
        a_stream_create, RESULT("stream")),
    ROW("rfm_stream_add", "clv_rfm_stream_add", "adds a transaction to a stream", CLV_GROUP_RFM,
        a_stream_add, RESULT("status")),
    ROW("rfm_stream_merge", "clv_rfm_stream_merge", "adds another stream's transactions",
        CLV_GROUP_RFM, a_stream_merge, RESULT("status")),
    ROW("rfm_stream_summary", "clv_rfm_stream_summary", "the summary of a stream", CLV_GROUP_RFM,
        a_stream_summary, RESULT("summary")),
    ROW("rfm_stream_read_csv", "clv_rfm_stream_read_csv", "streams a CSV file into a stream",
        CLV_GROUP_RFM, a_stream_read_csv, RESULT("status")),
    ROW("rfm_stream_save", "clv_rfm_stream_save", "a stream's state as portable bytes",
        CLV_GROUP_RFM, a_stream_save, RESULT("status")),
    ROW("rfm_stream_load", "clv_rfm_stream_load", "a stream from saved bytes", CLV_GROUP_RFM,
        a_stream_load, RESULT("stream")),
    /* the tally: a fit's data as distinct rows with counts */
    ROW("tally_add", "clv_tally_add", "adds customers with one row", CLV_GROUP_TALLY, a_tally_add,
        RESULT("status")),
    ROW("tally_merge", "clv_tally_merge", "adds another tally's rows", CLV_GROUP_TALLY,
        a_tally_merge, RESULT("status")),
    ROW("tally_columns", "clv_tally_columns", "the rows as sorted columns", CLV_GROUP_TALLY,
        a_tally_columns, RESULT("status")),
    ROW("tally_write", "clv_tally_write", "the tally as portable bytes", CLV_GROUP_TALLY,
        a_tally_write, RESULT("status")),
    ROW("tally_read", "clv_tally_read", "a tally from its bytes", CLV_GROUP_TALLY, a_tally_read,
        RESULT("tally")),
    ROW("early_value_build", "clv_early_value_build", "early value per cohort and age",
        CLV_GROUP_COHORT, a_early, RESULT("early_value")),
    /* diagnostics: can I trust this model? (diagnostics.h) */
    MODEL_ROW("tracking_expected", "clv_tracking_expected",
              "expected cumulative repeat transactions of a cohort per period",
              CLV_GROUP_DIAGNOSTIC, NULL, TX, a_tracking_expected, RESULT("cum")),
    MODEL_ROW("tracking_log", "clv_tracking_log",
              "repeat transactions of a log per period, actual and expected", CLV_GROUP_DIAGNOSTIC,
              "tracking", TX, a_tracking_log, RESULT("tracking")),
    MODEL_ROW("period_counts", "clv_period_counts",
              "customers by repeat transactions in calibration, actual and expected",
              CLV_GROUP_DIAGNOSTIC, "period_counts", TX, a_period_counts, RESULT("counts")),
    MODEL_ROW("holdout_by_frequency", "clv_holdout_by_frequency",
              "holdout transactions per calibration frequency, actual and expected",
              CLV_GROUP_DIAGNOSTIC, "holdout_by_frequency", TX, a_holdout, RESULT("groups")),
    MODEL_ROW("tx_matrix", "clv_tx_matrix",
              "expected transactions or P(alive) over frequency and recency", CLV_GROUP_DIAGNOSTIC,
              "matrix", TX, a_tx_matrix, RESULT("out")),
    PREDICT("tx_dert", "clv_tx_dert", "discounted expected residual transactions", "dert", TX,
            a_tx_dert, RET("result", CLV_D_NONNEG, CLV_Q_COUNT), p_tx_dert),
    MODEL_ROW("dert_clv", "clv_dert_clv", "residual value of a customer from DERT", CLV_GROUP_VALUE,
              NULL, TX | GG, a_dert_clv, RET("result", CLV_D_NONNEG, CLV_Q_MONEY)),
    /* intervals (intervals.h) */
    MODEL_ROW("prediction_eval", "clv_prediction_eval",
              "a prediction of one customer or the sum over a cohort", CLV_GROUP_INTERVAL, NULL,
              TX | GG, a_prediction_eval, RET("result", CLV_D_REAL, CLV_Q_NONE)),
    MODEL_ROW("tx_covariance", "clv_tx_covariance",
              "covariance of the parameters at given values, no re-fit", CLV_GROUP_INTERVAL, NULL,
              TX, a_tx_covariance, RESULT("cov")),
    MODEL_ROW("gg_covariance", "clv_gg_covariance",
              "covariance of the Gamma-Gamma parameters at given values", CLV_GROUP_INTERVAL, NULL,
              GG, a_gg_covariance, RESULT("cov")),
    MODEL_ROW("param_intervals", "clv_param_intervals",
              "intervals of the parameters by the delta method", CLV_GROUP_INTERVAL, NULL,
              TX | GG | SBG | BGBB, a_param_intervals, RESULT("intervals")),
    MODEL_ROW("interval_delta", "clv_interval_delta",
              "interval of a prediction by the delta method", CLV_GROUP_INTERVAL, "interval",
              TX | GG, a_interval_delta, RESULT("interval")),
    MODEL_ROW("bootstrap_fit", "clv_bootstrap_fit", "fits on customers resampled with a seed",
              CLV_GROUP_INTERVAL, NULL, TX | GG, a_bootstrap_fit, RESULT("bootstrap")),
    ROW("param_intervals_bootstrap", "clv_param_intervals_bootstrap",
        "percentile intervals of the parameters over a bootstrap", CLV_GROUP_INTERVAL,
        a_param_intervals_boot, RESULT("intervals")),
    ROW("interval_bootstrap", "clv_interval_bootstrap",
        "percentile interval of a prediction over a bootstrap", CLV_GROUP_INTERVAL, a_interval_boot,
        RESULT("interval")),
};

#define NFUNCS COUNT(funcs)

/* ---- lookups ------------------------------------------------------------------------- */

size_t clv_func_count(void)
{
    return NFUNCS;
}

const clv_func *clv_func_at(size_t i)
{
    return i < NFUNCS ? &funcs[i] : NULL;
}

const clv_func *clv_func_find(const char *name)
{
    if (name)
        for (size_t i = 0; i < NFUNCS; i++)
            if (strcmp(funcs[i].name, name) == 0)
                return &funcs[i];
    return NULL;
}

const char *clv_func_name(const clv_func *f)
{
    return f ? f->name : NULL;
}
const char *clv_func_c_name(const clv_func *f)
{
    return f ? f->c_name : NULL;
}
const char *clv_func_summary(const clv_func *f)
{
    return f ? f->summary : NULL;
}
clv_group clv_func_group(const clv_func *f)
{
    return f ? f->group : CLV_GROUP_FORMULA;
}
const char *clv_func_method(const clv_func *f)
{
    return f ? f->method : NULL;
}
const clv_fn *clv_func_formula(const clv_func *f)
{
    return f ? f->formula : NULL;
}

int clv_func_applies(const clv_func *f, clv_model_kind kind)
{
    return f && kind > 0 && kind < 32 && (f->models & KIND(kind)) != 0;
}

size_t clv_func_nargs(const clv_func *f)
{
    if (!f)
        return 0;
    return f->formula ? clv_fn_nparams(f->formula) : f->nargs;
}

static void copy_arg(const arg_desc *d, clv_arg *out)
{
    *out = (clv_arg){d->name, d->shape, d->domain, d->quantity, d->optional, d->def, d->nfields};
}

int clv_func_arg(const clv_func *f, size_t i, clv_arg *out)
{
    if (!f || !out || i >= clv_func_nargs(f))
        return 0;
    if (f->formula) {
        const clv_param *p = &f->formula->params[i];
        int optional = i >= f->formula->nrequired;
        *out = (clv_arg){p->name,  CLV_SHAPE_NUMBER,      p->domain, f->formula_q[i],
                         optional, optional ? p->def : 0, 0};
        return 1;
    }
    copy_arg(&f->args[i], out);
    return 1;
}

int clv_func_field(const clv_func *f, size_t i, size_t j, clv_arg *out)
{
    if (!f || !out || f->formula || i >= f->nargs || j >= f->args[i].nfields)
        return 0;
    copy_arg(&f->args[i].fields[j], out);
    return 1;
}

size_t clv_func_arg_index(const clv_func *f, const char *name)
{
    clv_arg a;
    if (name)
        for (size_t i = 0; clv_func_arg(f, i, &a); i++)
            if (strcmp(a.name, name) == 0)
                return i;
    return CLV_FAULT_NONE;
}

void clv_func_returns(const clv_func *f, clv_arg *out)
{
    if (f && out)
        copy_arg(&f->ret, out);
}

const char *clv_fault_param(const clv_func *f, const clv_fault *fault)
{
    clv_arg a, field;
    if (!fault || !clv_func_arg(f, fault->arg, &a))
        return NULL;
    if (a.shape == CLV_SHAPE_OPTIONS && clv_func_field(f, fault->arg, fault->element, &field))
        return field.name;
    return a.name;
}

int clv_fault_has_row(const clv_func *f, const clv_fault *fault)
{
    clv_arg a;
    return fault && fault->element != CLV_FAULT_NONE && clv_func_arg(f, fault->arg, &a) &&
           a.shape == CLV_SHAPE_SEQUENCE;
}

clv_status clv_func_predict(const clv_func *f, const clv_model *model, const double *a, size_t na,
                            double *out, clv_fault *fault)
{
    if (out)
        *out = NAN;
    if (!f || !f->call || !out || (na > 0 && !a))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "not a prediction", CLV_EINVAL);
    if (na + 1 != f->nargs)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "wrong number of arguments",
                        CLV_EINVAL);
    return f->call(model, a, out, fault);
}

clv_status clv_func_fit(const clv_func *f, clv_model_kind kind, const double *const *seqs, size_t n,
                        double number, clv_time_unit unit, const clv_fit_options *opts,
                        clv_model *out, clv_fit_info *info, clv_fault *fault)
{
    if (!f || f->group != CLV_GROUP_FIT || !f->method || !seqs || !clv_func_applies(f, kind))
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "not a fit of this kind",
                        CLV_EINVAL);
    const char *c = f->c_name;
    if (strcmp(c, "clv_tx_fit") == 0)
        return clv_tx_fit(kind, seqs[0], seqs[1], seqs[2], seqs[3], n, unit, opts, out, info,
                          fault);
    if (strcmp(c, "clv_gg_fit") == 0)
        return clv_gg_fit(seqs[0], seqs[1], seqs[2], n, opts, out, info, fault);
    if (strcmp(c, "clv_bgbb_fit") == 0)
        return clv_bgbb_fit(seqs[0], seqs[1], seqs[2], seqs[3], n, opts, out, info, fault);
    if (strcmp(c, "clv_sbg_fit_lost") == 0)
        return clv_sbg_fit_lost(seqs[0], n, number, opts, out, info, fault);
    return clv_sbg_fit(seqs[0], n, opts, out, info, fault);
}

/* ---- model kinds ------------------------------------------------------------------------ */

size_t clv_model_kind_count(void)
{
    size_t k = 1;
    while (clv_model_nparams((clv_model_kind)k) > 0)
        k++;
    return k - 1;
}

const clv_func *clv_model_fit_func(clv_model_kind kind)
{
    for (size_t i = 0; i < NFUNCS; i++)
        if (funcs[i].group == CLV_GROUP_FIT && funcs[i].method && clv_func_applies(&funcs[i], kind))
            return &funcs[i];
    return NULL;
}
