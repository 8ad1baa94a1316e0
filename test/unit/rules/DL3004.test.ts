import { DL3004 } from '../../../src/core/dockerfile/rules/DL3004';
import { ruleTests } from '../ruleTester';

ruleTests(DL3004, {
  valid: [
    'FROM debian:12\nUSER root\nRUN apt-get update\n',
    { name: 'installing sudo is not using it', code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    { name: 'as an argument', code: 'FROM debian:12\nRUN echo sudo && gosu app true\n' },
  ],
  invalid: [
    {
      name: 'sudo before a command: the suggestion removes it',
      code: 'FROM debian:12\nRUN sudo apt-get update\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: /sudo/ }],
      output: null,
      suggestion: 'FROM debian:12\nRUN apt-get update\n',
    },
    {
      name: 'sudo in the script of an exec-form bash -c: the suggestion removes it from the script',
      code: 'FROM debian:12\nRUN ["bash", "-c", "sudo apt-get update"]\n',
      errors: [{ line: 2, column: 21, endColumn: 25, message: /sudo/ }],
      output: null,
      suggestion: 'FROM debian:12\nRUN ["bash", "-c", "apt-get update"]\n',
    },
    {
      name: 'sudo in a heredoc: the suggestion removes it',
      code: 'FROM debian:12\nRUN <<EOF\nsudo apt-get update\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 5, message: /sudo/ }],
      output: null,
      suggestion: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\n',
    },
    {
      name: 'sudo in an exec-form command: the suggestion removes its string',
      code: 'FROM debian:12\nRUN ["sudo", "apt-get", "update"]\n',
      errors: [{ line: 2, column: 7, endColumn: 11, message: /sudo/ }],
      output: null,
      suggestion: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
    },
    {
      name: 'sudo with an option that keeps the user',
      code: 'FROM python:3.11\nRUN sudo -E pip install --no-cache-dir x==1\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
      suggestion: 'FROM python:3.11\nRUN pip install --no-cache-dir x==1\n',
    },
    {
      name: 'sudo -u chooses another user: no suggestion',
      code: 'FROM postgres:16\nRUN sudo -u postgres psql -c "select 1"\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
      suggestion: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["sudo", "apt-get", "update"]\n',
      errors: [{ line: 2, column: 7, endColumn: 11 }],
      suggestion: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
    },
    {
      name: 'on a continuation line',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    sudo apt-get install -y x\n',
      errors: [{ line: 3, column: 5, endColumn: 9 }],
      suggestion: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y x\n',
    },
    {
      name: 'after a variable assignment',
      code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo apt-get install -y x\n',
      errors: [{ line: 2, column: 36, endColumn: 40 }],
      suggestion: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y x\n',
    },
    { name: 'sudo with no command', code: 'FROM debian:12\nRUN sudo -v\n', errors: [{ line: 2, column: 5, endColumn: 9 }], suggestion: null },
  ],
});
