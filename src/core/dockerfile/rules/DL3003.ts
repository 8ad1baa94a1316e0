import { commandsOf, rangeOf } from '../commands';
import { perInstruction } from '../rule';

/** Guide, Docker Best Practices: "WORKDIR /app". */
export const DL3003 = perInstruction(
  {
    id: 'DL3003',
    defaultSeverity: 'warning',
    title: 'Use WORKDIR to switch to a directory.',
    guide: 'Docker Best Practices: "WORKDIR /app"',
    usesShell: true,
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'cd' || command.command.words[0].value !== 'cd') continue;
      const target = command.command.words[1]?.value;
      context.report({
        range: rangeOf(command, command.command.words[0]),
        message: `cd${target ? ` ${target}` : ''} changes the directory for this RUN only, which makes the following commands depend on where it left them. Use WORKDIR${target && target.startsWith('/') ? ` ${target}` : ''} to set the directory, or give the commands absolute paths.`,
      });
    }
  },
);
