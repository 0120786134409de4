/* pg_names.c -- the SQL face's reading of the description (pg_names.h). */
#include "pg_names.h"

#include <string.h>

/* The one SQL name that is not the row's: SQL overloads cac(). */
static const struct {
    const char *row, *sql;
} renamed[] = {{"cac_channels", "cac"}};

const char *clvpg_sql_name(const clv_func *f)
{
    for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
        if (strcmp(clv_func_name(f), renamed[i].row) == 0)
            return renamed[i].sql;
    return clv_func_name(f);
}

int clvpg_returns_text(const clv_func *f)
{
    clv_arg ret;
    clv_func_returns(f, &ret);
    return strcmp(ret.name, "segment") == 0;
}

const clv_func *clvpg_find_array(const char *name)
{
    for (size_t i = 0; i < clv_func_count(); i++) {
        const clv_func *f = clv_func_at(i);
        if (clv_func_group(f) == CLV_GROUP_ARRAY && strcmp(clvpg_sql_name(f), name) == 0)
            return f;
    }
    return NULL;
}

const clv_func *clvpg_find_prediction(const char *method, clv_model_kind kind, size_t nargs)
{
    for (size_t i = 0; i < clv_func_count(); i++) {
        const clv_func *f = clv_func_at(i);
        if (clv_func_group(f) == CLV_GROUP_PREDICT && clv_func_applies(f, kind) &&
            clv_func_nargs(f) == nargs && strcmp(clv_func_method(f), method) == 0)
            return f;
    }
    return NULL;
}

int clvpg_fit_shape_of(clv_model_kind kind, clvpg_fit_shape *out)
{
    const clv_func *f = clv_model_fit_func(kind);
    if (!f)
        return 0;
    clvpg_fit_shape s = {f, 0, {NULL}, 0};
    int weighted = 0;
    for (size_t i = 0; i < clv_func_nargs(f); i++) {
        clv_arg a;
        clv_func_arg(f, i, &a);
        if (a.shape == CLV_SHAPE_SEQUENCE && strcmp(a.name, "weight") == 0)
            weighted = 1;
        else if (a.shape == CLV_SHAPE_SEQUENCE && !weighted && s.width < CLVPG_MAX_COLUMNS)
            s.column[s.width++] = a.name;
        else if (a.shape == CLV_SHAPE_UNIT)
            s.has_unit = 1;
    }
    if (!weighted)
        return 0;
    *out = s;
    return 1;
}

clv_model_kind clvpg_kind_of_aggregate(const char *name)
{
    size_t len = strlen(name);
    char kind_name[32];
    clv_model_kind kind;
    if (len <= 4 || len - 4 >= sizeof kind_name || strcmp(name + len - 4, "_fit") != 0)
        return CLV_MODEL_NONE;
    memcpy(kind_name, name, len - 4);
    kind_name[len - 4] = '\0';
    return clv_model_kind_parse(kind_name, &kind) == CLV_OK ? kind : CLV_MODEL_NONE;
}
