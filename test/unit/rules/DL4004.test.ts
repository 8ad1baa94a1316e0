import { DL4004 } from '../../../src/core/dockerfile/rules/DL4004';
import { ruleTests } from '../ruleTester';

ruleTests(DL4004, {
  valid: [
    'FROM python:3.11-slim\nENTRYPOINT ["tini", "--"]\nCMD ["uvicorn", "app:app"]\n',
    { name: 'one per stage', code: 'FROM python:3.11 AS test\nENTRYPOINT ["pytest"]\nFROM python:3.11-slim\nENTRYPOINT ["uvicorn"]\n' },
    { name: 'replacing an inherited ENTRYPOINT', code: 'FROM python:3.11-slim AS base\nENTRYPOINT ["python3"]\nFROM base\nENTRYPOINT ["uvicorn"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim\nENTRYPOINT ["python3"]\nCMD ["app.py"]\nENTRYPOINT ["uvicorn"]\n',
      errors: [{ line: 4, column: 1, endColumn: 11, message: /Multiple ENTRYPOINT instructions found: this ENTRYPOINT replaces the one on line 2/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nCMD ["app.py"]\nENTRYPOINT ["uvicorn"]\n',
    },
    {
      name: 'in the second stage',
      code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nENTRYPOINT a\nENTRYPOINT b\n',
      errors: [{ line: 4, column: 1 }],
    },
  ],
});
