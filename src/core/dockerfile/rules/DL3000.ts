import { posix } from 'node:path';
import type { Fix } from '../../findings';
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
      // The directory a relative WORKDIR resolves against: the last WORKDIR before it in this stage or the stages
      // it is built on, when that one is known; the base image's own WORKDIR is not.
      const parents = stageLineage(model, stage).slice(1).reverse();
      let current: string | undefined;
      for (const instruction of [...parents.flatMap((s) => s.instructions), ...stage.instructions]) {
        if (instruction.getKeyword() === 'FROM') {
          current = undefined;
          continue;
        }
        if (instruction.getKeyword() !== 'WORKDIR') continue;
        const args = instruction.getArgumentsRange();
        const written = (instruction.getArgumentsContent() ?? '').trim();
        const path = unquote(written);
        if (!args || path === '') continue;
        if (isAbsolute(path)) {
          current = path.includes('$') ? undefined : path;
          continue;
        }
        const resolved = current === undefined || path.includes('$') ? undefined : posix.join(current, path);
        current = resolved;
        if (!stage.instructions.includes(instruction)) continue;
        const edit = (newPath: string) => ({ range: args, newText: written === path ? newPath : `${written[0]}${newPath}${written[0]}` });
        const fix: Fix | undefined = resolved === undefined ? undefined : { title: `Use the absolute path ${resolved}`, edits: [edit(resolved)] };
        context.report({
          range: args,
          message: resolved
            ? `WORKDIR ${path} is relative: it resolves to ${resolved} here, but moves whenever an earlier WORKDIR changes. Write the absolute path ${resolved}.`
            : `WORKDIR ${path} is relative to the base image's working directory, which can change with the image. Write an absolute path such as /${posix.normalize(path)}.`,
          fix,
          suggestions: fix ? undefined : [{ title: `Use /${posix.normalize(path)}`, edits: [edit(`/${posix.normalize(path)}`)] }],
        });
      }
    }
  },
);
