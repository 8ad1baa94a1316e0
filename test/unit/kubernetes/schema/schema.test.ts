import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KNOWN_CUSTOM_RESOURCES, knownCustomResource } from '../../../../src/core/kubernetes/crds';
import type { KubernetesObject } from '../../../../src/core/kubernetes/parse';
import { checkAgainstSchema, closest, pathText } from '../../../../src/core/kubernetes/schema/check';
import { loadSchemas } from '../../../../src/core/kubernetes/schema/loader';
import { RE2 } from '../../../../src/core/kubernetes/schema/re2';
import { BUILT_IN_GROUPS, BUILT_IN_KINDS, builtInKind, isServedIn, minorOf, servingVersionsOf } from '../../../../src/core/kubernetes/schema/versions';

describe('the version table and the bundled schemas', () => {
  const schemas = loadSchemas();

  it('knows every kind kubernetes-models has a schema for', () => {
    const missing = schemas.builtInSchemaKinds().filter((key) => {
      const [apiVersion, kind] = key.split(' ');
      const entry = builtInKind(apiVersion, kind);
      return entry === undefined || entry.optIn;
    });
    assert.deepEqual(missing, []);
  });

  it('has a schema for every kind it says a cluster serves by default', () => {
    const withoutSchema = BUILT_IN_KINDS.filter((entry) => !entry.optIn && !entry.clientSide && !schemas.hasSchema(entry.apiVersion, entry.kind)).map((entry) => `${entry.apiVersion} ${entry.kind}`);
    assert.deepEqual(withoutSchema, []);
  });

  it('serves each kind in the versions of the deprecation guide', () => {
    const served = (apiVersion: string, kind: string, minor: number) => isServedIn(builtInKind(apiVersion, kind)!, minor);
    assert.equal(served('extensions/v1beta1', 'Ingress', 21), true);
    assert.equal(served('extensions/v1beta1', 'Ingress', 22), false);
    assert.equal(served('batch/v1', 'CronJob', 20), false);
    assert.equal(served('batch/v1', 'CronJob', 21), true);
    assert.equal(served('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 31), true);
    assert.equal(served('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 32), false);
    assert.deepEqual(servingVersionsOf('HorizontalPodAutoscaler', 33), ['autoscaling/v1', 'autoscaling/v2']);
    assert.deepEqual(servingVersionsOf('PodDisruptionBudget', 24), ['policy/v1', 'policy/v1beta1']);
  });

  it('tells built-in groups from custom ones, including groups under k8s.io that are custom', () => {
    for (const group of ['', 'apps', 'batch', 'networking.k8s.io', 'resource.k8s.io']) assert.ok(BUILT_IN_GROUPS.has(group), group);
    for (const group of ['gateway.networking.k8s.io', 'snapshot.storage.k8s.io', 'monitoring.coreos.com']) assert.ok(!BUILT_IN_GROUPS.has(group), group);
  });

  it('reads the versions people write', () => {
    assert.equal(minorOf('1.28'), 28);
    assert.equal(minorOf('v1.29.3'), 29);
    assert.equal(minorOf('1.30.2-eks-1a2b3c'), 30);
    assert.equal(minorOf(' 1.31+k3s1 '), 31);
    assert.equal(minorOf('latest'), undefined);
    assert.equal(minorOf('2.0'), undefined);
  });
});

describe('the known custom resources', () => {
  const schemas = loadSchemas();

  it('have a bundled schema for every version they say they check', () => {
    for (const resource of KNOWN_CUSTOM_RESOURCES) {
      for (const version of resource.schemaVersions) {
        const apiVersion = `${resource.group}/${version}`;
        assert.ok(schemas.hasSchema(apiVersion, resource.kind), `${apiVersion} ${resource.kind}`);
        assert.equal(typeof schemas.schemaCheckFor(apiVersion, resource.kind), 'function');
      }
    }
  });

  it('are found by group and kind in any version, and tell what they count as', () => {
    assert.equal(knownCustomResource({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret' })?.countsAs, 'secret');
    assert.equal(knownCustomResource({ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject' })?.countsAs, 'autoscaler');
    assert.equal(knownCustomResource({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor' })?.countsAs, 'scrape-config');
    assert.equal(knownCustomResource({ apiVersion: 'example.com/v1', kind: 'ScaledObject' }), undefined);
  });

  it('name the Secret an ExternalSecret or SealedSecret creates, and the workload a ScaledObject scales', () => {
    const object = (apiVersion: string, kind: string, rest: object): KubernetesObject => ({ apiVersion, kind, ...rest });
    const external = object('external-secrets.io/v1', 'ExternalSecret', { metadata: { name: 'es' }, spec: { target: { name: 'db-credentials' } } });
    assert.equal(knownCustomResource(external)?.secretName?.(external), 'db-credentials');
    const untargeted = object('external-secrets.io/v1', 'ExternalSecret', { metadata: { name: 'es' }, spec: {} });
    assert.equal(knownCustomResource(untargeted)?.secretName?.(untargeted), 'es');
    const sealed = object('bitnami.com/v1alpha1', 'SealedSecret', { metadata: { name: 'token' } });
    assert.equal(knownCustomResource(sealed)?.secretName?.(sealed), 'token');
    const scaled = object('keda.sh/v1alpha1', 'ScaledObject', { spec: { scaleTargetRef: { name: 'model' } } });
    assert.deepEqual(knownCustomResource(scaled)?.scaleTarget?.(scaled), { kind: 'Deployment', name: 'model' });
    const statefulSet = object('keda.sh/v1alpha1', 'ScaledObject', { spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'db' } } });
    assert.deepEqual(knownCustomResource(statefulSet)?.scaleTarget?.(statefulSet), { kind: 'StatefulSet', name: 'db' });
  });
});

describe('checking a value against a schema', () => {
  const pod = loadSchemas().schemaCheckFor('v1', 'Pod')!;

  it('finds unknown fields at any depth, and not in maps or free-form fields', () => {
    const issues = checkAgainstSchema(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { 'app.kubernetes.io/name': 'p' }, annotations: { anything: 'x' } },
        spec: { containers: [{ name: 'a', image: 'b', resources: { limits: { 'example.com/fpga': 1 } }, securityContext: { runAsNonroot: true } }] },
      },
      pod,
      { unknownFields: 'all' },
    );
    assert.deepEqual(
      issues.map((issue) => [issue.kind, pathText(issue.path), issue.message]),
      [['unknown-field', 'spec.containers[0].securityContext.runAsNonroot', 'Unknown field `spec.containers[0].securityContext.runAsNonroot` (did you mean `runAsNonRoot`?).']],
    );
  });

  it('reads YAML timestamps and binary values as the strings the API server sees', () => {
    const issues = checkAgainstSchema({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: new Date('2024-05-01T12:00:00Z') }, spec: { containers: [] } }, pod, { unknownFields: 'all' });
    assert.deepEqual(issues, []);
    const secret = loadSchemas().schemaCheckFor('v1', 'Secret')!;
    assert.deepEqual(checkAgainstSchema({ apiVersion: 'v1', kind: 'Secret', data: { key: Buffer.from('any bytes') } }, secret, { unknownFields: 'all' }), []);
  });

  it('reports a value used twice through an anchor at both places', () => {
    const container = { name: 'a', image: 'b', imagePullPolicy: 'always' };
    const issues = checkAgainstSchema({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [container], initContainers: [container] } }, pod, { unknownFields: 'all' });
    assert.deepEqual(issues.map((issue) => pathText(issue.path)).sort(), ['spec.containers[0].imagePullPolicy', 'spec.initContainers[0].imagePullPolicy']);
  });

  it('keeps custom resources to near-misses in typos mode', () => {
    const monitor = loadSchemas().schemaCheckFor('monitoring.coreos.com/v1', 'ServiceMonitor')!;
    const value = { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', spec: { selector: {}, endpoints: [{ port: 'http', intervall: '30s', someNewField: true }] } };
    assert.deepEqual(checkAgainstSchema(value, monitor, { unknownFields: 'typos' }).map((issue) => pathText(issue.path)), ['spec.endpoints[0].intervall']);
    assert.deepEqual(checkAgainstSchema(value, monitor, { unknownFields: 'all' }).map((issue) => pathText(issue.path)), ['spec.endpoints[0].intervall', 'spec.endpoints[0].someNewField']);
  });

  it('suggests names that differ by case, a letter, or two swapped letters, and nothing far off', () => {
    const fields = ['resources', 'readinessProbe', 'livenessProbe', 'image', 'imagePullPolicy'];
    assert.equal(closest('resource', fields), 'resources');
    assert.equal(closest('livenessprobe', fields), 'livenessProbe');
    assert.equal(closest('imgae', fields), 'image');
    assert.equal(closest('readinesProbe', fields), 'readinessProbe');
    assert.equal(closest('gpu', fields), undefined);
    assert.equal(closest('startupProbe', fields), undefined);
  });

  it('writes paths as people read them', () => {
    assert.equal(pathText(['spec', 'template', 'spec', 'containers', 0, 'resources']), 'spec.template.spec.containers[0].resources');
    assert.equal(pathText(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels["app.kubernetes.io/name"]');
    assert.equal(pathText([]), '');
  });
});

describe('the RE2 stand-in of the schema bundle', () => {
  // What the build replaces (re2-wasm, as kubernetes-models' runtime exports it): the stand-in must agree with it on
  // the bundled schemas' RE2 pattern.
  const RealRE2 = require('@kubernetes-models/validate/runtime/re2').default as new (pattern: string, flags: string) => { test(text: string): boolean };

  it('matches what re2-wasm matches', () => {
    const pattern = '^(?i)(abort|warn)?$';
    const ours = new RE2(pattern, 'u');
    const real = new RealRE2(pattern, 'u');
    for (const text of ['', 'abort', 'WARN', 'Warn', 'warning', 'ab', ' warn', 'abortwarn']) {
      assert.equal(ours.test(text), real.test(text), text);
    }
  });
});
