import { DL3022 } from '../../../src/core/dockerfile/rules/DL3022';
import { ruleTests } from '../ruleTester';

ruleTests(DL3022, {
  valid: [
    { name: 'hadolint parity: its own stage as written is DL3023, not DL3022', code: 'FROM python:3.11-slim AS app\nCOPY --from=app /etc/hosts /tmp/\n', settings: { hadolintParity: true } },
    { name: 'hadolint parity: an earlier stage as written', code: 'FROM python:3.11 AS Builder\nFROM python:3.11-slim\nCOPY --from=Builder /wheels /wheels\n', settings: { hadolintParity: true } },
    'FROM python:3.11 AS builder\nRUN pip wheel --no-cache-dir -r requirements.txt -w /wheels\nFROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\n',
    { name: 'aliases compare without case', code: 'FROM python:3.11 AS Builder\nFROM python:3.11-slim\nCOPY --from=BUILDER /wheels /wheels\n' },
    { name: 'a stage index', code: 'FROM python:3.11\nFROM python:3.11-slim\nCOPY --from=0 /wheels /wheels\n' },
    { name: 'an image with a tag', code: 'FROM python:3.11-slim\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n' },
    { name: 'an image with a registry', code: 'FROM python:3.11-slim\nCOPY --from=ghcr.io/org/tool /bin/tool /usr/local/bin/\n' },
    { name: 'a build argument', code: 'ARG SRC=builder\nFROM python:3.11-slim\nCOPY --from=${SRC} /x /y\n' },
    { name: 'no --from', code: 'FROM python:3.11-slim\nCOPY . /app\n' },
    { name: 'its own stage is DL3023', code: 'FROM python:3.11 AS app\nCOPY --from=app /x /y\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a stage named in another case',
      code: 'FROM python:3.11 AS Builder\nFROM python:3.11-slim\nCOPY --from=BUILDER /wheels /wheels\n',
      settings: { hadolintParity: true },
      errors: [{ line: 3, column: 13, endColumn: 20, message: /^COPY --from=BUILDER names a stage in another case, which Docker accepts.*\(hadolint parity is on\)/ }],
    },
    {
      name: 'hadolint parity: its own stage in another case (hadolint reports DL3022, not DL3023)',
      code: 'FROM python:3.11-slim AS App\nCOPY --from=app /etc/hosts /tmp/\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 13, endColumn: 16 }],
    },
    {
      name: 'a misspelt alias',
      code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=buidler /wheels /wheels\n',
      errors: [{ line: 3, column: 13, endColumn: 20, message: /No stage before this COPY is named buidler/ }],
    },
    {
      name: 'a stage defined later',
      code: 'FROM python:3.11-slim\nCOPY --from=assets /x /y\nFROM node:20 AS assets\n',
      errors: [{ line: 2, column: 13, endColumn: 19, message: /defined later, on line 3/ }],
    },
    {
      name: 'an image name without tag or registry is taken for a missing alias',
      code: 'FROM python:3.11-slim\nCOPY --from=alpine /bin/busybox /bin/\n',
      errors: [{ line: 2, column: 13, endColumn: 19 }],
    },
  ],
});
