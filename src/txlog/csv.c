/*
 * csv.c -- reading a transaction log from CSV text (clv_txlog_read_csv_buffer
 * and clv_txlog_read_csv in rfm.h).  A small state machine over blocks of
 * bytes: quoted fields (with "" escapes and line breaks), LF or CRLF, blank
 * lines skipped, and a whitespace mode for column-aligned files.  The parser
 * only sees blocks handed over by a refill function: the whole buffer once,
 * or a file block by block; a streaming source fits the same seam.  Numbers are parsed here, not by
 * strtod, because strtod follows the process locale (LibreOffice may run
 * with ',' as decimal point).
 */
#define _POSIX_C_SOURCE 200809L /* fileno, fstat */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "txlog/rfmint.h"

/* ---- numbers ------------------------------------------------------------- */

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

int clv_parse_number(const char *s, size_t n, double *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    unsigned long long mant = 0;
    int digits = 0, sig = 0;
    long exp10 = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
        if (sig < 19) {
            mant = mant * 10 + (unsigned)(s[i] - '0');
            sig += mant > 0;
        } else {
            exp10++; /* digits beyond 19 only scale */
        }
    }
    if (i < n && s[i] == '.') {
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
            if (sig < 19) {
                mant = mant * 10 + (unsigned)(s[i] - '0');
                sig += mant > 0;
                exp10--;
            }
        }
    }
    if (digits == 0)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        int eneg = 0;
        long e = 0;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        if (i >= n || s[i] < '0' || s[i] > '9')
            return 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (e < 100000)
                e = e * 10 + (s[i] - '0');
        exp10 += eneg ? -e : e;
    }
    if (i != n)
        return 0;
    double v;
    /* exact when the mantissa and the power of ten are exact doubles: one
     * correctly rounded operation (amounts like 29.33 always are) */
    if (mant < (1ULL << 53) && exp10 >= -22 && exp10 <= 22)
        v = exp10 >= 0 ? (double)mant * pow10_exact[exp10] : (double)mant / pow10_exact[-exp10];
    else
        v = (double)mant * pow(10, (double)exp10);
    if (!isfinite(v))
        return 0;
    *out = neg ? -v : v;
    return 1;
}

/* ---- records ------------------------------------------------------------- */

typedef struct reader reader;

/* Hands the parser its next block (r->buf, r->len); r->len = 0 at the end,
 * with r->ioerr set when the source failed. */
typedef void (*refill_fn)(reader *r);

struct reader {
    refill_fn refill;
    void *source; /* the refill's own: a FILE, or NULL */
    const char *buf;
    size_t pos, len;
    int ioerr;
    size_t line; /* line of the next character */
    char sep;
    char *text; /* field texts, each NUL-terminated */
    size_t tlen, tcap;
    size_t *off, *flen, nf, fcap;
    const char *base;              /* fields are at base + off: text, or the block */
    size_t rows;                   /* data rows handed to the sink */
    clv_read_progress_fn progress; /* optional, called once per block */
    void *progress_data;
    int stopped; /* the progress callback said stop */
};

/* Where the rows go: a log or a stream.  Returns a status; CLV_EDOM means
 * the row is out of day order for its customer (a sorted stream). */
typedef clv_status (*row_sink)(void *ctx, const char *id, size_t id_len, double day, double amount);

static int next_char(reader *r)
{
    if (r->pos == r->len) {
        if (!r->refill)
            return EOF;
        r->refill(r);
        r->pos = 0;
        if (r->len == 0) {
            r->refill = NULL; /* ended: never read past the end again */
            return EOF;
        }
    }
    return (unsigned char)r->buf[r->pos++];
}

static int peek_char(reader *r)
{
    int c = next_char(r);
    if (c != EOF)
        r->pos--;
    return c;
}

static int push(reader *r, char c)
{
    if (r->tlen + 1 > r->tcap) {
        size_t cap = r->tcap ? 2 * r->tcap : 256;
        char *t = clv_realloc(r->text, cap);
        if (!t)
            return 1;
        r->text = t;
        r->tcap = cap;
    }
    r->text[r->tlen++] = c;
    return 0;
}

