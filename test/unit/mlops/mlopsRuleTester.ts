import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { lintMlopsFile } from '../../../src/core/mlops/lint';
import type { MlopsRule } from '../../../src/core/mlops/rule';
import { findingTable, type InvalidCase, type ValidCase } from '../ruleTester';

/** Runs one rule alone, at its default severity, and fails the test if the rule throws. */
export function runMlopsRule(rule: MlopsRule, code: string): Finding[] {
  const errors: unknown[] = [];
  const findings = lintMlopsFile(code, { rules: [rule], onRuleError: (_id, error) => errors.push(error) });
  assert.deepEqual(errors, [], `${rule.id} threw`);
  return findings;
}

/** A table of valid and invalid mlops.yaml files for one rule, run by the table every rule kind shares. */
export function mlopsRuleTests(rule: MlopsRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  findingTable(rule, cases, (c) => runMlopsRule(rule, c.code), { noFixes: true });
}
