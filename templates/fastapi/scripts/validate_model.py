"""Model validation (CI stage 1): the model file loads with the service's own loader and answers sanely.

Usage: python scripts/validate_model.py [MODEL_PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.main import INPUT_SIZE  # noqa: E402
from app.model import load_model  # noqa: E402


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else "{{modelPath}}"
    model = load_model(path)
    rows = np.random.default_rng(0).normal(size=(8, INPUT_SIZE))
    outputs = model.predict(rows)
    problems = []
    if outputs.shape[0] != len(rows):
        problems.append(f"{len(rows)} rows in, {outputs.shape[0]} out")
    if not np.all(np.isfinite(outputs)):
        problems.append("some outputs are NaN or infinite")
    if not np.array_equal(outputs, model.predict(rows)):
        problems.append("the same rows give different outputs")
    for problem in problems:
        print(f"model validation failed: {problem}", file=sys.stderr)
    if not problems:
        print(f"{path}: loads, and answers {len(rows)} rows with {outputs.shape[1]} finite output(s) each, the same twice")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
