-- Subscriptions: fit the shifted-beta-geometric model (Fader & Hardie 2007)
-- to the first seven years of a cohort, project its retention, and value a
-- renting customer as the bike shop of article 003 would (EUR 30 a year,
-- 10% discount a year).
--   lua/clvkit-sweep examples/lua/subscription_retention.lua
local ck = require "clvkit"

-- Fader & Hardie 2007, Table 1, "High End": customers still active at the
-- start of each year, of 1000 acquired in year 0
local survivors = { 1000, 869, 743, 653, 593, 551, 517, 491 }
local m = assert(ck.sbg.fit { survivors = survivors })
print(("sBG fit on years 0-7: alpha %.4f, beta %.4f, log-likelihood %.1f"):format(m.alpha, m.beta, m.loglik))

print("\nyear  survival  retention")
for t = 1, 12 do
  print(("%4d  %8.3f  %9.3f%s"):format(t, m:survival(t), m:retention(t), t > 7 and "  (projected)" or ""))
end

print("\nA renter at EUR 30 a year, discounted at 10% a year:")
print(("  a new customer is worth EUR %.2f (30 x DEL %.3f)"):format(30 * m:del(0.10), m:del(0.10)))
for _, n in ipairs { 1, 2, 5 } do
  print(("  in year %d, after %d renewals, still to come: EUR %.2f"):format(n, n - 1, m:clv(30, 0.10, n)))
end
