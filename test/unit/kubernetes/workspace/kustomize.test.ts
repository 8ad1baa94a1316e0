import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  expandKustomizeResources,
  readKustomization,
  renderingsOf,
  renderObject,
  AS_WRITTEN,
  type KustomizeHost,
} from '../../../../src/core/kubernetes/workspace/kustomize';
import { yaml } from './workspaceRuleTester';

describe('readKustomization', () => {
  it('reads resources, bases and components, the namespace and the labels', () => {
    const kustomization = readKustomization(
      yaml(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'namespace: ml',
        'resources: [deploy.yaml, ../base]',
        'bases: [../old-base]',
        'components: [../components/monitoring]',
        'commonLabels: {team: ml, version: 2}',
        'labels:',
        '  - pairs: {tier: serving}',
        '    includeSelectors: true',
        '  - pairs: {owner: platform}',
        '    includeTemplates: true',
        '  - pairs: {cost-center: "42"}',
        'configMapGenerator:',
        '  - name: model-config',
        'secretGenerator:',
        '  - name: model-credentials',
        '  - {envs: [.env]}',
      ),
    );
    assert.deepEqual(kustomization, {
      resources: ['deploy.yaml', '../base', '../old-base', '../components/monitoring'],
      namespace: 'ml',
      // A label whose value is not a string is not a label Kubernetes accepts; it is left out.
      selectorLabels: { team: 'ml', tier: 'serving' },
      templateLabels: { owner: 'platform' },
      metadataLabels: { 'cost-center': '42' },
    });
  });

  it('reads broken or odd text as a kustomization that adds nothing', () => {
    const empty = { resources: [], namespace: undefined, selectorLabels: {}, templateLabels: {}, metadataLabels: {} };
    for (const text of ['', '- a\n- b\n', 'resources: {a: 1}\nnamespace: 3\n', 'resources: [unclosed\n', '\u0000']) {
      assert.deepEqual(readKustomization(text), empty, JSON.stringify(text));
    }
  });
});

describe('renderingsOf', () => {
  const kustomizations = new Map([
    ['base/kustomization.yaml', readKustomization(yaml('namespace: base', 'commonLabels: {app: m}', 'resources: [deploy.yaml, https://github.com/org/repo//x?ref=v1]'))],
    ['overlays/prod/kustomization.yaml', readKustomization(yaml('namespace: prod', 'commonLabels: {env: prod}', 'resources: [../../base, extra.yaml]'))],
    ['overlays/dev/kustomization.yml', readKustomization(yaml('resources: [../../base]'))],
  ]);
  const paths = new Set(['base/deploy.yaml', 'overlays/prod/extra.yaml', 'loose.yaml', ...kustomizations.keys()]);

  it('renders a base once per top-level overlay, the outer namespace winning and the labels merged', () => {
    const renderings = renderingsOf(paths, kustomizations);
    assert.deepEqual(renderings.get('base/deploy.yaml'), [
      { namespace: 'base', selectorLabels: { app: 'm' }, templateLabels: {}, metadataLabels: {} },
      { namespace: 'prod', selectorLabels: { app: 'm', env: 'prod' }, templateLabels: {}, metadataLabels: {} },
    ]);
    assert.deepEqual(renderings.get('overlays/prod/extra.yaml'), [{ namespace: 'prod', selectorLabels: { env: 'prod' }, templateLabels: {}, metadataLabels: {} }]);
    assert.equal(renderings.get('loose.yaml'), undefined);
  });

  it('survives kustomizations that list each other in a cycle', () => {
    const cycle = new Map([
      ['a/kustomization.yaml', readKustomization(yaml('namespace: a', 'resources: [../b]'))],
      ['b/kustomization.yaml', readKustomization(yaml('resources: [../a, x.yaml]'))],
    ]);
    const renderings = renderingsOf(new Set(['a/kustomization.yaml', 'b/kustomization.yaml', 'b/x.yaml']), cycle);
    assert.deepEqual(renderings.get('b/x.yaml'), [{ namespace: 'a', selectorLabels: {}, templateLabels: {}, metadataLabels: {} }]);
  });
});

describe('renderObject', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'm', namespace: 'mine' },
    spec: { selector: { matchLabels: { app: 'm' } }, template: { metadata: { labels: { app: 'm' } }, spec: {} } },
  };

  it('sets the namespace, and adds labels to metadata, pod template and selector, without changing the original', () => {
    const before = structuredClone(deployment);
    const rendered = renderObject(deployment, { namespace: 'ml', selectorLabels: { env: 'prod' }, templateLabels: { owner: 'p' }, metadataLabels: { cost: '1' } });
    assert.deepEqual(rendered, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'm', namespace: 'ml', labels: { cost: '1', owner: 'p', env: 'prod' } },
      spec: { selector: { matchLabels: { app: 'm', env: 'prod' } }, template: { metadata: { labels: { app: 'm', owner: 'p', env: 'prod' } }, spec: {} } },
    });
    assert.deepEqual(deployment, before);
    assert.equal(renderObject(deployment, AS_WRITTEN), deployment);
  });

  it('leaves cluster-scoped objects without a namespace, and an empty podSelector selecting all', () => {
    const role = renderObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } }, { ...AS_WRITTEN, namespace: 'ml' });
    assert.deepEqual(role.metadata, { name: 'r' });
    const policy = renderObject({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' }, spec: { podSelector: {} } }, { ...AS_WRITTEN, selectorLabels: { env: 'prod' } });
    assert.deepEqual(policy.spec, { podSelector: {} });
  });
});

describe('expandKustomizeResources', () => {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (relative: string, text: string): string => {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const host: KustomizeHost = {
    readFile: async (path) => {
      try {
        return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    listDir: (path) => {
      try {
        return statSync(path).isDirectory() ? readdirSync(path) : undefined;
      } catch {
        return undefined;
      }
    },
  };

  it('adds the files that kustomizations reach, across folders, once each', async () => {
    const base = write('base/kustomization.yaml', yaml('resources:', '  - deploy.yaml', '  - service.yml', '  - missing.yaml'));
    const deploy = write('base/deploy.yaml', 'kind: Deployment\n');
    const service = write('base/service.yml', 'kind: Service\n');
    write('base/unlisted.yaml', 'kind: ConfigMap\n');
    const components = write('components/monitoring/Kustomization', yaml('resources: [monitor.yaml]'));
    const monitor = write('components/monitoring/monitor.yaml', 'kind: ServiceMonitor\n');
    write('folder-without-kustomization/a.yaml', 'kind: Pod\n');
    const overlay = write(
      'overlays/prod/kustomization.yml',
      yaml('resources:', '  - ../../base', '  - ../../base', '  - ../../folder-without-kustomization', '  - github.com/org/repo/manifests?ref=v1', '  - https://example.com/x.yaml', '  - pdb.yaml'),
    );
    const pdb = write('overlays/prod/pdb.yaml', 'kind: PodDisruptionBudget\n');
    write('overlays/prod/kustomization.yml', readFileSync(overlay, 'utf8').replace('resources:\n', 'components: [../../components/monitoring]\nresources:\n'));
    const given = write('loose.yaml', 'kind: Pod\n');
    const expanded = await expandKustomizeResources([given, overlay], host);
    assert.deepEqual(expanded, [given, overlay, base, pdb, components, deploy, service, monitor]);
  });

  it('returns the given files as they are when none is a kustomization', async () => {
    const a = write('plain/a.yaml', 'kind: Pod\n');
    assert.deepEqual(await expandKustomizeResources([a, join(root, 'plain/none.yaml')], host), [a, join(root, 'plain/none.yaml')]);
  });
});
