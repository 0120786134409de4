/*
 * bench_e2e.c -- one machine, end to end (bench/README.md, "## Scale").
 *
 *   bench_e2e <customers> <dir> [check | generate]
 *
 * Writes a seeded synthetic transaction log of BG/NBD customers with
 * Gamma-Gamma spends to <dir>/e2e_log.csv (three years of days; ~10 rows a
 * customer), then times in this one process: reading it into the streamed
 * RFM summary, the BG/NBD and Gamma-Gamma fits, every customer's P(alive),
 * expected purchases and discounted CLV, and writing them to
 * <dir>/e2e_clv.csv.  Prints each step's wall and CPU time and the peak
 * resident memory, and deletes both files.  With "check" (the CTest test,
 * at ~1M rows) it fails unless every recovered parameter is within three
 * standard errors of the generating one.  Recording by day biases r and
 * alpha a little (same-day purchases merge, times round to days: ~5% in
 * alpha here, many standard errors at this size), so the check writes one
 * line per hour instead: each "day" of its file is an hour, and the
 * summary, taken in days, is converted to weeks of 168 such hours.
 * With "generate" it only writes the log and keeps it (other benchmarks,
 * e.g. bench/postgres, load the same seeded log).
 *
 * The file is read with clv_rfm_stream_read_csv: rows go straight into
 * the summary, the log is never built.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "clvkit/clvkit.h"
#include "synth.h"

static const double bg_truth[4] = {0.6, 4.0, 0.7, 7.0}; /* per week */
static const double gg_truth[3] = {6.0, 4.0, 15.0};
#define FIRST_DAYS 730 /* first purchases over two years */
#define LAST_DAY 1095  /* observed for three (days 0..1095) */

static double now(int cpu)
{
    struct timespec t;
    clock_gettime(cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double peak_mb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_maxrss / 1024.0;
}

static double t_wall, t_cpu;
static void step(const char *what)
{
    double w = now(0), c = now(1);
    if (what)
        printf("  %-44s %8.2f s %8.2f s cpu %8.0f MB peak\n", what, w - t_wall, c - t_cpu,
               peak_mb());
    fflush(stdout);
    t_wall = w, t_cpu = c;
}

/* ---- the log ------------------------------------------------------------- */

static char *put_uint(char *p, unsigned long v, int width)
{
    char tmp[24];
    int n = 0;
    do
        tmp[n++] = (char)('0' + v % 10), v /= 10;
    while (v || n < width);
    while (n)
        *p++ = tmp[--n];
    return p;
}

/* res: file days per day (24 for the check's hours). */
static size_t generate(const char *path, size_t ncust, double day0, int res)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    size_t ndates = (size_t)(LAST_DAY + 1) * (size_t)res;
    char(*dates)[11] = malloc(ndates * sizeof *dates);
    for (size_t d = 0; d < ndates; d++) {
        int y, m, dd;
        clv_day_to_ymd(day0 + (double)d, &y, &m, &dd);
        char *p = put_uint(dates[d], (unsigned long)y, 4);
        *p++ = '-', p = put_uint(p, (unsigned long)m, 2);
        *p++ = '-', put_uint(p, (unsigned long)dd, 2);
    }
    enum { BUF = 1 << 20 };
    char *buf = malloc(BUF + 256), *p = buf;
    p += sprintf(p, "customer,date,amount\n");
    synth_rng g;
    synth_seed(&g, 20261130);
    size_t rows = 0;
    for (size_t i = 0; i < ncust; i++) {
        double when = synth_uniform(&g) * FIRST_DAYS * res;
        double lambda = synth_gamma(&g, bg_truth[0]) / bg_truth[1] / 7 / res;
        double ga = synth_gamma(&g, bg_truth[2]), gb = synth_gamma(&g, bg_truth[3]);
        double drop = ga / (ga + gb);
        double nu = synth_gamma(&g, gg_truth[1]) / gg_truth[2];
        for (int first = 1;; first = 0) {
            if (!first) {
                when += -log(synth_uniform(&g)) / lambda;
                if (when >= (double)ndates)
                    break;
            }
            double amount = synth_gamma(&g, gg_truth[0]) / nu;
            unsigned long cents = (unsigned long)(amount * 100 + 0.5);
            *p++ = 'C', p = put_uint(p, (unsigned long)i, 8), *p++ = ',';
            memcpy(p, dates[(size_t)when], 10), p += 10, *p++ = ',';
            p = put_uint(p, cents / 100, 1), *p++ = '.';
            p = put_uint(p, cents % 100, 2), *p++ = '\n';
            rows++;
            if (p - buf >= BUF) {
                fwrite(buf, 1, (size_t)(p - buf), f);
                p = buf;
            }
            if (!first && synth_uniform(&g) < drop)
                break;
        }
    }
    fwrite(buf, 1, (size_t)(p - buf), f);
    free(buf), free(dates);
    return fclose(f) == 0 ? rows : 0;
}

