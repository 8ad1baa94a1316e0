import { DL3019 } from '../../../src/core/dockerfile/rules/DL3019';
import { ruleTests } from '../ruleTester';

ruleTests(DL3019, {
  valid: [
    'FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0\n',
    { name: 'before the subcommand', code: 'FROM alpine:3.19\nRUN apk --no-cache add curl=8.5.0-r0\n' },
    { name: 'a cache mount keeps the cache on purpose', code: 'FROM alpine:3.19\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8.5.0-r0\n' },
    { name: 'not an add', code: 'FROM alpine:3.19\nRUN apk del curl\n' },
  ],
  invalid: [
    {
      name: 'no --no-cache: the fix adds it after add',
      code: 'FROM alpine:3.19\nRUN apk add curl=8.5.0-r0\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /--no-cache/ }],
      output: 'FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0\n',
    },
    {
      name: 'with --update',
      code: 'FROM alpine:3.19\nRUN apk --update add git=2.43.0-r0\n',
      errors: [{ line: 2, column: 5, endColumn: 8 }],
      output: 'FROM alpine:3.19\nRUN apk --update add --no-cache git=2.43.0-r0\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.19\nRUN ["apk", "add", "git"]\n',
      errors: [{ line: 2, column: 7, endColumn: 10 }],
      output: 'FROM alpine:3.19\nRUN ["apk", "add", "--no-cache", "git"]\n',
    },
    {
      name: 'continuation after &&',
      code: 'FROM alpine:3.19\nRUN apk update \\\n && apk add \\\n      bash\n',
      errors: [{ line: 3, column: 5, endColumn: 8 }],
      output: 'FROM alpine:3.19\nRUN apk update \\\n && apk add --no-cache \\\n      bash\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM alpine:3.19\nRUN --mount=type=cache,target=/root/.cache apk add bash\n',
      errors: [{ line: 2, column: 44, endColumn: 47 }],
      output: 'FROM alpine:3.19\nRUN --mount=type=cache,target=/root/.cache apk add --no-cache bash\n',
    },
  ],
});
