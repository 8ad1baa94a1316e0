import { MLO112 } from '../../../src/core/dockerfile/rules/MLO112';
import { ruleTests } from '../ruleTester';

ruleTests(MLO112, {
  valid: [
    'FROM python:3.11-slim\nCOPY app.py .\n',
    { name: 'a .bin outside a model folder', code: 'FROM python:3.11-slim\nCOPY tools/helper.bin /usr/local/bin/\n' },
    { name: 'only in a builder stage', code: 'FROM python:3.11-slim AS export\nCOPY model.pt /tmp/\nRUN python3 export.py\nFROM python:3.11-slim\nCOPY app.py .\n' },
    { name: 'a models package inside the code is not weights', code: 'FROM python:3.11-slim\nCOPY app/models/ ./app/models/\n' },
    { name: 'a modelling module is not a model', code: 'FROM python:3.11-slim\nCOPY models.py /app/\n' },
  ],
  invalid: [
    { code: 'FROM python:3.11-slim\nCOPY model.onnx /app/\n', errors: [{ line: 2, column: 6, endColumn: 16, message: /model store/ }] },
    { code: 'FROM python:3.11-slim\nCOPY models/ /app/models/\n', errors: [{ line: 2, column: 6, endColumn: 13 }] },
    { code: 'FROM python:3.11-slim\nADD weights/pytorch_model.bin checkpoints/last.safetensors /app/\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 31 }] },
    { name: 'scikit-learn and checkpoint formats', code: 'FROM python:3.11-slim\nCOPY model.joblib model/model.pkl last.ckpt /m/\n', errors: [{ line: 2, column: 6 }, { line: 2, column: 19 }, { line: 2, column: 35 }] },
    { name: 'a glob over the model folder', code: 'FROM python:3.11-slim\nCOPY models/* ./models/\n', errors: [{ line: 2, column: 6, endColumn: 14 }] },
    { name: 'inherited from an earlier stage', code: 'FROM python:3.11-slim AS base\nCOPY resnet50.pt /m/\nFROM base\n', errors: [{ line: 2, column: 6 }] },
  ],
});
