import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDockerfile } from '../../../src/core/dockerfile/lint';
import { DL3026 } from '../../../src/core/dockerfile/rules/DL3026';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without trusted registries the rule has nothing to compare with and reports nothing.
ruleTests(DL3026, {
  valid: ['FROM quay.io/org/img:1\n', 'FROM python:3.11-slim\n'],
  invalid: [],
});

const trusted: DockerfileSettings = { trustedRegistries: ['docker.io', '*.gcr.io', 'my-company.com:5000'] };

ruleTests(DL3026, {
  valid: [
    { name: 'Docker Hub without a registry', code: 'FROM python:3.11-slim\n', settings: trusted },
    { name: 'Docker Hub by name', code: 'FROM docker.io/library/python:3.11-slim\n', settings: trusted },
    { name: 'Docker Hub by its index name', code: 'FROM index.docker.io/library/alpine:3.20\n', settings: trusted },
    { name: 'a wildcard', code: 'FROM eu.gcr.io/proj/img:1\n', settings: trusted },
    { name: 'a registry with a port', code: 'FROM my-company.com:5000/ml/base:2\n', settings: trusted },
    { name: 'scratch', code: 'FROM scratch\n', settings: trusted },
    { name: 'an earlier stage', code: 'FROM python:3.11 AS Base\nFROM base\n', settings: trusted },
    { name: 'a build argument', code: 'ARG BASE=quay.io/org/img:1\nFROM $BASE\n', settings: trusted },
  ],
  invalid: [
    {
      name: 'another registry',
      code: 'FROM quay.io/org/img:1\n',
      settings: trusted,
      errors: [{ line: 1, column: 6, endColumn: 13, message: /quay\.io, which is not one of the trusted registries \(docker\.io, \*\.gcr\.io, my-company\.com:5000\)/ }],
    },
    {
      name: 'a wildcard needs something before the dot',
      code: 'FROM gcr.io/proj/img:1\n',
      settings: trusted,
      errors: [{ line: 1, column: 6, endColumn: 12 }],
    },
    {
      name: 'the port is part of the registry',
      code: 'FROM my-company.com/ml/base:2\n',
      settings: trusted,
      errors: [{ line: 1, column: 6, endColumn: 20 }],
    },
    {
      name: 'a stage that a later stage builds on',
      code: 'FROM nvcr.io/nvidia/tritonserver:24.05-py3 AS server\nFROM server\n',
      settings: trusted,
      errors: [{ line: 1, column: 6, endColumn: 13 }],
    },
  ],
});

const ownRegistryOnly: DockerfileSettings = { trustedRegistries: ['my-company.com:5000'] };

ruleTests(DL3026, {
  valid: [{ code: 'FROM my-company.com:5000/python:3.11\n', settings: ownRegistryOnly }],
  invalid: [
    {
      name: 'Docker Hub when it is not trusted',
      code: 'FROM python:3.11-slim\n',
      settings: ownRegistryOnly,
      errors: [{ line: 1, column: 6, endColumn: 12, message: /from docker\.io/ }],
    },
  ],
});

describe('DL3026 through the config', () => {
  it('reads trustedRegistries from the config', () => {
    const findings = lintDockerfile('FROM quay.io/org/img:1\nFROM python:3.11\n', {
      rules: [DL3026],
      config: { rules: {}, dockerfile: { trustedRegistries: ['docker.io'] } },
    });
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character}`),
      ['DL3026 error 0:5'],
    );
  });
});
