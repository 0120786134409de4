-- Every catalogue example through Lua in both call styles, and every error
-- path with its message.  Expected values: shared/spec/functions.md and the
-- articles (named), or worked out by hand -- never clvkit's own output.
local ck = require "clvkit"

local function close(got, want, tol)
  tol = tol or 1e-9 * math.max(1, math.abs(want))
  assert(math.abs(got - want) <= tol, ("got %.17g, want %.17g"):format(got, want))
end

-- name, positional args, named args, expected, tolerance, source
local examples = {
  { "clv", { 50, 12, 3 }, { aov = 50, freq = 12, years = 3 }, 1800, nil, "004" },
  { "clv", { 2000, 1, 8, 500, 200 }, { aov = 2000, freq = 1, years = 8, cost = 500, yearly_cost = 200 },
    13900, nil, "002 formula; the article prints 14,900 by a slip" },
  { "clv", { 50, 12, 3, 100 }, { aov = 50, freq = 12, years = 3, cost = 100 }, 1700 },
  { "clv_margin", { 50, 12, 3, 0.4 }, { aov = 50, freq = 12, years = 3, margin = 0.4 }, 720, nil, "001" },
  { "clv_ret", { 100, 0.8, 0.1 }, { margin = 100, retention = 0.8, discount = 0.1 }, 266.6667, 5e-5 },
  { "clv_ret", { 100, 0.8, 0.1, 0, 1 }, { margin = 100, retention = 0.8, discount = 0.1, timing = 1 }, 366.6667, 5e-5 },
  { "clv_ret", { 100, 0.8, 0.1, 3 }, { margin = 100, retention = 0.8, discount = 0.1, periods = 3 }, 164.0872, 5e-5 },
  { "clv_ret", { 100, 0.8, 0.1, 3, 1 }, { margin = 100, retention = 0.8, discount = 0.1, periods = 3, timing = 1 },
    225.6198, 5e-5 },
  { "ltv_churn", { 50, 0.8, 0.02 }, { arpa = 50, gross_margin = 0.8, churn = 0.02 }, 2000 },
  { "clv_avg", { 120000, 45000, 300 }, { revenue = 120000, costs = 45000, customers = 300 }, 250, nil, "003" },
  { "lifetime", { 0.025 }, { churn = 0.025 }, 40 },
  { "churn_period", { 0.02, 12 }, { churn = 0.02, k = 12 }, 0.215283, 5e-7 },
  { "churn_period", { 0.2, 1 / 12 }, { churn = 0.2, k = 1 / 12 }, 0.018423, 5e-7 },
  { "discount_period", { 0.1, 1 / 12 }, { rate = 0.1, k = 1 / 12 }, 0.0079741, 5e-8 },
  { "cac", { 10000, 50 }, { spend = 10000, new_customers = 50 }, 200 },
  { "cac", { { 5000, 3000, 2000 }, { 20, 20, 10 } }, { spend = { 5000, 3000, 2000 }, new_customers = { 20, 20, 10 } },
    200, nil, "000: blended over channels" },
  { "cac_payback", { 200, 50, 0.4 }, { cac = 200, arpa = 50, gross_margin = 0.4 }, 10 },
  { "cac_payback", { 200, 50 }, { cac = 200, arpa = 50 }, 4, nil, "by hand: default margin 1" },
  { "ltv_cac", { 1800, 600 }, { ltv = 1800, cac = 600 }, 3 },
  { "max_cac", { 1800 }, { ltv = 1800 }, 600 },
  { "max_cac", { 1800, 4 }, { ltv = 1800, ratio = 4 }, 450, nil, "by hand" },
  { "sql_budget", { 200, 0.05 }, { max_cac = 200, sql_conversion = 0.05 }, 10, nil, "002" },
  { "funnel_budget", { 200, 0.2, 0.05 }, { max_cac = 200, rates = { 0.2, 0.05 } }, 2 },
  { "funnel_budget", { 200, { 0.2, 0.05 } }, { max_cac = 200, rates = { 0.2, 0.05 } }, 2 },
  { "funnel_budget", { 1000, 0.5, 0.5, 0.1, 1 }, { max_cac = 1000, rates = { 0.5, 0.5, 0.1, 1 } }, 25, nil, "by hand" },
  { "roas_breakeven", { 0.25 }, { margin = 0.25 }, 4 },
}

