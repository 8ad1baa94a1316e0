import { DL3054 } from '../../../src/core/dockerfile/rules/DL3054';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is typed.
ruleTests(DL3054, {
  valid: ['FROM python:3.11-slim\nLABEL license="Apache License 2.0"\n'],
  invalid: [],
});

const label = (value: string): string => `FROM python:3.11-slim\nLABEL license=${value}\n`;

const settings: DockerfileSettings = { labelSchema: { license: 'spdx' } };

ruleTests(DL3054, {
  valid: [
    { code: label('MIT'), settings },
    { code: label('Apache-2.0'), settings },
    { code: label('CC-BY-4.0'), settings },
    { name: 'identifiers match without regard to case', code: label('apache-2.0'), settings },
    { name: 'OR', code: label('"MIT OR Apache-2.0"'), settings },
    { name: 'AND, OR and parentheses', code: label('"(MIT AND BSD-3-Clause) OR Apache-2.0"'), settings },
    { name: 'lower-case operators', code: label('"mit or apache-2.0"'), settings },
    { name: 'WITH an exception', code: label('"GPL-2.0-or-later WITH Classpath-exception-2.0"'), settings },
    { name: 'or later with +', code: label('GPL-2.0+'), settings },
    { name: 'a deprecated short form', code: label('LGPL-2.1'), settings },
    { name: 'a LicenseRef', code: label('LicenseRef-Acme-Proprietary'), settings },
    { name: 'a build argument', code: 'FROM python:3.11-slim\nARG LICENSE\nLABEL license=$LICENSE\n', settings },
  ],
  invalid: [
    {
      name: 'a licence name instead of its identifier',
      code: label('"Apache License 2.0"'),
      settings,
      errors: [{ line: 2, column: 15, endColumn: 35, message: /Label "license" is not a valid SPDX license identifier: "Apache License 2\.0"/ }],
    },
    { name: 'an unknown identifier', code: label('Proprietary'), settings, errors: [{ line: 2, column: 15, endColumn: 26 }] },
    { name: 'a dangling operator', code: label('"MIT OR"'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'an unclosed parenthesis', code: label('"(MIT OR Apache-2.0"'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'an unknown exception', code: label('"MIT WITH Acme-exception"'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'mixed-case operator', code: label('"MIT Or Apache-2.0"'), settings, errors: [{ line: 2, column: 15 }] },
    { name: 'two identifiers without an operator', code: label('"MIT Apache-2.0"'), settings, errors: [{ line: 2, column: 15 }] },
  ],
});
