/*
 * bootstrap.c -- seeded non-parametric bootstrap of the transaction and
 * spend fits, on threads, and its percentile intervals (see intervals.h).
 *
 * Replicate j draws its n customers from a generator seeded by (seed, j)
 * alone and stores its models in slot j, so the replicates are the same for
 * any number of threads.  A resample is a vector of counts: fitted as
 * weights, identical customers compress and a replicate costs one fit.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "clvkit/intervals.h"
#include "clvkit/stats.h"
#include "core/alloc.h"
#include "core/fn.h"
#include "models/interval.h"
#include "models/model.h"

#define BOOT_MAXREPS 1000000
#define BOOT_MAXTHREADS 64

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform index in [0, n) without modulo bias (Lemire's method). */
static size_t draw(uint64_t *s, size_t n)
{
    for (;;) {
        uint64_t r = splitmix64(s);
        unsigned __int128 m = (unsigned __int128)r * n;
        uint64_t lo = (uint64_t)m;
        if (lo >= n || lo >= (uint64_t)(-(uint64_t)n) % n)
            return (size_t)(m >> 64);
    }
}

typedef struct {
    clv_model_kind kind;
    const double *x, *t_x, *T, *m;
    size_t n;
    clv_time_unit unit;
    uint64_t seed;
    clv_bootstrap *boot;
    clv_progress_fn progress; /* called by the calling thread only */
    void *progress_data;
    size_t next; /* next replicate to take, under lock */
    size_t done; /* replicates finished, under lock */
    int stop;    /* under lock: progress said stop, or out of memory */
    int nomem;   /* under lock: a fit (or a worker) ran out of memory */
    pthread_mutex_t lock;
} boot_job;

/* Fits replicate j; CLV_ENOMEM when a fit ran out of memory (a replicate
 * that merely does not converge is a failed replicate, not an error). */
static clv_status replicate(boot_job *job, size_t j, double *w)
{
    clv_bootstrap *b = job->boot;
    uint64_t s = job->seed ^ (0xD1B54A32D192ED03ull * (uint64_t)(j + 1));
    for (size_t i = 0; i < job->n; i++)
        w[i] = 0;
    for (size_t i = 0; i < job->n; i++)
        w[draw(&s, job->n)] += 1;
    clv_fit_options o = {0};
    o.start = b->tx_fit.param;
    clv_status st = clv_tx_fit(job->kind, job->x, job->t_x, job->T, w, job->n, job->unit, &o,
                               &b->tx[j], NULL, NULL);
    if (st != CLV_OK)
        b->tx[j].param[0] = NAN;
    if (b->gg && st != CLV_ENOMEM) {
        o.start = b->gg_fit.param;
        st = clv_gg_fit(job->x, job->m, w, job->n, &o, &b->gg[j], NULL, NULL);
        if (st != CLV_OK)
            b->gg[j].param[0] = NAN;
    }
    return st == CLV_ENOMEM ? CLV_ENOMEM : CLV_OK;
}

/* Takes replicates until none is left or the job stops.  The calling
 * thread (caller = 1) reports progress after each of its replicates. */
static void work(boot_job *job, int caller)
{
    double *w = clv_malloc(job->n * sizeof *w);
    pthread_mutex_lock(&job->lock);
    if (!w) /* without memory for the weights, leave the replicates to the others */
        job->nomem |= caller;
    for (;;) {
        size_t j = job->next;
        if (!w || job->stop || j >= job->boot->replicates)
            break;
        job->next++;
        pthread_mutex_unlock(&job->lock);
        clv_status st = replicate(job, j, w);
        pthread_mutex_lock(&job->lock);
        job->done++;
        if (st == CLV_ENOMEM)
            job->nomem = job->stop = 1;
        if (caller && job->progress && !job->stop) {
            size_t done = job->done;
            pthread_mutex_unlock(&job->lock);
            int halt = job->progress(job->progress_data, done,
                                     (double)done / (double)job->boot->replicates);
            pthread_mutex_lock(&job->lock);
            if (halt)
                job->stop = 1;
        }
    }
    pthread_mutex_unlock(&job->lock);
    clv_free(w);
}

static void *worker(void *arg)
{
    work(arg, 0);
    return NULL;
}

/* The full-data fits report "no replicate done yet" through the caller's
 * progress, so a slow first fit can be stopped too. */
typedef struct {
    clv_progress_fn fn;
    void *data;
    int stopped;
} first_fit;

static int first_fit_progress(void *vff, size_t iteration, double loglik)
{
    (void)iteration;
    (void)loglik;
    first_fit *ff = vff;
    ff->stopped = ff->fn(ff->data, 0, 0.0) != 0;
    return ff->stopped;
}

