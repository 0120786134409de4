/*
 * pg_sqlgen.c -- writes the extension's install script from the core's one
 * description (describe.h): a function per formula and per array function,
 * a function per prediction method, and an aggregate per model fitted on
 * customers; names, argument names and defaults come from the core, nowhere
 * else.  Then the hand-written parts given on the command line (the model
 * type, the RFM aggregate, discounted value), verbatim.
 *
 * usage: clvkit_pg_sqlgen OUT.sql [PART.sql ...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clvkit/catalog.h"
#include "clvkit/describe.h"
#include "pg_names.h"

static const char *const traits = "LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE";

/* A default as SQL reads it: the shortest text that gives back the double. */
static void write_number(FILE *out, double v)
{
    char text[40];
    for (int digits = 6; digits <= 17; digits++) {
        snprintf(text, sizeof text, "%.*g", digits, v);
        if (strtod(text, NULL) == v)
            break;
    }
    fputs(text, out);
}

static void write_formula(FILE *out, const clv_fn *f)
{
    fprintf(out, "CREATE FUNCTION %s(", clv_fn_name(f));
    for (size_t i = 0; i < clv_fn_nparams(f); i++) {
        fprintf(out, "%s\"%s\" float8", i ? ", " : "", clv_fn_param_name(f, i));
        if (i >= clv_fn_nrequired(f)) {
            fputs(" DEFAULT ", out);
            write_number(out, clv_fn_param_default(f, i));
        }
    }
    fprintf(out, ")\n  RETURNS float8 AS 'MODULE_PATHNAME', 'clvkit_formula' %s;\n\n", traits);
}

/* An array function: numbers are float8, sequences float8[], lengths are
 * the sequences' own. */
static void write_array(FILE *out, const clv_func *f)
{
    fprintf(out, "CREATE FUNCTION %s(", clvpg_sql_name(f));
    int first = 1;
    for (size_t i = 0; i < clv_func_nargs(f); i++) {
        clv_arg a;
        clv_func_arg(f, i, &a);
        if (a.shape == CLV_SHAPE_LENGTH)
            continue;
        fprintf(out, "%s\"%s\" %s", first ? "" : ", ", a.name,
                a.shape == CLV_SHAPE_SEQUENCE ? "float8[]" : "float8");
        if (a.optional) {
            fputs(" DEFAULT ", out);
            write_number(out, a.def);
        }
        first = 0;
    }
    clv_arg ret;
    clv_func_returns(f, &ret);
    fprintf(out, ")\n  RETURNS %s AS 'MODULE_PATHNAME', 'clvkit_array' %s;\n\n",
            clvpg_returns_text(f) ? "text" : "float8", traits);
}

/* A prediction method (once per method and arity, whatever the kinds):
 * model first, then the numbers of the first row that has it. */
static void write_predictions(FILE *out)
{
    for (size_t i = 0; i < clv_func_count(); i++) {
        const clv_func *f = clv_func_at(i);
        if (clv_func_group(f) != CLV_GROUP_PREDICT)
            continue;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++) {
            const clv_func *g = clv_func_at(j);
            seen = clv_func_group(g) == CLV_GROUP_PREDICT &&
                   strcmp(clv_func_method(g), clv_func_method(f)) == 0 &&
                   clv_func_nargs(g) == clv_func_nargs(f);
        }
        if (seen)
            continue;
        fprintf(out, "CREATE FUNCTION %s(model clv_model", clv_func_method(f));
        for (size_t k = 1; k < clv_func_nargs(f); k++) {
            clv_arg a;
            clv_func_arg(f, k, &a);
            fprintf(out, ", \"%s\" float8", a.name);
        }
        fprintf(out, ")\n  RETURNS float8 AS 'MODULE_PATHNAME', 'clvkit_predict' %s;\n\n", traits);
    }
}

