/*
 * test_interval.c -- intervals for the parameters and predictions: the
 * delta method against the published standard errors and against the
 * bootstrap, the bootstrap's reproducibility (same seed, any thread count),
 * coverage on simulated cohorts with known parameters (loosely, 20
 * cohorts; bench/bench_diagnostics.c runs 200), and bad input.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "clvkit/diagnostics.h"
#include "clvkit/intervals.h"
#include "refdata.h"
#include "simulate.h"

static cbs_data cbs;

static void test_delta(clv_model *bg, clv_fit_info *info, clv_model *gg, clv_fit_info *ginfo)
{
    clv_interval pi[4];
    CHECK_STATUS("parameter intervals", clv_param_intervals(bg, info->cov, 0.9, pi, NULL), CLV_OK);
    /* lifetimes' Quickstart prints SE 0.012557 0.378221 0.185719 0.705345
     * for CDNOW (rounded t_x): the exact data give nearly the same */
    static const double lt_se[4] = {0.012557, 0.378221, 0.185719, 0.705345};
    for (int i = 0; i < 4; i++) {
        CHECK_REL("SE close to lifetimes'", pi[i].se, lt_se[i], 0.02);
        CHECK_REL("log-scale Wald upper", pi[i].upper,
                  bg->param[i] * exp(1.6448536269514722 * pi[i].se / bg->param[i]), 1e-9);
        CHECK("interval holds the estimate",
              pi[i].lower < pi[i].estimate && pi[i].estimate < pi[i].upper);
    }
    double x = 2, tx = 30.43, T = 38.86, m = 22.35;
    clv_prediction p = {CLV_PRED_PALIVE, 0, 0, 0, &x, &tx, &T, NULL, 1};
    clv_interval iv;
    CHECK_STATUS("delta P(alive)",
                 clv_interval_delta(bg, info->cov, NULL, NULL, &p, 0.9, &iv, NULL), CLV_OK);
    CHECK("P(alive) interval inside (0, 1)",
          iv.lower > 0 && iv.lower < iv.estimate && iv.estimate < iv.upper && iv.upper < 1);
    CHECK_REL("P(alive) estimate (reference_values)", iv.estimate, 0.726609, 2e-6);
    /* the variance by hand: gradient by wider differences, g' C g */
    double g[4], se2 = 0;
    for (int j = 0; j < 4; j++) {
        clv_model up = *bg, dn = *bg;
        double h = 1e-4 * bg->param[j], a, b;
        up.param[j] += h;
        dn.param[j] -= h;
        clv_tx_palive(&up, x, tx, T, &a, NULL);
        clv_tx_palive(&dn, x, tx, T, &b, NULL);
        g[j] = (a - b) / (2 * h);
    }
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            se2 += g[i] * info->cov[i][j] * g[j];
    CHECK_REL("delta se = sqrt(g' C g)", iv.se, sqrt(se2), 1e-5);

    clv_prediction none = {CLV_PRED_PALIVE, 0, 0, 0, &(double){0}, &(double){0}, &T, NULL, 1};
    CHECK_STATUS("P(alive) = 1 without repeats",
                 clv_interval_delta(bg, info->cov, NULL, NULL, &none, 0.9, &iv, NULL), CLV_OK);
    CHECK("degenerate interval", iv.lower == 1 && iv.upper == 1 && iv.se == 0);

    clv_prediction c = {CLV_PRED_CLV, 0, 0.0019, 0.3, &x, &tx, &T, &m, 1};
    CHECK_STATUS("delta CLV", clv_interval_delta(bg, info->cov, gg, ginfo->cov, &c, 0.9, &iv, NULL),
                 CLV_OK);
    double clv;
    clv_dert_clv(bg, gg, 0.0019, 0.3, x, tx, T, m, &clv, NULL);
    CHECK_REL("CLV estimate", iv.estimate, clv, 1e-14);
    CHECK("CLV interval", iv.lower > 0 && iv.lower < clv && clv < iv.upper);

    /* total over the cohort: the expected number of customers alive */
    clv_prediction all = {CLV_PRED_PALIVE, 0, 0, 0, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n};
    CHECK_STATUS("delta total", clv_interval_delta(bg, info->cov, NULL, NULL, &all, 0.9, &iv, NULL),
                 CLV_OK);
    CHECK("alive total between 946 repeaters + 1411 and 1411",
          iv.estimate > 1411 && iv.estimate < 2357 && iv.lower < iv.estimate);

    /* bad input */
    clv_fault ft;
    CHECK_STATUS("level 1", clv_interval_delta(bg, info->cov, NULL, NULL, &p, 1, &iv, &ft),
                 CLV_EDOM);
    CHECK("fault names level, NaN", ft.arg == 5 && isnan(iv.estimate));
    CHECK_STATUS("CLV without gg", clv_interval_delta(bg, info->cov, NULL, NULL, &c, 0.9, &iv, &ft),
                 CLV_EINVAL);
    CHECK("fault names gg", ft.arg == 1);
    CHECK_STATUS("NULL cov", clv_interval_delta(bg, NULL, NULL, NULL, &p, 0.9, &iv, &ft),
                 CLV_EINVAL);
    double cov[4][4];
    memcpy(cov, info->cov, sizeof cov);
    cov[1][1] = -1;
    CHECK_STATUS("negative variance", clv_interval_delta(bg, cov, NULL, NULL, &p, 0.9, &iv, &ft),
                 CLV_EDOM);
    cov[1][1] = NAN;
    CHECK_STATUS("NaN covariance", clv_param_intervals(bg, cov, 0.9, pi, &ft), CLV_EINVAL);
    double bad_tx = 40;
    clv_prediction b = {CLV_PRED_DERT, 0, 0.01, 0, &x, &bad_tx, &T, NULL, 1};
    CHECK_STATUS("t_x > T", clv_interval_delta(bg, info->cov, NULL, NULL, &b, 0.9, &iv, &ft),
                 CLV_EDOM);
    CHECK("fault names pred row 0", ft.arg == 4 && ft.element == 0);
    b.t_x = &tx;
    b.delta = 0;
    CHECK_STATUS("delta 0", clv_interval_delta(bg, info->cov, NULL, NULL, &b, 0.9, &iv, &ft),
                 CLV_EDOM);
    b.delta = 0.01;
    b.n = 0;
    CHECK_STATUS("no customers", clv_interval_delta(bg, info->cov, NULL, NULL, &b, 0.9, &iv, &ft),
                 CLV_EINVAL);
    b.kind = (clv_prediction_kind)9;
    CHECK_STATUS("unknown prediction", clv_prediction_eval(bg, NULL, &b, &clv, &ft), CLV_EINVAL);
    CHECK_STATUS("NULL prediction", clv_prediction_eval(bg, NULL, NULL, &clv, &ft), CLV_EINVAL);
}

