import { DL3065 } from '../../../src/core/dockerfile/rules/DL3065';
import { ruleTests } from '../ruleTester';

ruleTests(DL3065, {
  valid: [
    { name: 'BUILDPLATFORM for a cross-compiling builder', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20\n' },
    { name: 'a fixed platform', code: 'FROM --platform=linux/amd64 python:3.11-slim\n' },
    { name: 'no flag', code: 'FROM python:3.11-slim\n' },
    { name: 'a global default for TARGETPLATFORM', code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM python:3.11-slim\n',
      errors: [{ line: 1, column: 6, endColumn: 32, message: /--platform=\$TARGETPLATFORM is redundant/ }],
      output: 'FROM python:3.11-slim\n',
    },
    {
      name: 'braces, in a later stage',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20\n',
      errors: [{ line: 2, column: 6, endColumn: 34 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20\n',
    },
    {
      name: 'a global ARG without a default',
      code: 'ARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM alpine:3.20 AS app\n',
      errors: [{ line: 2, column: 6 }],
      output: 'ARG TARGETPLATFORM\nFROM alpine:3.20 AS app\n',
    },
    {
      name: 'the image on a continuation line',
      code: 'FROM --platform=$TARGETPLATFORM \\\n    python:3.11-slim\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM \\\n    python:3.11-slim\n',
    },
  ],
});