/* v >= 0 with `places` decimals (printf's %.*f is most of the write step:
 * 40 M numbers); anything odd goes through printf. */
static char *put_fixed(char *p, double v, int places)
{
    static const double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double s = v * scale[places];
    if (!(s >= 0 && s < 1e18))
        return p + sprintf(p, "%.*f", places, v);
    unsigned long long u = (unsigned long long)(s + 0.5), d = (unsigned long long)scale[places];
    p = put_uint(p, (unsigned long)(u / d), 1);
    *p++ = '.';
    return put_uint(p, (unsigned long)(u % d), places);
}

static int write_result(const char *path, const clv_rfm *r, const double *pa, const double *ey,
                        const double *clv)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 1;
    enum { BUF = 1 << 20 };
    char *buf = malloc(BUF + 512), *p = buf;
    p += sprintf(p, "customer,p_alive,expected_52w,clv_12m\n");
    for (size_t i = 0; i < r->n; i++) {
        if (r->id_len[i] > 256) /* not this generator's */
            p += sprintf(p, "%.256s", r->id[i]);
        else
            memcpy(p, r->id[i], r->id_len[i]), p += r->id_len[i];
        *p++ = ',', p = put_fixed(p, pa[i], 6);
        *p++ = ',', p = put_fixed(p, ey[i], 6);
        *p++ = ',', p = put_fixed(p, clv[i], 4);
        *p++ = '\n';
        if (p - buf >= BUF) {
            fwrite(buf, 1, (size_t)(p - buf), f);
            p = buf;
        }
    }
    fwrite(buf, 1, (size_t)(p - buf), f);
    free(buf);
    return fclose(f) != 0;
}

