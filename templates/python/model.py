"""Loads the {{frameworkLabel}} model once and predicts rows of numbers with it."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

{{#if gpu}}
# The container asks Kubernetes for a GPU (nvidia.com/gpu); without one the model still runs, on the CPU.
USE_GPU = os.environ.get("USE_GPU", "true").lower() == "true"
{{else}}
USE_GPU = os.environ.get("USE_GPU", "false").lower() == "true"
{{/if}}


class Model:
    """A loaded model: `predict` takes a 2-D array of rows and returns one row of outputs per input row."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # When the model file was written: the model-staleness gauge counts from here.
        self.created_at = path.stat().st_mtime
{{#if fw.sklearn}}
        import joblib

        self._model = joblib.load(path)
{{/if}}
{{#if fw.pytorch}}
        import torch

        self._torch = torch
        self._device = torch.device("cuda" if USE_GPU and torch.cuda.is_available() else "cpu")
        # TorchScript: the file holds the code as well as the weights, so no model class is needed here.
        self._model = torch.jit.load(str(path), map_location=self._device)
        self._model.eval()
{{/if}}
{{#if fw.onnx}}
        import onnxruntime

        if USE_GPU:
            # Loads the CUDA and cuDNN libraries that onnxruntime-gpu[cuda,cudnn] installed from PyPI.
            onnxruntime.preload_dlls()
        available = onnxruntime.get_available_providers()
        wanted = ["CUDAExecutionProvider", "CPUExecutionProvider"] if USE_GPU else ["CPUExecutionProvider"]
        self._session = onnxruntime.InferenceSession(str(path), providers=[p for p in wanted if p in available])
        self._input_name = self._session.get_inputs()[0].name
{{/if}}
{{#if fw.tensorflow}}
        import keras

        self._model = keras.models.load_model(path, compile=False)
{{/if}}
{{#if fw.xgboost}}
        import xgboost

        self._booster = xgboost.Booster()
        self._booster.load_model(str(path))
        if USE_GPU:
            self._booster.set_param({"device": "cuda"})
{{/if}}

    def predict(self, rows: np.ndarray) -> np.ndarray:
{{#if fw.sklearn}}
        outputs = self._model.predict(rows)
{{/if}}
{{#if fw.pytorch}}
        with self._torch.inference_mode():
            tensor = self._torch.from_numpy(rows.astype(np.float32)).to(self._device)
            outputs = self._model(tensor).cpu().numpy()
{{/if}}
{{#if fw.onnx}}
        outputs = self._session.run(None, {self._input_name: rows.astype(np.float32)})[0]
{{/if}}
{{#if fw.tensorflow}}
        outputs = self._model.predict(rows.astype(np.float32), verbose=0)
{{/if}}
{{#if fw.xgboost}}
        outputs = self._booster.inplace_predict(rows.astype(np.float32))
{{/if}}
        return np.asarray(outputs, dtype=np.float64).reshape(len(rows), -1)


def load_model(path: str) -> Model:
    resolved = Path(path)
    if not resolved.is_file():
        raise FileNotFoundError(f"No model file at {resolved}: set MODEL_PATH to the {{frameworkLabel}} model's file.")
    return Model(resolved)
