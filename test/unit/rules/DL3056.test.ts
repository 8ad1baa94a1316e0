import { DL3056 } from '../../../src/core/dockerfile/rules/DL3056';
import { ruleTests } from '../ruleTester';
import { withSettings } from '../support-c';

// Without a label schema no label is typed.
ruleTests(DL3056, {
  valid: ['FROM python:3.11-slim\nLABEL version=v1\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL version=${value}\n`;

ruleTests(withSettings(DL3056, { labelSchema: { version: 'semver' } }), {
  valid: [
    label('1.0.0'),
    label('0.12.3'),
    label('2.0.0-rc.1'),
    label('1.4.2+build.57'),
    label('1.0.0-alpha.beta+exp.sha.5114f85'),
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG VERSION\nLABEL version=$VERSION\n' },
  ],
  invalid: [
    {
      name: 'a leading v',
      code: label('v1.0.0'),
      errors: [{ line: 2, column: 15, endColumn: 21, message: /Label "version" does not conform to semantic versioning: "v1\.0\.0".*without the leading v/ }],
    },
    { name: 'two parts', code: label('1.0'), errors: [{ line: 2, column: 15, endColumn: 18 }] },
    { name: 'a leading zero', code: label('01.0.0'), errors: [{ line: 2, column: 15 }] },
    { name: 'a word', code: label('latest'), errors: [{ line: 2, column: 15 }] },
  ],
});
