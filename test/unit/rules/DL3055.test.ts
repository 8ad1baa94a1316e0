import { DL3055 } from '../../../src/core/dockerfile/rules/DL3055';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is typed.
ruleTests(DL3055, {
  valid: ['FROM python:3.11-slim\nLABEL revision=abc1234\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL revision=${value}\n`;

const settings: DockerfileSettings = { labelSchema: { revision: 'hash' } };

ruleTests(DL3055, {
  valid: [
    { name: 'SHA-1', code: label('9fceb02d0ae598e95dc970b74767f19372d61af8'), settings },
    { name: 'upper-case hex', code: label('9FCEB02D0AE598E95DC970B74767F19372D61AF8'), settings },
    { name: 'SHA-256', code: label('6f3c1a2b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a'), settings },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG GIT_SHA\nLABEL revision=${GIT_SHA}\n', settings },
  ],
  invalid: [
    {
      name: 'a short hash',
      code: label('9fceb02'),
      settings,
      errors: [{ line: 2, column: 16, endColumn: 23, message: /Label "revision" is not a valid git hash: "9fceb02" must be a full 40-character commit hash/ }],
    },
    { name: 'a non-hex character', code: label('9fceb02d0ae598e95dc970b74767f19372d61afg'), settings, errors: [{ line: 2, column: 16, endColumn: 56 }] },
    { name: 'a branch name', code: label('main'), settings, errors: [{ line: 2, column: 16 }] },
  ],
});

// What hadolint 2.15.1 reports, found by running it.
const parity: DockerfileSettings = { ...settings, hadolintParity: true };

ruleTests(DL3055, {
  valid: [
    { name: 'hadolint parity: a lower-case SHA-1', code: label('9fceb02d0ae598e95dc970b74767f19372d61af8'), settings: parity },
    { name: 'hadolint parity: a variable in a valid value is not judged by either', code: 'FROM python:3.11-slim\nLABEL other=$X\n', settings: parity },
  ],
  invalid: [
    {
      name: 'hadolint parity: upper-case hex and SHA-256 are reported, as hadolint does',
      code: `${label('9FCEB02D0AE598E95DC970B74767F19372D61AF8')}LABEL revision=6f3c1a2b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a\n`,
      settings: parity,
      errors: [
        { line: 2, column: 16, endColumn: 56, message: /^Label "revision" holds "9FCEB02D0AE598E95DC970B74767F19372D61AF8", which is valid\. Reported because hadolint reports it \(hadolint parity is on\): hadolint accepts only exactly 7 or 40 lower-case hex digits\.$/ },
        { line: 3, column: 16, endColumn: 80, message: /hadolint accepts only exactly 7 or 40 lower-case hex digits/ },
      ],
    },
    {
      name: 'hadolint parity: an empty value and a variable are reported, as hadolint does',
      code: 'FROM python:3.11-slim\nARG GIT_SHA\nLABEL revision=""\nLABEL revision=${GIT_SHA}\n',
      settings: parity,
      errors: [
        { line: 3, column: 16, message: /^Label "revision" is empty, which DL3051 reports\. Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 4, column: 16, endColumn: 26, message: /^Label "revision" holds "\$\{GIT_SHA\}", whose value is known only when the image is built\. Reported because hadolint reports it/ },
      ],
    },
  ],
});
