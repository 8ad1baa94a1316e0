import { DL3050 } from '../../../src/core/dockerfile/rules/DL3050';
import { ruleTests } from '../ruleTester';
import { withSettings } from '../support-c';

// Without a label schema, and with a schema but without strict labels, any label is fine.
ruleTests(DL3050, {
  valid: ['FROM python:3.11-slim\nLABEL vendor=acme\n'],
  invalid: [],
});

ruleTests(withSettings(DL3050, { labelSchema: { maintainer: 'email' } }), {
  valid: ['FROM python:3.11-slim\nLABEL maintainer=ml@example.com vendor=acme\n'],
  invalid: [],
});

ruleTests(withSettings(DL3050, { labelSchema: { maintainer: 'email' }, strictLabels: true }), {
  valid: [
    { name: 'only schema labels', code: 'FROM python:3.11-slim\nLABEL maintainer=ml@example.com\n' },
    { name: 'no labels', code: 'FROM python:3.11-slim\n' },
  ],
  invalid: [
    {
      name: 'a label outside the schema',
      code: 'FROM alpine:3.20\nLABEL maintainer=a@b.c vendor=acme\n',
      errors: [{ line: 2, column: 24, endColumn: 30, message: /Superfluous label "vendor".*\(maintainer\)/ }],
    },
    {
      name: 'in every stage, over continuation lines',
      code: 'FROM alpine:3.20 AS build\nLABEL stage=build\nFROM alpine:3.20\nLABEL maintainer=a@b.c \\\n      description="x"\n',
      errors: [
        { line: 2, column: 7, endColumn: 12 },
        { line: 5, column: 7, endColumn: 18 },
      ],
    },
  ],
});
