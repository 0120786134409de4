--- clvkit.models: the predictive models in Lua -- ck.bgnbd, ck.mbgnbd,
-- ck.pnbd, ck.gg, ck.sbg, ck.bgbb (each with new and fit), ck.clv_predict,
-- ck.rfm (transaction logs and their summaries) and ck.cohort.  The C
-- binding (clvkit.core) does the work; this file only lets a summary stand
-- wherever customer data is asked.
local core = require "clvkit.core"
core.internal() -- errors point at the caller of this file's wrappers

local M = {}

local is_summary = core.is_summary -- summaries carry the C binding's metatable

--- transaction logs --------------------------------------------------------

local LOG_KEYS = { customer = true, date = true, amount = true, separator = true }
local SUMMARY_KEYS = { unit = true, calibration_end = true, holdout_end = true }
local READ_KEYS = { progress = true }

M.rfm = {}

--- ck.rfm.log{id = {...}, date = {...} [, amount = {...}]} -> log
function M.rfm.log(t)
  if type(t) ~= "table" then
    error(("bad argument #1 to 'rfm.log' (table expected, got %s)"):format(type(t)), 2)
  end
  return core.rfm_log(t) -- a tail call: errors point at the caller's line
end

--- ck.rfm.read_log(path, {customer = col, date = col [, amount = col, separator = ",",
---   progress = f]}) -> log | nil, message [, code]
function M.rfm.read_log(path, opts)
  return core.rfm_read_log(path, opts)
end

--- ck.rfm.summary(log, {unit = ..., calibration_end = date [, holdout_end = date]}) -> summary
function M.rfm.summary(log, opts)
  return core.rfm_summary(log, opts, "rfm.summary")
end

--- ck.rfm.read_csv(path, {customer, date, amount, separator, unit, calibration_end,
---                        holdout_end, progress}) -> summary | nil, message, code
--- The file is streamed into the summary: no log is built.
function M.rfm.read_csv(path, opts)
  if type(path) ~= "string" then
    error(("bad argument #1 to 'rfm.read_csv' (string expected, got %s)"):format(type(path)), 2)
  end
  if type(opts) ~= "table" then
    error(("bad argument #2 to 'rfm.read_csv' (table expected, got %s)"):format(type(opts)), 2)
  end
  for k in pairs(opts) do
    if not (LOG_KEYS[k] or SUMMARY_KEYS[k] or READ_KEYS[k]) then
      error(("bad argument #2 to 'rfm.read_csv' (unknown option '%s')"):format(tostring(k)), 2)
    end
  end
  return core.rfm_read_summary(path, opts)
end

--- model families ----------------------------------------------------------

-- a summary's column for each data field of a fit (core.fit_fields)
local SUMMARY_COLUMN = { m = "mean_value" }

local function family(kind)
  local f = {}

  --- ck.<kind>.new{param = value, ...[, unit = "week"]} -> model
  function f.new(params)
    if type(params) ~= "table" then
      error(("bad argument #1 to '%s.new' (table expected, got %s)"):format(kind, type(params)), 2)
    end
    return core.model_new(kind, params)
  end

  --- ck.<kind>.fit(summary | data [, options]) -> model | nil, message
  function f.fit(data, opts)
    if type(data) ~= "table" then
      error(("bad argument #1 to '%s.fit' (table expected, got %s)"):format(kind, type(data)), 2)
    end
    if is_summary(data) then
      local unit = data.unit
      local cols = {}
      for _, field in ipairs(core.fit_fields[kind]) do
        if field ~= "weight" then cols[field] = data[SUMMARY_COLUMN[field] or field] end
      end
      data = cols
      opts = opts or {}
      if opts.unit == nil then
        local o = {}
        for k, v in pairs(opts) do o[k] = v end
        o.unit = unit
        opts = o
      end
    end
    return core.model_fit(kind, data, opts)
  end

  return f
end

for _, kind in ipairs(core.model_kinds) do M[kind] = family(kind) end

--- cohorts -----------------------------------------------------------------

M.cohort = {}

--- ck.cohort.table(log, {period = "month" [, end = date]}) -> {period, cohorts = {...}}
function M.cohort.table(log, opts)
  return core.cohort_table(log, opts or {})
end

--- ck.cohort.early_value(log, {ages = {14, 182}, unit = "day" [, period = "month", end = date]})
function M.cohort.early_value(log, opts)
  return core.early_value(log, opts or {})
end

--- ck.clv_predict(model, gg, {horizon, discount, unit, margin,
---                            customers = summary | x, t_x, T, m})
---   -> a column over a summary's customers, a list for sequences, a number
function M.clv_predict(model, gg, opts)
  if type(opts) ~= "table" then
    error(("bad argument #3 to 'clv_predict' (table expected, got %s)"):format(type(opts)), 2)
  end
  local c = opts.customers
  if c ~= nil then
    if not is_summary(c) then
      error("bad argument #3 to 'clv_predict' (customers must be a summary from ck.rfm)", 2)
    end
    local o = {}
    for k, v in pairs(opts) do o[k] = v end
    o.customers = nil
    o.x, o.t_x, o.T, o.m = c.x, c.t_x, c.T, c.mean_value
    return core.clv_predict(model, gg, o, true) -- a column, one value per customer
  end
  return core.clv_predict(model, gg, opts)
end

return M