/* The aggregates: one per kind fitted on customers (its fit weights them). */
static void write_fits(FILE *out)
{
    int declared[2 * CLVPG_MAX_COLUMNS + 2] = {0}; /* transition functions */
    for (size_t k = 1; k <= clv_model_kind_count(); k++) {
        clvpg_fit_shape s;
        if (!clvpg_fit_shape_of((clv_model_kind)k, &s))
            continue;
        for (int with_unit = 0; with_unit <= s.has_unit; with_unit++) {
            int *done = &declared[2 * s.width + with_unit];
            if (!*done) {
                fprintf(out, "CREATE FUNCTION clvkit_fit_add(internal");
                for (size_t j = 0; j < s.width; j++)
                    fputs(", float8", out);
                fprintf(out,
                        "%s) RETURNS internal\n  AS 'MODULE_PATHNAME', 'clvkit_fit_add' "
                        "LANGUAGE C IMMUTABLE PARALLEL SAFE;\n",
                        with_unit ? ", text" : "");
                *done = 1;
            }
            fprintf(out, "CREATE AGGREGATE %s_fit(", clv_model_name((clv_model_kind)k));
            for (size_t j = 0; j < s.width; j++)
                fprintf(out, "%s\"%s\" float8", j ? ", " : "", s.column[j]);
            fprintf(out,
                    "%s) (\n  SFUNC = clvkit_fit_add, STYPE = internal, "
                    "FINALFUNC = clvkit_fit_final,\n  COMBINEFUNC = clvkit_fit_combine, "
                    "SERIALFUNC = clvkit_fit_serialize,\n  DESERIALFUNC = "
                    "clvkit_fit_deserialize, PARALLEL = SAFE);\n\n",
                    with_unit ? ", unit text" : "");
        }
    }
}

static int append(FILE *out, const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        perror(path);
        return 1;
    }
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    int bad = ferror(in);
    fclose(in);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s OUT.sql [PART.sql ...]\n", argv[0]);
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    fprintf(out, "-- clvkit extension script, generated by clvkit_pg_sqlgen from the\n"
                 "-- core's description of its functions.\n"
                 "\\echo Use \"CREATE EXTENSION clvkit\" to load this file. \\quit\n\n");
    int bad = 0;
    for (int i = 2; i < argc; i++) /* the model type first: the rest use it */
        if (strstr(argv[i], "/types.sql"))
            bad |= append(out, argv[i]);
    fputs("-- The formulas.\n", out);
    for (size_t i = 0; i < clv_fn_count(); i++)
        write_formula(out, clv_fn_at(i));
    fputs("-- The functions over lists.\n", out);
    for (size_t i = 0; i < clv_func_count(); i++)
        if (clv_func_group(clv_func_at(i)) == CLV_GROUP_ARRAY)
            write_array(out, clv_func_at(i));
    fputs("-- Predictions, one function per method for every kind that has it.\n", out);
    write_predictions(out);
    fputs("-- Fits on customers, as aggregates over the core's tally.\n", out);
    fprintf(out,
            "CREATE FUNCTION clvkit_fit_combine(internal, internal) RETURNS internal\n"
            "  AS 'MODULE_PATHNAME', 'clvkit_fit_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;\n"
            "CREATE FUNCTION clvkit_fit_serialize(internal) RETURNS bytea\n"
            "  AS 'MODULE_PATHNAME', 'clvkit_fit_serialize' %s;\n"
            "CREATE FUNCTION clvkit_fit_deserialize(bytea, internal) RETURNS internal\n"
            "  AS 'MODULE_PATHNAME', 'clvkit_fit_deserialize' %s;\n"
            "CREATE FUNCTION clvkit_fit_final(internal) RETURNS clv_model\n"
            "  AS 'MODULE_PATHNAME', 'clvkit_fit_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;\n",
            traits, traits);
    write_fits(out);
    for (int i = 2; i < argc; i++)
        if (!strstr(argv[i], "/types.sql"))
            bad |= append(out, argv[i]);
    if (fclose(out) != 0 || bad) {
        remove(argv[1]);
        return 1;
    }
    return 0;
}
