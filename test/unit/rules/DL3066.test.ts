import { DL3066 } from '../../../src/core/dockerfile/rules/DL3066';
import { ruleTests } from '../ruleTester';

ruleTests(DL3066, {
  valid: [
    'FROM python:3.11-slim\nUSER 10001\n',
    { name: 'uid and gid', code: 'FROM python:3.11-slim\nUSER 10001:10001\n' },
    { name: 'a numeric uid with a group name', code: 'FROM python:3.11-slim\nUSER 10001:appgroup\n' },
    { name: 'a variable', code: 'FROM python:3.11-slim\nARG APP_UID=10001\nUSER $APP_UID\n' },
    { name: 'variables for both', code: 'FROM python:3.11-slim\nUSER ${UID}:${GID}\n' },
    { name: 'hadolint parity: a numeric uid with a variable group', code: 'FROM python:3.11-slim\nUSER 10001:$GID\n', settings: { hadolintParity: true } },
    { name: 'hadolint parity: a build argument declared before, as hadolint reads it', code: 'FROM python:3.11-slim\nARG APP_UID=10001\nUSER $APP_UID\n', settings: { hadolintParity: true } },
    { name: 'hadolint parity: a global build argument, or one in another stage, counts too', code: 'ARG U=1000\nFROM python:3.11-slim AS a\nARG G=1000\nFROM python:3.11-slim\nUSER ${U}:${G}\n', settings: { hadolintParity: true } },
  ],
  invalid: [
    {
      name: 'hadolint parity: a user given as a variable that is no build argument (an ENV, or an ARG only after it)',
      code: 'FROM python:3.11-slim\nENV APP_UID=10001\nUSER $APP_UID\nARG APP_UID=10001\n',
      settings: { hadolintParity: true },
      errors: [{ line: 3, column: 6, endColumn: 14, message: /^USER \$APP_UID gives the user as a variable\. Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      name: 'hadolint parity: variables for both',
      code: 'FROM python:3.11-slim\nUSER ${UID}:${GID}\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 6, endColumn: 12, message: /^USER \$\{UID\} gives the user as a variable/ }],
    },
    {
      name: 'the uid is known from useradd',
      code: 'FROM python:3.11-slim\nRUN useradd -m -u 10001 appuser\nUSER appuser\n',
      errors: [{ line: 3, column: 6, endColumn: 13, message: /USER appuser is a name, not a uid.*Use USER 10001/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nRUN useradd -m -u 10001 appuser\nUSER 10001\n',
    },
    {
      name: 'adduser --uid, with a group',
      code: 'FROM python:3.11-slim\nRUN adduser --uid 1001 --disabled-password --gecos "" appuser\nUSER appuser:appgroup\n',
      errors: [{ line: 3, column: 6, endColumn: 13 }],
      suggestion: 'FROM python:3.11-slim\nRUN adduser --uid 1001 --disabled-password --gecos "" appuser\nUSER 1001:appgroup\n',
    },
    {
      name: "the guide's own example: no uid to suggest",
      code: 'FROM python:3.10-slim\nRUN useradd -m appuser\nUSER appuser\n',
      errors: [{ line: 3, column: 6, message: /useradd --uid 10001 appuser/ }],
      suggestion: null,
    },
    {
      name: 'useradd with a group of the same name is not mistaken for the user',
      code: 'FROM python:3.11-slim\nRUN groupadd -g 2000 app && useradd -u 10001 -g app svc\nUSER app\n',
      errors: [{ line: 3, column: 6 }],
      suggestion: null,
    },
    {
      name: 'the uid comes from the stage this one builds on',
      code: 'FROM python:3.11-slim AS base\nRUN useradd --uid 10001 app\nFROM base\nUSER app\n',
      errors: [{ line: 4, column: 6, endColumn: 9 }],
      suggestion: 'FROM python:3.11-slim AS base\nRUN useradd --uid 10001 app\nFROM base\nUSER 10001\n',
    },
    {
      name: 'root is a name too (as hadolint): the suggestion is uid 0',
      code: 'FROM python:3.11-slim\nUSER root\nRUN apt-get update\n',
      errors: [{ line: 2, column: 6, endColumn: 10, message: /USER root is a name, not a uid.*Use USER 0, the uid of root/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nUSER 0\nRUN apt-get update\n',
    },
    {
      name: 'root with a group',
      code: 'FROM python:3.11-slim\nUSER root:app\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }],
      suggestion: 'FROM python:3.11-slim\nUSER 0:app\n',
    },
    { name: 'nobody', code: 'FROM debian:12-slim\nUSER nobody\n', errors: [{ line: 2, column: 6, endColumn: 12 }] },
  ],
});
