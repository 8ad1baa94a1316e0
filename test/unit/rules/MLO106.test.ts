import { MLO106 } from '../../../src/core/dockerfile/rules/MLO106';
import { ruleTests } from '../ruleTester';

ruleTests(MLO106, {
  valid: [
    { name: '--chown given', code: 'FROM python:3.11-slim\nUSER appuser\nCOPY --chown=appuser:appuser . .\n' },
    { name: 'copy before USER', code: 'FROM python:3.11-slim\nCOPY . .\nUSER appuser\n' },
    { name: 'copy from another stage', code: 'FROM python:3.11-slim\nUSER appuser\nCOPY --from=build /wheels /wheels\n' },
    { name: 'root user', code: 'FROM python:3.11-slim\nUSER root\nCOPY . .\n' },
    { name: 'no USER (MLO102 covers it)', code: 'FROM python:3.11-slim\nCOPY . .\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim\nUSER appuser\nCOPY . .\n',
      errors: [{ line: 3, column: 1, endColumn: 5, message: /belong to root/ }],
      output: 'FROM python:3.11-slim\nUSER appuser\nCOPY --chown=appuser . .\n',
    },
    {
      name: 'user with group, ADD',
      code: 'FROM python:3.11-slim\nUSER 10001:10001\nADD src/ /app/\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM python:3.11-slim\nUSER 10001:10001\nADD --chown=10001:10001 src/ /app/\n',
    },
    {
      name: 'a copy made while a non-root user is in force, before USER root and back',
      code: 'FROM python:3.11-slim\nUSER appuser\nCOPY app/ /home/appuser/app/\nUSER root\nRUN apt-get update\nCOPY conf/ /etc/app/\nUSER appuser\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM python:3.11-slim\nUSER appuser\nCOPY --chown=appuser app/ /home/appuser/app/\nUSER root\nRUN apt-get update\nCOPY conf/ /etc/app/\nUSER appuser\n',
    },
    { name: 'a variable user gets no fix', code: 'FROM python:3.11-slim\nUSER $APP_USER\nCOPY . .\n', errors: [{ line: 3, column: 1 }], output: null },
  ],
});
