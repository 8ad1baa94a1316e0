"""Calls the {{name}} model on Triton over HTTP with a batch of random rows.

Usage: python client/client.py [URL]   (default: localhost:8000, e.g. after
`kubectl -n {{namespace}} port-forward svc/{{name}} 8000:8000`). Needs: pip install -r client/requirements.txt
"""

from __future__ import annotations

import sys

import numpy as np
import tritonclient.http as httpclient

MODEL = "{{name}}"
INPUT_NAME, OUTPUT_NAME = "{{triton.input}}", "{{triton.output}}"
INPUT_SIZE = {{inputSize}}


def main() -> int:
    url = sys.argv[1] if len(sys.argv) > 1 else "localhost:8000"
    client = httpclient.InferenceServerClient(url=url)
    if not client.is_model_ready(MODEL):
        print(f"{MODEL} is not ready on {url}", file=sys.stderr)
        return 1
    rows = np.random.default_rng(0).normal(size=(4, INPUT_SIZE)).astype(np.float32)
    request = httpclient.InferInput(INPUT_NAME, list(rows.shape), "FP32")
    request.set_data_from_numpy(rows)
    result = client.infer(MODEL, [request], outputs=[httpclient.InferRequestedOutput(OUTPUT_NAME)])
    print(result.as_numpy(OUTPUT_NAME))
    return 0


if __name__ == "__main__":
    sys.exit(main())
