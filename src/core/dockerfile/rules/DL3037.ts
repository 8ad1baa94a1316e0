import { commandsOf, flagValue, managerCall, rangeOf } from '../commands';
import { unpinnedPackages, ZYPPER_INSTALL_VERBS, ZYPPER_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

/**
 * zypper's ways of naming a version: `curl=8.0.1`, `'curl>=8'`, `curl<9`, or the RPM spelling `curl-8.0.1` (zypper
 * reads `name-version[-release]` as `name=version[-release]` when no package has the whole word as its name). The
 * RPM spelling counts only with a dotted version: SUSE names library packages after their soname with a dash
 * (`libxml2-2`, `libpng16-16`) and writes their dots as underscores, so `gcc-13` or `libxml2-2` is taken for a name.
 */
function zypperHasVersion(value: string): boolean {
  return /[<>=]/.test(value) || /-\d+\.[^-]*(-[^-]*\d[^-]*)?$/.test(value);
}

const PREFIXED = /^(pattern|patch|product|srcpackage|application):/;

export const DL3037 = perInstruction(
  {
    id: 'DL3037',
    defaultSeverity: 'warning',
    title: 'Specify version with `zypper install -y <package>[=]<version>`.',
    guide: 'hadolint DL3037',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const call = managerCall(command, ['zypper'], ZYPPER_OPTIONS_WITH_VALUE);
      if (!call || !ZYPPER_INSTALL_VERBS.includes(call.verbName)) continue;
      // Patterns, patches and products (`-t pattern devel_basis`) have no version to pin.
      const type = flagValue(command.command, 't', 'type');
      if (type !== undefined && type !== 'package') continue;
      const unpinned = unpinnedPackages(call, zypperHasVersion);
      // hadolint counts only `=`, `<` or `>` as a version, and judges install and in, not source-install.
      const parityOnly =
        context.settings.hadolintParity === true && (call.verbName === 'install' || call.verbName === 'in')
          ? unpinnedPackages(call, (value) => /[<>=]/.test(value)).filter((pkg) => !unpinned.includes(pkg) && !PREFIXED.test(pkg.value))
          : [];
      for (const pkg of parityOnly) {
        context.report({
          range: rangeOf(command, pkg),
          message: `${pkg.value} is the RPM spelling name-version, which zypper reads as a pinned version. Reported because hadolint reports it (hadolint parity is on): hadolint counts only =, < or > as a version. ${pkg.value.replace(/-(\d+\.[^-]*(-[^-]*\d[^-]*)?)$/, '=$1')} satisfies both.`,
        });
      }
      for (const pkg of unpinned) {
        // `pattern:devel_basis`, `patch:…`: the same, written with a prefix.
        if (PREFIXED.test(pkg.value)) continue;
        context.report({
          range: rangeOf(command, pkg),
          message: `zypper installs whatever version of ${pkg.value} the repositories hold on the day of the build, so two builds of the same Dockerfile can differ. Pin it: ${pkg.value}=<version>.`,
        });
      }
    }
  },
  { programs: ['zypper'] },
);
