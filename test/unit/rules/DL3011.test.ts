import { DL3011 } from '../../../src/core/dockerfile/rules/DL3011';
import { ruleTests } from '../ruleTester';

ruleTests(DL3011, {
  valid: [
    'FROM python:3.11-slim\nEXPOSE 8000\n',
    { name: 'protocols', code: 'FROM python:3.11-slim\nEXPOSE 80/tcp 443/udp 9000/sctp\n' },
    { name: 'the ends of the range', code: 'FROM python:3.11-slim\nEXPOSE 0 65535\n' },
    { name: 'a port range', code: 'FROM python:3.11-slim\nEXPOSE 8000-8010/tcp\n' },
    { name: 'variables', code: 'FROM python:3.11-slim\nARG PORT=8000\nEXPOSE $PORT ${METRICS_PORT:-9090}\n' },
  ],
  invalid: [
    {
      name: 'one port too high',
      code: 'FROM python:3.11-slim\nEXPOSE 80 65536\n',
      errors: [{ line: 2, column: 11, endColumn: 16, message: /65536 is not a port/ }],
      output: null,
      suggestion: null,
    },
    { name: 'the end of a range', code: 'FROM python:3.11-slim\nEXPOSE 8000-70000/tcp\n', errors: [{ line: 2, column: 8, endColumn: 22 }] },
    { name: 'both ends', code: 'FROM python:3.11-slim\nEXPOSE 70000-80000\n', errors: [{ line: 2, column: 8, message: /70000 and 80000 are not ports/ }] },
    { name: 'on a continuation line', code: 'FROM python:3.11-slim\nEXPOSE 8000 \\\n  99999/udp\n', errors: [{ line: 3, column: 3, endColumn: 12 }] },
    { name: 'quoted', code: 'FROM python:3.11-slim\nEXPOSE "100000"\n', errors: [{ line: 2, column: 8, endColumn: 16 }] },
  ],
});
