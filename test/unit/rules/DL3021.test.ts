import { DL3021 } from '../../../src/core/dockerfile/rules/DL3021';
import { ruleTests } from '../ruleTester';

ruleTests(DL3021, {
  valid: [
    'FROM python:3.11-slim\nCOPY requirements.txt setup.py /app/\n',
    { name: 'one source', code: 'FROM python:3.11-slim\nCOPY requirements.txt /app\n' },
    { name: 'exec form into a folder', code: 'FROM python:3.11-slim\nCOPY ["a.py", "b.py", "/app/"]\n' },
    { name: 'from a stage', code: 'FROM python:3.11 AS builder\nFROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\n' },
    { name: 'a heredoc', code: 'FROM python:3.11-slim\nCOPY <<EOF /etc/app.conf\nkey=1\nEOF\n' },
    { name: 'ADD is not this rule', code: 'FROM python:3.11-slim\nADD a b c\n' },
  ],
  invalid: [
    {
      name: 'two sources into a path without /',
      code: 'FROM python:3.11-slim\nCOPY requirements.txt setup.py /app\n',
      errors: [{ line: 2, column: 32, endColumn: 36, message: /2 sources into \/app/ }],
      output: 'FROM python:3.11-slim\nCOPY requirements.txt setup.py /app/\n',
    },
    {
      name: 'exec form: the slash goes inside the quotes',
      code: 'FROM python:3.11-slim\nCOPY ["a.py", "b.py", "/app"]\n',
      errors: [{ line: 2, column: 24, endColumn: 28 }],
      output: 'FROM python:3.11-slim\nCOPY ["a.py", "b.py", "/app/"]\n',
    },
    {
      name: 'continued over lines, from a stage',
      code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=build /x \\\n     /y \\\n     /dst\n',
      errors: [{ line: 5, column: 6, endColumn: 10 }],
      output: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=build /x \\\n     /y \\\n     /dst/\n',
    },
    {
      name: 'into the working directory',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY a b .\n',
      errors: [{ line: 3, column: 10, endColumn: 11 }],
      output: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY a b ./\n',
    },
  ],
});
