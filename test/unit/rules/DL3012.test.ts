import { DL3012 } from '../../../src/core/dockerfile/rules/DL3012';
import { ruleTests } from '../ruleTester';

ruleTests(DL3012, {
  valid: [
    'FROM python:3.11-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health\nCMD ["uvicorn", "app:app"]\n',
    { name: 'one per stage', code: 'FROM python:3.11 AS test\nHEALTHCHECK CMD true\nFROM python:3.11-slim\nHEALTHCHECK CMD curl -f http://localhost:8000/health\n' },
    { name: 'overriding the one of the stage it is built on', code: 'FROM python:3.11-slim AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n' },
  ],
  invalid: [
    {
      name: 'two: the fix removes the one that has no effect',
      code: 'FROM python:3.11-slim\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health\n',
      errors: [{ line: 3, column: 1, endColumn: 12, message: /line 2\)/ }],
      output: 'FROM python:3.11-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health\n',
    },
    {
      name: 'the overridden one spans lines',
      code: 'FROM python:3.11-slim\nHEALTHCHECK --interval=5s \\\n  CMD true\nCMD ["python3"]\nHEALTHCHECK NONE\n',
      errors: [{ line: 5, column: 1 }],
      output: 'FROM python:3.11-slim\nCMD ["python3"]\nHEALTHCHECK NONE\n',
    },
    {
      name: 'three',
      code: 'FROM python:3.11-slim\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\nHEALTHCHECK CMD c\n',
      errors: [
        { line: 3, column: 1 },
        { line: 4, column: 1, message: /lines 2, 3\)/ },
      ],
      output: 'FROM python:3.11-slim\nHEALTHCHECK CMD b\nHEALTHCHECK CMD c\n',
    },
  ],
});
