--- clvkit.sweep: what-if sweeps over the Cartesian product of a grid.
-- A built-in function is evaluated in C over the whole grid (core.sweep);
-- a Lua function is called once per scenario.  Either way the result keeps
-- the grid's axes once and one column of doubles per output (8 bytes a row),
-- and rows are rebuilt from the row number when asked for.
local core = require "clvkit.core"
core.internal() -- errors of the core point past this file, at its caller
local svg = require "clvkit.svg"

local M = {}

local Sweep = {}
Sweep.__index = Sweep
Sweep.__name = "clvkit.Sweep"

--- errors ------------------------------------------------------------------

-- Raises "bad argument #n to 'fname' (msg)" at the caller of the public method.
local function argerror(fname, n, msg, level)
  error(("bad argument #%d to '%s' (%s)"):format(n, fname, msg), (level or 2) + 1)
end

local function check_options(fname, n, opts, allowed)
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    argerror(fname, n, "table expected, got " .. type(opts), 3)
  end
  for k in pairs(opts) do
    if not allowed[k] then
      argerror(fname, n, ("unknown option '%s'"):format(tostring(k)), 3)
    end
  end
  return opts
end

--- grids -------------------------------------------------------------------

local function finite(v) return v == v and v ~= math.huge and v ~= -math.huge end

