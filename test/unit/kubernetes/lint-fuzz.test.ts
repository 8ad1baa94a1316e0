import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as fc from 'fast-check';
import { applyEdits, type Finding } from '../../../src/core/findings';
import { lintKubernetesFiles, type ManifestFile } from '../../../src/core/kubernetes/workspace/index';

/**
 * The whole Kubernetes linter (every per-object and workspace rule, with their fixes) on manifests mangled the
 * way an editor holds them while someone types or pastes: it never throws, no rule fails, every range points
 * inside its file, every fix and suggestion applies, and a two-file workspace lints in under 50 ms of CPU time.
 */

const NUM_RUNS = 300;
const TIME_LIMIT_MS = 50;
const ROOT = join(__dirname, '..', '..', '..', '..');

/** Real manifests: every example of the rule pages, the host tests' fixtures and the example project's. */
function corpus(): string[] {
  const texts: string[] = [];
  const docs = join(ROOT, 'docs', 'rules');
  for (const name of readdirSync(docs).filter((n) => /^MLO[23]\d\d\.md$/.test(n))) {
    for (const match of readFileSync(join(docs, name), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)) texts.push(match[1]);
  }
  for (const folder of [join(ROOT, 'test', 'fixtures', 'host-workspace', 'k8s'), join(ROOT, 'examples', 'k8s')]) {
    for (const name of readdirSync(folder)) texts.push(readFileSync(join(folder, name), 'utf8'));
  }
  return texts;
}

const CORPUS = corpus();

const TOKENS = ['', '0', '-1', '1.5', '"8000"', 'http', 'null', '~', '[]', '{}', '[1, 2]', '{a: b}', '*a', '&a x', 'true', 'latest', '100%', '0%', 'nvidia.com/gpu', '"}"', '|', '>-', '!!binary', '---', '\t', '\u0000', '\ufffd', '\ud800'];

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'indent' | 'dedent'; at: number }
  | { kind: 'value'; at: number; token: string }
  | { kind: 'insert'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'crlf' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent'), at: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('value'), at: fc.nat(), token: fc.constantFrom(...TOKENS) }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), char: fc.constantFrom(...TOKENS, ':', '- ', '#', '"', "'", '{', '[') }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.constant({ kind: 'crlf' } as Mutation),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (m.kind === 'truncate') return text.slice(0, m.at % (text.length + 1));
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.char + text.slice(at);
  }
  const lines = text.split('\n');
  const at = m.at % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(at, 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, lines[at]);
      break;
    case 'indent':
      lines[at] = `  ${lines[at]}`;
      break;
    case 'dedent':
      lines[at] = lines[at].replace(/^ {1,2}/, '');
      break;
    case 'value':
      lines[at] = lines[at].replace(/:\s+.*$/, `: ${m.token}`);
      break;
  }
  return lines.join('\n');
}

const workspace: fc.Arbitrary<ManifestFile[]> = fc
  .tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.nat({ max: CORPUS.length - 1 }))
  .map(([first, mutations, second]) => [
    { path: '/ws/a.yaml', text: mutations.reduce(mutate, CORPUS[first]) },
    { path: '/ws/b.yaml', text: CORPUS[second] },
  ]);

function lint(files: ManifestFile[], errors: string[]): Map<string, Finding[]> {
  return lintKubernetesFiles(files, { onRuleError: (id, error) => errors.push(`${id}: ${error instanceof Error ? error.stack : String(error)}`) });
}

/** Lints and measures CPU time; a call over the limit is measured once more, so that a garbage collection is not a failure. */
function timedLint(files: ManifestFile[], errors: string[]): { result: Map<string, Finding[]>; ms: number } {
  const once = (): { result: Map<string, Finding[]>; ms: number } => {
    const before = process.cpuUsage();
    const result = lint(files, errors);
    const used = process.cpuUsage(before);
    return { result, ms: (used.user + used.system) / 1000 };
  };
  const first = once();
  return first.ms > TIME_LIMIT_MS ? once() : first;
}

function check(files: ManifestFile[]): void {
  const errors: string[] = [];
  const { result, ms } = timedLint(files, errors);
  assert.deepEqual(errors, [], 'a rule threw');
  assert.ok(ms < TIME_LIMIT_MS, `linting took ${ms.toFixed(1)} ms of CPU (limit ${TIME_LIMIT_MS} ms)`);
  for (const file of files) {
    const lines = file.text.split(/\r\n|\r|\n/);
    for (const finding of result.get(file.path) ?? []) {
      for (const p of [finding.range.start, finding.range.end]) {
        assert.ok(p.line >= 0 && p.line < lines.length, `${finding.code}: line ${p.line} outside 0..${lines.length - 1}`);
        assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${finding.code}: character ${p.character} outside line ${p.line}`);
      }
      for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
        if (!fix) continue;
        assert.equal(typeof applyEdits(file.text, fix.edits), 'string', `${finding.code}: "${fix.title}"`);
        for (const created of fix.files ?? []) {
          assert.ok(created.relativePath !== '' && !created.relativePath.includes('..'), `${finding.code}: creates ${created.relativePath}`);
          assert.equal(typeof created.content, 'string');
        }
      }
    }
  }
}

describe('the Kubernetes linter on mangled manifests', () => {
  // The schema validators load on first use; that one-time cost is not what the time limit is about.
  before(() => {
    lint(CORPUS.map((text, i) => ({ path: `/warm/${i}.yaml`, text })), []);
  });

  it('has a corpus to mangle', () => {
    assert.ok(CORPUS.length >= 40, `${CORPUS.length} manifests`);
  });

  it('no throw, no rule error, ranges inside each file, fixes apply, under 50 ms per two-file workspace', () => {
    fc.assert(fc.property(workspace, check), { numRuns: NUM_RUNS, includeErrorInReport: true });
  });
});
