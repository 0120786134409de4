/*
 * test_diagnostics.c -- tracking, period counts, holdout by frequency and
 * the matrices on CDNOW, against the published actual figures (BTYD's
 * cu.tracking, the refdata README) and the independent mpmath figures of
 * tests/independent_diag; and every bad input.
 */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "clvkit/diagnostics.h"
#include "diag_models.h"
#include "diagref.h"
#include "refdata.h"

static cbs_data cbs;

static void test_tracking(void)
{
    clv_csv_options co = {"sampleid", "date", "sales", ','};
    clv_txlog *log = NULL;
    CHECK_STATUS(
        "read CDNOW log",
        clv_txlog_read_csv(refdata_path("btyd_cdnowElog.csv"), &co, NULL, NULL, &log, NULL),
        CLV_OK);
    /* BTYD's cumulative repeat transactions, week 1..78 */
    double actual[78];
    FILE *f = refdata_open("btyd_cdnowSummary_cu_tracking.csv");
    char line[128];
    size_t k = 0;
    if (fgets(line, sizeof line, f))
        while (k < 78 && fgets(line, sizeof line, f)) {
            double wk;
            k += sscanf(line, "%lf,%lf", &wk, &actual[k]) == 2;
        }
    fclose(f);
    CHECK("BTYD tracking read", k == 78 && actual[38] == 2457 && actual[77] == 4339);
    diagref ref;
    diagref_load("tracking.csv", &ref);
    CHECK("78 weeks of independent tracking", ref.rows == 78);
    for (int m = 0; m < 3; m++) {
        clv_tracking *tr = NULL;
        CHECK_STATUS("tracking", clv_tracking_log(&diag_models[m], log, 1, 0, NAN, &tr, NULL),
                     CLV_OK);
        if (!tr)
            continue;
        CHECK("tracking covers 78 weeks", tr->periods == 78);
        CHECK("2357 customers", tr->customers == 2357);
        double worst = 0, sum = 0;
        for (size_t w = 0; w < 78 && w < tr->periods; w++) {
            if (m == 0)
                CHECK_CLOSE("actual cumulative = BTYD", tr->actual_cum[w], actual[w], 1e-12);
            double want = ref.v[w][1 + m];
            worst = fmax(worst, fabs(tr->expected_cum[w] - want) / want);
            sum += tr->expected[w];
            CHECK_REL("expected cumulative = mpmath", tr->expected_cum[w], want, 1e-9);
        }
        CHECK_REL("increments add up", sum, tr->expected_cum[77], 1e-12);
        printf("tracking %s: worst relative difference %.2e\n", diag_names[m], worst);
        clv_tracking_free(tr);
    }
    /* two-week periods give every other weekly figure */
    clv_tracking *t2 = NULL;
    CHECK_STATUS("two-week periods", clv_tracking_log(&diag_models[0], log, 2, 0, NAN, &t2, NULL),
                 CLV_OK);
    if (t2) {
        CHECK("39 periods", t2->periods == 39);
        CHECK_CLOSE("actual at week 78", t2->actual_cum[38], 4339, 1e-12);
        CHECK_REL("expected at week 78", t2->expected_cum[38], ref.v[77][1], 1e-9);
        clv_tracking_free(t2);
    }
    /* an origin a week earlier shifts everything by one period */
    clv_tracking *t3 = NULL;
    double first = clv_txlog_first_day(log);
    CHECK_STATUS("earlier origin",
                 clv_tracking_log(&diag_models[0], log, 1, 79, first - 7, &t3, NULL), CLV_OK);
    if (t3) {
        CHECK_CLOSE("nothing in week 1", t3->expected_cum[0], 0, 1e-300);
        CHECK_REL("week 40 = week 39 before", t3->expected_cum[39], ref.v[38][1], 1e-9);
        clv_tracking_free(t3);
    }
    /* bad input */
    clv_tracking *bad = (clv_tracking *)&bad;
    clv_fault ft;
    clv_model none = diag_models[0];
    none.unit = CLV_UNIT_NONE;
    CHECK_STATUS("unit NONE", clv_tracking_log(&none, log, 1, 0, NAN, &bad, &ft), CLV_EINVAL);
    CHECK("out NULL on failure", bad == NULL);
    CHECK_STATUS("NULL log", clv_tracking_log(&diag_models[0], NULL, 1, 0, NAN, &bad, &ft),
                 CLV_EINVAL);
    CHECK("fault names log", ft.arg == 1);
    CHECK_STATUS("period 0", clv_tracking_log(&diag_models[0], log, 0, 0, NAN, &bad, &ft),
                 CLV_EDOM);
    CHECK_STATUS("period NaN", clv_tracking_log(&diag_models[0], log, NAN, 0, NAN, &bad, &ft),
                 CLV_EINVAL);
    CHECK_STATUS("origin after first day",
                 clv_tracking_log(&diag_models[0], log, 1, 0, first + 1, &bad, &ft), CLV_EDOM);
    CHECK_STATUS("too many periods",
                 clv_tracking_log(&diag_models[0], log, 1e-9, 0, NAN, &bad, &ft), CLV_ERANGE);
    CHECK_STATUS("NULL out", clv_tracking_log(&diag_models[0], log, 1, 0, NAN, NULL, &ft),
                 CLV_EINVAL);
    clv_model gg = {CLV_MODEL_GG, {1, 2, 3, 0}, CLV_UNIT_WEEK};
    CHECK_STATUS("wrong model", clv_tracking_log(&gg, log, 1, 0, NAN, &bad, &ft), CLV_EINVAL);
    clv_tracking_free(NULL);
    clv_txlog_free(log);

    double birth[3] = {0, 1.5, 3}, cum[4];
    CHECK_STATUS("births ok",
                 clv_tracking_expected(&diag_models[0], birth, NULL, 3, 1, 4, cum, NULL), CLV_OK);
    double e;
    clv_tx_expected(&diag_models[0], 4, &e, NULL);
    double e2, e3;
    clv_tx_expected(&diag_models[0], 2.5, &e2, NULL);
    clv_tx_expected(&diag_models[0], 1, &e3, NULL);
    CHECK_REL("sum of E[X] over births", cum[3], e + e2 + e3, 1e-14);
    birth[1] = -1;
    CHECK_STATUS("negative birth",
                 clv_tracking_expected(&diag_models[0], birth, NULL, 3, 1, 4, cum, &ft), CLV_EDOM);
    CHECK("fault names birth 1", ft.arg == 1 && ft.element == 1 && isnan(cum[0]));
    birth[1] = NAN;
    CHECK_STATUS("NaN birth",
                 clv_tracking_expected(&diag_models[0], birth, NULL, 3, 1, 4, cum, &ft),
                 CLV_EINVAL);
    birth[1] = 1;
    CHECK_STATUS("n = 0", clv_tracking_expected(&diag_models[0], birth, NULL, 0, 1, 4, cum, &ft),
                 CLV_EDOM);
    CHECK_STATUS("periods = 0",
                 clv_tracking_expected(&diag_models[0], birth, NULL, 3, 1, 0, cum, &ft), CLV_EDOM);
    double w[3] = {1, -1, 1};
    CHECK_STATUS("negative weight",
                 clv_tracking_expected(&diag_models[0], birth, w, 3, 1, 4, cum, &ft), CLV_EDOM);
    CHECK_STATUS("NULL births",
                 clv_tracking_expected(&diag_models[0], NULL, NULL, 3, 1, 4, cum, &ft), CLV_EINVAL);
}

