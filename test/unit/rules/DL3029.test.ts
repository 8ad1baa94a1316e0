import { DL3029 } from '../../../src/core/dockerfile/rules/DL3029';
import { ruleTests } from '../ruleTester';

ruleTests(DL3029, {
  valid: [
    'FROM python:3.11-slim\n',
    { name: 'the build platform, for a cross-compiling stage', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20\n' },
    { name: 'a variable in braces', code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'a fixed platform',
      code: 'FROM --platform=linux/amd64 python:3.11-slim\n',
      errors: [{ line: 1, column: 6, endColumn: 28, message: /fixes the image to one platform/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\n',
    },
    {
      name: 'in one stage of several',
      code: 'FROM --platform=linux/arm64 node:20 AS web\nFROM python:3.11-slim\n',
      errors: [{ line: 1, column: 6, endColumn: 28 }],
      suggestion: 'FROM node:20 AS web\nFROM python:3.11-slim\n',
    },
  ],
});
