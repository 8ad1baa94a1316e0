import { rangeOf, stageCommands, type RunCommand } from '../commands';
import { atEnd } from '../rule';

/**
 * hadolint DL4001: a stage uses either wget or curl, not both: two download tools mean two packages to install,
 * patch and scan for the same job. Judged per stage, since each stage is its own image; reported on every use of
 * the tool that appears second.
 */
export const DL4001 = atEnd(
  {
    id: 'DL4001',
    defaultSeverity: 'warning',
    title: 'Use either wget or curl, not both.',
    guide: 'hadolint DL4001',
  },
  (model, context) => {
    for (const stage of model.stages) {
      const uses = stageCommands(model, stage).filter((c) => c.program === 'curl' || c.program === 'wget');
      const first = uses[0];
      const second = uses.find((c) => c.program !== first?.program);
      if (!first || !second) continue;
      for (const use of uses.filter((c: RunCommand) => c.program === second.program)) {
        context.report({
          range: rangeOf(use, use.command.words[0]),
          message: `Either use wget or curl, but not both: this stage already uses ${first.program} (line ${lineOf(first)}). Do this download with ${first.program} too, so the image needs one tool.`,
        });
      }
    }
  },
);

function lineOf(command: RunCommand): number {
  return rangeOf(command, command.command.words[0]).start.line + 1;
}
