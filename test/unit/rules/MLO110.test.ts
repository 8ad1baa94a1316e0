import { MLO110 } from '../../../src/core/dockerfile/rules/MLO110';
import { ruleTests } from '../ruleTester';

const none = { hasDockerignore: false };

ruleTests(MLO110, {
  valid: [
    { name: 'a .dockerignore exists', code: 'FROM python:3.11-slim\nCOPY . .\n', facts: { hasDockerignore: true } },
    { name: 'unknown: silent', code: 'FROM python:3.11-slim\nCOPY . .\n' },
    { name: 'copies named files', code: 'FROM python:3.11-slim\nCOPY app.py requirements.txt ./\n', facts: none },
    { name: 'copies from a stage', code: 'FROM python:3.11-slim\nCOPY --from=build . .\n', facts: none },
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim\nCOPY --chown=app:app . /app\n',
      facts: none,
      errors: [{ line: 2, column: 22, endColumn: 23, message: /no \.dockerignore/ }],
      output: 'FROM python:3.11-slim\nCOPY --chown=app:app . /app\n',
      createsFiles: ['.dockerignore'],
    },
    { name: 'ADD ./ in exec form', code: 'FROM python:3.11-slim\nADD ["./", "/app/"]\n', facts: none, errors: [{ line: 2, column: 7, endColumn: 9 }] },
  ],
});
