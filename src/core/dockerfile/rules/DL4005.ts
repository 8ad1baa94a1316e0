import { commandsOf, operands, rangeOf } from '../commands';
import { perInstruction } from '../rule';

/** Where the default shell lives: /bin/sh, and /usr/bin/sh on merged-/usr systems. */
const DEFAULT_SHELL = /^\/(?:usr\/)?bin\/sh$/;

/**
 * hadolint DL4005: `ln -sf /bin/bash /bin/sh` changes the shell behind every `/bin/sh` in the image, including the
 * system's own scripts and those of installed packages; SHELL changes it for the Dockerfile's instructions only.
 */
export const DL4005 = perInstruction(
  {
    id: 'DL4005',
    defaultSeverity: 'warning',
    title: 'Use SHELL to change the default shell, not a symlink over /bin/sh.',
    guide: 'hadolint DL4005',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'ln') continue;
      const args = operands(command.command, ['t', 'target-directory', 'S', 'suffix']);
      const link = args[args.length - 1];
      if (args.length < 2 || !DEFAULT_SHELL.test(link.value)) continue;
      context.report({
        range: rangeOf(command, link),
        message: `Linking ${link.value} to ${args[args.length - 2].value} changes the shell of every script in the image, not only of this Dockerfile. Use SHELL ["${args[args.length - 2].value}", "-c"] to run the following RUN instructions with it instead.`,
      });
    }
  },
  { programs: ['ln'] },
);
