--- clvkit.svg: a small SVG writer for sweep charts (a line chart and a heat
-- map with a threshold contour).  Pure text, no external program.
local M = {}

local function esc(s)
  return (tostring(s):gsub("[&<>\"']", {
    ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&apos;" }))
end

local function num(v) return ("%.10g"):format(v) end

local function fmt(v)
  if v == math.floor(v) and math.abs(v) < 1e15 then return ("%d"):format(v) end
  return ("%.4g"):format(v)
end

-- "Nice" tick values covering [lo, hi] (about n of them).  Each tick is
-- computed from its index, so a step below the values' floating-point
-- spacing cannot stall the loop; at most 2n + 2 ticks.
local function ticks(lo, hi, n)
  if not (hi > lo) then return { lo } end
  local raw = (hi - lo) / n
  local mag = 10 ^ math.floor(math.log(raw, 10))
  local step = mag
  for _, m in ipairs { 1, 2, 2.5, 5, 10 } do
    if m * mag >= raw then step = m * mag break end
  end
  local t, first = {}, math.ceil(lo / step)
  for i = 0, 2 * n + 1 do
    local v = (first + i) * step
    if v > hi + step * 1e-9 then break end
    if t[#t] ~= v then t[#t + 1] = v end
  end
  if #t == 0 then t[1] = lo end
  return t
end

local PALETTE = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                  "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" }

local function document(w, h, title, body)
  return table.concat {
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '):format(w, h, w, h),
    'font-family="sans-serif" font-size="12">\n',
    ('<rect width="%d" height="%d" fill="white"/>\n'):format(w, h),
    title and ('<text x="%d" y="20" text-anchor="middle" font-size="15">%s</text>\n'):format(w // 2, esc(title)) or "",
    body,
    "</svg>\n",
  }
end

-- Axis lines, ticks and labels for a plot area.
local function frame(out, area, xr, yr, xlabel, ylabel, xticks, yticks)
  local x0, y0, w, h = area.x, area.y, area.w, area.h
  local function sx(v) return x0 + (v - xr[1]) / (xr[2] - xr[1]) * w end
  local function sy(v) return y0 + h - (v - yr[1]) / (yr[2] - yr[1]) * h end
  out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#444"/>\n')
    :format(num(x0), num(y0), num(w), num(h))
  for _, t in ipairs(xticks) do
    local x = sx(t)
    out[#out + 1] = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#444"/>'
      .. '<text x="%s" y="%s" text-anchor="middle">%s</text>\n')
      :format(num(x), num(y0 + h), num(x), num(y0 + h + 5), num(x), num(y0 + h + 18), esc(fmt(t)))
  end
  for _, t in ipairs(yticks) do
    local y = sy(t)
    out[#out + 1] = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#444"/>'
      .. '<text x="%s" y="%s" text-anchor="end">%s</text>\n')
      :format(num(x0 - 5), num(y), num(x0), num(y), num(x0 - 8), num(y + 4), esc(fmt(t)))
  end
  out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle">%s</text>\n')
    :format(num(x0 + w / 2), num(y0 + h + 36), esc(xlabel))
  out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle" transform="rotate(-90 %s %s)">%s</text>\n')
    :format(num(x0 - 48), num(y0 + h / 2), num(x0 - 48), num(y0 + h / 2), esc(ylabel))
  return sx, sy
end

local function range_of(values)
  local lo, hi = math.huge, -math.huge
  for _, v in ipairs(values) do
    if v < lo then lo = v end
    if v > hi then hi = v end
  end
  if lo == math.huge then return { 0, 1 } end
  if lo == hi then return { lo - 0.5, hi + 0.5 } end
  if hi - lo == math.huge then -- a span past DBL_MAX cannot be scaled to pixels
    error("write_svg: the values span more than the largest number; chart a narrower range", 0)
  end
  return { lo, hi }
end

--- Line chart: o.cells = {{idx = axis indices, value = y or nil}}, x axis
--- o.kx, optional series axis o.ks.
function M.lines(o)
  local w, h = o.width or 720, o.height or 440
  local area = { x = 70, y = 36, w = w - 70 - (o.ks and 140 or 30), h = h - 36 - 56 }
  local lines, keys, ys = {}, {}, {}
  for _, c in ipairs(o.cells) do
    local key = o.ks and c.idx[o.ks] or 1
    if not lines[key] then
      lines[key] = {}
      keys[#keys + 1] = key
    end
    local x = o.xs[c.idx[o.kx]]
    table.insert(lines[key], { x = x, y = c.value })
    if c.value then ys[#ys + 1] = c.value end
  end
  table.sort(keys)
  local xr, yr = range_of(o.xs), range_of(ys)
  local out = {}
  local sx, sy = frame(out, area, xr, yr, o.xlabel, o.ylabel, ticks(xr[1], xr[2], 8), ticks(yr[1], yr[2], 6))
  for n, key in ipairs(keys) do
    local pts = lines[key]
    table.sort(pts, function(a, b) return a.x < b.x end)
    local color = PALETTE[(n - 1) % #PALETTE + 1]
    local seg = {}
    local function flush()
      if #seg > 0 then
        out[#out + 1] = ('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>\n')
          :format(color, table.concat(seg, " "))
      end
      seg = {}
    end
    for _, p in ipairs(pts) do
      if p.y then seg[#seg + 1] = num(sx(p.x)) .. "," .. num(sy(p.y)) else flush() end -- a failed point breaks the line
    end
    flush()
    if o.ks then
      local y = area.y + 14 + (n - 1) * 18
      out[#out + 1] = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>'
        .. '<text x="%s" y="%s">%s = %s</text>\n')
        :format(num(area.x + area.w + 12), num(y), num(area.x + area.w + 32), num(y), color,
                num(area.x + area.w + 36), num(y + 4), esc(o.series_label), esc(fmt(o.series_values[key])))
    end
  end
  return document(w, h, o.title or (o.ylabel .. " by " .. o.xlabel), table.concat(out))
end

-- Colour for t in [0, 1]: blue (low) through pale yellow to red (high).
local function colour(t)
  local stops = { { 0, 49, 54, 149 }, { 0.5, 255, 255, 191 }, { 1, 165, 0, 38 } }
  for i = 2, #stops do
    local a, b = stops[i - 1], stops[i]
    if t <= b[1] then
      local f = (t - a[1]) / (b[1] - a[1])
      return ("#%02x%02x%02x"):format(
        math.floor(a[2] + f * (b[2] - a[2]) + 0.5),
        math.floor(a[3] + f * (b[3] - a[3]) + 0.5),
        math.floor(a[4] + f * (b[4] - a[4]) + 0.5))
    end
  end
  return "#a50026"
end

--- Heat map over axes o.kx × o.ky of o.cells' values, with the frontier
--- where the value crosses o.threshold drawn between cells.
function M.heatmap(o)
  local w, h = o.width or 760, o.height or 480
  local area = { x = 70, y = 36, w = w - 70 - 120, h = h - 36 - 56 }
  local nx, ny = #o.xs, #o.ys
  local grid, zs = {}, {}
  for _, c in ipairs(o.cells) do
    local i, j = c.idx[o.kx], c.idx[o.ky]
    grid[(j - 1) * nx + i] = c.value or false
    if c.value then zs[#zs + 1] = c.value end
  end
  local zr = range_of(zs)
  local out = {}
  local cw, ch = area.w / nx, area.h / ny
  -- cells: axis values in grid order, y growing upwards
  for j = 1, ny do
    for i = 1, nx do
      local z = grid[(j - 1) * nx + i]
      local fill = z and colour((z - zr[1]) / (zr[2] - zr[1])) or "#bbbbbb"
      out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s = %s, %s = %s: %s</title></rect>\n')
        :format(num(area.x + (i - 1) * cw), num(area.y + area.h - j * ch), num(cw + 0.3), num(ch + 0.3), fill,
                esc(o.xlabel), esc(fmt(o.xs[i])), esc(o.ylabel), esc(fmt(o.ys[j])),
                z and esc(fmt(z)) or "no value")
    end
  end
  -- frontier: an edge between two cells on different sides of the threshold
  if o.threshold then
    local t = o.threshold
    local function above(i, j)
      local z = grid[(j - 1) * nx + i]
      if z == nil or z == false then return nil end
      return z >= t
    end
    local d = {}
    for j = 1, ny do
      for i = 1, nx do
        local a = above(i, j)
        if a ~= nil then
          if i < nx and above(i + 1, j) ~= nil and above(i + 1, j) ~= a then
            local x = area.x + i * cw
            d[#d + 1] = ("M%s %sV%s"):format(num(x), num(area.y + area.h - (j - 1) * ch), num(area.y + area.h - j * ch))
          end
          if j < ny and above(i, j + 1) ~= nil and above(i, j + 1) ~= a then
            local y = area.y + area.h - j * ch
            d[#d + 1] = ("M%s %sH%s"):format(num(area.x + (i - 1) * cw), num(y), num(area.x + i * cw))
          end
        end
      end
    end
    if #d > 0 then
      out[#out + 1] = ('<path d="%s" fill="none" stroke="black" stroke-width="3"/>\n'):format(table.concat(d, " "))
    end
  end
  -- axes: label every k-th cell so labels do not collide
  local function labels(values, n, pos)
    local every = math.max(1, math.ceil(n / 10))
    for i = 1, n, every do pos(i, values[i]) end
  end
  out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#444"/>\n')
    :format(num(area.x), num(area.y), num(area.w), num(area.h))
  labels(o.xs, nx, function(i, v)
    out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle">%s</text>\n')
      :format(num(area.x + (i - 0.5) * cw), num(area.y + area.h + 16), esc(fmt(v)))
  end)
  labels(o.ys, ny, function(j, v)
    out[#out + 1] = ('<text x="%s" y="%s" text-anchor="end">%s</text>\n')
      :format(num(area.x - 6), num(area.y + area.h - (j - 0.5) * ch + 4), esc(fmt(v)))
  end)
  out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle">%s</text>\n')
    :format(num(area.x + area.w / 2), num(area.y + area.h + 36), esc(o.xlabel))
  out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle" transform="rotate(-90 %s %s)">%s</text>\n')
    :format(num(area.x - 50), num(area.y + area.h / 2), num(area.x - 50), num(area.y + area.h / 2), esc(o.ylabel))
  -- colour bar
  local bx, by, bh = area.x + area.w + 30, area.y, area.h
  for k = 0, 49 do
    out[#out + 1] = ('<rect x="%s" y="%s" width="18" height="%s" fill="%s"/>\n')
      :format(num(bx), num(by + bh - (k + 1) * bh / 50), num(bh / 50 + 0.3), colour(k / 49))
  end
  out[#out + 1] = ('<text x="%s" y="%s">%s</text><text x="%s" y="%s">%s</text>\n')
    :format(num(bx + 22), num(by + 10), esc(fmt(zr[2])), num(bx + 22), num(by + bh), esc(fmt(zr[1])))
  out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle">%s</text>\n')
    :format(num(bx + 9), num(by - 8), esc(o.zlabel))
  if o.threshold and zr[2] > zr[1] then
    local ty = by + bh - (o.threshold - zr[1]) / (zr[2] - zr[1]) * bh
    if ty >= by and ty <= by + bh then
      out[#out + 1] = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="black" stroke-width="3"/>'
        .. '<text x="%s" y="%s">%s</text>\n')
        :format(num(bx - 4), num(ty), num(bx + 22), num(ty), num(bx + 22), num(ty + 4), esc(fmt(o.threshold)))
    end
  end
  local title = o.title or (o.zlabel .. " over " .. o.xlabel .. " and " .. o.ylabel)
  return document(w, h, title, table.concat(out))
end

-- Legend entries at the top right of a plot area: {label, colour, kind}
-- where kind is "line", "dash" or "bar".
local function legend(out, area, entries)
  for n, e in ipairs(entries) do
    local x, y = area.x + area.w + 12, area.y + 14 + (n - 1) * 18
    if e.kind == "bar" then
      out[#out + 1] = ('<rect x="%s" y="%s" width="20" height="10" fill="%s"/>\n')
        :format(num(x), num(y - 5), e.colour)
    else
      out[#out + 1] = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"%s/>\n')
        :format(num(x), num(y), num(x + 20), num(y), e.colour,
                e.kind == "dash" and ' stroke-dasharray="6 4"' or "")
    end
    out[#out + 1] = ('<text x="%s" y="%s">%s</text>\n'):format(num(x + 24), num(y + 4), esc(e.label))
  end
end

--- Line chart of named series over one x axis: o.xs, o.series = {{label,
--- values [, dash]}}, o.xlabel, o.ylabel, o.title, and o.marker = {x, label}
--- for a vertical line (say the end of the calibration period).
function M.series(o)
  local w, h = o.width or 760, o.height or 440
  local area = { x = 70, y = 36, w = w - 70 - 170, h = h - 36 - 56 }
  local ys = { 0 }
  for _, s in ipairs(o.series) do
    for _, v in ipairs(s.values) do ys[#ys + 1] = v end
  end
  local xr, yr = range_of(o.xs), range_of(ys)
  local out, entries = {}, {}
  local sx, sy = frame(out, area, xr, yr, o.xlabel, o.ylabel, ticks(xr[1], xr[2], 8), ticks(yr[1], yr[2], 6))
  if o.marker and o.marker.x >= xr[1] and o.marker.x <= xr[2] then
    local x = sx(o.marker.x)
    out[#out + 1] = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#777" stroke-dasharray="3 3"/>'
      .. '<text x="%s" y="%s" text-anchor="end" fill="#555">%s</text>\n')
      :format(num(x), num(area.y), num(x), num(area.y + area.h), num(x - 4), num(area.y + 14),
              esc(o.marker.label or ""))
  end
  for n, s in ipairs(o.series) do
    local colour = PALETTE[(n - 1) % #PALETTE + 1]
    local pts = {}
    for i, v in ipairs(s.values) do pts[#pts + 1] = num(sx(o.xs[i])) .. "," .. num(sy(v)) end
    out[#out + 1] = ('<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>\n')
      :format(colour, s.dash and ' stroke-dasharray="6 4"' or "", table.concat(pts, " "))
    entries[#entries + 1] = { label = s.label, colour = colour, kind = s.dash and "dash" or "line" }
  end
  legend(out, area, entries)
  return document(w, h, o.title, table.concat(out))
end

--- Grouped bars: o.groups = labels along x, o.series = {{label, values}}
--- (one bar per series in each group), o.xlabel, o.ylabel, o.title.
function M.bars(o)
  local w, h = o.width or 760, o.height or 440
  local area = { x = 70, y = 36, w = w - 70 - 170, h = h - 36 - 56 }
  local ys = { 0 }
  for _, s in ipairs(o.series) do
    for _, v in ipairs(s.values) do ys[#ys + 1] = v end
  end
  local yr = range_of(ys)
  local ng, ns = #o.groups, #o.series
  local out, entries = {}, {}
  local _, sy = frame(out, area, { 0, 1 }, yr, o.xlabel, o.ylabel, {}, ticks(yr[1], yr[2], 6))
  local gw = area.w / ng
  local bw = gw * 0.8 / ns
  for g = 1, ng do
    out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle">%s</text>\n')
      :format(num(area.x + (g - 0.5) * gw), num(area.y + area.h + 18), esc(o.groups[g]))
  end
  for n, s in ipairs(o.series) do
    local colour = PALETTE[(n - 1) % #PALETTE + 1]
    for g, v in ipairs(s.values) do
      local x = area.x + (g - 1) * gw + gw * 0.1 + (n - 1) * bw
      local y0, y1 = sy(0), sy(v)
      out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s, %s: %s</title></rect>\n')
        :format(num(x), num(math.min(y0, y1)), num(bw), num(math.abs(y0 - y1)), colour,
                esc(s.label), esc(o.groups[g]), esc(fmt(v)))
    end
    entries[#entries + 1] = { label = s.label, colour = colour, kind = "bar" }
  end
  legend(out, area, entries)
  return document(w, h, o.title, table.concat(out))
end

return M
