import { DL4006 } from '../../../src/core/dockerfile/rules/DL4006';
import { ruleTests } from '../ruleTester';

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTests(DL4006, {
  valid: [
    { name: 'SHELL with -o pipefail', code: `FROM debian:12-slim\n${BASH}\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n` },
    { name: 'SHELL with -eo pipefail', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x | sh\n' },
    { name: 'SHELL with -euxo pipefail', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'set -o pipefail first', code: 'FROM debian:12-slim\nRUN set -o pipefail && curl -fsSL https://example.com/x | sh\n' },
    { name: 'set -euo pipefail;', code: 'FROM debian:12-slim\nRUN set -euo pipefail; curl -fsSL https://example.com/x | sh\n' },
    { name: 'a heredoc that begins with set -o pipefail', code: '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://example.com/x | sh\nEOF\n' },
    { name: 'exec form', code: 'FROM debian:12-slim\nRUN ["sh", "-c", "curl -fsSL https://example.com/x | sh"]\n' },
    { name: 'no pipe: ||, a quoted |, an escaped |', code: 'FROM debian:12-slim\nRUN test -f a || echo "a|b" && grep x\\|y file\n' },
    { name: 'a | in a comment inside the RUN', code: 'FROM debian:12-slim\nRUN echo a \\\n# not a | pipe\n && echo b\n' },
    { name: 'the SHELL of the stage this one builds on', code: `FROM debian:12-slim AS base\n${BASH}\nFROM base\nRUN a | b\n` },
    { name: 'a non-POSIX SHELL', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'a heredoc run by python', code: '# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN <<EOF python3\nprint(1 | 2)\nEOF\n' },
  ],
  invalid: [
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
