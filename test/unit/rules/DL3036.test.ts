import { DL3036 } from '../../../src/core/dockerfile/rules/DL3036';
import { ruleTests } from '../ruleTester';

ruleTests(DL3036, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n',
    { name: 'cc, the short name', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n' },
    { name: 'the cache folder removed', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n' },
    { name: 'a cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n' },
    { name: 'no install', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n' },
  ],
  invalid: [
    {
      name: 'no clean',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
      errors: [{ line: 2, column: 5, endColumn: 11, message: /zypper clean/ }],
      output: null,
      suggestion: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n',
    },
    {
      name: 'continued over lines',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh && \\\n    zypper -n in curl\n',
      errors: [{ line: 3, column: 5, endColumn: 11 }],
      suggestion: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh && \\\n    zypper -n in curl && zypper clean\n',
    },
  ],
});