static int start_field(reader *r)
{
    if (r->nf == r->fcap) {
        size_t cap = r->fcap ? 2 * r->fcap : 16;
        size_t *o = clv_realloc(r->off, cap * sizeof *o);
        if (!o)
            return 1;
        r->off = o;
        size_t *l = clv_realloc(r->flen, cap * sizeof *l);
        if (!l)
            return 1;
        r->flen = l;
        r->fcap = cap;
    }
    r->off[r->nf] = r->tlen;
    r->flen[r->nf] = 0;
    r->nf++;
    return 0;
}

static int end_field(reader *r, int quoted)
{
    size_t o = r->off[r->nf - 1], n = r->tlen - o;
    if (!quoted) /* unquoted fields lose surrounding spaces and a CR */
        while (n > 0 && (r->text[o + n - 1] == ' ' || r->text[o + n - 1] == '\r'))
            n--;
    r->tlen = o + n;
    r->flen[r->nf - 1] = n;
    return push(r, 0);
}

static int blank(const reader *r, int c)
{
    return c == ' ' || (r->sep == ' ' && c == '\t');
}

/* Ends an unquoted field's text. */
static int stops(const reader *r, int c)
{
    return c == '\n' || c == r->sep || c == ' ' || (r->sep == ' ' && c == '\t');
}

static int append(reader *r, const char *p, size_t n)
{
    if (r->tlen + n + 1 > r->tcap) {
        size_t cap = r->tcap ? 2 * r->tcap : 256;
        while (cap < r->tlen + n + 1)
            cap *= 2;
        char *t = clv_realloc(r->text, cap);
        if (!t)
            return 1;
        r->text = t;
        r->tcap = cap;
    }
    memcpy(r->text + r->tlen, p, n);
    r->tlen += n;
    return 0;
}

/* The common line, read in place: whole in the block, separated by ',',
 * ';' or tab, without quotes, spaces or a CR before its end.  Its fields
 * are where the block has them (no copy).  2: not such a line (nothing
 * read), else as read_record(). */
static int fast_record(reader *r)
{
    if (r->sep == ' ' || r->pos >= r->len)
        return 2;
    const char *b = r->buf + r->pos, *end = r->buf + r->len;
    const char *nl = memchr(b, '\n', (size_t)(end - b));
    if (!nl)
        return 2;
    const char *e = nl > b && nl[-1] == '\r' ? nl - 1 : nl;
    for (const char *q = b; q < e; q++)
        if (*q == '"' || *q == ' ' || *q == '\r')
            return 2;
    r->nf = 0;
    r->base = b;
    if (e > b)
        for (const char *f = b;;) {
            const char *g = memchr(f, r->sep, (size_t)(e - f));
            if (start_field(r))
                return -1;
            r->off[r->nf - 1] = (size_t)(f - b);
            r->flen[r->nf - 1] = (size_t)((g ? g : e) - f);
            if (!g)
                break;
            f = g + 1;
        }
    r->pos = (size_t)(nl + 1 - r->buf);
    r->line++;
    return 1;
}

static int slow_record(reader *r);

/* Reads one record.  1: a record (maybe blank: nf == 0), 0: end of file,
 * -1: out of memory, -2: text after a closing quote, -3: unterminated
 * quote. */
static int read_record(reader *r)
{
    int rc = fast_record(r);
    if (rc != 2)
        return rc;
    rc = slow_record(r);
    r->base = r->text;
    return rc;
}

