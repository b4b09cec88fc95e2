-- wrk script: realistic case writes as a district administrator (HTTP Basic, hv-admin). Each connection
-- raises a case, then records 19 collaborations on it, then raises the next, every request with an
-- Idempotency-Key of its own, as a client that retries would send. A case is handed to the next request
-- only after the answer to the previous one came back (the answer names the case), so no two requests
-- ever write the same case at once and no 409 comes from the benchmark itself.
-- Arguments (after --): <basic-auth base64> <run tag>

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

local auth, tag
local counter = 0
local free = {}      -- cases whose previous write was answered, ready for the next
local left = {}      -- writes still to make per case
writes_ok = 0
refused = 0
first_refusal = ""

-- A synthetic Swedish personal identity number with a valid check digit (Luhn over YYMMDDNNN).
local function identity_number()
  local age = math.random(1, 17)
  local t = os.time() - age * 365 * 86400 - math.random(30, 300) * 86400
  local date = os.date("!%Y%m%d", t)
  local serial = string.format("%03d", math.random(1, 999))
  local digits = string.sub(date, 3) .. serial
  local sum = 0
  for i = 1, 9 do
    local d = tonumber(string.sub(digits, i, i)) * ((i % 2 == 1) and 2 or 1)
    if d > 9 then d = d - 9 end
    sum = sum + d
  end
  return date .. "-" .. serial .. ((10 - sum % 10) % 10)
end

local function iso(seconds_ago)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - seconds_ago)
end

function init(args)
  auth = args[1]
  tag = args[2] or "run"
  math.randomseed(os.time() * 100 + tid)
end

function request()
  counter = counter + 1
  local headers = {
    ["Authorization"] = "Basic " .. auth,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. tag .. "-" .. tid .. "-" .. counter,
  }
  local case = table.remove(free)
  if case then
    return wrk.format("POST", "/api/v1/cases/" .. case .. "/collaborations", headers,
      '{"partner":"SCHOOL","kind":"MEETING","occurredAt":"' .. iso(86400) .. '"}')
  end
  return wrk.format("POST", "/api/v1/districts/hasselby-vallingby/cases", headers,
    '{"receivedAt":"' .. iso(2 * 86400) .. '","reporter":"SCHOOL","concerns":["CRIME_RISK","SCHOOL_ABSENCE"],'
      .. '"child":{"personalIdentityNumber":"' .. identity_number() .. '"}}')
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    writes_ok = writes_ok + 1
    local case = string.match(body, '"caseId":"([^"]+)"')
    if case then
      left[case] = (left[case] or 20) - 1
      if left[case] > 0 then
        table.insert(free, case)
      else
        left[case] = nil
      end
    end
  else
    refused = refused + 1
    if first_refusal == "" then first_refusal = status .. " " .. string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local ok, bad, why = 0, 0, ""
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("writes_ok")
    bad = bad + thread:get("refused")
    if why == "" then why = thread:get("first_refusal") end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d ok=%d refused=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, ok, bad, e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
  if why ~= "" then io.write("FIRST_REFUSAL " .. why .. "\n") end
end
