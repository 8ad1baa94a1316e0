import { commandsOf, hasFlag, insertWordAfter, rangeOf, subcommand } from '../commands';
import { mountsOver } from '../instructions';
import { APK_OPTIONS_WITH_VALUE, isApkAdd } from '../packages';
import { perInstruction } from '../rule';

/** hadolint DL3019. */
export const DL3019 = perInstruction(
  {
    id: 'DL3019',
    defaultSeverity: 'info',
    title: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages.',
    guide: 'hadolint DL3019',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      if (!isApkAdd(command) || hasFlag(command.command, 'no-cache')) continue;
      // A cache mount on apk's cache is there to keep the cache between builds, and it never enters the layer.
      if (mountsOver(instruction, '/var/cache/apk') || mountsOver(instruction, '/etc/apk/cache')) return;
      const add = subcommand(command.command, APK_OPTIONS_WITH_VALUE)!;
      context.report({
        range: rangeOf(command, command.command.words[0]),
        message: 'apk add without --no-cache keeps the package index in /var/cache/apk in the image. Use apk add --no-cache, which fetches a fresh index and keeps nothing (no --update and no rm -rf /var/cache/apk/* needed).',
        fix: { title: 'Add --no-cache', edits: [insertWordAfter(command, add, '--no-cache')] },
      });
    }
  },
  { programs: ['apk'] },
);
