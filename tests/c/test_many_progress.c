/*
 * test_many_progress.c -- the progress callback of the whole-base
 * predictions clv_tx_palive_many and clv_tx_conditional_expected_many: on
 * every path (BG/NBD P(alive) vectorised, Pareto/NBD row by row; the
 * conditional expectation per row, per distinct (x, T), and Pareto/NBD)
 * it is called 8 times with shares 1/8 .. 1 in order, the values are the
 * same bits as without it, and a stop at any call gives CLV_ENOCONV, every
 * value NaN and a fault naming the progress argument.  Leaks show under
 * the sanitizer build (LeakSanitizer).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "clvkit/clvkit.h"

static uint64_t state = 13;

static double uniform(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return ((double)(state >> 11) + 0.5) / 9007199254740992.0;
}

/* Records the calls; stops at call number stop_at (0: never). */
typedef struct {
    size_t calls, stop_at, bad_order;
    double last;
} recorder;

static int record(void *data, size_t step, double share)
{
    recorder *r = data;
    r->calls++;
    if (step != r->calls || !(share > r->last) || share != (double)step / 8)
        r->bad_order++;
    r->last = share;
    return r->stop_at && r->calls == r->stop_at;
}

enum { N = 5000 };

/* out = one of the two functions on the n customers, with or without a
 * recorder. */
static clv_status run(int cond, const clv_model *m, const double *x, const double *t_x,
                      const double *T, size_t n, double *out, recorder *r, clv_fault *f)
{
    clv_progress_fn fn = r ? record : NULL;
    return cond ? clv_tx_conditional_expected_many(m, 39, x, t_x, T, n, out, fn, r, f)
                : clv_tx_palive_many(m, x, t_x, T, n, out, fn, r, f);
}

static void test_paths(const double *x, const double *t_x, const double *T, const char *what)
{
    static const clv_model models[3] = {
        {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK},
        {CLV_MODEL_MBGNBD, {0.525, 6.183, 0.891, 1.614}, CLV_UNIT_WEEK},
        {CLV_MODEL_PNBD, {0.553, 10.578, 0.606, 11.669}, CLV_UNIT_WEEK}};
    static double plain[N], with[N];
    for (int k = 0; k < 3; k++)
        for (int cond = 0; cond < 2; cond++) {
            size_t n = k == 2 ? N / 10 : N; /* Pareto/NBD is slow */
            CHECK_STATUS(what, run(cond, &models[k], x, t_x, T, n, plain, NULL, NULL), CLV_OK);
            recorder r = {0, 0, 0, 0};
            CHECK_STATUS(what, run(cond, &models[k], x, t_x, T, n, with, &r, NULL), CLV_OK);
            if (!CHECK("called 8 times, shares 1/8 .. 1 in order",
                       r.calls == 8 && r.bad_order == 0 && r.last == 1))
                fprintf(stderr, "  %s %s cond %d: %zu calls\n", what,
                        clv_model_name(models[k].kind), cond, r.calls);
            CHECK("the same bits with a callback", memcmp(plain, with, n * sizeof *with) == 0);
            for (size_t stop = 1; stop <= 8; stop++) {
                recorder s = {0, stop, 0, 0};
                clv_fault f = {0, 0, NULL};
                CHECK_STATUS("stopped", run(cond, &models[k], x, t_x, T, n, with, &s, &f),
                             CLV_ENOCONV);
                size_t nan = 0;
                for (size_t i = 0; i < n; i++)
                    nan += isnan(with[i]) != 0;
                CHECK("stopped at that call, every value NaN", s.calls == stop && nan == n);
                CHECK("the fault names the progress argument",
                      f.arg == (cond ? 7u : 6u) && f.element == CLV_FAULT_NONE && f.reason);
            }
        }
}

/* A bad row is found before the callback is ever called. */
static void test_bad_row(double *x, double *t_x, double *T)
{
    clv_model bg = {CLV_MODEL_BGNBD, {0.243, 4.414, 0.793, 2.426}, CLV_UNIT_WEEK};
    static double out[N];
    double keep = t_x[3];
    t_x[3] = T[3] + 1;
    recorder r = {0, 0, 0, 0};
    clv_fault f;
    CHECK_STATUS("bad row", clv_tx_palive_many(&bg, x, t_x, T, N, out, record, &r, &f), CLV_EDOM);
    CHECK("not called", r.calls == 0 && f.arg == 2 && f.element == 3);
    t_x[3] = keep;
}

int main(void)
{
    static double x[N], t_x[N], T[N], Td[N], txd[N];
    for (size_t i = 0; i < N; i++) {
        T[i] = 27 + 12 * uniform();
        x[i] = floor(-log(uniform()) * 3);
        t_x[i] = x[i] > 0 ? T[i] * uniform() : 0;
        Td[i] = round(T[i]); /* by week: (x, T) repeat */
        txd[i] = fmin(round(t_x[i]), Td[i]);
        if (x[i] > 0 && txd[i] == 0)
            txd[i] = 1;
    }
    test_paths(x, t_x, T, "exact times");
    test_paths(x, txd, Td, "by week");
    test_bad_row(x, t_x, T);
    return check_report("test_many_progress");
}
