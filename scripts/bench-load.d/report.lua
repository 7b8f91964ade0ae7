-- wrk script for scripts/bench-load: at the end, one machine-readable line with the figures the
-- tables need (latencies in microseconds), after wrk's own human-readable report.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH-LOAD requests=%d duration_us=%d bytes=%d p50=%d p95=%d p99=%d max=%d " ..
    "connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
