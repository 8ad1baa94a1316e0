import type { Fix } from '../../findings';
import { commandsOf, rangeOf, type RunCommand } from '../commands';
import { perInstruction } from '../rule';
import { wordRange } from '../shell';

/** sudo's options that take a value; `-u`/`-g` choose the user, so removing sudo would change who runs the command. */
const SUDO_OPTIONS_WITH_VALUE = /^-[ugCDhprtT]$/;

/** hadolint DL3004. */
export const DL3004 = perInstruction(
  {
    id: 'DL3004',
    defaultSeverity: 'error',
    title: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.',
    guide: 'hadolint DL3004',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const sudo = command.command.sudo;
      if (!sudo) continue;
      context.report({
        range: rangeOf(command, sudo),
        message: 'sudo in a build step depends on the image\'s sudoers setup and may prompt for a password. Build steps run as the current USER: switch with USER root (and back) around the steps that need root, or use gosu at run time.',
        suggestions: removeSudo(command),
      });
    }
  },
);

/**
 * Removes `sudo` and its options, so that the command runs as the current USER. Not offered when sudo chooses
 * another user (`-u`, `-g`), or has nothing to run.
 */
function removeSudo(command: RunCommand): Fix[] | undefined {
  const all = command.command.allWords;
  const sudo = command.command.sudo!;
  let i = all.indexOf(sudo) + 1;
  while (all[i]?.value.startsWith('-')) {
    const option = all[i].value;
    if (/^-[A-Za-z]*[ug]/.test(option) || /^--(user|group)(=|$)/.test(option)) return undefined;
    i += SUDO_OPTIONS_WITH_VALUE.test(option) ? 2 : 1;
  }
  const next = all[i];
  if (!next) return undefined;
  // In exec form the words' ranges are inside their quotes: remove from sudo's opening quote to the next one's.
  const shift = command.command.execForm ? 1 : 0;
  const range = wordRange(command.instruction, { start: sudo.start - shift, end: next.start - shift });
  return [{ title: 'Remove sudo (the command then runs as the current USER)', edits: [{ range, newText: '' }] }];
}
