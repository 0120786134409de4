--- clvkit.diagnostics: pictures of a model against its data (ck.diagnostics).
-- The numbers come from the model methods m:tracking, m:period_counts,
-- m:holdout_by_frequency and m:matrix (C, lua/ldiagnostics.c); this file
-- only draws them as SVG (clvkit.svg) and writes the file the way the
-- sweeps do (a temporary file renamed, errors naming the path).
local svg = require "clvkit.svg"
local sweep = require "clvkit.sweep"

local M = {}

local function argerror(n, msg)
  error(("bad argument #%d to 'diagnostics.write_svg' (%s)"):format(n, msg), 3)
end

local OPTIONS = { what = true, boundary = true, title = true, width = true, height = true }

-- a result, or a list of {label = text, result = result} (models compared)
local function entries(r)
  if type(r) ~= "table" then argerror(2, "table expected, got " .. type(r)) end
  if r[1] == nil then return { { label = "expected", result = r } } end
  for i, e in ipairs(r) do
    if type(e) ~= "table" or type(e.label) ~= "string" or type(e.result) ~= "table" then
      argerror(2, ("entry %d must be {label = text, result = a diagnostic}"):format(i))
    end
  end
  return r
end

local function unit_of(r) return r.unit and (r.unit .. "s") or "model's unit" end

local function tracking(list, o)
  local first = list[1].result
  local cumulative = (o.what or "cumulative") == "cumulative"
  if o.what and o.what ~= "cumulative" and o.what ~= "incremental" then
    argerror(3, 'what must be "cumulative" or "incremental"')
  end
  local key = cumulative and "_cum" or ""
  local series = { { label = "actual", values = first["actual" .. key] } }
  for _, e in ipairs(list) do
    series[#series + 1] = { label = e.label, values = e.result["expected" .. key], dash = true }
  end
  local unit = first.unit or "period"
  return svg.series {
    xs = first.period, series = series, width = o.width, height = o.height,
    xlabel = ("%s since %s"):format(unit, first.origin or "the origin"),
    ylabel = cumulative and "cumulative repeat transactions" or ("repeat transactions per " .. unit),
    title = o.title or (cumulative and "Cumulative repeat transactions: actual and expected"
      or ("%s repeat transactions: actual and expected"):format(unit == "week" and "Weekly" or "Per-period")),
    marker = o.boundary and { x = o.boundary, label = "end of calibration" },
  }
end

local function bars(list, o, actual, expected, ylabel, title, xlabel)
  local first = list[1].result
  local series = { { label = "actual", values = first[actual] } }
  for _, e in ipairs(list) do series[#series + 1] = { label = e.label, values = e.result[expected] } end
  return svg.bars { groups = first.label, series = series, width = o.width, height = o.height,
                    xlabel = xlabel, ylabel = ylabel, title = o.title or title }
end

local function matrix(list, o)
  if #list > 1 then argerror(2, "one matrix at a time") end
  local r = list[1].result
  local cells = {}
  for i = 1, #r.freq do
    for j = 1, #r.rec do cells[#cells + 1] = { idx = { i, j }, value = r.values[i][j] } end
  end
  local palive = r.what == "palive"
  return svg.heatmap {
    xs = r.freq, ys = r.rec, kx = 1, ky = 2, cells = cells, width = o.width, height = o.height,
    xlabel = "frequency (repeat transactions)",
    ylabel = ("recency (%s)"):format(unit_of(r)),
    zlabel = palive and "P(alive)" or "E[Y]",
    title = o.title or (palive and ("P(alive) at age %g %s"):format(r.T, unit_of(r))
      or ("Expected transactions in the next %g %s, at age %g"):format(r.t or 1, unit_of(r), r.T)),
  }
end

--- ck.diagnostics.write_svg(path, result | {{label =, result =}, ...},
---   {what = "cumulative" | "incremental", boundary = period, title, width,
---    height}) -> true | nil, message
function M.write_svg(path, result, opts)
  if type(path) ~= "string" then argerror(1, "string expected, got " .. type(path)) end
  local list = entries(result)
  opts = opts or {}
  if type(opts) ~= "table" then argerror(3, "table expected, got " .. type(opts)) end
  for k in pairs(opts) do
    if not OPTIONS[k] then argerror(3, ("unknown option '%s'"):format(tostring(k))) end
  end
  for _, k in ipairs { "width", "height" } do
    local v = opts[k]
    if v ~= nil and not (math.type(v) == "integer" and v >= 100 and v <= 20000) then
      argerror(3, ("%s must be a whole number of pixels from 100 to 20000"):format(k))
    end
  end
  if opts.boundary ~= nil and not (type(opts.boundary) == "number" and opts.boundary == opts.boundary
                                   and math.abs(opts.boundary) < math.huge) then
    argerror(3, "boundary must be a finite number (the period where calibration ends)")
  end
  if opts.title ~= nil and type(opts.title) ~= "string" then argerror(3, "title must be a string") end
  local first = list[1].result
  local doc
  if first.actual_cum then
    doc = tracking(list, opts)
  elseif first.values then
    doc = matrix(list, opts)
  elseif first.count then
    doc = bars(list, opts, "actual", "expected", "mean holdout transactions",
               "Holdout transactions by calibration frequency", "repeat transactions in calibration")
  elseif first.group then
    doc = bars(list, opts, "actual", "expected", "customers",
               "Customers by repeat transactions in calibration", "repeat transactions in calibration")
  else
    argerror(2, "not a diagnostic (m:tracking, m:period_counts, m:holdout_by_frequency or m:matrix)")
  end
  return sweep.write_atomically(path, function(f) return f:write(doc) end)
end

return M
