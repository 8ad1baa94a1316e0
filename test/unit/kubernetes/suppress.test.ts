import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest } from '../../../src/core/kubernetes/lint';
import { PEER_CHECKS } from '../../../src/core/kubernetes/peers';
import { kubernetesRules } from '../../../src/core/kubernetes/rules';
import { peerExemptions } from '../../../src/core/kubernetes/suppress';
import { yaml } from './kubernetesRuleTester';

/**
 * A Deployment that breaks most per-object rules (no resources, probes, service account or securityContext, a
 * latest image, a GPU request without a limit), with the given annotation lines, followed by a copy without them.
 */
function annotated(...annotationLines: string[]): string {
  const workload = (lines: string[]) =>
    yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: model',
      ...(lines.length > 0 ? ['  annotations:', ...lines.map((line) => `    ${line}`)] : []),
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: server',
      '          image: model:latest',
      '          resources: {requests: {nvidia.com/gpu: 1}}',
    );
  return workload(annotationLines) + '---\n' + workload([]);
}

/** The rule ids found in the first document and in the second, each sorted and without repeats. */
function ruleIds(text: string): [string[], string[]] {
  const split = text.split('\n').indexOf('---');
  const findings = lintManifest(text, { rules: kubernetesRules.filter((rule) => rule.id < 'MLO215') });
  const ids = (inFirst: boolean) => [...new Set(findings.filter((f) => f.range.start.line < split === inFirst).map((f) => f.code))].sort();
  return [ids(true), ids(false)];
}

const EVERY_FINDING = ['MLO201', 'MLO202', 'MLO203', 'MLO204', 'MLO206', 'MLO208', 'MLO209', 'MLO210', 'MLO211'];

function without(...ids: string[]): string[] {
  return EVERY_FINDING.filter((id) => !ids.includes(id));
}

describe('peer exemptions', () => {
  it('finds everything when nothing is exempted', () => {
    assert.deepEqual(ruleIds(annotated()), [EVERY_FINDING, EVERY_FINDING]);
  });

  it('kube-linter: ignore-check.kube-linter.io/<check> suppresses the rules of that check, whatever its value', () => {
    assert.deepEqual(ruleIds(annotated('ignore-check.kube-linter.io/run-as-non-root: "the image needs root"'))[0], without('MLO209'));
    assert.deepEqual(
      ruleIds(annotated('ignore-check.kube-linter.io/unset-cpu-requirements: ""', 'ignore-check.kube-linter.io/unset-memory-requirements: ""', 'ignore-check.kube-linter.io/latest-tag: x'))[0],
      without('MLO201', 'MLO202', 'MLO206'),
    );
    // A rule that stands for several checks is silenced only when all of them are exempted.
    assert.deepEqual(ruleIds(annotated('ignore-check.kube-linter.io/unset-cpu-requirements: ""'))[0], EVERY_FINDING);
  });

  it('kube-linter: ignore-all suppresses every rule with a kube-linter counterpart, and no other', () => {
    const [first, second] = ruleIds(annotated('kube-linter.io/ignore-all: "managed by the GPU operator"'));
    assert.deepEqual(first, ['MLO211']);
    assert.deepEqual(second, EVERY_FINDING);
  });

  it('kube-score: a comma-separated list, spaces allowed', () => {
    assert.deepEqual(ruleIds(annotated('kube-score/ignore: pod-probes, container-image-tag,container-security-context-privileged'))[0], without('MLO203', 'MLO204', 'MLO206', 'MLO210'));
  });

  it('Polaris: <check>-exempt and exempt, only when "true"', () => {
    assert.deepEqual(ruleIds(annotated('polaris.fairwinds.com/runAsPrivileged-exempt: "true"', 'polaris.fairwinds.com/privilegeEscalationAllowed-exempt: "true"'))[0], without('MLO210'));
    assert.deepEqual(ruleIds(annotated('polaris.fairwinds.com/cpuLimitsMissing-exempt: "TRUE"', 'polaris.fairwinds.com/memoryLimitsMissing-exempt: "true"'))[0], without('MLO201'));
    // One of the two checks MLO201 stands for: the memory limit is still wanted, so MLO201 still speaks.
    assert.deepEqual(ruleIds(annotated('polaris.fairwinds.com/cpuLimitsMissing-exempt: "true"'))[0], EVERY_FINDING);
    assert.deepEqual(ruleIds(annotated('polaris.fairwinds.com/runAsPrivileged-exempt: "false"'))[0], EVERY_FINDING);
    assert.deepEqual(ruleIds(annotated('polaris.fairwinds.com/exempt: "true"'))[0], ['MLO208', 'MLO211']);
  });

  it('Checkov: checkov.io/skip<n> with a reason', () => {
    assert.deepEqual(ruleIds(annotated('checkov.io/skip1: CKV_K8S_20=runs a setuid helper', 'checkov.io/skip2: CKV_K8S_14', 'checkov.io/skip3: CKV_K8S_16'))[0], without('MLO210', 'MLO206'));
  });

  it('unknown checks, other tools and look-alike keys suppress nothing', () => {
    const text = annotated('ignore-check.kube-linter.io/no-such-check: x', 'kube-score/ignore: ""', 'polaris.fairwinds.com/-exempt: "true"', 'example.com/kube-score/ignore: pod-probes', 'checkov.io/skip: CKV_K8S_20');
    assert.deepEqual(ruleIds(text)[0], EVERY_FINDING);
  });

  it('reads annotations of any shape without throwing', () => {
    assert.deepEqual([...peerExemptions(undefined)], []);
    assert.deepEqual([...peerExemptions(['kube-score/ignore'])], []);
    assert.deepEqual([...peerExemptions({ 'kube-score/ignore': 7, 'checkov.io/skip1': null })], []);
    assert.deepEqual([...peerExemptions({ 'polaris.fairwinds.com/exempt': true })].sort(), Object.keys(PEER_CHECKS).filter((id) => PEER_CHECKS[id].polaris.length > 0).sort());
  });
});

describe('PEER_CHECKS', () => {
  it('is keyed by rule ids of the Kubernetes catalogue, each with at least one peer id', () => {
    for (const [id, peers] of Object.entries(PEER_CHECKS)) {
      assert.match(id, /^MLO(2(0[1-9]|1[0-5])|3(0[1-9]|1[0-5]))$/);
      assert.deepEqual(Object.keys(peers).sort(), ['checkov', 'kubeLinter', 'kubeScore', 'polaris']);
      assert.ok(Object.values(peers).some((ids) => ids.length > 0), `${id} has a peer id`);
    }
  });

  it('names every per-object rule except those no peer checks', () => {
    const covered = kubernetesRules.map((rule) => rule.id).filter((id) => id in PEER_CHECKS);
    assert.deepEqual(
      kubernetesRules.map((rule) => rule.id).filter((id) => !covered.includes(id)),
      ['MLO211', 'MLO212', 'MLO213'],
    );
  });
});
