import { DL4001 } from '../../../src/core/dockerfile/rules/DL4001';
import { ruleTests } from '../ruleTester';

ruleTests(DL4001, {
  valid: [
    { name: 'curl only', code: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tgz && curl -fsSLO https://example.com/b.tgz\n' },
    { name: 'wget only', code: 'FROM alpine:3.20\nRUN wget -q https://example.com/a.tgz\n' },
    { name: 'one tool per stage', code: 'FROM debian:12-slim AS fetch\nRUN curl -fsSLO https://example.com/model.onnx\nFROM alpine:3.20\nRUN wget -q https://example.com/a.tgz\n' },
    { name: 'installing both is not using both', code: 'FROM debian:12-slim\nRUN apt-get install -y curl wget\n' },
  ],
  invalid: [
    {
      name: 'two RUNs',
      code: 'FROM debian:12-slim\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
      errors: [{ line: 3, column: 5, endColumn: 9, message: /this stage already uses wget \(line 2\).*with wget too/ }],
    },
    {
      name: 'one chain',
      code: 'FROM debian:12-slim\nRUN curl -fsSLO https://a/x && wget https://b/y\n',
      errors: [{ line: 2, column: 32, endColumn: 36, message: /already uses curl/ }],
    },
    {
      name: 'every use of the second tool, sudo and continuation lines',
      code: 'FROM debian:12-slim\nRUN curl -o a https://a/x\nRUN sudo wget https://b/y \\\n    && wget https://c/z\n',
      errors: [{ line: 3, column: 10, endColumn: 14 }, { line: 4, column: 8, endColumn: 12 }],
    },
    {
      name: 'by path',
      code: 'FROM debian:12-slim\nRUN /usr/bin/curl -O https://a/x; /usr/bin/wget https://b/y\n',
      errors: [{ line: 2, column: 35, endColumn: 48 }],
    },
  ],
});
