/*
 * clvkit/clvkit.h -- everything public in clvkit.  Include this one header.
 *
 *   version.h    version macros and clv_version_number()
 *   status.h     clv_status, clv_strerror(), clv_fault
 *   economics.h  the unit-economics formulas (CLV, CAC, budgets, segments)
 *   catalog.h    the scalar formulas as data, and grid sweeps
 *   stats.h      summaries, quantiles and axes for sweeps
 *   rfm.h        time units, days, transaction logs, CSV, RFM summaries
 *   models.h     BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, discounted CLV
 *   retention.h  sBG, BG/BB, cohort tables, early value
 *   describe.h   one description of every public function, for the faces
 */
#ifndef CLVKIT_CLVKIT_H
#define CLVKIT_CLVKIT_H

#include "clvkit/version.h"
#include "clvkit/status.h"
#include "clvkit/economics.h"
#include "clvkit/catalog.h"
#include "clvkit/stats.h"
#include "clvkit/rfm.h"
#include "clvkit/models.h"
#include "clvkit/retention.h"
#include "clvkit/tally.h"
#include "clvkit/describe.h"
#include "clvkit/diagnostics.h"
#include "clvkit/intervals.h"

#endif /* CLVKIT_CLVKIT_H */
