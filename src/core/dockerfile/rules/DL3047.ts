import { commandsOf, hasFlag, insertWordAfter, rangeOf } from '../commands';
import { stageLineage, stageOf } from '../model';
import { perInstruction } from '../rule';

/**
 * Flags after which wget writes no progress bar to the build log: quiet, not verbose, a progress style already
 * chosen, its log sent to a file, or no download at all.
 */
const QUIET_FLAGS = ['q', 'quiet', 'no-verbose', 'progress', 'o', 'output-file', 'a', 'append-output', 'spider'];

export const DL3047 = perInstruction(
  {
    id: 'DL3047',
    defaultSeverity: 'info',
    title: '`wget` without flag `--progress` will result in excessively bloated build logs when downloading larger files.',
    guide: 'hadolint DL3047',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'wget') continue;
      const args = command.command.words.slice(1).map((w) => w.value);
      if (hasFlag(command.command, ...QUIET_FLAGS) || args.includes('-nv')) continue;
      const wget = command.command.words[0];
      const fix = { title: 'Add --progress=dot:giga', edits: [insertWordAfter(command, wget, '--progress=dot:giga')] };
      // On Alpine and busybox images wget may be BusyBox's, which does not take every GNU wget option; there the
      // change needs a look first, and -q is the flag both understand.
      const stage = stageOf(context.model, instruction);
      const busybox = stage !== undefined && stageLineage(context.model, stage).some((s) => /alpine|busybox/.test(s.image ?? ''));
      context.report({
        range: rangeOf(command, wget),
        message: `wget without --progress, when it writes to no terminal as in a build, prints a line for every 50 KB it downloads: a large download fills the build log with thousands of lines. Add --progress=dot:giga (a line per 32 MB), or -nv.${busybox ? ' On Alpine the wget may be BusyBox\'s, which does not take every GNU option; -q works with both.' : ''}`,
        fix: busybox ? undefined : fix,
        suggestions: busybox ? [{ title: 'Add -q', edits: [insertWordAfter(command, wget, '-q')] }, fix] : undefined,
      });
    }
  },
  { programs: ['wget'] },
);
