import { rangeOf } from '../commands';
import { commandsMissingYes, YUM_INSTALL_VERBS, YUM_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

export const DL3030 = perInstruction(
  {
    id: 'DL3030',
    defaultSeverity: 'warning',
    title: 'Use the `-y` switch to avoid manual input `yum install -y <package>`.',
    guide: 'hadolint DL3030',
  },
  ['RUN'],
  (instruction, context) => {
    const missing = commandsMissingYes(context.model, instruction, {
      programs: ['yum'],
      withValue: YUM_OPTIONS_WITH_VALUE,
      verbs: YUM_INSTALL_VERBS,
      yesFlags: ['y', 'assumeyes'],
      insert: { flag: '-y', after: 'verb' },
    });
    for (const { command, call, edit } of missing) {
      context.report({
        range: rangeOf(command, call.program),
        message: `yum ${call.verbName} without -y asks for confirmation, and a build cannot answer: yum gives up and the build fails. Add -y.`,
        fix: { title: 'Add -y', edits: [edit] },
      });
    }
  },
  { programs: ['yum'] },
);
