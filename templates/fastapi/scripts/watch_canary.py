"""Watches the canary's metrics in Prometheus (CI stage 4) and fails on a rollback trigger from mlops.yaml.

Usage: python scripts/watch_canary.py PROMETHEUS_URL [--minutes M]
Triggers (the guide's Rollback Strategy): error_rate > 5%, latency_p99 > 2s, health_check_failures > 3.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
import urllib.request

SELECTOR = 'namespace="{{namespace}}", job="{{name}}", pod=~"{{name}}-canary-.*"'
TRIGGERS = {
    "error_rate > 5%": ("sum(rate(model_request_errors_total{" + SELECTOR + "}[2m])) / sum(rate(model_requests_total{" + SELECTOR + "}[2m]))", 0.05),
    "latency_p99 > 2s": ("histogram_quantile(0.99, sum by (le) (rate(model_request_duration_seconds_bucket{" + SELECTOR + ', endpoint="/predict"}[2m])))', 2.0),
    "health_check_failures > 3": ('sum(increase(kube_pod_container_status_restarts_total{namespace="{{namespace}}", pod=~"{{name}}-canary-.*"}[10m]))', 3),
}


def query(prometheus: str, expression: str) -> float | None:
    url = prometheus.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expression})
    with urllib.request.urlopen(url, timeout=10) as response:
        result = json.load(response)["data"]["result"]
    return float(result[0]["value"][1]) if result else None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("prometheus")
    parser.add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    while True:
        for trigger, (expression, limit) in TRIGGERS.items():
            value = query(args.prometheus, expression)
            if value is not None and value > limit:
                print(f"rollback trigger fired: {trigger} (now {value:.3g})", file=sys.stderr)
                return 1
        if time.monotonic() >= deadline:
            print(f"the canary stayed within every rollback trigger for {args.minutes:g} minutes")
            return 0
        time.sleep(30)


if __name__ == "__main__":
    sys.exit(main())