/* read_record() for any line: byte by byte, field texts copied. */
static int slow_record(reader *r)
{
    r->nf = 0;
    r->tlen = 0;
    int c = next_char(r);
    if (c == EOF)
        return 0;
    for (;;) {
        /* at the start of a field */
        while (blank(r, c))
            c = next_char(r);
        if (c == '\r' && peek_char(r) == '\n')
            c = next_char(r);
        if ((c == '\n' || c == EOF) && (r->nf == 0 || r->sep == ' ')) {
            if (c == '\n')
                r->line++;
            return 1; /* end of record (blank line, or trailing blanks) */
        }
        if (start_field(r))
            return -1;
        int quoted = c == '"';
        if (quoted) {
            for (;;) {
                c = next_char(r);
                if (c == EOF)
                    return -3;
                if (c == '"') {
                    if (peek_char(r) != '"')
                        break;
                    c = next_char(r);
                }
                if (c == '\n')
                    r->line++;
                if (push(r, (char)c))
                    return -1;
            }
            c = next_char(r);
            while (c == ' ' || c == '\r')
                c = next_char(r);
        } else {
            /* whole spans of the block at a time: the common case is a
             * short field inside one block */
            while (c != EOF && !stops(r, c)) {
                size_t b = r->pos - 1, e = r->pos;
                while (e < r->len && !stops(r, (unsigned char)r->buf[e]))
                    e++;
                if (append(r, r->buf + b, e - b))
                    return -1;
                r->pos = e;
                c = next_char(r);
            }
            if (r->sep != ' ')
                while (c == ' ') { /* spaces before the separator */
                    if (push(r, ' '))
                        return -1;
                    c = next_char(r);
                }
        }
        if (end_field(r, quoted))
            return -1;
        if (c == EOF || c == '\n') {
            if (c == '\n')
                r->line++;
            return 1;
        }
        if (r->sep == ' ' && blank(r, c))
            continue; /* the separator run is skipped at the field start */
        if (c != r->sep)
            return -2;
        c = next_char(r);
        if (r->sep != ' ' && (c == '\n' || c == EOF || (c == '\r' && peek_char(r) == '\n'))) {
            /* a trailing separator: one more, empty, field */
            if (start_field(r) || end_field(r, 0))
                return -1;
            if (c == '\r')
                c = next_char(r);
            if (c == '\n')
                r->line++;
            return 1;
        }
    }
}

/* ---- the reader ---------------------------------------------------------- */

static clv_status fail(clv_csv_error *err, size_t line, size_t column, const char *reason,
                       clv_status st)
{
    if (err) {
        err->line = line;
        err->column = column;
        err->reason = reason;
    }
    return st;
}

static const char *field(const reader *r, size_t i, size_t *len)
{
    *len = r->flen[i];
    return r->base + r->off[i];
}

static long find_column(const reader *r, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < r->nf; i++)
        if (r->flen[i] == n && memcmp(r->base + r->off[i], name, n) == 0)
            return (long)i;
    return -1;
}

