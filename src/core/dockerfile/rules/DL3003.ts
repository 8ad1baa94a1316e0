import { commandsInAnyShell, rangeOf } from '../commands';
import { perInstruction } from '../rule';

/** Guide, Docker Best Practices: "WORKDIR /app". */
export const DL3003 = perInstruction(
  {
    id: 'DL3003',
    defaultSeverity: 'warning',
    title: 'Use WORKDIR to switch to a directory.',
    guide: 'Docker Best Practices: "WORKDIR /app"',
  },
  ['RUN'],
  (instruction, context) => {
    // `cd` lasts for one RUN in PowerShell and cmd too, so their RUNs are read as well.
    for (const command of commandsInAnyShell(context.model, instruction)) {
      if (command.program !== 'cd' || command.command.words[0].value !== 'cd') continue;
      // PowerShell and cmd do not take `\` as an escape, so the POSIX reading of their paths is not shown.
      const target = context.model.nonPosixRuns.has(instruction) ? undefined : command.command.words[1]?.value;
      context.report({
        range: rangeOf(command, command.command.words[0]),
        message: `cd${target ? ` ${target}` : ''} changes the directory for this RUN only, which makes the following commands depend on where it left them. Use WORKDIR${target && target.startsWith('/') ? ` ${target}` : ''} to set the directory, or give the commands absolute paths.`,
      });
    }
  },
  { programs: ['cd'] },
);