static void test_period_counts(void)
{
    diagref ref;
    diagref_load("period_counts.csv", &ref);
    /* FHL 2005 Figure 1's actual bars, from the CDNOW summary */
    static const double fhl_actual[8] = {1411, 439, 214, 100, 62, 38, 29, 64};
    double sumw = 0;
    for (int m = 0; m < 3; m++) {
        double act[8], ex[8];
        CHECK_STATUS(
            "period counts",
            clv_period_counts(&diag_models[m], cbs.x, cbs.T, NULL, cbs.n, 7, act, ex, NULL),
            CLV_OK);
        double total = 0;
        for (int g = 0; g < 8; g++) {
            CHECK_CLOSE("actual count", act[g], fhl_actual[g], 1e-12);
            CHECK_REL("expected count = mpmath", ex[g], ref.v[g][1 + m], 1e-9);
            total += ex[g];
        }
        CHECK_REL("expected counts add to the cohort", total, 2357, 1e-12);
        sumw = total;
    }
    (void)sumw;
    double act[3], ex[3], x[2] = {0, 1.5}, T[2] = {3, 4};
    clv_fault ft;
    CHECK_STATUS("fractional x", clv_period_counts(&diag_models[0], x, T, NULL, 2, 2, act, ex, &ft),
                 CLV_EDOM);
    CHECK("fault names x row 1", ft.arg == 1 && ft.element == 1);
    x[1] = 1;
    T[0] = -1;
    CHECK_STATUS("negative T", clv_period_counts(&diag_models[0], x, T, NULL, 2, 2, act, ex, &ft),
                 CLV_EDOM);
    CHECK("fault names T row 0", ft.arg == 2 && ft.element == 0);
    T[0] = 3;
    CHECK_STATUS("top 0", clv_period_counts(&diag_models[0], x, T, NULL, 2, 0, act, ex, &ft),
                 CLV_EDOM);
    CHECK_STATUS("n 0", clv_period_counts(&diag_models[0], x, T, NULL, 0, 2, act, ex, &ft),
                 CLV_EDOM);
    CHECK_STATUS("NULL expected",
                 clv_period_counts(&diag_models[0], x, T, NULL, 2, 2, act, NULL, &ft), CLV_EINVAL);
    double w[2] = {2, 3};
    CHECK_STATUS("weights", clv_period_counts(&diag_models[0], x, T, w, 2, 2, act, ex, NULL),
                 CLV_OK);
    CHECK("weights count", act[0] == 2 && act[1] == 3 && act[2] == 0);
}

