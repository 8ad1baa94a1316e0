import { commandsOf, findFlag, insertWordAfter, rangeOf } from '../commands';
import { aptGetSubcommand, aptOptions, isAptGetInstall } from '../packages';
import { perInstruction } from '../rule';
import type { ShellCommand } from '../shell';

/** hadolint DL3014. */
export const DL3014 = perInstruction(
  {
    id: 'DL3014',
    defaultSeverity: 'warning',
    title: 'Use the `-y` switch.',
    guide: 'hadolint DL3014',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (!isAptGetInstall(command) || answersYes(command.command)) continue;
      const install = aptGetSubcommand(command)!;
      context.report({
        range: rangeOf(command, command.command.words[0]),
        message: 'apt-get install without -y asks "Do you want to continue?", and a build cannot answer: apt-get aborts. Add -y (apt-get install -y …).',
        fix: { title: 'Add -y', edits: [insertWordAfter(command, install, '-y')] },
      });
    }
  },
  { programs: ['apt-get'] },
);

/** `-y`, `--yes`, `--assume-yes`, `-qq` (quiet level 2 implies yes), or `-o APT::Get::Assume-Yes=true`. */
function answersYes(command: ShellCommand): boolean {
  if (findFlag(command, 'y', 'yes', 'assume-yes')) return true;
  const args = command.words.slice(1).map((w) => w.value);
  const end = args.indexOf('--');
  const flags = end < 0 ? args : args.slice(0, end);
  const quiet = flags.reduce((n, f) => n + (/^-[A-Za-z]+$/.test(f) ? (f.match(/q/g) ?? []).length : f === '--quiet' ? 1 : 0), 0);
  if (quiet >= 2 || flags.some((f) => /^(-q|--quiet)=([2-9]|\d\d+)$/.test(f))) return true;
  return aptOptions(command).some((o) => /^apt::get::assume-yes=(true|yes|1)$/.test(o));
}
