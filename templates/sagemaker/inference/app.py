"""SageMaker's container contract: GET /ping answers 200 once the model is loaded, POST /invocations predicts.

SageMaker extracts model.tar.gz into /opt/ml/model and sends requests to port 8080. /invocations takes JSON
(`{"instances": [[...], ...]}`) or CSV (one row per line) and answers JSON (`{"predictions": [[...], ...]}`).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import os
from contextlib import asynccontextmanager

import numpy as np
from fastapi import FastAPI, HTTPException, Request, Response, status

from .logs import configure_logging
from .model import Model, load_model

log = logging.getLogger("{{name}}")

INPUT_SIZE = {{inputSize}}
MAX_ROWS = int(os.environ.get("MAX_ROWS", "{{maxBatchSize}}"))
# SageMaker caps a real-time request at 6 MB; refuse more before parsing it.
MAX_BODY_BYTES = int(os.environ.get("MAX_BODY_BYTES", str(6 * 1024 * 1024)))


def parse_rows(body: bytes, content_type: str) -> np.ndarray:
    """The request's rows as a 2-D float array; raises 400 (unreadable), 415 or 422 (wrong shape) with the reason."""
    if content_type.startswith("text/csv"):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "CSV bodies must be UTF-8 text.") from error
        rows = [row for row in csv.reader(io.StringIO(text)) if row]
    elif content_type.startswith("application/json"):
        try:
            document = json.loads(body)
        except ValueError as error:
            # json.JSONDecodeError and UnicodeDecodeError are both ValueErrors: the client sent no JSON.
            raise HTTPException(status.HTTP_400_BAD_REQUEST, f"The body is not valid JSON: {error}.") from error
        rows = document.get("instances") if isinstance(document, dict) else None
        if not isinstance(rows, list):
            raise HTTPException(422, 'JSON bodies are {"instances": [[...], ...]}.')
    else:
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "Send application/json or text/csv.")
    if not rows or len(rows) > MAX_ROWS:
        raise HTTPException(422, f"Send 1 to {MAX_ROWS} rows.")
    try:
        array = np.asarray(rows, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise HTTPException(422, "Every value must be a number.") from error
    if array.ndim != 2 or array.shape[1] != INPUT_SIZE or not np.all(np.isfinite(array)):
        raise HTTPException(422, f"Every row must hold {INPUT_SIZE} finite numbers.")
    return array


def create_app(model_path: str | None = None) -> FastAPI:
    configure_logging()
    path = model_path or os.environ.get("MODEL_PATH", "/opt/ml/model/{{modelFile}}")
    state: dict[str, Model] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        # Loaded once, before the server answers: SageMaker waits for /ping before sending traffic.
        state["model"] = await asyncio.to_thread(load_model, path)
        log.info("Model loaded.", extra={"model_path": path})
        yield

    app = FastAPI(title="{{name}}", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.get("/ping")
    def ping(response: Response) -> dict[str, str]:
        if "model" not in state:
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
            return {"status": "loading"}
        return {"status": "ok"}

    @app.post("/invocations")
    async def invocations(request: Request) -> dict[str, list[list[float]]]:
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, f"The body is over {MAX_BODY_BYTES} bytes.")
        rows = parse_rows(body, request.headers.get("content-type", "application/json"))
        outputs = await asyncio.to_thread(state["model"].predict, rows)
        return {"predictions": outputs.tolist()}

    return app
