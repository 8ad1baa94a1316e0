import { DL3035 } from '../../../src/core/dockerfile/rules/DL3035';
import { ruleTests } from '../ruleTester';

ruleTests(DL3035, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n update\n',
    { name: 'install', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n' },
    { name: 'as an argument', code: 'FROM opensuse/leap:15.6\nRUN echo zypper dup\n' },
  ],
  invalid: [
    {
      name: 'dist-upgrade',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n',
      errors: [{ line: 2, column: 15, endColumn: 27, message: /upgrades the whole distribution/ }],
    },
    {
      name: 'dup, in a chain',
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper dup -y\n',
      errors: [{ line: 2, column: 30, endColumn: 33 }],
    },
  ],
});
