"""The {{name}} service: {{frameworkLabel}} predictions over HTTP, with health, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio
import logging
import math
import os
import time
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated

import numpy as np
from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .logs import configure_logging
from .model import Model, load_model
from .security import ApiKeys, BodySizeLimit, RateLimiter, client_id

log = logging.getLogger("{{name}}")

INPUT_SIZE = {{inputSize}}

# The guide's Monitoring Metrics: a latency histogram (P50 and P99 come from its buckets), request and error
# counters (the error rate is their ratio) and the model's staleness. Metric names are what k8s/prometheusrule.yaml
# alerts on. The route label is `handler`, not `endpoint`: the Prometheus Operator adds its own `endpoint` label (the
# scraped port's name) to every target of a ServiceMonitor, which would rename ours to `exported_endpoint`.
REQUEST_LATENCY = Histogram(
    "model_request_duration_seconds",
    "Time to answer a request, by handler.",
    ["handler"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.0, 5.0),
)
REQUESTS = Counter("model_requests_total", "Requests answered, by handler and status code.", ["handler", "status"])
ERRORS = Counter("model_request_errors_total", "Requests that failed on the server's side (5xx), by handler.", ["handler"])
MODEL_LOADED = Gauge("model_loaded", "1 once the model is loaded and the service is ready.")
MODEL_STALENESS = Gauge("model_staleness_seconds", "Seconds since the served model file was written.")


@dataclass(frozen=True)
class Settings:
    model_path: str
    api_keys: ApiKeys
    rate_limit_per_second: float
    rate_limit_burst: int
    max_body_bytes: int
    max_rows: int

    @staticmethod
    def from_env() -> Settings:
        api_keys = ApiKeys(os.environ.get("API_KEY", ""))
        if not api_keys and os.environ.get("ALLOW_UNAUTHENTICATED", "").lower() != "true":
            raise RuntimeError("Set API_KEY (the keys clients send in X-API-Key), or ALLOW_UNAUTHENTICATED=true for local trials.")
        return Settings(
            model_path=os.environ.get("MODEL_PATH", "/models/{{modelFile}}"),
            api_keys=api_keys,
            rate_limit_per_second=float(os.environ.get("RATE_LIMIT_PER_SECOND", "50")),
            rate_limit_burst=int(os.environ.get("RATE_LIMIT_BURST", "100")),
            max_body_bytes=int(os.environ.get("MAX_BODY_BYTES", str(1024 * 1024))),
            max_rows=int(os.environ.get("MAX_ROWS", "{{maxBatchSize}}")),
        )


FiniteNumber = Annotated[float, Field(allow_inf_nan=False)]
Row = Annotated[list[FiniteNumber], Field(min_length=INPUT_SIZE, max_length=INPUT_SIZE)]


class PredictRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instances: list[Row] = Field(min_length=1, description=f"Rows of {INPUT_SIZE} numbers each.")


async def predict_request(request: Request) -> PredictRequest:
    """/predict's body, as a dependency that runs after the API-key check (FastAPI reads and parses a body parameter
    before any dependency), so a caller without a valid key costs no parsing and learns nothing of the format."""
    try:
        return PredictRequest.model_validate_json(await request.body())
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from error


class PredictResponse(BaseModel):
    predictions: list[list[float]]
    model: str


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application; uvicorn calls it (`--factory`), and tests call it after setting the environment."""
    settings = settings or Settings.from_env()
    configure_logging()
    limiter = RateLimiter(settings.rate_limit_per_second, settings.rate_limit_burst)
    state: dict[str, Model] = {}

    async def load() -> None:
        started = time.perf_counter()
        try:
            # Loading reads a file and builds the model: in a thread, so /health answers meanwhile.
            state["model"] = await asyncio.to_thread(load_model, settings.model_path)
        except Exception:
            log.exception("The model could not be loaded; the service stays not ready.", extra={"model_path": settings.model_path})
            return
        MODEL_LOADED.set(1)
        log.info("Model loaded.", extra={"model_path": settings.model_path, "seconds": round(time.perf_counter() - started, 3)})

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        MODEL_LOADED.set(0)
        MODEL_STALENESS.set_function(lambda: time.time() - state["model"].created_at if "model" in state else math.nan)
        loading = asyncio.create_task(load())
        yield
        loading.cancel()

    app = FastAPI(title="{{name}}", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    @app.middleware("http")
    async def observe(request: Request, call_next):
        started = time.perf_counter()
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        try:
            response = await call_next(request)
        except Exception:
            response = JSONResponse({"detail": "Internal server error."}, status_code=500)
            log.exception("Request failed.", extra={"request_id": request_id, "path": request.url.path})
        # The route's template, not the raw path, so that unknown URLs cannot grow the metrics without bound.
        route = request.scope.get("route")
        handler = getattr(route, "path", "unmatched")
        elapsed = time.perf_counter() - started
        REQUEST_LATENCY.labels(handler).observe(elapsed)
        REQUESTS.labels(handler, str(response.status_code)).inc()
        if response.status_code >= 500:
            ERRORS.labels(handler).inc()
        response.headers["x-request-id"] = request_id
        if handler not in ("/health", "/ready", "/metrics"):
            fields = {"request_id": request_id, "method": request.method, "path": handler, "status": response.status_code}
            log.info("Request answered.", extra={**fields, "duration_ms": round(elapsed * 1000, 2)})
        return response

    # /predict's first dependency, before its body (predict_request). The rate limit comes first, so guessing keys
    # is throttled like any request.
    def authorize(request: Request, x_api_key: Annotated[str | None, Header()] = None) -> None:
        verified_key = x_api_key if settings.api_keys and settings.api_keys.accepts(x_api_key) else None
        limiter.check(client_id(request, verified_key))
        if settings.api_keys:
            settings.api_keys.check(x_api_key)

    @app.get("/health")
    def health() -> dict[str, str]:
        """Liveness: the process answers. It does not wait for the model, so a slow load is not restarted."""
        return {"status": "ok"}

    @app.get("/ready")
    def ready(response: Response) -> dict[str, bool]:
        """Readiness: true only once the model is loaded, so no traffic reaches a replica that cannot answer."""
        loaded = "model" in state
        if not loaded:
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"ready": loaded}

    @app.post("/predict", response_model=PredictResponse, dependencies=[Depends(authorize)])
    def predict(body: Annotated[PredictRequest, Depends(predict_request)]) -> PredictResponse:
        model = state.get("model")
        if model is None:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "The model is still loading.", headers={"Retry-After": "5"})
        if len(body.instances) > settings.max_rows:
            raise HTTPException(422, f"At most {settings.max_rows} rows per request.")
        outputs = model.predict(np.asarray(body.instances, dtype=np.float64))
        return PredictResponse(predictions=outputs.tolist(), model="{{name}}")

    @app.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app

