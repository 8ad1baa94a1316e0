import { DL3057 } from '../../../src/core/dockerfile/rules/DL3057';
import { ruleTests } from '../ruleTester';

ruleTests(DL3057, {
  valid: [
    { name: 'a HEALTHCHECK', code: 'FROM python:3.11-slim\nHEALTHCHECK --interval=30s CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]\nCMD ["uvicorn", "app:app"]\n' },
    { name: 'HEALTHCHECK NONE is a deliberate choice', code: 'FROM python:3.11-slim\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage the final stage builds on', code: 'FROM python:3.11-slim AS base\nHEALTHCHECK CMD ["python3", "/probe.py"]\nFROM base\nCMD ["uvicorn", "app:app"]\n' },
    { name: 'a builder stage needs none', code: 'FROM python:3.11 AS build\nRUN pip wheel -w /wheels fastapi==0.111.0\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\nHEALTHCHECK CMD ["python3", "/probe.py"]\n' },
    { name: 'no FROM', code: '# nothing yet\n' },
    { name: 'hadolint parity: a stage inherits the HEALTHCHECK of the stage it builds on, in hadolint too', code: 'FROM python:3.11-slim AS base\nHEALTHCHECK CMD ["python3", "/probe.py"]\nFROM base AS app\nRUN echo\nFROM base\n', settings: { hadolintParity: true } },
  ],
  invalid: [
    {
      name: 'hadolint parity: a builder stage is judged too, as hadolint judges it',
      code: 'FROM python:3.11 AS build\nRUN pip wheel -w /wheels fastapi==0.111.0\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\nHEALTHCHECK CMD ["python3", "/probe.py"]\n',
      settings: { hadolintParity: true },
      errors: [{ line: 1, column: 1, endColumn: 5, message: /^HEALTHCHECK instruction missing in this stage\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      code: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app"]\n',
      errors: [{ line: 1, column: 1, endColumn: 5, message: /HEALTHCHECK instruction missing/ }],
    },
    {
      name: 'only a builder stage has one',
      code: 'FROM python:3.11 AS build\nHEALTHCHECK CMD ["true"]\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\n',
      errors: [{ line: 3, column: 1, endColumn: 5 }],
    },
    {
      name: 'a stage nothing uses is an image too (--target), as in hadolint',
      code: 'FROM python:3.11-slim AS debug\nRUN pip install --no-cache-dir debugpy==1.8.1\nFROM python:3.11-slim\nHEALTHCHECK CMD ["python3", "/probe.py"]\n',
      errors: [{ line: 1, column: 1, endColumn: 5 }],
    },
  ],
});
