import { DL3015 } from '../../../src/core/dockerfile/rules/DL3015';
import { ruleTests } from '../ruleTester';

ruleTests(DL3015, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends -y install curl\n' },
    { name: 'the Install-Recommends option', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
  ],
  invalid: [
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
