import assert from 'node:assert/strict';
import { applyEdits, type Finding } from '../../../src/core/findings';
import { lintManifest } from '../../../src/core/kubernetes/lint';
import { parseManifestFile } from '../../../src/core/kubernetes/parse';
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
 * (test/unit/ruleTester.ts): a case's `output` is the text after the first finding's safe fix, its `suggestion` the
 * text after that finding's first suggestion. Besides what a case states, every run checks two things of every fix
 * and suggestion it meets: the result is still valid YAML, and the rule finds less in it, so an edit that breaks
 * the file or does not resolve its finding fails. A safe fix must also be stated: a case that gives no `output`
 * asserts that its findings have none.
 */
export function kubernetesRuleTests(rule: KubernetesRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  findingTable(rule, cases, (testCase) => {
    const findings = runKubernetesRule(rule, testCase.code);
    if ((testCase as InvalidCase).output === undefined) {
      for (const finding of findings) assert.equal(finding.fix, undefined, `${finding.message}: a safe fix needs an \`output\` in the case`);
    }
    for (const finding of findings) {
      for (const change of [finding.fix, ...(finding.suggestions ?? [])]) {
        if (change === undefined) continue;
        const changed = applyEdits(testCase.code, change.edits);
        assert.deepEqual(parseManifestFile(changed).problems, [], `"${change.title}" breaks the YAML:\n${changed}`);
        const after = runKubernetesRule(rule, changed);
        assert.ok(after.length < findings.length, `"${change.title}" leaves ${after.length} of ${findings.length} findings:\n${changed}`);
      }
    }
    return findings;
  });
}

/** Lines joined with `\n` and a final line break, so that manifests in tests read as YAML. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
