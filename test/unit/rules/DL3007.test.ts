import { DL3007 } from '../../../src/core/dockerfile/rules/DL3007';
import { ruleTests } from '../ruleTester';

ruleTests(DL3007, {
  valid: [
    'FROM python:3.11-slim\n',
    { name: 'no tag is DL3006', code: 'FROM python\n' },
    { name: 'a digest pins latest', code: 'FROM python:latest@sha256:2d8ba2a3c9ea0d0bde2ab4e4b83a1e4e4fd5cba1d1f9f37b6ff7e0c4a6e2f0f3\n' },
    { name: 'a tag that only starts with latest', code: 'FROM nvcr.io/nvidia/tritonserver:latest-py3-sdk-2\n' },
  ],
  invalid: [
    {
      name: 'latest',
      code: 'FROM python:latest\n',
      errors: [{ line: 1, column: 13, endColumn: 19, message: /python:latest/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'with a registry and an alias',
      code: 'FROM python:3.11 AS build\nFROM ghcr.io/org/model:latest AS serve\n',
      errors: [{ line: 2, column: 24, endColumn: 30 }],
    },
  ],
});
