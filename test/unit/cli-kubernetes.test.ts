import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: scorer',
  'spec:',
  '  replicas: 3',
  '  selector:',
  '    matchLabels:',
  '      app: scorer',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: scorer',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: registry.example.com/scorer:1.0.0',
  '',
].join('\n');

const PDB = ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: scorer', 'spec:', '  maxUnavailable: 1', '  selector:', '    matchLabels:', '      app: scorer', ''].join('\n');

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-cli-k8s-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function run(args: string[], cwd: string, stdin = ''): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => stdin, isTty: false, cwd, env: {} });
  return { status, stdout, stderr };
}

type Row = { file: string; line: number; column: number; code: string; level: string; message: string };

async function lintJson(args: string[], cwd: string, stdin = ''): Promise<{ status: number; rows: Row[]; stderr: string }> {
  const { status, stdout, stderr } = await run(['lint', '--format', 'json', ...args], cwd, stdin);
  return { status, rows: JSON.parse(stdout) as Row[], stderr };
}

describe('mlops-deploy lint on Kubernetes manifests', () => {
  it('finds manifests in folders by their content and leaves other YAML alone', async () => {
    const dir = project({
      'k8s/deployment.yaml': DEPLOYMENT,
      '.github/workflows/ci.yml': 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo [\n',
      'compose.yaml': 'services:\n  api:\n    image: app:latest\n    ports: [8000:8000\n',
    });
    const { rows, stderr } = await lintJson(['.'], dir);
    assert.equal(stderr, '');
    assert.deepEqual([...new Set(rows.map((r) => r.file))], ['k8s/deployment.yaml']);
    const codes = new Set(rows.map((r) => r.code));
    for (const code of ['MLO201', 'MLO202', 'MLO203', 'MLO204', 'MLO303']) assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    const limits = rows.find((r) => r.code === 'MLO201')!;
    // 1-based, on the container's list item.
    assert.equal(limits.line, 16);
    assert.equal(limits.column, 11);
  });

  it('checks workspace rules across every file given: a PDB in another file satisfies MLO303', async () => {
    const dir = project({ 'k8s/deployment.yaml': DEPLOYMENT, 'k8s/pdb.yaml': PDB });
    const together = await lintJson(['k8s'], dir);
    assert.ok(!together.rows.some((r) => r.code === 'MLO303'), JSON.stringify(together.rows));
    const alone = await lintJson(['k8s/deployment.yaml'], dir);
    assert.ok(alone.rows.some((r) => r.code === 'MLO303' && r.file === 'k8s/deployment.yaml'));
  });

  it('a YAML syntax error is one error at its place while the other documents are still checked', async () => {
    const dir = project({ 'broken.yaml': `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n` });
    const { status, rows } = await lintJson(['broken.yaml'], dir);
    assert.equal(status, 1);
    const syntax = rows.filter((r) => r.code === 'yaml-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(rows));
    assert.ok(syntax[0].line >= 19, `syntax error on line ${syntax[0].line}`);
    assert.ok(rows.some((r) => r.code === 'MLO201'), 'the Deployment before the broken document is still linted');
  });

  it('reads a manifest from stdin when its text holds a Kubernetes object', async () => {
    const { rows } = await lintJson(['-'], project({}), DEPLOYMENT);
    assert.ok(rows.some((r) => r.code === 'MLO201' && r.file === '-'));
    assert.ok(!rows.some((r) => r.code.startsWith('DL')), 'not read as a Dockerfile');
  });

  it("skips a Helm chart's templates met in a folder, and says so", async () => {
    const dir = project({
      'chart/Chart.yaml': 'apiVersion: v2\nname: scorer\nversion: 0.1.0\n',
      'chart/templates/deployment.yaml': DEPLOYMENT.replace('name: scorer', 'name: {{ .Release.Name }}'),
    });
    const { status, rows, stderr } = await lintJson(['.'], dir);
    assert.deepEqual(rows, []);
    assert.equal(status, 0);
    assert.match(stderr, /skipped 1 Helm template file; lint the output of `helm template`/);
    const named = await lintJson(['chart/templates/deployment.yaml'], dir);
    assert.deepEqual(
      named.rows.map((r) => r.code),
      ['yaml-helm-skipped'],
    );
    // The note is no finding about the file: naming a template (git ls-files '*.yaml') does not fail the run.
    assert.equal(named.status, 0);
  });

  it('ignore comments and annotations keep their findings out, in every format', async () => {
    const ignored = DEPLOYMENT.replace('      containers:', '      # mlops-deploy ignore=MLO201,MLO202\n      containers:');
    const dir = project({ 'k8s/deployment.yaml': ignored });
    const { rows } = await lintJson(['k8s'], dir);
    assert.ok(!rows.some((r) => r.code === 'MLO201' || r.code === 'MLO202'), JSON.stringify(rows.map((r) => r.code)));
    const sarif = JSON.parse((await run(['lint', '--format', 'sarif', 'k8s'], dir)).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string }> }>;
    };
    const ruleIds = sarif.runs[0].tool.driver.rules.map((r) => r.id);
    for (const result of sarif.runs[0].results) assert.ok(ruleIds.includes(result.ruleId) || !/^MLO/.test(result.ruleId), result.ruleId);
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'MLO303'));
  });

  it('lints a Dockerfile, manifests, a Triton config and mlops.yaml in one run', async () => {
    const dir = project({
      'Dockerfile': 'FROM python:3.11\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n',
      'k8s/deployment.yaml': DEPLOYMENT,
      'model_repository/scorer/config.pbtxt': 'name: "scorer"\nplatform: "onnxruntime_onnx"\nmax_batch_size: 8\n',
      'mlops.yaml': 'model: [\n',
    });
    const { rows } = await lintJson(['.'], dir);
    const files = [...new Set(rows.map((r) => r.file))].sort();
    assert.deepEqual(files, ['Dockerfile', 'k8s/deployment.yaml', 'mlops.yaml', 'model_repository/scorer/config.pbtxt']);
    assert.ok(rows.some((r) => r.file === 'mlops.yaml' && r.code === 'MLO401'));
    assert.ok(rows.some((r) => r.file === 'model_repository/scorer/config.pbtxt' && r.code === 'MLO506'), 'no version folder');
  });

  it('--fix writes the safe fixes of manifests and leaves the rest', async () => {
    const hpa = (apiVersion: string): string =>
      [`apiVersion: ${apiVersion}`, 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: scorer', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', '    name: scorer', '  minReplicas: 2', '  maxReplicas: 6', ''].join('\n');
    const dir = project({ 'k8s/deployment.yaml': DEPLOYMENT, 'k8s/hpa.yaml': hpa('autoscaling/v2beta2') });
    const before = await lintJson(['k8s'], dir);
    assert.ok(before.rows.some((r) => r.code === 'MLO214' && r.file === 'k8s/hpa.yaml'));
    const { stderr } = await run(['lint', '--fix', 'k8s'], dir);
    assert.match(stderr, /k8s\/hpa\.yaml: fixed/);
    assert.equal(readFileSync(join(dir, 'k8s/hpa.yaml'), 'utf8'), hpa('autoscaling/v2'));
    const after = await lintJson(['k8s'], dir);
    assert.ok(!after.rows.some((r) => r.code === 'MLO214'));
    assert.ok(after.rows.some((r) => r.code === 'MLO201'), 'suggestions are not applied by --fix');
  });

  it('checks apiVersions against the Kubernetes version from the flag or the config file', async () => {
    const hpa = ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: scorer', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scorer}', '  minReplicas: 2', '  maxReplicas: 6', ''].join('\n');
    const dir = project({ 'k8s/hpa.yaml': hpa, 'k8s/deployment.yaml': DEPLOYMENT });
    const served = (rows: Row[]): boolean => !rows.some((r) => r.code === 'MLO215');
    assert.ok(served((await lintJson(['k8s'], dir)).rows), 'autoscaling/v2 is served by the default version');
    const old = await lintJson(['--kubernetes-version', '1.20', 'k8s'], dir);
    assert.match(old.rows.find((r) => r.code === 'MLO215')?.message ?? '', /from 1\.23 on, but these manifests are for 1\.20/);
    // Unquoted, 1.20 is the number 1.2 to YAML; the version is read as written.
    writeFileSync(join(dir, '.mlops-deploy.yaml'), 'kubernetes:\n  version: 1.20\n');
    assert.ok(!served((await lintJson(['k8s'], dir)).rows));
    writeFileSync(join(dir, '.mlops-deploy.yaml'), 'kubernetes:\n  version: "1.30"\n');
    assert.ok(served((await lintJson(['k8s'], dir)).rows));
    writeFileSync(join(dir, '.mlops-deploy.yaml'), 'kubernetes:\n  version: latest\n');
    const bad = await lintJson(['k8s'], dir);
    assert.match(bad.stderr, /\.mlops-deploy\.yaml:2:12: error: `kubernetes\.version` must be a Kubernetes version such as "1\.30"\./);
    assert.equal((await run(['lint', '--kubernetes-version', 'x', 'k8s'], dir)).status, 2);
  });

  it('follows a kustomization to the resources it lists outside the folder given', async () => {
    const dir = project({
      'base/deployment.yaml': DEPLOYMENT,
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n  - pdb.yaml\n',
      'overlays/prod/pdb.yaml': PDB,
    });
    const { rows } = await lintJson(['overlays/prod'], dir);
    assert.ok(rows.some((r) => r.file === 'base/deployment.yaml' && r.code === 'MLO201'), JSON.stringify(rows.map((r) => `${r.file} ${r.code}`)));
    assert.ok(!rows.some((r) => r.code === 'MLO303'), 'the overlay\'s PDB covers the base Deployment');
    // --fix rewrites only the paths given: a base that other overlays share is reported, not changed.
    const oldHpa = ['apiVersion: autoscaling/v2beta2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: scorer', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scorer}', '  minReplicas: 2', '  maxReplicas: 6', ''].join('\n');
    writeFileSync(join(dir, 'base/hpa.yaml'), oldHpa);
    writeFileSync(join(dir, 'base/kustomization.yaml'), 'resources:\n  - deployment.yaml\n  - hpa.yaml\n');
    const fixed = await run(['lint', '--fix', '--format', 'json', 'overlays/prod'], dir);
    assert.equal(readFileSync(join(dir, 'base/hpa.yaml'), 'utf8'), oldHpa);
    assert.ok((JSON.parse(fixed.stdout) as Row[]).some((r) => r.file === 'base/hpa.yaml' && r.code === 'MLO214'));
  });
});
