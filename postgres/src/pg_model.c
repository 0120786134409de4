/*
 * pg_model.c -- the clv_model type's text and binary forms, and what SQL
 * reads off a model: param(), stderr(), loglik(), customers(), kind().
 * Names of kinds and parameters come from the core; numbers are written
 * and read as PostgreSQL's float8 does (shortest exact text, locale-proof).
 */
#include "pg_model.h"

#include <math.h>

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "pg_errors.h"

PG_FUNCTION_INFO_V1(clvkit_model_in);
PG_FUNCTION_INFO_V1(clvkit_model_out);
PG_FUNCTION_INFO_V1(clvkit_model_recv);
PG_FUNCTION_INFO_V1(clvkit_model_send);
PG_FUNCTION_INFO_V1(clvkit_model_param);
PG_FUNCTION_INFO_V1(clvkit_model_stderr);
PG_FUNCTION_INFO_V1(clvkit_model_loglik);
PG_FUNCTION_INFO_V1(clvkit_model_customers);
PG_FUNCTION_INFO_V1(clvkit_model_kind);

clvpg_model *clvpg_model_make(const clv_model *m, const clv_fit_info *info)
{
    clvpg_model *out = palloc0(sizeof *out);
    out->kind = (int32)m->kind;
    out->unit = (int32)m->unit;
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++) {
        out->param[i] = (size_t)i < clv_model_nparams(m->kind) ? m->param[i] : 0;
        out->se[i] = info && (size_t)i < clv_model_nparams(m->kind) ? info->se[i] : NAN;
    }
    out->loglik = info ? info->loglik : NAN;
    out->customers = info ? info->weight : NAN;
    return out;
}

clv_model clvpg_model_core(const clvpg_model *m)
{
    clv_model c = {(clv_model_kind)m->kind, {0}, (clv_time_unit)m->unit};
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        c.param[i] = m->param[i];
    return c;
}

/* ---- text ---------------------------------------------------------------- */

static void bad_text(const char *text, const char *why)
{
    ereport(ERROR, (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("invalid input syntax for type clv_model: \"%s\"", text),
                    errdetail("%s", why)));
}

/* Index of a field name: 0..np-1 a parameter, np+i se_<parameter i>,
 * then loglik, customers, unit; -1 unknown. */
static int field_index(clv_model_kind kind, const char *name, size_t len)
{
    size_t np = clv_model_nparams(kind);
    for (size_t i = 0; i < np; i++) {
        const char *p = clv_model_param_name(kind, i);
        if (strlen(p) == len && strncmp(p, name, len) == 0)
            return (int)i;
        if (len == strlen(p) + 3 && strncmp(name, "se_", 3) == 0 &&
            strncmp(name + 3, p, len - 3) == 0)
            return (int)(np + i);
    }
    static const char *const extra[] = {"loglik", "customers", "unit"};
    for (int e = 0; e < 3; e++)
        if (strlen(extra[e]) == len && strncmp(extra[e], name, len) == 0)
            return (int)(2 * np) + e;
    return -1;
}

Datum clvkit_model_in(PG_FUNCTION_ARGS)
{
    char *text = PG_GETARG_CSTRING(0);
    char *s = text;
    clvpg_model *m = palloc0(sizeof *m);
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        m->se[i] = NAN;
    m->loglik = m->customers = NAN;

    while (isspace((unsigned char)*s))
        s++;
    char *name = s;
    while (isalpha((unsigned char)*s))
        s++;
    char kind_name[16];
    if (s == name || s - name >= (long)sizeof kind_name || *s != '(')
        bad_text(text,
                 "expected a model name and \"(\", e.g. bgnbd(r=0.24, alpha=4.4, a=0.79, b=2.4)");
    memcpy(kind_name, name, (size_t)(s - name));
    kind_name[s - name] = '\0';
    clv_model_kind kind;
    if (clv_model_kind_parse(kind_name, &kind) != CLV_OK)
        bad_text(text, "unknown model name");
    m->kind = (int32)kind;
    size_t np = clv_model_nparams(kind);
    int seen[2 * CLV_MODEL_MAXPARAMS + 3] = {0};

    s++;
    for (;;) {
        while (isspace((unsigned char)*s))
            s++;
        if (*s == ')')
            break;
        char *key = s;
        while (isalnum((unsigned char)*s) || *s == '_')
            s++;
        size_t klen = (size_t)(s - key);
        while (isspace((unsigned char)*s))
            s++;
        if (*s != '=')
            bad_text(text, "expected name=value");
        int f = field_index(kind, key, klen);
        if (f < 0)
            bad_text(text, psprintf("unknown field \"%.*s\"", (int)klen, key));
        if (seen[f]++)
            bad_text(text, psprintf("field \"%.*s\" given twice", (int)klen, key));
        s++;
        while (isspace((unsigned char)*s))
            s++;
        if (f == (int)(2 * np) + 2) {
            char *u = s;
            while (isalpha((unsigned char)*s))
                s++;
            clv_time_unit unit;
            char *word = pnstrdup(u, (Size)(s - u));
            if (clv_time_unit_parse(word, &unit) != CLV_OK)
                bad_text(text, "unit must be day, week, month or year");
            m->unit = (int32)unit;
        } else {
            double v = float8in_internal(s, &s, "clv_model", text);
            if ((size_t)f < np)
                m->param[f] = v;
            else if ((size_t)f < 2 * np)
                m->se[f - np] = v;
            else if (f == (int)(2 * np))
                m->loglik = v;
            else
                m->customers = v;
        }
        while (isspace((unsigned char)*s))
            s++;
        if (*s == ',')
            s++;
        else if (*s != ')')
            bad_text(text, "expected \",\" or \")\"");
    }
    for (s++; isspace((unsigned char)*s); s++)
        ;
    if (*s)
        bad_text(text, "text after \")\"");
    for (size_t i = 0; i < np; i++)
        if (!seen[i])
            bad_text(text, psprintf("parameter %s is missing", clv_model_param_name(kind, i)));
    clv_model core = clvpg_model_core(m);
    clv_fault fault = {CLV_FAULT_NONE, CLV_FAULT_NONE, NULL};
    clv_status st = clv_model_check(&core, &fault);
    if (st != CLV_OK) {
        int named = fault.element < np;
        clvpg_fail("clv_model", st, named ? clv_model_param_name(kind, fault.element) : NULL,
                   CLV_FAULT_NONE, fault.reason, named, named ? m->param[fault.element] : 0);
    }
    PG_RETURN_POINTER(m);
}

