"""SageMaker's contract: /ping once the model is loaded, /invocations with JSON and CSV, refusing bad input."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

from inference.app import INPUT_SIZE, create_app

from .training import train_model


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "{{modelFile}}"
    return path, train_model(path, INPUT_SIZE)


@pytest.fixture
def client(trained):
    with TestClient(create_app(str(trained[0]))) as test_client:
        yield test_client


def rows(count: int) -> np.ndarray:
    return np.random.default_rng(3).normal(size=(count, INPUT_SIZE)).round(4)


def test_ping_answers_once_loaded(client):
    assert client.get("/ping").status_code == 200


def test_json_invocations_give_the_model_s_predictions(client, trained):
    batch = rows(3)
    response = client.post("/invocations", json={"instances": batch.tolist()})
    assert response.status_code == 200, response.text
    np.testing.assert_allclose(np.asarray(response.json()["predictions"]), trained[1](batch), rtol=1e-4, atol=1e-4)


def test_csv_invocations(client, trained):
    batch = rows(2)
    body = "\n".join(",".join(str(value) for value in row) for row in batch)
    response = client.post("/invocations", content=body, headers={"content-type": "text/csv"})
    assert response.status_code == 200, response.text
    np.testing.assert_allclose(np.asarray(response.json()["predictions"]), trained[1](batch), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize(
    ("body", "content_type", "code"),
    [
        ('{"instances": []}', "application/json", 422),
        ('{"instances": [[1, 2]]}', "application/json", 422),
        ('{"rows": [[1]]}', "application/json", 422),
        ("a,b", "text/csv", 422),
        ("1", "application/x-npy", 415),
        ('{"instances": [[1,', "application/json", 400),
        (b"\xff\xfe1,2", "text/csv", 400),
    ],
)
def test_bad_input_is_refused(client, body, content_type, code):
    assert client.post("/invocations", content=body, headers={"content-type": content_type}).status_code == code
