-- Sweep throughput: a 10-million-scenario CLV grid evaluated by ck.sweep
-- (in C) against the same grid in a plain Lua loop with the arithmetic
-- inline, median of 3 runs each, and the memory the sweep result holds.
--   cmake --build build --target bench-lua     (or lua/clvkit-sweep bench/bench_sweep.lua)
local ck = require "clvkit"
local core = require "clvkit.core"

local aov, freq, years, cost = ck.linspace(10, 500, 100), ck.linspace(1, 24, 100),
  ck.linspace(0.5, 10, 100), ck.linspace(0, 450, 10)
local N = #aov * #freq * #years * #cost

local function median3(f, reset)
  local t = {}
  for i = 1, 3 do
    if reset then reset() end
    collectgarbage()
    local t0 = core.clock()
    f()
    t[i] = core.clock() - t0
  end
  table.sort(t)
  return t[2]
end

local grid = { aov = aov, freq = freq, years = years, cost = cost }
local function timed_sweep(threads)
  local result
  local t = median3(function()
    result = ck.sweep("clv", grid, { threads = threads })
  end, function() result = nil end) -- the previous result is freed untimed
  assert(#result == N and result.failed == 0)
  return t
end
local t_one = timed_sweep(1)
local t_sweep = timed_sweep(nil)

-- resident memory (Linux): what keeping one result costs, beyond the grid
local function rss()
  local f = io.open("/proc/self/statm")
  if not f then return 0 end
  local _, resident = f:read("n", "n")
  f:close()
  return resident * 4096
end
collectgarbage()
collectgarbage()
local before = rss()
local kept = ck.sweep("clv", grid)
collectgarbage()
local bytes = rss() - before
assert(#kept == N)

local t_lua = median3(function()
  local out, i = {}, 0
  for a = 1, #aov do
    local av = aov[a]
    for f = 1, #freq do
      local fv = freq[f]
      for y = 1, #years do
        local yv = years[y]
        for c = 1, #cost do
          i = i + 1
          out[i] = av * fv * yv - cost[c] - 0 * yv
        end
      end
    end
  end
  assert(i == N)
end)

-- the two agree (spot check of a few rows against the inline arithmetic)
for _, i in ipairs { 1, 12345, N // 2, N } do
  local row = kept:row(i)
  assert(math.abs(row.clv - (row.aov * row.freq * row.years - row.cost)) <= 1e-9 * math.abs(row.clv) + 1e-9)
end

print(("%s, Lua sweep benchmark: %d scenarios (CLV over 100 x 100 x 100 x 10)"):format(ck._VERSION, N))
print(("  ck.sweep, 1 thread      %7.3f s   %6.1f M scenarios/s"):format(t_one, N / t_one / 1e6))
print(("  ck.sweep, all cores     %7.3f s   %6.1f M scenarios/s"):format(t_sweep, N / t_sweep / 1e6))
print(("  plain Lua loop          %7.3f s   %6.1f M scenarios/s"):format(t_lua, N / t_lua / 1e6))
print(("  ratio                   %7.1f x faster (1 thread: %.1f x)"):format(t_lua / t_sweep, t_lua / t_one))
print(("  result memory (RSS)     %7.1f MB   %6.2f bytes per scenario (one double per output)"):format(
  bytes / 1e6, bytes / N))
