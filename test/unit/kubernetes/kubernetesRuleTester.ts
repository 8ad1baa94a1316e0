import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, type Finding } from '../../../src/core/findings';
import { lintManifest } from '../../../src/core/kubernetes/lint';
import type { KubernetesRule } from '../../../src/core/kubernetes/rule';

/** A finding expected by a test: 1-based line and column as an editor shows them; the end is optional. */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: RegExp;
}

export interface ValidCase {
  name?: string;
  code: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The text after the first suggestion of the first finding; `null` asserts there is none. */
  suggestion?: string | null;
}

/** Runs one rule alone, at its default severity, and fails the test if the rule throws. */
export function runKubernetesRule(rule: KubernetesRule, code: string): Finding[] {
  const errors: unknown[] = [];
  const findings = lintManifest(code, { rules: [rule], onRuleError: (_id, error) => errors.push(error) });
  assert.deepEqual(errors, [], `${rule.id} threw`);
  return findings;
}

/**
 * A table of valid and invalid manifests for one Kubernetes rule, as test/unit/ruleTester.ts does for Dockerfile
 * rules: valid text gives no finding at all (the rule's, or a YAML problem that would hide a broken case); invalid
 * text gives exactly the listed findings, and the first suggestion gives exactly `suggestion`. Rules make no safe
 * fixes yet, so every finding is also checked to have none.
 */
export function kubernetesRuleTests(rule: KubernetesRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const [i, raw] of cases.valid.entries()) {
      const valid = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid ${i + 1}${valid.name ? `: ${valid.name}` : ''}`, () => {
        assert.deepEqual(runKubernetesRule(rule, valid.code).map(describeFinding), []);
      });
    }
    for (const [i, invalid] of cases.invalid.entries()) {
      it(`invalid ${i + 1}${invalid.name ? `: ${invalid.name}` : ''}`, () => {
        const findings = runKubernetesRule(rule, invalid.code);
        assert.equal(findings.length, invalid.errors.length, `expected ${invalid.errors.length} finding(s), got: ${JSON.stringify(findings.map(describeFinding))}`);
        for (const [j, expected] of invalid.errors.entries()) {
          const f = findings[j];
          assert.equal(f.code, rule.id);
          assert.equal(f.severity, rule.defaultSeverity);
          assert.equal(f.fix, undefined);
          assert.deepEqual(
            { line: f.range.start.line + 1, column: f.range.start.character + 1 },
            { line: expected.line, column: expected.column },
            `start of finding ${j + 1}: ${f.message}`,
          );
          if (expected.endLine !== undefined || expected.endColumn !== undefined) {
            assert.deepEqual(
              { endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
              { endLine: expected.endLine ?? expected.line, endColumn: expected.endColumn },
              `end of finding ${j + 1}`,
            );
          }
          if (expected.message) assert.match(f.message, expected.message);
        }
        if (invalid.suggestion !== undefined) {
          const suggestion = findings[0]?.suggestions?.[0];
          if (invalid.suggestion === null) assert.equal(suggestion, undefined, 'expected no suggestion');
          else {
            assert.ok(suggestion, 'expected a suggestion');
            assert.equal(applyEdits(invalid.code, suggestion.edits), invalid.suggestion);
          }
        }
      });
    }
  });
}

/** Lines joined with `\n` and a final line break, so that manifests in tests read as YAML. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function describeFinding(f: Finding): string {
  return `${f.code}@${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`;
}