void clv_bootstrap_free(clv_bootstrap *boot)
{
    if (!boot)
        return;
    clv_free(boot->tx);
    clv_free(boot->gg);
    clv_free(boot);
}

static size_t thread_count(size_t want, size_t reps)
{
    if (want == 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        want = c > 0 ? (size_t)c : 1;
    }
    if (want > BOOT_MAXTHREADS)
        want = BOOT_MAXTHREADS;
    return want < reps ? want : reps;
}

static int failed(const clv_model *m)
{
    return isnan(m->param[0]);
}

clv_status clv_bootstrap_fit(clv_model_kind kind, const double *x, const double *t_x,
                             const double *T, const double *m, size_t n, clv_time_unit unit,
                             const clv_bootstrap_options *opts, clv_bootstrap **out,
                             clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 8, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = NULL;
    if (kind != CLV_MODEL_BGNBD && kind != CLV_MODEL_MBGNBD && kind != CLV_MODEL_PNBD)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "must be bgnbd, mbgnbd or pnbd", CLV_EINVAL);
    size_t reps = opts && opts->replicates ? opts->replicates : 200;
    if (reps > BOOT_MAXREPS)
        return clv_fail(fault, 7, 0, "replicates must be <= 10^6", CLV_EDOM);
    clv_bootstrap *b = clv_calloc(1, sizeof *b);
    if (!b)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    b->replicates = reps;
    clv_fault f;
    first_fit ff = {opts ? opts->progress : NULL, opts ? opts->progress_data : NULL, 0};
    clv_fit_options first = {0};
    if (ff.fn) {
        first.progress = first_fit_progress;
        first.progress_data = &ff;
    }
    clv_status st = clv_tx_fit(kind, x, t_x, T, NULL, n, unit, &first, &b->tx_fit, NULL, &f);
    /* clv_tx_fit: 1 x, 2 t_x, 3 T, 5 n, 7 opts */
    size_t arg = f.arg;
    if (st == CLV_OK && m) {
        st = clv_gg_fit(x, m, NULL, n, &first, &b->gg_fit, NULL, &f);
        /* clv_gg_fit: 0 x, 1 m, 3 n, 4 opts */
        arg = f.arg == 0 ? 1 : f.arg == 1 ? 4 : f.arg == 4 ? 7 : 5;
    }
    if (ff.stopped)
        f = (clv_fault){7, CLV_FAULT_NONE, "stopped by the progress callback"};
    if (st != CLV_OK) {
        clv_bootstrap_free(b);
        return clv_fail(fault, ff.stopped ? 7 : arg, f.element, f.reason, st);
    }
    b->tx = clv_calloc(reps, sizeof *b->tx);
    b->gg = m ? clv_calloc(reps, sizeof *b->gg) : NULL;
    if (!b->tx || (m && !b->gg)) {
        clv_bootstrap_free(b);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    }
    boot_job job = {kind,
                    x,
                    t_x,
                    T,
                    m,
                    n,
                    unit,
                    opts ? opts->seed : 0,
                    b,
                    opts ? opts->progress : NULL,
                    opts ? opts->progress_data : NULL,
                    0,
                    0,
                    0,
                    0,
                    PTHREAD_MUTEX_INITIALIZER};
    size_t nt = thread_count(opts ? opts->threads : 0, reps);
    pthread_t th[BOOT_MAXTHREADS];
    size_t started = 0;
    for (size_t i = 1; i < nt; i++) /* this thread is worker 0 */
        if (pthread_create(&th[started], NULL, worker, &job) == 0)
            started++;
    work(&job, 1);
    for (size_t i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    pthread_mutex_destroy(&job.lock);
    if (job.progress && !job.stop &&
        job.done == reps) /* the last replicate may be another thread's */
        (void)job.progress(job.progress_data, reps, 1.0);
    /* Out of memory: a fit ran out, or no thread could take a replicate. */
    if (job.nomem || (!job.stop && job.done < reps)) {
        clv_bootstrap_free(b);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    }
    if (job.stop) {
        clv_bootstrap_free(b);
        return clv_fail(fault, 7, CLV_FAULT_NONE, "stopped by the progress callback", CLV_ENOCONV);
    }
    for (size_t j = 0; j < reps; j++)
        if (failed(&b->tx[j]) || (b->gg && failed(&b->gg[j]))) {
            b->failed++;
            b->tx[j].param[0] = NAN;
        }
    if (2 * b->failed >= reps) {
        clv_bootstrap_free(b);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "half the bootstrap fits or more did not converge", CLV_ENOCONV);
    }
    *out = b;
    return CLV_OK;
}

