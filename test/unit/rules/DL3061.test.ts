import { DL3061 } from '../../../src/core/dockerfile/rules/DL3061';
import { ruleTests } from '../ruleTester';

ruleTests(DL3061, {
  valid: [
    'FROM python:3.11-slim\nRUN echo hi\n',
    { name: 'ARG before FROM', code: 'ARG PYTHON_VERSION=3.11\nFROM python:${PYTHON_VERSION}-slim\n' },
    { name: 'directives, comments and ARGs', code: '# syntax=docker/dockerfile:1\n# Model server\nARG BASE=python:3.11-slim\n\nARG VERSION\nFROM $BASE\nLABEL version=$VERSION\n' },
    { name: 'an empty file', code: '' },
    { name: 'comments only', code: '# nothing yet\n' },
  ],
  invalid: [
    {
      name: 'LABEL before FROM',
      code: 'LABEL maintainer="ml@example.com"\nFROM python:3.11-slim\n',
      errors: [{ line: 1, column: 1, endColumn: 6, message: /LABEL comes before the first FROM/ }],
    },
    { name: 'after an ARG', code: 'ARG VERSION=1\nENV VERSION=$VERSION\nFROM python:3.11-slim\n', errors: [{ line: 2, column: 1, endColumn: 4 }] },
    { name: 'reported once, on the first', code: 'RUN echo a\nENV A=1\nFROM python:3.11-slim\n', errors: [{ line: 1, column: 1 }] },
    { name: 'no FROM at all', code: '# a fragment\nRUN pip install x==1\n', errors: [{ line: 2, column: 1, endColumn: 4 }] },
  ],
});
