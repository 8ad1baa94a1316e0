"""Integration and smoke test (CI stages 3 and 4): the deployed service is ready and predicts.

Usage: python scripts/smoke_test.py URL   (API key from API_KEY)
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request

INPUT_SIZE = {{inputSize}}


def main() -> int:
    url = sys.argv[1].rstrip("/")
    body = json.dumps({"instances": [[0.0] * INPUT_SIZE, [1.0] * INPUT_SIZE]}).encode()
    request = urllib.request.Request(url + "/predict", data=body, headers={"content-type": "application/json", "x-api-key": os.environ.get("API_KEY", "")})
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.load(response)
    predictions = answer.get("predictions")
    if not isinstance(predictions, list) or len(predictions) != 2:
        print(f"unexpected answer from {url}/predict: {answer}", file=sys.stderr)
        return 1
    print(f"{url}/predict answered {len(predictions)} predictions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
