import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintKubernetesFiles } from '../../../../src/core/kubernetes/workspace';
import { workspaceRule, type WorkspaceRuleContext } from '../../../../src/core/kubernetes/workspace/rule';
import {
  findObjects,
  findWorkload,
  namespaceOf,
  selectedByLabelSelector,
  selectedByServiceSelector,
  workloadsOf,
} from '../../../../src/core/kubernetes/workspace/select';
import { DEPLOYMENT, DEPLOYMENT_IN_ML } from './manifests';
import { yaml } from './workspaceRuleTester';

/** Runs `inspect` inside a workspace rule over these files, as the rules see them. */
function withContext(files: Record<string, string>, inspect: (context: WorkspaceRuleContext) => void): void {
  let ran = false;
  const errors: unknown[] = [];
  const rule = workspaceRule({ id: 'T1', defaultSeverity: 'info', title: 't', guide: 't' }, (context) => {
    inspect(context);
    ran = true;
  });
  lintKubernetesFiles(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { perObjectRules: [], workspaceRules: [rule], onRuleError: (_id, error) => errors.push(error) },
  );
  assert.deepEqual(errors, []);
  assert.ok(ran);
}

const WORKER = DEPLOYMENT.replace(/model-server/g, 'worker').replace('        version: v1\n', '        version: v2\n');

describe('select', () => {
  it('reads workloads of every kind, with namespace, labels and pod spec path; not a Rollout that borrows its pods', () => {
    withContext(
      {
        'a.yaml': DEPLOYMENT_IN_ML,
        'b.yaml': yaml('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        metadata: {labels: {app: c}}', '        spec: {containers: []}'),
        'c.yaml': yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata: {name: r}', 'spec:', '  workloadRef: {kind: Deployment, name: model-server}'),
      },
      (context) => {
        const workloads = workloadsOf(context).map((w) => [w.kind, w.name, w.namespace, w.podLabels, w.podSpecPath.join('.')]);
        assert.deepEqual(workloads, [
          ['Deployment', 'model-server', 'ml', { app: 'model-server', version: 'v1' }, 'spec.template.spec'],
          ['CronJob', 'c', 'default', { app: 'c' }, 'spec.jobTemplate.spec.template.spec'],
        ]);
        assert.equal(findWorkload(context, 'ml', 'Deployment', 'model-server')?.name, 'model-server');
        assert.equal(findWorkload(context, 'default', 'Deployment', 'model-server'), undefined);
        assert.deepEqual(findObjects(context, 'default', 'Rollout', 'r').map((o) => o.path), ['c.yaml']);
        assert.deepEqual(findObjects(context, 'ml', 'Rollout', 'r'), []);
        assert.equal(namespaceOf(context.objects[2].object), 'default');
      },
    );
  });

  it('selects by label maps and LabelSelectors within one namespace, as the API server does', () => {
    withContext({ 'a.yaml': DEPLOYMENT, 'b.yaml': WORKER, 'c.yaml': DEPLOYMENT_IN_ML }, (context) => {
      const names = (list: ReadonlyArray<{ name?: string; namespace: string }>) => list.map((w) => `${w.namespace}/${w.name}`);
      assert.deepEqual(names(selectedByServiceSelector(context, 'default', { app: 'model-server' })), ['default/model-server']);
      assert.deepEqual(names(selectedByServiceSelector(context, 'ml', { app: 'model-server' })), ['ml/model-server']);
      // A Service without a selector, or with a value that is not a string, selects nothing.
      assert.deepEqual(selectedByServiceSelector(context, 'default', {}), []);
      assert.deepEqual(selectedByServiceSelector(context, 'default', { app: 1 }), []);
      assert.deepEqual(names(selectedByLabelSelector(context, 'default', {})), ['default/model-server', 'default/worker']);
      assert.deepEqual(selectedByLabelSelector(context, 'default', undefined), []);
      assert.deepEqual(names(selectedByLabelSelector(context, 'default', { matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v1'] }] })), ['default/worker']);
      assert.deepEqual(names(selectedByLabelSelector(context, 'default', { matchLabels: { app: 'worker' }, matchExpressions: [{ key: 'version', operator: 'In', values: ['v1'] }] })), []);
      assert.deepEqual(selectedByLabelSelector(context, 'default', { matchLabels: { app: 'model-server', tier: 'gpu' } }), []);
    });
  });
});
