import { DL3043 } from '../../../src/core/dockerfile/rules/DL3043';
import { ruleTests } from '../ruleTester';

ruleTests(DL3043, {
  valid: [
    'FROM python:3.11-slim\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\n',
    { name: 'ONBUILD COPY', code: 'FROM python:3.11-slim\nONBUILD COPY . /app\n' },
    { name: 'words in a RUN', code: 'FROM python:3.11-slim\nRUN echo ONBUILD FROM\n' },
  ],
  invalid: [
    {
      name: 'ONBUILD ONBUILD',
      code: 'FROM python:3.11-slim\nONBUILD ONBUILD RUN make\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: /cannot be chained/ }],
    },
    {
      name: 'ONBUILD FROM',
      code: 'FROM python:3.11-slim\nONBUILD FROM python:3.12\n',
      errors: [{ line: 2, column: 9, endColumn: 13 }],
    },
    {
      name: 'lower-case MAINTAINER',
      code: 'FROM python:3.11-slim\nonbuild maintainer me@example.com\n',
      errors: [{ line: 2, column: 9, endColumn: 19, message: /MAINTAINER/ }],
    },
  ],
});
