-- The bike shop of article 003: it used to sell bikes at EUR 50; now it
-- rents them at EUR 30 a year, and a bike lasts 4 years on average (some
-- 6).  A lead costs EUR 9.  What is a customer worth each way, and how much
-- may a lead cost at a healthy LTV:CAC of 3?
--   lua/clvkit-sweep examples/lua/bike_shop.lua
local ck = require "clvkit"

local sell = ck.clv { aov = 50, freq = 1, years = 1 }
local rent = ck.clv { aov = 30, freq = 1, years = 4 }
print(("Selling: CLV EUR %.0f.  Renting at EUR 30 a year for 4 years: CLV EUR %.0f."):format(sell, rent))

-- Renting over the lifetimes the article mentions (1 to 6 years), and what a
-- lead may cost when 1 lead in 5 becomes a customer and LTV:CAC must be 3.
local lead_to_customer = 0.2
local r = ck.sweep(function(s)
  local ltv = ck.clv { aov = s.rent, freq = 1, years = s.years }
  local max_cac = ck.max_cac(ltv, 3)
  return { clv = ltv, max_cac = max_cac, max_lead = ck.funnel_budget(max_cac, lead_to_customer) }
end, { rent = { 30 }, years = ck.range(1, 6) }, { order = { "rent", "years" } })
print()
print(r:to_table())
print()
local ok = r:where(function(row) return row.max_lead >= 9 end)
if #ok > 0 then
  print(("A EUR 9 lead pays off from a rental lifetime of %g years on."):format(ok:row(1).years))
else
  print("A EUR 9 lead does not pay off within 6 years at this conversion.")
end