static void test_bootstrap(clv_model *bg, clv_fit_info *info)
{
    clv_bootstrap_options o = {60, 42, 1, NULL, NULL};
    clv_bootstrap *b1 = NULL, *b2 = NULL, *b3 = NULL;
    CHECK_STATUS("bootstrap, 1 thread",
                 clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, cbs.m_x, cbs.n,
                                   CLV_UNIT_WEEK, &o, &b1, NULL),
                 CLV_OK);
    o.threads = 2;
    CHECK_STATUS("bootstrap, 2 threads",
                 clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, cbs.m_x, cbs.n,
                                   CLV_UNIT_WEEK, &o, &b2, NULL),
                 CLV_OK);
    o.seed = 43;
    o.threads = 0;
    CHECK_STATUS("bootstrap, other seed",
                 clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n,
                                   CLV_UNIT_WEEK, &o, &b3, NULL),
                 CLV_OK);
    if (!b1 || !b2 || !b3)
        goto done;
    CHECK("same seed, any threads: identical replicates",
          memcmp(b1->tx, b2->tx, 60 * sizeof *b1->tx) == 0 &&
              memcmp(b1->gg, b2->gg, 60 * sizeof *b1->gg) == 0);
    CHECK("another seed differs", memcmp(b1->tx, b3->tx, 60 * sizeof *b1->tx) != 0);
    CHECK("no failed replicate", b1->failed == 0 && b3->failed == 0);
    CHECK("no GG without spend", b3->gg == NULL);
    for (int i = 0; i < 4; i++)
        CHECK_REL("full fit = fit", b1->tx_fit.param[i], bg->param[i], 1e-6);

    clv_interval tx[4], gg[4];
    CHECK_STATUS("bootstrap parameter intervals",
                 clv_param_intervals_bootstrap(b1, 0.9, tx, gg, NULL), CLV_OK);
    for (int i = 0; i < 4; i++) {
        CHECK("bootstrap interval holds the fit",
              tx[i].lower < bg->param[i] && bg->param[i] < tx[i].upper);
        /* bootstrap s.d. and the Hessian's SE agree within sampling noise
         * of 60 replicates */
        CHECK_REL("bootstrap sd ~ delta se", tx[i].se, info->se[i], 0.35);
        CHECK("60 replicates", tx[i].replicates == 60);
    }
    CHECK("GG intervals", gg[0].lower < gg[0].estimate && gg[0].estimate < gg[0].upper);

    double x = 2, tx_ = 30.43, T = 38.86, m = 22.35;
    clv_prediction c = {CLV_PRED_CLV, 0, 0.0019, 0.3, &x, &tx_, &T, &m, 1};
    clv_interval iv;
    CHECK_STATUS("bootstrap CLV", clv_interval_bootstrap(b1, &c, 0.9, &iv, NULL), CLV_OK);
    CHECK("bootstrap CLV interval", iv.lower < iv.estimate && iv.estimate < iv.upper);
    clv_fault ft;
    CHECK_STATUS("CLV without spend", clv_interval_bootstrap(b3, &c, 0.9, &iv, &ft), CLV_EINVAL);
    CHECK_STATUS("level 0", clv_interval_bootstrap(b1, &c, 0, &iv, &ft), CLV_EDOM);
    CHECK_STATUS("NULL boot", clv_interval_bootstrap(NULL, &c, 0.9, &iv, &ft), CLV_EINVAL);
