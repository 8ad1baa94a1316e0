import { DL3015 } from '../../../src/core/dockerfile/rules/DL3015';
import { ruleTests } from '../ruleTester';

ruleTests(DL3015, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends -y install curl\n' },
    { name: 'the Install-Recommends option', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
    { name: 'other spellings of the option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=0 curl && apt-get install -y -oAPT::Install-Recommends=false wget\n' },
    { name: 'hadolint parity: the spelling hadolint accepts', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n', settings: { hadolintParity: true } },
  ],
  invalid: [
    {
      name: 'hadolint parity: other spellings of the option are reported, as hadolint does',
      code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=0 curl && apt-get install -y -oAPT::Install-Recommends=false wget\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 27, endColumn: 52, message: /^APT::Install-Recommends=0 turns recommended packages off.*Reported because hadolint reports it \(hadolint parity is on\)/ },
        { line: 2, column: 80, endColumn: 111 },
      ],
      suggestion: null,
    },
    {
      name: 'a suggestion, not a fix: a recommended package may be needed',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 23, endColumn: 30, message: /--no-install-recommends/ }],
      output: null,
      suggestion: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ line: 2, column: 7, endColumn: 14 }],
      suggestion: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'sudo and a continuation',
      code: 'FROM debian:12\nRUN sudo apt-get update \\\n && sudo apt-get install -y \\\n      curl\n',
      errors: [{ line: 3, column: 10, endColumn: 17 }],
      suggestion: 'FROM debian:12\nRUN sudo apt-get update \\\n && sudo apt-get install --no-install-recommends -y \\\n      curl\n',
    },
  ],
});
