-- Sweeps: grid size and order, error rows, CSV round trip, well-formed SVG,
-- and best/where/summary against a plain-Lua re-computation.
local ck = require "clvkit"

local function clv(aov, freq, years, cost, yearly) -- the catalogue's formula, by hand
  return aov * freq * years - (cost or 0) - (yearly or 0) * years
end

local function fails_with(pattern, fn, ...)
  local ok, err = pcall(fn, ...)
  assert.is_false(ok)
  assert.truthy(err:find(pattern, 1, true), err)
end

local function tmpname(suffix)
  return os.tmpname() .. suffix
end

describe("sweep over a built-in", function()
  local r = ck.sweep("clv", { aov = { 10, 20 }, freq = { 1, 2, 3 }, years = 2, cost = { 0, 5 } })

  it("has one row per scenario, parameter 0 varying slowest", function()
    assert.equal(12, #r)
    local i = 0
    for _, aov in ipairs { 10, 20 } do
      for _, freq in ipairs { 1, 2, 3 } do
        for _, cost in ipairs { 0, 5 } do
          i = i + 1
          local row = r:row(i)
          assert.same({ aov, freq, 2, cost }, { row.aov, row.freq, row.years, row.cost })
          assert.equal(clv(aov, freq, 2, cost), row.clv)
          assert.is_nil(row.error)
        end
      end
    end
    local n = 0
    for row in r:rows() do
      n = n + 1
      assert.equal(clv(row.aov, row.freq, row.years, row.cost), row.clv)
    end
    assert.equal(12, n)
    assert.equal(0, r.failed)
  end)

  it("gives columns of axes and outputs", function()
    assert.same({ 10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20 }, r:column("aov"))
    assert.same({ 20, 15, 40, 35, 60, 55, 40, 35, 80, 75, 120, 115 }, r:column("clv"))
    fails_with("no column 'nope'", r.column, r, "nope")
  end)

  it("marks invalid scenarios instead of aborting", function()
    local s = ck.sweep("clv_ret", { margin = 100, retention = { 0.5, 1, 1.2 }, discount = { 0, 0.1 } })
    assert.equal(6, #s)
    -- by hand: r/(1+d-r) * 100; r = 1, d = 0 diverges; r = 1.2 is no probability
    assert.equal(100, s:row(1).clv_ret)
    assert.near(100 * 0.5 / 0.6, s:row(2).clv_ret, 1e-12)
    assert.is_nil(s:row(3).clv_ret)
    assert.truthy(s:row(3).error:find("does not converge", 1, true))
    assert.near(1000, s:row(4).clv_ret, 1e-9)
    assert.equal("retention must be between 0 and 1, got 1.2", s:row(5).error)
    assert.equal(3, s.failed)
    assert.same({ 100, 100 * 0.5 / 0.6, false, 1000, false, false }, (function()
      local c = s:column("clv_ret")
      c[2] = 100 * 0.5 / 0.6 -- compared with near below
      return c
    end)())
    assert.near(100 * 0.5 / 0.6, s:column("clv_ret")[2], 1e-12)
  end)

  it("computes every row of a grid spanning many chunks, on any number of threads", function()
    -- 3.2M rows: more than three 1M-row chunks, split unevenly over threads;
    -- years = -1 makes a quarter of the rows fail
    local g = { aov = ck.range(1, 80), freq = ck.range(1, 100), years = { 1, 2, 3, -1 }, cost = ck.range(0, 90, 10) }
    local n = 80 * 100 * 4 * 10
    local results = {}
    for _, threads in ipairs { 1, 2, 3 } do
      local r = ck.sweep("clv", g, { threads = threads })
      assert.equal(n, #r)
      assert.equal(n // 4, r.failed)
      results[threads] = r
    end
    for i = 1, n, 9973 do -- a prime stride visits every chunk and thread part
      local row = results[1]:row(i)
      local want = row.years >= 0 and clv(row.aov, row.freq, row.years, row.cost) or nil
      for threads = 1, 3 do assert.equal(want, results[threads]:row(i).clv) end
    end
    local last = results[3]:row(n)
    assert.same({ 80, 100, -1, 90 }, { last.aov, last.freq, last.years, last.cost })
    assert.equal(clv(80, 100, 3, 90), results[2]:row(n - 10).clv)
    fails_with("threads must be a whole number from 1 to 16", ck.sweep, "clv", g, { threads = 0 })
    fails_with("threads is for built-ins", ck.sweep, function() return 1 end, { a = 1 }, { threads = 2 })
  end)

  it("rejects a bad grid with a clear error", function()
    fails_with("grid has no 'years', which 'clv' requires", ck.sweep, "clv", { aov = 1, freq = 1 })
    fails_with("'clv' takes no argument 'churn'", ck.sweep, "clv", { aov = 1, freq = 1, years = 1, churn = 0.1 })
    fails_with("'clvv' is not a built-in function", ck.sweep, "clvv", {})
    fails_with("grid.aov[2]: number expected, got string", ck.sweep, "clv", { aov = { 1, "2" }, freq = 1, years = 1 })
    fails_with("grid.aov is empty", ck.sweep, "clv", { aov = {}, freq = 1, years = 1 })
    fails_with("grid.aov[2] must be a finite number", ck.sweep, "clv", { aov = { 1, 0 / 0 }, freq = 1, years = 1 })
    -- the error points at the caller's line
    local ok, err = pcall(function()
      local r = ck.sweep("clv", { aov = 1 })
      return r
    end)
    assert.is_false(ok)
    assert.truthy(err:find("sweep_spec.lua:%d+: bad argument #2 to 'sweep'"), err)
    fails_with("bad argument #2 to 'sweep' (table expected, got nil)", ck.sweep, "clv")
    fails_with("unknown option 'outputs'", ck.sweep, "clv", { aov = 1, freq = 1, years = 1 }, { outputs = 1 })
  end)
end)

describe("sweep over a Lua function", function()
  local calls = 0
  local r = ck.sweep(function(s)
    calls = calls + 1
    local ltv = ck.ltv_churn(s.arpa, 0.8, s.churn)
    return { ltv = ltv, ratio = ck.ltv_cac(ltv, s.cac) }
  end, { arpa = { 20, 50 }, churn = { 0.02, 0.05, 0 }, cac = 400 })

  it("calls the function once per scenario, axes in sorted order", function()
    assert.equal(6, calls)
    assert.equal(6, #r)
    -- sorted names: arpa, cac, churn -- churn varies fastest
    assert.same({ 0.02, 0.05, 0, 0.02, 0.05, 0 }, r:column("churn"))
    local row = r:row(2)
    assert.near(20 * 0.8 / 0.05, row.ltv, 1e-9)
    assert.near(20 * 0.8 / 0.05 / 400, row.ratio, 1e-12)
  end)

  it("turns a raised error into an error row", function()
    assert.equal(2, r.failed)
    local row = r:row(3)
    assert.is_nil(row.ltv)
    assert.truthy(row.error:find("churn must be > 0 and <= 1, got 0", 1, true), row.error)
  end)

  it("honours order and output options, and rejects non-finite results", function()
    local s = ck.sweep(function(x) return x.a / x.b end, { a = { 1, 2 }, b = { 0, 1 } },
      { order = { "b", "a" }, output = "q" })
    assert.same({ 0, 0, 1, 1 }, s:column("b"))
    assert.same({ false, false, 1, 2 }, s:column("q"))
    assert.equal("the function returned a value that is not finite", s:row(1).error)
    fails_with("order lacks 'b'", ck.sweep, function() return 1 end, { a = 1, b = 1 }, { order = { "a" } })
    local m = ck.sweep(function(x) return x.a == 1 and { p = 1, q = 2 } or { p = 3 } end, { a = { 1, 2 } })
    assert.equal(1, m.failed)
    assert.equal("the function returned no 'q'", m:row(2).error)
    assert.equal(1, m:summary().q.failed)
    local clash = ck.sweep(function(x) return { a = x.a } end, { a = 1 })
    assert.equal("output 'a' has the name of an axis of the grid or of the error column", clash:row(1).error)
  end)
end)

describe("result analysis against plain Lua", function()
  local r = ck.sweep("clv", { aov = ck.range(20, 200, 20), freq = { 2, 4, 12 }, years = { 1, 3, -1 }, cost = 50 })

  local function plain_values()
    local v = {}
    for _, aov in ipairs(ck.range(20, 200, 20)) do
      for _, freq in ipairs { 2, 4, 12 } do
        for _, years in ipairs { 1, 3, -1 } do
          if years >= 0 then v[#v + 1] = clv(aov, freq, years, 50) end
        end
      end
    end
    return v
  end

  local function quantile(sorted, p) -- type 7, from a sorted list
    local h = (#sorted - 1) * p
    local k = math.floor(h)
    local lo, hi = sorted[k + 1], sorted[math.min(k + 2, #sorted)]
    return lo + (h - k) * (hi - lo)
  end

  it("summary", function()
    local v = plain_values()
    table.sort(v)
    local sum = 0
    for _, x in ipairs(v) do sum = sum + x end
    local s = r:summary().clv
    assert.equal(#v, s.count)
    assert.equal(30, s.failed)
    assert.equal(v[1], s.min)
    assert.equal(v[#v], s.max)
    assert.near(sum / #v, s.mean, 1e-9)
    for key, p in pairs { p05 = 0.05, p25 = 0.25, median = 0.5, p75 = 0.75, p95 = 0.95 } do
      assert.near(quantile(v, p), s[key], 1e-9)
    end
  end)

  it("where and best", function()
    local high = r:where(function(row) return row.clv and row.clv >= 1000 end)
    local expect = 0
    for _, x in ipairs(plain_values()) do if x >= 1000 then expect = expect + 1 end end
    assert.equal(expect, #high)
    for row in high:rows() do assert.truthy(row.clv >= 1000) end
    assert.equal(0, high.failed)
    local best = r:best("clv")
    assert.same({ 200, 12, 3 }, { best.aov, best.freq, best.years })
    assert.equal(clv(200, 12, 3, 50), best.clv)
    local worst = r:best("clv", "min")
    assert.equal(clv(20, 2, 1, 50), worst.clv)
    local least_high = math.huge
    for _, x in ipairs(plain_values()) do if x >= 1000 and x < least_high then least_high = x end end
    assert.equal(least_high, high:best("clv", "min").clv)
    local failed = r:where(function(row) return row.error ~= nil end)
    assert.equal(30, #failed)
    assert.equal(30, failed.failed)
    assert.is_nil(failed:best("clv"))
    fails_with("no output 'ltv'", r.best, r, "ltv")
    fails_with("\"max\" or \"min\" expected, got most", r.best, r, "clv", "most")
  end)

  it("to_table", function()
    local t = r:to_table { max_rows = 3 }
    local lines = {}
    for l in t:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.truthy(lines[1]:find("^aov%s+freq%s+years%s+cost%s+clv%s+error$"), lines[1])
    assert.truthy(lines[2]:find("^%-+"))
    assert.truthy(lines[5]:find("years must be >= 0, got %-1"), lines[5])
    assert.equal("... 87 more rows", lines[6])
    assert.equal("90 scenarios, 30 failed", lines[7])
  end)
end)

-- RFC 4180 reader for the round trip (quoted fields, doubled quotes, CRLF).
local function read_csv(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  local rows, row, field, i, quoted = {}, {}, {}, 1, false
  while i <= #text do
    local c = text:sub(i, i)
    if quoted then
      if c == '"' and text:sub(i + 1, i + 1) == '"' then field[#field + 1] = '"'; i = i + 1
      elseif c == '"' then quoted = false
      else field[#field + 1] = c end
    elseif c == '"' then quoted = true
    elseif c == "," then row[#row + 1] = table.concat(field); field = {}
    elseif c == "\r" and text:sub(i + 1, i + 1) == "\n" then
      row[#row + 1] = table.concat(field); field = {}
      rows[#rows + 1] = row; row = {}; i = i + 1
    else field[#field + 1] = c end
    i = i + 1
  end
  assert(#row == 0 and #field == 0, "the last line must end with CRLF")
  return rows
end

describe("write_csv", function()
  it("round-trips every value exactly", function()
    local r = ck.sweep("clv_ret", { margin = { 100, 33.3 }, retention = ck.linspace(0.1, 0.9, 7),
      discount = { 0.1, -2 }, periods = 5 })
    local path = tmpname(".csv")
    assert.is_true(r:write_csv(path))
    local rows = read_csv(path)
    os.remove(path)
    assert.same({ "margin", "retention", "discount", "periods", "clv_ret", "error" }, rows[1])
    assert.equal(#r + 1, #rows)
    for i = 1, #r do
      local want, got = r:row(i), rows[i + 1]
      assert.equal(want.margin, tonumber(got[1]))
      assert.equal(want.retention, tonumber(got[2]))
      assert.equal(want.discount, tonumber(got[3]))
      assert.equal(want.clv_ret, tonumber(got[5]))
      assert.equal(want.error or "", got[6])
    end
  end)

  it("quotes fields with commas and quotes", function()
    local r = ck.sweep(function() error('bad "x", really', 0) end, { a = 1 })
    local path = tmpname(".csv")
    assert.is_true(r:write_csv(path))
    local rows = read_csv(path)
    os.remove(path)
    assert.same({ "a", "value", "error" }, rows[1])
    assert.same({ "1", "", 'bad "x", really' }, rows[2])
  end)

  it("fails cleanly, leaving no file", function()
    local r = ck.sweep("lifetime", { churn = 0.5 })
    local ok, err = r:write_csv("/nonexistent-dir/x.csv")
    assert.is_nil(ok)
    assert.truthy(err:find("/nonexistent-dir/x.csv: ", 1, true), err)
  end)
end)

describe("write_svg", function()
  local function well_formed(path)
    local python = "/usr/bin/python3"
    local cmd = ("%s -c 'import sys, xml.dom.minidom; d = xml.dom.minidom.parse(sys.argv[1]); "
      .. "assert d.documentElement.tagName == \"svg\"' %q"):format(python, path)
    return os.execute(cmd)
  end

  local r = ck.sweep(function(s)
    return ck.ltv_cac(ck.ltv_churn(s.aov, 0.4, s.churn), s.cac)
  end, { aov = ck.range(20, 200, 20), churn = ck.linspace(0.01, 0.1, 10), cac = { 100, 200 } },
    { output = "ltv_cac" })

  it("draws a heat map with the threshold frontier", function()
    local path = tmpname(".svg")
    assert.is_true(r:write_svg(path, { x = "aov", y = "churn", z = "ltv_cac", at = { cac = 100 }, threshold = 3,
      title = "LTV:CAC <3 & >3" }))
    assert.is_true(well_formed(path))
    local f = assert(io.open(path))
    local doc = f:read("a")
    f:close()
    os.remove(path)
    assert.equal(100, select(2, doc:gsub("<rect[^>]*><title>", "")))   -- 10 x 10 cells
    assert.truthy(doc:find('<path d="M', 1, true))                     -- the frontier
    assert.truthy(doc:find("LTV:CAC &lt;3 &amp; &gt;3", 1, true))       -- escaped title
  end)

  it("draws a line chart with one line per series value", function()
    local path = tmpname(".svg")
    assert.is_true(r:write_svg(path, { x = "aov", y = "ltv_cac", series = "churn", at = { cac = 200 } }))
    assert.is_true(well_formed(path))
    local f = assert(io.open(path))
    local doc = f:read("a")
    f:close()
    os.remove(path)
    assert.equal(10, select(2, doc:gsub("<polyline", "")))
  end)

  it("asks to pin an axis that varies", function()
    fails_with("axis 'cac' varies: pin it with at = {cac = ...}", r.write_svg, r, "/tmp/x.svg",
      { x = "aov", y = "churn", z = "ltv_cac" })
    fails_with("at.cac = 150 is not a value of the axis", r.write_svg, r, "/tmp/x.svg",
      { x = "aov", y = "churn", z = "ltv_cac", at = { cac = 150 } })
    fails_with("z must name an output, got clv", r.write_svg, r, "/tmp/x.svg",
      { x = "aov", y = "churn", z = "clv", at = { cac = 100 } })
  end)
end)

describe("axes", function()
  it("range and linspace", function()
    assert.same({ 20, 40, 60 }, ck.range(20, 60, 20))
    assert.equal(11, #ck.range(0, 1, 0.1))
    assert.same({ 10, 7, 4, 1 }, ck.range(10, 1, -3))
    assert.same({ 1, 1.5, 2 }, ck.linspace(1, 2, 3))
    assert.equal(0.1, ck.linspace(0.01, 0.1, 10)[10])
    fails_with("step points away from 'to'", ck.range, 0, 1, -1)
    fails_with("step must not be 0", ck.range, 0, 1, 0)
    fails_with("n must be a whole number between 1 and 1e8", ck.linspace, 0, 1, 0)
    fails_with("bad argument #1 to 'range' (from: number expected, got string)", ck.range, "0", 1)
    fails_with("bad argument #2 to 'range' (the range has more than 1e8 values)", ck.range, 0, 1e9)
  end)
end)

describe("hostile input (from a review)", function()
  local function fails_with(pattern, fn, ...)
    local ok, err = pcall(fn, ...)
    assert.is_false(ok)
    assert.truthy(err:find(pattern, 1, true), err)
  end

  it("refuses a sequence whose __len lies", function()
    local liar = setmetatable({}, { __len = function() return (1 << 61) + 1 end, __index = function() return 1.0 end })
    fails_with("spend has a length of", ck.cac, liar, { 1 })
  end)

  it("charts values closer than a tick step without hanging", function()
    local r = ck.sweep(function(s) return s.x == 1 and 0.1 + 0.2 or 0.3 end, { x = { 1, 2 } })
    local path = os.tmpname()
    assert.is_true(r:write_svg(path, { x = "x", y = "value" }))
    local r2 = ck.sweep(function(s) return s.x end, { x = { 1e16, 1e16 + 2 } }, { output = "y" })
    assert.is_true(r2:write_svg(path, { x = "x", y = "y" }))
    os.remove(path)
    fails_with("width must be a whole number of pixels", r.write_svg, r, path, { x = "x", y = "value", width = 1.5 })
  end)

  it("refuses grids too big to count, reserved output names and repeated order entries", function()
    local big = {}
    for i = 1, 8 do big["k" .. i] = ck.range(1, 256) end
    fails_with("the grid has too many scenarios", ck.sweep, function() return 1 end, big)
    fails_with("the grid's 'value' is also the default output's name", ck.sweep, function() return 1 end, { value = 1 })
    fails_with("output 'x' would hide a column", ck.sweep, function() return 1 end, { x = 1 }, { output = "x" })
    fails_with("'a' is listed twice", ck.sweep, function() return 1 end, { a = 1 }, { order = { "a", "a" } })
    assert.equal(1, ck.sweep(function() return { error = 1 } end, { a = 1 }).failed)
    fails_with("max_rows must be a whole number", ck.sweep("lifetime", { churn = 0.5 }).to_table,
      ck.sweep("lifetime", { churn = 0.5 }), { max_rows = "5" })
  end)

  it("keeps its own copy of the grid", function()
    local aovs = { 10, 20 }
    local r = ck.sweep("clv", { aov = aovs, freq = 12, years = 1 })
    aovs[1] = 1000
    assert.equal(10, r:row(1).aov)
    assert.equal(120, r:row(1.0).clv)
  end)

  it("survives an error value that cannot be shown", function()
    local r = ck.sweep(function() error(setmetatable({}, { __tostring = function() error("no") end })) end, { a = 1 })
    assert.equal("the function raised an error that cannot be shown", r:row(1).error)
  end)

  it("keeps customer ids above 2^53 apart and refuses absurd dates", function()
    local log = ck.rfm.log { id = { 2 ^ 53 | 0, (2 ^ 53 | 0) + 1 }, date = { "2024-01-01", "2024-01-02" } }
    assert.equal(2, log:customers())
    fails_with("date[1] is not a date", ck.rfm.log, { id = { 1 }, date = { 1e300 } })
    fails_with("unknown argument 'amout'", ck.rfm.read_log, "x.csv", { customer = "id", date = "d", amout = "a" })
  end)

  it("blames fit options and Gamma-Gamma fields correctly", function()
    local d = { x = { 1, 2, 3 }, t_x = { 1, 2, 3 }, T = { 4, 5, 6 } }
    fails_with("bad argument #2 to 'bgnbd.fit' (tolerance", ck.bgnbd.fit, d, { tolerance = -1 })
    fails_with("bad argument #1 to 'gg.fit' (m[2] must be >= 0, got -20)", ck.gg.fit, { x = { 1, 2, 3 }, m = { 10, -20, 30 } })
    fails_with("bad argument #1 to 'gg.fit' (weight[2] must be >= 0, got -1)", ck.gg.fit,
      { x = { 1, 2, 3 }, m = { 10, 20, 30 }, weight = { 1, -1, 1 } })
    fails_with("bad argument #1 to 'bgnbd.fit' (x must not be empty)", ck.bgnbd.fit, { x = {}, t_x = {}, T = {} })
  end)
end)
