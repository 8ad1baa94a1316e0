import { DL4003 } from '../../../src/core/dockerfile/rules/DL4003';
import { ruleTests } from '../ruleTester';

ruleTests(DL4003, {
  valid: [
    'FROM python:3.11-slim\nCMD ["uvicorn", "app:app"]\n',
    { name: 'one per stage', code: 'FROM python:3.11 AS test\nCMD ["pytest"]\nFROM python:3.11-slim\nCMD ["uvicorn", "app:app"]\n' },
    { name: 'replacing an inherited CMD', code: 'FROM python:3.11-slim AS base\nCMD ["python3"]\nFROM base\nCMD ["uvicorn", "app:app"]\n' },
    { name: 'CMD inside HEALTHCHECK and ONBUILD', code: 'FROM python:3.11-slim\nHEALTHCHECK CMD ["true"]\nONBUILD CMD ["x"]\nCMD ["uvicorn", "app:app"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim\nCMD ["python3", "a.py"]\nCMD ["python3", "b.py"]\n',
      errors: [{ line: 3, column: 1, endColumn: 4, message: /Multiple CMD instructions found: this CMD replaces the one on line 2/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nCMD ["python3", "b.py"]\n',
    },
    {
      name: 'three: the second and the third',
      code: 'FROM python:3.11-slim\nCMD a\nCMD b\nCMD c\n',
      errors: [{ line: 3, column: 1, message: /line 2/ }, { line: 4, column: 1, message: /line 3/ }],
      suggestion: 'FROM python:3.11-slim\nCMD b\nCMD c\n',
    },
    {
      name: 'the overridden CMD spans lines, and the file has no final newline',
      code: 'FROM python:3.11-slim\nCMD python3 \\\n  app.py\nCMD ["uvicorn", "app:app"]',
      errors: [{ line: 4, column: 1 }],
      suggestion: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app"]',
    },
  ],
});
