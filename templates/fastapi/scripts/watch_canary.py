"""Watches the canary's metrics in Prometheus (CI stage 4) and fails on a rollback trigger from mlops.yaml.

Usage: python scripts/watch_canary.py PROMETHEUS_URL [--minutes M]
Triggers (the guide's Rollback Strategy): error_rate > 5%, latency_p99 > 2s, health_check_failures > 3.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import urllib.parse
import urllib.request

SELECTOR = 'namespace="{{namespace}}", job="{{name}}", pod=~"{{name}}-canary-.*"'
# Probes and scrapes answer on other handlers; counting them would dilute the error rate and the latency.
PREDICT = SELECTOR + ', handler="/predict"'
# Requests the canary answered on /predict during the watch: with none, its metrics say nothing, and no news is no pass.
CANARY_TRAFFIC = "sum(increase(model_requests_total{" + PREDICT + "}[WINDOW]))"
TRIGGERS = {
    "error_rate > 5%": ("sum(rate(model_request_errors_total{" + PREDICT + "}[2m])) / sum(rate(model_requests_total{" + PREDICT + "}[2m]))", 0.05),
    "latency_p99 > 2s": ("histogram_quantile(0.99, sum by (le) (rate(model_request_duration_seconds_bucket{" + PREDICT + "}[2m])))", 2.0),
    "health_check_failures > 3": ('sum(increase(kube_pod_container_status_restarts_total{namespace="{{namespace}}", pod=~"{{name}}-canary-.*"}[10m]))', 3),
}


def query(prometheus: str, expression: str) -> float | None:
    url = prometheus.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expression})
    with urllib.request.urlopen(url, timeout=10) as response:
        result = json.load(response)["data"]["result"]
    if not result:
        return None
    value = float(result[0]["value"][1])
    # An idle canary makes every ratio 0/0: NaN says "no data", not "within the limit".
    return None if math.isnan(value) else value


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
            break
        time.sleep(30)
    answered = query(args.prometheus, CANARY_TRAFFIC.replace("WINDOW", f"{max(round(args.minutes * 60), 60)}s"))
    if not answered:
        print(f"the canary answered no /predict requests in {args.minutes:g} minutes: its metrics prove nothing", file=sys.stderr)
        return 1
    print(f"the canary answered {answered:.0f} /predict requests within every rollback trigger for {args.minutes:g} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
