-- diagnostics_spec.lua: the model methods m:tracking, m:period_counts,
-- m:holdout_by_frequency, m:matrix, m:dert and m:interval on CDNOW, against
-- BTYD's published tracking (2,457 and 4,339 cumulative repeat transactions
-- at weeks 39 and 78), FHL 2005's period counts and the independent mpmath
-- figures of tests/independent_diag (never clvkit's own output); errors
-- naming the argument; the SVG pictures written safely.
local ck = require "clvkit"
local ref = dofile(debug.getinfo(1, "S").source:match("@(.*/)") .. "refdata.lua")

local DIAG = (os.getenv("CLVKIT_SOURCE_DIR") or "../..") .. "/tests/independent_diag"

-- a CSV of tests/independent_diag as rows of fields (numbers where they parse)
local function rows(name)
  local f = assert(io.open(DIAG .. "/" .. name), "missing independent figures " .. name)
  f:read("l")
  local out = {}
  for line in f:lines() do
    local r = {}
    for v in line:gmatch("[^,]+") do r[#r + 1] = tonumber(v) or v end
    out[#out + 1] = r
  end
  f:close()
  return out
end

-- the exact maximum-likelihood parameters the independent figures use
-- (tests/independent_diag/diag_reference.py, tests/c/diag_models.h)
local MODELS = {
  bgnbd = ck.bgnbd.new { r = 0.2425945, alpha = 4.4136022, a = 0.7929219, b = 2.4259063, unit = "week" },
  mbgnbd = ck.mbgnbd.new { r = 0.5248432, alpha = 6.1830852, a = 0.8913593, b = 1.6140020, unit = "week" },
  pnbd = ck.pnbd.new { r = 0.5532771, alpha = 10.5776841, s = 0.6062402, beta = 11.6687412, unit = "week" },
}
local ORDER = { "bgnbd", "mbgnbd", "pnbd" }

local log = assert(ck.rfm.read_log(ref.dir .. "/btyd_cdnowElog.csv",
  { customer = "sampleid", date = "date", amount = "sales" }))
local s = log:summary { unit = "week", calibration_end = "1997-09-30", holdout_end = "1998-06-30" }

describe("m:tracking", function()
  local want = rows("tracking.csv")
  for k, kind in ipairs(ORDER) do
    it(kind .. ": expected cumulative repeat transactions = mpmath, actual = BTYD", function()
      local tr = MODELS[kind]:tracking(log)
      assert.are.equal(78, #tr.period)
      assert.are.equal(2357, tr.customers)
      assert.are.equal("1997-01-01", tr.origin)
      assert.are.equal(2457, tr.actual_cum[39])
      assert.are.equal(4339, tr.actual_cum[78])
      local sum = 0
      for w = 1, 78 do
        ref.near(want[w][1 + k], tr.expected_cum[w], 1e-9)
        sum = sum + tr.expected[w]
      end
      ref.near(tr.expected_cum[78], sum, 1e-12)
    end)
  end
  it("options: two-week periods give every other weekly figure", function()
    local weekly, biweekly = MODELS.bgnbd:tracking(log), MODELS.bgnbd:tracking(log, { period = 2 })
    assert.are.equal(39, #biweekly.period)
    ref.near(weekly.expected_cum[78], biweekly.expected_cum[39], 1e-12)
  end)
  it("errors name the argument", function()
    local m = MODELS.bgnbd
    assert.has_error(function() m:tracking(log, { period = 0 }) end,
      "bad argument #2 to 'tracking' (period must be > 0, got 0)")
    assert.has_error(function() m:tracking(log, { origin = "1997-01-02" }) end)
    assert.has_error(function() m:tracking(log, { nope = 1 }) end,
      "bad argument #2 to 'tracking' (unknown argument 'nope')")
    assert.has_error(function() m:tracking({}) end)
    assert.has_error(function() ck.bgnbd.new { r = 1, alpha = 1, a = 1, b = 1 }:tracking(log) end)
  end)
end)

describe("m:period_counts", function()
  local want = rows("period_counts.csv")
  local fhl = { 1411, 439, 214, 100, 62, 38, 29, 64 } -- FHL 2005 Figure 1
  for k, kind in ipairs(ORDER) do
    it(kind .. ": actual = FHL 2005, expected = mpmath", function()
      local pc = MODELS[kind]:period_counts(s)
      assert.are.same({ "0", "1", "2", "3", "4", "5", "6", "7+" }, pc.label)
      for g = 1, 8 do
        assert.are.equal(fhl[g], pc.actual[g])
        ref.near(want[g][1 + k], pc.expected[g], 1e-9)
      end
    end)
  end
  it("errors name the column and row", function()
    assert.has_error(function() MODELS.bgnbd:period_counts { x = { 1, 2 }, T = { 3, -1 } } end,
      "bad argument #1 to 'period_counts' (T[2] must be >= 0, got -1)")
    assert.has_error(function() MODELS.bgnbd:period_counts({ x = { 1 }, T = { 3 } }, { top = 0 }) end)
    assert.has_error(function() MODELS.bgnbd:period_counts { x = { 1 } } end,
      "bad argument #1 to 'period_counts' (missing 'T')")
  end)
end)

describe("m:holdout_by_frequency", function()
  local want = rows("holdout.csv")
  for k, kind in ipairs(ORDER) do
    it(kind .. ": groups, means and errors = mpmath", function()
      local h = MODELS[kind]:holdout_by_frequency(s) -- t = 39 weeks from the summary
      ref.near(39, h.t, 1e-12)
      local r0 = 13 * (k - 1)
      for g = 1, 8 do
        assert.are.equal(want[r0 + g][3], h.count[g])
        ref.near(want[r0 + g][4], h.actual[g], 1e-12)
        ref.near(want[r0 + g][5], h.expected[g], 1e-9)
      end
      ref.near(want[r0 + 9][5], h.mae, 1e-9)
      ref.near(want[r0 + 10][5], h.rmse, 1e-9)
      assert.are.equal(1882, h.actual_total)
      ref.near(want[r0 + 12][5], h.expected_total, 1e-9)
      ref.near(want[r0 + 13][5], h.error_pct, 1e-8)
    end)
  end
  it("errors name the argument", function()
    assert.has_error(function() MODELS.pnbd:holdout_by_frequency(s, { t = 0 }) end,
      "bad argument #2 to 'holdout_by_frequency' (t must be > 0, got 0)")
    assert.has_error(function()
      MODELS.pnbd:holdout_by_frequency({ x = { 1 }, t_x = { 2 }, T = { 3 }, x_holdout = { 0.5 } }, { t = 1 })
    end, "bad argument #1 to 'holdout_by_frequency' (x_holdout[1] must be a whole number >= 0, got 0.5)")
    assert.has_error(function() MODELS.pnbd:holdout_by_frequency { x = { 1 }, t_x = { 2 }, T = { 3 }, x_holdout = { 0 } } end)
  end)
end)

describe("m:dert", function()
  it("every model against the independent integral, to 1e-7", function()
    for _, r in ipairs(rows("dert.csv")) do
      local kind, delta, x, t_x, T, integral = table.unpack(r)
      ref.near(integral, MODELS[kind]:dert(delta, x, t_x, T), 1e-7)
    end
  end)
  it("sequences give one value each; errors name the argument", function()
    local v = MODELS.pnbd:dert(0.0019, { 0, 2 }, { 0, 30.43 }, 38.86)
    assert.are.equal(2, #v)
    assert.has_error(function() MODELS.bgnbd:dert(0, 2, 3, 4) end,
      "bad argument #1 to 'dert' (delta must be > 0, got 0)")
    assert.has_error(function() MODELS.bgnbd:dert(0.01, 2, 5, 4) end)
  end)
end)

describe("m:matrix", function()
  it("cells are the predictions at frequency and recency", function()
    local m = MODELS.bgnbd
    local mx = m:matrix { what = "palive", T = 39, freq = { 0, 2 }, rec = { 0, 20, 39 } }
    assert.are.same({ 0, 2 }, mx.freq)
    -- frequency 0 has no recency: every cell is the value at t_x = 0
    for j = 1, 3 do assert.are.equal(m:palive(0, 0, 39), mx.values[1][j]) end
    assert.are.equal(m:palive(2, 20, 39), mx.values[2][2])
    local e = m:matrix { T = 39, t = 10, freq = { 3 }, rec = { 30 } }
    assert.are.equal(m:conditional_expected(10, 3, 30, 39), e.values[1][1])
    assert.has_error(function() m:matrix { T = 3, freq = { 1 }, rec = { 5 } } end,
      "bad argument #1 to 'matrix' (rec[1] must be <= T, got 5)")
    assert.has_error(function() m:matrix { what = "nope", T = 3, freq = { 1 }, rec = { 1 } } end)
  end)
end)

describe("m:interval", function()
  local fit = assert(ck.bgnbd.fit(s))
  it("delta method: holds the estimate, wider at a higher level", function()
    local a = fit:interval("palive", { x = 2, t_x = 30.43, T = 38.86 })
    assert.are.equal(fit:palive(2, 30.43, 38.86), a.estimate)
    assert.is_true(a.lower < a.estimate and a.estimate < a.upper and a.upper <= 1)
    local b = fit:interval("palive", { x = 2, t_x = 30.43, T = 38.86, level = 0.99 })
    assert.is_true(b.lower < a.lower and b.upper > a.upper)
    local p = fit:interval("params")
    assert.are.equal(fit.r, p.r.estimate)
    -- the Wald interval on the log scale: r exp(+-1.645 se / r)
    ref.near(fit.r * math.exp(-1.6448536269514722 * fit:stderr().r / fit.r), p.r.lower, 1e-9)
  end)
  it("bootstrap: seeded, so the same seed gives the same interval", function()
    local o = { t = 39, x = s.x, t_x = s.t_x, T = s.T, method = "bootstrap", data = s,
                replicates = 20, seed = 3 }
    local a, b = fit:interval("conditional_expected", o), fit:interval("conditional_expected", o)
    assert.are.equal(20, a.replicates)
    assert.are.same(a, b)
    assert.is_true(a.lower < a.estimate and a.estimate < a.upper)
  end)
  it("bootstrap: progress reports shares up to 1 and can stop it", function()
    local o = { x = 2, t_x = 30.43, T = 38.86, method = "bootstrap", data = s, replicates = 10,
                seed = 3 }
    local shares = {}
    o.progress = function(share) shares[#shares + 1] = share end
    local a = fit:interval("palive", o)
    assert.are.equal(10, a.replicates)
    assert.are.equal(1, shares[#shares])
    for i = 2, #shares do assert.is_true(shares[i] >= shares[i - 1]) end
    o.progress = function() return false end
    local none, msg, code = fit:interval("palive", o)
    assert.is_nil(none)
    assert.are.equal("interval: stopped by the progress function", msg)
    assert.are.equal(4, code)
  end)
  it("errors", function()
    assert.has_error(function() fit:interval("palive", { x = 2, t_x = 3, T = 4, level = 2 }) end,
      "bad argument #2 to 'interval' (level must be between 0 and 1, got 2)")
    assert.has_error(function() fit:interval("nope", {}) end)
    assert.has_error(function() MODELS.bgnbd:interval("palive", { x = 2, t_x = 3, T = 4 }) end)
    assert.has_error(function() fit:interval("palive", { x = 2, t_x = 5, T = 4 }) end,
      "bad argument #2 to 'interval' (customer 1: must be <= T)")
  end)
end)

describe("ck.diagnostics.write_svg", function()
  local dir = os.tmpname()
  os.remove(dir)
  os.execute("mkdir -p " .. dir)
  teardown(function() os.execute("rm -rf '" .. dir .. "'") end)
  local m = MODELS.bgnbd
  it("writes every diagnostic with a title and axis labels", function()
    local cases = {
      { m:tracking(log), { boundary = 39 }, "end of calibration" },
      { m:tracking(log), { what = "incremental" }, "repeat transactions per week" },
      { m:period_counts(s), nil, "7+" },
      { m:holdout_by_frequency(s), nil, "mean holdout transactions" },
      { m:matrix { T = 39, freq = { 0, 1 }, rec = { 0, 39 } }, nil, "recency (weeks)" },
    }
    for i, c in ipairs(cases) do
      local path = ("%s/%d.svg"):format(dir, i)
      assert.is_true(ck.diagnostics.write_svg(path, c[1], c[2]))
      local f = assert(io.open(path))
      local text = f:read("a")
      f:close()
      assert.is_truthy(text:find("<svg", 1, true))
      assert.is_truthy(text:find(c[3], 1, true), c[3])
    end
  end)
  it("a path that cannot be written: nil and a message naming it, no file left", function()
    local bad = dir .. "/no/such/dir/x.svg"
    local ok, err = ck.diagnostics.write_svg(bad, m:period_counts(s))
    assert.is_nil(ok)
    assert.is_truthy(err:find(bad, 1, true))
    local ok2, err2 = ck.diagnostics.write_svg(dir, m:period_counts(s))
    assert.is_nil(ok2)
    assert.is_truthy(err2:find("Is a directory", 1, true))
  end)
  it("bad arguments raise", function()
    assert.has_error(function() ck.diagnostics.write_svg(1, {}) end)
    assert.has_error(function() ck.diagnostics.write_svg(dir .. "/a.svg", { foo = 1 }) end)
    assert.has_error(function() ck.diagnostics.write_svg(dir .. "/a.svg", m:tracking(log), { width = 5 }) end)
    assert.has_error(function() ck.diagnostics.write_svg(dir .. "/a.svg", m:tracking(log), { what = "x" }) end)
  end)
end)
