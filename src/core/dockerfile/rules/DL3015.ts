import { commandsOf, findFlag, insertWordAfter, rangeOf } from '../commands';
import { aptGetSubcommand, aptOptions, isAptGetInstall } from '../packages';
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
      if (aptOptions(command.command).some((o) => /^apt::install-recommends=(false|no|0)$/.test(o))) continue;
      const install = aptGetSubcommand(command)!;
      context.report({
        range: rangeOf(command, command.command.words[0]),
        message: 'apt-get install also installs every package the requested ones recommend, which makes the image larger and gives it more to patch. Add --no-install-recommends and list what you need explicitly (ca-certificates, for example, for HTTPS).',
        // A suggestion: a recommended package the image relies on (ca-certificates for curl) would be left out.
        suggestions: [{ title: 'Add --no-install-recommends', edits: [insertWordAfter(command, install, '--no-install-recommends')] }],
      });
    }
  },
);