static int within(const char *what, const double *got, const double *se, const double *want, int k)
{
    int ok = 1;
    for (int i = 0; i < k; i++) {
        double z = (got[i] - want[i]) / se[i];
        printf("    %s[%d] %.5g (true %.5g, se %.3g, z %+.2f)\n", what, i, got[i], want[i], se[i],
               z);
        ok &= fabs(z) <= 3;
    }
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_e2e <customers> <dir> [check | generate]\n");
        return 2;
    }
    size_t ncust = (size_t)atol(argv[1]);
    int check = argc > 3 && !strcmp(argv[3], "check");
    char logp[4096], outp[4096];
    snprintf(logp, sizeof logp, "%s/e2e_log.csv", argv[2]);
    snprintf(outp, sizeof outp, "%s/e2e_clv.csv", argv[2]);
    double day0;
    clv_day_from_ymd(2021, 1, 1, &day0);

    printf("end to end, %zu customers:\n", ncust);
    step(NULL);
    int res = check ? 24 : 1;
    size_t rows = generate(logp, ncust, day0, res);
    if (!rows) {
        fprintf(stderr, "cannot write %s\n", logp);
        return 1;
    }
    if (argc > 3 && !strcmp(argv[3], "generate")) {
        printf("%s: %zu rows\n", logp, rows);
        return 0;
    }
    char what[128];
    snprintf(what, sizeof what, "generate the log (%zu rows; not timed)", rows);
    step(what);

    double t0 = now(0), c0 = now(1);
    clv_rfm_options ro;
    clv_rfm_options_init(&ro);
    ro.unit = check ? CLV_UNIT_DAY : CLV_UNIT_WEEK;
    ro.calibration_end = day0 + (LAST_DAY + 1) * res - 1;
    clv_rfm_stream *s;
    clv_rfm *r = NULL;
    clv_csv_options csv = {"customer", "date", "amount", ','};
    clv_csv_error err = {0, 0, NULL};
    clv_status st = clv_rfm_stream_create(&ro, CLV_STREAM_SORTED, &s, NULL);
    if (st == CLV_OK)
        st = clv_rfm_stream_read_csv(logp, &csv, s, NULL, NULL, &err);
    snprintf(what, sizeof what, "read + stream (%.0f MB of state)",
             (double)clv_rfm_stream_bytes(s) / 1048576);
    if (st == CLV_OK)
        st = clv_rfm_stream_summary(s, &r, NULL);
    clv_rfm_stream_free(s);
    if (!getenv("KEEP_LOG"))
        remove(logp);
    if (st != CLV_OK) {
        fprintf(stderr, "read/summary: %s (line %zu: %s)\n", clv_strerror(st), err.line,
                err.reason ? err.reason : "");
        return 1;
    }
    step(what);

    if (check) /* hours to weeks */
        for (size_t i = 0; i < r->n; i++)
            r->t_x[i] /= 168, r->T[i] /= 168;
    clv_model bg, gg;
    clv_fit_info bi, gi;
    st = clv_tx_fit(CLV_MODEL_BGNBD, r->x, r->t_x, r->T, NULL, r->n, CLV_UNIT_WEEK, NULL, &bg, &bi,
                    NULL);
    snprintf(what, sizeof what, "BG/NBD fit (%zu distinct rows)", bi.distinct);
    step(what);
    if (st == CLV_OK)
        st = clv_gg_fit(r->x, r->mean_value, NULL, r->n, NULL, &gg, &gi, NULL);
    snprintf(what, sizeof what, "Gamma-Gamma fit (%zu distinct rows)", gi.distinct);
    step(what);
    if (st != CLV_OK) {
        fprintf(stderr, "fits: %s\n", clv_strerror(st));
        return 1;
    }

    double *pa = malloc(r->n * sizeof *pa), *ey = malloc(r->n * sizeof *ey),
           *clv = malloc(r->n * sizeof *clv);
    clv_clv_options co;
    clv_clv_options_init(&co);
    co.horizon = 12, co.period = CLV_UNIT_MONTH, co.discount = 0.01, co.margin = 0.3;
    st = clv_tx_palive_many(&bg, r->x, r->t_x, r->T, r->n, pa, NULL, NULL, NULL);
    if (st == CLV_OK)
        st = clv_tx_conditional_expected_many(&bg, 52, r->x, r->t_x, r->T, r->n, ey, NULL, NULL,
                                              NULL);
    if (st == CLV_OK)
        st =
            clv_predict_clv_many(&bg, &gg, r->x, r->t_x, r->T, r->mean_value, &co, r->n, clv, NULL);
    if (st != CLV_OK) {
        fprintf(stderr, "predictions: %s\n", clv_strerror(st));
        return 1;
    }
    step("P(alive), E[Y(52 weeks)], 12-month CLV, all");
    if (write_result(outp, r, pa, ey, clv)) {
        fprintf(stderr, "cannot write %s\n", outp);
        return 1;
    }
    remove(outp);
    step("write the result CSV");
    printf("  %-44s %8.2f s %8.2f s cpu %8.0f MB peak\n", "total (timed steps)", now(0) - t0,
           now(1) - c0, peak_mb());
    printf("  %zu rows, %zu customers, %zu transactions after same-day merges\n", r->rows, r->n,
           r->transactions);
    int ok =
        within("BG/NBD", bg.param, bi.se, bg_truth, 4) & within("GG", gg.param, gi.se, gg_truth, 3);
    free(pa), free(ey), free(clv);
    clv_rfm_free(r);
    if (check && !ok) {
        fprintf(stderr, "a parameter is more than 3 standard errors from the "
                        "truth\n");
        return 1;
    }
    return 0;
}
