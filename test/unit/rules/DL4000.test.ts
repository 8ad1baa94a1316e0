import { DL4000 } from '../../../src/core/dockerfile/rules/DL4000';
import { ruleTests } from '../ruleTester';

ruleTests(DL4000, {
  valid: [
    'FROM python:3.11-slim\nLABEL maintainer="ml@example.com"\n',
    { name: 'a label that mentions MAINTAINER', code: 'FROM python:3.11-slim\nLABEL description="no MAINTAINER here"\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ line: 2, column: 1, endColumn: 11, message: /MAINTAINER is deprecated.*LABEL maintainer="Jane Doe <jane@example\.com>"/ }],
      output: 'FROM python:3.11-slim\nLABEL maintainer="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'quotes, $ and backslashes are kept literally',
      code: 'FROM alpine:3.20\nMAINTAINER Joe "JB" Bloggs $HOME C:\\x\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nLABEL maintainer="Joe \\"JB\\" Bloggs \\$HOME C:\\\\x"\n',
    },
    {
      name: 'a continuation line',
      code: 'FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\nRUN true\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nLABEL maintainer="Jane   Doe"\nRUN true\n',
    },
    {
      name: 'the backtick escape character',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER a "b" $c C:\\x\n',
      errors: [{ line: 3, column: 1 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL maintainer="a `"b`" `$c C:\\x"\n',
    },
    { name: 'lower-case keyword', code: 'FROM alpine:3.20\nmaintainer ml@example.com\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\nLABEL maintainer="ml@example.com"\n' },
    { name: 'empty: no fix', code: 'FROM alpine:3.20\nMAINTAINER\n', errors: [{ line: 2, column: 1, endColumn: 11 }], output: null },
  ],
});
