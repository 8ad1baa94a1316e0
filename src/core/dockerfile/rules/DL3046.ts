import { commandsOf, hasFlag, insertWordAfter, rangeOf, type RunCommand } from '../commands';
import { perInstruction } from '../rule';

/**
 * The UID above which the lastlog and faillog files useradd writes get large: they are sparse files indexed by
 * UID, and an image layer stores them in full (about 300 bytes per UID below the new user's, ~30 MB at 100000).
 */
const HIGH_UID = 99999;

/** useradd's short options that take a value; the others (`-l`, `-m`, `-o`, `-r` …) take none and can be bundled. */
const SHORT_WITH_VALUE = new Set([...'bcdefgGKkpRPsuZ']);

/**
 * The UID a useradd gives: `-u 123456`, `-u123456`, `--uid 123456`, `--uid=123456`, or `-u` at the end of a bundle
 * of options that take no value (`-mu 123456`, `-ou123456`).
 */
function uidOf(command: RunCommand): string | undefined {
  const words = command.command.words.slice(1).map((w) => w.value);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') return undefined;
    if (word === '--uid') return words[i + 1];
    if (word.startsWith('--uid=')) return word.slice('--uid='.length);
    if (!/^-[A-Za-z]/.test(word)) continue;
    for (let j = 1; j < word.length; j++) {
      if (!SHORT_WITH_VALUE.has(word[j])) continue;
      // The rest of the bundle, or else the next word, is this option's value.
      if (word[j] === 'u') return j + 1 < word.length ? word.slice(j + 1) : words[i + 1];
      if (j + 1 === word.length) i++;
      break;
    }
  }
  return undefined;
}

/** hadolint reports a variable UID only in the spelling `-u $UID`, not after `--uid` (found by running it). */
function variableAfterShortU(command: RunCommand): boolean {
  const words = command.command.words.map((w) => w.value);
  return words.some((word, i) => word === '-u' && words[i + 1]?.includes('$'));
}

/** Guide, Docker Best Practices: "# Security: run as non-root" / "RUN useradd -m appuser". */
export const DL3046 = perInstruction(
  {
    id: 'DL3046',
    defaultSeverity: 'warning',
    title: '`useradd` without flag `-l` and high UID will result in excessively large Image.',
    guide: 'Docker Best Practices: "RUN useradd -m appuser"',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (command.program !== 'useradd' || hasFlag(command.command, 'l', 'no-log-init')) continue;
      const uid = uidOf(command);
      const useradd = command.command.words[0];
      if (context.settings.hadolintParity === true && uid?.includes('$') && variableAfterShortU(command)) {
        context.report({
          range: rangeOf(command, useradd),
          message: `useradd -u ${uid} without -l gives a UID from a variable. Reported because hadolint reports it (hadolint parity is on): this linter does not report it, because the value is unknown and may well be low. If it can be above ${HIGH_UID}, add -l (--no-log-init).`,
        });
        continue;
      }
      if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) <= HIGH_UID) continue;
      context.report({
        range: rangeOf(command, useradd),
        message: `useradd with UID ${uid} and without -l writes /var/log/lastlog and /var/log/faillog as sparse files sized by the UID, and the image layer stores them in full: tens of megabytes or more of zeros. Add -l (--no-log-init).`,
        fix: { title: 'Add -l', edits: [insertWordAfter(command, useradd, '-l')] },
      });
    }
  },
  { programs: ['useradd'] },
);
