-- docs_spec.lua: the Lua examples of the docs run, and print what they say.
--
-- Every ```lua block of README.md, docs/lua.md and docs/models.md runs, in order, in one
-- environment per document (as a reader would type them into one session;
-- top-level locals become that environment's variables), in a scratch
-- directory so written files land there.  A line
-- `print(...) --> expected` checks what print would show against `expected`:
-- equal text, or numbers equal to the digits shown.  A block whose first
-- line is `-- not run: reason` is skipped (it needs a file of the reader's).
-- Then the documented lists: every `ck.name` the docs mention exists, and
-- every function of the module is documented.
local ck = require "clvkit"

local ROOT = os.getenv("CLVKIT_SOURCE_DIR") or "../.."
local DOCS = { "README.md", "docs/lua.md", "docs/models.md" }

local function read(path)
  local f = assert(io.open(ROOT .. "/" .. path))
  local s = f:read("a")
  f:close()
  return s
end

-- the ```lua blocks of a markdown text, with the line each starts on
local function lua_blocks(text)
  local blocks, line, inside, buf, start = {}, 0, false, nil, 0
  for l in (text .. "\n"):gmatch("(.-)\n") do
    line = line + 1
    if not inside and l:match("^%s*```lua%s*$") then
      inside, buf, start = true, {}, line + 1
    elseif inside and l:match("^%s*```%s*$") then
      inside = false
      blocks[#blocks + 1] = { code = table.concat(buf, "\n"), line = start }
    elseif inside then
      buf[#buf + 1] = l
    end
  end
  return blocks
end

-- what print shows for its arguments
local function shown(...)
  local n, t = select("#", ...), {}
  for i = 1, n do t[i] = tostring((select(i, ...))) end
  return table.concat(t, "\t")
end

-- text equal, or every number equal to the digits the docs show
local function matches(got, want)
  got, want = got:gsub("%s+", " "), want:gsub("%s+", " "):gsub(" $", "")
  if got == want then return true end
  local g, w = {}, {}
  for x in got:gmatch("[-+]?%d[%d.e+-]*") do g[#g + 1] = tonumber(x) end
  for x in want:gmatch("[-+]?%d[%d.e+-]*") do w[#w + 1] = x end
  if #g ~= #w or #w == 0 then return false end
  if got:gsub("[-+]?%d[%d.e+-]*", "#") ~= want:gsub("[-+]?%d[%d.e+-]*", "#") then return false end
  for i, x in ipairs(w) do
    local decimals = x:match("%.(%d+)") or ""
    local tol = 0.5 * 10 ^ -#decimals + 1e-12 * math.abs(tonumber(x) or 0)
    if not g[i] or not tonumber(x) or math.abs(g[i] - tonumber(x)) > tol then return false end
  end
  return true
end

-- turns `print(expr) --> want` into a check and top-level locals into the
-- session's variables; returns the code and the number of checks
local function instrument(code)
  local checks = 0
  local out = code:gsub("([^\n]*)", function(l)
    if l:match("^local function ") then return (l:gsub("^local ", "")) end
    if l:match("^local [%a_]") then l = l:gsub("^local ", "") end
    local indent, expr, want = l:match("^(%s*)print(%b())%s*%-%->%s*(.-)%s*$")
    if not expr then return l end
    checks = checks + 1
    return ("%s__check(%q, %s)"):format(indent, want, expr:sub(2, -2))
  end)
  return out, checks
end

describe("the docs' Lua examples", function()
  local scratch = os.tmpname()
  teardown(function() os.execute("rm -rf '" .. scratch .. "'") end)
  os.remove(scratch)
  os.execute("mkdir -p " .. scratch)
  -- the reader's tx.csv of docs/lua.md: CDNOW's log with an `id` column
  local src = assert(io.open(os.getenv("CLVKIT_REFDATA") .. "/btyd_cdnowElog.csv"))
  local dst = assert(io.open(scratch .. "/tx.csv", "w"))
  dst:write((src:read("l"):gsub("sampleid", "id")), "\n", src:read("a"))
  src:close()
  dst:close()

  for _, doc in ipairs(DOCS) do
    local failures = {}
    local env = setmetatable({
      __check = function(want, ...)
        local got = shown(...)
        if not matches(got, want) then
          failures[#failures + 1] = ("printed %s, the docs say %s"):format(got, want)
        end
      end,
      print = function() end,
      io = setmetatable({ write = function() end }, { __index = io }),
    }, { __index = _G })
    for _, b in ipairs(lua_blocks(read(doc))) do
      local skip = b.code:match("^%-%- not run: ")
      local name = ("%s:%d"):format(doc, b.line)
      local code, checks = instrument(b.code)
      ;(skip and pending or it)(name .. (checks > 0 and (" (" .. checks .. " results)") or ""), function()
        for k in pairs(failures) do failures[k] = nil end
        local chunk = assert(load(code:gsub('read_csv%("tx.csv"', 'read_csv("' .. scratch .. '/tx.csv"')
                                 :gsub('write_svg%("', 'write_svg("' .. scratch .. '/')
                                 :gsub('write_csv%("', 'write_csv("' .. scratch .. '/'), "=" .. name, "t", env))
        local ok, err = pcall(chunk)
        assert(ok, err)
        assert.are.same({}, failures)
      end)
    end
  end
end)

-- docs/functions.md: each formula's argument table lists the core's
-- parameters in order with their defaults, and each example with a number
-- for its result (a Calc call with numbers, `;` between them, `%` for a
-- percentage, `1/12` for a fraction) gives that number from ck.
describe("docs/functions.md", function()
  local core = require "clvkit.core"
  local text = read("docs/functions.md")
  local sections = {}
  local heads = {}
  for at, name in text:gmatch("\n()### ([%w_` ]+)") do heads[#heads + 1] = { at = at, name = name } end
  for i, h in ipairs(heads) do
    sections[h.name] = text:sub(h.at, heads[i + 1] and heads[i + 1].at - 1 or -1)
  end

  local function number(arg)
    arg = arg:gsub("%s", "")
    local pct = arg:match("^([%d.]+)%%$")
    if pct then return tonumber(pct) / 100 end
    local a, b = arg:match("^([%d.]+)/([%d.]+)$")
    if a then return tonumber(a) / tonumber(b) end
    return tonumber(arg)
  end

  for _, name in ipairs(core.builtins) do
    local body = sections[name:upper()]
    it(name:upper() .. ": its arguments are the core's, its examples hold", function()
      assert.is_truthy(body, name)
      local names, nreq, defaults = core.params(name)
      local rows = {}
      for line in body:gmatch("[^\n]+") do
        local arg, default = line:match("^| `([%w_]+)` |.*| ([^|]-) |$")
        if arg then rows[#rows + 1] = { arg = arg, default = default } end
      end
      assert.are.equal(#names, #rows, name .. ": one table row per argument")
      for i, r in ipairs(rows) do
        assert.are.equal(names[i], r.arg)
        if i <= nreq then
          assert.are.equal("required", r.default)
        else
          assert.are.equal(defaults[names[i]], number(r.default:match("^[%d.%%/]+") or ""), r.arg)
        end
      end
      local checked = 0
      for call, result in body:gmatch("| `" .. name:upper() .. "%(([^)`]*)%)` | ([^|]-) |") do
        local args, ok = {}, true
        for a in (call .. ";"):gmatch("([^;]*);") do
          args[#args + 1] = number(a)
          ok = ok and args[#args] ~= nil
        end
        local want = number(result)
        if ok and want then
          local decimals = result:match("%.(%d+)") or ""
          local got = ck[name](table.unpack(args))
          assert.is_true(math.abs(got - want) <= 0.5 * 10 ^ -#decimals,
                         ("%s(%s) = %.10g, the docs say %s"):format(name:upper(), call, got, result))
          checked = checked + 1
        end
      end
      assert.is_true(checked > 0 or name == "cac", name .. ": no example checked")
    end)
  end
end)

describe("the documented lists", function()
  local documented = {}
  for _, doc in ipairs { "README.md", "docs/lua.md", "docs/models.md" } do
    for name in read(doc):gmatch("ck%.([%a_][%w_]*)") do documented[name] = true end
  end

  it("every ck.name in the docs exists", function()
    local missing = {}
    for name in pairs(documented) do
      if ck[name] == nil then missing[#missing + 1] = name end
    end
    table.sort(missing)
    assert.are.same({}, missing)
  end)

  it("every function of the module is documented", function()
    local undocumented = {}
    for name in pairs(ck) do
      if not documented[name] and name ~= "_VERSION" then undocumented[#undocumented + 1] = name end
    end
    table.sort(undocumented)
    assert.are.same({}, undocumented)
  end)

  it("every model kind of the core is documented with its methods", function()
    local core = require "clvkit.core"
    local text = read("docs/lua.md")
    for _, kind in ipairs(core.model_kinds) do
      assert.is_truthy(text:find("ck." .. kind, 1, true), kind)
    end
    local methods = getmetatable(ck.bgnbd.new { r = 1, alpha = 1, a = 1, b = 1 }).methods
    local missing = {}
    for kind, list in pairs(methods) do
      for m in pairs(list) do
        if not text:find(":" .. m .. "(", 1, true) and not text:find("`" .. m .. "(", 1, true) then
          missing[#missing + 1] = kind .. ":" .. m
        end
      end
    end
    table.sort(missing)
    assert.are.same({}, missing)
  end)

  it("every scalar formula has its section in docs/functions.md", function()
    local text = read("docs/functions.md")
    for _, name in ipairs((require "clvkit.core").builtins) do
      assert.is_truthy(text:find("\n### " .. name:upper() .. "\n", 1, true), name)
    end
  end)
end)
