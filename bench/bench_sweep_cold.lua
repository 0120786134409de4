-- The first sweep of a fresh process, the one a user who runs a script once
-- sees: the 10-million-scenario CLV grid of bench_sweep.lua swept once in
-- each of 20 fresh Lua processes (1 s apart, so the kernel has time to hand
-- freed memory back, as between two runs of a script), then a second time
-- in the same process (warm).  Prints the median and slowest of each, in
-- CPU seconds (all threads; steadier than wall time on a shared machine)
-- and wall seconds, with the load average.
--   lua/clvkit-sweep bench/bench_sweep_cold.lua [processes [threads]]
local ck = require "clvkit"
local core = require "clvkit.core"

local function loadavg()
  local f = io.open("/proc/loadavg")
  if not f then return "?" end
  local s = f:read("l")
  f:close()
  return s:match("^(%S+ %S+ %S+)")
end

if arg[1] == "child" then
  local threads = tonumber(arg[2])
  local grid = { aov = ck.linspace(10, 500, 100), freq = ck.linspace(1, 24, 100),
                 years = ck.linspace(0.5, 10, 100), cost = ck.linspace(0, 450, 10) }
  local function once()
    local c0, t0 = os.clock(), core.clock()
    local r = ck.sweep("clv", grid, { threads = threads })
    local t, c = core.clock() - t0, os.clock() - c0
    assert(#r == 10000000 and r.failed == 0)
    return c, t
  end
  local cold_cpu, cold_wall = once()
  collectgarbage()
  local warm_cpu, warm_wall = once()
  print(cold_cpu, cold_wall, warm_cpu, warm_wall)
  return
end

local procs, threads = tonumber(arg[1]) or 20, arg[2] or "nil"
local lua = arg[-1] or "lua5.4"
local script = arg[0]
local cols = { {}, {}, {}, {} }
local load_before = loadavg()
for p = 1, procs do
  if p > 1 then os.execute("sleep 1") end
  local h = assert(io.popen(("%q %q child %s"):format(lua, script, threads)))
  local line = h:read("l")
  h:close()
  local i = 0
  for v in line:gmatch("%S+") do
    i = i + 1
    cols[i][p] = tonumber(v)
  end
end

local function stats(v)
  local s = {}
  for i, x in ipairs(v) do s[i] = x end
  table.sort(s)
  local n = #s
  local med = n % 2 == 1 and s[(n + 1) // 2] or (s[n // 2] + s[n // 2 + 1]) / 2
  return med, s[n], s[1]
end

print(("%s, first sweep of a fresh process: 10,000,000 scenarios, %d processes, threads %s")
  :format(ck._VERSION, procs, threads == "nil" and "all cores" or threads))
print(("  load average before %s, after %s"):format(load_before, loadavg()))
print("                        median     fastest    slowest   slowest/median")
for i, name in ipairs { "cold, CPU s", "cold, wall s", "warm, CPU s", "warm, wall s" } do
  local med, max, min = stats(cols[i])
  print(("  %-18s  %8.4f   %8.4f   %8.4f   %6.2f"):format(name, med, min, max, max / med))
end
