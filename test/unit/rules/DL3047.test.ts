import { DL3047 } from '../../../src/core/dockerfile/rules/DL3047';
import { ruleTests } from '../ruleTester';

ruleTests(DL3047, {
  valid: [
    'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/model.onnx\n',
    { name: '-q', code: 'FROM debian:12-slim\nRUN wget -q https://example.com/x\n' },
    { name: '--quiet', code: 'FROM debian:12-slim\nRUN wget --quiet https://example.com/x\n' },
    { name: '-nv', code: 'FROM debian:12-slim\nRUN wget -nv https://example.com/x\n' },
    { name: '--no-verbose', code: 'FROM debian:12-slim\nRUN wget --no-verbose https://example.com/x\n' },
    { name: 'another progress style', code: 'FROM debian:12-slim\nRUN wget --progress=bar:force https://example.com/x\n' },
    { name: '-q in a bundle, in a pipe', code: 'FROM debian:12-slim\nRUN wget -qO- https://example.com/key | gpg --dearmor > /k.gpg\n' },
    { name: 'the log sent to a file', code: 'FROM debian:12-slim\nRUN wget -o /tmp/wget.log https://example.com/x\n' },
    { name: 'wget as a package name', code: 'FROM debian:12-slim\nRUN apt-get install -y wget\n' },
  ],
  invalid: [
    {
      name: 'a download',
      code: 'FROM debian:12-slim\nRUN wget https://example.com/model.onnx\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: /--progress=dot:giga/ }],
      output: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/model.onnx\n',
    },
    {
      name: 'in a chain, continued over lines',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y wget && \\\n    wget -O /models/m.bin https://example.com/m.bin\n',
      errors: [{ line: 3, column: 5, endColumn: 9 }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y wget && \\\n    wget --progress=dot:giga -O /models/m.bin https://example.com/m.bin\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12-slim\nRUN ["wget", "-O", "/m", "https://example.com/m"]\n',
      errors: [{ line: 2, column: 7, endColumn: 11 }],
      output: 'FROM debian:12-slim\nRUN ["wget", "--progress=dot:giga", "-O", "/m", "https://example.com/m"]\n',
    },
    {
      name: 'Alpine may have BusyBox wget: a suggestion only',
      code: 'FROM python:3.11-alpine\nRUN wget https://example.com/x\n',
      errors: [{ line: 2, column: 5, message: /BusyBox/ }],
      output: null,
      suggestion: 'FROM python:3.11-alpine\nRUN wget -q https://example.com/x\n',
    },
    {
      name: 'an Alpine builder stage does not make the final stage Alpine',
      code: 'FROM alpine:3.20 AS fetch\nRUN wget -q https://example.com/y\nFROM debian:12-slim\nRUN wget https://example.com/x\n',
      errors: [{ line: 4, column: 5, endColumn: 9 }],
      output: 'FROM alpine:3.20 AS fetch\nRUN wget -q https://example.com/y\nFROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/x\n',
    },
  ],
});
