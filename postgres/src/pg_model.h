/*
 * pg_model.h -- the SQL type clv_model: a fitted (or typed-in) model, a
 * fixed-size value with a readable text form such as
 *   bgnbd(r=0.2426, alpha=4.414, a=0.7929, b=2.426, loglik=-9582.43, customers=2357)
 */
#ifndef CLVKIT_PG_MODEL_H
#define CLVKIT_PG_MODEL_H

#include "postgres.h"

#include "fmgr.h"

#include "clvkit/models.h"

typedef struct clvpg_model {
    int32 kind; /* clv_model_kind */
    int32 unit; /* clv_time_unit; CLV_UNIT_NONE when not given */
    double param[CLV_MODEL_MAXPARAMS];
    double se[CLV_MODEL_MAXPARAMS]; /* NaN when unknown */
    double loglik;                  /* NaN when not from a fit */
    double customers;               /* customers fitted; NaN when not from a fit */
} clvpg_model;

#define PG_GETARG_CLVMODEL(n) ((const clvpg_model *)PG_GETARG_POINTER(n))

/* A palloc'd SQL value of a core model (info may be NULL). */
clvpg_model *clvpg_model_make(const clv_model *m, const clv_fit_info *info);

/* The core's view of an SQL model. */
clv_model clvpg_model_core(const clvpg_model *m);

#endif /* CLVKIT_PG_MODEL_H */
