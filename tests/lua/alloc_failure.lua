-- alloc_failure.lua -- run by clvkit_alloc_host (alloc_host.c): every Lua
-- function of clvkit that allocates, with the core's k-th allocation made
-- to fail for k = 1, 2, ... until the call succeeds, then with Lua's own
-- allocator failing.  Each failure must be the error "not enough memory"
-- (as Lua's own), and the same call must succeed right after (the state
-- stays usable).  Leaks are LeakSanitizer's to find when the host closes
-- the state.
local ck = require "clvkit"
local csv = assert(arg[1], "usage: alloc_failure.lua SCRATCH.csv CBS.csv")

local f = assert(io.open(csv, "w"))
f:write("id,date,amount\n", "a,2024-01-03,10\n", "b,2024-01-10,20\n", "a,2024-02-14,15\n",
        "c,2024-02-20,5\n", "b,2024-03-30,25\n", "a,2024-04-02,12\n", "d,2024-04-15,8\n",
        "c,2024-05-01,30\n")
f:close()
local csv_opts = {customer = "id", date = "date", amount = "amount"}
local log = assert(ck.rfm.read_log(csv, csv_opts))
local s = log:summary{unit = "week"}
-- the first 400 customers of CDNOW (x, t.x, T.cal in weeks): data a fit identifies
local cust = {x = {}, t_x = {}, T = {}}
for line in io.lines((assert(arg[2], "usage: alloc_failure.lua SCRATCH.csv CBS.csv"))) do
  local x, tx, T = line:match('^"%d+",([^,]+),([^,]+),([^,]+),')
  if x and #cust.x < 400 then
    local i = #cust.x + 1
    cust.x[i], cust.t_x[i], cust.T[i] = tonumber(x), tonumber(tx), tonumber(T)
  end
end
local bg = assert(ck.bgnbd.fit(cust, {unit = "week"}))
local gg = assert(ck.gg.fit{x = {1, 2, 3, 4}, m = {10, 20, 15, 30}})

local calls = {
  read_csv = function()
    local t = {unit = "week"}
    for k, v in pairs(csv_opts) do t[k] = v end
    return assert(ck.rfm.read_csv(csv, t))
  end,
  read_log = function() return assert(ck.rfm.read_log(csv, csv_opts)) end,
  log = function()
    return ck.rfm.log{id = {"a", 2, "a"}, date = {"2024-01-01", 20240105, "2024-02-01"},
                      amount = {1, 2, 3}}
  end,
  summary = function() return ck.rfm.summary(log, {unit = "week"}) end,
  log_summary = function() return log:summary{unit = "day", calibration_end = "2024-03-31"} end,
  bgnbd_fit = function() return assert(ck.bgnbd.fit(cust)) end,
  mbgnbd_fit = function() return assert(ck.mbgnbd.fit(cust)) end,
  pnbd_fit = function() return assert(ck.pnbd.fit(cust)) end,
  gg_fit = function() return assert(ck.gg.fit{x = {1, 2, 3, 4}, m = {10, 20, 15, 30}}) end,
  sbg_fit = function() return assert(ck.sbg.fit{survivors = {1000, 869, 743, 653, 593}}) end,
  sbg_fit_lost = function() return assert(ck.sbg.fit{lost = {131, 126, 90}, n = 1000}) end,
  bgbb_fit = function()
    -- part of FHS 2010's donations: (x, t_x) for n = 6, customers as weights
    return assert(ck.bgbb.fit{x = {6, 5, 4, 3, 2, 1, 3, 1, 2, 1, 0},
                              t_x = {6, 6, 6, 6, 6, 6, 5, 4, 2, 1, 0}, n = {6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6},
                              weight = {1203, 728, 512, 357, 234, 129, 225, 78, 613, 1091, 3464}})
  end,
  predictions = function()
    return bg:palive({0, 2, 3}, {0, 10, 20}, {30, 30, 30}),
           bg:conditional_expected(10, {0, 2, 3}, {0, 10, 20}, {30, 30, 30}),
           gg:spend({1, 2}, {10, 20})
  end,
  clv_predict = function()
    return ck.clv_predict(bg, gg, {customers = s, horizon = 6, unit = "month", discount = 0.01})
  end,
  -- stopped by the progress function: nil, message, and nothing held
  stopped = function()
    local t = {unit = "week", progress = function() return false end}
    for k, v in pairs(csv_opts) do t[k] = v end
    local r, why = ck.rfm.read_csv(csv, t)
    assert(r == nil and why:find("stopped", 1, true), why)
    local half = function(share) return share < 0.5 end
    assert(bg:conditional_expected(10, s, {progress = half}) == nil)
    assert(bg:palive({0, 2, 3}, {0, 10, 20}, {30, 30, 30}, {progress = half}) == nil)
    assert(ck.clv_predict(bg, gg, {customers = s, horizon = 6, unit = "month", progress = half})
           == nil)
    return true
  end,
  sweep = function() return ck.sweep("clv", {aov = {40, 50, 60}, freq = 12, years = {1, 2}}) end,
  sweep_function = function()
    return ck.sweep(function(g) return {v = g.a * g.b} end, {a = {1, 2}, b = {3, 4}})
  end,
  cohort = function() return ck.cohort.table(log, {period = "month"}) end,
  early_value = function()
    return ck.cohort.early_value(log, {ages = {14, 60}, unit = "day", period = "month"})
  end,
}

local names = {}
for name in pairs(calls) do names[#names + 1] = name end
table.sort(names)

-- The call fails with Lua's memory error, then works with memory back.
local function failed(name, how, k, ok, err)
  if ok then return end
  if err ~= "not enough memory" then
    error(("%s, %s allocation %d failing: %s"):format(name, how, k, tostring(err)), 0)
  end
  collectgarbage()
  local again, err2 = pcall(calls[name])
  if not again then
    error(("%s after a failed %s allocation %d: %s"):format(name, how, k, tostring(err2)), 0)
  end
end

local core_total, lua_total = 0, 0
for _, name in ipairs(names) do
  local call = calls[name]
  -- the core: fail its allocation after the first k, k = 0, 1, ...
  local k = 0
  while true do
    core_fail_after(k)
    local ok, err = pcall(call)
    local n = core_fail_after(-1)
    if n <= k then -- nothing failed: the call must have worked
      assert(ok, name .. ": " .. tostring(err))
      break
    end
    if ok then
      error(("%s succeeded although core allocation %d failed"):format(name, k + 1), 0)
    end
    failed(name, "core", k + 1, ok, err)
    k = k + 1
  end
  core_total = core_total + k
  -- Lua's allocator: fail its allocation after the first k (and its retry)
  lua_fail_after(-1)
  pcall(call)
  local n = lua_fail_after(-1)
  local step = math.max(1, n // 300) -- at most ~300 points per call: seconds
  for j = 0, n, step do
    lua_fail_after(j)
    local ok, err = pcall(call)
    lua_fail_after(-1)
    failed(name, "Lua", j + 1, ok, err)
  end
  lua_total = lua_total + n
  print(("%-16s %4d core allocations failed in turn, %6d Lua allocations (every %d)")
        :format(name, k, n, step))
end
print(("all %d calls: %d core allocations failed, each the error 'not enough memory'")
      :format(#names, core_total))