done:
    clv_bootstrap_free(b1);
    clv_bootstrap_free(b2);
    clv_bootstrap_free(b3);
    clv_bootstrap_free(NULL);
    clv_bootstrap *bad = (clv_bootstrap *)&bad;
    CHECK_STATUS("bootstrap wrong kind",
                 clv_bootstrap_fit(CLV_MODEL_GG, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, CLV_UNIT_WEEK,
                                   NULL, &bad, &ft),
                 CLV_EINVAL);
    CHECK("out NULL", bad == NULL);
    CHECK_STATUS("bootstrap n = 0",
                 clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, 0, CLV_UNIT_WEEK,
                                   NULL, &bad, &ft),
                 CLV_EINVAL);
    CHECK("fault names n", ft.arg == 5);
    double xb[2] = {1, 0}, txb[2] = {5, 0}, Tb[2] = {4, 3};
    CHECK_STATUS(
        "bootstrap t_x > T",
        clv_bootstrap_fit(CLV_MODEL_BGNBD, xb, txb, Tb, NULL, 2, CLV_UNIT_WEEK, NULL, &bad, &ft),
        CLV_EDOM);
    CHECK("fault names t_x row 0", ft.arg == 2 && ft.element == 0);
    clv_bootstrap_options huge = {2000000, 1, 1, NULL, NULL};
    CHECK_STATUS("too many replicates",
                 clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n,
                                   CLV_UNIT_WEEK, &huge, &bad, &ft),
                 CLV_EDOM);
}

/* The bootstrap's progress: stops at call stop_at (0: never; call 1 is in
 * the first fit) or once stop_done replicates are done (0: never). */
typedef struct {
    size_t calls, stop_at, stop_done, last_done;
    double last_share;
    int ok; /* done and share consistent at every call */
} boot_progress;

static int on_boot(void *data, size_t done, double share)
{
    boot_progress *p = data;
    p->calls++;
    if (!(share >= 0 && share <= 1) || done < p->last_done)
        p->ok = 0;
    p->last_done = done;
    p->last_share = share;
    return (p->stop_at && p->calls == p->stop_at) || (p->stop_done && done >= p->stop_done);
}

