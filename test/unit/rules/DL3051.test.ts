import { DL3051 } from '../../../src/core/dockerfile/rules/DL3051';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema no label is required to have a value.
ruleTests(DL3051, {
  valid: ['FROM python:3.11-slim\nLABEL description=""\n'],
  invalid: [],
});

const settings: DockerfileSettings = { labelSchema: { description: 'text', maintainer: 'email' } };

ruleTests(DL3051, {
  valid: [
    { name: 'set', code: 'FROM python:3.11-slim\nLABEL description="Churn model server"\n', settings },
    { name: 'set from a build argument', code: 'FROM python:3.11-slim\nARG DESCRIPTION\nLABEL description=$DESCRIPTION\n', settings },
    { name: 'an empty label outside the schema', code: 'FROM python:3.11-slim\nLABEL vendor=""\n', settings },
  ],
  invalid: [
    {
      name: 'empty quotes',
      code: 'FROM alpine:3.20\nLABEL description=""\n',
      settings,
      errors: [{ line: 2, column: 19, endColumn: 21, message: /Label "description" is empty: the label schema requires a text value/ }],
    },
    { name: 'nothing after =', code: 'FROM alpine:3.20\nLABEL description=\n', settings, errors: [{ line: 2, column: 7, endColumn: 18 }] },
    { name: 'only blanks', code: 'FROM alpine:3.20\nLABEL maintainer=" "\n', settings, errors: [{ line: 2, column: 18, endColumn: 21, message: /email value/ }] },
    {
      name: 'second pair on a continuation line',
      code: 'FROM alpine:3.20\nLABEL description="x" \\\n      maintainer=\'\'\n',
      settings,
      errors: [{ line: 3, column: 18, endColumn: 20 }],
    },
  ],
});
