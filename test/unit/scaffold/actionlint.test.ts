import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { allVariants, scaffoldInto } from './generated';

/**
 * The generated CI workflows pass actionlint (built from the Go module proxy by scripts/install-actionlint.sh;
 * when shellcheck is on PATH, actionlint also checks every `run:` script with it).
 */
describe('generated GitHub workflows pass actionlint', () => {
  let actionlint = '';
  before(() => {
    actionlint = execFileSync('bash', ['scripts/install-actionlint.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  });

  const lint = (dir: string): { status: number | null; output: string } => {
    const result = spawnSync(actionlint, ['-no-color', '.github/workflows/deploy.yml'], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  };

  for (const { label, context } of allVariants().filter((v) => v.context.target === 'fastapi')) {
    it(label, () => {
      const { dir, plan } = scaffoldInto(context);
      assert.ok(plan.some((file) => file.path === '.github/workflows/deploy.yml'));
      const { status, output } = lint(dir);
      assert.equal(output, '');
      assert.equal(status, 0);
    });
  }

  it('fails a workflow with a mistake (so a pass means something)', () => {
    const { dir, plan } = scaffoldInto(allVariants()[0].context);
    const workflow = plan.find((file) => file.path === '.github/workflows/deploy.yml')!.content;
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'deploy.yml'), workflow.replace('needs: lint-and-test', 'needs: lint-and-tests'));
    const { status, output } = lint(dir);
    assert.equal(status, 1);
    assert.match(output, /lint-and-tests/);
  });
});