describe("catalogue examples", function()
  for _, e in ipairs(examples) do
    local name, pos, named, want, tol, src = table.unpack(e)
    it(("%s(%s) = %s %s"):format(name, #pos, want, src or ""), function()
      close(ck[name](table.unpack(pos)), want, tol)
      close(ck[name](named), want, tol)
    end)
  end

  it("clv_segment: with values 1..10, 10 is high, 5 medium, 1 low", function()
    local ten = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }
    assert.equal("high", ck.clv_segment(10, ten))
    assert.equal("medium", ck.clv_segment(5, ten))
    assert.equal("low", ck.clv_segment(1, ten))
    assert.equal("high", ck.clv_segment { value = 10, values = ten })
    assert.equal("medium", ck.clv_segment { value = 10, values = ten, high_share = 0 })
    assert.equal("low", ck.clv_segment(3, ten, 0.2, 0.3))   -- mid-rank 0.25
    assert.equal("medium", ck.clv_segment(4, ten, 0.2, 0.3)) -- mid-rank 0.35
  end)

  it("has every catalogue function and a version", function()
    for _, name in ipairs { "clv", "clv_margin", "clv_ret", "ltv_churn", "clv_avg", "lifetime",
      "churn_period", "discount_period", "cac", "cac_payback", "ltv_cac", "max_cac", "sql_budget",
      "funnel_budget", "roas_breakeven", "clv_segment" } do
      assert.is_function(ck[name], name)
    end
    assert.matches("^clvkit %d+%.%d+%.%d+$", ck._VERSION)
  end)
end)

-- Parameter names and domains, as the catalogue states them.
local DOMAIN = {
  nonneg = { -1, "must be >= 0" }, pos = { 0, "must be > 0" },
  unit = { 1.5, "must be between 0 and 1" }, unit_pos = { 0, "must be > 0 and <= 1" },
  rate = { -1, "must be > -1" }, whole = { 2.5, "must be a whole number >= 0" },
  flag = { 2, "must be 0 or 1" },
}
local SCALAR = {
  { "clv", { { "aov", "nonneg" }, { "freq", "nonneg" }, { "years", "nonneg" }, { "cost", "nonneg" },
    { "yearly_cost", "nonneg" } }, { 50, 12, 3, 0, 0 }, 3 },
  { "clv_margin", { { "aov", "nonneg" }, { "freq", "nonneg" }, { "years", "nonneg" }, { "margin", "unit" },
    { "cost", "nonneg" }, { "yearly_cost", "nonneg" } }, { 50, 12, 3, 0.4, 0, 0 }, 4 },
  { "clv_ret", { { "margin", "nonneg" }, { "retention", "unit" }, { "discount", "rate" }, { "periods", "whole" },
    { "timing", "flag" } }, { 100, 0.8, 0.1, 3, 0 }, 3 },
  { "ltv_churn", { { "arpa", "nonneg" }, { "gross_margin", "unit" }, { "churn", "unit_pos" } }, { 50, 0.8, 0.02 }, 3 },
  { "clv_avg", { { "revenue", "nonneg" }, { "costs", "nonneg" }, { "customers", "pos" } }, { 1, 1, 1 }, 3 },
  { "lifetime", { { "churn", "unit_pos" } }, { 0.5 }, 1 },
  { "churn_period", { { "churn", "unit" }, { "k", "nonneg" } }, { 0.1, 2 }, 2 },
  { "discount_period", { { "rate", "rate" }, { "k", "nonneg" } }, { 0.1, 2 }, 2 },
  { "cac_payback", { { "cac", "nonneg" }, { "arpa", "pos" }, { "gross_margin", "unit_pos" } }, { 200, 50, 0.4 }, 2 },
  { "ltv_cac", { { "ltv", "nonneg" }, { "cac", "pos" } }, { 1800, 600 }, 2 },
  { "max_cac", { { "ltv", "nonneg" }, { "ratio", "pos" } }, { 1800, 3 }, 1 },
  { "sql_budget", { { "max_cac", "nonneg" }, { "sql_conversion", "unit" } }, { 200, 0.05 }, 2 },
  { "roas_breakeven", { { "margin", "unit_pos" } }, { 0.25 }, 1 },
  { "cac", { { "spend", "nonneg" }, { "new_customers", "pos" } }, { 100, 2 }, 2 },
}

