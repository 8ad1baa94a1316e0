import { atEnd } from '../rule';
import { stageCommands } from '../commands';
import { installsPackages } from '../packages';
import { programName } from '../shell';

/** Guide, Docker Best Practices: "Multi-stage build for smaller images". */
export const MLO101 = atEnd(
  {
    id: 'MLO101',
    defaultSeverity: 'info',
    title: 'Use a multi-stage build: install packages in a builder stage and copy only the result into the final image.',
    guide: 'Docker Best Practices: "# Multi-stage build for smaller images"',
  },
  (model, context) => {
    if (model.stages.length !== 1) return;
    const from = model.stages[0].from;
    const installs = stageCommands(model, model.stages[0]).find(({ command }) => installsPackages(command));
    if (!installs) return;
    const line = installs.instruction.getRange().start.line + 1;
    context.report({
      range: from.getImageRange() ?? from.getInstructionRange(),
      message: `Single-stage build installs packages (${programName(installs.command)} on line ${line}): build them in a builder stage and copy only the result into the final image, so compilers, caches and build files stay out of it.`,
    });
  },
);
