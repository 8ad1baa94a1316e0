import { commandsOf, rangeOf, subcommandOperands } from '../commands';
import { hasExpansion } from '../instructions';
import { APK_OPTIONS_WITH_VALUE, isApkAdd } from '../packages';
import { perInstruction } from '../rule';

/** hadolint DL3018. */
export const DL3018 = perInstruction(
  {
    id: 'DL3018',
    defaultSeverity: 'warning',
    title: 'Pin versions in `apk add`: instead of `apk add <package>` use `apk add <package>=<version>`.',
    guide: 'hadolint DL3018',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (!isApkAdd(command)) continue;
      for (const word of subcommandOperands(command.command, APK_OPTIONS_WITH_VALUE)) {
        const value = word.value;
        // `pkg=1.2-r0`, `pkg~1.2`, `pkg>=1.2` carry a version; a local `.apk` file is not from the index.
        if (value === '' || /[=~<>]/.test(value) || /\.apk$/i.test(value) || hasExpansion(value)) continue;
        context.report({
          range: rangeOf(command, word),
          message: `${value} is installed without a version, so each build takes whatever the Alpine index has that day. Pin it: apk add ${value.replace(/@.*$/, '')}=<version> (or ~<major.minor> for patch releases).`,
        });
      }
    }
  },
  { programs: ['apk'] },
);
