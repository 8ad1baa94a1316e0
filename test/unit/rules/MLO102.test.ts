import { MLO102 } from '../../../src/core/dockerfile/rules/MLO102';
import { ruleTests } from '../ruleTester';

ruleTests(MLO102, {
  valid: [
    { name: 'named user', code: 'FROM python:3.11-slim\nRUN useradd -m appuser\nUSER appuser\nCMD ["python3"]\n' },
    { name: 'numeric user', code: 'FROM python:3.11-slim\nUSER 10001:10001\n' },
    { name: 'root only in the builder', code: 'FROM python:3.11 AS build\nUSER root\nFROM python:3.11-slim\nUSER app\n' },
    { name: 'user inherited from an earlier stage', code: 'FROM python:3.11-slim AS base\nUSER app\nFROM base\nCMD ["python3"]\n' },
    { name: 'empty file', code: '' },
    { name: 'distroless nonroot tag runs unprivileged', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCMD ["app.py"]\n' },
    { name: 'Chainguard images run unprivileged', code: 'FROM cgr.dev/chainguard/python:latest\nCMD ["app.py"]\n' },
  ],
  invalid: [
    {
      name: 'no USER: suggest useradd and USER before CMD',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCMD ["python3", "app.py"]\n',
      errors: [{ line: 1, column: 6, endColumn: 22, message: /no USER/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nWORKDIR /app\nRUN useradd --no-log-init --create-home --uid 10001 appuser\nUSER 10001\nCMD ["python3", "app.py"]\n',
    },
    {
      name: 'last USER is root',
      code: 'FROM python:3.11-slim\nUSER app\nRUN id\nUSER root\n',
      errors: [{ line: 4, column: 6, endColumn: 10, message: /runs as root/ }],
      suggestion: null,
    },
    { name: 'USER 0:0', code: 'FROM python:3.11-slim\nUSER 0:0\n', errors: [{ line: 2, column: 6, message: /runs as 0:0/ }] },
    { name: 'root with another group is still uid 0', code: 'FROM python:3.11-slim\nUSER root:appuser\n', errors: [{ line: 2, column: 6 }] },
    {
      name: 'a non-root builder does not help the final stage',
      code: 'FROM python:3.11 AS build\nUSER app\nFROM python:3.11-slim\nCOPY --from=build /app /app',
      errors: [{ line: 3, column: 6 }],
      suggestion: 'FROM python:3.11 AS build\nUSER app\nFROM python:3.11-slim\nCOPY --from=build /app /app\nRUN useradd --no-log-init --create-home --uid 10001 appuser\nUSER 10001',
    },
    {
      name: 'alpine gets adduser',
      code: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 1, column: 6 }],
      suggestion: 'FROM alpine:3.20\nRUN addgroup -S -g 10001 appuser && adduser -S -D -H -u 10001 -G appuser appuser\nUSER 10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'distroless gets its nonroot user',
      code: 'FROM gcr.io/distroless/python3-debian12\nCMD ["app.py"]\n',
      errors: [{ line: 1, column: 6 }],
      suggestion: 'FROM gcr.io/distroless/python3-debian12\nUSER 65532\nCMD ["app.py"]\n',
    },
    {
      name: 'the suggestion fits the image the stage is finally built from',
      code: 'FROM alpine:3.20 AS base\nFROM base\nCMD ["/app"]\n',
      errors: [{ line: 2, column: 6 }],
      suggestion: 'FROM alpine:3.20 AS base\nFROM base\nRUN addgroup -S -g 10001 appuser && adduser -S -D -H -u 10001 -G appuser appuser\nUSER 10001\nCMD ["/app"]\n',
    },
  ],
});