static clv_status read_rows(reader *r, const clv_csv_options *opts, row_sink sink, void *ctx,
                            clv_csv_error *err)
{
    int rc;
    size_t line;
    /* a UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the
     * first column's name */
    if (peek_char(r) == 0xEF && r->len - r->pos >= 3 &&
        memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    do { /* the header: the first non-blank line */
        line = r->line;
        rc = read_record(r);
    } while (rc == 1 && r->nf == 0);
    if (r->stopped)
        return fail(err, line, 0, "stopped by the progress callback", CLV_ENOCONV);
    if (rc == 0)
        return fail(err, 0, 0, r->ioerr ? "read error" : "the file is empty",
                    r->ioerr ? CLV_EIO : CLV_EFORMAT);
    if (rc < 0)
        return fail(err, line, r->nf, rc == -1 ? "out of memory" : "malformed quoted field",
                    rc == -1 ? CLV_ENOMEM : CLV_EFORMAT);
    long ci = find_column(r, opts->customer), di = find_column(r, opts->date);
    long ai = opts->amount ? find_column(r, opts->amount) : -2;
    if (ci < 0 || di < 0 || ai == -1)
        return fail(err, line, 0,
                    ci < 0   ? "the header has no column of that customer name"
                    : di < 0 ? "the header has no column of that date name"
                             : "the header has no column of that amount name",
                    CLV_EFORMAT);
    size_t need = (size_t)(ci > di ? ci : di) + 1;
    if (ai >= 0 && (size_t)ai + 1 > need)
        need = (size_t)ai + 1;
    for (;;) {
        line = r->line;
        rc = read_record(r);
        if (r->stopped) /* before the row: it may be cut short */
            return fail(err, line, 0, "stopped by the progress callback", CLV_ENOCONV);
        if (rc == 0)
            break;
        if (rc < 0)
            return fail(err, line, r->nf,
                        rc == -1   ? "out of memory"
                        : rc == -2 ? "text after a closing quote"
                                   : "a quoted field is not closed",
                        rc == -1 ? CLV_ENOMEM : CLV_EFORMAT);
        if (r->nf == 0)
            continue;
        if (r->nf < need)
            return fail(err, line, r->nf + 1, "the line has fewer fields than the header",
                        CLV_EFORMAT);
        size_t il, dl, al;
        const char *id = field(r, (size_t)ci, &il);
        const char *ds = field(r, (size_t)di, &dl);
        if (il == 0)
            return fail(err, line, (size_t)ci + 1, "empty customer id", CLV_EFORMAT);
        double day, amount = 0;
        if (clv_day_parse(ds, dl, &day) != CLV_OK)
            return fail(err, line, (size_t)di + 1, "date is not a valid YYYY-MM-DD or YYYYMMDD",
                        CLV_EFORMAT);
        if (ai >= 0) {
            const char *as = field(r, (size_t)ai, &al);
            if (!clv_parse_number(as, al, &amount))
                return fail(err, line, (size_t)ai + 1, "amount is not a number", CLV_EFORMAT);
            if (amount < 0)
                return fail(err, line, (size_t)ai + 1, "amount is negative", CLV_EDOM);
        }
        clv_status st = sink(ctx, id, il, day, amount);
        if (st == CLV_EDOM)
            return fail(err, line, (size_t)di + 1,
                        "date is before this customer's previous date: the "
                        "rows are not in date order (stream with "
                        "CLV_STREAM_ANY)",
                        st);
        if (st != CLV_OK)
            return fail(err, line, 0, "out of memory", st);
        r->rows++;
    }
    if (r->ioerr)
        return fail(err, 0, 0, "read error", CLV_EIO);
    return CLV_OK;
}

/* The arguments both readers share, checked before any reading. */
static clv_status check_args(const clv_csv_options *opts, clv_txlog **out, clv_csv_error *err)
{
    if (out)
        *out = NULL;
    if (!opts || !out || !opts->customer || !opts->date)
        return fail(err, 0, 0,
                    "options, output and the customer and date column names "
                    "are required",
                    CLV_EINVAL);
    char sep = opts->separator ? opts->separator : ',';
    if (sep != ',' && sep != ';' && sep != '\t' && sep != ' ')
        return fail(err, 0, 0, "separator must be ',', ';', tab or ' '", CLV_EINVAL);
    return CLV_OK;
}

/* Reads rows through r (its refill and source set; arguments checked) into
 * the sink; frees the reader's buffers. */
static clv_status read_each(reader *r, const clv_csv_options *opts, row_sink sink, void *ctx,
                            clv_csv_error *err)
{
    r->sep = opts->separator ? opts->separator : ',';
    r->line = 1;
    clv_status st = read_rows(r, opts, sink, ctx, err);
    clv_free(r->text), clv_free(r->off), clv_free(r->flen);
    if (st == CLV_OK && r->progress)
        (void)r->progress(r->progress_data, r->rows, 1.0); /* done */
    return st;
}

static clv_status log_sink(void *ctx, const char *id, size_t id_len, double day, double amount)
{
    return clv_txlog_add(ctx, id, id_len, day, amount, NULL);
}

/* Reads a log through r (its refill and source set; arguments checked). */
static clv_status read_log(reader *r, const clv_csv_options *opts, clv_txlog **out,
                           clv_csv_error *err)
{
    clv_txlog *log = clv_txlog_create();
    if (!log) {
        clv_free(r->text), clv_free(r->off), clv_free(r->flen);
        return fail(err, 0, 0, "out of memory", CLV_ENOMEM);
    }
    clv_status st = read_each(r, opts, log_sink, log, err);
    if (st != CLV_OK) {
        clv_txlog_free(log);
        return st;
    }
    *out = log;
    return CLV_OK;
}

clv_status clv_txlog_read_csv_buffer(const char *data, size_t len, const clv_csv_options *opts,
                                     clv_txlog **out, clv_csv_error *err)
{
    if (!data && len > 0) {
        if (out)
            *out = NULL;
        return fail(err, 0, 0, "data is NULL", CLV_EINVAL);
    }
    clv_status st = check_args(opts, out, err);
    if (st != CLV_OK)
        return st;
    reader r = {0};
    r.buf = data; /* one block, no refill */
    r.len = len;
    return read_log(&r, opts, out, err);
}

typedef struct {
    FILE *f;
    long long size, got; /* size at open (-1: not a regular file), read */
    char block[1 << 20];
} file_source;

/* A regular file that ends before the size it had when opened shrank while
 * it was read: its tail is gone, so that is a read error, not a shorter
 * log (a line cut in the middle would otherwise read as a smaller
 * amount). */
static void refill_file(reader *r)
{
    file_source *fs = r->source;
    if (r->progress && fs->got > 0 &&
        r->progress(r->progress_data, r->rows,
                    fs->size > 0 ? (double)fs->got / (double)fs->size : NAN)) {
        r->stopped = 1;
        r->len = 0;
        return;
    }
    r->len = fread(fs->block, 1, sizeof fs->block, fs->f);
    r->buf = fs->block;
    fs->got += (long long)r->len;
    if (r->len == 0)
        r->ioerr = ferror(fs->f) || (fs->size >= 0 && fs->got < fs->size);
}

/* Opens path as the reader's source; a status and err on failure. */
static clv_status open_file(reader *r, const char *path, clv_csv_error *err)
{
    if (!path)
        return fail(err, 0, 0, "path is required", CLV_EINVAL);
    file_source *fs = clv_malloc(sizeof *fs);
    if (!fs)
        return fail(err, 0, 0, "out of memory", CLV_ENOMEM);
    fs->f = fopen(path, "rb");
    if (!fs->f) {
        clv_free(fs);
        return fail(err, 0, 0, "cannot open the file", CLV_EIO);
    }
    struct stat sb;
    fs->got = 0;
    fs->size = fstat(fileno(fs->f), &sb) == 0 && S_ISREG(sb.st_mode) ? (long long)sb.st_size : -1;
    r->refill = refill_file;
    r->source = fs;
    return CLV_OK;
}

static void close_file(reader *r)
{
    file_source *fs = r->source;
    fclose(fs->f);
    clv_free(fs);
}

clv_status clv_txlog_read_csv(const char *path, const clv_csv_options *opts,
                              clv_read_progress_fn progress, void *progress_data, clv_txlog **out,
                              clv_csv_error *err)
{
    clv_status st = check_args(opts, out, err);
    if (st != CLV_OK)
        return st;
    reader r = {0};
    r.progress = progress;
    r.progress_data = progress_data;
    if ((st = open_file(&r, path, err)) != CLV_OK)
        return st;
    st = read_log(&r, opts, out, err);
    close_file(&r);
    return st;
}

static clv_status stream_sink(void *ctx, const char *id, size_t id_len, double day, double amount)
{
    return clv_rfm_stream_add(ctx, id, id_len, day, amount, NULL);
}

clv_status clv_rfm_stream_read_csv(const char *path, const clv_csv_options *opts, clv_rfm_stream *s,
                                   clv_read_progress_fn progress, void *progress_data,
                                   clv_csv_error *err)
{
    clv_txlog *dummy = NULL; /* check_args wants an out pointer */
    clv_status st = check_args(opts, &dummy, err);
    if (st != CLV_OK)
        return st;
    if (!s)
        return fail(err, 0, 0, "stream is required", CLV_EINVAL);
    reader r = {0};
    r.progress = progress;
    r.progress_data = progress_data;
    if ((st = open_file(&r, path, err)) != CLV_OK)
        return st;
    st = read_each(&r, opts, stream_sink, s, err);
    close_file(&r);
    return st;
}
