import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scaffoldContext } from '../../../src/core/scaffold/context';
import { loadPackageTemplates, loadTemplates, packageTemplatesFolder } from '../../../src/core/scaffold/load';
import { planScaffold, TARGET_LAYOUT } from '../../../src/core/scaffold/plan';

const templates = new Map([
  ['common/mlops.yaml', 'name: {{name}}\n'],
  ['kubernetes/hpa.yaml', 'kind: HorizontalPodAutoscaler\nname: {{name}}\n'],
  ['kubernetes/ingress.yaml', '{{#if is.fastapi}}\nkind: Ingress\n{{/if}}\n'],
  ['fastapi/Dockerfile', 'EXPOSE {{port}}\n'],
  ['fastapi/k8s/hpa.yaml', 'kind: HorizontalPodAutoscaler # fastapi\n'],
  ['triton/model_repository/{{name}}/config.pbtxt', 'name: "{{name}}"\n'],
  ['sagemaker/serve', 'port={{port}}\n'],
]);

describe('planScaffold', () => {
  it('renders the target\'s folders to their places, paths included, in path order', () => {
    const plan = planScaffold(scaffoldContext({ target: 'triton', name: 'iris' }), templates);
    assert.deepEqual(plan, [
      { path: 'k8s/hpa.yaml', content: 'kind: HorizontalPodAutoscaler\nname: iris\n' },
      { path: 'mlops.yaml', content: 'name: iris\n' },
      { path: 'model_repository/iris/config.pbtxt', content: 'name: "iris"\n' },
    ]);
  });

  it("lets the target's own folder replace a shared file, and keeps files whose text is not blank", () => {
    const plan = planScaffold(scaffoldContext({ target: 'fastapi', name: 'iris', port: 9000 }), templates);
    assert.deepEqual(plan.map((f) => f.path), ['Dockerfile', 'k8s/hpa.yaml', 'k8s/ingress.yaml', 'mlops.yaml']);
    assert.equal(plan.find((f) => f.path === 'k8s/hpa.yaml')?.content, 'kind: HorizontalPodAutoscaler # fastapi\n');
    assert.equal(plan.find((f) => f.path === 'Dockerfile')?.content, 'EXPOSE 9000\n');
  });

  it('is pure: the same answers give the same files', () => {
    const context = scaffoldContext({ target: 'sagemaker', name: 'iris' });
    assert.deepEqual(planScaffold(context, templates), planScaffold({ ...context }, templates));
  });

  it('names the template of a rendering error', () => {
    const broken = new Map([['common/mlops.yaml', 'name: {{nmae}}\n']]);
    assert.throws(() => planScaffold(scaffoldContext({ target: 'fastapi', name: 'iris' }), broken), /common\/mlops\.yaml:1: unknown name "nmae"/);
  });

  it('every target gets a mlops.yaml from the package templates, and only FastAPI a workflow', () => {
    const packaged = loadPackageTemplates();
    for (const target of Object.keys(TARGET_LAYOUT) as Array<keyof typeof TARGET_LAYOUT>) {
      const paths = planScaffold(scaffoldContext({ target, name: 'iris' }), packaged).map((f) => f.path);
      assert.ok(paths.includes('mlops.yaml'), target);
      assert.equal(paths.includes('.github/workflows/deploy.yml'), target === 'fastapi', target);
    }
  });
});

describe('loadTemplates', () => {
  it('reads the package folder, then user folders whose files replace or add to it; a missing folder is skipped', () => {
    const user = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'mlops-templates-'));
    mkdirSync(join(user, 'fastapi'), { recursive: true });
    writeFileSync(join(user, 'fastapi', 'Dockerfile'), 'FROM internal/python:3.11-slim\n');
    writeFileSync(join(user, 'fastapi', 'NOTICE'), 'ours\n');
    const loaded = loadTemplates([packageTemplatesFolder(), join(user, 'missing'), user]);
    assert.equal(loaded.get('fastapi/Dockerfile'), 'FROM internal/python:3.11-slim\n');
    assert.equal(loaded.get('fastapi/NOTICE'), 'ours\n');
    assert.ok(loaded.get('fastapi/app/main.py')?.includes('def create_app'));
  });
});