/* Percentile interval of the values v[0..k-1] (NaN skipped). */
static clv_status percentile(double *v, size_t k, double est, double level, clv_interval *out)
{
    double *scratch = clv_malloc((k ? k : 1) * sizeof *scratch);
    if (!scratch)
        return CLV_ENOMEM;
    double probs[2] = {0.5 - level / 2, 0.5 + level / 2}, q[2];
    clv_quantiles(v, k, probs, 2, scratch, q);
    clv_free(scratch);
    double s = 0, s2 = 0;
    size_t used = 0;
    for (size_t i = 0; i < k; i++)
        if (!isnan(v[i])) {
            s += v[i];
            used++;
        }
    double mean = used ? s / used : NAN;
    for (size_t i = 0; i < k; i++)
        if (!isnan(v[i]))
            s2 += (v[i] - mean) * (v[i] - mean);
    *out = (clv_interval){est, q[0], q[1], used > 1 ? sqrt(s2 / (used - 1)) : NAN, used};
    return CLV_OK;
}

static clv_status check_boot(const clv_bootstrap *b, clv_fault *fault)
{
    if (!b || !b->tx)
        return clv_fail(fault, 0, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    return CLV_OK;
}

/* The failure state of the parameter intervals. */
static void nan_intervals(clv_interval *tx, clv_interval *gg)
{
    for (size_t i = 0; i < CLV_MODEL_MAXPARAMS; i++) {
        tx[i] = (clv_interval){NAN, NAN, NAN, NAN, 0};
        if (gg)
            gg[i] = tx[i];
    }
}

clv_status clv_param_intervals_bootstrap(const clv_bootstrap *boot, double level, clv_interval *tx,
                                         clv_interval *gg, clv_fault *fault)
{
    if (!tx)
        return clv_fail(fault, 2, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    nan_intervals(tx, gg);
    clv_status st = check_boot(boot, fault);
    if (st != CLV_OK || (st = clv_level_check(level, 1, fault)) != CLV_OK)
        return st;
    double *v = clv_malloc(boot->replicates * sizeof *v);
    if (!v)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    for (int which = 0; which < 2 && st == CLV_OK; which++) {
        const clv_model *fit = which ? &boot->gg_fit : &boot->tx_fit;
        const clv_model *rep = which ? boot->gg : boot->tx;
        clv_interval *o = which ? gg : tx;
        if (!rep || !o)
            continue;
        for (size_t i = 0; i < clv_model_nparams(fit->kind) && st == CLV_OK; i++) {
            for (size_t j = 0; j < boot->replicates; j++)
                v[j] = failed(&boot->tx[j]) ? NAN : rep[j].param[i];
            st = percentile(v, boot->replicates, fit->param[i], level, &o[i]);
        }
    }
    clv_free(v);
    if (st == CLV_OK)
        return st;
    nan_intervals(tx, gg); /* nothing half-written */
    return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", st);
}

clv_status clv_interval_bootstrap(const clv_bootstrap *boot, const clv_prediction *pred,
                                  double level, clv_interval *out, clv_fault *fault)
{
    if (!out)
        return clv_fail(fault, 3, CLV_FAULT_NONE, "NULL pointer", CLV_EINVAL);
    *out = (clv_interval){NAN, NAN, NAN, NAN, 0};
    clv_status st = check_boot(boot, fault);
    if (st != CLV_OK)
        return st;
    if (pred && pred->kind == CLV_PRED_CLV && !boot->gg)
        return clv_fail(fault, 1, CLV_FAULT_NONE, "needs a bootstrap with spend (m)", CLV_EINVAL);
    clv_fault f;
    if ((st = clv_prediction_check(&boot->tx_fit, &boot->gg_fit, pred, 1, &f)) != CLV_OK)
        return clv_fail(fault, f.arg <= 1 ? 0 : 1, f.element, f.reason, st);
    if ((st = clv_level_check(level, 2, fault)) != CLV_OK)
        return st;
    double est, *v = clv_malloc(boot->replicates * sizeof *v);
    if (!v)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", CLV_ENOMEM);
    clv_status worst = clv_prediction_value(&boot->tx_fit, &boot->gg_fit, pred, &est);
    for (size_t j = 0; j < boot->replicates && (worst == CLV_OK || worst == CLV_ELOSS); j++) {
        v[j] = NAN;
        if (failed(&boot->tx[j]))
            continue;
        clv_status s =
            clv_prediction_value(&boot->tx[j], boot->gg ? &boot->gg[j] : NULL, pred, &v[j]);
        if (s != CLV_OK)
            worst = s;
    }
    if (worst != CLV_OK && worst != CLV_ELOSS) {
        clv_free(v);
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE,
                        "the prediction could not be computed", worst);
    }
    st = percentile(v, boot->replicates, est, level, out);
    clv_free(v);
    if (st != CLV_OK)
        return clv_fail(fault, CLV_FAULT_NONE, CLV_FAULT_NONE, "out of memory", st);
    return worst;
}
