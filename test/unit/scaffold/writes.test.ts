import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideWrites } from '../../../src/core/scaffold/writes';

const plan = [
  { path: 'Dockerfile', content: 'FROM python:3.11-slim\n' },
  { path: 'app/main.py', content: 'print(1)\n' },
  { path: 'k8s/hpa.yaml', content: 'kind: HorizontalPodAutoscaler\n' },
  { path: 'mlops.yaml', content: 'version: 1\n' },
];
const existing = new Map<string, string | undefined>([
  ['Dockerfile', 'FROM python:3.11\n'],
  ['app/main.py', 'print(1)\n'],
  ['k8s/hpa.yaml', 'kind: HorizontalPodAutoscaler\r\n'],
  ['mlops.yaml', undefined],
]);

describe('decideWrites', () => {
  it('asks only about files that differ: identical ones (line endings aside) are never asked about', () => {
    const decisions = decideWrites(plan, existing, 'ask');
    assert.deepEqual(decisions.map((d) => [d.path, d.action]), [
      ['Dockerfile', 'conflict'],
      ['app/main.py', 'identical'],
      ['k8s/hpa.yaml', 'identical'],
      ['mlops.yaml', 'create'],
    ]);
    assert.equal(decisions[0].existing, 'FROM python:3.11\n');
    assert.equal(decisions[3].existing, undefined);
  });

  it('skips or overwrites differing files by policy, and still creates new ones', () => {
    assert.deepEqual(decideWrites(plan, existing, 'skip').map((d) => d.action), ['skip', 'identical', 'identical', 'create']);
    assert.deepEqual(decideWrites(plan, existing, 'overwrite').map((d) => d.action), ['overwrite', 'identical', 'identical', 'create']);
  });

  it('treats a path missing from the map as a file that does not exist', () => {
    assert.deepEqual(decideWrites(plan, new Map(), 'ask').map((d) => d.action), ['create', 'create', 'create', 'create']);
  });

  it('keeps the planned content on every decision', () => {
    assert.deepEqual(decideWrites(plan, existing, 'overwrite').map((d) => d.content), plan.map((p) => p.content));
  });
});
