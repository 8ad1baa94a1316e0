import { MLO101 } from '../../../src/core/dockerfile/rules/MLO101';
import { ruleTests } from '../ruleTester';

ruleTests(MLO101, {
  valid: [
    { name: 'multi-stage build', code: 'FROM python:3.11-slim AS build\nRUN pip wheel -r requirements.txt -w /wheels\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n' },
    { name: 'single stage that installs nothing', code: 'FROM python:3.11-slim\nCOPY app.py .\nCMD ["python3", "app.py"]\n' },
    { name: 'pip used for something else', code: 'FROM python:3.11-slim\nRUN pip --version\n' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'pip install in a single stage',
      code: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 1, column: 6, endColumn: 22, message: /pip on line 2/ }],
    },
    {
      name: 'apt-get in a chain after update',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends python3\n',
      errors: [{ line: 1, column: 6, message: /apt-get on line 2/ }],
    },
    { name: 'apk add', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3\n', errors: [{ line: 1, column: 6, message: /apk/ }] },
    { name: 'conda', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN conda install -y numpy\n', errors: [{ line: 1, column: 6, message: /conda/ }] },
    { name: 'python -m pip under sudo', code: 'FROM ubuntu:24.04\nRUN sudo python3 -m pip install torch\n', errors: [{ line: 1, column: 6, message: /python3 on line 2/ }] },
    { name: 'npm ci', code: 'FROM node:20-slim\nRUN npm ci\n', errors: [{ line: 1, column: 6, message: /npm/ }] },
    { name: 'heredoc body', code: 'FROM python:3.11-slim\nRUN <<EOF\nset -e\npip install fastapi\nEOF\n', errors: [{ line: 1, column: 6, message: /pip on line 2/ }] },
    { name: 'exec form', code: 'FROM python:3.11-slim\nRUN ["pip", "install", "fastapi"]\n', errors: [{ line: 1, column: 6 }] },
  ],
});
