-- Retention models and cohorts through Lua: sBG (Fader & Hardie 2007, 2010),
-- BG/BB (Fader, Hardie & Shang 2010) against reference_values.csv, and
-- cohort tables on a log worked out by hand.
local ck = require "clvkit"

local refdata = dofile(debug.getinfo(1, "S").source:match("@(.*/)") .. "refdata.lua")
local REFDATA, near = refdata.dir, refdata.near
local columns = refdata.columns

describe("sBG", function()
  local data = columns("sbg_fader_hardie_2007_survival.csv")
  local survivors = {}
  for i = 1, 8 do survivors[i] = data.highend_alive[i] end -- years 0..7: the calibration

  it("fits the High End segment as Fader & Hardie 2007", function()
    local m = assert(ck.sbg.fit { survivors = survivors })
    near(0.668088, m.alpha, 1e-4); near(3.806095, m.beta, 1e-4); near(-1611.158, m.loglik, 0, 1e-3)
    near(0.668, m.alpha, 0, 5e-4); near(3.806, m.beta, 0, 5e-4); near(-1611.2, m.loglik, 0, 0.05)
    -- the same from per-period losses
    local lost = {}
    for t = 2, 8 do lost[t - 1] = survivors[t - 1] - survivors[t] end
    local l = assert(ck.sbg.fit { lost = lost, n = survivors[1] })
    near(m.alpha, l.alpha, 1e-6); near(m.beta, l.beta, 1e-6)
  end)

  it("projects survival and values the customers", function()
    local m = ck.sbg.new { alpha = 0.668088, beta = 3.806095 }
    near(0.3780, m:survival(12), 0, 5e-5) -- vs 0.394 observed
    assert.truthy(math.abs(m:survival(12) - data.highend_alive[13] / 1000) < 0.02)
    -- r(t) = (beta + t - 1)/(alpha + beta + t - 1), by hand
    near((3.806095 + 4) / (0.668088 + 3.806095 + 4), m:retention(5), 1e-12)
    near(5.922255, m:del(0.10), 0, 1e-6)
    local derl = { 5.414481, 5.901379, 6.293893, 6.619922, 6.896708 }
    for n = 1, 5 do near(derl[n], m:derl(0.10, n), 0, 1e-6) end
    near(7.529629, m:derl(0.10, 8), 0, 1e-6)
    near(30 * 5.414481, m:clv(30, 0.10, 1), 0, 3e-5) -- the bike rental: EUR 30 a year
  end)

  it("refuses bad input", function()
    local ok, err = pcall(ck.sbg.fit, { survivors = { 1000, 1100 } })
    assert.is_false(ok)
    assert.truthy(err:find("bad argument #1 to 'sbg.fit' (survivors[2]", 1, true), err)
    local m = ck.sbg.new { alpha = 0.5, beta = 2 }
    ok, err = pcall(m.derl, m, 0.1, 0)
    assert.is_false(ok)
    assert.truthy(err:find("bad argument #2 to 'derl' (n", 1, true), err)
    ok, err = pcall(m.del, m, -0.1)
    assert.is_false(ok)
    assert.truthy(err:find("bad argument #1 to 'del' (d", 1, true), err)
  end)
end)

