/*
 * dates.c -- time units and calendar day numbers (rfm.h).
 *
 * Days count from 1970-01-01 in the proleptic Gregorian calendar, by
 * H. Hinnant's days_from_civil / civil_from_days algorithms (public
 * domain descriptions), which need no tables and no time zone.
 */
#include <math.h>
#include <string.h>

#include "clvkit/rfm.h"
#include "txlog/rfmint.h"

static const struct {
    const char *name, *plural;
    double days;
} units[] = {
    {"none", "none", NAN},        {"day", "days", 1},        {"week", "weeks", 7},
    {"month", "months", 30.4375}, {"year", "years", 365.25},
};

double clv_time_unit_days(clv_time_unit unit)
{
    return unit > CLV_UNIT_NONE && unit <= CLV_UNIT_YEAR ? units[unit].days : NAN;
}

const char *clv_time_unit_name(clv_time_unit unit)
{
    return unit > CLV_UNIT_NONE && unit <= CLV_UNIT_YEAR ? units[unit].name : "none";
}

clv_status clv_time_unit_parse(const char *name, clv_time_unit *out)
{
    if (out)
        *out = CLV_UNIT_NONE;
    if (!name || !out)
        return CLV_EINVAL;
    for (int u = CLV_UNIT_DAY; u <= CLV_UNIT_YEAR; u++)
        if (strcmp(name, units[u].name) == 0 || strcmp(name, units[u].plural) == 0) {
            *out = (clv_time_unit)u;
            return CLV_OK;
        }
    return CLV_EINVAL;
}

static int leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int clv_days_in_month(long y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : len[m - 1];
}

long clv_days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void clv_civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

clv_status clv_day_from_ymd(int year, int month, int day, double *out)
{
    if (!out)
        return CLV_EINVAL;
    *out = NAN;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > clv_days_in_month(year, month))
        return CLV_EDOM;
    *out = (double)clv_days_from_civil(year, month, day);
    return CLV_OK;
}

clv_status clv_day_to_ymd(double day, int *year, int *month, int *mday)
{
    if (!year || !month || !mday)
        return CLV_EINVAL;
    *year = *month = *mday = 0;
    if (!isfinite(day))
        return CLV_EINVAL;
    double f = floor(day);
    if (f < CLV_DAY_MIN || f > CLV_DAY_MAX)
        return CLV_EDOM;
    long y;
    clv_civil_from_days((long)f, &y, month, mday);
    *year = (int)y;
    return CLV_OK;
}

static int digits(const char *s, size_t n, long *v)
{
    long r = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        r = r * 10 + (s[i] - '0');
    }
    *v = r;
    return 1;
}

clv_status clv_day_parse(const char *text, size_t len, double *out)
{
    if (!out)
        return CLV_EINVAL;
    *out = NAN;
    if (!text)
        return CLV_EINVAL;
    long y, m, d;
    int ok;
    if (len == 10)
        ok = text[4] == '-' && text[7] == '-' && digits(text, 4, &y) && digits(text + 5, 2, &m) &&
             digits(text + 8, 2, &d);
    else if (len == 8)
        ok = digits(text, 4, &y) && digits(text + 4, 2, &m) && digits(text + 6, 2, &d);
    else
        ok = 0;
    if (!ok || clv_day_from_ymd((int)y, (int)m, (int)d, out) != CLV_OK) {
        *out = NAN;
        return CLV_EFORMAT;
    }
    return CLV_OK;
}

clv_status clv_day_from_serial(double serial, double *out)
{
    if (!out)
        return CLV_EINVAL;
    *out = NAN;
    if (!isfinite(serial))
        return CLV_EINVAL;
    double d = floor(serial) - CLV_SERIAL_DAY_1970;
    if (d < CLV_DAY_MIN || d > CLV_DAY_MAX)
        return CLV_EDOM;
    *out = d;
    return CLV_OK;
}

/* A YYYYMMDD number (20240131), as a spreadsheet cell or a Lua number holds
 * it: range-checked before any conversion to an integer. */
clv_status clv_day_from_number(double date, double *out)
{
    if (!out)
        return CLV_EINVAL;
    *out = NAN;
    if (!isfinite(date))
        return CLV_EINVAL;
    if (!(date >= 10000101 && date <= 99991231 && date == floor(date)))
        return CLV_EDOM;
    long y = (long)date;
    return clv_day_from_ymd((int)(y / 10000), (int)(y / 100 % 100), (int)(y % 100), out);
}
