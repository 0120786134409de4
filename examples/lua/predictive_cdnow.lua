-- Predictive CLV from a transaction log: the CDNOW sample (2,357 customers
-- who first bought in early 1997).  Summarise, fit BG/NBD and Gamma-Gamma,
-- and list the customers worth the most over the next year.
--   lua/clvkit-sweep examples/lua/predictive_cdnow.lua [path/to/btyd_cdnowElog.csv]
local ck = require "clvkit"

local path = arg and arg[1] or "tests/data/refdata/btyd_cdnowElog.csv"
local s = assert(ck.rfm.read_csv(path, { customer = "sampleid", date = "date", amount = "sales",
  unit = "week", calibration_end = "1997-09-30" }))
print(("%d customers, %d transactions; calibration to %s, in weeks"):format(#s, s.transactions,
  s.calibration_end))

local bg = assert(ck.bgnbd.fit(s))
local gg = assert(ck.gg.fit(s))
print(tostring(bg))
print(tostring(gg))

-- next 12 months, 1% discount a month, 30% margin on spend
local value = ck.clv_predict(bg, gg, { customers = s, horizon = 12, unit = "month",
  discount = 0.01, margin = 0.3 })
local alive = bg:palive(s.x, s.t_x, s.T)
local order = {}
for i = 1, #s do order[i] = i end
table.sort(order, function(a, b) return value[a] > value[b] end)
print("\ncustomer  purchases  P(alive)  margin next year (USD, 30% of spend)")
for k = 1, 8 do
  local i = order[k]
  print(("%8s  %9d  %8.3f  %10.2f"):format(s.id[i], s.x[i], alive[i], value[i]))
end
local total = 0
for _, v in ipairs(value) do total = total + v end
print(("\nthe whole cohort: USD %.0f of margin over the next year"):format(total))
