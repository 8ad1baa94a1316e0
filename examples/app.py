"""A small model server: an ONNX classifier behind FastAPI.

The Dockerfile beside this file makes the mistakes the MLOps deployment guide warns about; open it in VS Code with
MLOps Deploy installed to see them flagged, and use the quick fixes.
"""
import os
import time

import numpy as np
import onnxruntime as ort

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

MODEL_PATH = os.environ.get("MODEL_PATH", "model/model.onnx")

app = FastAPI(title="iris-classifier")
model = None
loaded_at = None


class PredictRequest(BaseModel):
    # Sepal length, sepal width, petal length, petal width, in centimetres.
    features: list[float] = Field(min_length=4, max_length=4)


@app.on_event("startup")
def load_model() -> None:
    global model, loaded_at
    model = ort.InferenceSession(MODEL_PATH, providers=["CPUExecutionProvider"])
    loaded_at = time.time()


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/ready")
def ready() -> dict:
    if model is None:
        raise HTTPException(status_code=503, detail="model not loaded")
    return {"status": "ready", "model_age_seconds": time.time() - loaded_at}


@app.post("/predict")
def predict(request: PredictRequest) -> dict:
    if model is None:
        raise HTTPException(status_code=503, detail="model not loaded")
    inputs = {model.get_inputs()[0].name: np.asarray([request.features], dtype=np.float32)}
    label = model.run(None, inputs)[0][0]
    return {"label": int(label)}
