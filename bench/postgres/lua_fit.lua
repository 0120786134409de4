-- The Lua fit of the summary rows the SQL benchmark fitted (x, t_x, T per
-- line of arg[1]); prints the best of three fit times, wall and CPU.
local ck = require "clvkit"
local wall = require("clvkit.core").clock -- monotonic seconds
local x, t_x, T = {}, {}, {}
for line in io.lines(arg[1]) do
  local a, b, c = line:match("^([^,]+),([^,]+),([^,]+)$")
  x[#x + 1], t_x[#t_x + 1], T[#T + 1] = tonumber(a), tonumber(b), tonumber(c)
end
local best, best_cpu = math.huge, math.huge
for _ = 1, 3 do
  local t0, c0 = wall(), os.clock()
  assert(ck.bgnbd.fit{x = x, t_x = t_x, T = T})
  best, best_cpu = math.min(best, wall() - t0), math.min(best_cpu, os.clock() - c0)
end
print(string.format("Lua bgnbd.fit of the same %d rows: %.3f s (%.3f s CPU)", #x, best, best_cpu))
