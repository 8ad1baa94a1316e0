import { commandsOf, hasFlag, managerCall, rangeOf, type RunCommand } from '../commands';
import { hasExpansion } from '../instructions';
import { perInstruction } from '../rule';
import type { ShellWord } from '../shell';

/** gem install's options that take a value. */
const GEM_OPTIONS_WITH_VALUE = ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'P', 'trust-policy', 'platform', 'g', 'file', 'build-root', 'p', 'http-proxy', 'config-file', 'document'];

/**
 * Whether hadolint reports a gem that this linter counts as pinned, found by running it: it sees a version only in
 * a separate `-v`/`--version` word or in `--version=…`, and it takes the word right after any flag as that flag's
 * value, so never reports it.
 */
function hadolintReports(command: RunCommand, gem: ShellWord): boolean {
  const words = command.command.words;
  if (words.some((w) => w.value === '-v' || w.value === '--version' || w.value.startsWith('--version='))) return false;
  const index = words.indexOf(gem);
  return index > 0 && !words[index - 1].value.startsWith('-');
}

export const DL3028 = perInstruction(
  {
    id: 'DL3028',
    defaultSeverity: 'warning',
    title: 'Pin versions in gem install: use `gem install <gem>:<version>` instead of `gem install <gem>`.',
    guide: 'hadolint DL3028',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const call = managerCall(command, ['gem'], GEM_OPTIONS_WITH_VALUE);
      // `gem i` is gem's own short name for install.
      if (!call || (call.verbName !== 'install' && call.verbName !== 'i')) continue;
      // `-v 1.2` / `--version 1.2` pins what it installs.
      const pinnedByFlag = hasFlag(command.command, 'v', 'version');
      const parity = context.settings.hadolintParity === true;
      if (pinnedByFlag && !parity) continue;
      for (const gem of call.operands) {
        const value = gem.value;
        // `rails:7.1.3` is pinned; a local `.gem` file or a path carries its version; a variable is unknown.
        const local = /\.gem$/i.test(value) || value.includes('/');
        if (value.includes(':')) continue;
        if (hasExpansion(value)) {
          // hadolint reads the text as written: `$GEM` has no `:version`, so it reports it.
          if (parity && hadolintReports(command, gem)) {
            context.report({
              range: rangeOf(command, gem),
              message: `gem install ${value} installs what ${value} holds when the image is built. Reported because hadolint reports it (hadolint parity is on): this linter does not, because the value (which may be name:version) is unknown here.`,
            });
          }
          continue;
        }
        if (!pinnedByFlag && !local) {
          context.report({
            range: rangeOf(command, gem),
            message: `gem install ${value} installs whatever version is newest on the day of the build, so two builds of the same Dockerfile can differ. Pin it: gem install ${value}:<version>.`,
          });
        } else if (parity && hadolintReports(command, gem)) {
          context.report({
            range: rangeOf(command, gem),
            message: local
              ? `gem install ${value} installs a local gem file. Reported because hadolint reports it (hadolint parity is on): this linter does not, because a local file carries its own version.`
              : `gem install ${value} is pinned by a version attached to its flag (-v1.2). Reported because hadolint reports it (hadolint parity is on): this linter does not, because gem reads -v1.2 the same as -v 1.2.`,
          });
        }
      }
    }
  },
  { programs: ['gem'] },
);
