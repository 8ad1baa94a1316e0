import { DL3003 } from '../../../src/core/dockerfile/rules/DL3003';
import { ruleTests } from '../ruleTester';

ruleTests(DL3003, {
  valid: [
    'FROM debian:12\nWORKDIR /src\nRUN make\n',
    { name: 'cd as an argument', code: 'FROM debian:12\nRUN echo cd && make -C /src\n' },
    { name: 'a longer name', code: 'FROM debian:12\nRUN abcd --version\n' },
  ],
  invalid: [
    {
      name: 'cd in a chain',
      code: 'FROM debian:12\nRUN cd /app && make\n',
      errors: [{ line: 2, column: 5, endColumn: 7, message: /Use WORKDIR \/app/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'every cd, across a continuation',
      code: 'FROM debian:12\nRUN cd /tmp && curl -O x && cd - \\\n    && ls\n',
      errors: [
        { line: 2, column: 5, endColumn: 7 },
        { line: 2, column: 29, endColumn: 31 },
      ],
    },
    { name: 'in a subshell', code: 'FROM debian:12\nRUN (cd src && make)\n', errors: [{ line: 2, column: 6, endColumn: 8 }] },
    { name: 'on a continuation line after ;', code: 'FROM debian:12\nRUN set -e; \\\n  cd build; cmake ..\n', errors: [{ line: 3, column: 3, endColumn: 5 }] },
    {
      name: 'PowerShell: cd lasts for one RUN there too',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cd C:\\app; Get-ChildItem\n',
      errors: [{ line: 3, column: 5, endColumn: 7, message: /^cd changes the directory/ }],
    },
    {
      name: 'cmd, named by the shell pragma',
      code: '# hadolint shell=cmd\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd \\app && dir\n',
      errors: [{ line: 3, column: 5, endColumn: 7 }],
    },
  ],
});
