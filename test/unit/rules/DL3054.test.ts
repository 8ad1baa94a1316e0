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

// What hadolint 2.15.1 reports, found by running it.
const parity: DockerfileSettings = { ...settings, hadolintParity: true };

ruleTests(DL3054, {
  valid: [
    { name: 'hadolint parity: a current identifier in its exact case', code: label('Apache-2.0'), settings: parity },
    { name: 'hadolint parity: GPL-3.0-only', code: label('GPL-3.0-only'), settings: parity },
  ],
  invalid: [
    {
      name: 'hadolint parity: what hadolint refuses although SPDX accepts it',
      code: `${label('mit')}LABEL license=GPL-3.0\nLABEL license=GPL-2.0+\nLABEL license="Apache-2.0 OR MIT"\nLABEL license=LicenseRef-x\n`,
      settings: parity,
      errors: [
        { line: 2, column: 15, endColumn: 18, message: /^Label "license" holds "mit", which is valid\. Reported because hadolint reports it \(hadolint parity is on\): hadolint accepts only a single current SPDX identifier in its exact case/ },
        { line: 3, column: 15, message: /"GPL-3\.0", which is valid\. Reported because hadolint reports it/ },
        { line: 4, column: 15, message: /"GPL-2\.0\+", which is valid/ },
        { line: 5, column: 15, message: /"Apache-2\.0 OR MIT", which is valid/ },
        { line: 6, column: 15, message: /"LicenseRef-x", which is valid/ },
      ],
    },
  ],
});