static void test_holdout(void)
{
    diagref ref;
    diagref_load("holdout.csv", &ref);
    CHECK("holdout reference rows", ref.rows == 39);
    for (int m = 0; m < 3; m++) {
        double cnt[8], act[8], ex[8];
        clv_holdout_errors err;
        CHECK_STATUS("holdout by frequency",
                     clv_holdout_by_frequency(&diag_models[m], 39, cbs.x, cbs.t_x, cbs.T,
                                              cbs.x_star, NULL, cbs.n, 7, cnt, act, ex, &err, NULL),
                     CLV_OK);
        const size_t r0 = 13 * (size_t)m;
        for (int g = 0; g < 8; g++) {
            CHECK_CLOSE("group count", cnt[g], ref.v[r0 + g][2], 1e-12);
            CHECK_REL("mean actual", act[g], ref.v[r0 + g][3], 1e-12);
            CHECK_REL("mean expected = mpmath", ex[g], ref.v[r0 + g][4], 1e-9);
        }
        CHECK_REL("MAE", err.mae, ref.v[r0 + 8][4], 1e-9);
        CHECK_REL("RMSE", err.rmse, ref.v[r0 + 9][4], 1e-9);
        CHECK_CLOSE("actual total (README: 1882)", err.actual_total, 1882, 1e-9);
        CHECK_REL("expected total", err.expected_total, ref.v[r0 + 11][4], 1e-9);
        CHECK_REL("aggregate error %", err.error_pct, ref.v[r0 + 12][4], 1e-8);
        printf("holdout %s: MAE %.4f RMSE %.4f error %.2f %%\n", diag_names[m], err.mae, err.rmse,
               err.error_pct);
    }
    double cnt[2], act[2], ex[2], x[1] = {1}, tx[1] = {2}, T[1] = {1}, xs[1] = {0};
    clv_fault ft;
    CHECK_STATUS("t_x > T",
                 clv_holdout_by_frequency(&diag_models[0], 1, x, tx, T, xs, NULL, 1, 1, cnt, act,
                                          ex, NULL, &ft),
                 CLV_EDOM);
    CHECK("fault names t_x", ft.arg == 3 && ft.element == 0);
    tx[0] = 1;
    xs[0] = -1;
    CHECK_STATUS("negative holdout",
                 clv_holdout_by_frequency(&diag_models[0], 1, x, tx, T, xs, NULL, 1, 1, cnt, act,
                                          ex, NULL, &ft),
                 CLV_EDOM);
    CHECK("fault names x_holdout", ft.arg == 5);
    xs[0] = 0;
    CHECK_STATUS("t = 0",
                 clv_holdout_by_frequency(&diag_models[0], 0, x, tx, T, xs, NULL, 1, 1, cnt, act,
                                          ex, NULL, &ft),
                 CLV_EDOM);
    CHECK_STATUS("n = 0",
                 clv_holdout_by_frequency(&diag_models[0], 1, x, tx, T, xs, NULL, 0, 1, cnt, act,
                                          ex, NULL, &ft),
                 CLV_EINVAL);
    CHECK("fault names n", ft.arg == 7);
    clv_holdout_errors err;
    CHECK_STATUS("no holdout transactions",
                 clv_holdout_by_frequency(&diag_models[0], 1, x, tx, T, xs, NULL, 1, 1, cnt, act,
                                          ex, &err, &ft),
                 CLV_OK);
    CHECK("error % undefined, group 0 empty", isnan(err.error_pct) && cnt[0] == 0 && isnan(act[0]));
}

