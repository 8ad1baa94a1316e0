import { commandsOf, managerCall, rangeOf } from '../commands';
import { rpmHasVersion, unpinnedPackages, YUM_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

/** Verbs whose operands are packages; groups and modules have no package version. */
const PACKAGE_VERBS = ['install', 'in', 'localinstall', 'reinstall'];

export const DL3041 = perInstruction(
  {
    id: 'DL3041',
    defaultSeverity: 'warning',
    title: 'Specify version with `dnf install -y <package>-<version>`.',
    guide: 'hadolint DL3041',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const call = managerCall(command, ['dnf', 'dnf5', 'microdnf'], YUM_OPTIONS_WITH_VALUE);
      if (!call || !PACKAGE_VERBS.includes(call.verbName)) continue;
      for (const pkg of unpinnedPackages(call, rpmHasVersion)) {
        context.report({
          range: rangeOf(command, pkg),
          message: `${command.program} installs whatever version of ${pkg.value} the repositories hold on the day of the build, so two builds of the same Dockerfile can differ. Pin it: ${pkg.value}-<version>.`,
        });
      }
    }
  },
  { programs: ['dnf', 'dnf5', 'microdnf'] },
);
