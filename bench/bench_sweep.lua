-- Sweep throughput: a 10-million-scenario CLV grid evaluated by ck.sweep
-- (in C) against the same grid in a plain Lua loop with the arithmetic
-- inline, median of 3 runs each (wall, and CPU seconds of all threads: the
-- steadier figure on a shared machine), and the memory a result holds.
-- The first sweep of a fresh process: bench_sweep_cold.lua.
--   cmake --build build --target bench-lua     (or lua/clvkit-sweep bench/bench_sweep.lua)
local ck = require "clvkit"
local core = require "clvkit.core"

local aov, freq, years, cost = ck.linspace(10, 500, 100), ck.linspace(1, 24, 100),
  ck.linspace(0.5, 10, 100), ck.linspace(0, 450, 10)
local N = #aov * #freq * #years * #cost

local function median3(f, reset)
  local t, c = {}, {}
  for i = 1, 3 do
    if reset then reset() end
    collectgarbage()
    local c0, t0 = os.clock(), core.clock()
    f()
    t[i], c[i] = core.clock() - t0, os.clock() - c0
  end
  table.sort(t)
  table.sort(c)
  return t[2], c[2]
end

-- resident memory (Linux): what keeping one result costs, beyond the grid.
-- Measured first: a collected result's memory is kept for the next one.
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
local kept = ck.sweep("clv", { aov = aov, freq = freq, years = years, cost = cost })
collectgarbage()
local bytes = rss() - before
assert(#kept == N)

local grid = { aov = aov, freq = freq, years = years, cost = cost }
local function timed_sweep(threads)
  local result
  local t, c = median3(function()
    result = ck.sweep("clv", grid, { threads = threads })
  end, function() result = nil end) -- the previous result is freed untimed
  assert(#result == N and result.failed == 0)
  return t, c
end
local t_one, c_one = timed_sweep(1)
local t_sweep, c_sweep = timed_sweep(nil)

local t_lua, c_lua = median3(function()
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
local function line(name, t, c)
  print(("  %-22s %7.3f s   %6.1f M scenarios/s   CPU %7.3f s"):format(name, t, N / t / 1e6, c))
end
print(("  load average %s"):format(io.open("/proc/loadavg") and io.open("/proc/loadavg"):read("l") or "?"))
line("ck.sweep, 1 thread", t_one, c_one)
line("ck.sweep, all cores", t_sweep, c_sweep)
line("plain Lua loop", t_lua, c_lua)
print(("  ratio                  %7.1f x faster (1 thread: %.1f x; CPU, 1 thread: %.1f x)"):format(
  t_lua / t_sweep, t_lua / t_one, c_lua / c_one))
print(("  result memory (RSS)     %7.1f MB   %6.2f bytes per scenario (one double per output)"):format(
  bytes / 1e6, bytes / N))
