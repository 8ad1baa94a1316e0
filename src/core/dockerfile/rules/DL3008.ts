import { commandsOf, rangeOf, subcommandOperands } from '../commands';
import { hasExpansion } from '../instructions';
import { APT_GET_OPTIONS_WITH_VALUE, isAptGetInstall } from '../packages';
import { perInstruction } from '../rule';

/** hadolint DL3008. */
export const DL3008 = perInstruction(
  {
    id: 'DL3008',
    defaultSeverity: 'warning',
    title: 'Pin versions in `apt-get install`.',
    guide: 'hadolint DL3008',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (!isAptGetInstall(command)) continue;
      for (const word of subcommandOperands(command.command, APT_GET_OPTIONS_WITH_VALUE)) {
        const name = word.value;
        // `pkg=1.2*` is pinned; a local `.deb` is a file, not a package from the archive; a variable is unknown.
        if (name.includes('=') || name.endsWith('.deb') || name === '') continue;
        if (hasExpansion(name)) {
          if (context.settings.hadolintParity === true) {
            context.report({
              range: rangeOf(command, word),
              message: `${name} installs a package whose name comes from a variable, without a version. Reported because hadolint reports it (hadolint parity is on): this linter skips a name that contains a variable, because it cannot see its value.`,
            });
          }
          continue;
        }
        context.report({
          range: rangeOf(command, word),
          message: `${name} is installed without a version, so each build takes whatever the archive has that day. Pin it: apt-get install ${name}=<version> (apt-cache policy ${name.replace(/\/.*$/, '')} shows the candidates; a trailing * allows patch releases).`,
        });
      }
    }
  },
  { programs: ['apt-get'] },
);
