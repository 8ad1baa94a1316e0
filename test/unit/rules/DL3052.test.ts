import { DL3052 } from '../../../src/core/dockerfile/rules/DL3052';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is typed.
ruleTests(DL3052, {
  valid: ['FROM python:3.11-slim\nLABEL documentation=docs.example.com\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL documentation=${value}\n`;

const settings: DockerfileSettings = { labelSchema: { documentation: 'url' } };

ruleTests(DL3052, {
  valid: [
    { code: label('https://docs.example.com/churn'), settings },
    { code: label('"http://localhost:8000/docs"'), settings },
    { code: label('mailto:ml@example.com'), settings },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG DOCS\nLABEL documentation="${DOCS}"\n', settings },
    { name: 'empty: DL3051 reports it', code: label('""'), settings },
    { name: 'a label of another type', code: 'FROM python:3.11-slim\nLABEL vendor=acme\n', settings },
  ],
  invalid: [
    {
      name: 'no scheme',
      code: label('docs.example.com'),
      settings,
      errors: [{ line: 2, column: 21, endColumn: 37, message: /Label "documentation" is not a valid URL: "docs\.example\.com" needs a scheme/ }],
    },
    { name: 'a web scheme without a host', code: label('https://'), settings, errors: [{ line: 2, column: 21, endColumn: 29 }] },
    { name: 'a space inside', code: label('"see https://docs.example.com"'), settings, errors: [{ line: 2, column: 21, endColumn: 51 }] },
    { name: 'a relative path', code: label('/docs/index.html'), settings, errors: [{ line: 2, column: 21 }] },
  ],
});
