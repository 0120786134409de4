/*
 * test_io.c -- the CSV file reader when the file system misbehaves
 * (issue 10): a missing file, a directory, an unreadable file (read as
 * user nobody when the test runs as root, who reads anything), a 0-byte file, no trailing newline,
 * and a file that shrinks while it is read.  Each ends in a status and a
 * reason, never a crash and never a silently shorter log.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp, truncate */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clvkit/clvkit.h"

#include "check.h"

static char dir[] = "/tmp/clvkit_test_io_XXXXXX";
static const clv_csv_options opts = {"id", "date", "amount", ','};

static const char *path_of(const char *name)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static void write_file(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "FATAL: cannot write %s\n", path);
        exit(2);
    }
}

/* Reads path; the status, with log NULL on failure and a reason given. */
static clv_status read_path(const char *path, size_t *rows)
{
    static char not_a_log;
    clv_txlog *log = (clv_txlog *)(void *)&not_a_log; /* must be reset on failure */
    clv_csv_error err = {0, 0, NULL};
    clv_status st = clv_txlog_read_csv(path, &opts, NULL, NULL, &log, &err);
    *rows = log && st == CLV_OK ? clv_txlog_rows(log) : 0;
    if (st != CLV_OK)
        CHECK("failure: no log, a reason", log == NULL && err.reason);
    clv_txlog_free(log);
    return st;
}

static void simple_cases(void)
{
    size_t rows;
    CHECK_STATUS("missing file", read_path(path_of("nope.csv"), &rows), CLV_EIO);
    CHECK_STATUS("a directory", read_path(dir, &rows), CLV_EIO);
    write_file(path_of("empty.csv"), "", 0);
    CHECK_STATUS("0-byte file", read_path(path_of("empty.csv"), &rows), CLV_EFORMAT);
    static const char last[] = "id,date,amount\na,1997-01-01,1\nb,19970102,2.5";
    write_file(path_of("last.csv"), last, sizeof last - 1);
    CHECK_STATUS("no trailing newline", read_path(path_of("last.csv"), &rows), CLV_OK);
    CHECK("no trailing newline: both rows", rows == 2);
}

/* Root reads a mode-000 file anyway: as root, the read runs in a child
 * that has become user nobody first. */
static void unreadable(void)
{
    static const char text[] = "id,date,amount\na,1997-01-01,1\n";
    write_file(path_of("secret.csv"), text, sizeof text - 1);
    chmod(path_of("secret.csv"), 0);
    size_t rows;
    if (geteuid() != 0) {
        CHECK_STATUS("unreadable file", read_path(path_of("secret.csv"), &rows), CLV_EIO);
    } else {
        chmod(dir, 0755);
        pid_t pid = fork();
        if (pid == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(100);
            _exit((int)read_path(path_of("secret.csv"), &rows));
        }
        int ws = 0;
        waitpid(pid, &ws, 0);
        CHECK("unreadable file (as nobody): CLV_EIO", WIFEXITED(ws) && WEXITSTATUS(ws) == CLV_EIO);
    }
    remove(path_of("secret.csv"));
}

/* A file cut short while the reader is in it: the reader must not return
 * a shorter log as if it were the whole file.  A thread truncates the file
 * while the main thread reads it; when the truncation lands before the
 * open the file is simply smaller and its last line broken (CLV_EFORMAT);
 * an OK read holds every row, never a part. */
#define BIG_ROWS 400000
#define CUT_ROWS 1000
#define HEADER "id,date,amount\n"
#define LINE "customer%06d,1997-01-01,123.45\n"
#define LINE_LEN 33 /* bytes of one LINE */

static void *truncate_soon(void *arg)
{
    (void)arg;
    nanosleep(&(struct timespec){0, 2000000}, NULL);
    if (truncate(path_of("shrinks.csv"), (off_t)(sizeof HEADER - 1 + CUT_ROWS * LINE_LEN + 7)) != 0)
        perror("truncate");
    return NULL;
}

static void shrinks(void)
{
    int cut_mid_read = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
        FILE *f = fopen(path_of("shrinks.csv"), "wb");
        fputs(HEADER, f);
        for (int i = 0; i < BIG_ROWS; i++)
            fprintf(f, LINE, i);
        fclose(f);
        pthread_t th;
        pthread_create(&th, NULL, truncate_soon, NULL);
        size_t rows;
        clv_status st = read_path(path_of("shrinks.csv"), &rows);
        pthread_join(th, NULL);
        if (st == CLV_EIO)
            cut_mid_read++;
        else if (st == CLV_OK)
            CHECK("a shrinking file reads whole or fails", rows == BIG_ROWS);
        else
            /* cut before the open: the last line is "custome" */
            CHECK_STATUS("a file cut before the open", st, CLV_EFORMAT);
    }
    printf("shrinking file: %d of 4 reads cut mid-read, each CLV_EIO\n", cut_mid_read);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    simple_cases();
    unreadable();
    shrinks();
    remove(path_of("empty.csv"));
    remove(path_of("last.csv"));
    remove(path_of("shrinks.csv"));
    rmdir(dir);
    return check_report("test_io");
}
