import { DL3027 } from '../../../src/core/dockerfile/rules/DL3027';
import { ruleTests } from '../ruleTester';

ruleTests(DL3027, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'apt-cache', code: 'FROM debian:12-slim\nRUN apt-cache policy curl\n' },
    { name: 'apt as an argument', code: 'FROM debian:12-slim\nRUN echo apt install curl\n' },
    { name: 'exec form with apt-get', code: 'FROM debian:12-slim\nRUN ["apt-get", "update"]\n' },
  ],
  invalid: [
    {
      name: 'apt in a chain: each one',
      code: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n',
      errors: [
        { line: 2, column: 5, endColumn: 8, message: /Use apt-get in scripts/ },
        { line: 2, column: 19, endColumn: 22 },
      ],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt install -y curl\n',
    },
    {
      name: 'under sudo, continued over lines',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update \\\n    && sudo apt install -y \\\n       curl\n',
      errors: [{ line: 3, column: 13, endColumn: 16 }],
      output: 'FROM debian:12-slim\nRUN sudo apt-get update \\\n    && sudo apt-get install -y \\\n       curl\n',
    },
    {
      name: 'after a variable assignment',
      code: 'FROM debian:12-slim\nRUN DEBIAN_FRONTEND=noninteractive apt install -y tzdata\n',
      errors: [{ line: 2, column: 36, endColumn: 39 }],
      output: 'FROM debian:12-slim\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata\n',
    },
    {
      name: 'options before the subcommand',
      code: 'FROM debian:12-slim\nRUN apt -o Acquire::Retries=3 install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 8 }],
      output: 'FROM debian:12-slim\nRUN apt-get -o Acquire::Retries=3 install -y curl\n',
    },
    {
      name: 'exec form, a query that is apt-cache\'s',
      code: 'FROM debian:12-slim\nRUN ["apt", "show", "curl"]\n',
      errors: [{ line: 2, column: 7, endColumn: 10, message: /Use apt-cache/ }],
      output: 'FROM debian:12-slim\nRUN ["apt-cache", "show", "curl"]\n',
    },
    {
      name: 'upgrade differs between apt and apt-get: a suggestion',
      code: 'FROM debian:12-slim\nRUN apt upgrade -y\n',
      errors: [{ line: 2, column: 5 }],
      output: null,
      suggestion: 'FROM debian:12-slim\nRUN apt-get upgrade -y\n',
    },
    {
      name: 'full-upgrade is apt-get dist-upgrade, path kept',
      code: 'FROM debian:12-slim\nRUN /usr/bin/apt full-upgrade -y\n',
      errors: [{ line: 2, column: 5, endColumn: 17 }],
      output: null,
      suggestion: 'FROM debian:12-slim\nRUN /usr/bin/apt-get dist-upgrade -y\n',
    },
    {
      name: 'apt list has no apt-get equivalent',
      code: 'FROM debian:12-slim\nRUN apt list --installed\n',
      errors: [{ line: 2, column: 5, message: /apt-get or apt-cache/ }],
      output: null,
      suggestion: null,
    },
  ],
});
