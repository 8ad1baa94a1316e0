import { DL3052 } from '../../../src/core/dockerfile/rules/DL3052';
import { ruleTests } from '../ruleTester';
import { withSettings } from '../support-c';

// Without a label schema no label is typed.
ruleTests(DL3052, {
  valid: ['FROM python:3.11-slim\nLABEL documentation=docs.example.com\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL documentation=${value}\n`;

ruleTests(withSettings(DL3052, { labelSchema: { documentation: 'url' } }), {
  valid: [
    label('https://docs.example.com/churn'),
    label('"http://localhost:8000/docs"'),
    label('mailto:ml@example.com'),
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG DOCS\nLABEL documentation="${DOCS}"\n' },
    { name: 'empty: DL3051 reports it', code: label('""') },
    { name: 'a label of another type', code: 'FROM python:3.11-slim\nLABEL vendor=acme\n' },
  ],
  invalid: [
    {
      name: 'no scheme',
      code: label('docs.example.com'),
      errors: [{ line: 2, column: 21, endColumn: 37, message: /Label "documentation" is not a valid URL: "docs\.example\.com" needs a scheme/ }],
    },
    { name: 'a web scheme without a host', code: label('https://'), errors: [{ line: 2, column: 21, endColumn: 29 }] },
    { name: 'a space inside', code: label('"see https://docs.example.com"'), errors: [{ line: 2, column: 21, endColumn: 51 }] },
    { name: 'a relative path', code: label('/docs/index.html'), errors: [{ line: 2, column: 21 }] },
  ],
});
