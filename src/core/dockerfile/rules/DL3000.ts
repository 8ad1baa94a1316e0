import { posix } from 'node:path';
import type { Fix, TextEdit } from '../../findings';
import { stageLineage } from '../model';
import { atEnd } from '../rule';

/** A path Docker takes as absolute: `/app`, a Windows drive (`C:\app`, `c:/app`), or one that starts with a variable. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('$');
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

/** Guide, Docker Best Practices: "WORKDIR /app". */
export const DL3000 = atEnd(
  {
    id: 'DL3000',
    defaultSeverity: 'error',
    title: 'Use absolute WORKDIR.',
    guide: 'Docker Best Practices: "WORKDIR /app"',
  },
  (model, context) => {
    for (const stage of model.stages) {
      // Only a stage's own WORKDIRs are reported; most stages have none.
      if (!stage.instructions.some((i) => i.getKeyword() === 'WORKDIR')) continue;
      // The directory a relative WORKDIR resolves against: the last WORKDIR before it in this stage or the stages
      // it is built on, when that one is known; the base image's own WORKDIR is not.
      const parents = stageLineage(model, stage).slice(1).reverse();
      const own = new Set(stage.instructions);
      let current: string | undefined;
      for (const instruction of [...parents.flatMap((s) => s.instructions), ...stage.instructions]) {
        if (instruction.getKeyword() !== 'WORKDIR') continue;
        const args = instruction.getArgumentsRange();
        const written = (instruction.getArgumentsContent() ?? '').trim();
        const path = unquote(written);
        if (!args || path === '') continue;
        if (isAbsolute(path)) {
          current = path.includes('$') ? undefined : path;
          continue;
        }
        const resolved = current === undefined || !current.startsWith('/') || path.includes('$') ? undefined : posix.join(current, path);
        current = resolved;
        if (!own.has(instruction)) continue;
        const edit = (newPath: string): TextEdit => ({ range: args, newText: written === path ? newPath : `${written[0]}${newPath}${written[0]}` });
        const fix: Fix | undefined = resolved === undefined ? undefined : { title: `Use the absolute path ${resolved}`, edits: [edit(resolved)] };
        // Without a known earlier WORKDIR the path resolves against the base image's, which is `/` unless it sets one.
        const guess = posix.join('/', path);
        context.report({
          range: args,
          message: resolved
            ? `WORKDIR ${path} is relative: it resolves to ${resolved} here, but moves whenever an earlier WORKDIR changes. Write the absolute path ${resolved}.`
            : `WORKDIR ${path} is relative to a working directory set elsewhere (by the base image or a variable), which can change without notice. Write an absolute path such as ${guess}.`,
          fix,
          suggestions: fix ? undefined : [{ title: `Use ${guess}`, edits: [edit(guess)] }],
        });
      }
    }
  },
);
