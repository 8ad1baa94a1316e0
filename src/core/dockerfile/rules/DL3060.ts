import type { Fix } from '../../findings';
import { commandsOf, operands, rangeOf, type RunCommand } from '../commands';
import { hasCacheMount } from '../instructions';
import { perInstruction } from '../rule';
import { wordRange, type ShellWord } from '../shell';

/**
 * hadolint DL3060: a RUN that runs `yarn install` (or a bare `yarn`) also runs `yarn cache clean`, so the package
 * cache does not stay in the layer. A RUN with a cache mount (`--mount=type=cache`) keeps the cache out of the
 * layer already, and removing the cache folder by hand (`rm -rf /usr/local/share/.cache/yarn`) counts as cleaning.
 */
export const DL3060 = perInstruction(
  {
    id: 'DL3060',
    defaultSeverity: 'info',
    title: 'Run yarn cache clean in the same RUN as yarn install.',
    guide: 'hadolint DL3060',
  },
  ['RUN'],
  (instruction, context) => {
    if (hasCacheMount(instruction)) return;
    const commands = commandsOf(context.model, instruction);
    if (commands.some(cleansYarnCache)) return;
    for (const command of commands) {
      const word = yarnInstall(command);
      if (!word) continue;
      const clean = cleanAfter(command);
      context.report({
        range: rangeOf(command, word),
        message: 'yarn cache clean missing after yarn install: the downloaded packages stay in the layer. Add && yarn cache clean in the same RUN, or use RUN --mount=type=cache,target=/usr/local/share/.cache/yarn.',
        suggestions: clean ? [clean] : undefined,
      });
    }
  },
  { programs: ['yarn'] },
);

/** The word that makes the command an install: `install` of `yarn install`, or `yarn` itself when it has no subcommand. */
function yarnInstall(command: RunCommand): ShellWord | undefined {
  if (command.program !== 'yarn') return undefined;
  const first = operands(command.command, ['cwd', 'modules-folder', 'cache-folder', 'network-timeout', 'mutex'])[0];
  if (first === undefined) {
    // `yarn --version` or `yarn --help` only prints.
    const informational = command.command.words.slice(1).some((w) => /^(-v|-h|--version|--help)$/.test(w.value));
    return informational ? undefined : command.command.words[0];
  }
  return first.value === 'install' ? first : undefined;
}

function cleansYarnCache(command: RunCommand): boolean {
  const words = command.command.words.map((w) => w.value);
  if (command.program === 'yarn') return words.includes('cache') && words.includes('clean');
  return command.program === 'rm' && words.slice(1).some((w) => /yarn/.test(w) && !w.startsWith('-'));
}

/**
 * `&& yarn cache clean` right after the install command. Not offered for an exec-form command (no shell runs it; in
 * the script of an exec-form `sh -c` it is), nor when the install is piped (`| tee`) or put in
 * the background (`&`), where the clean would change what the pipe or the job runs.
 */
function cleanAfter(command: RunCommand): Fix | undefined {
  if (command.command.execForm) return undefined;
  const words = command.command.allWords;
  const last = words[words.length - 1];
  const after = (command.instruction.getRawArgumentsContent() ?? '').slice(last.end).replace(/^[ \t]*/, '');
  if (after.startsWith('|') || (after.startsWith('&') && !after.startsWith('&&'))) return undefined;
  const at = wordRange(command.instruction, last).end;
  return { title: 'Add && yarn cache clean', edits: [{ range: { start: at, end: at }, newText: ' && yarn cache clean' }] };
}
