import { DL3050 } from '../../../src/core/dockerfile/rules/DL3050';
import type { DockerfileSettings } from '../../../src/core/rules/config';
import { ruleTests } from '../ruleTester';

// Without a label schema, and with a schema but without strict labels, any label is fine.
ruleTests(DL3050, {
  valid: ['FROM python:3.11-slim\nLABEL vendor=acme\n'],
  invalid: [],
});

const schemaOnly: DockerfileSettings = { labelSchema: { maintainer: 'email' } };

ruleTests(DL3050, {
  valid: [{ code: 'FROM python:3.11-slim\nLABEL maintainer=ml@example.com vendor=acme\n', settings: schemaOnly }],
  invalid: [],
});

const strict: DockerfileSettings = { labelSchema: { maintainer: 'email' }, strictLabels: true };

ruleTests(DL3050, {
  valid: [
    { name: 'only schema labels', code: 'FROM python:3.11-slim\nLABEL maintainer=ml@example.com\n', settings: strict },
    { name: 'no labels', code: 'FROM python:3.11-slim\n', settings: strict },
  ],
  invalid: [
    {
      name: 'a label outside the schema',
      code: 'FROM alpine:3.20\nLABEL maintainer=a@b.c vendor=acme\n',
      settings: strict,
      errors: [{ line: 2, column: 24, endColumn: 30, message: /Superfluous label "vendor".*\(maintainer\)/ }],
    },
    {
      name: 'in every stage, over continuation lines',
      code: 'FROM alpine:3.20 AS build\nLABEL stage=build\nFROM alpine:3.20\nLABEL maintainer=a@b.c \\\n      description="x"\n',
      settings: strict,
      errors: [
        { line: 2, column: 7, endColumn: 12 },
        { line: 5, column: 7, endColumn: 18 },
      ],
    },
  ],
});
