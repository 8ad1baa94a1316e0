import type { Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { copiesFromContext } from '../instructions';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { lastInLineage } from '../serving';

/** uid 0 whatever the group. */
const ROOT = /^(root|0)(:.*)?$/;

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
    const lineage = stageLineage(model, stage);
    const finalUser = lastInLineage(lineage, 'USER')?.getArgumentsContent()?.trim();
    if (!finalUser || ROOT.test(finalUser)) return;
    // The user in force at each instruction: inherited from the stage this one builds on, then each USER.
    let user = lineage.length > 1 ? lastInLineage(lineage.slice(1), 'USER')?.getArgumentsContent()?.trim() : undefined;
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() === 'USER') {
        user = instruction.getArgumentsContent()?.trim();
        continue;
      }
      if (!user || ROOT.test(user) || !isAppCopy(instruction)) continue;
      const keyword = instruction.getInstructionRange();
      // `--chown=user` alone: Docker then uses the user's uid as the gid, which works whatever groups exist; a
      // group is spelled out only when USER names one. A user given as a variable, or a malformed USER with more
      // than one word, cannot be spelled into a fix that keeps the COPY's meaning.
      const fixable = !/[$\s\\]/.test(user);
      context.report({
        range: keyword,
        message: `${instruction.getKeyword()} after USER ${user} has no --chown: the files belong to root, and the application cannot write beside them as ${user}.`,
        fix: fixable
          ? { title: `Add --chown=${user}`, edits: [{ range: { start: keyword.end, end: keyword.end }, newText: ` --chown=${user}` }] }
          : undefined,
      });
    }
  },
);

/** COPY or ADD of files from the build context (not `--from` another stage, not a heredoc) without --chown. */
function isAppCopy(instruction: Instruction): boolean {
  if (!copiesFromContext(instruction)) return false;
  if ((instruction as ModifiableInstruction).getFlags().some((f) => f.getName() === 'chown')) return false;
  return !(instruction.getArgumentsContent() ?? '').trimStart().startsWith('<<');
}
