-- Article 000: compare the value of a customer with what it costs to win
-- one, per acquisition channel and blended.  Illustrative spend and
-- customers per channel; LTV from a subscription at EUR 40 a month, 60%
-- gross margin and 3% monthly churn.
--   lua/clvkit-sweep examples/lua/channels.lua
local ck = require "clvkit"

local ltv = ck.ltv_churn { arpa = 40, gross_margin = 0.6, churn = 0.03 }
local channels = {
  { name = "search ads", spend = 12000, customers = 60 },
  { name = "social", spend = 8000, customers = 25 },
  { name = "referrals", spend = 2000, customers = 30 },
}
print(("LTV per customer: EUR %.2f; the most a customer may cost at 3:1: EUR %.2f\n"):format(
  ltv, ck.max_cac(ltv)))
print(("%-12s %10s %10s %8s %8s  %s"):format("channel", "CAC", "LTV:CAC", "payback", "", "verdict"))
local spend, won = {}, {}
for _, c in ipairs(channels) do
  local cac = ck.cac(c.spend, c.customers)
  local ratio = ck.ltv_cac(ltv, cac)
  print(("%-12s %10.2f %10.2f %8.1f %8s  %s"):format(c.name, cac, ratio,
    ck.cac_payback(cac, 40, 0.6), "months", ratio >= 3 and "healthy" or "too expensive"))
  spend[#spend + 1], won[#won + 1] = c.spend, c.customers
end
local blended = ck.cac(spend, won)
print(("%-12s %10.2f %10.2f"):format("blended", blended, ck.ltv_cac(ltv, blended)))
