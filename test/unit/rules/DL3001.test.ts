import { DL3001 } from '../../../src/core/dockerfile/rules/DL3001';
import { ruleTests } from '../ruleTester';

ruleTests(DL3001, {
  valid: [
    { name: 'installing the packages is not running them', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends vim openssh-client procps\n' },
    { name: 'command -v only asks whether it is there', code: 'FROM debian:12\nRUN command -v ssh || echo "no ssh"\n' },
    { name: 'as an argument', code: 'FROM debian:12\nRUN which ps && echo kill top\n' },
    { name: 'names that only start the same', code: 'FROM postgres:16\nRUN psql --version && topgrade --help && mountpoint -q /data || true\n' },
    { name: 'not a RUN', code: 'FROM debian:12\nCMD ["top", "-b"]\n' },
  ],
  invalid: [
    {
      name: 'service',
      code: 'FROM debian:12\nRUN service nginx start\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: /^service / }],
      output: null,
      suggestion: null,
    },
    {
      name: 'in a && chain, a pipe and after ; with sudo',
      code: 'FROM debian:12\nRUN apt-get update && ps aux | grep x; sudo kill -9 1\n',
      errors: [
        { line: 2, column: 23, endColumn: 25 },
        { line: 2, column: 45, endColumn: 49 },
      ],
    },
    {
      name: 'on a continuation line',
      code: 'FROM debian:12\nRUN set -e \\\n    && top -b -n1\n',
      errors: [{ line: 3, column: 8, endColumn: 11 }],
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["ssh", "build-host"]\n',
      errors: [{ line: 2, column: 7, endColumn: 10 }],
    },
    {
      name: 'by path, under env',
      code: 'FROM debian:12\nRUN env LANG=C /sbin/ifconfig -a\n',
      errors: [{ line: 2, column: 16, endColumn: 30 }],
    },
  ],
});
