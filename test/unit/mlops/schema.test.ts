import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { mlopsSchema } from '../../../src/core/mlops/schema';

describe('schemas/mlops.schema.json', () => {
  it('is the schema the linter validates against (regenerate it as src/core/mlops/schema.ts says)', () => {
    assert.deepEqual(JSON.parse(readFileSync('schemas/mlops.schema.json', 'utf8')), JSON.parse(JSON.stringify(mlopsSchema)));
  });
});
