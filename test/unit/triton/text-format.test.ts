import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { lintTritonConfig } from '../../../src/core/triton/lint';

/**
 * Our verdict on a Triton config against the reference: protobuf's text_format.Parse into Triton's ModelConfig
 * (tritonclient's model_config_pb2), run in Python. On Triton's published examples both must accept; on the broken
 * fixtures both must refuse, and our first MLO501/MLO502 finding must sit where text_format stops.
 */

const TRITONCLIENT_VERSION = '2.73.0';
const PROTOBUF_VERSION = '6.33.6';
const ROOT = join(__dirname, '..', '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'triton');

/** The reference's python, where scripts/install-triton-reference.sh puts it. */
function referencePython(): string {
  const cache = process.env.MLOPS_DEPLOY_CACHE ?? join(homedir(), '.cache', 'mlops-deploy');
  const python = join(cache, `triton-reference-${TRITONCLIENT_VERSION}-protobuf-${PROTOBUF_VERSION}`, 'bin', 'python');
  assert.ok(existsSync(python), `The text_format reference is not installed at ${python}: run scripts/install-triton-reference.sh`);
  return python;
}

interface Verdict {
  ok: boolean;
  line?: number | null;
  column?: number | null;
  message?: string;
}

function referenceVerdicts(texts: string[]): Verdict[] {
  const output = execFileSync(referencePython(), [join(ROOT, 'scripts', 'triton-text-format.py')], { input: JSON.stringify(texts), maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.toString()) as Verdict[];
}

/** Our verdict in text_format's terms: 1-based line (lines end at "\n") and column counted in code points. */
function ourVerdict(text: string): Verdict {
  const first = lintTritonConfig(text).filter((f) => f.code === 'MLO501' || f.code === 'MLO502')[0];
  if (!first) return { ok: true };
  const lines = text.split('\n');
  // Our ranges count lines as an editor does; the fixtures use "\n" only, so the line numbers agree.
  const line = lines[first.range.start.line] ?? '';
  return { ok: false, line: first.range.start.line + 1, column: [...line.slice(0, first.range.start.character)].length + 1, message: first.message };
}

function fixtures(folder: string): Array<{ name: string; text: string }> {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pbtxt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

describe('Triton configs: our parser against protobuf text_format', () => {
  const valid = fixtures('valid');
  const invalid = fixtures('invalid');

  it('has the fixtures it compares', () => {
    assert.ok(valid.length >= 20, `only ${valid.length} published example configs`);
    assert.ok(invalid.length >= 20, `only ${invalid.length} broken configs`);
  });

  it("accepts every one of Triton's published example configs, as text_format does", () => {
    const reference = referenceVerdicts(valid.map((f) => f.text));
    for (const [i, fixture] of valid.entries()) {
      assert.deepEqual(reference[i], { ok: true }, `text_format refuses ${fixture.name}`);
      assert.deepEqual(ourVerdict(fixture.text), { ok: true }, fixture.name);
    }
  });

  it('refuses every broken config at the line and column where text_format stops', () => {
    const reference = referenceVerdicts(invalid.map((f) => f.text));
    for (const [i, fixture] of invalid.entries()) {
      const expected = reference[i];
      assert.equal(expected.ok, false, `text_format accepts ${fixture.name}, which is meant to be broken`);
      const ours = ourVerdict(fixture.text);
      assert.deepEqual({ ok: ours.ok, line: ours.line, column: ours.column }, { ok: false, line: expected.line, column: expected.column }, `${fixture.name}: ours "${ours.message}", text_format "${expected.message}"`);
    }
  });

  it('agrees on small edge cases of the format: numbers, strings, separators, lists, duplicates', () => {
    const texts = [
      'max_batch_size: 0x10',
      'max_batch_size: 017',
      'max_batch_size: 09',
      'max_batch_size: +5',
      'max_batch_size: 1_000',
      'max_batch_size: -0',
      'max_batch_size: 2147483648',
      'max_batch_size: 0\nmax_batch_size: 8',
      'max_batch_size: 8\nmax_batch_size: 0',
      'name: "a" "b"',
      "name: 'single'",
      'name: "\\u00e9\\t\\101"',
      'name: "x";; platform: "y"',
      'name: "x", platform: "y";',
      'input < name: "a" >',
      'input [ ]',
      'input [ { name: "a" }, ]',
      'input [ { name: "a" } { name: "b" } ]',
      'input { dims: [ 1 2 ] }',
      'input { data_type: 11 }',
      'input { data_type: 0x0b is_shape_tensor: t }',
      'input { is_shape_tensor: yes }',
      'instance_group { kind: KIND_TPU }',
      'dynamic_batching { max_queue_delay_microseconds: -5 }',
      'dynamic_batching { default_queue_policy { default_timeout_microseconds: 1.5 } }',
      'optimization { cuda { graphs: true graph_spec [ { batch_size: 1 } ] } }',
      'optimization { priority: PRIORITY_MAX }',
      'model_warmup [ { inputs { key: "a" value { zero_data: true random_data: true } } } ]',
      'version_policy { latest { num_versions: 1 } }\nversion_policy { all { } }',
      'version_policy { latest { num_versions: 1 } all { } }',
      'parameters { key: "k" value { string_value: "v" } }',
      'parameters { key: "k" value: "v" }',
      'name: "a"\n\n  foo {\n bar: 1 }',
      'name: "a" # comment\n# another\nplatform: "b"',
      '}',
      ':',
      '"name": "a"',
      'name: "a',
      'name: "a\\',
      'name: "a\\x"',
      'name: "a\\777"',
      'input { name: "a" }}',
      'input {',
      '5: 1',
      'name: -inf',
      'response_cache { enable: True }',
      'model_transaction_policy { decoupled: 1 }',
      'dynamic_batching { preferred_batch_size: [ 4, 8 ] preferred_batch_size: 16 }',
      'backend: "python"\nparameters: { key: "EXECUTION_ENV_PATH", value: { string_value: "$$TRITON_MODEL_DIRECTORY/env.tar.gz" } }',
      'input { dims: [ { } ] }',
      'instance_group { kind: KIND_AUTO kind: KIND_GPU }',
      'instance_group { kind: KIND_GPU kind: KIND_AUTO }',
      'input { data_type: TYPE_INVALID data_type: 11 }',
      'response_cache { enable: false enable: true }',
      'dynamic_batching { max_queue_delay_microseconds: 0x0 max_queue_delay_microseconds: 5 }',
      'parameters { key: "" key: "a" }',
      'input [ { dims: [ 1 ] } ] input { name: "b" }',
      'name: "" name: "a"',
      'name: "a" name: ""',
      'optimization { input_pinned_memory { enable: true } input_pinned_memory { enable: false } }',
      'max_batch_size: 8 }',
      'max_batch_size: ',
      'max_batch_size',
      'input { dims: -0x10 }',
      'response_cache { enable: 1.0 }',
      'input { data_type: -1 }',
      'input { data_type: 4294967296 }',
      'max_batch_size: 1e3',
      'dynamic_batching { priority_queue_policy { key: 1 value { max_queue_size: 3 } } }',
      'dynamic_batching { priority_queue_policy { key: "1" value { max_queue_size: 3 } } }',
      'input: [ { name: "a" } ]',
      '[a.b] {',
      'name: "a" \'b\' "c"',
      'model_warmup { inputs { key: "a" value { zero_data: true } } inputs { key: "a" value { random_data: true } } }',
      'sequence_batching { state [ { input_name: "a" initial_state { zero_data: true data_file: "x" } } ] }',
      '\u00e9: 1',
      'name: "\\u00e9\\U0001F600"',
      'optimization { gather_kernel_buffer_threshold: 4294967295 }',
      'optimization { gather_kernel_buffer_threshold: -1 }',
      'input [\n{ name: "a" },\n{ name: "b" }\n',
    ];
    const reference = referenceVerdicts(texts);
    for (const [i, text] of texts.entries()) {
      const expected = reference[i];
      const ours = ourVerdict(text);
      // A value text_format reads but the message refuses (an enum number beyond int32) comes without a position.
      const positioned = !expected.ok && expected.line !== null;
      const want = expected.ok ? { ok: true } : positioned ? { ok: false, line: expected.line, column: expected.column } : { ok: false };
      const got = ours.ok ? { ok: true } : positioned ? { ok: false, line: ours.line, column: ours.column } : { ok: false };
      assert.deepEqual(got, want, `${JSON.stringify(text)}: ours "${ours.message ?? 'ok'}", text_format "${expected.message ?? 'ok'}"`);
    }
  });

  it("agrees on Triton's example configs cut and spliced as in an editor, at the same position", () => {
    // One batch for the reference, so that Python starts once. The seed makes a failure reproducible; the
    // properties hold for any seed.
    const tokens = ['name', 'platform', 'max_batch_size', 'input', 'dims', 'data_type', 'TYPE_FP32', 'dynamic_batching', 'sequence_batching', 'kind', 'KIND_GPU', 'key', 'value', '"resnet"', "'x'", '"a\\n"', '"', '8', '-1', '0x10', '1.5', 'true', '{', '}', '<', '>', '[', ']', ':', ',', ';', '#', '\n', ' ', 'foo', '0', '""', '017', 'é'];
    const edit = fc.tuple(fc.constantFrom('cut', 'insert', 'insert', 'delete'), fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(...tokens));
    const mutated = fc.tuple(fc.nat({ max: valid.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([index, edits]) =>
      edits.reduce((source, [kind, at, length, inserted]) => {
        const offset = at % (source.length + 1);
        if (kind === 'cut') return source.slice(0, offset);
        if (kind === 'insert') return source.slice(0, offset) + inserted + source.slice(offset);
        return source.slice(0, offset) + source.slice(offset + length);
      }, valid[index].text),
    );
    const texts = fc.sample(mutated, { numRuns: 500, seed: 20261127 });
    const reference = referenceVerdicts(texts);
    assert.ok(reference.filter((v) => !v.ok).length > 100, 'too few of the mutated configs are broken to test anything');
    for (const [i, text] of texts.entries()) {
      const expected = reference[i];
      const ours = ourVerdict(text);
      const want = expected.ok ? { ok: true } : { ok: false, line: expected.line, column: expected.column };
      const got = ours.ok ? { ok: true } : { ok: false, line: ours.line, column: ours.column };
      assert.deepEqual(got, want, `${JSON.stringify(text)}: ours "${ours.message ?? 'ok'}", text_format "${expected.message ?? 'ok'}"`);
    }
  });

  it("refuses, where Triton's C++ parser does, what Python's text_format lets through", () => {
    // Triton loads configs with protobuf's C++ parser. It rejects unknown escapes and white space that is not ASCII
    // (a non-breaking space, an em space, the control characters \x1c-\x1f that Python counts as space), which the
    // Python reference accepts; we follow Triton, and this test pins both sides of each difference.
    const texts = ['name: "a\\q"', 'name: "a\\."', 'name:\u00a0"a"', 'name:\u2003"a"', 'name:\u001c"a"'];
    const reference = referenceVerdicts(texts);
    for (const [i, text] of texts.entries()) {
      assert.deepEqual(reference[i], { ok: true }, `text_format now refuses ${JSON.stringify(text)}: this difference is gone`);
      assert.equal(ourVerdict(text).ok, false, JSON.stringify(text));
    }
  });

  it('places a string that is not UTF-8 on the string, where text_format names the token after it', () => {
    const text = 'name: "a\\xff"\nbackend: "python"\n';
    const [reference] = referenceVerdicts([text]);
    assert.deepEqual({ ok: reference.ok, line: reference.line, column: reference.column }, { ok: false, line: 2, column: 1 });
    assert.deepEqual({ ...ourVerdict(text), message: undefined }, { ok: false, line: 1, column: 7, message: undefined });
  });
});
