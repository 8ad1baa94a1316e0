import { DL3000 } from '../../../src/core/dockerfile/rules/DL3000';
import { ruleTests } from '../ruleTester';

ruleTests(DL3000, {
  valid: [
    'FROM python:3.11-slim\nWORKDIR /app\n',
    { name: 'quoted absolute path with a space', code: 'FROM python:3.11-slim\nWORKDIR "/srv/my app"\n' },
    { name: 'a variable may hold an absolute path', code: 'FROM python:3.11-slim\nWORKDIR $HOME/app\n' },
    { name: 'braced variable', code: 'FROM python:3.11-slim\nARG APP_HOME=/app\nWORKDIR ${APP_HOME}\n' },
    { name: 'Windows drive, backslash', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' },
    { name: 'Windows drive, slash', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR c:/app\n' },
  ],
  invalid: [
    {
      name: 'relative to the base image: a suggestion, since the base may set its own WORKDIR',
      code: 'FROM python:3.11-slim\nWORKDIR app\n',
      errors: [{ line: 2, column: 9, endColumn: 12, message: /relative/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nWORKDIR /app\n',
    },
    {
      name: 'relative to a known WORKDIR: the fix writes the path it resolves to',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nWORKDIR src\n',
      errors: [{ line: 3, column: 9, endColumn: 12, message: /resolves to \/app\/src/ }],
      output: 'FROM python:3.11-slim\nWORKDIR /app\nWORKDIR /app/src\n',
    },
    {
      name: '.. is resolved',
      code: 'FROM python:3.11-slim\nWORKDIR /app/src\nWORKDIR ../data\n',
      errors: [{ line: 3, column: 9, endColumn: 16 }],
      output: 'FROM python:3.11-slim\nWORKDIR /app/src\nWORKDIR /app/data\n',
    },
    {
      name: 'the WORKDIR of the stage it is built on counts; that stage is not reported again',
      code: 'FROM python:3.11-slim AS base\nWORKDIR /srv\nFROM base\nWORKDIR api\n',
      errors: [{ line: 4, column: 9, endColumn: 12 }],
      output: 'FROM python:3.11-slim AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/api\n',
    },
    {
      name: 'an unrelated earlier stage does not count',
      code: 'FROM python:3.11 AS build\nWORKDIR /build\nFROM python:3.11-slim\nWORKDIR app\n',
      errors: [{ line: 4, column: 9 }],
      output: null,
      suggestion: 'FROM python:3.11 AS build\nWORKDIR /build\nFROM python:3.11-slim\nWORKDIR /app\n',
    },
    {
      name: 'after a WORKDIR from a variable the directory is unknown; quotes are kept',
      code: 'FROM python:3.11-slim\nWORKDIR $HOME\nWORKDIR "my app"\n',
      errors: [{ line: 3, column: 9, endColumn: 17 }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nWORKDIR $HOME\nWORKDIR "/my app"\n',
    },
  ],
});
