-- Can I trust this model?  The CDNOW sample (2,357 customers who first
-- bought in early 1997) from calibration (to 1997-09-30, 39 weeks) through
-- the holdout (to 1998-06-30, 39 more) to a report comparing BG/NBD, MBG/NBD
-- and Pareto/NBD: the fits, the holdout errors, tracking and the pictures
-- (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
--   lua/clvkit-sweep examples/lua/holdout_cdnow.lua [path/to/btyd_cdnowElog.csv [out_dir]]
local ck = require "clvkit"

local path = arg and arg[1] or "tests/data/refdata/btyd_cdnowElog.csv"
local dir = arg and arg[2] or "."
local cols = { customer = "sampleid", date = "date", amount = "sales" }
local log = assert(ck.rfm.read_log(path, cols))
local s = log:summary { unit = "week", calibration_end = "1997-09-30", holdout_end = "1998-06-30" }
print(("%d customers; calibration to %s, holdout to %s, in weeks"):format(#s, s.calibration_end,
  s.holdout_end))

local MODELS = { { "bgnbd", "BG/NBD" }, { "mbgnbd", "MBG/NBD" }, { "pnbd", "Pareto/NBD" } }
local CALIBRATION_WEEKS = 39 -- 1997-01-01 .. 1997-09-30: where the tracking charts mark the holdout
local fits, track, counts, holdout = {}, {}, {}, {}
print("\nmodel       log-lik   holdout MAE   RMSE   expected  actual  error %  cum. wk 78 (actual 4339)")
for _, km in ipairs(MODELS) do
  local kind, label = km[1], km[2]
  local m = assert(ck[kind].fit(s))
  local tr = m:tracking(log)
  local h = m:holdout_by_frequency(s)
  fits[#fits + 1] = m
  track[#track + 1] = { label = label, result = tr }
  counts[#counts + 1] = { label = label, result = m:period_counts(s) }
  holdout[#holdout + 1] = { label = label, result = h }
  print(("%-10s %9.2f   %11.4f %6.4f %9.1f %7d %8.2f %10.1f"):format(label, m.loglik, h.mae, h.rmse,
    h.expected_total, h.actual_total, h.error_pct, tr.expected_cum[78]))
end

-- how sure: the expected holdout transactions of the whole cohort, 90 %
local bg = fits[1]
local iv = bg:interval("conditional_expected", { t = 39, x = s.x, t_x = s.t_x, T = s.T })
print(("\nBG/NBD holdout total %.0f, 90%% interval %.0f .. %.0f (delta method)"):format(iv.estimate,
  iv.lower, iv.upper))
-- discounted expected residual transactions at about 10 % a year (per week):
-- the cohort by Pareto/NBD's closed form, one customer by every model
local total = 0
for _, v in ipairs(fits[3]:dert(0.0019, s.x, s.t_x, s.T)) do total = total + v end
print(("Pareto/NBD DERT of the cohort at 10%% a year: %.0f discounted transactions"):format(total))
for i, km in ipairs(MODELS) do
  print(("  %-10s DERT of a customer with 2 repeats, last at week 30.43 of 38.86: %.3f")
    :format(km[2], fits[i]:dert(0.0019, 2, 30.43, 38.86)))
end

local pictures = {
  { "holdout_tracking_cumulative.svg", track, { what = "cumulative", boundary = CALIBRATION_WEEKS } },
  { "holdout_tracking_weekly.svg", track, { what = "incremental", boundary = CALIBRATION_WEEKS } },
  { "holdout_period_counts.svg", counts },
  { "holdout_by_frequency.svg", holdout },
  { "holdout_matrix_expected.svg", bg:matrix { T = 39, t = 39, freq = ck.range(0, 20), rec = ck.range(0, 39, 3) } },
  { "holdout_matrix_palive.svg", bg:matrix { what = "palive", T = 39, freq = ck.range(0, 20), rec = ck.range(0, 39, 3) } },
}
for _, p in ipairs(pictures) do
  assert(ck.diagnostics.write_svg(dir .. "/" .. p[1], p[2], p[3]))
end
print(("\nwrote %d pictures to %s"):format(#pictures, dir))
