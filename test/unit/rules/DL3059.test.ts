import { DL3059 } from '../../../src/core/dockerfile/rules/DL3059';
import { ruleTests } from '../ruleTester';

ruleTests(DL3059, {
  valid: [
    { name: 'one RUN', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'another instruction between', code: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir fastapi==0.111.0\nCOPY app/ /app/\nRUN python -m compileall /app\n' },
    { name: 'exec form (images without a shell)', code: 'FROM gcr.io/distroless/python3\nRUN ["python3", "-m", "compileall", "/app"]\nRUN ["python3", "/app/setup.py"]\n' },
    { name: 'hadolint parity: exec-form words that read as two commands, or different flags', code: 'FROM gcr.io/distroless/python3\nRUN ["sh", "-c", "a && b"]\nRUN ["python3", "/app/setup.py"]\nRUN --network=none ["python3", "-m", "compileall", "/app"]\n', settings: { hadolintParity: true } },
    { name: 'the first chains two commands (as hadolint: a step of its own)', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nRUN curl --version\n' },
    { name: 'the second chains two commands', code: 'FROM debian:12-slim\nRUN mkdir -p /models\nRUN cd /models && touch ready\n' },
    { name: 'a pipe is two commands', code: 'FROM debian:12-slim\nRUN mkdir -p /models\nRUN curl -fsSL https://example.com/x | tar -x\n' },
    { name: 'a command substitution is a command too', code: 'FROM debian:12-slim\nRUN mkdir -p /models\nRUN echo $(date) > /models/built\n' },
    { name: 'three RUNs whose middle one chains: neither neighbour is reported', code: 'FROM debian:12-slim\nRUN echo a\nRUN echo b && echo c\nRUN echo d\n' },
    { name: 'different --mount flags', code: 'FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\nRUN --mount=type=secret,id=netrc,target=/root/.netrc pip install private-pkg==1.0\n' },
    { name: 'a flag on one only', code: 'FROM python:3.11-slim\nRUN --network=none python -m compileall /app\nRUN pip check\n' },
    { name: 'in different stages', code: 'FROM debian:12-slim AS a\nRUN echo a\nFROM debian:12-slim\nRUN echo b\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: two exec-form RUNs, and a third',
      code: 'FROM gcr.io/distroless/python3\nRUN ["python3", "-m", "compileall", "/app"]\n\nRUN ["python3", "/app/setup.py"]\nRUN ["python3", "/app/check.py"]\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 4, column: 1, endColumn: 4, message: /^Two consecutive exec-form RUN instructions \(line 2 and this one\) each add a layer\. Reported because hadolint reports it \(hadolint parity is on\): this linter alone does not, because an image whose RUNs are all in exec form/ },
        { line: 5, column: 1, endColumn: 4, message: /\(line 4 and this one\)/ },
      ],
      output: null,
      suggestion: null,
    },
    {
      name: 'two RUNs in a row',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 3, column: 1, endColumn: 4, message: /Multiple consecutive RUN instructions \(line 2 and this one\)/ }],
      output: null,
      suggestion: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'a comment between: still consecutive, no merge offered (it would drop the comment)',
      code: 'FROM debian:12-slim\nRUN apt-get update\n# then curl\nRUN apt-get install -y curl\n',
      errors: [{ line: 4, column: 1 }],
      suggestion: null,
    },
    {
      name: 'a blank line between',
      code: 'FROM debian:12-slim\nRUN echo a\n\nRUN echo b\n',
      errors: [{ line: 4, column: 1 }],
      suggestion: 'FROM debian:12-slim\nRUN echo a && \\\n    echo b\n',
    },
    {
      name: 'three RUNs: the second and the third',
      code: 'FROM debian:12-slim\nRUN echo a\nRUN echo b\nRUN echo c\n',
      errors: [{ line: 3, column: 1 }, { line: 4, column: 1 }],
    },
    {
      name: 'the same cache mount on both',
      code: 'FROM python:3.11\nRUN --mount=type=cache,target=/root/.cache pip install a==1\nRUN --mount=type=cache,target=/root/.cache pip install b==2\n',
      errors: [{ line: 3, column: 1 }],
      suggestion: 'FROM python:3.11\nRUN --mount=type=cache,target=/root/.cache pip install a==1 && \\\n    pip install b==2\n',
    },
    {
      name: 'the first spans continuation lines',
      code: 'FROM debian:12-slim\nRUN apt-get install -y \\\n    curl\nRUN curl --version\n',
      errors: [{ line: 4, column: 1 }],
      suggestion: 'FROM debian:12-slim\nRUN apt-get install -y \\\n    curl && \\\n    curl --version\n',
    },
    {
      name: 'a bare assignment is no command',
      code: 'FROM debian:12-slim\nRUN A=1 && B=2\nRUN echo b\n',
      errors: [{ line: 3, column: 1 }],
    },
    {
      name: 'one exec form, one shell form (the image has a shell): reported, no text join offered',
      code: 'FROM python:3.11-slim\nRUN pip install x==1\nRUN ["python3", "-m", "compileall", "/app"]\n',
      errors: [{ line: 3, column: 1 }],
      suggestion: null,
    },
    {
      name: 'the first ends in ; (a text join would be a syntax error): no merge offered',
      code: 'FROM debian:12-slim\nRUN echo a;\nRUN echo b\n',
      errors: [{ line: 3, column: 1 }],
      suggestion: null,
    },
    {
      name: 'the first ends in a comment: no merge offered',
      code: 'FROM debian:12-slim\nRUN echo a # first\nRUN echo b\n',
      errors: [{ line: 3, column: 1 }],
      suggestion: null,
    },
    {
      name: 'a subshell is closed before the join',
      code: 'FROM debian:12-slim\nRUN (echo a)\nRUN echo b\n',
      errors: [{ line: 3, column: 1 }],
      suggestion: 'FROM debian:12-slim\nRUN (echo a) && \\\n    echo b\n',
    },
    {
      name: 'heredocs: no text join offered',
      code: '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF\necho a\nEOF\nRUN echo b\n',
      errors: [{ line: 6, column: 1 }],
      suggestion: null,
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM debian:12-slim\r\nRUN echo a\r\nRUN echo b\r\n',
      errors: [{ line: 3, column: 1 }],
      suggestion: 'FROM debian:12-slim\r\nRUN echo a && \\\r\n    echo b\r\n',
    },
    {
      name: 'with the backtick escape character',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a\nRUN echo b\n',
      errors: [{ line: 4, column: 1 }],
      suggestion: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a && `\n    echo b\n',
    },
  ],
});
