import { DL3024 } from '../../../src/core/dockerfile/rules/DL3024';
import { ruleTests } from '../ruleTester';

ruleTests(DL3024, {
  valid: [
    'FROM python:3.11 AS builder\nFROM python:3.11-slim AS app\n',
    { name: 'stages without names', code: 'FROM python:3.11\nFROM python:3.11-slim\n' },
    { name: 'built on a stage of the same name is no second alias', code: 'FROM python:3.11 AS base\nFROM base\n' },
  ],
  invalid: [
    {
      name: 'the same alias twice',
      code: 'FROM python:3.11 AS build\nFROM python:3.11-slim AS build\n',
      errors: [{ line: 2, column: 26, endColumn: 31, message: /already used by the stage on line 1/ }],
    },
    {
      name: 'aliases compare without case',
      code: 'FROM python:3.11 AS Build\nFROM node:20 as build\nFROM alpine:3.20 AS BUILD\n',
      errors: [
        { line: 2, column: 17, endColumn: 22, message: /line 1/ },
        { line: 3, column: 21, endColumn: 26, message: /line 1/ },
      ],
    },
  ],
});
