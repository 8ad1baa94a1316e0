import { DL4006 } from '../../../src/core/dockerfile/rules/DL4006';
import { ruleTests } from '../ruleTester';

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTests(DL4006, {
  valid: [
    { name: 'a SHELL with pipefail at /usr/bin/bash', code: 'FROM debian:12-slim\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'hadolint parity: a SHELL with pipefail hadolint accepts', code: `FROM debian:12-slim\n${BASH}\nRUN a | b\n`, settings: { hadolintParity: true } },
    { name: 'hadolint parity: after a PowerShell SHELL, as in hadolint', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n', settings: { hadolintParity: true } },
    { name: 'SHELL with -o pipefail', code: `FROM debian:12-slim\n${BASH}\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n` },
    { name: 'SHELL with -eo pipefail', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x | sh\n' },
    { name: 'SHELL with -euxo pipefail', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'set -o pipefail first, where /bin/sh is BusyBox ash (Alpine)', code: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/x | sh\n' },
    { name: 'set -euo pipefail; where /bin/sh is bash (UBI)', code: 'FROM registry.access.redhat.com/ubi9/ubi:9.4\nRUN set -euo pipefail; curl -fsSL https://example.com/x | sh\n' },
    { name: 'set -o pipefail on a stage built on an Alpine stage', code: 'FROM python:3.12-alpine3.20 AS base\nFROM base\nRUN set -o pipefail && wget -qO- https://example.com/x | sh\n' },
    { name: 'set -o pipefail under a SHELL that is bash', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && curl -fsSL https://example.com/x | sh\n' },
    { name: 'a heredoc run by bash that begins with set -o pipefail', code: '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF bash\nset -eo pipefail\ncurl -fsSL https://example.com/x | sh\nEOF\n' },
    { name: 'a heredoc run by /bin/sh on Alpine that begins with set -o pipefail', code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<EOF\nset -eo pipefail\nwget -qO- https://example.com/x | sh\nEOF\n' },
    { name: 'exec form', code: 'FROM debian:12-slim\nRUN ["sh", "-c", "curl -fsSL https://example.com/x | sh"]\n' },
    { name: 'no pipe: ||, a quoted |, an escaped |', code: 'FROM debian:12-slim\nRUN test -f a || echo "a|b" && grep x\\|y file\n' },
    { name: 'a | in a comment inside the RUN', code: 'FROM debian:12-slim\nRUN echo a \\\n# not a | pipe\n && echo b\n' },
    { name: 'the SHELL of the stage this one builds on', code: `FROM debian:12-slim AS base\n${BASH}\nFROM base\nRUN a | b\n` },
    { name: 'a non-POSIX SHELL', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'a heredoc run by /usr/bin/env bash that begins with set -o pipefail', code: '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF /usr/bin/env bash\nset -eo pipefail\ncurl -fsSL https://example.com/x | sh\nEOF\n' },
    { name: 'a heredoc run by python', code: '# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN <<EOF python3\nprint(1 | 2)\nEOF\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a SHELL with pipefail hadolint does not accept (/usr/bin/bash)',
      code: 'FROM debian:12-slim\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
      settings: { hadolintParity: true },
      errors: [{ line: 3, column: 7, endColumn: 8, message: /^This RUN runs under SHELL \/usr\/bin\/bash -o pipefail -c, which sets pipefail\. Reported because hadolint reports it \(hadolint parity is on\): hadolint accepts -o pipefail only from bash, zsh or ash/ }],
      suggestion: null,
    },
    {
      name: 'hadolint parity: the SHELL of the stage this one builds on is forgotten by hadolint',
      code: `FROM debian:12-slim AS base\n${BASH}\nFROM base\nRUN a | b\n`,
      settings: { hadolintParity: true },
      errors: [{ line: 4, column: 7, endColumn: 8, message: /^This RUN runs under the SHELL this stage inherits, .*Reported because hadolint reports it \(hadolint parity is on\): hadolint does not carry a SHELL over/ }],
      suggestion: null,
    },
    {
      name: 'hadolint parity: set -o pipefail where the shell has it is still reported, as hadolint does',
      code: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/x | sh\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 56, message: /and \/bin\/sh here has that option, so the pipe's failure does stop the build\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
      suggestion: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN set -o pipefail && wget -qO- https://example.com/x | sh\n',
    },
    {
      name: 'hadolint parity: a RUN made PowerShell by a pragma only is read, as hadolint reads it',
      code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\; Get-ChildItem | Select-Object -First 1\n',
      settings: { hadolintParity: true },
      errors: [{ line: 3, column: 27, message: /^Set the SHELL option -o pipefail/ }],
    },
    {
      name: 'curl into tar',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n',
      errors: [{ line: 2, column: 42, endColumn: 43, message: /Set the SHELL option -o pipefail.*Add SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\]/ }],
      output: null,
      suggestion: `FROM debian:12-slim\n${BASH}\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n`,
    },
    {
      name: 'Alpine: BusyBox ash',
      code: 'FROM python:3.12-alpine\nRUN wget -qO- https://x | sh\n',
      errors: [{ line: 2, column: 25, message: /SHELL \["\/bin\/ash", "-eo", "pipefail", "-c"\]/ }],
      suggestion: 'FROM python:3.12-alpine\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x | sh\n',
    },
    {
      name: 'set -o pipefail under /bin/sh on Debian: dash has no pipefail and the build stops',
      code: 'FROM debian:12-slim\nRUN set -o pipefail && curl -fsSL https://example.com/x | sh\n',
      errors: [{ line: 2, column: 57, endColumn: 58, message: /^This RUN sets pipefail with set -o pipefail, but \/bin\/sh on this image is dash \(Debian, Ubuntu and the images built on them\), which has no pipefail: the build stops with "set: Illegal option -o pipefail"\. Add SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\] before this RUN instead/ }],
      suggestion: `FROM debian:12-slim\n${BASH}\nRUN set -o pipefail && curl -fsSL https://example.com/x | sh\n`,
    },
    {
      name: 'set -euo pipefail; on an Ubuntu-based CUDA image',
      code: 'FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04\nRUN set -euo pipefail; curl -fsSL https://example.com/x | sh\n',
      errors: [{ line: 2, column: 57, message: /\/bin\/sh on this image is dash/ }],
    },
    {
      name: 'set -o pipefail on an image of unknown family',
      code: 'FROM registry.example.com/team/base:1.4\nRUN set -o pipefail && a | b\n',
      errors: [{ line: 2, column: 26, message: /but \/bin\/sh runs it, and on Debian, Ubuntu and the images built on them \/bin\/sh is dash, which has no pipefail/ }],
    },
    {
      name: 'a heredoc run by /bin/sh on Debian that begins with set -o pipefail',
      code: '# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://example.com/x | sh\nEOF\n',
      errors: [{ line: 5, column: 34, message: /sets pipefail with set -o pipefail, but \/bin\/sh on this image is dash/ }],
    },
    {
      name: 'set -o pipefail under SHELL ["/bin/dash", "-c"]',
      code: 'FROM alpine:3.20\nSHELL ["/bin/dash", "-c"]\nRUN set -o pipefail && a | b\n',
      errors: [{ line: 3, column: 26, message: /but dash runs it, which has no pipefail/ }],
    },
    {
      name: 'set -o pipefail after the pipe',
      code: 'FROM debian:12-slim\nRUN a | b && set -o pipefail\n',
      errors: [{ line: 2, column: 7 }],
    },
    {
      name: 'set -e is not pipefail',
      code: 'FROM debian:12-slim\nRUN set -e && a | b\n',
      errors: [{ line: 2, column: 17 }],
    },
    {
      name: 'a SHELL without pipefail',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n',
      errors: [{ line: 3, column: 7 }],
      suggestion: `FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n${BASH}\nRUN a | b\n`,
    },
    {
      name: 'two RUNs: one SHELL before the first serves both',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN a | b\nRUN c | d\n',
      errors: [{ line: 3, column: 7 }, { line: 4, column: 7 }],
      suggestion: `FROM debian:12-slim\nRUN apt-get update\n${BASH}\nRUN a | b\nRUN c | d\n`,
    },
    {
      name: 'pipefail in one stage does not reach an unrelated one',
      code: `FROM debian:12-slim AS a\n${BASH}\nRUN a | b\nFROM debian:12-slim\nRUN c | d\n`,
      errors: [{ line: 5, column: 7 }],
      suggestion: `FROM debian:12-slim AS a\n${BASH}\nRUN a | b\nFROM debian:12-slim\n${BASH}\nRUN c | d\n`,
    },
    {
      name: 'a heredoc run by /bin/bash is read as shell',
      code: '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF /bin/bash\ncurl -fsSL https://x | sh\nEOF\n',
      errors: [{ line: 4, column: 22, endColumn: 23 }],
    },
    {
      name: 'a heredoc without set -o pipefail',
      code: '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF\ncurl -fsSL https://x | sh\nEOF\n',
      errors: [{ line: 4, column: 22, endColumn: 23 }],
    },
    { name: '|&', code: 'FROM debian:12-slim\nRUN make |& tee build.log\n', errors: [{ line: 2, column: 10 }] },
    {
      name: 'the pipe on a continuation line, sudo',
      code: 'FROM debian:12-slim\nRUN apt-get update \\\n && sudo curl -fsSL https://x \\\n  | sh\n',
      errors: [{ line: 4, column: 3, endColumn: 4 }],
    },
    {
      name: 'inside a command substitution',
      code: 'FROM debian:12-slim\nRUN VERSION=$(curl -s https://x | jq -r .tag) && echo $VERSION\n',
      errors: [{ line: 2, column: 33 }],
    },
    {
      name: 'indented instructions keep their indentation',
      code: 'FROM debian:12-slim\n  RUN a | b\n',
      errors: [{ line: 2, column: 9 }],
      suggestion: `FROM debian:12-slim\n  ${BASH}\n  RUN a | b\n`,
    },
  ],
});
