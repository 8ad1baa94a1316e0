import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scaffoldInto, variant, type Variant } from './generated';

/**
 * The generated pytest suites pass: each trains a tiny model, serves it through the generated app and checks the
 * contract (health, readiness, predictions equal to the model's own, auth, validation, limits, metrics). The
 * frameworks with small wheels run here (scikit-learn, XGBoost, ONNX Runtime, CPU builds); PyTorch and TensorFlow
 * weigh gigabytes and are left to the image tests.
 */
describe('generated pytest suites pass', () => {
  const variants: Variant[] = (['fastapi', 'sagemaker'] as const).flatMap((target) =>
    (['sklearn', 'xgboost', 'onnx'] as const).map((framework) => variant(target, framework, false)),
  );
  const scaffolded = variants.map((v) => ({ ...v, dir: scaffoldInto(v.context).dir }));
  let python = '';

  it('installs the pinned requirements', () => {
    python = execFileSync('bash', ['scripts/install-scaffold-python.sh', ...scaffolded.map((s) => s.dir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    assert.ok(python.endsWith(join('bin', 'python')));
  });

  for (const { label, dir } of scaffolded) {
    it(label, () => {
      assert.ok(python, 'the environment was installed');
      const result = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /\d+ passed/);
      assert.doesNotMatch(result.stdout, /\d+ (failed|errors?)\b/);
    });
  }
});
