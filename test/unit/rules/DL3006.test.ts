import { DL3006 } from '../../../src/core/dockerfile/rules/DL3006';
import { ruleTests } from '../ruleTester';

ruleTests(DL3006, {
  valid: [
    { name: 'hadolint parity: an earlier stage named as written', code: 'FROM python:3.11 AS Builder\nFROM Builder\n', settings: { hadolintParity: true } },
    'FROM python:3.11-slim\n',
    { name: 'digest', code: 'FROM python@sha256:2d8ba2a3c9ea0d0bde2ab4e4b83a1e4e4fd5cba1d1f9f37b6ff7e0c4a6e2f0f3\n' },
    { name: 'scratch', code: 'FROM golang:1.22 AS build\nFROM scratch\n' },
    { name: 'an earlier stage, whatever its case', code: 'FROM python:3.11 AS Builder\nFROM builder\n' },
    { name: 'a variable image', code: 'ARG BASE_IMAGE=python:3.11\nFROM $BASE_IMAGE\n' },
    { name: 'a variable tag', code: 'ARG TAG=3.11\nFROM python:${TAG}\n' },
    { name: 'a variable registry', code: 'ARG REGISTRY=ghcr.io/org\nFROM ${REGISTRY}/model-server\n' },
    { name: 'a registry port is not a tag, but this one has a tag', code: 'FROM localhost:5000/app:1.0\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: an earlier stage named in another case',
      code: 'FROM python:3.11 AS Builder\nFROM builder\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 6, endColumn: 13, message: /^builder names an earlier stage in another case, which Docker accepts.*Reported because hadolint reports it \(hadolint parity is on\)/ }],
    },
    {
      name: 'no tag',
      code: 'FROM python\n',
      errors: [{ line: 1, column: 6, endColumn: 12, message: /python:latest/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'with --platform and an alias',
      code: 'FROM --platform=linux/amd64 python AS build\n',
      errors: [{ line: 1, column: 29, endColumn: 35 }],
    },
    { name: 'a registry with a port and no tag', code: 'FROM localhost:5000/app\n', errors: [{ line: 1, column: 6, endColumn: 24 }] },
    {
      name: 'an alias defined later is not a stage yet',
      code: 'FROM builder\nFROM python:3.11 AS builder\n',
      errors: [{ line: 1, column: 6, endColumn: 13 }],
    },
  ],
});
