import { DL3002 } from '../../../src/core/dockerfile/rules/DL3002';
import { ruleTests } from '../ruleTester';

ruleTests(DL3002, {
  valid: [
    'FROM python:3.11-slim\nRUN useradd -m appuser\nUSER appuser\n',
    { name: 'no USER at all is not this rule (see MLO102)', code: 'FROM python:3.11-slim\nCMD ["python3"]\n' },
    {
      name: 'root in a builder stage whose files are only copied out',
      code: 'FROM python:3.11 AS build\nUSER root\nRUN make\nFROM python:3.11-slim\nCOPY --from=build /out /app\nUSER app\n',
    },
    { name: 'root for the installs, then back', code: 'FROM python:3.11-slim\nUSER root\nRUN apt-get update\nUSER 10001\n' },
    { name: 'root group, unprivileged uid (OpenShift style)', code: 'FROM python:3.11-slim\nUSER 1001:0\n' },
    { name: 'a variable', code: 'FROM python:3.11-slim\nARG APP_USER=app\nUSER ${APP_USER}\n' },
    {
      name: 'a builder ending as root does not pass that on to a final stage that copies from it',
      code: 'FROM python:3.11 AS build\nUSER root\nFROM python:3.11-slim\nCOPY --from=0 /out /app\nCMD ["python3"]\n',
    },
  ],
  invalid: [
    {
      name: 'hadolint parity: a builder that is only copied from',
      code: 'FROM python:3.11 AS build\nUSER 0:0\nRUN pip wheel -w /w flask==3.0.3\nFROM python:3.11-slim\nCOPY --from=build /w /w\nUSER 10001\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 6, endColumn: 9, message: /^The last USER of stage build is 0:0\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      name: 'the last USER is root',
      code: 'FROM python:3.11-slim\nUSER app\nRUN whoami\nUSER root\n',
      errors: [{ line: 4, column: 6, endColumn: 10, message: /last USER is root/ }],
      output: null,
      suggestion: null,
    },
    { name: 'uid 0 with a group', code: 'FROM python:3.11-slim\nUSER 0:0\n', errors: [{ line: 2, column: 6, endColumn: 9 }] },
    { name: 'root:root', code: 'FROM python:3.11-slim\nUSER root:root\n', errors: [{ line: 2, column: 6, endColumn: 15 }] },
    {
      name: 'inherited from the stage the final stage is built on',
      code: 'FROM python:3.11-slim AS base\nUSER root\nFROM base\nCMD ["python3"]\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'a stage nothing refers to can be built with --target, as hadolint also reports',
      code: 'FROM python:3.11 AS build\nUSER root\nRUN make\nFROM python:3.11-slim\nUSER 10001\n',
      errors: [{ line: 2, column: 6, endColumn: 10, message: /stage build is root.*--target build\)/ }],
    },
    {
      name: 'two stages that may be built, each ending as root',
      code: 'FROM python:3.11 AS debug\nUSER root\nFROM python:3.11-slim\nUSER 0\n',
      errors: [
        { line: 2, column: 6, endColumn: 10 },
        { line: 4, column: 6, endColumn: 7 },
      ],
    },
  ],
});
