-- Reading shared/refdata for the specs: a small CSV reader (quoted fields
-- without commas, CRLF line ends) returning columns by header name, and a
-- tolerance check that names both numbers.
local M = {}

M.dir = assert(os.getenv("CLVKIT_REFDATA"), "CLVKIT_REFDATA is not set")

function M.columns(name)
  local f = assert(io.open(M.dir .. "/" .. name), "missing reference data " .. name)
  local header = {}
  for h in f:read("l"):gsub("\r$", ""):gmatch("[^,]+") do header[#header + 1] = h:gsub('"', "") end
  local cols = {}
  for _, h in ipairs(header) do cols[h] = {} end
  for line in f:lines() do
    local i = 0
    for v in line:gsub("\r$", ""):gmatch("[^,]+") do
      i = i + 1
      v = v:gsub('"', "")
      table.insert(cols[header[i]], tonumber(v) or v)
    end
  end
  f:close()
  return cols
end

-- |got - want| <= max(rel * |want|, abs)
function M.near(want, got, rel, abs)
  local tol = math.max((rel or 0) * math.abs(want), abs or 0)
  assert(math.abs(got - want) <= tol, ("got %.10g, want %.10g (tolerance %g)"):format(got, want, tol))
end

return M
