import { commandsOf, findFlag, insertWordAfter, rangeOf } from '../commands';
import { aptGetSubcommand, aptOptions, isAptGetInstall } from '../packages';
import type { ShellCommand, ShellWord } from '../shell';
import { perInstruction } from '../rule';

/** hadolint DL3015. */
export const DL3015 = perInstruction(
  {
    id: 'DL3015',
    defaultSeverity: 'info',
    title: 'Avoid additional packages by specifying `--no-install-recommends`.',
    guide: 'hadolint DL3015',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (!isAptGetInstall(command) || findFlag(command.command, 'no-install-recommends')) continue;
      const install = aptGetSubcommand(command)!;
      if (aptOptions(command.command).some((o) => /^apt::install-recommends=(false|no|0)$/.test(o))) {
        // hadolint accepts only `-o APT::Install-Recommends=false` (or `--option …`) as two words, in that case.
        const option = context.settings.hadolintParity === true && !hadolintAccepts(command.command) ? recommendsOffOption(command.command) : undefined;
        if (option) {
          context.report({
            range: rangeOf(command, option),
            message: `${option.value} turns recommended packages off, as --no-install-recommends does. Reported because hadolint reports it (hadolint parity is on): hadolint accepts only the spelling -o APT::Install-Recommends=false.`,
          });
        }
        continue;
      }
      context.report({
        range: rangeOf(command, command.command.words[0]),
        message: 'apt-get install also installs every package the requested ones recommend, which makes the image larger and gives it more to patch. Add --no-install-recommends and list what you need explicitly (ca-certificates, for example, for HTTPS).',
        // A suggestion: a recommended package the image relies on (ca-certificates for curl) would be left out.
        suggestions: [{ title: 'Add --no-install-recommends', edits: [insertWordAfter(command, install, '--no-install-recommends')] }],
      });
    }
  },
  { programs: ['apt-get'] },
);

/** The word that sets APT::Install-Recommends off (`-oAPT::Install-Recommends=0`, or the value after `-o`), if any. */
function recommendsOffOption(command: ShellCommand): ShellWord | undefined {
  return command.words.find((w) => /apt::install-recommends=(false|no|0)$/i.test(w.value));
}

function hadolintAccepts(command: ShellCommand): boolean {
  return command.words.some((w, i) => (w.value === '-o' || w.value === '--option') && command.words[i + 1]?.value === 'APT::Install-Recommends=false');
}
