import { MLO105 } from '../../../src/core/dockerfile/rules/MLO105';
import { ruleTests } from '../ruleTester';

ruleTests(MLO105, {
  valid: [
    { name: 'full python image ships curl', code: 'FROM python:3.11\nHEALTHCHECK CMD curl -f http://localhost:8000/health\n' },
    { name: 'curl installed', code: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\nHEALTHCHECK CMD curl -f http://localhost:8000/health\n' },
    { name: 'alpine has busybox wget', code: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost:8000/health\n' },
    { name: 'python probe', code: 'FROM python:3.11-slim\nHEALTHCHECK CMD ["python3", "-c", "import urllib.request"]\n' },
    { name: 'unknown base image is not judged', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nHEALTHCHECK CMD curl -f http://localhost:8000/health\n' },
  ],
  invalid: [
    {
      name: "the guide's own example",
      code: 'FROM python:3.10-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health\n',
      errors: [{ line: 2, column: 32, endColumn: 36, message: /python:3.10-slim does not ship it/ }],
      output: null,
      suggestion: `FROM python:3.10-slim\nHEALTHCHECK --interval=30s CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=4)"]\n`,
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nHEALTHCHECK CMD ["curl", "-f", "http://127.0.0.1:8000/health"]\n',
      errors: [{ line: 2, column: 19, endColumn: 23 }],
    },
    {
      name: 'curl through sh -c',
      code: 'FROM python:3.11-slim\nHEALTHCHECK CMD ["sh", "-c", "curl -f http://localhost:8000/health || exit 1"]\n',
      errors: [{ line: 2, column: 31, endColumn: 35 }],
    },
    {
      name: 'curl through sh -c in shell form, after another command',
      code: 'FROM python:3.11-slim\nHEALTHCHECK CMD sh -c "sleep 1; curl -f http://localhost:8000/health"\n',
      errors: [{ line: 2, column: 33, endColumn: 37 }],
    },
    {
      name: 'curl on alpine, no python: no suggestion',
      code: 'FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost:8000/health\n',
      errors: [{ line: 2, column: 17, message: /Install curl/ }],
      suggestion: null,
    },
    {
      name: 'installed only in the builder stage',
      code: 'FROM python:3.11-slim AS build\nRUN apt-get update && apt-get install -y curl\nFROM python:3.11-slim\nHEALTHCHECK CMD wget -qO- http://localhost:8000/health\n',
      errors: [{ line: 4, column: 17 }],
    },
  ],
});
