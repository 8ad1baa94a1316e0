import { DL3048 } from '../../../src/core/dockerfile/rules/DL3048';
import { ruleTests } from '../ruleTester';

ruleTests(DL3048, {
  valid: [
    { name: 'OCI keys and plain keys', code: 'FROM python:3.11-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/churn" version=1.0.0 maintainer="ml@example.com"\n' },
    { name: 'digits and hyphens', code: 'FROM python:3.11-slim\nLABEL com.example.model-v2.build-date=2024-05-01\n' },
    { name: 'a key built from a variable is not judged', code: 'FROM python:3.11-slim\nARG PREFIX\nLABEL ${PREFIX}.Version=1\n' },
    { name: 'several pairs over continuation lines', code: 'FROM python:3.11-slim\nLABEL org.example.a=1 \\\n      org.example.b=2\n' },
    { name: 'the legacy "LABEL key value" form', code: 'FROM python:3.11-slim\nLABEL description "Churn model server"\n' },
    { name: 'docker-like names outside the reserved namespaces', code: 'FROM python:3.11-slim\nLABEL com.dockerhub.repo=acme io.dockerfile.lint=on\n' },
  ],
  invalid: [
    {
      name: 'upper case',
      code: 'FROM python:3.11-slim\nLABEL Version=1.0\n',
      errors: [{ line: 2, column: 7, endColumn: 14, message: /Invalid label key "Version": keys are lower case/ }],
      output: null,
      suggestion: 'FROM python:3.11-slim\nLABEL version=1.0\n',
    },
    {
      name: 'underscore',
      code: 'FROM python:3.11-slim\nLABEL build_date=2024-05-01\n',
      errors: [{ line: 2, column: 7, endColumn: 17, message: /"_" is not allowed/ }],
      suggestion: null,
    },
    {
      name: 'reserved namespace',
      code: 'FROM python:3.11-slim\nLABEL com.docker.compose.project=churn\n',
      errors: [{ line: 2, column: 7, endColumn: 33, message: /com\.docker\.\* namespace is reserved/ }],
    },
    { name: 'io.docker namespace', code: 'FROM python:3.11-slim\nLABEL io.docker.x=1\n', errors: [{ line: 2, column: 7, message: /io\.docker\.\* namespace/ }] },
    { name: 'org.dockerproject namespace', code: 'FROM python:3.11-slim\nLABEL org.dockerproject.x=1\n', errors: [{ line: 2, column: 7, message: /org\.dockerproject\.\* namespace/ }] },
    {
      name: 'consecutive separators',
      code: 'FROM python:3.11-slim\nLABEL org..example=1\n',
      errors: [{ line: 2, column: 7, endColumn: 19, message: /may not follow each other/ }],
    },
    { name: 'trailing period', code: 'FROM python:3.11-slim\nLABEL org.example.=1\n', errors: [{ line: 2, column: 7, message: /begin and end with a letter or digit/ }] },
    {
      name: 'second pair on a continuation line',
      code: 'FROM alpine:3.20\nLABEL org.example.a=1 \\\n      Org.Example.B=2\n',
      errors: [{ line: 3, column: 7, endColumn: 20 }],
      suggestion: 'FROM alpine:3.20\nLABEL org.example.a=1 \\\n      org.example.b=2\n',
    },
    {
      name: 'a quoted key: reported, no rename offered',
      code: 'FROM alpine:3.20\nLABEL "My.Key"="x"\n',
      errors: [{ line: 2, column: 7, endColumn: 15, message: /"My\.Key"/ }],
      suggestion: null,
    },
    {
      name: 'each bad key of one LABEL',
      code: 'FROM alpine:3.20\nLABEL A=1 ok=2 b_c=3\n',
      errors: [
        { line: 2, column: 7, endColumn: 8 },
        { line: 2, column: 16, endColumn: 19 },
      ],
    },
  ],
});
