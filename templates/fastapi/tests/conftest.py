"""Clients of the service, serving a tiny {{frameworkLabel}} model trained for the tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import INPUT_SIZE, Settings, create_app
from app.security import ApiKeys

from .training import train_model

API_KEY = "test-key"


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "{{modelFile}}"
    return path, train_model(path, INPUT_SIZE)


def settings(model_path: Path, **changes) -> Settings:
    values = {
        "model_path": str(model_path),
        "api_keys": ApiKeys(API_KEY),
        "rate_limit_per_second": 1000.0,
        "rate_limit_burst": 1000,
        "max_body_bytes": 64 * 1024,
        "max_rows": {{maxBatchSize}},
    }
    values.update(changes)
    return Settings(**values)


def wait_until_ready(client: TestClient) -> None:
    """The model loads in the background; /ready turns 200 once it is in."""
    deadline = time.monotonic() + 120
    while client.get("/ready").status_code != 200:
        assert time.monotonic() < deadline, "the model did not load"
        time.sleep(0.05)


@pytest.fixture
def client(trained):
    with TestClient(create_app(settings(trained[0]))) as test_client:
        wait_until_ready(test_client)
        yield test_client
