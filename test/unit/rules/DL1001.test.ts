import { DL1001 } from '../../../src/core/dockerfile/rules/DL1001';
import { ruleTests } from '../ruleTester';

ruleTests(DL1001, {
  valid: [
    'FROM python:3.11-slim\n# Install the server.\nRUN pip install --no-cache-dir -r requirements.txt\n',
    { name: 'parser directives are not ignore pragmas', code: '# syntax=docker/dockerfile:1\n# escape=\\\nFROM python:3.11-slim\n' },
    { name: 'a shell pragma is not an ignore pragma', code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n' },
    { name: 'text in a RUN is not a comment', code: 'FROM python:3.11-slim\nRUN echo "# hadolint ignore=DL3008"\n' },
  ],
  invalid: [
    {
      name: 'hadolint ignore before an instruction',
      code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 1, endColumn: 25, message: /# hadolint ignore=DL3008/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'global pragma on the first line (read by the parser as a directive)',
      code: '# hadolint global ignore=DL3006\nFROM python\n',
      errors: [{ line: 1, column: 1, endColumn: 32 }],
    },
    {
      name: 'stage pragma',
      code: 'FROM python:3.11 AS build\n# hadolint stage ignore=DL3002\nFROM build\nUSER root\n',
      errors: [{ line: 2, column: 1, endColumn: 31 }],
    },
    {
      name: 'our own spelling, indented, with a reason',
      code: 'FROM python:3.11-slim\n  # mlops-deploy ignore=MLO102 # reason\nUSER root\n',
      errors: [{ line: 2, column: 3, endColumn: 40 }],
    },
    {
      name: 'every pragma is reported, including our global form',
      code: 'FROM python:3.11-slim\n# mlops-deploy global ignore=MLO104\n# HADOLINT ignore=DL3013,DL3042\nRUN pip install torch\n',
      errors: [
        { line: 2, column: 1, endColumn: 36 },
        { line: 3, column: 1, endColumn: 32 },
      ],
    },
  ],
});
