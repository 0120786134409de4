--- clvkit: customer-lifetime-value economics for Lua 5.4.
-- Every function of the catalogue under its lower-case name (ck.clv,
-- ck.ltv_cac, ...), positional or with one table of named arguments, plus
-- what-if sweeps over grids of scenarios (ck.sweep).  The numbers come from
-- the C core (module "clvkit.core"); see docs/lua.md.
local core = require "clvkit.core"
local sweep = require "clvkit.sweep"
local models = require "clvkit.models"

local M = {}
for _, name in ipairs(core.builtins) do
  M[name] = core[name]
end
M.funnel_budget = core.funnel_budget
M.clv_segment = core.clv_segment
M.range = core.range
M.linspace = core.linspace
M.sweep = sweep.sweep
for _, name in ipairs(core.model_kinds) do M[name] = models[name] end
for _, name in ipairs { "clv_predict", "rfm", "cohort" } do M[name] = models[name] end
M.diagnostics = require "clvkit.diagnostics"
M._VERSION = core._VERSION

return M
