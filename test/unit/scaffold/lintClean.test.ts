import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { Finding } from '../../../src/core/findings';
import { initShellParser } from '../../../src/core/dockerfile/bash';
import { lintDockerfile } from '../../../src/core/dockerfile/lint';
import { lintKubernetesFiles } from '../../../src/core/kubernetes/workspace/index';
import { lintMlopsFile } from '../../../src/core/mlops/lint';
import { tritonModelFile } from '../../../src/core/scaffold/plan';
import { lintTritonConfig } from '../../../src/core/triton/lint';
import { allVariants, scaffoldInto } from './generated';

/**
 * The promise: every generated file lints clean. Every target × framework × GPU variant is written to disk
 * and every file our linters read is linted with all rules on at their default severities; every YAML file parses;
 * every Python file is compiled by the real Python.
 */
function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
}

describe('every scaffolded variant lints clean', () => {
  // The real interpreter behind python3, found once: a version manager's shim costs a second per call.
  let python = 'python3';
  before(async () => {
    await initShellParser();
    const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
    assert.equal(found.status, 0, `python3 is needed: ${found.stderr}`);
    python = found.stdout.trim();
  });
  const variants = allVariants();
  const pythonSources: string[] = [];

  it('covers every target and framework, with and without a GPU (scikit-learn has no GPU variant)', () => {
    assert.equal(variants.length, 3 * 5 * 2 - 3);
  });

  for (const { label, context } of variants) {
    describe(label, () => {
      const { dir, plan } = scaffoldInto(context);
      const ruleErrors: string[] = [];
      const onRuleError = (id: string, error: unknown): void => void ruleErrors.push(`${id}: ${String(error)}`);

      it('Dockerfiles: no finding', () => {
        const dockerfiles = plan.filter((file) => /(^|\/)Dockerfile$/.test(file.path));
        assert.equal(dockerfiles.length, context.target === 'triton' ? 0 : 1);
        for (const file of dockerfiles) {
          const hasDockerignore = existsSync(join(dir, dirname(file.path), '.dockerignore'));
          assert.ok(hasDockerignore, `${file.path} has a .dockerignore beside it`);
          assert.deepEqual(describeFindings(lintDockerfile(file.content, { facts: { hasDockerignore }, onRuleError })), [], file.path);
        }
        assert.deepEqual(ruleErrors, []);
      });

      it('Kubernetes manifests, each and together: no finding', () => {
        const manifests = plan.filter((file) => file.path.startsWith('k8s/')).map((file) => ({ path: join(dir, file.path), text: file.content }));
        assert.equal(manifests.length > 0, context.target !== 'sagemaker');
        const findings = [...lintKubernetesFiles(manifests, { onRuleError })].flatMap(([path, list]) => describeFindings(list).map((f) => `${path.slice(dir.length + 1)}: ${f}`));
        assert.deepEqual(findings, []);
        assert.deepEqual(ruleErrors, []);
      });

      if (context.target === 'triton') {
        it('config.pbtxt: no finding, once the model file is in its version folder as the README there asks', () => {
          // The scaffold cannot hold the user's model (MLO506 rightly reports an empty version folder until it is
          // there); a stand-in file, or folder for a SavedModel, takes its place.
          const model = join(dir, tritonModelFile(context).path);
          if (model.endsWith('.savedmodel')) mkdirSync(model, { recursive: true });
          else writeFileSync(model, 'stand-in');
          const path = join(dir, 'model_repository', context.name, 'config.pbtxt');
          const listDirectory = (folder: string) => readdirSync(folder, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
          assert.deepEqual(describeFindings(lintTritonConfig(readFileSync(path, 'utf8'), { path, listDirectory, onRuleError })), []);
          assert.deepEqual(ruleErrors, []);
        });
      }

      it('mlops.yaml: no finding', () => {
        const text = readFileSync(join(dir, 'mlops.yaml'), 'utf8');
        assert.deepEqual(describeFindings(lintMlopsFile(text, { onRuleError })), []);
        assert.deepEqual(ruleErrors, []);
      });

      it('every YAML file parses without an error or a warning', () => {
        for (const file of plan.filter((f) => /\.ya?ml$/.test(f.path))) {
          for (const document of parseAllDocuments(file.content)) {
            assert.deepEqual([...document.errors, ...document.warnings].map((e) => e.message), [], file.path);
          }
        }
      });

      pythonSources.push(...plan.filter((file) => file.path.endsWith('.py') || file.content.startsWith('#!/usr/bin/env python3')).map((file) => join(dir, file.path)));
    });
  }

  // One interpreter for all the variants' files: starting Python once per variant would cost more than the lint.
  it('every generated Python file compiles (py_compile, with the real python3)', () => {
    assert.ok(pythonSources.length >= variants.length * 3);
    const script = 'import json, py_compile, sys\nfailed = []\nfor path in json.load(sys.stdin):\n    try:\n        py_compile.compile(path, doraise=True)\n    except py_compile.PyCompileError as error:\n        failed.append(str(error))\nprint(json.dumps(failed))';
    const result = spawnSync(python, ['-c', script], { input: JSON.stringify(pythonSources), encoding: 'utf8', env: { ...process.env, PYTHONPYCACHEPREFIX: join(process.env.TMPDIR ?? tmpdir(), 'scaffold-pycache') } });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });
});
