import { DL3009 } from '../../../src/core/dockerfile/rules/DL3009';
import { ruleTests } from '../ruleTester';

ruleTests(DL3009, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'the folder itself', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n' },
    { name: 'apt-get dist-clean', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n' },
    {
      name: 'a builder stage whose files are copied out',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /out/app app.c\nFROM debian:12-slim\nCOPY --from=build /out/app /usr/local/bin/app\n',
    },
    {
      name: 'a cache mount on the lists',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y gcc\n',
    },
    { name: 'an install without apt-get update in the same RUN writes no lists', code: 'FROM debian:12\nRUN apt-get install -y ./vendor/custom_1.2.3_amd64.deb\n' },
    { name: 'a file inside the lists', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*_Packages\n' },
    { name: 'hadolint parity: dist-clean with rm of the lists', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean && rm -rf /var/lib/apt/lists/*\n', settings: { hadolintParity: true } },
    // What hadolint 2.15.1 takes for removing the lists, found by running it.
    { name: 'hadolint parity: rm -rf of a file inside the lists', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*_Packages\n', settings: { hadolintParity: true } },
    { name: 'hadolint parity: rm of /var/lib/apt/lists/* without -rf', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm /var/lib/apt/lists/*\n', settings: { hadolintParity: true } },
    {
      name: 'hadolint parity: hadolint does not see an update behind sudo',
      code: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl && sudo rm -r /var/lib/apt/lists/partial\n',
      settings: { hadolintParity: true },
    },
  ],
  invalid: [
    {
      name: 'hadolint parity: rm -r of a file inside the lists is reported, as hadolint does',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists/*_Packages\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 5, endColumn: 12, message: /lists that apt-get update writes with rm -r \/var\/lib\/apt\/lists\/\*_Packages, .*Reported because hadolint reports it \(hadolint parity is on\): hadolint counts only a plain rm given -rf/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'hadolint parity: -Rf and a leading assignment',
      code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get update && apt-get install -y curl && rm -Rf /var/lib/apt/lists\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 36, endColumn: 43, message: /with rm -Rf \/var\/lib\/apt\/lists, .*Reported because hadolint reports it/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'hadolint parity: apt-get dist-clean is reported, as hadolint does',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n',
      settings: { hadolintParity: true },
      errors: [{ line: 2, column: 5, endColumn: 12, message: /apt-get dist-clean .*Reported because hadolint reports it \(hadolint parity is on\)/ }],
      output: null,
      suggestion: null,
    },
    {
      name: 'install without cleanup: the fix appends it',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: /apt-get update leaves .*rm -rf \/var\/lib\/apt\/lists/ }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'continuation lines: appended after the last word',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n       curl \\\n       ca-certificates\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n       curl \\\n       ca-certificates && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'sudo, and no newline at the end of the file',
      code: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl',
      errors: [{ line: 2, column: 10, endColumn: 17 }],
      output: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'a comment at the end: no fix, the text would land in the comment',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n',
      errors: [{ line: 2, column: 5 }],
      output: null,
      suggestion: null,
    },
    {
      name: 'a later RUN installs from these lists: a suggestion, not a fix',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y wget\n',
      errors: [{ line: 2, column: 5 }],
      output: null,
      suggestion: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y wget\n',
    },
    {
      name: 'a heredoc: no fix, the text would land after its terminator',
      code: '# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4, column: 1, endColumn: 8 }],
      output: null,
      suggestion: null,
    },
    {
      name: 'exec form: no fix',
      code: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
      errors: [{ line: 2, column: 7, endColumn: 14 }],
      output: null,
      suggestion: null,
    },
    {
      name: 'a stage the final image is built on',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl", "--version"]\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nCMD ["curl", "--version"]\n',
    },
    {
      name: 'a stage nothing refers to can be built with --target',
      code: 'FROM debian:12 AS debug\nRUN apt-get update && apt-get install -y gdb\nFROM debian:12-slim\nCMD ["true"]\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'apt-get update alone leaves the lists too',
      code: 'FROM debian:12\nRUN apt-get update\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt update writes the same lists',
      code: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: /^apt update leaves/ }],
      output: 'FROM debian:12\nRUN apt update && apt install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a later apt install relies on the lists: a suggestion, not a fix',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt install -y curl\n',
      errors: [{ line: 2, column: 5 }],
      output: null,
      suggestion: 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt install -y curl\n',
    },
  ],
});
