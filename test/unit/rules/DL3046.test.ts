import { DL3046 } from '../../../src/core/dockerfile/rules/DL3046';
import { ruleTests } from '../ruleTester';

ruleTests(DL3046, {
  valid: [
    'FROM python:3.11-slim\nRUN useradd -m appuser\n',
    { name: '-l', code: 'FROM python:3.11-slim\nRUN useradd -l -u 123456 app\n' },
    { name: '--no-log-init', code: 'FROM python:3.11-slim\nRUN useradd --no-log-init -u 123456 app\n' },
    { name: '-l in a bundle', code: 'FROM python:3.11-slim\nRUN useradd -lm -u 123456 app\n' },
    { name: 'a UID of five digits', code: 'FROM python:3.11-slim\nRUN useradd -m -u 10001 app\n' },
    { name: 'a variable', code: 'FROM python:3.11-slim\nRUN useradd -u "$UID" app\n' },
    { name: 'hadolint parity: a variable after --uid', code: 'FROM python:3.11-slim\nRUN useradd --uid $UID app\n', settings: { hadolintParity: true } },
    { name: 'hadolint parity: a variable with -l', code: 'FROM python:3.11-slim\nRUN useradd -l -u $UID app\n', settings: { hadolintParity: true } },
    { name: 'a u inside the value of another option', code: 'FROM python:3.11-slim\nRUN useradd -s/usr/bin/nologin -c 123456 app\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a variable after -u',
      code: 'FROM python:3.11-slim\nRUN useradd -u $UID bob\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 5, endColumn: 12, message: /^useradd -u \$UID without -l gives a UID from a variable\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
      output: null,
    },
    {
      name: 'a high UID',
      code: 'FROM python:3.11-slim\nRUN useradd -u 123456 -m app\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: /UID 123456/ }],
      output: 'FROM python:3.11-slim\nRUN useradd -l -u 123456 -m app\n',
    },
    {
      name: '--uid=, in a chain, continued over lines',
      code: 'FROM python:3.11-slim\nRUN groupadd -g 1000000 app && \\\n    useradd --uid=1000000 --gid=app app\n',
      errors: [{ line: 3, column: 5, endColumn: 12 }],
      output: 'FROM python:3.11-slim\nRUN groupadd -g 1000000 app && \\\n    useradd -l --uid=1000000 --gid=app app\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nRUN ["useradd", "--uid", "200000", "svc"]\n',
      errors: [{ line: 2, column: 7, endColumn: 14 }],
      output: 'FROM python:3.11-slim\nRUN ["useradd", "-l", "--uid", "200000", "svc"]\n',
    },
    {
      name: '-u at the end of a bundle',
      code: 'FROM python:3.11-slim\nRUN useradd -mu 123456 app\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM python:3.11-slim\nRUN useradd -l -mu 123456 app\n',
    },
    {
      name: '-u in a bundle with its value attached',
      code: 'FROM python:3.11-slim\nRUN useradd -ou200000 svc\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM python:3.11-slim\nRUN useradd -l -ou200000 svc\n',
    },
    {
      name: 'under sudo',
      code: 'FROM python:3.11-slim\nRUN sudo useradd -r -u 123456 svc\n',
      errors: [{ line: 2, column: 10, endColumn: 17 }],
      output: 'FROM python:3.11-slim\nRUN sudo useradd -l -r -u 123456 svc\n',
    },
  ],
});
