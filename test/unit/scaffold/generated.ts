import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FRAMEWORKS, scaffoldContext, TARGETS, type Framework, type ScaffoldContext, type Target } from '../../../src/core/scaffold/context';
import { loadPackageTemplates } from '../../../src/core/scaffold/load';
import { planScaffold, type PlannedFile } from '../../../src/core/scaffold/plan';
import { validateContext } from '../../../src/core/scaffold/validate';

export interface Variant {
  label: string;
  context: ScaffoldContext;
}

/** Every target × framework × GPU combination the scaffolder accepts (scikit-learn has no GPU variant). */
export function allVariants(): Variant[] {
  const variants: Variant[] = [];
  for (const target of TARGETS) {
    for (const framework of FRAMEWORKS) {
      for (const gpu of [false, true]) {
        const context = scaffoldContext({ target, name: 'iris-model', framework, gpu });
        if (Object.keys(validateContext(context)).length > 0) continue;
        variants.push({ label: `${target} ${framework} ${gpu ? 'gpu' : 'cpu'}`, context });
      }
    }
  }
  return variants;
}

export function variant(target: Target, framework: Framework, gpu: boolean): Variant {
  return { label: `${target} ${framework} ${gpu ? 'gpu' : 'cpu'}`, context: scaffoldContext({ target, name: 'iris-model', framework, gpu }) };
}

/** Writes a variant's planned files into a fresh temporary folder and returns the folder and the plan. */
export function scaffoldInto(context: ScaffoldContext): { dir: string; plan: PlannedFile[] } {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), `scaffold-${context.target}-`));
  const plan = planScaffold(context, loadPackageTemplates());
  for (const file of plan) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return { dir, plan };
}
