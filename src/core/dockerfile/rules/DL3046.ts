import { commandsOf, flagValue, hasFlag, rangeOf } from '../commands';
import { perInstruction } from '../rule';
import { insertWordAfter } from './support-b';

/**
 * The UID above which the lastlog and faillog files useradd writes get large: they are sparse files indexed by
 * UID, and an image layer stores them in full (about 300 bytes per UID below the new user's, ~30 MB at 100000).
 */
const HIGH_UID = 99999;

/** Guide, Docker Best Practices: "# Security: run as non-root" / "RUN useradd -m appuser". */
export const DL3046 = perInstruction(
  {
    id: 'DL3046',
    defaultSeverity: 'warning',
    title: '`useradd` without flag `-l` and high UID will result in excessively large Image.',
    guide: 'Docker Best Practices: "RUN useradd -m appuser"',
    usesShell: true,
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'useradd' || hasFlag(command.command, 'l', 'no-log-init')) continue;
      const uid = flagValue(command.command, 'u', 'uid');
      if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) <= HIGH_UID) continue;
      const useradd = command.command.words[0];
      context.report({
        range: rangeOf(command, useradd),
        message: `useradd with UID ${uid} and without -l writes /var/log/lastlog and /var/log/faillog as sparse files sized by the UID, and the image layer stores them in full: tens of megabytes or more of zeros. Add -l (--no-log-init).`,
        fix: { title: 'Add -l', edits: [insertWordAfter(command, useradd, '-l')] },
      });
    }
  },
);
