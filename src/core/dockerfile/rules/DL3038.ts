import { rangeOf } from '../commands';
import { commandsMissingYes, YUM_INSTALL_VERBS, YUM_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

export const DL3038 = perInstruction(
  {
    id: 'DL3038',
    defaultSeverity: 'warning',
    title: 'Use the `-y` switch to avoid manual input `dnf install -y <package>`.',
    guide: 'hadolint DL3038',
  },
  ['RUN'],
  (instruction, context) => {
    const missing = commandsMissingYes(context.model, instruction, {
      // microdnf assumed yes until 2021; the microdnf of UBI 9 and later asks like dnf, and every release accepts -y.
      programs: ['dnf', 'dnf5', 'microdnf'],
      withValue: YUM_OPTIONS_WITH_VALUE,
      verbs: YUM_INSTALL_VERBS,
      yesFlags: ['y', 'assumeyes'],
      insert: { flag: '-y', after: 'verb' },
    });
    for (const { command, call, edit } of missing) {
      context.report({
        range: rangeOf(command, call.program),
        message: `${command.program} ${call.verbName} without -y asks for confirmation, and a build cannot answer: it gives up and the build fails. Add -y.`,
        fix: { title: 'Add -y', edits: [edit] },
      });
    }
  },
  { programs: ['dnf', 'dnf5', 'microdnf'] },
);
