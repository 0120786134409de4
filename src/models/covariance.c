/*
 * covariance.c -- the covariance of a model's parameters at given
 * parameters on given data (intervals.h): the inverse Hessian of -LL there,
 * by fit.c's clv_fit_stderr, so a face that holds parameters (a sheet, a
 * saved model) gets the covariance of exactly those, without a re-fit.
 *
 * The transaction models' likelihood comes from their family files with its
 * analytic gradient (txmodel.h).  clv_gg_covariance is in gg.c, whose
 * likelihood data are private to it.
 */
#include <math.h>

#include "clvkit/intervals.h"
#include "core/fn.h"
#include "models/fit.h"
#include "models/interval.h"
#include "models/txmodel.h"

void clv_cov_clear(double *se, double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS])
{
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++) {
        if (se)
            se[i] = NAN;
        for (size_t j = 0; j < CLV_MODEL_MAXPARAMS; j++)
            cov[i][j] = NAN;
    }
}

clv_status clv_cov_at(const clv_fit_problem *pb, const clv_model *model, double *se,
                      double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS], clv_fault *fault)
{
    double s[CLV_MODEL_MAXPARAMS];
    clv_status st = clv_fit_stderr(pb, model->param, s, cov);
    if (st != CLV_OK) {
        clv_cov_clear(se, cov);
        return clv_fail(fault, 0, CLV_FAULT_NONE,
                        "is not at a maximum of the likelihood (Hessian not positive definite)",
                        st);
    }
    if (se)
        for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++)
            se[i] = s[i];
    return CLV_OK;
}

clv_status clv_tx_covariance(const clv_model *model, const double *x, const double *t_x,
                             const double *T, const double *weight, size_t n, double *se,
                             double cov[CLV_MODEL_MAXPARAMS][CLV_MODEL_MAXPARAMS], clv_fault *fault)
{
    if (!cov)
        return clv_fail(fault, 7, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    clv_cov_clear(se, cov);
    /* the log-likelihood checks model and customers, with the same faults */
    double ll;
    clv_status st = clv_tx_loglik(model, x, t_x, T, weight, n, &ll, fault);
    if (st != CLV_OK)
        return st;
    const double *cols[3] = {x, t_x, T};
    clv_patterns pat;
    if (clv_patterns_build(cols, 3, weight, n, &pat) != CLV_OK)
        return CLV_ENOMEM;
    int pnbd = model->kind == CLV_MODEL_PNBD;
    void *data = pnbd ? clv_pnbd_data_create(&pat)
                      : clv_bg_data_create(&pat, model->kind == CLV_MODEL_MBGNBD);
    if (!data) {
        clv_patterns_free(&pat);
        return CLV_ENOMEM;
    }
    clv_fit_problem pb = {0};
    pb.n = 4;
    pb.ll = pnbd ? clv_pnbd_loglik : clv_bg_loglik;
    pb.ctx = data;
    pb.analytic = 1;
    st = clv_cov_at(&pb, model, se, cov, fault);
    if (pnbd)
        clv_pnbd_data_free(data);
    else
        clv_bg_data_free(data);
    clv_patterns_free(&pat);
    return st;
}
