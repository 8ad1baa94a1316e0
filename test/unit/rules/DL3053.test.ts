import { DL3053 } from '../../../src/core/dockerfile/rules/DL3053';
import { ruleTests } from '../ruleTester';
import { withSettings } from '../support-c';

// Without a label schema no label is typed.
ruleTests(DL3053, {
  valid: ['FROM python:3.11-slim\nLABEL created=yesterday\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL created=${value}\n`;

ruleTests(withSettings(DL3053, { labelSchema: { created: 'rfc3339' } }), {
  valid: [
    label('2024-05-01T12:30:00Z'),
    label('2024-05-01t12:30:00z'),
    label('2024-05-01T12:30:00.123456+02:00'),
    label('2024-02-29T00:00:00-05:30'),
    { name: 'a leap second', code: label('2016-12-31T23:59:60Z') },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG BUILD_DATE\nLABEL created=$BUILD_DATE\n' },
  ],
  invalid: [
    {
      name: 'a space for the T, as date --rfc-3339 prints (as hadolint: strict parsers refuse it)',
      code: label('"2024-05-01 12:30:00+00:00"'),
      errors: [{ line: 2, column: 15 }],
    },
    {
      name: 'a date without a time',
      code: label('2024-05-01'),
      errors: [{ line: 2, column: 15, endColumn: 25, message: /Label "created" is not a valid time: "2024-05-01" must conform to RFC 3339/ }],
    },
    { name: 'no offset', code: label('2024-05-01T12:30:00'), errors: [{ line: 2, column: 15, endColumn: 34 }] },
    { name: 'February 29 of a common year', code: label('2023-02-29T00:00:00Z'), errors: [{ line: 2, column: 15 }] },
    { name: 'month 13', code: label('2024-13-01T00:00:00Z'), errors: [{ line: 2, column: 15 }] },
    { name: 'hour 24', code: label('2024-05-01T24:00:00Z'), errors: [{ line: 2, column: 15 }] },
    { name: 'a Unix timestamp', code: label('1714566600'), errors: [{ line: 2, column: 15 }] },
    { name: 'an offset without a colon', code: label('2024-05-01T12:30:00+0200'), errors: [{ line: 2, column: 15 }] },
  ],
});
