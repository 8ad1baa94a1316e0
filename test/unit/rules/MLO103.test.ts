import { MLO103 } from '../../../src/core/dockerfile/rules/MLO103';
import { ruleTests } from '../ruleTester';

const PROBE = `HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]`;

ruleTests(MLO103, {
  valid: [
    { name: 'has a HEALTHCHECK', code: 'FROM python:3.11-slim\nHEALTHCHECK CMD ["python3", "-c", "print(1)"]\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n' },
    { name: 'HEALTHCHECK NONE is a decision', code: 'FROM python:3.11-slim\nHEALTHCHECK NONE\nEXPOSE 8000\n' },
    { name: 'a batch job serves nothing', code: 'FROM python:3.11-slim\nCMD ["python3", "train.py"]\n' },
    { name: 'HEALTHCHECK inherited from the base stage', code: 'FROM python:3.11-slim AS base\nHEALTHCHECK CMD ["true"]\nFROM base\nEXPOSE 8000\n' },
    { name: 'the builder serves, the final stage does not', code: 'FROM node:20 AS web\nCMD ["node", "server.js"]\nFROM python:3.11-slim\nCMD ["python3", "job.py"]\n' },
  ],
  invalid: [
    {
      name: 'uvicorn on a python image: urllib probe before CMD',
      code: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
      errors: [{ line: 2, column: 7, endColumn: 14, message: /starts uvicorn/ }],
      suggestion: `FROM python:3.11-slim\n${PROBE}\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n`,
    },
    {
      name: 'EXPOSE alone on an image with curl installed',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nEXPOSE 9000\n',
      errors: [{ line: 3, column: 1, endColumn: 7, message: /exposes port 9000/ }],
      suggestion:
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nEXPOSE 9000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["curl", "-fsS", "http://127.0.0.1:9000/health"]\n',
    },
    { name: 'gunicorn in shell form', code: 'FROM python:3.11-slim\nCMD gunicorn -b 0.0.0.0:8080 app:app\n', errors: [{ line: 2, column: 5, endColumn: 13 }] },
    { name: 'tritonserver', code: 'FROM nvcr.io/nvidia/tritonserver:24.05-py3\nCMD ["tritonserver", "--model-repository=/models"]\n', errors: [{ line: 2, column: 7, message: /tritonserver/ }] },
    { name: 'python -m uvicorn through sh -c', code: 'FROM python:3.11-slim\nCMD ["sh", "-c", "python -m uvicorn app:app --port $PORT"]\n', errors: [{ line: 2, column: 29, endColumn: 36 }] },
    {
      name: 'SageMaker serve is probed on /ping at 8080',
      code: 'FROM python:3.11-slim\nENTRYPOINT ["serve"]\n',
      errors: [{ line: 2, column: 14 }],
      suggestion: `FROM python:3.11-slim\n${PROBE.replace('8000/health', '8080/ping')}\nENTRYPOINT ["serve"]\n`,
    },
    {
      name: 'a node image gets a node probe',
      code: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      errors: [{ line: 3, column: 7 }],
      suggestion: `FROM node:20-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "require('http').get('http://127.0.0.1:3000/health', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"]\nCMD ["node", "server.js"]\n`,
    },
    { name: 'scratch has no tool to probe with: no suggestion', code: 'FROM scratch\nCOPY server /server\nEXPOSE 8080\nENTRYPOINT ["/server"]\n', errors: [{ line: 4, column: 1 }], suggestion: null },
  ],
});
