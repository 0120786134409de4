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
