-- wrk script for the events API: every request a different bbox + date window over the Middle East,
-- the kind of query a map pan/zoom with a timeline brush sends.
-- Usage: wrk -s events.lua http://127.0.0.1:18081 -- API_KEY [LIMIT]
local key, limit
local first_day = os.time({year = 2021, month = 1, day = 1, hour = 12})
local days = 5 * 365
-- map views: centres of the conflict areas the generator spreads events around
local centres = {
  {37.16, 36.20}, {36.63, 35.93}, {36.71, 34.73}, {40.14, 35.34}, {36.29, 33.51}, {43.13, 36.34}, {44.36, 33.31},
  {44.19, 15.37}, {44.02, 13.58}, {42.95, 14.80}, {13.19, 32.89}, {20.07, 32.12}, {34.47, 31.50}, {35.30, 32.46},
  {35.37, 33.56}, {39.0, 34.5}, {44.0, 15.0}, {35.0, 32.0}
}

function init(args)
  key = args[1] or "missing-key"
  limit = args[2] or "100"
  math.randomseed(os.time() + tonumber(tostring(wrk.thread):match("0x(%x+)") or "0", 16) % 1000)
end

local function day(offset)
  return os.date("!%Y-%m-%d", first_day + offset * 86400)
end

function request()
  local c = centres[math.random(#centres)]
  -- zoom: from a town (0.2 degrees) to a whole country (8 degrees)
  local half = ({0.1, 0.25, 0.5, 1, 2, 4})[math.random(6)]
  local west, east = math.max(-180, c[1] - half), math.min(180, c[1] + half)
  local south, north = math.max(-90, c[2] - half), math.min(90, c[2] + half)
  -- brush: a week to a year
  local span = ({7, 30, 90, 365})[math.random(4)]
  local from = math.random(0, days - span)
  local path = string.format("/api/v1/events?bbox=%.3f,%.3f,%.3f,%.3f&from=%s&to=%s&limit=%s",
    west, south, east, north, day(from), day(from + span), limit)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. key})
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
