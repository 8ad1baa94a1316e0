import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { lintManifest } from '../../../src/core/kubernetes/lint';
import type { KubernetesRule } from '../../../src/core/kubernetes/rule';
import { findingTable, type InvalidCase, type ValidCase } from '../ruleTester';

/** Runs one rule alone, at its default severity, and fails the test if the rule throws. */
export function runKubernetesRule(rule: KubernetesRule, code: string): Finding[] {
  const errors: unknown[] = [];
  const findings = lintManifest(code, { rules: [rule], onRuleError: (_id, error) => errors.push(error) });
  assert.deepEqual(errors, [], `${rule.id} threw`);
  return findings;
}

/**
 * A table of valid and invalid manifests for one Kubernetes rule, run by the same table as Dockerfile rules
 * (test/unit/ruleTester.ts). Rules make no safe fixes yet, so every finding is also checked to have none.
 */
export function kubernetesRuleTests(rule: KubernetesRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  findingTable(rule, cases, (c) => runKubernetesRule(rule, c.code), { noFixes: true });
}

/** Lines joined with `\n` and a final line break, so that manifests in tests read as YAML. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