local function to_axis(name, v)
  if type(v) == "number" then
    if not finite(v) then
      argerror("sweep", 2, ("grid.%s must be a finite number"):format(name), 4)
    end
    return { v }
  elseif type(v) == "table" then
    local n = #v
    if n == 0 then argerror("sweep", 2, ("grid.%s is empty"):format(name), 4) end
    local copy = {} -- the result must not change when the caller's list does
    for i = 1, n do
      if type(v[i]) ~= "number" then
        argerror("sweep", 2, ("grid.%s[%d]: number expected, got %s"):format(name, i, type(v[i])), 4)
      elseif not finite(v[i]) then
        argerror("sweep", 2, ("grid.%s[%d] must be a finite number"):format(name, i), 4)
      end
      copy[i] = v[i]
    end
    return copy
  end
  argerror("sweep", 2, ("grid.%s: number or list of numbers expected, got %s"):format(name, type(v)), 4)
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do
    if type(k) ~= "string" then
      argerror("sweep", 2, ("grid keys must be argument names, got %s"):format(tostring(k)), 4)
    end
    keys[#keys + 1] = k
  end
  table.sort(keys)
  return keys
end

local function new_sweep(t)
  t.lens = {}
  t.nrows = 1
  for i, axis in ipairs(t.axes) do
    t.lens[i] = #axis
    t.nrows = t.nrows * #axis
  end
  t.shown = t.shown or t.names
  t.index = {}
  for i, name in ipairs(t.names) do t.index[name] = i end
  return setmetatable(t, Sweep)
end

-- Built-in: the grid names arguments of a catalogued function.
local function sweep_builtin(what, grid, threads)
  local names, nreq, defaults = core.params(what)
  local known = {}
  for _, name in ipairs(names) do known[name] = true end
  for _, k in ipairs(sorted_keys(grid)) do
    if not known[k] then
      argerror("sweep", 2, ("'%s' takes no argument '%s'"):format(what, k), 3)
    end
  end
  local axes, shown = {}, {}
  for i, name in ipairs(names) do
    if grid[name] ~= nil then
      axes[i] = to_axis(name, grid[name])
      shown[#shown + 1] = name
    elseif i > nreq then
      axes[i] = { defaults[name] }
    else
      argerror("sweep", 2, ("grid has no '%s', which '%s' requires"):format(name, what), 3)
    end
  end
  local column, failed = core.sweep(what, axes, threads)
  return new_sweep {
    names = names, shown = shown, axes = axes, outputs = { what },
    columns = { [what] = column }, failed = failed, builtin = what,
  }
end

-- The axis names of a Lua-function sweep: opts.order checked against the
-- grid, or the grid's keys in alphabetical order.  Errors at ck.sweep's caller.
local function axis_order(grid, names)
  if not names then return sorted_keys(grid) end
  if type(names) ~= "table" then
    argerror("sweep", 3, "order must be a list of the grid's names, got " .. type(names), 4)
  end
  local seen = {}
  for i, name in ipairs(names) do
    if grid[name] == nil then
      argerror("sweep", 3, ("order[%d]: the grid has no '%s'"):format(i, tostring(name)), 4)
    elseif seen[name] then
      argerror("sweep", 3, ("order[%d]: '%s' is listed twice"):format(i, name), 4)
    end
    seen[name] = true
  end
  for _, k in ipairs(sorted_keys(grid)) do
    if not seen[k] then argerror("sweep", 3, ("order lacks '%s'"):format(k), 4) end
  end
  return names
end

-- The name of a function's plain-number result, and the names no output may
-- take (an axis of the grid, "error").
local function output_names(grid, opts)
  local default_output = opts.output or "value"
  if type(default_output) ~= "string" then
    argerror("sweep", 3, "output must be a name, got " .. type(default_output), 4)
  end
  local function reserved(name) return grid[name] ~= nil or name == "error" end
  if reserved(default_output) and opts.output == nil then
    argerror("sweep", 2, "the grid's 'value' is also the default output's name: "
      .. "name the output with {output = ...}", 4)
  elseif reserved(default_output) then
    argerror("sweep", 3, ("output '%s' would hide a column of the same name"):format(default_output), 4)
  end
  return default_output, reserved
end

-- A Lua-function sweep's result being filled row by row.
local Filling = {}
Filling.__index = Filling

function Filling:fail(row, msg)
  self.failed = self.failed + 1
  self.s.errors[row] = msg
end

function Filling:column(name)
  local s = self.s
  local c = s.columns[name]
  if not c then
    c = core.column(s.nrows)
    s.columns[name] = c
    s.outputs[#s.outputs + 1] = name
  end
  return c
end

-- Stores what the function returned for a row (pcall's ok, res).
function Filling:store(row, ok, res)
  if not ok then
    local shown_ok, msg = pcall(tostring, res) -- even a __tostring that raises
    return self:fail(row, shown_ok and msg or "the function raised an error that cannot be shown")
  elseif type(res) == "number" then
    if finite(res) then return self:column(self.default):set(row, res) end
    return self:fail(row, "the function returned a value that is not finite")
  elseif type(res) ~= "table" then
    return self:fail(row, "the function returned " .. type(res) .. ", not a number or a table")
  end
  for key, v in pairs(res) do
    local bad
    if type(key) ~= "string" then
      bad = ("outputs must be named by strings, got key %s"):format(tostring(key))
    elseif self.reserved(key) then
      bad = ("output '%s' has the name of an axis of the grid or of the error column"):format(key)
    elseif type(v) ~= "number" or not finite(v) then
      bad = ("output '%s' is not a finite number"):format(key)
    end
    if bad then return self:fail(row, bad) end
  end
  for key, v in pairs(res) do self:column(key):set(row, v) end
end

-- A scenario that left out an output another one gave is a failed row too.
function Filling:finish()
  local s = self.s
  if #s.outputs == 0 then self:column(self.default) end
  for row = 1, s.nrows do
    if not s.errors[row] then
      for _, out in ipairs(s.outputs) do
        if s.columns[out]:get(row) == nil then
          self:fail(row, ("the function returned no '%s'"):format(out))
          break
        end
      end
    end
  end
  table.sort(s.outputs)
  s.failed = self.failed
  return s
end

-- Lua function: called with one scenario table per row, in row order.
local function sweep_function(fn, grid, opts)
  local names = axis_order(grid, opts.order)
  local axes, rows = {}, 1.0
  for i, name in ipairs(names) do
    axes[i] = to_axis(name, grid[name])
    rows = rows * #axes[i]
  end
  if rows > 2 ^ 40 then argerror("sweep", 2, "the grid has too many scenarios", 3) end
  local default_output, reserved = output_names(grid, opts)
  local s = new_sweep { names = names, axes = axes, outputs = {}, columns = {}, errors = {} }
  local filling = setmetatable({ s = s, failed = 0, default = default_output,
                                 reserved = reserved }, Filling)
  local n, k = s.nrows, #names
  local idx = {}
  for i = 1, k do idx[i] = 1 end
  local start, tty, shown = core.clock(), core.stderr_isatty(), false
  for row = 1, n do
    local scenario = {}
    for i = 1, k do scenario[names[i]] = axes[i][idx[i]] end
    filling:store(row, pcall(fn, scenario))
    -- advance the odometer: the last axis runs fastest
    for i = k, 1, -1 do
      idx[i] = idx[i] + 1
      if idx[i] <= #axes[i] then break end
      idx[i] = 1
    end
    if tty and row % 4096 == 0 and core.clock() - start > 1 then
      io.stderr:write(("\rsweep: %3.0f%% of %d scenarios"):format(100 * row / n, n))
      shown = true
    end
  end
  if shown then io.stderr:write("\n") end
  return filling:finish()
end

--- ck.sweep(what, grid [, options]) -> result
function M.sweep(what, grid, opts)
  if type(grid) ~= "table" then argerror("sweep", 2, "table expected, got " .. type(grid)) end
  opts = check_options("sweep", 3, opts, { order = true, output = true, threads = true })
  if type(what) == "string" then
    if not core.params(what) then
      argerror("sweep", 1, ("'%s' is not a built-in function"):format(what))
    end
    if opts.order or opts.output then
      argerror("sweep", 3, "order and output are for Lua functions; a built-in's are fixed")
    end
    local t = opts.threads
    if t ~= nil and (math.type(t) ~= "integer" or t < 1 or t > core.MAX_THREADS) then
      argerror("sweep", 3, ("threads must be a whole number from 1 to %d"):format(core.MAX_THREADS))
    end
    local result = sweep_builtin(what, grid, t) -- not a tail call: errors keep their level
    return result
  elseif type(what) == "function" then
    if opts.threads then
      argerror("sweep", 3, "threads is for built-ins; a Lua function runs in this Lua state")
    end
    local result = sweep_function(what, grid, opts)
    return result
  end
  argerror("sweep", 1, "function name or function expected, got " .. type(what))
end

--- rows --------------------------------------------------------------------

function Sweep:__len()
  return self.selection and #self.selection or self.nrows
end

-- Grid row number (1-based) of the i-th row of this (possibly filtered) result.
local function grid_row(self, i)
  if self.selection then return math.tointeger(self.selection:get(i)) end
  return i
end

-- Index of each axis for a grid row.
local function axis_indices(self, g)
  local idx, r = {}, g - 1
  for k = #self.names, 1, -1 do
    idx[k] = r % self.lens[k] + 1
    r = r // self.lens[k]
  end
  return idx
end

local function error_of(self, g, idx)
  if self.builtin then
    local args = {}
    for k = 1, #self.names do args[k] = self.axes[k][idx[k]] end
    return core.explain(self.builtin, args)
  end
  return self.errors[g]
end

-- The row as a table: shown axes, outputs, and `error` for a failed scenario.
local function make_row(self, g)
  local idx = axis_indices(self, g)
  local row = {}
  for k, name in ipairs(self.names) do row[name] = self.axes[k][idx[k]] end
  local ok = true
  for _, out in ipairs(self.outputs) do
    local v = self.columns[out]:get(g)
    row[out] = v
    if v == nil and (self.builtin or self.errors[g]) then ok = false end
  end
  if not ok then row.error = error_of(self, g, idx) end
  return row
end

--- result:row(i) -> the i-th row
function Sweep:row(i)
  i = type(i) == "number" and math.tointeger(i)
  if not i or i < 1 or i > #self then
    argerror("row", 1, ("row number between 1 and %d expected"):format(#self))
  end
  return make_row(self, grid_row(self, i))
end

--- for row in result:rows() do ... end
function Sweep:rows()
  local i, n = 0, #self
  return function()
    i = i + 1
    if i <= n then return make_row(self, grid_row(self, i)) end
  end
end

--- result:column(name) -> list of values; false marks a failed scenario
function Sweep:column(name)
  local k = self.index[name]
  local col = self.columns[name]
  if not k and not col then
    argerror("column", 1, ("no column '%s'"):format(tostring(name)))
  end
  local t = {}
  for i = 1, #self do
    local g = grid_row(self, i)
    if col then
      local v = col:get(g)
      if v == nil then v = false end
      t[i] = v
    else
      t[i] = self.axes[k][axis_indices(self, g)[k]]
    end
  end
  return t
end

--- result:summary() -> {[output] = {count, failed, min, max, mean, p05, p25, median, p75, p95}}
function Sweep:summary()
  local s = {}
  for _, out in ipairs(self.outputs) do
    s[out] = self.columns[out]:summary(self.selection)
  end
  return s
end

--- result:where(predicate) -> the rows for which predicate(row) is true
function Sweep:where(pred)
  if type(pred) ~= "function" then
    argerror("where", 1, "function expected, got " .. type(pred))
  end
  local keep, failed = {}, 0
  for i = 1, #self do
    local g = grid_row(self, i)
    local row = make_row(self, g)
    if pred(row) then
      keep[#keep + 1] = g
      if row.error then failed = failed + 1 end
    end
  end
  local sel = core.column(#keep)
  for i, g in ipairs(keep) do sel:set(i, g) end
  local r = setmetatable({}, Sweep)
  for k, v in pairs(self) do r[k] = v end
  r.selection = sel
  r.failed = failed
  return r
end

--- result:best(output [, "max" | "min"]) -> the row, or nil if every scenario failed
function Sweep:best(output, how)
  if not self.columns[output] then
    argerror("best", 1, ("no output '%s'"):format(tostring(output)))
  end
  how = how or "max"
  if how ~= "max" and how ~= "min" then
    argerror("best", 2, ("\"max\" or \"min\" expected, got %s"):format(tostring(how)))
  end
  local g = self.columns[output]:best(how == "max", self.selection)
  if g then return make_row(self, g) end
end

--- output ------------------------------------------------------------------

-- Shortest text that reads back as the same number.
local function number_text(v)
  if math.type(v) == "integer" then return tostring(v) end
  for _, fmt in ipairs { "%.15g", "%.16g", "%.17g" } do
    local s = fmt:format(v)
    if tonumber(s) == v then return s end
  end
end

local function header(self)
  local cols = {}
  for _, name in ipairs(self.shown) do cols[#cols + 1] = name end
  for _, out in ipairs(self.outputs) do cols[#cols + 1] = out end
  if self.failed > 0 then cols[#cols + 1] = "error" end
  return cols
end

local function csv_field(s)
  if s:find('[,"\r\n]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end

-- Writes through write(f) into a temporary file beside `path`, then renames
-- it, so a failed write never leaves a half file.  A device or FIFO (say
-- /dev/stdout) is written in place: a rename would replace it.  Returns
-- true, or nil, msg (naming `path`).
local function write_atomically(path, write)
  local kind = core.path_kind(path)
  if kind == "directory" then return nil, path .. ": Is a directory" end
  if kind == "other" then
    local f, e = io.open(path, "wb")
    if not f then return nil, e end
    local ok, we = write(f)
    local closed, ce = f:close()
    if ok and closed then return true end
    return nil, path .. ": " .. tostring(we or ce)
  end
  local tmp = ("%s.tmp%d"):format(path, math.random(1, 1 << 30))
  local f, e = io.open(tmp, "wb")
  local ce
  if f then
    local ok, closed
    ok, e = write(f)
    closed, ce = f:close()
    if ok and closed then
      ok, e = os.rename(tmp, path)
      if ok then return true end
    end
    os.remove(tmp)
  end
  -- name the file the caller asked for, not the temporary one
  local msg = tostring(e or ce)
  local at = msg:find(tmp, 1, true)
  if at then msg = msg:sub(1, at - 1) .. path .. msg:sub(at + #tmp) end
  if not msg:find(path, 1, true) then msg = path .. ": " .. msg end -- a write error has no name
  return nil, msg
end

--- result:write_csv(path) -> true, or nil, message
-- RFC 4180: header row, CRLF line ends; written to a temporary file and
-- renamed, so a failed write never leaves a half file at `path`.
function Sweep:write_csv(path)
  if type(path) ~= "string" then argerror("write_csv", 1, "string expected, got " .. type(path)) end
  local cols = header(self)
  return write_atomically(path, function(f)
    local line = {}
    for i, c in ipairs(cols) do line[i] = csv_field(c) end
    local ok, e = f:write(table.concat(line, ","), "\r\n")
    for row in self:rows() do
      if not ok then break end
      for i, c in ipairs(cols) do
        local v = row[c]
        line[i] = v == nil and "" or type(v) == "number" and number_text(v) or csv_field(tostring(v))
      end
      ok, e = f:write(table.concat(line, ","), "\r\n")
    end
    return ok, e
  end)
end

--- result:to_table([{max_rows = 20}]) -> aligned plain text
function Sweep:to_table(opts)
  opts = check_options("to_table", 1, opts, { max_rows = true })
  local max_rows = opts.max_rows or 20
  if type(max_rows) ~= "number" or math.tointeger(max_rows) == nil or max_rows < 0 then
    argerror("to_table", 1, "max_rows must be a whole number >= 0")
  end
  local cols = header(self)
  local cells, width = { cols }, {}
  for i, c in ipairs(cols) do width[i] = #c end
  local n = #self
  for i = 1, math.min(n, max_rows) do
    local row, line = self:row(i), {}
    for j, c in ipairs(cols) do
      local v = row[c]
      line[j] = v == nil and "-" or type(v) == "number" and ("%.10g"):format(v) or tostring(v)
      if #line[j] > width[j] then width[j] = #line[j] end
    end
    cells[#cells + 1] = line
  end
  local out = {}
  for r, line in ipairs(cells) do
    local parts = {}
    for j, s in ipairs(line) do
      local pad = (" "):rep(width[j] - #s)
      -- numbers right-aligned, header and text left-aligned
      parts[j] = (r > 1 and tonumber(s)) and pad .. s or s .. pad
    end
    out[#out + 1] = table.concat(parts, "  "):gsub("%s+$", "")
    if r == 1 then
      local rule = {}
      for j = 1, #cols do rule[j] = ("-"):rep(width[j]) end
      out[#out + 1] = table.concat(rule, "  ")
    end
  end
  if n > max_rows then out[#out + 1] = ("... %d more rows"):format(n - max_rows) end
  out[#out + 1] = ("%d scenarios, %d failed"):format(n, self.failed)
  return table.concat(out, "\n")
end

--- result:write_svg(path, {x = axis, y = output | axis, z = output, series = axis,
---                         at = {axis = value}, threshold = number, title = text})
-- A line chart of output y against axis x (one line per value of `series`),
-- or, with z, a heat map of output z over axes x and y with the contour
-- where z crosses `threshold`.  Returns true, or nil, message.
function Sweep:write_svg(path, opts)
  if type(path) ~= "string" then argerror("write_svg", 1, "string expected, got " .. type(path)) end
  opts = check_options("write_svg", 2, opts,
    { x = true, y = true, z = true, series = true, at = true, threshold = true, title = true,
      width = true, height = true })
  for _, k in ipairs { "width", "height" } do
    local v = opts[k]
    if v ~= nil and (type(v) ~= "number" or math.tointeger(v) == nil or v < 100 or v > 20000) then
      argerror("write_svg", 2, ("%s must be a whole number of pixels from 100 to 20000"):format(k))
    end
  end
  if opts.threshold ~= nil and (type(opts.threshold) ~= "number" or not finite(opts.threshold)) then
    argerror("write_svg", 2, "threshold must be a finite number")
  end
  if opts.at ~= nil and type(opts.at) ~= "table" then
    argerror("write_svg", 2, "at must be a table of axis values, got " .. type(opts.at))
  end
  if opts.title ~= nil and type(opts.title) ~= "string" then
    argerror("write_svg", 2, "title must be a string, got " .. type(opts.title))
  end
  local function need_axis(key)
    local name = opts[key]
    if not self.index[name] then
      argerror("write_svg", 2, ("%s must name an axis of the grid, got %s"):format(key, tostring(name)), 3)
    end
    return self.index[name]
  end
  local function need_output(key)
    local name = opts[key]
    if not self.columns[name] then
      argerror("write_svg", 2, ("%s must name an output, got %s"):format(key, tostring(name)), 3)
    end
    return self.columns[name]
  end
  local kx = need_axis("x")
  local ky, zcol, ycol, ks
  if opts.z ~= nil then
    ky, zcol = need_axis("y"), need_output("z")
  else
    ycol = need_output("y")
    if opts.series ~= nil then ks = need_axis("series") end
  end
  -- every other axis that varies must be pinned with `at`
  local at = opts.at or {}
  local pinned = {}
  for k, name in ipairs(self.names) do
    if k ~= kx and k ~= ky and k ~= ks and self.lens[k] > 1 then
      local v = at[name]
      if v == nil then
        argerror("write_svg", 2, ("axis '%s' varies: pin it with at = {%s = ...}"):format(name, name))
      end
      local found
      for i, a in ipairs(self.axes[k]) do if a == v then found = i end end
      if not found then
        argerror("write_svg", 2, ("at.%s = %s is not a value of the axis"):format(name, tostring(v)))
      end
      pinned[k] = found
    end
  end
  local cells = {}
  for i = 1, #self do
    local g = grid_row(self, i)
    local idx = axis_indices(self, g)
    local keep = true
    for k, want in pairs(pinned) do if idx[k] ~= want then keep = false end end
    if keep then
      cells[#cells + 1] = { idx = idx, value = (zcol or ycol):get(g) }
    end
  end
  local doc
  if zcol then
    doc = svg.heatmap {
      xs = self.axes[kx], ys = self.axes[ky], xlabel = opts.x, ylabel = opts.y, zlabel = opts.z,
      cells = cells, kx = kx, ky = ky, threshold = opts.threshold, title = opts.title,
      width = opts.width, height = opts.height,
    }
  else
    doc = svg.lines {
      xs = self.axes[kx], xlabel = opts.x, ylabel = opts.y, cells = cells, kx = kx,
      ks = ks, series_label = opts.series, series_values = ks and self.axes[ks],
      title = opts.title, width = opts.width, height = opts.height,
    }
  end
  return write_atomically(path, function(f) return f:write(doc) end)
end

function Sweep:__tostring()
  return ("clvkit.Sweep: %d scenarios, outputs %s, %d failed"):format(
    #self, table.concat(self.outputs, ", "), self.failed)
end

-- for the other writers of the module (clvkit.diagnostics)
M.write_atomically = write_atomically

return M
