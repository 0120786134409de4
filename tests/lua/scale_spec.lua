-- Scale (issue 13) from Lua: big result columns reuse a collected one's
-- memory; whole-base predictions go through the core's _many functions and
-- agree with the one-customer predictions; long calls can be stopped.
local ck = require "clvkit"
local core = require "clvkit.core"

local function clv(aov, freq, years, cost) -- the catalogue's formula, by hand
  return aov * freq * years - cost
end

describe("big result columns", function()
  it("reuse a collected column's memory with nothing of it showing", function()
    -- 2M rows (16 MB: mapped apart), then a smaller and a bigger grid
    local first = ck.sweep("clv", { aov = ck.linspace(1, 2, 200), freq = ck.linspace(1, 3, 100),
                                   years = ck.linspace(1, 5, 100), cost = 0 })
    assert.equal(2000000, #first)
    first = nil
    collectgarbage()
    for _, n in ipairs { 1500000, 2500000 } do
      local g = { aov = ck.linspace(7, 9, n // 10000), freq = ck.linspace(0.5, 2, 100),
                  years = ck.linspace(2, 4, 100), cost = 3 }
      local r = ck.sweep("clv", g)
      assert.equal(n, #r)
      assert.equal(0, r.failed)
      for _, i in ipairs { 1, 2, n // 3, n - 1, n } do
        local row = r:row(i)
        assert.near(clv(row.aov, row.freq, row.years, row.cost), row.clv, 1e-12 * math.abs(row.clv))
      end
      r = nil
      collectgarbage()
    end
    -- a column made from the spare is filled as asked
    local c = core.column(1100000, 5)
    assert.equal(1100000, #c)
    for _, i in ipairs { 1, 550000, 1100000 } do assert.equal(5, c:get(i)) end
    assert.equal(1100000, core.column(1100000):failed())
  end)
end)

describe("predictions over a whole base", function()
  local path = (os.getenv("CLVKIT_REFDATA") or "tests/data/refdata") .. "/btyd_cdnowElog.csv"
  local s = assert(ck.rfm.read_csv(path, { customer = "sampleid", date = "date", amount = "sales",
    unit = "week", calibration_end = "1997-09-30" }))
  local bg = assert(ck.bgnbd.fit(s))
  local gg = assert(ck.gg.fit(s))
  local n = #s

  -- the oracle: the one-customer functions, called per customer
  local function close(want, got, rel)
    assert(math.abs(got - want) <= rel * math.abs(want) + 1e-300,
      ("%.17g vs %.17g"):format(want, got))
  end

  it("keeps a summary's number columns read-only and whole", function()
    assert.equal(2357, n)
    assert.equal(n, #s.x)
    assert.has_error(function() s.x[1] = 5 end)
    local k, sum = 0, 0
    for i, v in pairs(s.x) do k, sum = k + 1, sum + v; assert.equal(s.x[i], v) end
    assert.equal(n, k)
    assert.equal(2457, sum) -- CDNOW: 2,457 repeat purchases in the calibration period
    assert.is_nil(s.x[0])
    assert.is_nil(s.x[n + 1])
    assert.equal(s.x[2], s.x[2.0]) -- as in a table
    assert.is_nil(s.x[1.5])
    local p = ck.bgnbd.new { r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 }:palive(s)
    assert.equal(p[3], p[3.0])
    assert.equal(p:get(3), p[3])
    assert.is_nil(p[2.5])
  end)

  it("P(alive) and E[Y(t)] of every customer, as the one-customer calls give", function()
    local p, e = bg:palive(s), bg:conditional_expected(39, s)
    assert.equal("userdata", type(p))
    assert.equal(n, #p)
    assert.equal(n, #e)
    local p_seq = bg:palive(s.x, s.t_x, s.T) -- sequences: a list
    assert.equal("table", type(p_seq))
    for i = 1, n do
      local x, t_x, T = s.x[i], s.t_x[i], s.T[i]
      close(bg:palive(x, t_x, T), p[i], 1e-13)
      close(p[i], p_seq[i], 0)
      close(bg:conditional_expected(39, x, t_x, T), e[i], 1e-13)
    end
    for _, kind in ipairs { "mbgnbd", "pnbd" } do
      local m = assert(ck[kind].fit(s))
      local pm = m:palive(s)
      for _, i in ipairs { 1, 2, 17, 1000, n } do
        close(m:palive(s.x[i], s.t_x[i], s.T[i]), pm[i], 1e-13)
      end
    end
  end)

  it("the discounted value of every customer, as the one-customer calls give", function()
    local opts = { customers = s, horizon = 12, unit = "month", discount = 0.01, margin = 0.3 }
    local v = ck.clv_predict(bg, gg, opts)
    assert.equal(n, #v)
    local total = 0
    for i, value in ipairs(v) do
      total = total + value
      if i % 97 == 1 or i == n then
        close(ck.clv_predict(bg, gg, { x = s.x[i], t_x = s.t_x[i], T = s.T[i], m = s.mean_value[i],
          horizon = 12, unit = "month", discount = 0.01, margin = 0.3 }), value, 1e-13)
      end
    end
    assert.equal(n, #v)
    assert.is_true(total > 0)
  end)

  it("names the customer's row of a bad sequence, as before", function()
    local ok, err = pcall(bg.palive, bg, { 1, 2 }, { 0.5, 3 }, { 1, 2 })
    assert.is_false(ok)
    assert.truthy(err:find("t_x[2]", 1, true), err)
    ok, err = pcall(ck.clv_predict, bg, gg, { x = { 1, 2 }, t_x = { 1, 1 }, T = { 2, 2 },
      m = { 10, -1 } })
    assert.is_false(ok)
    assert.truthy(err:find("m[2]", 1, true), err)
  end)
end)

describe("a fit's progress", function()
  local path = (os.getenv("CLVKIT_REFDATA") or "tests/data/refdata") .. "/btyd_cdnowElog.csv"
  local s = assert(ck.rfm.read_csv(path, { customer = "sampleid", date = "date", amount = "sales",
    unit = "week", calibration_end = "1997-09-30" }))

  it("goes to a Lua function each iteration, which can stop it", function()
    local calls, last = 0, nil
    local m = assert(ck.bgnbd.fit(s, { progress = function(i, ll)
      calls, last = calls + 1, ll
      assert.is_true(math.type(i) == "integer")
    end }))
    assert.is_true(calls >= m.iterations)
    assert.is_true(last <= m.loglik + 1e-6)
    local n = 0
    local none, msg = ck.bgnbd.fit(s, { progress = function() n = n + 1; return n < 3 end })
    assert.is_nil(none)
    assert.equal(3, n)
    assert.truthy(msg:find("bgnbd.fit: stopped by the progress function", 1, true), msg)
  end)

  it("raises the function's error once the core has returned", function()
    local ok, err = pcall(ck.pnbd.fit, s, { progress = function() error("enough") end })
    assert.is_false(ok)
    assert.truthy(err:find("enough", 1, true), err)
    assert.truthy(ck.pnbd.fit(s)) -- the state is still usable
  end)

  it("stops at the next iteration when a hook appears (Ctrl-C in lua5.4)", function()
    local set = false
    local none, msg = ck.bgnbd.fit(s, { progress = function()
      if not set then
        set = true
        debug.sethook(function() end, "", 1000000) -- as lua.c's SIGINT handler does
      end
    end })
    debug.sethook()
    assert.is_nil(none)
    assert.truthy(msg:find("interrupted", 1, true), msg)
  end)

  it("refuses a progress that is not a function", function()
    local ok, err = pcall(ck.bgnbd.fit, s, { progress = 1 })
    assert.is_false(ok)
    assert.truthy(err:find("progress: function expected, got number", 1, true), err)
  end)
end)
