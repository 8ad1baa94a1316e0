import { DL3014 } from '../../../src/core/dockerfile/rules/DL3014';
import { ruleTests } from '../ruleTester';

ruleTests(DL3014, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    { name: '--yes and --assume-yes', code: 'FROM debian:12\nRUN apt-get install --yes curl && apt-get install --assume-yes wget\n' },
    { name: 'in a bundle, before the subcommand', code: 'FROM debian:12\nRUN apt-get -qy install curl\n' },
    { name: '-qq implies -y', code: 'FROM debian:12\nRUN apt-get install -qq curl && apt-get -q -q install wget\n' },
    { name: 'the Assume-Yes option', code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt install curl\n' },
  ],
  invalid: [
    {
      name: 'no -y: the fix adds it after install',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      errors: [{ line: 2, column: 23, endColumn: 30, message: /-y/ }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'one -q is not enough',
      code: 'FROM debian:12\nRUN apt-get -q install curl\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM debian:12\nRUN apt-get -q install -y curl\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
      errors: [{ line: 2, column: 7, endColumn: 14 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    },
    {
      name: 'the script of an exec-form sh -c: the flag goes into the script',
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install curl"]\n',
      errors: [{ line: 2, column: 42, endColumn: 49 }],
      output: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]\n',
    },
    {
      name: 'sudo, options, continuation',
      code: 'FROM debian:12\nRUN sudo apt-get -o Acquire::Retries=3 \\\n    install --no-install-recommends curl\n',
      errors: [{ line: 2, column: 10, endColumn: 17 }],
      output: 'FROM debian:12\nRUN sudo apt-get -o Acquire::Retries=3 \\\n    install -y --no-install-recommends curl\n',
    },
    {
      name: 'in a RUN heredoc',
      code: '# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\nset -e\napt-get install curl\nEOF\n',
      errors: [{ line: 5, column: 1, endColumn: 8 }],
      output: '# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n',
    },
    {
      name: 'each install of a chain',
      code: 'FROM debian:12\nRUN apt-get install curl; apt-get install -y wget | tee log && env X=1 apt-get install git\n',
      errors: [
        { line: 2, column: 5, endColumn: 12 },
        { line: 2, column: 72, endColumn: 79 },
      ],
      output: 'FROM debian:12\nRUN apt-get install -y curl; apt-get install -y wget | tee log && env X=1 apt-get install git\n',
    },
  ],
});