static void append_number(StringInfo buf, const char *key, double v)
{
    appendStringInfo(buf, ", %s=%s", key, float8out_internal(v));
}

Datum clvkit_model_out(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    clv_model_kind kind = (clv_model_kind)m->kind;
    size_t np = clv_model_nparams(kind);
    StringInfoData buf;
    initStringInfo(&buf);
    appendStringInfo(&buf, "%s(", clv_model_name(kind));
    for (size_t i = 0; i < np; i++)
        appendStringInfo(&buf, "%s%s=%s", i ? ", " : "", clv_model_param_name(kind, i),
                         float8out_internal(m->param[i]));
    if (!isnan(m->loglik))
        append_number(&buf, "loglik", m->loglik);
    if (!isnan(m->customers))
        append_number(&buf, "customers", m->customers);
    if (m->unit != CLV_UNIT_NONE)
        appendStringInfo(&buf, ", unit=%s", clv_time_unit_name((clv_time_unit)m->unit));
    for (size_t i = 0; i < np; i++)
        if (!isnan(m->se[i]))
            append_number(&buf, psprintf("se_%s", clv_model_param_name(kind, i)), m->se[i]);
    appendStringInfoChar(&buf, ')');
    PG_RETURN_CSTRING(buf.data);
}

/* ---- binary -------------------------------------------------------------- */

Datum clvkit_model_recv(PG_FUNCTION_ARGS)
{
    StringInfo in = (StringInfo)PG_GETARG_POINTER(0);
    clvpg_model *m = palloc0(sizeof *m);
    m->kind = pq_getmsgint(in, 4);
    m->unit = pq_getmsgint(in, 4);
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        m->param[i] = pq_getmsgfloat8(in);
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        m->se[i] = pq_getmsgfloat8(in);
    m->loglik = pq_getmsgfloat8(in);
    m->customers = pq_getmsgfloat8(in);
    clv_model core = clvpg_model_core(m);
    if (clv_model_check(&core, NULL) != CLV_OK ||
        (m->unit != CLV_UNIT_NONE && !isfinite(clv_time_unit_days((clv_time_unit)m->unit))))
        ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                        errmsg("invalid binary clv_model")));
    PG_RETURN_POINTER(m);
}

Datum clvkit_model_send(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendint32(&buf, (uint32)m->kind);
    pq_sendint32(&buf, (uint32)m->unit);
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        pq_sendfloat8(&buf, m->param[i]);
    for (int i = 0; i < CLV_MODEL_MAXPARAMS; i++)
        pq_sendfloat8(&buf, m->se[i]);
    pq_sendfloat8(&buf, m->loglik);
    pq_sendfloat8(&buf, m->customers);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- reading a model ----------------------------------------------------- */

/* Index of the parameter called `name`, or an error naming the choices. */
static size_t param_index(const char *fn, const clvpg_model *m, text *name)
{
    char *want = text_to_cstring(name);
    clv_model_kind kind = (clv_model_kind)m->kind;
    StringInfoData choices;
    initStringInfo(&choices);
    for (size_t i = 0; i < clv_model_nparams(kind); i++) {
        if (strcmp(clv_model_param_name(kind, i), want) == 0)
            return i;
        appendStringInfo(&choices, "%s%s", i ? ", " : "", clv_model_param_name(kind, i));
    }
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("%s: name must be a parameter of %s (%s), got \"%s\"", fn,
                           clv_model_name(kind), choices.data, want)));
    pg_unreachable();
}

Datum clvkit_model_param(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    PG_RETURN_FLOAT8(m->param[param_index("param", m, PG_GETARG_TEXT_PP(1))]);
}

Datum clvkit_model_stderr(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    double se = m->se[param_index("stderr", m, PG_GETARG_TEXT_PP(1))];
    if (isnan(se))
        PG_RETURN_NULL(); /* a model typed in, not fitted */
    PG_RETURN_FLOAT8(se);
}

Datum clvkit_model_loglik(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    if (isnan(m->loglik))
        PG_RETURN_NULL();
    PG_RETURN_FLOAT8(m->loglik);
}

Datum clvkit_model_customers(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    if (isnan(m->customers))
        PG_RETURN_NULL();
    PG_RETURN_FLOAT8(m->customers);
}

Datum clvkit_model_kind(PG_FUNCTION_ARGS)
{
    const clvpg_model *m = PG_GETARG_CLVMODEL(0);
    PG_RETURN_TEXT_P(cstring_to_text(clv_model_name((clv_model_kind)m->kind)));
}
