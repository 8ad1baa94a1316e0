"""Trains a tiny {{frameworkLabel}} model for the tests, in the format the service loads."""

from __future__ import annotations

from pathlib import Path

import numpy as np

OUTPUT_SIZE = {{outputSize}}


def train_model(path: Path, input_size: int, output_size: int = OUTPUT_SIZE):
    """Trains a small model on random data, saves it where the service loads it, and returns its own predict."""
    rng = np.random.default_rng(7)
    features = rng.normal(size=(200, input_size)).astype(np.float32)
    weights = rng.normal(size=(input_size, output_size)).astype(np.float32)
    targets = features @ weights
{{#if fw.sklearn}}
    import joblib
    from sklearn.linear_model import LinearRegression

    model = LinearRegression().fit(features, targets if output_size > 1 else targets.ravel())
    joblib.dump(model, path)
    return lambda rows: np.asarray(model.predict(rows), dtype=np.float64).reshape(len(rows), -1)
{{/if}}
{{#if fw.pytorch}}
    import torch

    model = torch.nn.Linear(input_size, output_size)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    x, y = torch.from_numpy(features), torch.from_numpy(targets)
    for _ in range(50):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
    model.eval()
    torch.jit.script(model).save(str(path))

    def predict(rows):
        with torch.inference_mode():
            return model(torch.from_numpy(np.asarray(rows, dtype=np.float32))).numpy().astype(np.float64)

    return predict
{{/if}}
{{#if fw.onnx}}
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    # A linear model fitted by least squares, exported as one Gemm node: what a converter writes for a linear layer.
    design = np.hstack([features, np.ones((len(features), 1), dtype=np.float32)])
    solution, *_ = np.linalg.lstsq(design, targets, rcond=None)
    weight, bias = solution[:-1].astype(np.float32), solution[-1].astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("Gemm", ["input", "weight", "bias"], ["output"])],
        "linear",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, input_size])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [None, output_size])],
        [numpy_helper.from_array(weight, "weight"), numpy_helper.from_array(bias, "bias")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return lambda rows: (np.asarray(rows, dtype=np.float32) @ weight + bias).astype(np.float64)
{{/if}}
{{#if fw.tensorflow}}
    import keras

    model = keras.Sequential([keras.Input(shape=(input_size,)), keras.layers.Dense(output_size)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(features, targets, epochs=2, batch_size=32, verbose=0)
    model.save(path)
    return lambda rows: model.predict(np.asarray(rows, dtype=np.float32), verbose=0).astype(np.float64)
{{/if}}
{{#if fw.xgboost}}
    import xgboost

    # XGBoost's own API: the service needs no scikit-learn, so neither do its tests.
    booster = xgboost.train(
        {"max_depth": 3, "objective": "reg:squarederror", "tree_method": "hist"},
        xgboost.DMatrix(features, label=targets if output_size > 1 else targets.ravel()),
        num_boost_round=10,
    )
    booster.save_model(str(path))
    return lambda rows: np.asarray(booster.inplace_predict(np.asarray(rows, dtype=np.float32)), dtype=np.float64).reshape(len(rows), -1)
{{/if}}
