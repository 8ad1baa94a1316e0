import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, type Finding, type Fix } from '../../../../src/core/findings';
import { lintKubernetesFiles } from '../../../../src/core/kubernetes/workspace';
import type { WorkspaceRule } from '../../../../src/core/kubernetes/workspace/rule';

/** A workspace: file paths (relative, `/`-separated) and their texts. */
export type Files = Record<string, string>;

/** A finding expected by a test: 0-based line and character, as in ranges; the rest is checked when given. */
export interface ExpectedWorkspaceFinding {
  path: string;
  line: number;
  character?: number;
  endLine?: number;
  endCharacter?: number;
  messageIncludes?: string;
}

/**
 * What applying a fix or a suggestion of the case's first finding gives: every file of the workspace afterwards,
 * edited and created ones included (a created file's path is its `relativePath` joined to the finding's folder).
 */
export interface ExpectedFix {
  titleIncludes?: string;
  files: Files;
}

export interface WorkspaceValidCase {
  name?: string;
  files: Files;
}

export interface WorkspaceInvalidCase extends WorkspaceValidCase {
  findings: ExpectedWorkspaceFinding[];
  /** The workspace after the first finding's safe fix; `null` asserts there is none. */
  fix?: ExpectedFix | null;
  /** The workspace after each of the first finding's suggestions, in order; `[]` asserts there are none. */
  suggestions?: ExpectedFix[];
}

/** Runs one workspace rule alone, at its default severity (or warning if it is off), with no per-object rules. */
export function runWorkspaceRule(rule: WorkspaceRule, files: Files): Array<Finding & { path: string }> {
  const errors: unknown[] = [];
  const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
  const results = lintKubernetesFiles(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    {
      perObjectRules: [],
      workspaceRules: [rule],
      config: { rules: { [rule.id]: severity } },
      onRuleError: (_id, error) => errors.push(error),
    },
  );
  assert.deepEqual(errors, [], `${rule.id} threw`);
  return [...results].flatMap(([path, findings]) => findings.map((finding) => ({ ...finding, path })));
}

/**
 * A table of valid and invalid workspaces for one workspace rule, after test/unit/ruleTester.ts: a valid workspace
 * gives no finding at all; an invalid one gives exactly its findings (in path order, then by position), with the
 * rule's severity and at exactly the given ranges. Expected fixes and suggestions are applied to the workspace and
 * compared file by file; the workspace they give is linted again, and the finding must be gone.
 */
export function workspaceRuleTests(rule: WorkspaceRule, cases: { valid: WorkspaceValidCase[]; invalid: WorkspaceInvalidCase[] }): void {
  const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
  describe(rule.id, () => {
    for (const [i, valid] of cases.valid.entries()) {
      it(`valid ${i + 1}${valid.name ? `: ${valid.name}` : ''}`, () => {
        assert.deepEqual(runWorkspaceRule(rule, valid.files).map(describeFinding), []);
      });
    }
    for (const [i, invalid] of cases.invalid.entries()) {
      it(`invalid ${i + 1}${invalid.name ? `: ${invalid.name}` : ''}`, () => {
        const findings = runWorkspaceRule(rule, invalid.files);
        const expected = [...invalid.findings].sort((a, b) => compareText(a.path, b.path) || a.line - b.line || (a.character ?? 0) - (b.character ?? 0));
        assert.equal(findings.length, expected.length, `expected ${expected.length} finding(s), got: ${JSON.stringify(findings.map(describeFinding))}`);
        for (const [j, want] of expected.entries()) {
          const got = findings[j];
          assert.equal(got.code, rule.id);
          assert.equal(got.severity, severity);
          const actual = { path: got.path, line: got.range.start.line, character: got.range.start.character, endLine: got.range.end.line, endCharacter: got.range.end.character };
          const wanted = {
            path: want.path,
            line: want.line,
            character: want.character ?? actual.character,
            endLine: want.endLine ?? actual.endLine,
            endCharacter: want.endCharacter ?? actual.endCharacter,
          };
          assert.deepEqual(actual, wanted, `finding ${j + 1}: ${got.message}`);
          if (want.messageIncludes !== undefined) assert.ok(got.message.includes(want.messageIncludes), `message of finding ${j + 1} lacks "${want.messageIncludes}": ${got.message}`);
        }
        const first = findings[0];
        if (invalid.fix !== undefined) {
          if (invalid.fix === null) assert.equal(first?.fix, undefined, 'expected no safe fix');
          else {
            assert.ok(first?.fix, 'expected a safe fix');
            checkFix(rule, invalid.files, first, first.fix, invalid.fix);
          }
        }
        if (invalid.suggestions !== undefined) {
          const suggestions = first?.suggestions ?? [];
          assert.equal(suggestions.length, invalid.suggestions.length, `suggestions: ${JSON.stringify(suggestions.map((s) => s.title))}`);
          for (const [k, want] of invalid.suggestions.entries()) checkFix(rule, invalid.files, first, suggestions[k], want);
        }
      });
    }
  });
}

/** The workspace after a fix of a finding: its edits applied to the finding's file, its files created beside it. */
export function applyWorkspaceFix(files: Files, path: string, fix: Fix): Files {
  const result: Files = { ...files, [path]: applyEdits(files[path], fix.edits) };
  for (const created of fix.files ?? []) {
    const target = join(dirname(path), created.relativePath);
    // The editor creates these files exclusively; a fix that names an existing file would fail there.
    assert.equal(Object.hasOwn(files, target), false, `the fix would overwrite ${target}`);
    result[target] = created.content;
  }
  return result;
}

function checkFix(rule: WorkspaceRule, files: Files, finding: Finding & { path: string }, fix: Fix, want: ExpectedFix): void {
  if (want.titleIncludes !== undefined) assert.ok(fix.title.includes(want.titleIncludes), `title "${fix.title}" lacks "${want.titleIncludes}"`);
  const fixed = applyWorkspaceFix(files, finding.path, fix);
  assert.deepEqual(fixed, want.files, `after "${fix.title}"`);
  const again = runWorkspaceRule(rule, fixed);
  const same = again.find((other) => other.path === finding.path && other.range.start.line === finding.range.start.line && other.range.start.character === finding.range.start.character);
  assert.equal(same, undefined, `"${fix.title}" leaves the finding: ${same?.message}`);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeFinding(f: Finding & { path: string }): string {
  return `${f.path}@${f.range.start.line}:${f.range.start.character}: ${f.code}: ${f.message}`;
}

/** Lines joined with `\n` and a final line break, so that manifests in tests read as YAML. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
