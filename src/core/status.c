/*
 * status.c -- status texts and the library's version.
 */
#include "clvkit/status.h"
#include "clvkit/version.h"

const char *clv_strerror(clv_status status)
{
    switch (status) {
    case CLV_OK:
        return "success";
    case CLV_EINVAL:
        return "invalid argument";
    case CLV_EDOM:
        return "argument outside the function's domain";
    case CLV_ERANGE:
        return "result out of range";
    case CLV_ENOCONV:
        return "does not converge";
    case CLV_ENOMEM:
        return "out of memory";
    case CLV_EIO:
        return "input/output error";
    case CLV_EFORMAT:
        return "malformed input data";
    case CLV_ELOSS:
        return "accuracy cannot be guaranteed";
    }
    return "unknown status";
}

int clv_version_number(void)
{
    return CLV_VERSION_NUMBER;
}

const char *clv_version(void)
{
    return CLV_VERSION;
}
