import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '../../../src/core/findings';
import { lintTritonConfig } from '../../../src/core/triton/lint';
import type { DirectoryEntry, TritonRule } from '../../../src/core/triton/rule';
import { findingTable, type InvalidCase, type ValidCase } from '../ruleTester';

export interface TritonCase extends ValidCase {
  /**
   * A model folder to lint the config in, made on disk for the case: its name and the files beside config.pbtxt
   * (a path ending in `/` is an empty folder). Without it the config is linted as text alone, as in a virtual
   * workspace, and the rules that read the folder do not run.
   */
  folder?: { name: string; files: string[] };
}

/** Reads a real folder, as the CLI and the extension do. */
export function listDirectory(dir: string): DirectoryEntry[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  } catch {
    return undefined;
  }
}

/** One temporary folder per test process for the model folders the cases need, removed when the process exits. */
let scratch: string | undefined;
let made = 0;

/** Writes a model folder with config.pbtxt and the given files under a fresh temporary folder; returns the config's path. */
export function makeModelFolder(folder: { name: string; files: string[] }, config: string): string {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-triton-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  const root = join(scratch, String(made++), folder.name);
  mkdirSync(root, { recursive: true });
  for (const file of folder.files) {
    const path = join(root, file);
    if (file.endsWith('/')) mkdirSync(path, { recursive: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, 'model bytes');
    }
  }
  const path = join(root, 'config.pbtxt');
  writeFileSync(path, config);
  return path;
}

/** Runs one rule alone, at its default severity, and fails the test if the rule throws. */
export function runTritonRule(rule: TritonRule, testCase: TritonCase): Finding[] {
  const errors: unknown[] = [];
  const path = testCase.folder ? makeModelFolder(testCase.folder, testCase.code) : undefined;
  const findings = lintTritonConfig(testCase.code, {
    path,
    listDirectory: path ? listDirectory : undefined,
    rules: [rule],
    onRuleError: (_id, error) => errors.push(error),
  });
  assert.deepEqual(errors, [], `${rule.id} threw`);
  return findings;
}

/** A table of valid and invalid configs for one Triton rule, run by the same table as the other rules. */
export function tritonRuleTests(rule: TritonRule, cases: { valid: Array<string | TritonCase>; invalid: Array<TritonCase & Omit<InvalidCase, keyof ValidCase>> }): void {
  findingTable<TritonCase>(rule, cases, (c) => runTritonRule(rule, c));
}

/** Lines joined with `\n` and a final line break. */
export function pbtxt(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A complete, valid config for a model named `resnet`, for cases that change one thing in it. */
export const GOOD = pbtxt(
  'name: "resnet"',
  'backend: "onnxruntime"',
  'max_batch_size: 8',
  'input [',
  '  {',
  '    name: "input"',
  '    data_type: TYPE_FP32',
  '    dims: [ 3, 224, 224 ]',
  '  }',
  ']',
  'output [',
  '  {',
  '    name: "output"',
  '    data_type: TYPE_FP32',
  '    dims: [ 1000 ]',
  '  }',
  ']',
  'dynamic_batching { }',
);
