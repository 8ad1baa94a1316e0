import { DL3058 } from '../../../src/core/dockerfile/rules/DL3058';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is typed.
ruleTests(DL3058, {
  valid: ['FROM python:3.11-slim\nLABEL maintainer="Jane Doe <jane@example.com>"\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL maintainer=${value}\n`;

const settings: DockerfileSettings = { labelSchema: { maintainer: 'email' } };

ruleTests(DL3058, {
  valid: [
    { code: label('ml-platform@example.com'), settings },
    { code: label('first.last+models@sub.example.co.uk'), settings },
    { name: 'a quoted local part', code: label('\'"jane doe"@example.com\''), settings },
    { name: 'a host without a dot', code: label('root@localhost'), settings },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG MAINTAINER\nLABEL maintainer=$MAINTAINER\n', settings },
  ],
  invalid: [
    {
      name: 'a display name and angle brackets',
      code: label('"Jane Doe <jane@example.com>"'),
      settings,
      errors: [{ line: 2, column: 18, endColumn: 47, message: /Label "maintainer" is not a valid email address: "Jane Doe <jane@example\.com>"/ }],
    },
    { name: 'no domain', code: label('jane@'), settings, errors: [{ line: 2, column: 18, endColumn: 23 }] },
    { name: 'no @', code: label('jane.example.com'), settings, errors: [{ line: 2, column: 18 }] },
    { name: 'two @', code: label('jane@@example.com'), settings, errors: [{ line: 2, column: 18 }] },
    { name: 'two dots in a row', code: label('jane..doe@example.com'), settings, errors: [{ line: 2, column: 18 }] },
  ],
});
