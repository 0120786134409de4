-- Whole-base predictions from Lua against the same predictions in C, in one
-- run (bench/README.md, "## Scale"): the customers bench_scale simulates
-- (BG/NBD, FHL's CDNOW parameters) are exported, loaded into columns, and
-- P(alive) and E[Y(39 weeks)] are timed from Lua (one call for all
-- customers) against `bench_scale many` (the core's _many functions called
-- from C), best wall time of the same number of runs each.  Then CDNOW's
-- 2,357 customers as a summary against lifetimes' numpy formulas
-- (bench/lifetimes_side.py) on the same customers.
--   cmake --build build --target bench_scale clvkit_lua
--   lua/clvkit-sweep bench/bench_scale.lua [build/bench/bench_scale [n]]
local ck = require "clvkit"
local core = require "clvkit.core"

local bench = arg[1] or "build/bench/bench_scale"
local n = tonumber(arg[2]) or 1000000
local here = arg[0]:match("^(.*)/[^/]*$") or "."
local refdata = os.getenv("CLVKIT_REFDATA") or (here .. "/../tests/data/refdata")
local bg = ck.bgnbd.new { r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, unit = "week" }

local function sh(cmd)
  local h = assert(io.popen(cmd))
  local out = h:read("a")
  assert(h:close(), "failed: " .. cmd)
  return out
end

local function best(reps, f, reset)
  local t = math.huge
  for _ = 1, reps do
    if reset then reset() end -- the previous result freed untimed, as C reuses its buffer
    local t0 = core.clock()
    f()
    t = math.min(t, core.clock() - t0)
  end
  return t
end

-- the customers bench_scale simulates, as three columns (x, t_x, T)
local function load(count, exact)
  local path = os.tmpname()
  sh(("%q export %d %d %q"):format(bench, count, exact, path))
  local f = assert(io.open(path, "rb"))
  local cols = {}
  for c = 1, 3 do
    local col, i = core.column(count), 0
    while i < count do
      local k = math.min(4096, count - i)
      local s = f:read(8 * k)
      local pos = 1
      for j = 1, k do
        local v
        v, pos = string.unpack("<d", s, pos)
        col:set(i + j, v)
      end
      i = i + k
    end
    cols[c] = col
  end
  f:close()
  os.remove(path)
  return cols
end

print(("%s, whole-base predictions from Lua against C (%s), load average %s"):format(
  ck._VERSION, bench, (io.open("/proc/loadavg") and io.open("/proc/loadavg"):read("l") or "?")))
print(("%-24s %11s %11s %7s %11s %11s %7s"):format("customers (best wall ms)", "P(alive) C",
  "Lua", "Lua/C", "E[Y(39)] C", "Lua", "Lua/C"))
for _, case in ipairs { { 2357, 0, 200 }, { n, 1, 10 }, { 10 * n, 0, 3 } } do
  local count, exact, reps = case[1], case[2], case[3]
  local c = load(count, exact)
  local cp, cc = sh(("%q many %d %d"):format(bench, count, exact)):match("(%S+)%s+(%S+)")
  cp, cc = tonumber(cp), tonumber(cc)
  local p, e
  local lp = best(reps, function() p = bg:palive(c[1], c[2], c[3]) end,
                  function() p = nil; collectgarbage() end)
  local lc = best(reps, function() e = bg:conditional_expected(39, c[1], c[2], c[3]) end,
                  function() e = nil; collectgarbage() end)
  assert(#p == count and #e == count and p:failed() == 0 and e:failed() == 0)
  print(("%-24s %11.3f %11.3f %7.2f %11.3f %11.3f %7.2f"):format(
    ("%d%s"):format(count, exact == 1 and " (exact)" or " (by day)"),
    1e3 * cp, 1e3 * lp, lp / cp, 1e3 * cc, 1e3 * lc, lc / cc))
  c, p, e = nil, nil, nil
  collectgarbage()
end

-- CDNOW as a summary, against lifetimes' numpy code on the same customers
local s = assert(ck.rfm.read_csv(refdata .. "/btyd_cdnowElog.csv", { customer = "sampleid",
  date = "date", amount = "sales", unit = "week", calibration_end = "1997-09-30" }))
local reps = 500
local lp = best(reps, function() bg:palive(s) end)
local lc = best(reps, function() bg:conditional_expected(39, s) end)
local path = os.tmpname()
local f = assert(io.open(path, "w"))
for i = 1, #s do f:write(s.x[i], " ", s.t_x[i], " ", s.T[i], "\n") end
f:close()
local script = os.tmpname()
f = assert(io.open(script, "w"))
f:write(([[
import sys
sys.path.insert(0, %q)
import numpy as np
from lifetimes_side import palive, conditional, best
x, t_x, T = np.loadtxt(%q, unpack=True)
print(best(lambda: palive(x, t_x, T), %d), best(lambda: conditional(39.0, x, t_x, T), %d))
]]):format(here, path, reps, reps))
f:close()
-- Debian's python3, which has numpy and scipy
local np_p, np_c = sh(("/usr/bin/python3 %q"):format(script)):match("(%S+)%s+(%S+)")
os.remove(path)
os.remove(script)
np_p, np_c = tonumber(np_p), tonumber(np_c)
print(("\nCDNOW, %d customers as a summary (best of %d, wall ms):"):format(#s, reps))
print(("  P(alive)   numpy %8.3f   clvkit from Lua %8.3f   numpy / clvkit %6.2f"):format(
  1e3 * np_p, 1e3 * lp, np_p / lp))
print(("  E[Y(39)]   numpy %8.3f   clvkit from Lua %8.3f   numpy / clvkit %6.2f"):format(
  1e3 * np_c, 1e3 * lc, np_c / lc))
