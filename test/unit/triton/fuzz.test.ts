import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, computeLineStarts, type Range } from '../../../src/core/findings';
import { lintTritonConfig } from '../../../src/core/triton/lint';
import { parseTritonConfig } from '../../../src/core/triton/parse';

/**
 * Property-based tests on text an editor can hold while someone types or pastes a Triton config: the linter never
 * throws and no rule fails, every range points inside the text, at most one syntax error is reported, and every
 * suggestion applies.
 */

const NUM_RUNS = 1000;

/** Tokens that text format and the rules give meaning to. */
const TOKENS = [
  'name', 'platform', 'backend', 'max_batch_size', 'input', 'output', 'dims', 'data_type', 'TYPE_FP32', 'TYPE_INVALID',
  'dynamic_batching', 'sequence_batching', 'instance_group', 'kind', 'KIND_GPU', 'parameters', 'key', 'value',
  'string_value', 'default_model_filename', '"resnet"', '"onnxruntime"', "'x'", '"a\\n"', '"\\x', '"', '8', '-1', '0x10',
  '1.5', 'true', '{', '}', '<', '>', '[', ']', ':', ',', ';', '#', '# mlops-deploy ignore=MLO507', '# mlops-deploy global ignore=MLO504', '[inference.x]', '',
];

const AWKWARD = ['\n', '\r\n', '\r', '\t', '\u0000', '\ufeff', '\u00a0', '\u2028', '\ud800', '\udfff', '𝄞', 'é'];

const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
);

const text = fc.array(fc.tuple(token, fc.constantFrom(' ', '', '\n', '  ')), { maxLength: 80 }).map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Triton's published example configs, to be cut and spliced into what an editor holds mid-edit. */
const VALID = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'triton', 'valid');
const corpus = readdirSync(VALID)
  .filter((name) => name.endsWith('.pbtxt'))
  .map((name) => readFileSync(join(VALID, name), 'utf8'));

/** A corpus file with a few edits: a cut, an insertion of a token or random text, a deleted span. Positions wrap. */
const mutated = fc
  .tuple(
    fc.nat({ max: corpus.length - 1 }),
    fc.array(fc.tuple(fc.constantFrom('cut', 'insert', 'delete'), fc.nat(), fc.nat({ max: 40 }), token), { minLength: 1, maxLength: 6 }),
  )
  .map(([index, edits]) =>
    edits.reduce((source, [kind, at, length, inserted]) => {
      const offset = at % (source.length + 1);
      if (kind === 'cut') return source.slice(0, offset);
      if (kind === 'insert') return source.slice(0, offset) + inserted + source.slice(offset);
      return source.slice(0, offset) + source.slice(offset + length);
    }, corpus[index]),
  );

function assertInside(range: Range, source: string): void {
  const lineStarts = computeLineStarts(source);
  const lineLength = (n: number): number => (n + 1 < lineStarts.length ? lineStarts[n + 1] : source.length) - lineStarts[n];
  for (const { line, character } of [range.start, range.end]) {
    assert.ok(line >= 0 && line < lineStarts.length, `line ${line} outside the text`);
    assert.ok(character >= 0 && character <= lineLength(line), `character ${character} outside line ${line}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), 'range ends before it starts');
}

function check(source: string): void {
  const errors: string[] = [];
  const findings = lintTritonConfig(source, { onRuleError: (id, error) => errors.push(`${id}: ${String(error)}`) });
  assert.deepEqual(errors, []);
  assert.ok(findings.filter((f) => f.code === 'MLO501').length <= 1, 'more than one syntax error reported');
  for (const finding of findings) {
    assertInside(finding.range, source);
    for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) if (fix) assert.equal(typeof applyEdits(source, fix.edits), 'string');
  }
  const document = parseTritonConfig(source);
  for (const problem of document.problems) assert.ok(problem.start <= problem.end && problem.end <= source.length);
}

describe('the Triton linter on random and mangled configs', () => {
  it('random token soup: no throw, no rule error, ranges inside the text', () => {
    fc.assert(fc.property(text, check), { numRuns: NUM_RUNS });
  });

  it("Triton's example configs, cut and spliced: no throw, no rule error, ranges inside the text", () => {
    fc.assert(fc.property(mutated, check), { numRuns: NUM_RUNS });
  });

  it('binary, deeply nested, huge and cut-off texts', () => {
    check(String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    check('input {'.repeat(5000));
    check('input ['.repeat(5000));
    check('{'.repeat(100000));
    check('name: "' + 'x'.repeat(1_000_000));
    check('max_batch_size: ' + '1'.repeat(1_000_000));
    check('name: "' + '\\x41'.repeat(200_000) + '"');
    check('model_warmup { inputs { key: "' + 'a'.repeat(1_000_000) + '" } }');
    check('x'.repeat(1_000_000) + ': 1');
    check('input { dims: [' + '1,'.repeat(200_000) + '1] }');
    const big = 'input [ { name: "x" data_type: TYPE_FP32 dims: [ 1, 2, 3 ] } ]\n'.repeat(20000);
    check(big);
    for (let cut = 0; cut < 200; cut += 7) check(big.slice(0, cut));
  });
});
