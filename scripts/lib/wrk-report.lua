-- wrk script of scripts/bench-api: sends BENCH_METHOD (default GET) with BENCH_BODY (JSON) and the
-- cookie BENCH_COOKIE, and prints one machine-readable line at the end:
-- RESULT <requests/s> <p50 ms> <p95 ms> <p99 ms> <requests> <errors>
-- (errors = connect/read/write/timeout errors plus answers with a status of 400 or more).
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
end
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
end

function done(summary, latency, requests)
    local errors = summary.errors
    local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
    local seconds = summary.duration / 1e6
    io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
        summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, summary.requests, failed))
end
