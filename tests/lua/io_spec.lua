-- The writers (write_csv, write_svg) when the file system says no: a full
-- disk, a missing or read-only directory, a path that is a directory.  Each
-- gives nil and a message naming the path, and leaves no partial file: what
-- was at the path before is still there, and no temporary file is left.
local ck = require "clvkit"
local core = require "clvkit.core"

local function small_sweep()
  return ck.sweep("clv", { aov = ck.linspace(10, 100, 50), freq = { 1, 2 }, years = 3 })
end

-- The writers as one list, so both face every case.
local writers = {
  write_csv = function(r, path) return r:write_csv(path) end,
  write_svg = function(r, path) return r:write_svg(path, { x = "aov", y = "clv", series = "freq" }) end,
}

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function files_in(dir)
  local p = io.popen("ls -A '" .. dir .. "'")
  local names = {}
  for line in p:lines() do names[#names + 1] = line end
  p:close()
  table.sort(names)
  return names
end

local function fresh_dir()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -m 755 '" .. dir .. "'"))
  return dir
end

-- Runs a Lua chunk in a child interpreter (same module paths) under `prefix`
-- (a shell command prefix: a user, a file-size limit); returns its stdout.
local function child(prefix, code)
  local script = os.tmpname()
  local f = assert(io.open(script, "w"))
  f:write(code)
  f:close()
  os.execute("chmod 644 '" .. script .. "'")
  local p = io.popen(prefix .. " lua5.4 '" .. script .. "' 2>&1")
  local out = p:read("a")
  p:close()
  os.remove(script)
  return out
end

for name, write in pairs(writers) do
  describe(name .. " on a hostile file system", function()
    it("fails on a full disk (/dev/full), naming it, and leaves the device alone", function()
      local ok, err = write(small_sweep(), "/dev/full")
      assert.is_nil(ok)
      assert.truthy(err:find("/dev/full: ", 1, true), err)
      assert.truthy(err:find("No space left on device", 1, true), err)
      assert.equal("other", core.path_kind("/dev/full")) -- not replaced by a file
    end)

    it("fails in a missing directory, leaving nothing", function()
      local dir = fresh_dir()
      local path = dir .. "/missing/out.x"
      local ok, err = write(small_sweep(), path)
      assert.is_nil(ok)
      assert.truthy(err:find(path .. ": ", 1, true), err)
      assert.same({}, files_in(dir))
      os.remove(dir)
    end)

    it("fails on a path that is a directory, which stays a directory", function()
      local dir = fresh_dir()
      local ok, err = write(small_sweep(), dir)
      assert.is_nil(ok)
      assert.truthy(err:find(dir .. ": Is a directory", 1, true), err)
      assert.equal("directory", core.path_kind(dir))
      assert.same({}, files_in(dir))
      os.remove(dir)
    end)

    it("fails in a read-only directory (as user nobody: root writes anywhere)", function()
      local dir = fresh_dir()
      local path = dir .. "/out.x"
      local f = assert(io.open(path, "w"))
      f:write("the user's old file")
      f:close()
      os.execute("chmod 555 '" .. dir .. "'; chmod 644 '" .. path .. "'")
      local as = core.path_kind("/usr/sbin/runuser") and "runuser -u nobody --" or ""
      local out = child(as, ([[
        local ck = require "clvkit"
        local r = ck.sweep("clv", { aov = ck.linspace(10, 100, 50), freq = { 1, 2 }, years = 3 })
        print(r:%s(%q%s))
      ]]):format(name, path, name == "write_svg" and [[, { x = "aov", y = "clv", series = "freq" }]] or ""))
      os.execute("chmod 755 '" .. dir .. "'")
      assert.truthy(out:find("nil\t" .. path .. ": Permission denied", 1, true), out)
      assert.equal("the user's old file", read(path))
      assert.same({ "out.x" }, files_in(dir))
      os.remove(path)
      os.remove(dir)
    end)

    it("leaves the old file whole when the disk fills mid-write (temp file and rename)", function()
      local dir = fresh_dir()
      local path = dir .. "/out.x"
      local f = assert(io.open(path, "w"))
      f:write("the user's old file")
      f:close()
      -- a 4 KiB file-size limit (SIGXFSZ ignored: writes fail with EFBIG)
      -- stands in for a disk that fills while the file is written
      local out = child("ulimit -f 8; trap '' XFSZ;", ([[
        local ck = require "clvkit"
        local r = ck.sweep("clv", { aov = ck.linspace(10, 100, 2000), freq = { 1, 2 }, years = 3 })
        print(r:%s(%q%s))
      ]]):format(name, path, name == "write_svg" and [[, { x = "aov", y = "clv", series = "freq" }]] or ""))
      assert.truthy(out:find("nil\t" .. path .. ": File too large", 1, true), out)
      assert.equal("the user's old file", read(path))
      assert.same({ "out.x" }, files_in(dir)) -- no temporary file left
      os.remove(path)
      os.remove(dir)
    end)
  end)
end
