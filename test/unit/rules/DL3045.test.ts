import { DL3045 } from '../../../src/core/dockerfile/rules/DL3045';
import { ruleTests } from '../ruleTester';

ruleTests(DL3045, {
  valid: [
    'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\n',
    { name: 'an absolute destination', code: 'FROM python:3.11-slim\nCOPY . /app\n' },
    { name: 'WORKDIR in the stage built on', code: 'FROM python:3.11-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'a variable', code: 'FROM python:3.11-slim\nCOPY . $APP_HOME\n' },
    { name: 'quoted absolute paths and variables', code: 'FROM python:3.11-slim\nCOPY a.txt "/app/"\nCOPY b.txt \'/srv/\'\nCOPY c.txt "$APP_HOME/"\n' },
    { name: 'a Windows drive', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app c:/app\n' },
    { name: 'ADD is not this rule', code: 'FROM python:3.11-slim\nADD app.tar.gz .\n' },
  ],
  invalid: [
    {
      name: 'before any WORKDIR',
      code: 'FROM python:3.11-slim\nCOPY requirements.txt .\n',
      errors: [{ line: 2, column: 23, endColumn: 24, message: /no WORKDIR set/ }],
    },
    {
      name: 'a WORKDIR in another stage does not count',
      code: 'FROM python:3.11 AS build\nWORKDIR /src\nFROM python:3.11-slim\nCOPY --from=build /src/out ./out\n',
      errors: [{ line: 4, column: 28, endColumn: 33 }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.11-slim\nCOPY ["app.py", "app/"]\n',
      errors: [{ line: 2, column: 18, endColumn: 22 }],
    },
    {
      name: 'only the COPY before WORKDIR',
      code: 'FROM python:3.11-slim\nCOPY x.txt ./\nWORKDIR /app\nCOPY y.txt ./\n',
      errors: [{ line: 2, column: 12, endColumn: 14 }],
    },
    {
      name: 'a heredoc',
      code: 'FROM python:3.11-slim\nCOPY <<EOF app.conf\nkey=1\nEOF\n',
      errors: [{ line: 2, column: 12, endColumn: 20 }],
    },
  ],
});
