import { MLO104 } from '../../../src/core/dockerfile/rules/MLO104';
import { ruleTests } from '../ruleTester';

ruleTests(MLO104, {
  valid: [
    'FROM python:3.11-slim\n',
    'FROM python:3.11-alpine\n',
    'FROM python:3.11-slim-bookworm\n',
    { name: 'only the final stage counts', code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\n' },
    { name: 'digest pin', code: 'FROM python:3.11@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' },
    { name: 'a private registry is not the official image', code: 'FROM registry.example.com/python:3.11\n' },
    { name: 'no tag is DL3006, not this rule', code: 'FROM python\n' },
    { name: 'an image without slim variants', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\n' },
  ],
  invalid: [
    { code: 'FROM python:3.11\n', errors: [{ line: 1, column: 13, endColumn: 17, message: /python:3.11-slim/ }], output: null, suggestion: 'FROM python:3.11-slim\n' },
    { code: 'FROM python:3.10.14-bookworm AS app\n', errors: [{ line: 1, column: 13, endColumn: 29 }], suggestion: 'FROM python:3.10.14-slim-bookworm AS app\n' },
    { code: 'FROM docker.io/library/node:20\n', errors: [{ line: 1, column: 29 }], suggestion: 'FROM docker.io/library/node:20-slim\n' },
    { name: 'node spells the codename first', code: 'FROM node:20-bookworm\n', errors: [{ line: 1, column: 11 }], suggestion: 'FROM node:20-bookworm-slim\n' },
    { code: 'FROM debian:bookworm\n', errors: [{ line: 1, column: 13 }], suggestion: 'FROM debian:bookworm-slim\n' },
    { name: 'the base of the final stage through an alias', code: 'FROM python:3.12 AS base\nFROM base\n', errors: [{ line: 1, column: 13 }], suggestion: 'FROM python:3.12-slim AS base\nFROM base\n' },
  ],
});
