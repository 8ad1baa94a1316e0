import { commandsOf, hasFlag, managerCall, rangeOf } from '../commands';
import { hasExpansion } from '../instructions';
import { perInstruction } from '../rule';

/** gem install's options that take a value. */
const GEM_OPTIONS_WITH_VALUE = ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'P', 'trust-policy', 'platform', 'g', 'file', 'build-root', 'p', 'http-proxy', 'config-file', 'document'];

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
      if (hasFlag(command.command, 'v', 'version')) continue;
      for (const gem of call.operands) {
        const value = gem.value;
        // `rails:7.1.3` is pinned; a local `.gem` file or a path carries its version; a variable is unknown.
        if (value.includes(':') || /\.gem$/i.test(value) || value.includes('/') || hasExpansion(value)) continue;
        context.report({
          range: rangeOf(command, gem),
          message: `gem install ${value} installs whatever version is newest on the day of the build, so two builds of the same Dockerfile can differ. Pin it: gem install ${value}:<version>.`,
        });
      }
    }
  },
);
