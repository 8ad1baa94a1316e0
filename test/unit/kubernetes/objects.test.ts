import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiGroupOf,
  containersOf,
  labelsOf,
  matchesLabelMap,
  matchesLabelSelector,
  podLabelsOf,
  valueAt,
  workloadKindOf,
  workloadPaths,
} from '../../../src/core/kubernetes/objects';
import { parseManifestFile, type KubernetesObject } from '../../../src/core/kubernetes/parse';

function objectOf(text: string): KubernetesObject {
  const object = parseManifestFile(text).documents[0]?.object;
  assert.ok(object, 'not a Kubernetes object');
  return object;
}

const POD_TEMPLATE = 'metadata:\n  labels: {app: model, tier: serving}\nspec:\n  initContainers: [{name: fetch, image: "f:1"}]\n  containers: [{name: server, image: "s:1"}, {name: proxy, image: "p:1"}]';

function indent(text: string, spaces: number): string {
  return text.replace(/^/gm, ' '.repeat(spaces));
}

const WORKLOADS: Record<string, string> = {
  Pod: `apiVersion: v1\nkind: Pod\n${POD_TEMPLATE}\n`,
  Deployment: `apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {matchLabels: {app: model}}\n  template:\n${indent(POD_TEMPLATE, 4)}\n`,
  StatefulSet: `apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n${indent(POD_TEMPLATE, 4)}\n`,
  DaemonSet: `apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n${indent(POD_TEMPLATE, 4)}\n`,
  ReplicaSet: `apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  template:\n${indent(POD_TEMPLATE, 4)}\n`,
  Job: `apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n${indent(POD_TEMPLATE, 4)}\n`,
  CronJob: `apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n${indent(POD_TEMPLATE, 8)}\n`,
};