static void test_bootstrap_progress(void)
{
    boot_progress p = {0, 0, 0, 0, 0, 1};
    clv_bootstrap_options o = {20, 42, 2, on_boot, &p};
    clv_bootstrap *b = NULL;
    CHECK_STATUS("bootstrap with progress",
                 clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n,
                                   CLV_UNIT_WEEK, &o, &b, NULL),
                 CLV_OK);
    CHECK("progress: called, monotone, ends at all replicates done",
          p.calls > 0 && p.ok && p.last_done == 20 && p.last_share == 1);
    /* the same replicates as without progress */
    clv_bootstrap_options plain = {20, 42, 1, NULL, NULL};
    clv_bootstrap *c = NULL;
    clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, CLV_UNIT_WEEK, &plain,
                      &c, NULL);
    CHECK("progress does not change the replicates",
          b && c && memcmp(b->tx, c->tx, 20 * sizeof *b->tx) == 0);
    clv_bootstrap_free(b);
    clv_bootstrap_free(c);
    /* a stop in the first fit and one among the replicates */
    for (size_t stop = 1; stop <= 2; stop++) {
        boot_progress q = {0, stop == 1 ? 1 : 0, stop == 2 ? 5 : 0, 0, 0, 1};
        o.progress_data = &q;
        clv_fault ft = {0, 0, NULL};
        b = (clv_bootstrap *)&q;
        CHECK_STATUS(stop == 1 ? "stopped in the first fit" : "stopped among the replicates",
                     clv_bootstrap_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, cbs.m_x, cbs.n,
                                       CLV_UNIT_WEEK, &o, &b, &ft),
                     CLV_ENOCONV);
        CHECK("stopped: no bootstrap, fault names opts", b == NULL && ft.arg == 7);
        CHECK("the first fit reports no replicate done", stop != 1 || q.last_done == 0);
    }
}

/* Loose coverage: 20 cohorts of 1500 simulated BG/NBD customers; how
 * often the 90 % delta interval holds the true r and the true E[X(52)].
 * With true coverage 0.9, fewer than 14 of 20 has probability < 0.005. */
static void test_coverage(void)
{
    static const double truth[4] = {0.25, 4.0, 0.8, 2.5};
    enum { N = 1500, COHORTS = 20 };
    static double x[N], tx[N], T[N];
    sim_rng g = {20261130};
    clv_model true_m = {CLV_MODEL_BGNBD, {0.25, 4.0, 0.8, 2.5}, CLV_UNIT_WEEK};
    double ex_true;
    clv_tx_expected(&true_m, 52, &ex_true, NULL);
    int hold_r = 0, hold_e = 0, fits = 0;
    for (int c = 0; c < COHORTS; c++) {
        for (int i = 0; i < N; i++)
            T[i] = 27 + 12 * sim_uniform(&g);
        sim_bgnbd(&g, truth, T, N, x, tx);
        clv_model m;
        clv_fit_info info;
        if (clv_tx_fit(CLV_MODEL_BGNBD, x, tx, T, NULL, N, CLV_UNIT_WEEK, NULL, &m, &info, NULL) !=
            CLV_OK)
            continue;
        fits++;
        clv_interval pi[4], iv;
        clv_param_intervals(&m, info.cov, 0.9, pi, NULL);
        hold_r += pi[0].lower <= truth[0] && truth[0] <= pi[0].upper;
        clv_prediction p = {CLV_PRED_EXPECTED, 52, 0, 0, NULL, NULL, NULL, NULL, 1};
        clv_interval_delta(&m, info.cov, NULL, NULL, &p, 0.9, &iv, NULL);
        hold_e += iv.lower <= ex_true && ex_true <= iv.upper;
    }
    printf("coverage of 90 %% delta intervals over %d cohorts: r %d, "
           "E[X(52)] %d\n",
           fits, hold_r, hold_e);
    CHECK("fits converge", fits >= 18);
    CHECK("r covered loosely", hold_r >= 14 && hold_r <= fits);
    CHECK("E[X(52)] covered loosely", hold_e >= 14);
}

int main(void)
{
    load_cbs(&cbs);
    clv_model bg, gg;
    clv_fit_info info, ginfo;
    CHECK_STATUS("fit BG/NBD",
                 clv_tx_fit(CLV_MODEL_BGNBD, cbs.x, cbs.t_x, cbs.T, NULL, cbs.n, CLV_UNIT_WEEK,
                            NULL, &bg, &info, NULL),
                 CLV_OK);
    CHECK_STATUS("fit GG", clv_gg_fit(cbs.x, cbs.m_x, NULL, cbs.n, NULL, &gg, &ginfo, NULL),
                 CLV_OK);
    test_delta(&bg, &info, &gg, &ginfo);
    test_bootstrap(&bg, &info);
    test_bootstrap_progress();
    test_coverage();
    return check_report("test_interval");
}
