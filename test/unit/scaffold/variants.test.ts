import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadPackageTemplates } from '../../../src/core/scaffold/load';
import { planScaffold } from '../../../src/core/scaffold/plan';
import { allVariants } from './generated';

/** What the answers change in the files: the GPU flag, the framework, the port, the names. */
describe('the answers shape the files', () => {
  const templates = loadPackageTemplates();
  const REQUIREMENT: Record<string, [string, string]> = {
    sklearn: ['scikit-learn==', 'scikit-learn=='],
    pytorch: ['torch==', 'torch=='],
    onnx: ['onnxruntime==', 'onnxruntime-gpu[cuda,cudnn]=='],
    tensorflow: ['tensorflow-cpu==', 'tensorflow[and-cuda]=='],
    xgboost: ['xgboost-cpu==', 'xgboost=='],
  };

  for (const { label, context } of allVariants()) {
    it(label, () => {
      const files = new Map(planScaffold(context, templates).map((file) => [file.path, file.content]));
      const mlops = parse(files.get('mlops.yaml')!) as Record<string, any>;
      assert.equal(mlops.name, context.name);
      assert.equal(mlops.target, context.target);
      assert.equal(mlops.model.framework, context.framework);
      assert.deepEqual(mlops.rollback.triggers, ['error_rate > 5%', 'latency_p99 > 2s', 'health_check_failures > 3']);
      assert.deepEqual(mlops.deploy.canary.steps, [10, 100]);
      if (context.target !== 'triton') {
        const requirements = files.get('requirements.txt')!.split('\n');
        const wanted = REQUIREMENT[context.framework][context.gpu ? 1 : 0];
        assert.ok(requirements.some((line) => line.startsWith(wanted)), `${wanted} in requirements.txt`);
        // Every requirement is pinned to one version.
        for (const line of requirements.filter((l) => l.trim() !== '' && !l.startsWith('#'))) assert.match(line, /^[A-Za-z0-9_.\-[\],]+==\d[\w.]*$/, line);
        assert.match(files.get('Dockerfile')!, new RegExp(`EXPOSE ${context.port}\\n`));
      }
      if (context.target === 'sagemaker') {
        assert.equal(mlops.sagemaker.instanceType, context.gpu ? 'ml.g5.xlarge' : 'ml.m5.large');
        return;
      }
      const deployment = parse(files.get('k8s/deployment.yaml')!) as Record<string, any>;
      const container = deployment.spec.template.spec.containers[0];
      assert.equal(container.resources.limits['nvidia.com/gpu'], context.gpu ? 1 : undefined);
      assert.equal(container.resources.requests['nvidia.com/gpu'], context.gpu ? 1 : undefined);
      assert.equal(deployment.spec.template.spec.tolerations?.[0].key, context.gpu ? 'nvidia.com/gpu' : undefined);
      assert.equal(deployment.spec.replicas, undefined, 'the HPA owns the scale');
      assert.equal(deployment.metadata.namespace, context.namespace);
      if (context.target === 'triton') {
        assert.deepEqual(container.readinessProbe.httpGet, { path: '/v2/health/ready', port: 'http' });
        assert.deepEqual(container.livenessProbe.httpGet, { path: '/v2/health/live', port: 'http' });
        assert.deepEqual(container.ports.map((p: { containerPort: number }) => p.containerPort), [8000, 8001, 8002]);
        assert.match(files.get(`model_repository/${context.name}/config.pbtxt`)!, new RegExp(`kind: ${context.gpu ? 'KIND_GPU' : 'KIND_CPU'}`));
        assert.ok(files.has(`model_repository/${context.name}/1/README.md`));
      } else {
        assert.deepEqual(container.ports, [{ name: 'http', containerPort: context.port }]);
        assert.equal(container.image, `${context.imageRepository}:${context.imageTag}`);
      }
    });
  }
});
