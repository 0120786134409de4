-- luarocks make lua/clvkit-0.1.0-1.rockspec   (from the top of the checkout)
-- Builds the C core and the Lua binding with CMake and installs the module
-- (clvkit, clvkit.core, clvkit.sweep, clvkit.svg, clvkit.models) into the rocks tree.
rockspec_format = "3.0"
package = "clvkit"
version = "0.1.0-1"
source = {
  url = "git+https://example.org/clvkit.git",
  tag = "v0.1.0",
}
description = {
  summary = "Customer-lifetime-value economics: CLV, CAC, budgets and fast what-if sweeps",
  detailed = [[
    clvkit computes customer lifetime value, acquisition cost, payback,
    LTV:CAC, lead and funnel budgets and value segments in a small C core,
    sweeps millions of what-if scenarios per second from Lua, and fits the
    predictive and retention models (BG/NBD, MBG/NBD, Pareto/NBD,
    Gamma-Gamma, sBG, BG/BB) to transaction logs and cohorts.
  ]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.4, < 5.5",
}
build = {
  type = "cmake",
  variables = {
    CMAKE_BUILD_TYPE = "Release",
    CMAKE_INSTALL_PREFIX = "$(PREFIX)",
    CLVKIT_LUA_CDIR = "$(LIBDIR)",
    CLVKIT_LUA_LDIR = "$(LUADIR)",
    CLVKIT_BUILD_ADDIN = "OFF",
    CLVKIT_INSTALL_CORE = "OFF",
    BUILD_TESTING = "OFF",
  },
}
