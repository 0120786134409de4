-- Progress and control (issue 13 item 6): reading a CSV into a summary and
-- whole-base predictions report to a Lua function as fits do, which can stop
-- them (nil, "name: stopped by the progress function", code) or raise (the
-- error comes out once the core has returned); results do not depend on it.
-- The sanitizer build runs these too: a stopped call must leak nothing.
local ck = require "clvkit"

local PATH = (os.getenv("CLVKIT_REFDATA") or "tests/data/refdata") .. "/btyd_cdnowElog.csv"
local OPTS = { customer = "sampleid", date = "date", amount = "sales", unit = "week",
  calibration_end = "1997-09-30" }

local function with(t, k, v)
  local o = {}
  for key, value in pairs(t) do o[key] = value end
  o[k] = v
  return o
end

-- a progress function recording its calls; returns stop_at's verdict
local function recorder(stop_at)
  local r = { calls = {} }
  r.fn = function(...)
    r.calls[#r.calls + 1] = table.pack(...)
    if stop_at and #r.calls == stop_at then return false end
  end
  return r
end

local function same_column(a, b, n)
  for i = 1, n do
    if a[i] ~= b[i] and not (a[i] ~= a[i] and b[i] ~= b[i]) then return false end
  end
  return true
end

describe("reading a CSV into a summary", function()
  it("streams the same summary as reading the log and summarising it", function()
    local s = assert(ck.rfm.read_csv(PATH, OPTS))
    local log = assert(ck.rfm.read_log(PATH, { customer = "sampleid", date = "date", amount = "sales" }))
    local t = ck.rfm.summary(log, { unit = "week", calibration_end = "1997-09-30" })
    assert.equal(#t, #s)
    assert.same(t.id, s.id)
    assert.same(t.first_purchase, s.first_purchase)
    for _, col in ipairs { "x", "t_x", "T", "mean_value", "x_holdout", "value_holdout" } do
      assert.is_true(same_column(t[col], s[col], #s), col)
    end
    assert.same({ t.rows, t.transactions, t.late_customers, t.unit, t.calibration_end },
      { s.rows, s.transactions, s.late_customers, s.unit, s.calibration_end })
  end)

  it("reports rows and the share of bytes read, ending at 1", function()
    local r = recorder()
    local s = assert(ck.rfm.read_csv(PATH, with(OPTS, "progress", r.fn)))
    assert.is_true(#r.calls >= 1)
    local last = r.calls[#r.calls]
    assert.equal(s.rows, last[1]) -- every data row
    assert.equal(6919, last[1]) -- CDNOW's event log: 6,919 rows
    assert.equal(1, last[2])
    assert.equal("integer", math.type(last[1]))
  end)

  it("stops when the function returns false, or raises its error", function()
    local none, msg, code = ck.rfm.read_csv(PATH, with(OPTS, "progress", function() return false end))
    assert.is_nil(none)
    assert.equal("rfm.read_csv: stopped by the progress function", msg)
    assert.equal(4, code) -- CLV_ENOCONV
    local ok, err = pcall(ck.rfm.read_csv, PATH, with(OPTS, "progress", function() error("enough") end))
    assert.is_false(ok)
    assert.truthy(tostring(err):find("enough", 1, true), err)
    ok, err = pcall(ck.rfm.read_csv, PATH, with(OPTS, "progress", true))
    assert.is_false(ok)
    assert.truthy(err:find("progress: function expected, got boolean", 1, true), err)
    -- the stream of a stopped read is gone; reading again works
    collectgarbage()
    assert.equal(2357, #assert(ck.rfm.read_csv(PATH, OPTS)))
  end)
end)

describe("reading a CSV into a log", function()
  local LOG = { customer = "sampleid", date = "date", amount = "sales" }

  it("reports every row, ends at 1 and gives the same log", function()
    local r = recorder()
    local log = assert(ck.rfm.read_log(PATH, with(LOG, "progress", r.fn)))
    assert.equal(6919, #log) -- CDNOW's event log: 6,919 rows
    local last = r.calls[#r.calls]
    assert.same({ 6919, 1 }, { last[1], last[2] })
    assert.equal(#assert(ck.rfm.read_log(PATH, LOG)), #log)
  end)

  it("stops when the function returns false, or raises its error", function()
    local none, msg, code = ck.rfm.read_log(PATH, with(LOG, "progress", function() return false end))
    assert.is_nil(none)
    assert.equal("rfm.read_log: stopped by the progress function", msg)
    assert.equal(4, code) -- CLV_ENOCONV
    local ok, err = pcall(ck.rfm.read_log, PATH, with(LOG, "progress", function() error("enough") end))
    assert.is_false(ok)
    assert.truthy(tostring(err):find("enough", 1, true), err)
  end)
end)

describe("whole-base predictions", function()
  local s = assert(ck.rfm.read_csv(PATH, OPTS))
  local bg = ck.bgnbd.new { r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, unit = "week" }
  local pn = ck.pnbd.new { r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669 }
  local gg = ck.gg.new { p = 6.25, q = 3.74, gamma = 15.44 }
  local n = #s

  local function check_shares(r)
    assert.equal(8, #r.calls)
    for i, c in ipairs(r.calls) do assert.equal(i / 8, c[1]) end
  end

  it("report 8 shares to 1 and give the same values", function()
    for _, m in ipairs { bg, pn } do
      local r = recorder()
      local p = m:palive(s, { progress = r.fn })
      check_shares(r)
      assert.is_true(same_column(m:palive(s), p, n))
      r = recorder()
      local e = m:conditional_expected(39, s, { progress = r.fn })
      check_shares(r)
      assert.is_true(same_column(m:conditional_expected(39, s), e, n))
    end
    -- sequences (a list back) and a prediction without a whole-base form
    local r = recorder()
    local list = bg:palive({ 0, 2, 5 }, { 0, 10, 30 }, { 40, 40, 40 }, { progress = r.fn })
    check_shares(r)
    assert.equal(bg:palive(2, 10, 40), list[2])
    r = recorder()
    local sp = gg:spend({ 1, 2, 3 }, { 10, 20, 30 }, { progress = r.fn })
    check_shares(r)
    assert.equal(gg:spend(3, 30), sp[3])
    -- discounted CLV over the summary
    r = recorder()
    local o = { customers = s, horizon = 12, unit = "month", discount = 0.01, margin = 0.3 }
    local v = ck.clv_predict(bg, gg, with(o, "progress", r.fn))
    check_shares(r)
    assert.is_true(same_column(ck.clv_predict(bg, gg, o), v, n))
  end)

  it("stop at any report with nil, message, code", function()
    for stop = 1, 8 do
      local r = recorder(stop)
      local none, msg, code = bg:conditional_expected(39, s, { progress = r.fn })
      assert.is_nil(none)
      assert.equal("conditional_expected: stopped by the progress function", msg)
      assert.equal(4, code)
      assert.equal(stop, #r.calls)
    end
    local none, msg = pn:palive(s, { progress = function() return false end })
    assert.is_nil(none)
    assert.equal("palive: stopped by the progress function", msg)
    none, msg = gg:spend({ 1, 2 }, { 10, 20 }, { progress = function() return false end })
    assert.is_nil(none)
    assert.equal("spend: stopped by the progress function", msg)
    none, msg = ck.clv_predict(bg, gg, { customers = s, progress = function() return false end })
    assert.is_nil(none)
    assert.equal("clv_predict: stopped by the progress function", msg)
  end)

  it("raise the progress function's error, and check the option", function()
    local ok, err = pcall(bg.palive, bg, s, { progress = function() error("no more") end })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("no more", 1, true), err)
    ok, err = pcall(bg.palive, bg, s, { progress = 1 })
    assert.is_false(ok)
    assert.truthy(err:find("progress: function expected, got number", 1, true), err)
    ok, err = pcall(bg.palive, bg, s, { every = 1 })
    assert.is_false(ok)
    assert.truthy(err:find("every", 1, true), err)
  end)
end)
