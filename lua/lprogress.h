/*
 * lprogress.h -- internal to the Lua binding: the progress of its long
 * calls (fits, CSV reads, whole-base predictions).  Each shows a line on
 * stderr when stderr is a terminal and the call has run for a second, or
 * calls the caller's Lua function (option `progress`) instead.  The
 * function returning false stops the call (the core returns CLV_ENOCONV
 * and frees what it holds; the Lua function then returns nil, "name:
 * stopped by the progress function", code); an error raised in it is
 * raised again once the core has returned; Ctrl-C in the lua interpreter
 * (which sets a hook on SIGINT) stops the call at the next report.
 */
#ifndef CLVKIT_LPROGRESS_H
#define CLVKIT_LPROGRESS_H

#include <stddef.h>

#include "lua.h"

#include "clvkit/status.h"

typedef struct lprogress {
    const char *name;
    double start;
    int tty, shown;
    lua_State *L;
    int fn;        /* stack index of the Lua progress function, 0 none */
    lua_Hook hook; /* the hook when the call began */
    int outcome;   /* LPROGRESS_GOING, or why it stopped */
} lprogress;

/* Starts the progress of the call `name`; fn the stack index of the Lua
 * progress function (0: none). */
void lprogress_init(lprogress *p, lua_State *L, const char *name, int fn);

/* Field "progress" of the table at idx (argument #pos of fname): its stack
 * index when a function, 0 when absent; anything else raises. */
int lprogress_option(lua_State *L, const char *fname, int idx, int pos);

/* The core's callbacks (data: the lprogress).  A fit's (clv_progress_fn):
 * the Lua function gets (iteration, loglik or nil).  A whole-base
 * prediction's (clv_progress_fn, 1..8 and the share done): it gets
 * (share).  A read's (clv_read_progress_fn): it gets (rows, share of the
 * bytes or nil when the size is unknown). */
int lprogress_fit(void *data, size_t iteration, double loglik);
int lprogress_share(void *data, size_t step, double share);
int lprogress_read(void *data, size_t rows, double fraction);

/* After the core call: ends the terminal line; raises the error of the
 * progress function; for a stopped call pushes nil, message, code and
 * returns 3 (0 when it went on). */
int lprogress_end(lprogress *p, clv_status st);

#endif /* CLVKIT_LPROGRESS_H */
