"""The service's contract: health, readiness, validated and authenticated predictions, limits and metrics."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

from app.main import INPUT_SIZE, create_app

from .conftest import API_KEY, settings, wait_until_ready

HEADERS = {"X-API-Key": API_KEY}


def rows(count: int) -> list[list[float]]:
    return np.random.default_rng(11).normal(size=(count, INPUT_SIZE)).round(4).tolist()


def test_health_answers(client):
    assert client.get("/health").json() == {"status": "ok"}


def test_ready_once_the_model_is_loaded(client):
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {"ready": True}


def test_predict_gives_the_model_s_own_predictions(client, trained):
    batch = rows(5)
    response = client.post("/predict", json={"instances": batch}, headers=HEADERS)
    assert response.status_code == 200, response.text
    predictions = np.asarray(response.json()["predictions"])
    expected = trained[1](np.asarray(batch))
    assert predictions.shape == expected.shape
    np.testing.assert_allclose(predictions, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}])
def test_predict_needs_the_api_key(client, headers):
    assert client.post("/predict", json={"instances": rows(1)}, headers=headers).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"instances": []},
        {"instances": [[1.0] * (INPUT_SIZE + 1)]},
        {"instances": [["a"] * INPUT_SIZE]},
        {"instances": rows(1), "unexpected": True},
        {"rows": rows(1)},
    ],
)
def test_predict_validates_its_input(client, body):
    assert client.post("/predict", json=body, headers=HEADERS).status_code == 422


def test_too_many_rows_are_refused(trained):
    with TestClient(create_app(settings(trained[0], max_rows=2))) as small:
        wait_until_ready(small)
        assert small.post("/predict", json={"instances": rows(3)}, headers=HEADERS).status_code == 422


def test_a_large_body_is_refused(client):
    body = '{"instances": [' + ",".join(["[" + ",".join(["1.0"] * INPUT_SIZE) + "]"] * 20000) + "]}"
    response = client.post("/predict", content=body, headers={**HEADERS, "content-type": "application/json"})
    assert response.status_code == 413


def test_the_rate_limit_answers_429(trained):
    with TestClient(create_app(settings(trained[0], rate_limit_per_second=0.01, rate_limit_burst=2))) as limited:
        wait_until_ready(limited)
        codes = [limited.post("/predict", json={"instances": rows(1)}, headers=HEADERS).status_code for _ in range(3)]
        assert codes == [200, 200, 429]


def test_wrong_keys_are_rate_limited_by_address(trained):
    with TestClient(create_app(settings(trained[0], rate_limit_per_second=0.01, rate_limit_burst=2))) as limited:
        wait_until_ready(limited)
        codes = [limited.post("/predict", json={"instances": rows(1)}, headers={"X-API-Key": f"guess-{n}"}).status_code for n in range(3)]
        assert codes == [401, 401, 429]


@pytest.mark.parametrize("body", ['{"rows": "not a batch"}', '{"instances": [[1,'])
def test_the_key_is_checked_before_the_body(client, body):
    headers = {"content-type": "application/json"}
    assert client.post("/predict", content=body, headers={**headers, "X-API-Key": "wrong"}).status_code == 401
    assert client.post("/predict", content=body, headers={**headers, **HEADERS}).status_code == 422


def test_not_ready_without_a_model(tmp_path):
    with TestClient(create_app(settings(tmp_path / "missing"))) as broken:
        assert broken.get("/health").status_code == 200
        assert broken.get("/ready").status_code == 503
        assert broken.post("/predict", json={"instances": rows(1)}, headers=HEADERS).status_code == 503


def test_metrics_count_requests_and_latency(client):
    client.post("/predict", json={"instances": rows(2)}, headers=HEADERS)
    text = client.get("/metrics").text
    assert 'model_request_duration_seconds_bucket{handler="/predict"' in text
    assert 'model_requests_total{handler="/predict",status="200"}' in text
    assert "model_staleness_seconds" in text
    assert "model_loaded 1.0" in text