describe('workloads', () => {
  it('knows each workload kind, and where it keeps its pod spec, labels and selector', () => {
    for (const [kind, text] of Object.entries(WORKLOADS)) {
      const object = objectOf(text);
      assert.equal(workloadKindOf(object), kind);
      const paths = workloadPaths(workloadKindOf(object)!);
      assert.deepEqual(valueAt(object, [...paths.podSpec, 'containers', 0, 'name']), 'server', kind);
      assert.deepEqual(podLabelsOf(object), { app: 'model', tier: 'serving' }, kind);
    }
    assert.deepEqual(workloadPaths('Deployment').selector, ['spec', 'selector']);
    assert.deepEqual(workloadPaths('CronJob').podSpec, ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    assert.deepEqual([workloadPaths('Pod').selector, workloadPaths('CronJob').selector], [undefined, undefined]);
  });

  it('does not take a kind of the same name from another API group, or an object that runs no pods, for a workload', () => {
    const notWorkloads = [
      'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\n',
      'apiVersion: example.com/v1\nkind: Deployment\n',
      'apiVersion: v1\nkind: Service\n',
      'apiVersion: apps/v1\nkind: pod\n',
    ];
    for (const text of notWorkloads) {
      const object = objectOf(text);
      assert.equal(workloadKindOf(object), undefined, text);
      assert.deepEqual([containersOf(object), podLabelsOf(object)], [[], {}]);
    }
    assert.equal(workloadKindOf(objectOf('apiVersion: extensions/v1beta1\nkind: Deployment\n')), 'Deployment');
  });

  it('reads the API group of an apiVersion', () => {
    assert.deepEqual(['v1', 'apps/v1', 'networking.k8s.io/v1'].map(apiGroupOf), ['', 'apps', 'networking.k8s.io']);
  });

  it('lists containers, then init containers, with paths that locate them in the text', () => {
    const text = WORKLOADS.CronJob;
    const document = parseManifestFile(text).documents[0];
    const entries = containersOf(document.object!);
    const base = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    assert.deepEqual(
      entries.map((entry) => [entry.list, entry.index, entry.container.name, entry.path]),
      [
        ['containers', 0, 'server', [...base, 'containers', 0]],
        ['containers', 1, 'proxy', [...base, 'containers', 1]],
        ['initContainers', 0, 'fetch', [...base, 'initContainers', 0]],
      ],
    );
    const proxy = document.locate(entries[1].path);
    assert.equal(proxy.exact, true);
    assert.equal(text.split('\n')[proxy.valueRange.start.line].slice(proxy.valueRange.start.character, proxy.valueRange.end.character), '{name: proxy, image: "p:1"}');
  });

  it('skips container entries that are not mappings but keeps the indices of the others', () => {
    const object = objectOf('apiVersion: v1\nkind: Pod\nspec:\n  containers: [oops, null, {name: real}]\n  initContainers: {name: wrong}\n');
    assert.deepEqual(
      containersOf(object).map((entry) => [entry.index, entry.path]),
      [[2, ['spec', 'containers', 2]]],
    );
  });

  it('reads a missing or mistyped step of a path as undefined', () => {
    const value = { spec: { containers: [{ name: 'a' }] } };
    assert.equal(valueAt(value, ['spec', 'containers', 0, 'name']), 'a');
    assert.equal(valueAt(value, ['spec', 'containers', 'name']), undefined);
    assert.equal(valueAt(value, ['spec', 0]), undefined);
    assert.equal(valueAt(value, ['spec', 'missing', 'deeper']), undefined);
    assert.equal(valueAt(value, []), value);
  });

  it('keeps only string label values, as the API server accepts only those', () => {
    assert.deepEqual(labelsOf({ app: 'model', version: 1, canary: true, empty: '' }), { app: 'model', empty: '' });
    assert.deepEqual([labelsOf(undefined), labelsOf(['app']), labelsOf('app=model')], [{}, {}, {}]);
  });
});

describe('matchesLabelSelector', () => {
  const pod = { app: 'model', tier: 'serving', track: 'canary' };

  const cases: Array<[string, unknown, boolean]> = [
    ['an empty selector selects every pod', {}, true],
    ['a missing selector selects none', undefined, false],
    ['a null selector selects none', null, false],
    ['matchLabels all present', { matchLabels: { app: 'model', tier: 'serving' } }, true],
    ['matchLabels with one value different', { matchLabels: { app: 'model', tier: 'batch' } }, false],
    ['matchLabels naming an absent label', { matchLabels: { zone: 'a' } }, false],
    ['matchLabels with a non-string value', { matchLabels: { app: 1 } }, false],
    ['matchLabels empty', { matchLabels: {} }, true],
    ['In with the value', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['serving', 'batch'] }] }, true],
    ['In without the value', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['batch'] }] }, false],
    ['In on an absent label', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, false],
    ['In with no values is invalid', { matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, false],
    ['NotIn with another value', { matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['stable'] }] }, true],
    ['NotIn with the value', { matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }, false],
    ['NotIn on an absent label holds', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    ['Exists on a present label', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    ['Exists on an absent label', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
    ['Exists with values is invalid', { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['model'] }] }, false],
    ['DoesNotExist on an absent label', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, true],
    ['DoesNotExist on a present label', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    ['an unknown operator is invalid', { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['model'] }] }, false],
    ['a lower-case operator is invalid', { matchExpressions: [{ key: 'app', operator: 'exists' }] }, false],
    ['an expression without a key is invalid', { matchExpressions: [{ operator: 'Exists' }] }, false],
    ['matchExpressions that is not a list is invalid', { matchExpressions: { key: 'app', operator: 'Exists' } }, false],
    [
      'matchLabels and every expression must all hold',
      { matchLabels: { app: 'model' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['serving'] }, { key: 'track', operator: 'Exists' }] },
      true,
    ],
    ['one failing expression fails the selector', { matchLabels: { app: 'model' }, matchExpressions: [{ key: 'track', operator: 'DoesNotExist' }] }, false],
    ['a failing matchLabels fails the selector', { matchLabels: { app: 'other' }, matchExpressions: [{ key: 'track', operator: 'Exists' }] }, false],
  ];

  for (const [name, selector, expected] of cases) {
    it(name, () => assert.equal(matchesLabelSelector(selector, pod), expected));
  }

  it('selects the pods of a workload read from YAML', () => {
    const object = objectOf(WORKLOADS.Deployment);
    assert.equal(matchesLabelSelector(valueAt(object, workloadPaths('Deployment').selector!), podLabelsOf(object)), true);
  });
});

describe('matchesLabelMap', () => {
  it('requires every label of the map with the same value, and matches every pod when empty', () => {
    const pod = { app: 'model', tier: 'serving' };
    assert.equal(matchesLabelMap({ app: 'model' }, pod), true);
    assert.equal(matchesLabelMap({ app: 'model', tier: 'batch' }, pod), false);
    assert.equal(matchesLabelMap({ zone: 'a' }, pod), false);
    assert.equal(matchesLabelMap({ app: true }, pod), false);
    assert.equal(matchesLabelMap({}, pod), true);
    assert.equal(matchesLabelMap({ toString: 'x' }, {}), false);
  });
});
