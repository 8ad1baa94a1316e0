import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest } from '../../../src/core/kubernetes/lint';
import { perObject } from '../../../src/core/kubernetes/rule';
import { MLO206 } from '../../../src/core/kubernetes/rules/MLO206';
import { kubernetesRules } from '../../../src/core/kubernetes/rules';
import { yaml } from './kubernetesRuleTester';

const latestPod = yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', '      image: model:latest');

function summary(text: string, options: Parameters<typeof lintManifest>[1] = {}): string[] {
  return lintManifest(text, options).map((f) => `${f.code} ${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

describe('lintManifest', () => {
  it('registers the rules in id order, each once', () => {
    const ids = kubernetesRules.map((rule) => rule.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (let id = 201; id <= 214; id++) assert.ok(ids.includes(`MLO${id}`), `MLO${id} is registered`);
    assert.ok(kubernetesRules.every((rule) => rule.kind === 'kubernetes'));
  });

  it('runs every rule on a workload by default', () => {
    // Only the rules about single objects up to MLO214: the schema rule has its own tests.
    assert.deepEqual(summary(latestPod).filter((line) => line < 'MLO215'), [
      'MLO208 info 3:1',
      'MLO201 warning 5:7',
      'MLO202 warning 5:7',
      'MLO203 warning 5:7',
      'MLO204 warning 5:7',
      'MLO209 warning 5:7',
      'MLO210 warning 5:7',
      'MLO206 warning 6:14',
    ]);
  });

  it('gives one info finding for a Helm template instead of parse errors', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', '      image: {{ .Values.image }}');
    const findings = lintManifest(text, { path: 'chart/templates/pod.yaml' });
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.range.start.line + 1, f.range.start.character + 1]), [['yaml-helm-skipped', 'info', 6, 14]]);
    assert.match(findings[0].message, /helm template/);
  });

  it('reports a syntax error and still checks the other documents', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'spec: [unclosed', '---') + latestPod;
    assert.deepEqual(summary(text, { rules: [MLO206] }), ['yaml-syntax error 4:1', 'MLO206 warning 10:14']);
  });

  it('reports a duplicate key on the whole key', () => {
    const findings = lintManifest(yaml('apiVersion: v1', 'kind: ConfigMap', 'kind: Secret'), { rules: [] });
    assert.deepEqual(findings.map((f) => [f.code, f.range]), [['yaml-duplicate-key', { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }]]);
  });

  it('applies the config: a changed severity, a rule turned off, a parse problem turned off', () => {
    const config = { rules: { MLO206: 'error' as const, MLO201: 'off' as const, MLO202: 'off' as const, MLO203: 'off' as const, MLO204: 'info' as const } };
    const containerRules = (line: string) => line < 'MLO207';
    assert.deepEqual(summary(latestPod, { config }).filter(containerRules), ['MLO204 info 5:7', 'MLO206 error 6:14']);
    assert.deepEqual(summary('a: [', { config: { rules: { 'yaml-syntax': 'off' } } }), []);
  });

  it('reports a rule that throws once, skips it, and runs the others', () => {
    const errors: string[] = [];
    const broken = perObject({ id: 'MLO299', defaultSeverity: 'error', title: 'Throws.', guide: 'none' }, () => {
      throw new Error('boom');
    });
    const findings = lintManifest(latestPod + '---\n' + latestPod, { rules: [broken, MLO206], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['MLO299']);
    assert.equal(findings.length, 2);
  });

  it('suppresses a field and what is nested in it, and not its siblings', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  initContainers:',
      '    - name: fetch',
      '      image: busybox',
      '  # mlops-deploy ignore=mlo206 # vendored image, pinned by the mirror',
      '  containers:',
      '    - name: server',
      '      image: model:latest',
    );
    assert.deepEqual(summary(text, { rules: [MLO206] }), ['MLO206 warning 6:14']);
  });

  it('suppresses a YAML problem by its code', () => {
    assert.deepEqual(summary(yaml('apiVersion: v1', '# mlops-deploy ignore=yaml-duplicate-key', 'apiVersion: v1', 'kind: Namespace'), { rules: [] }), []);
  });

  it('never throws and finds nothing in binary text or in documents that are not objects', () => {
    assert.deepEqual(lintManifest('\u0000\u0001binary'), []);
    assert.deepEqual(lintManifest(yaml('- a', '- b', '---', 'just text', '---', '')), []);
  });
});
