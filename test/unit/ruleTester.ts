import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits, type Finding } from '../../src/core/findings';
import { lintDockerfile } from '../../src/core/dockerfile/lint';
import type { DockerfileFacts, DockerfileRule } from '../../src/core/dockerfile/rule';
import { initShellParser } from '../../src/core/dockerfile/bash';
import type { DockerfileSettings } from '../../src/core/rules/config';

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
  facts?: DockerfileFacts;
  /** The config's Dockerfile settings (trusted registries, a label schema, strict labels); none by default. */
  settings?: DockerfileSettings;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The text after the finding's safe fix; `null` asserts there is none. */
  output?: string | null;
  /** The text after the first suggestion of the first finding; `null` asserts there is none. */
  suggestion?: string | null;
  /** Files the fix creates, by relative path. */
  createsFiles?: string[];
}

/** Runs one rule alone, at its default severity (or warning if it is off by default), under the given settings. */
export function runRule(rule: DockerfileRule, code: string, facts: DockerfileFacts = {}, settings?: DockerfileSettings): Finding[] {
  const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
  const errors: unknown[] = [];
  const findings = lintDockerfile(code, {
    rules: [rule],
    config: { rules: { [rule.id]: severity }, dockerfile: settings },
    facts,
    onRuleError: (_id, error) => errors.push(error),
  });
  assert.deepEqual(errors, [], `${rule.id} threw`);
  return findings;
}

/**
 * A table of valid and invalid cases for one rule, after ESLint's RuleTester: valid code gives no finding of the
 * rule; invalid code gives exactly the listed findings, at those places, and the fix gives exactly `output`.
 */
export function ruleTests(rule: DockerfileRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  findingTable(rule, cases, (c) => runRule(rule, c.code, c.facts, c.settings), { before: () => initShellParser() });
}

/** What a table needs of a rule: its id and the severity its findings carry in the table's runs. */
export interface TableRule {
  id: string;
  defaultSeverity: string;
}

/**
 * The table behind ruleTests, for any kind of file: `lint` runs the rule alone on a case. Each case of `valid`
 * gives no finding at all; each case of `invalid` gives exactly its findings, with the rule's severity (`warning`
 * for a rule that is off by default), and its fix and first suggestion give exactly `output` and `suggestion`.
 * With `noFixes`, every finding must be without a safe fix.
 */
export function findingTable<Case extends ValidCase>(
  rule: TableRule,
  cases: { valid: Array<string | Case>; invalid: Array<Case & Omit<InvalidCase, keyof ValidCase>> },
  lint: (testCase: Case) => Finding[],
  options: { before?: () => unknown; noFixes?: boolean } = {},
): void {
  describe(rule.id, () => {
    if (options.before) before(options.before);
    for (const [i, raw] of cases.valid.entries()) {
      const valid = (typeof raw === 'string' ? { code: raw } : raw) as Case;
      it(`valid ${i + 1}${valid.name ? `: ${valid.name}` : ''}`, () => {
        assert.deepEqual(lint(valid).map(describeFinding), []);
      });
    }
    for (const [i, invalid] of cases.invalid.entries()) {
      it(`invalid ${i + 1}${invalid.name ? `: ${invalid.name}` : ''}`, () => {
        const findings = lint(invalid);
        assert.equal(findings.length, invalid.errors.length, `expected ${invalid.errors.length} finding(s), got: ${JSON.stringify(findings.map(describeFinding))}`);
        for (const [j, expected] of invalid.errors.entries()) {
          const f = findings[j];
          assert.equal(f.code, rule.id);
          assert.equal(f.severity, rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity);
          if (options.noFixes) assert.equal(f.fix, undefined);
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
        if (invalid.output !== undefined) {
          const fix = findings[0]?.fix;
          if (invalid.output === null) assert.equal(fix, undefined, 'expected no safe fix');
          else {
            assert.ok(fix, 'expected a safe fix');
            assert.equal(applyEdits(invalid.code, fix.edits), invalid.output);
          }
        }
        if (invalid.suggestion !== undefined) {
          const suggestion = findings[0]?.suggestions?.[0];
          if (invalid.suggestion === null) assert.equal(suggestion, undefined, 'expected no suggestion');
          else {
            assert.ok(suggestion, 'expected a suggestion');
            assert.equal(applyEdits(invalid.code, suggestion.edits), invalid.suggestion);
          }
        }
        if (invalid.createsFiles) {
          assert.deepEqual(findings[0]?.fix?.files?.map((f) => f.relativePath), invalid.createsFiles);
        }
      });
    }
  });
}

function describeFinding(f: Finding): string {
  return `${f.code}@${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`;
}
