import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintTritonConfig } from '../../../src/core/triton/lint';
import { tritonRules } from '../../../src/core/triton/rules';
import { listDirectory, makeModelFolder } from './tritonRuleTester';

/**
 * The rule pages' examples show what they claim: the Bad example breaks its rule and the Good one passes every
 * Triton rule. MLO503 and MLO506 read the model's folder; their pages show the folder, which is made here.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');

/** The folders the MLO503 and MLO506 pages show, for their Bad and their Good examples. */
const FOLDERS: Record<string, { bad: { name: string; files: string[] }; good: { name: string; files: string[] } }> = {
  MLO503: { bad: { name: 'resnet', files: ['1/model.onnx'] }, good: { name: 'resnet', files: ['1/model.onnx'] } },
  MLO506: { bad: { name: 'resnet', files: ['model.onnx'] }, good: { name: 'resnet', files: ['1/model.onnx'] } },
};

function example(page: string, section: string): string {
  const match = new RegExp(`\\n## ${section}\\s*\`\`\`protobuf\\n([\\s\\S]*?)\`\`\``).exec(page);
  assert.ok(match, `no protobuf block under ${section}`);
  return match[1];
}

function codes(id: string, text: string, which: 'bad' | 'good'): string[] {
  const folder = FOLDERS[id]?.[which];
  const path = folder ? makeModelFolder(folder, text) : undefined;
  return lintTritonConfig(text, { path, listDirectory: path ? listDirectory : undefined }).map((f) => f.code);
}

describe('Triton rule pages', () => {
  for (const rule of tritonRules) {
    it(`${rule.id}: Bad breaks it, Good passes every rule`, () => {
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${rule.id}: ${rule.title}`), 'the title is the rule title');
      assert.ok(codes(rule.id, example(page, 'Bad'), 'bad').includes(rule.id), 'the Bad example does not break the rule');
      assert.deepEqual(codes(rule.id, example(page, 'Good'), 'good'), []);
    });
  }
});
