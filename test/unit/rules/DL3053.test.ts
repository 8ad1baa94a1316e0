import { DL3053 } from '../../../src/core/dockerfile/rules/DL3053';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is typed.
ruleTests(DL3053, {
  valid: ['FROM python:3.11-slim\nLABEL created=yesterday\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL created=${value}\n`;

const settings: DockerfileSettings = { labelSchema: { created: 'rfc3339' } };

ruleTests(DL3053, {
  valid: [
    { code: label('2024-05-01T12:30:00Z'), settings },
    { code: label('2024-05-01t12:30:00z'), settings },
    { code: label('2024-05-01T12:30:00.123456+02:00'), settings },
    { code: label('2024-02-29T00:00:00-05:30'), settings },
    { name: 'a leap second', code: label('2016-12-31T23:59:60Z'), settings },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG BUILD_DATE\nLABEL created=$BUILD_DATE\n', settings },
  ],
  invalid: [
    {
      name: 'a space for the T, as date --rfc-3339 prints (as hadolint: strict parsers refuse it)',
      code: label('"2024-05-01 12:30:00+00:00"'),
      settings,
      errors: [{ line: 2, column: 15 }],
    },
    {
      name: 'a date without a time',
      code: label('2024-05-01'),
      settings,
      errors: [{ line: 2, column: 15, endColumn: 25, message: /Label "created" is not a valid time: "2024-05-01" must conform to RFC 3339/ }],
    },
    { name: 'no offset', code: label('2024-05-01T12:30:00'), settings, errors: [{ line: 2, column: 15, endColumn: 34 }] },
    { name: 'February 29 of a common year', code: label('2023-02-29T00:00:00Z'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'month 13', code: label('2024-13-01T00:00:00Z'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'hour 24', code: label('2024-05-01T24:00:00Z'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'a Unix timestamp', code: label('1714566600'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'an offset without a colon', code: label('2024-05-01T12:30:00+0200'), settings, errors: [{ line: 2, column: 15 }] },
  ],
});
