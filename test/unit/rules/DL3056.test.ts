import { DL3056 } from '../../../src/core/dockerfile/rules/DL3056';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is typed.
ruleTests(DL3056, {
  valid: ['FROM python:3.11-slim\nLABEL version=v1\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL version=${value}\n`;

const settings: DockerfileSettings = { labelSchema: { version: 'semver' } };

ruleTests(DL3056, {
  valid: [
    { code: label('1.0.0'), settings },
    { code: label('0.12.3'), settings },
    { code: label('2.0.0-rc.1'), settings },
    { code: label('1.4.2+build.57'), settings },
    { code: label('1.0.0-alpha.beta+exp.sha.5114f85'), settings },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG VERSION\nLABEL version=$VERSION\n', settings },
  ],
  invalid: [
    {
      name: 'a leading v',
      code: label('v1.0.0'),
      settings,
      errors: [{ line: 2, column: 15, endColumn: 21, message: /Label "version" does not conform to semantic versioning: "v1\.0\.0".*without the leading v/ }],
    },
    { name: 'two parts', code: label('1.0'), settings, errors: [{ line: 2, column: 15, endColumn: 18 }] },
    { name: 'a leading zero', code: label('01.0.0'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'a word', code: label('latest'), settings, errors: [{ line: 2, column: 15 }] },
  ],
});
