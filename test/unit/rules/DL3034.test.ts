import { DL3034 } from '../../../src/core/dockerfile/rules/DL3034';
import { ruleTests } from '../ruleTester';

ruleTests(DL3034, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    { name: '--non-interactive', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n' },
    { name: '-y after the subcommand', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n' },
    { name: '--no-confirm', code: 'FROM opensuse/leap:15.6\nRUN zypper in --no-confirm curl\n' },
    { name: 'a subcommand that does not ask', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n' },
  ],
  invalid: [
    {
      name: 'install',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl\n',
      errors: [{ line: 2, column: 5, endColumn: 11, message: /Add -n/ }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    },
    {
      name: 'remove, in a chain',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper rm vim\n',
      errors: [{ line: 2, column: 26, endColumn: 32 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper -n rm vim\n',
    },
    {
      name: 'exec form',
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "install", "curl"]\n',
      errors: [{ line: 2, column: 7, endColumn: 13 }],
      output: 'FROM opensuse/leap:15.6\nRUN ["zypper", "-n", "install", "curl"]\n',
    },
    {
      name: 'a global option with a value',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --root /target install curl\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n --root /target install curl\n',
    },
  ],
});
