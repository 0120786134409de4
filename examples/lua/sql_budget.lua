-- Article 002: "if you can spend EUR 200 to win a customer and 5% of SQLs
-- become customers, an SQL may cost at most EUR 10" -- and the same budget
-- one step up the funnel, across conversion rates.
--   lua/clvkit-sweep examples/lua/sql_budget.lua
local ck = require "clvkit"

print(("SQL budget: EUR %.2f per SQL (EUR 200 x 5%%)"):format(ck.sql_budget(200, 0.05)))
print(("Lead budget when 20%% of leads become SQLs: EUR %.2f"):format(ck.funnel_budget(200, 0.2, 0.05)))
print(("The article's CLV: EUR %.0f (it prints 14,900; its own formula"):format(
  ck.clv { aov = 2000, freq = 1, years = 8, cost = 500, yearly_cost = 200 }))
print("(2000 x 8) - 500 - (200 x 8) gives 13,900)")
print()
local r = ck.sweep("sql_budget", { max_cac = { 100, 200, 400 }, sql_conversion = ck.range(0.02, 0.10, 0.02) })
print(r:to_table())
