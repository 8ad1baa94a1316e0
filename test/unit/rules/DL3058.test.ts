import { DL3058 } from '../../../src/core/dockerfile/rules/DL3058';
import { ruleTests } from '../ruleTester';
import { withSettings } from '../support-c';

// Without a label schema no label is typed.
ruleTests(DL3058, {
  valid: ['FROM python:3.11-slim\nLABEL maintainer="Jane Doe <jane@example.com>"\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL maintainer=${value}\n`;

ruleTests(withSettings(DL3058, { labelSchema: { maintainer: 'email' } }), {
  valid: [
    label('ml-platform@example.com'),
    label('first.last+models@sub.example.co.uk'),
    { name: 'a quoted local part', code: label('\'"jane doe"@example.com\'') },
    { name: 'a host without a dot', code: label('root@localhost') },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG MAINTAINER\nLABEL maintainer=$MAINTAINER\n' },
  ],
  invalid: [
    {
      name: 'a display name and angle brackets',
      code: label('"Jane Doe <jane@example.com>"'),
      errors: [{ line: 2, column: 18, endColumn: 47, message: /Label "maintainer" is not a valid email address: "Jane Doe <jane@example\.com>"/ }],
    },
    { name: 'no domain', code: label('jane@'), errors: [{ line: 2, column: 18, endColumn: 23 }] },
    { name: 'no @', code: label('jane.example.com'), errors: [{ line: 2, column: 18 }] },
    { name: 'two @', code: label('jane@@example.com'), errors: [{ line: 2, column: 18 }] },
    { name: 'two dots in a row', code: label('jane..doe@example.com'), errors: [{ line: 2, column: 18 }] },
  ],
});
