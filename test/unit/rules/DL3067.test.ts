import { DL3067 } from '../../../src/core/dockerfile/rules/DL3067';
import { ruleTests } from '../ruleTester';

ruleTests(DL3067, {
  valid: [
    { name: "the guide's copy of the wheels", code: 'FROM python:3.10-slim as builder\nRUN pip wheel --no-cache-dir -r requirements.txt -w /wheels\nFROM python:3.10-slim\nCOPY --from=builder /wheels /wheels\n' },
    { name: 'the build context', code: 'FROM python:3.11-slim\nCOPY . /app\n' },
    {
      name: 'the root of a scratch export stage',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM scratch AS export\nCOPY --from=build /out /\nFROM alpine:3.20\nCOPY --from=export / /usr/local/bin/\n',
    },
    { name: 'the whole of a scratch export stage into the root', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM scratch AS export\nCOPY --from=build /out/app /app\nFROM alpine:3.20\nCOPY --from=export / /\n' },
    { name: 'hadolint parity: a scratch stage, but not exactly / to /', code: 'FROM scratch AS export\nCOPY app /app\nFROM alpine:3.20\nCOPY --from=export /. /\nCOPY --from=export / /opt/\n', settings: { hadolintParity: true } },
    { name: 'into a folder, as hadolint (a sysroot, a chroot)', code: 'FROM debian:12 AS rootfs\nFROM alpine:3.20\nCOPY --from=rootfs / /rootfs/\nCOPY --from=busybox:1.36 /. /opt/busybox/\nCOPY --from=rootfs ["/", "/sysroot"]\n' },
    { name: 'a folder under /', code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=build /opt/venv /opt/venv\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: the whole of a scratch stage, by name and by index',
      code: 'FROM scratch AS export\nCOPY app /app\nFROM alpine:3.20\nCOPY --from=export / /\nCOPY --from=0 / /\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 4, column: 20, endColumn: 21, message: /^COPY --from=export \/ \/ copies the whole of that stage into this image's root\. Reported because hadolint reports it \(hadolint parity is on\): this linter alone does not, because that stage starts FROM scratch/ },
        { line: 5, column: 15, endColumn: 16, message: /^COPY --from=0 \/ \/ copies/ },
      ],
    },
    {
      name: 'the whole builder',
      code: 'FROM python:3.11 AS build\nRUN pip wheel -w /wheels fastapi==0.111.0\nFROM python:3.11-slim\nCOPY --from=build / /\n',
      errors: [{ line: 4, column: 19, endColumn: 20, message: /copies the entire file system of that stage/ }],
    },
    {
      name: 'an image, /.',
      code: 'FROM alpine:3.20\nCOPY --from=busybox:1.36 /. /\n',
      errors: [{ line: 2, column: 26, endColumn: 28, message: /of that image/ }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=build ["/", "/"]\n',
      errors: [{ line: 3, column: 21, endColumn: 22 }],
    },
    {
      name: 'a stage by index, /*',
      code: 'FROM debian:12\nFROM alpine:3.20\nCOPY --from=0 /* /\n',
      errors: [{ line: 3, column: 15, endColumn: 17 }],
    },
    {
      name: 'with other flags and sources',
      code: 'FROM debian:12 AS rootfs\nFROM alpine:3.20\nCOPY --from=rootfs --chown=1:1 / /app /\n',
      errors: [{ line: 3, column: 32, endColumn: 33 }],
    },
  ],
});