describe("BG/BB", function()
  local d = columns("lifetimes_donations.csv")
  local donors = { x = d.frequency, t_x = d.recency, n = d.periods, weight = d.weights }

  it("fits the donations as Fader, Hardie & Shang 2010", function()
    local m = assert(ck.bgbb.fit(donors))
    near(1.204, m.alpha, 0, 5e-4); near(0.750, m.beta, 0, 5e-4)
    near(0.657, m.gamma, 0, 5e-4); near(2.783, m.delta, 0, 5e-4)
    near(-33225.58, m.loglik, 0, 0.01)
    -- FHS 2010 Table 6: P(alive in 2002)
    for i, c in ipairs { { 0, 0, 0.11 }, { 2, 4, 0.59 }, { 6, 6, 0.93 } } do
      near(c[3], m:palive(c[1], c[2], 6), 0, 0.005)
    end
    -- Hardie's spreadsheet: expected customers with 0 and 6 repeat donations in 6 years
    near(3454.9, 11104 * m:pmf(0, 6), 0, 0.05)
    near(1253.1, 11104 * m:pmf(6, 6), 0, 0.05)
    local total = 0
    for i, v in ipairs(m:conditional_expected(5, donors.x, donors.t_x, donors.n)) do total = total + v * donors.weight[i] end
    near(12884.2, total, 0, 1)
  end)

  it("predicts as the BTYD walkthrough at its parameters", function()
    local m = ck.bgbb.new { alpha = 1.203528, beta = 0.7497260, gamma = 0.6567808, delta = 2.783796 }
    near(3.179805, m:expected(10), 0, 2e-6)
    near(0.1302169, m:conditional_expected(10, 0, 0, 6), 0, 2e-7)
    near(3.627858, m:conditional_expected(10, 4, 5, 6), 0, 2e-6)
    local p = 0
    for x = 0, 6 do p = p + m:pmf(x, 6) end
    near(1, p, 1e-12)
  end)
end)

describe("cohorts", function()
  -- A: Jan 5 (10), Feb 10 (20), Mar 1 (5); B: Jan 20 (7); C: Feb 3 (4), Feb 28 (6), Apr 2 (9)
  local log = ck.rfm.log {
    id = { "A", "A", "A", "B", "C", "C", "C" },
    date = { "2024-01-05", "2024-02-10", "2024-03-01", "2024-01-20", "2024-02-03", "2024-02-28", "2024-04-02" },
    amount = { 10, 20, 5, 7, 4, 6, 9 },
  }

  it("tables customers and revenue by cohort and age, worked out by hand", function()
    local t = ck.cohort.table(log, { period = "month", ["end"] = "2024-04-30" })
    assert.equal("month", t.period)
    assert.equal(2, #t.cohorts)
    local jan, feb = t.cohorts[1], t.cohorts[2]
    assert.equal("2024-01-01", jan.start)
    assert.equal(2, jan.size)
    assert.same({ 2, 1, 1, 0 }, jan.active)
    assert.same({ 17, 20, 5, 0 }, jan.revenue)
    assert.same({ 1, 0.5, 0.5, 0 }, jan.retention)
    assert.same({ 8.5, 10, 2.5, 0 }, jan.revenue_per_customer)
    assert.same({ 2, 1, 1, 0 }, jan.survivors) -- B's last purchase in January, A's in March
    assert.equal("2024-02-01", feb.start)
    assert.same({ 1, 0, 1 }, feb.active)
    assert.same({ 10, 0, 9 }, feb.revenue)
    assert.same({ 1, 1, 1 }, feb.survivors)
  end)

  it("gives the early value per customer at the ages asked, worked out by hand", function()
    local ev = ck.cohort.early_value(log, { ages = { 14, 60 }, unit = "day", period = "month", ["end"] = "2024-04-30" })
    assert.same({ 14, 60 }, ev.ages)
    -- January: A 10 in 14 days, 35 in 60; B 7 and 7.  February: C 4 and 19 (Feb 3 + 59 days = Apr 2)
    assert.same({ 8.5, 21 }, ev.cohorts[1].mean)
    assert.same({ 4, 19 }, ev.cohorts[2].mean)
    assert.same({ 2, 2 }, ev.cohorts[1].customers)
    near(7, ev.all.mean[1], 1e-12)
    near(61 / 3, ev.all.mean[2], 1e-12)
    local ok, err = pcall(ck.cohort.early_value, log, { ages = { 14 } })
    assert.is_false(ok)
    assert.truthy(err:find("unit of the ages must be given", 1, true), err)
    ok, err = pcall(ck.cohort.table, log, { period = "quarter" })
    assert.is_false(ok)
    assert.truthy(err:find("period must be", 1, true), err)
  end)
end)
