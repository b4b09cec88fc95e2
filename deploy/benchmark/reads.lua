-- wrk script: GETs of one statistics URL as one user; counts answers that are not 200.
-- Arguments (after --): <basic-auth base64> [answers per thread]
-- With answers per thread, each thread stops once it has that many answers (its connections' share of a fixed
-- number of reads; wrk itself still runs for its -d, which must leave room for them): the cold reads' rows
-- count the same reads whatever the speed, the first ones after a restart included.
local threads = {}
function setup(thread) table.insert(threads, thread) end
local auth, budget
local answers = 0
not_ok = 0
first_refusal = ""
function init(args)
  auth = args[1]
  budget = tonumber(args[2])
  wrk.headers["Authorization"] = "Basic " .. auth
end
function response(status, headers, body)
  answers = answers + 1
  if status ~= 200 then
    not_ok = not_ok + 1
    if first_refusal == "" then first_refusal = status .. " " .. string.sub(body, 1, 300) end
  end
  if budget and answers >= budget then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local bad, why = 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
    if why == "" then why = thread:get("first_refusal") end
  end
  io.write(string.format("RESULT requests=%d ok=%d refused=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.requests - bad, bad, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.duration, latency:percentile(50), latency:percentile(99), latency.max))
  if why ~= "" then io.write("FIRST_REFUSAL " .. why .. "\n") end
end
