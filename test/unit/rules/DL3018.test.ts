import { DL3018 } from '../../../src/core/dockerfile/rules/DL3018';
import { ruleTests } from '../ruleTester';

ruleTests(DL3018, {
  valid: [
    'FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0\n',
    { name: 'fuzzy and range versions', code: 'FROM alpine:3.19\nRUN apk add --no-cache bash~5.2 "openssl>3.1"\n' },
    { name: 'the virtual package name is not a package', code: 'FROM alpine:3.19\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20231014-r0\n' },
    { name: 'a local file and a variable', code: 'FROM alpine:3.19\nRUN apk add --allow-untrusted ./pkg-1.0-r0.apk $EXTRA\n' },
    { name: 'not an add', code: 'FROM alpine:3.19\nRUN apk update && apk del curl\n' },
  ],
  invalid: [
    {
      name: 'no version',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache curl\n',
      errors: [{ line: 2, column: 24, endColumn: 28, message: /curl is installed without a version/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'after a virtual package',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.4-r2\n',
      errors: [{ line: 2, column: 46, endColumn: 49 }],
    },
    { name: 'short -t', code: 'FROM alpine:3.19\nRUN apk add -t .deps make\n', errors: [{ line: 2, column: 22, endColumn: 26 }] },
    {
      name: 'continuation after &&',
      code: 'FROM alpine:3.19\nRUN apk update && \\\n    apk add git=2.43.0-r0 openssh\n',
      errors: [{ line: 3, column: 27, endColumn: 34 }],
    },
    { name: 'a repository tag is not a version', code: 'FROM alpine:3.19\nRUN apk add py3-numpy@community\n', errors: [{ line: 2, column: 13, endColumn: 32, message: /py3-numpy=/ }] },
  ],
});
