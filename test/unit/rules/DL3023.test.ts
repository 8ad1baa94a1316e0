import { DL3023 } from '../../../src/core/dockerfile/rules/DL3023';
import { ruleTests } from '../ruleTester';

ruleTests(DL3023, {
  valid: [
    'FROM python:3.11 AS build\nFROM python:3.11-slim AS app\nCOPY --from=build /wheels /wheels\n',
    { name: 'an earlier stage by index', code: 'FROM python:3.11\nFROM python:3.11-slim\nCOPY --from=0 /wheels /wheels\n' },
    { name: 'no --from', code: 'FROM python:3.11 AS app\nCOPY . /app\n' },
    { name: 'an image', code: 'FROM python:3.11 AS build\nCOPY --from=nginx:1.27 /x /y\n' },
  ],
  invalid: [
    {
      name: 'its own alias',
      code: 'FROM python:3.11 AS build\nCOPY --from=build /x /y\n',
      errors: [{ line: 2, column: 13, endColumn: 18, message: /cannot copy from itself/ }],
    },
    {
      name: 'its own alias in other case',
      code: 'FROM python:3.11 AS Build\nRUN make\nCOPY --from=BUILD /x /y\n',
      errors: [{ line: 3, column: 13, endColumn: 18 }],
    },
    {
      name: 'its own index',
      code: 'FROM python:3.11\nFROM python:3.11-slim\nCOPY --from=1 /x /y\n',
      errors: [{ line: 3, column: 13, endColumn: 14 }],
    },
  ],
});