static void test_matrix(void)
{
    /* reference_values.csv: independently recomputed at the exact MLE */
    double f[3] = {0, 2, 5}, r[3] = {0, 30.43, 38.86};
    double pa[9], ey[9];
    CHECK_STATUS("P(alive) matrix",
                 clv_tx_matrix(&diag_models[0], CLV_MATRIX_PALIVE, 0, 38.86, f, 3, r, 3, pa, NULL),
                 CLV_OK);
    CHECK_STATUS(
        "E[Y] matrix",
        clv_tx_matrix(&diag_models[0], CLV_MATRIX_EXPECTED, 39, 38.86, f, 3, r, 3, ey, NULL),
        CLV_OK);
    CHECK_REL("P(alive | 2, 30.43, 38.86)", pa[4], 0.726609, 2e-6);
    CHECK_REL("E[Y(39) | 2, 30.43, 38.86]", ey[4], 1.225907, 1e-6);
    CHECK("frequency 0 row: no repeats, alive", pa[0] == 1 && pa[1] == 1 && pa[2] == 1);
    CHECK("frequency 0 row constant", ey[0] == ey[1] && ey[1] == ey[2]);
    CHECK("P(alive) rises with recency", pa[6] < pa[7] && pa[7] < pa[8]);
    clv_fault ft;
    r[2] = 40;
    CHECK_STATUS("recency > T",
                 clv_tx_matrix(&diag_models[0], CLV_MATRIX_PALIVE, 0, 38.86, f, 3, r, 3, pa, &ft),
                 CLV_EDOM);
    CHECK("fault names rec 2, out NaN", ft.arg == 6 && ft.element == 2 && isnan(pa[0]));
    r[2] = 1;
    f[1] = 0.5;
    CHECK_STATUS("fractional frequency",
                 clv_tx_matrix(&diag_models[0], CLV_MATRIX_PALIVE, 0, 39, f, 3, r, 3, pa, &ft),
                 CLV_EDOM);
    CHECK_STATUS("unknown kind",
                 clv_tx_matrix(&diag_models[0], (clv_matrix_kind)7, 0, 39, f, 3, r, 3, pa, &ft),
                 CLV_EINVAL);
    CHECK_STATUS("empty grid",
                 clv_tx_matrix(&diag_models[0], CLV_MATRIX_PALIVE, 0, 39, f, 0, r, 3, pa, &ft),
                 CLV_EDOM);
}

int main(void)
{
    load_cbs(&cbs);
    CHECK("CDNOW summary loaded", cbs.n == 2357);
    test_tracking();
    test_period_counts();
    test_holdout();
    test_matrix();
    return check_report("test_diagnostics");
}