-- The message names the clvkit function however it is reached (here: pcall).
local function fails_with(fn, msg, ...)
  local ok, err = pcall(fn, ...)
  assert.is_false(ok, "no error for " .. msg)
  assert.equal(msg, (err:gsub("^[^:]*:%d+: ", "")))
end

local function named(params, args)
  local t = {}
  for i, p in ipairs(params) do t[p[1]] = args[i] end
  return t
end

describe("errors", function()
  for _, s in ipairs(SCALAR) do
    local name, params, valid, nreq = table.unpack(s)
    it(name .. ": every argument out of its domain, positional and named", function()
      for i, p in ipairs(params) do
        local bad, why = table.unpack(DOMAIN[p[2]])
        local args = { table.unpack(valid) }
        args[i] = bad
        local msg = ("%s %s, got %s"):format(p[1], why, ("%.14g"):format(bad))
        fails_with(ck[name], ("bad argument #%d to '%s' (%s)"):format(i, name, msg), table.unpack(args, 1, #params))
        fails_with(ck[name], ("bad argument #1 to '%s' (%s)"):format(name, msg), named(params, args))
        args[i] = 0 / 0
        fails_with(ck[name], ("bad argument #%d to '%s' (%s must be a finite number, got nan)"):format(i, name, p[1]),
          table.unpack(args, 1, #params))
        args[i] = math.huge
        fails_with(ck[name], ("bad argument #1 to '%s' (%s must be a finite number, got inf)"):format(name, p[1]),
          named(params, args))
      end
    end)
    it(name .. ": wrong types, missing, unknown and extra arguments", function()
      for i, p in ipairs(params) do
        local args = { table.unpack(valid) }
        args[i] = "12"
        fails_with(ck[name], ("bad argument #%d to '%s' (%s: number expected, got string)"):format(i, name, p[1]),
          table.unpack(args, 1, #params))
        fails_with(ck[name], ("bad argument #1 to '%s' (%s: number expected, got string)"):format(name, p[1]),
          named(params, args))
      end
      local t = named(params, valid)
      t[params[nreq][1]] = nil
      fails_with(ck[name], ("bad argument #1 to '%s' (missing '%s')"):format(name, params[nreq][1]), t)
      t = named(params, valid)
      t.retension = 0.8
      fails_with(ck[name], ("bad argument #1 to '%s' (unknown argument 'retension')"):format(name), t)
      local args = { table.unpack(valid) }
      args[#params + 1] = 1
      fails_with(ck[name], ("bad argument #%d to '%s' (at most %d arguments expected)"):format(
        #params + 1, name, #params), table.unpack(args, 1, #params + 1))
    end)
  end

  it("clv_ret: the infinite series must converge", function()
    fails_with(ck.clv_ret, "bad argument #2 to 'clv_ret' (retention must be < 1 + discount when periods = 0 "
      .. "(the series does not converge), got 1)", 100, 1, 0)
    assert.equal(700, ck.clv_ret(100, 1, 0, 7))
  end)

  it("never returns inf: an overflowing result is an error", function()
    fails_with(ck.clv, "clv: the result is too large to represent (result out of range)", 1e200, 1e200, 1)
    fails_with(ck.discount_period, "discount_period: the result is too large to represent (result out of range)",
      1e10, 1e10)
  end)

  it("cac over channels", function()
    fails_with(ck.cac, "bad argument #1 to 'cac' (spend[3] must be >= 0, got -3)", { 1, 2, -3 }, { 1, 1, 1 })
    fails_with(ck.cac, "bad argument #2 to 'cac' (new_customers[2] must be a finite number, got nan)",
      { 1, 2 }, { 1, 0 / 0 })
    fails_with(ck.cac, "bad argument #2 to 'cac' (new_customers must add up to more than 0)", { 1, 2 }, { 0, 0 })
    fails_with(ck.cac, "bad argument #2 to 'cac' (new_customers has 1 entries, spend has 2)", { 1, 2 }, { 1 })
    fails_with(ck.cac, "bad argument #1 to 'cac' (spend must not be empty)", {}, {})
    fails_with(ck.cac, "bad argument #1 to 'cac' (spend[2]: number expected, got string)", { 1, "x" }, { 1, 1 })
    fails_with(ck.cac, "bad argument #2 to 'cac' (new_customers: number expected, got table)", 1, { 1 })
    fails_with(ck.cac, "bad argument #1 to 'cac' (new_customers[1] must be >= 0, got -1)",
      { spend = { 1 }, new_customers = { -1 } })
    fails_with(ck.cac, "bad argument #1 to 'cac' (missing 'spend')", { new_customers = { 1 } })
    fails_with(ck.cac, "bad argument #1 to 'cac' (unknown argument 'channels')", { spend = 1, new_customers = 1, channels = 2 })
    fails_with(ck.cac, "bad argument #3 to 'cac' (at most 2 arguments expected)", 1, 2, 3)
  end)

  it("funnel_budget", function()
    fails_with(ck.funnel_budget, "bad argument #3 to 'funnel_budget' (rate2 must be between 0 and 1, got 5)", 200, 0.2, 5)
    fails_with(ck.funnel_budget, "bad argument #2 to 'funnel_budget' (rates[2] must be between 0 and 1, got -0.1)",
      200, { 0.2, -0.1 })
    fails_with(ck.funnel_budget, "bad argument #1 to 'funnel_budget' (rates[1] must be a finite number, got inf)",
      { max_cac = 200, rates = { math.huge } })
    fails_with(ck.funnel_budget, "bad argument #2 to 'funnel_budget' (at least one conversion rate expected)", 200)
    fails_with(ck.funnel_budget, "bad argument #1 to 'funnel_budget' (max_cac must be >= 0, got -200)", -200, 0.1)
    fails_with(ck.funnel_budget, "bad argument #1 to 'funnel_budget' (max_cac: number expected, got nil)", nil, 0.1)
    fails_with(ck.funnel_budget, "bad argument #3 to 'funnel_budget' (rate2: number expected, got string)", 200, 0.1, "5%")
    fails_with(ck.funnel_budget, "bad argument #1 to 'funnel_budget' (missing 'rates')", { max_cac = 200 })
    fails_with(ck.funnel_budget, "bad argument #1 to 'funnel_budget' (unknown argument 'rate')",
      { max_cac = 200, rates = { 0.1 }, rate = 0.1 })
  end)

  it("clv_segment", function()
    local ten = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }
    fails_with(ck.clv_segment, "bad argument #2 to 'clv_segment' (values must not be empty)", 1, {})
    fails_with(ck.clv_segment, "bad argument #2 to 'clv_segment' (values[3] must be a finite number, got inf)",
      1, { 1, 2, math.huge })
    fails_with(ck.clv_segment, "bad argument #1 to 'clv_segment' (value must be a finite number, got nan)", 0 / 0, ten)
    fails_with(ck.clv_segment, "bad argument #3 to 'clv_segment' (high_share must be between 0 and 1, got 1.2)",
      1, ten, 1.2)
    fails_with(ck.clv_segment, "bad argument #4 to 'clv_segment' (low_share must be <= 1 - high_share "
      .. "(the bands overlap), got 0.5)", 1, ten, 0.6, 0.5)
    fails_with(ck.clv_segment, "bad argument #1 to 'clv_segment' (low_share must be between 0 and 1, got -1)",
      { value = 1, values = ten, low_share = -1 })
    fails_with(ck.clv_segment, "bad argument #2 to 'clv_segment' (values: table expected, got number)", 1, 2)
    fails_with(ck.clv_segment, "bad argument #1 to 'clv_segment' (missing 'values')", { value = 1 })
    fails_with(ck.clv_segment, "bad argument #5 to 'clv_segment' (at most 4 arguments expected)", 1, ten, 0.2, 0.3, 1)
  end)
end)
