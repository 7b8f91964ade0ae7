"""Times one path warm, one request after another on a keep-alive connection: at least --min
requests and for at least --seconds, whatever a request takes (wrk's fixed duration gives no
figure at all for a page slower than the duration). Prints the line of report.lua.

    sample.py URL [--seconds 5] [--min 5]
"""
import argparse
import time
import urllib.parse

import loadlib as L

p = argparse.ArgumentParser()
p.add_argument("url")
p.add_argument("--seconds", type=float, default=5)
p.add_argument("--min", type=int, default=5)
a = p.parse_args()
u = urllib.parse.urlsplit(a.url)
c = L.Client(f"{u.scheme}://{u.netloc}", timeout=600)
path = u.path + (f"?{u.query}" if u.query else "")
times, size, bad = [], 0, 0
start = time.perf_counter()
while len(times) < a.min or time.perf_counter() - start < a.seconds:
    r = c.get(path)
    times.append(r.seconds * 1e6)
    size += len(r.body)
    bad += r.status >= 400
us = lambda q: int(L.percentile(times, q))
print(f"BENCH-LOAD requests={len(times)} duration_us={int((time.perf_counter() - start) * 1e6)} bytes={size} "
      f"p50={us(0.5)} p95={us(0.95)} p99={us(0.99)} max={int(max(times))} connect=0 read=0 write=0 timeout=0 status={bad}")
