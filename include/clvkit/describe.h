/*
 * clvkit/describe.h -- one description of every public function, for the
 * faces (Lua, Calc, SQL) and for the docs' tests.
 *
 * Like SQLite's table of built-in functions, each public entry point of the
 * core is one read-only row: a face-neutral name, the C function it
 * describes, its arguments in C order (name, shape, domain, quantity,
 * default) and what it returns.  A face registers its functions by walking
 * the rows, fills in defaults from them, and names the argument of a failure
 * with clv_fault_param(): clv_fault.arg (and, for an options struct,
 * clv_fault.element) index the same argument list, so no face keeps a map of
 * positions.  The typed C functions of the other headers stay the front
 * door; this header describes them and adds one generic call for the model
 * predictions (clv_func_predict) so a face needs no shim per prediction.
 *
 * The model kinds are listed once, in models.h/model.c; a row says which
 * kinds it applies to (clv_func_applies).
 *
 * Everything here is immutable static data: thread-safe, nothing to free.
 */
#ifndef CLVKIT_DESCRIBE_H
#define CLVKIT_DESCRIBE_H

#include <stddef.h>

#include "clvkit/catalog.h"
#include "clvkit/models.h"
#include "clvkit/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What values a number accepts; every domain also requires finiteness. */
typedef enum clv_domain {
    CLV_D_REAL,     /* any finite number */
    CLV_D_NONNEG,   /* >= 0 */
    CLV_D_POS,      /* > 0 */
    CLV_D_UNIT,     /* in [0, 1] */
    CLV_D_UNIT_POS, /* in (0, 1] */
    CLV_D_RATE,     /* > -1 */
    CLV_D_WHOLE,    /* a whole number >= 0 */
    CLV_D_FLAG,     /* 0 or 1 */
    CLV_D_WHOLE_POS /* a whole number >= 1 */
} clv_domain;

/* Static text completing "<name> ...", e.g. "must be >= 0". */
const char *clv_domain_text(clv_domain domain);

/* How an argument is passed in C (and what a face converts it from). */
typedef enum clv_shape {
    CLV_SHAPE_NUMBER,   /* double */
    CLV_SHAPE_SEQUENCE, /* const double *, length in the LENGTH argument */
    CLV_SHAPE_LENGTH,   /* size_t: the length of the sequences */
    CLV_SHAPE_MODEL,    /* const clv_model * (or clv_model_kind for a fit) */
    CLV_SHAPE_UNIT,     /* clv_time_unit */
    CLV_SHAPE_LOG,      /* clv_txlog * */
    CLV_SHAPE_TABLE,    /* const clv_cohort_table * */
    CLV_SHAPE_TEXT,     /* const char * (with a length or NUL-terminated) */
    CLV_SHAPE_TEXTS,    /* const char *const *: one text per row */
    CLV_SHAPE_OPTIONS,  /* a struct of options: its fields are described
                           (clv_func_field); fault.element names the field */
    CLV_SHAPE_RESULT,   /* an out-parameter: model, fit info, table, log */
    CLV_SHAPE_TALLY,    /* clv_tally * (tally.h) */
    CLV_SHAPE_STREAM,   /* clv_rfm_stream * (rfm.h) */
    CLV_SHAPE_MATRIX,   /* const double [CLV_MODEL_MAXPARAMS][...]: the
                           covariance of a model's parameters; fault.element
                           is i * nparams + j */
    CLV_SHAPE_BOOTSTRAP /* const clv_bootstrap * (intervals.h) */
} clv_shape;

/* What a number means, for a face's labels and formats. */
typedef enum clv_quantity {
    CLV_Q_NONE,        /* a plain number */
    CLV_Q_MONEY,       /* an amount of one currency */
    CLV_Q_SHARE,       /* a fraction, e.g. a margin or conversion rate */
    CLV_Q_PROBABILITY, /* a probability */
    CLV_Q_RATE,        /* a discount rate per period */
    CLV_Q_COUNT,       /* a count (customers, transactions) */
    CLV_Q_PERIODS,     /* a number of periods */
    CLV_Q_YEARS,       /* a time in years */
    CLV_Q_PER_YEAR,    /* a frequency per year */
    CLV_Q_TIME,        /* a time in the model's or summary's unit */
    CLV_Q_DAY,         /* a day number (days since 1970-01-01) */
    CLV_Q_RATIO,       /* a ratio */
    CLV_Q_LOGLIK       /* a log-likelihood */
} clv_quantity;

/* The families of public functions. */
typedef enum clv_group {
    CLV_GROUP_FORMULA,    /* a scalar formula of economics.h (catalog.h) */
    CLV_GROUP_ARRAY,      /* a formula over sequences (economics.h) */
    CLV_GROUP_MODEL,      /* checks of a model (models.h) */
    CLV_GROUP_LOGLIK,     /* a model's log-likelihood on data */
    CLV_GROUP_FIT,        /* a maximum-likelihood fit */
    CLV_GROUP_PREDICT,    /* a prediction of a model on numbers */
    CLV_GROUP_VALUE,      /* discounted customer value from two models */
    CLV_GROUP_TXLOG,      /* transaction logs and days (rfm.h) */
    CLV_GROUP_RFM,        /* the RFM summary (rfm.h) */
    CLV_GROUP_COHORT,     /* cohort tables and early value (retention.h) */
    CLV_GROUP_TALLY,      /* distinct rows with counts: a fit's state (tally.h) */
    CLV_GROUP_BULK,       /* a prediction over whole sequences of customers */
    CLV_GROUP_DIAGNOSTIC, /* a model against a cohort: tracking, period counts,
                             holdout, matrices (diagnostics.h) */
    CLV_GROUP_INTERVAL    /* intervals of parameters and predictions, the
                             bootstrap (intervals.h) */
} clv_group;

