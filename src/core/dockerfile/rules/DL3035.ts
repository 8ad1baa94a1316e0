import { commandsOf, managerCall, rangeOf } from '../commands';
import { ZYPPER_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

export const DL3035 = perInstruction(
  {
    id: 'DL3035',
    defaultSeverity: 'warning',
    title: 'Do not use `zypper dist-upgrade`.',
    guide: 'hadolint DL3035',
  },
  ['RUN'],
  (instruction, context) => {
    for (const command of commandsOf(context.model, instruction)) {
      const call = managerCall(command, ['zypper'], ZYPPER_OPTIONS_WITH_VALUE);
      if (!call || (call.verbName !== 'dist-upgrade' && call.verbName !== 'dup')) continue;
      context.report({
        range: rangeOf(command, call.verb),
        message: `zypper ${call.verbName} upgrades the whole distribution, possibly to a new release, inside the image: what you get depends on the day of the build. Use a base image of the release you want, and install or update only the packages you need.`,
      });
    }
  },
  { programs: ['zypper'] },
);
