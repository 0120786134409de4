/*
 * diag_models.h -- the CDNOW models the independent figures were computed
 * at (the exact maximum-likelihood parameters of reference_values.csv; the
 * same numbers are in tests/independent_diag/diag_reference.py).
 */
#ifndef CLVKIT_TEST_DIAG_MODELS_H
#define CLVKIT_TEST_DIAG_MODELS_H

#include "clvkit/models.h"

static const clv_model diag_models[3] = {
    {CLV_MODEL_BGNBD, {0.2425945, 4.4136022, 0.7929219, 2.4259063}, CLV_UNIT_WEEK},
    {CLV_MODEL_MBGNBD, {0.5248432, 6.1830852, 0.8913593, 1.6140020}, CLV_UNIT_WEEK},
    {CLV_MODEL_PNBD, {0.5532771, 10.5776841, 0.6062402, 11.6687412}, CLV_UNIT_WEEK}};
static const char *const diag_names[3] = {"bgnbd", "mbgnbd", "pnbd"};

#endif /* CLVKIT_TEST_DIAG_MODELS_H */
