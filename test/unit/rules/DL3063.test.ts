import { DL3063 } from '../../../src/core/dockerfile/rules/DL3063';
import { ruleTests } from '../ruleTester';

ruleTests(DL3063, {
  valid: [
    'FROM python:3.11 AS builder\nFROM python:3.11-slim\n',
    { name: 'FROM scratch itself', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'a name that contains a reserved word', code: 'FROM alpine:3.20 AS scratchpad\nFROM alpine:3.20 AS build-context\n' },
    { name: 'no stage name', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'scratch',
      code: 'FROM alpine:3.20 AS scratch\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: /Stage name "scratch" is a reserved word/ }],
    },
    { name: 'context, any case', code: 'FROM alpine:3.20 as Context\n', errors: [{ line: 1, column: 21, endColumn: 28, message: /"Context"/ }] },
    {
      name: 'with --platform, in a later stage',
      code: 'FROM python:3.11 AS build\nFROM --platform=linux/amd64 alpine:3.20 AS context\n',
      errors: [{ line: 2, column: 44, endColumn: 51 }],
    },
  ],
});
