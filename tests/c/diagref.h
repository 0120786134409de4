/*
 * diagref.h -- the independent figures of tests/independent_diag (computed
 * with mpmath from the papers' formulas by diag_reference.py, never from
 * clvkit), read as tables of numbers.  The directory comes from CMake
 * (CLV_DIAGREF); a missing file is a failure, never a skip.
 */
#ifndef CLVKIT_TEST_DIAGREF_H
#define CLVKIT_TEST_DIAGREF_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CLV_DIAGREF
#error "CLV_DIAGREF must name tests/independent_diag"
#endif

#define DIAGREF_ROWS 200
#define DIAGREF_COLS 8

/* Rows of a CSV after its header; text fields (model names) are kept in
 * word[][], numbers in v[][] (NaN for text). */
typedef struct {
    size_t rows, cols;
    double v[DIAGREF_ROWS][DIAGREF_COLS];
    char word[DIAGREF_ROWS][DIAGREF_COLS][16];
} diagref;

static inline void diagref_load(const char *name, diagref *t)
{
    char path[4096], line[1024];
    snprintf(path, sizeof path, "%s/%s", CLV_DIAGREF, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "FATAL: independent figures %s not found\n", path);
        exit(2);
    }
    memset(t, 0, sizeof *t);
    if (!fgets(line, sizeof line, f))
        exit(2);
    while (t->rows < DIAGREF_ROWS && fgets(line, sizeof line, f)) {
        size_t c = 0;
        for (char *tok = strtok(line, ",\n"); tok && c < DIAGREF_COLS;
             tok = strtok(NULL, ",\n"), c++) {
            char *end;
            t->v[t->rows][c] = strtod(tok, &end);
            if (end == tok)
                t->v[t->rows][c] = 0.0 / 0.0;
            snprintf(t->word[t->rows][c], 16, "%s", tok);
        }
        t->cols = c;
        t->rows++;
    }
    fclose(f);
}

#endif /* CLVKIT_TEST_DIAGREF_H */