/* One argument (or an options field, or the result), copied out. */
typedef struct clv_arg {
    const char *name; /* e.g. "years", "t_x", "opts" */
    clv_shape shape;
    clv_domain domain; /* for numbers and sequences */
    clv_quantity quantity;
    int optional;   /* a face may omit it */
    double def;     /* its default when optional (NaN: "none", e.g.
                       the log's last day) */
    size_t nfields; /* CLV_SHAPE_OPTIONS: number of fields */
} clv_arg;

typedef struct clv_func clv_func; /* opaque, read-only */

/* Number of described functions, the i-th (NULL when i is too large) and
 * the one with a name (NULL when none). */
size_t clv_func_count(void);
const clv_func *clv_func_at(size_t i);
const clv_func *clv_func_find(const char *name);

/* Face-neutral lower-case name, e.g. "clv", "tx_palive", "rfm_summarize". */
const char *clv_func_name(const clv_func *f);
/* The C function, e.g. "clv_tx_palive"; NULL for the formula "cac", which
 * has no typed function of its own (clv_cac takes sequences). */
const char *clv_func_c_name(const clv_func *f);
clv_group clv_func_group(const clv_func *f);
/* Its name as a method of a model, e.g. "palive"; NULL when none. */
const char *clv_func_method(const clv_func *f);
/* 1 when the function takes (predicts with, fits) a model of `kind`. */
int clv_func_applies(const clv_func *f, clv_model_kind kind);
/* The scalar catalogue entry of a formula (catalog.h); NULL otherwise. */
const clv_fn *clv_func_formula(const clv_func *f);
/* One line saying what it computes. */
const char *clv_func_summary(const clv_func *f);

/* Arguments in C order (without the result out-parameter and the fault):
 * clv_fault.arg of a failure indexes them.  clv_func_arg returns 0 when i
 * is out of range (*out untouched). */
size_t clv_func_nargs(const clv_func *f);
int clv_func_arg(const clv_func *f, size_t i, clv_arg *out);
/* Field j of options argument i (fault.element indexes the fields). */
int clv_func_field(const clv_func *f, size_t i, size_t j, clv_arg *out);
/* Index of the argument with this name, or CLV_FAULT_NONE. */
size_t clv_func_arg_index(const clv_func *f, const char *name);
/* What it returns through `out` (name "result" unless it says more). */
void clv_func_returns(const clv_func *f, clv_arg *out);

/* The name a failure of f blames: the options field when fault->arg is an
 * options argument and fault->element a field, else the argument; NULL when
 * no argument is to blame (fault->arg == CLV_FAULT_NONE) or f is NULL. */
const char *clv_fault_param(const clv_func *f, const clv_fault *fault);

/* 1 when the fault's element is a row of a sequence argument (show it as
 * name[element + 1]), 0 when it names an options field or nothing. */
int clv_fault_has_row(const clv_func *f, const clv_fault *fault);

/* A prediction (group PREDICT) on its numeric arguments a[0..nargs-2] (all
 * arguments after the model, in C order).  Same result, status and fault
 * as the typed function (fault.arg 0 is the model, 1 is a[0], ...).
 * Errors: CLV_EINVAL for a function that is not a prediction or a wrong
 * number of arguments, else those of the function. */
clv_status clv_func_predict(const clv_func *f, const clv_model *model, const double *a, size_t na,
                            double *out, clv_fault *fault);

/* A fit (group FIT with a method) of a model of `kind`: seqs holds its
 * sequence arguments in C order (NULL for an omitted optional one, e.g.
 * the weights), n their length, `number` its number argument if any (the
 * customers acquired of sbg_fit_lost), unit the model's time unit (used by
 * the transaction models).  Same result, status and fault as the typed fit.
 * Errors: CLV_EINVAL for a row that is not a fit of `kind`. */
clv_status clv_func_fit(const clv_func *f, clv_model_kind kind, const double *const *seqs, size_t n,
                        double number, clv_time_unit unit, const clv_fit_options *opts,
                        clv_model *out, clv_fit_info *info, clv_fault *fault);

/* ---- model kinds --------------------------------------------------------- */

/* Every kind in order: 1 .. clv_model_kind_count() (CLV_MODEL_NONE is 0). */
size_t clv_model_kind_count(void);

/* The fit of a kind (a row of group FIT), or NULL. */
const clv_func *clv_model_fit_func(clv_model_kind kind);

#ifdef __cplusplus
}
#endif

#endif /* CLVKIT_DESCRIBE_H */
