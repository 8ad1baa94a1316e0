import type { Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { lastInLineage } from '../serving';

const ROOT = /^(root|0)(:(root|0))?$/;

/**
 * Guide, Docker Best Practices: "COPY --chown=appuser:appuser . .". COPY writes files as root whatever USER says,
 * so an app that writes next to its code (caches, model downloads, temp files) fails at run time as the user.
 */
export const MLO106 = atEnd(
  {
    id: 'MLO106',
    defaultSeverity: 'info',
    title: 'After switching to a non-root USER, copy the application with --chown.',
    guide: 'Docker Best Practices: "COPY --chown=appuser:appuser . ."',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    const userInstruction = lastInLineage(stageLineage(model, stage), 'USER');
    const user = userInstruction?.getArgumentsContent()?.trim();
    if (!userInstruction || !user || ROOT.test(user)) return;
    const userLine = userInstruction.getRange().start.line;
    const owner = user.includes(':') ? user : `${user}:${user}`;
    for (const instruction of stage.instructions) {
      if (!isContextCopy(instruction) || instruction.getRange().start.line < userLine) continue;
      const flags = (instruction as ModifiableInstruction).getFlags();
      if (flags.some((f) => f.getName() === 'chown')) continue;
      const keyword = instruction.getInstructionRange();
      // A user given as a variable cannot be spelled into a fix safely.
      const fixable = !user.includes('$');
      context.report({
        range: keyword,
        message: `${instruction.getKeyword()} after USER ${user} has no --chown: the files belong to root, and the application cannot write beside them as ${user}.`,
        fix: fixable
          ? { title: `Add --chown=${owner}`, edits: [{ range: { start: keyword.end, end: keyword.end }, newText: ` --chown=${owner}` }] }
          : undefined,
      });
    }
  },
);

/** COPY or ADD from the build context (not `--from` another stage, not a heredoc). */
function isContextCopy(instruction: Instruction): boolean {
  const keyword = instruction.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD') return false;
  const flags = (instruction as ModifiableInstruction).getFlags();
  if (flags.some((f) => f.getName() === 'from')) return false;
  return !(instruction.getArgumentsContent() ?? '').trimStart().startsWith('<<');
}
