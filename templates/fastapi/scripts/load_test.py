"""Performance test (CI stage 3): drives /predict and checks the guide's thresholds.

Usage: python scripts/load_test.py URL [--requests N] [--concurrency C]
Reads the API key from API_KEY. Fails when p50 > 100ms, p99 > 500ms or more than 1% of requests fail.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

INPUT_SIZE = {{inputSize}}
P50_SECONDS, P99_SECONDS, ERROR_RATE = 0.1, 0.5, 0.01


def call(url: str, body: bytes, key: str) -> tuple[float, bool]:
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json", "x-api-key": key})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            ok = response.status == 200
    except (urllib.error.URLError, TimeoutError):
        ok = False
    return time.perf_counter() - started, ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    body = json.dumps({"instances": [[0.5] * INPUT_SIZE]}).encode()
    url = args.url.rstrip("/") + "/predict"
    key = os.environ.get("API_KEY", "")
    with ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(lambda _: call(url, body, key), range(args.requests)))
    latencies = sorted(seconds for seconds, _ in results)
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    errors = sum(1 for _, ok in results if not ok) / len(results)
    print(f"p50 {p50 * 1000:.1f} ms (< {P50_SECONDS * 1000:.0f})", end=", ")
    print(f"p99 {p99 * 1000:.1f} ms (< {P99_SECONDS * 1000:.0f}), errors {errors:.2%} (< {ERROR_RATE:.0%})")
    return 0 if p50 < P50_SECONDS and p99 < P99_SECONDS and errors < ERROR_RATE else 1


if __name__ == "__main__":
    sys.exit(main())
