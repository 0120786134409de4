-- CLV:CAC over order value x monthly churn, for a customer who orders once
-- a month at 40% margin and costs EUR 150 to win: where does the ratio drop
-- below 3?  Writes ltv_cac.csv and ltv_cac.svg (a heat map with the
-- break-even frontier at 3) to the directory given as argument (default .).
--   lua/clvkit-sweep examples/lua/ltv_cac_heatmap.lua /tmp
local ck = require "clvkit"

local dir = arg and arg[1] or "."
local cac = 150
local r = ck.sweep(function(s)
  local ltv = ck.ltv_churn { arpa = s.aov, gross_margin = 0.4, churn = s.churn }
  return { ltv = ltv, ltv_cac = ck.ltv_cac(ltv, cac) }
end, { aov = ck.range(20, 200, 10), churn = ck.range(0.01, 0.10, 0.005) })

assert(r:write_csv(dir .. "/ltv_cac.csv"))
assert(r:write_svg(dir .. "/ltv_cac.svg", { x = "aov", y = "churn", z = "ltv_cac", threshold = 3,
  title = "LTV:CAC at CAC EUR 150 (black line: 3)" }))

print("The break-even frontier (LTV:CAC = 3): the highest monthly churn each order value bears")
for _, aov in ipairs(ck.range(20, 200, 30)) do
  local ok = r:where(function(row) return row.aov == aov and row.ltv_cac >= 3 end)
  -- the ratio falls as churn rises: the lowest ratio still >= 3 is the highest churn
  local worst = ok:best("ltv_cac", "min")
  print(("  order value EUR %3d: %s"):format(aov,
    worst and ("churn up to %.1f%% a month"):format(100 * worst.churn) or "never 3:1"))
end
local s = r:summary().ltv_cac
print(("\n%d scenarios; LTV:CAC from %.2f to %.2f, median %.2f"):format(s.count, s.min, s.max, s.median))
print("written: " .. dir .. "/ltv_cac.csv, " .. dir .. "/ltv_cac.svg")
