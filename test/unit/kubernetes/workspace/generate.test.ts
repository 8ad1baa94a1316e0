import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifestFile } from '../../../../src/core/kubernetes/parse';
import {
  buildHorizontalPodAutoscaler,
  buildNetworkPolicy,
  buildPodDisruptionBudget,
  buildService,
  buildServiceAccount,
  describeWorkload,
  toYaml,
  type WorkloadDescription,
} from '../../../../src/core/kubernetes/workspace/generate';
import { DEPLOYMENT } from './manifests';
import { yaml } from './workspaceRuleTester';

function objectOf(text: string) {
  const object = parseManifestFile(text).documents[0].object;
  assert.ok(object);
  return object;
}

const DESCRIPTION: WorkloadDescription = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'model-server',
  podLabels: { app: 'model-server', version: 'v1' },
  selector: { matchLabels: { app: 'model-server' } },
  ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090 }],
  replicas: 3,
};

describe('describeWorkload', () => {
  it('reads name, labels, selector, ports (not of init containers, each once) and replicas', () => {
    const text = DEPLOYMENT.replace(
      '      containers:\n',
      '      initContainers:\n        - name: fetch\n          image: fetch:1.0.0\n          ports: [{containerPort: 7000}]\n      containers:\n',
    ).replace('              containerPort: 8080\n', '              containerPort: 8080\n            - containerPort: 9090\n            - containerPort: 8080\n            - {containerPort: 53, protocol: UDP}\n            - {containerPort: "x"}\n');
    assert.deepEqual(describeWorkload(objectOf(text)), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'model-server',
      namespace: undefined,
      podLabels: { app: 'model-server', version: 'v1' },
      selector: { matchLabels: { app: 'model-server' } },
      ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090 }, { containerPort: 53, protocol: 'UDP' }],
      replicas: 3,
    });
  });

  it('describes an Argo Rollout and a CronJob; not a Service, nor a workload without a name', () => {
    const rollout = describeWorkload(objectOf(DEPLOYMENT.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout')));
    assert.deepEqual(rollout?.ports, [{ containerPort: 8080, name: 'http' }]);
    assert.deepEqual(rollout?.podLabels, { app: 'model-server', version: 'v1' });
    const cron = describeWorkload(
      objectOf(yaml('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c, namespace: ml}', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        metadata: {labels: {app: c}}', '        spec:', '          containers: [{name: c, image: c:1}]')),
    );
    assert.deepEqual(cron, { apiVersion: 'batch/v1', kind: 'CronJob', name: 'c', namespace: 'ml', podLabels: { app: 'c' }, selector: undefined, ports: [], replicas: undefined });
    assert.equal(describeWorkload(objectOf(yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}'))), undefined);
    assert.equal(describeWorkload(objectOf(DEPLOYMENT.replace('  name: model-server\n', ''))), undefined);
  });
});

describe('builders', () => {
  it('a Service selects by the workload’s matchLabels and targets named ports by name', () => {
    assert.deepEqual(buildService(DESCRIPTION), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'model-server' },
      spec: {
        selector: { app: 'model-server' },
        ports: [
          { name: 'http', port: 8080, targetPort: 'http' },
          { name: 'tcp-9090', port: 9090, targetPort: 9090 },
        ],
      },
    });
  });

  it('a Service falls back to the pod labels when matchLabels are not plain pod labels, and needs ports and labels', () => {
    const byExpressions = buildService({ ...DESCRIPTION, selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } });
    assert.deepEqual(byExpressions?.spec, { selector: { app: 'model-server', version: 'v1' }, ports: (buildService(DESCRIPTION)!.spec as { ports: unknown }).ports });
    assert.equal(buildService({ ...DESCRIPTION, ports: [] }), undefined);
    assert.equal(buildService({ ...DESCRIPTION, podLabels: {}, selector: undefined }), undefined);
  });

  it('an HPA scales from two replicas at 70% CPU, up to at least ten', () => {
    const hpa = buildHorizontalPodAutoscaler({ ...DESCRIPTION, namespace: 'ml' }, 'other-name');
    assert.deepEqual(hpa, {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'other-name', namespace: 'ml' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'model-server' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    });
    assert.equal((buildHorizontalPodAutoscaler({ ...DESCRIPTION, replicas: 40 }).spec as { maxReplicas: number }).maxReplicas, 40);
  });

  it('a PDB never blocks every eviction, whatever the replicas', () => {
    for (const replicas of [undefined, 1, 2, 5]) {
      const pdb = buildPodDisruptionBudget({ ...DESCRIPTION, replicas });
      assert.deepEqual(pdb?.spec, { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow', selector: { matchLabels: { app: 'model-server' } } });
    }
    assert.deepEqual(buildPodDisruptionBudget({ ...DESCRIPTION, selector: undefined })?.spec, {
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      selector: { matchLabels: { app: 'model-server', version: 'v1' } },
    });
    assert.equal(buildPodDisruptionBudget({ ...DESCRIPTION, selector: undefined, podLabels: {} }), undefined);
  });

  it('a NetworkPolicy admits the container ports from the namespace only, or nothing without ports', () => {
    assert.deepEqual(buildNetworkPolicy({ ...DESCRIPTION, ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] })?.spec, {
      podSelector: { matchLabels: { app: 'model-server' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: 'TCP', port: 8080 }, { protocol: 'UDP', port: 53 }] }],
    });
    assert.deepEqual((buildNetworkPolicy({ ...DESCRIPTION, ports: [] })?.spec as { ingress: unknown }).ingress, []);
  });

  it('a ServiceAccount mounts no token', () => {
    assert.deepEqual(buildServiceAccount('sa', 'ml'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'ml' }, automountServiceAccountToken: false });
  });
});

describe('toYaml', () => {
  it('writes comments first, two-space indentation, no folding, and the given line break', () => {
    const long = 'x'.repeat(120);
    const text = toYaml({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { long } }, '\r\n', ['why']);
    assert.equal(text, `# why\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  long: ${long}\r\n`);
  });

  it('writes objects that parse back to themselves', () => {
    for (const object of [buildService(DESCRIPTION)!, buildHorizontalPodAutoscaler(DESCRIPTION), buildPodDisruptionBudget(DESCRIPTION)!, buildNetworkPolicy(DESCRIPTION)!]) {
      assert.deepEqual(objectOf(toYaml(object, '\n')), object);
    }
  });
});
