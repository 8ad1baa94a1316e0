import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { perObject } from '../../../../src/core/kubernetes/rule';
import { lintKubernetesFiles, ManifestIndex, type WorkspaceLintOptions } from '../../../../src/core/kubernetes/workspace';
import { workspaceRule } from '../../../../src/core/kubernetes/workspace/rule';
import { MLO303 } from '../../../../src/core/kubernetes/workspace/rules/MLO303';
import { workspaceRules } from '../../../../src/core/kubernetes/workspace/rules';
import { DEPLOYMENT, PDB } from './manifests';
import { yaml } from './workspaceRuleTester';

/** Every finding of a result as `path@line:character code`, in path order. */
function summary(results: Map<string, Finding[]>): string[] {
  return [...results].flatMap(([path, findings]) => findings.map((f) => `${path}@${f.range.start.line}:${f.range.start.character} ${f.code}`));
}

const ONLY_MLO303: WorkspaceLintOptions = { perObjectRules: [], workspaceRules: [MLO303] };

describe('ManifestIndex', () => {
  it('deleting the file that holds the PDB makes MLO303 appear on the Deployment; restoring it clears it', () => {
    const index = new ManifestIndex(ONLY_MLO303);
    index.set('/ws/deploy.yaml', DEPLOYMENT);
    index.set('/ws/pdb.yaml', PDB);
    assert.deepEqual(summary(index.findings()), []);
    index.delete('/ws/pdb.yaml');
    assert.deepEqual(summary(index.findings()), ['/ws/deploy.yaml@1:6 MLO303']);
    assert.deepEqual(index.paths(), ['/ws/deploy.yaml']);
    assert.equal(index.has('/ws/pdb.yaml'), false);
    index.set('/ws/pdb.yaml', PDB);
    assert.deepEqual(summary(index.findings()), []);
    index.set('/ws/pdb.yaml', PDB.replace('app: model-server', 'app: other'));
    assert.deepEqual(summary(index.findings()), ['/ws/deploy.yaml@1:6 MLO303']);
  });

  it('runs per-object rules once per text of a file, and workspace rules on every call', () => {
    let perObjectRuns = 0;
    let workspaceRuns = 0;
    const counting = perObject({ id: 'T1', defaultSeverity: 'info', title: 't', guide: 't' }, () => void perObjectRuns++);
    const everyTime = workspaceRule({ id: 'T2', defaultSeverity: 'info', title: 't', guide: 't' }, () => void workspaceRuns++);
    const index = new ManifestIndex({ perObjectRules: [counting], workspaceRules: [everyTime] });
    index.set('a.yaml', DEPLOYMENT);
    index.set('b.yaml', PDB);
    index.findings();
    assert.deepEqual([perObjectRuns, workspaceRuns], [2, 1]);
    index.findings();
    index.set('a.yaml', DEPLOYMENT);
    index.findings();
    assert.deepEqual([perObjectRuns, workspaceRuns], [2, 3]);
    index.set('a.yaml', DEPLOYMENT.replace('replicas: 3', 'replicas: 4'));
    index.findings();
    assert.deepEqual([perObjectRuns, workspaceRuns], [3, 4]);
  });

  it('merges per-file and workspace findings in position order, and gives every path an entry', () => {
    const results = lintKubernetesFiles(
      [
        { path: 'deploy.yaml', text: DEPLOYMENT },
        { path: 'notes.yaml', text: yaml('title: not a manifest') },
      ],
      { workspaceRules: [MLO303] },
    );
    const codes = results.get('deploy.yaml')!.map((f) => f.code);
    assert.ok(codes.includes('MLO303') && codes.includes('MLO201'), codes.join());
    const lines = results.get('deploy.yaml')!.map((f) => f.range.start.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    assert.deepEqual(results.get('notes.yaml'), []);
  });

  it('reads each file its own config: a rule off for one path still reports on others', () => {
    const results = lintKubernetesFiles(
      [
        { path: 'a/deploy.yaml', text: DEPLOYMENT },
        { path: 'b/deploy.yaml', text: DEPLOYMENT.replace('  name: model-server\n', '  name: model-server\n  namespace: b\n') },
      ],
      { ...ONLY_MLO303, config: (path) => (path.startsWith('a/') ? { rules: { MLO303: 'off' } } : { rules: { MLO303: 'error' } }) },
    );
    assert.deepEqual(summary(results), ['b/deploy.yaml@1:6 MLO303']);
    assert.equal(results.get('b/deploy.yaml')![0].severity, 'error');
  });

  it('does not run a rule that every config turns off', () => {
    let runs = 0;
    const rule = workspaceRule({ id: 'T3', defaultSeverity: 'warning', title: 't', guide: 't' }, () => void runs++);
    lintKubernetesFiles([{ path: 'a.yaml', text: DEPLOYMENT }], { perObjectRules: [], workspaceRules: [rule], config: { rules: { T3: 'off' } } });
    assert.equal(runs, 0);
  });

  it('reports a workspace rule that throws and still returns the other rules’ findings', () => {
    const errors: string[] = [];
    const broken = workspaceRule({ id: 'T4', defaultSeverity: 'warning', title: 't', guide: 't' }, () => {
      throw new Error('boom');
    });
    const results = lintKubernetesFiles([{ path: 'a.yaml', text: DEPLOYMENT }], { perObjectRules: [], workspaceRules: [broken, MLO303], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['T4']);
    assert.deepEqual(summary(results), ['a.yaml@1:6 MLO303']);
  });

  it('suppresses workspace findings with the pragma and the annotation, as per-object findings', () => {
    const suppressed = lintKubernetesFiles(
      [
        { path: 'a.yaml', text: `# mlops-deploy ignore=MLO303\n${DEPLOYMENT}` },
        { path: 'b.yaml', text: DEPLOYMENT.replace('  name: model-server\n', '  name: b\n  annotations:\n    mlops-deploy.io/ignore: mlo303\n') },
        { path: 'c.yaml', text: `# mlops-deploy ignore=MLO302\n${DEPLOYMENT.replace('  name: model-server\n', '  name: c\n')}` },
      ],
      ONLY_MLO303,
    );
    assert.deepEqual(summary(suppressed), ['c.yaml@2:6 MLO303']);
  });

  it('still indexes the good documents of a file with a syntax error, and skips Helm templates and binary files', () => {
    const results = lintKubernetesFiles(
      [
        { path: 'deploy.yaml', text: `${DEPLOYMENT}---\nkind: [unclosed\n` },
        { path: 'chart/templates/pdb.yaml', text: PDB.replace('name: model-server', 'name: {{ .Release.Name }}') },
        { path: 'binary.yaml', text: `${PDB}\u0000` },
      ],
      ONLY_MLO303,
    );
    assert.deepEqual(summary(results), ['chart/templates/pdb.yaml@3:8 yaml-helm-skipped', 'deploy.yaml@1:6 MLO303', 'deploy.yaml@23:0 yaml-syntax']);
  });

  it('respects namespaces: a PDB selects pods only in its own namespace', () => {
    const inProd = PDB.replace('  name: model-server\n', '  name: model-server\n  namespace: prod\n');
    const results = lintKubernetesFiles([{ path: 'deploy.yaml', text: DEPLOYMENT }, { path: 'pdb.yaml', text: inProd }], ONLY_MLO303);
    assert.deepEqual(summary(results), ['deploy.yaml@1:6 MLO303']);
  });

  it("re-renders a kustomization's files when it changes, and stops when it is deleted", () => {
    const index = new ManifestIndex(ONLY_MLO303);
    index.set('app/deploy.yaml', DEPLOYMENT);
    index.set('app/kustomization.yaml', yaml('namespace: ml', 'resources: [deploy.yaml]'));
    index.set('policies/pdb.yaml', PDB.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n'));
    assert.deepEqual(summary(index.findings()), []);
    index.set('app/kustomization.yaml', yaml('namespace: ml-staging', 'resources: [deploy.yaml]'));
    assert.deepEqual(summary(index.findings()), ['app/deploy.yaml@1:6 MLO303']);
    index.set('app/kustomization.yaml', yaml('namespace: ml', 'resources: [deploy.yaml]'));
    assert.deepEqual(summary(index.findings()), []);
    index.delete('app/kustomization.yaml');
    assert.deepEqual(summary(index.findings()), ['app/deploy.yaml@1:6 MLO303']);
  });

  it('uses the last text of a path given twice', () => {
    const results = lintKubernetesFiles(
      [
        { path: 'pdb.yaml', text: PDB },
        { path: 'deploy.yaml', text: DEPLOYMENT },
        { path: 'pdb.yaml', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x') },
      ],
      ONLY_MLO303,
    );
    assert.deepEqual(summary(results), ['deploy.yaml@1:6 MLO303']);
  });

  it('registers MLO301–MLO306 in id order, as workspace rules', () => {
    const ids = workspaceRules.map((rule) => rule.id);
    assert.deepEqual(ids.slice(0, 6), ['MLO301', 'MLO302', 'MLO303', 'MLO304', 'MLO305', 'MLO306']);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(workspaceRules.every((rule) => rule.kind === 'kubernetes' && rule.scope === 'workspace'));
  });
});

describe('bad input', () => {
  const ours = workspaceRules.filter((rule) => ['MLO301', 'MLO302', 'MLO303', 'MLO304', 'MLO305', 'MLO306'].includes(rule.id));
  const shapes = [
    '- a list\n- of items\n',
    'just a scalar\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: a string\nspec: 3\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [x], namespace: 7}\nspec: {selector: [a], template: {metadata: {labels: [x]}, spec: {containers: "c", volumes: {a: 1}}}}\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {metadata: {labels: {app: 1}}, spec: {serviceAccountName: 5, containers: [null, 3, {ports: "x", env: [null, {valueFrom: 3}], envFrom: [1, {secretRef: "s"}]}]}}}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: [app]}\n---\napiVersion: v1\nkind: Service\nspec: {selector: {app: 1}}\n',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {selector: {matchLabels: "x", matchExpressions: [{key: app, operator: Bogus}]}}\n',
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {podSelector: "all"}\n',
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {scaleTargetRef: [x]}\n---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec: {scaleTargetRef: {name: 3}}\n',
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec: {workloadRef: "d", template: 3}\n',
    'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: e}\nspec: {target: 5}\n---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec: {template: {metadata: []}}\n',
    'a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d]\n',
    '\t\tkind: [\n',
  ];

  it('never throws, and no rule fails, on odd shapes of every kind the rules read', () => {
    const errors: string[] = [];
    const files = shapes.map((text, i) => ({ path: `odd/${i}.yaml`, text }));
    files.push({ path: 'odd/kustomization.yaml', text: 'resources: {a: 1}\nnamespace: [x]\nconfigMapGenerator: [3, {name: 4}]\ncommonLabels: 5\nlabels: [3, {pairs: 4}]\n' });
    files.push({ path: 'odd/Kustomization', text: 'resources: [../odd, ., 0.yaml, "https://x/y"]\n' });
    const results = lintKubernetesFiles(files, { workspaceRules: ours, onRuleError: (id, error) => errors.push(`${id}: ${String(error)}`) });
    assert.deepEqual(errors, []);
    assert.equal(results.size, files.length);
  });
});
