import { rangeOf } from '../commands';
import { commandsMissingYes, ZYPPER_INSTALL_VERBS, ZYPPER_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

/** zypper subcommands that ask before they change anything. */
const PROMPTING_VERBS = [...ZYPPER_INSTALL_VERBS, 'remove', 'rm', 'update', 'up', 'patch'];

export const DL3034 = perInstruction(
  {
    id: 'DL3034',
    defaultSeverity: 'warning',
    title: 'Non-interactive switch missing from `zypper` command: `zypper install -y`.',
    guide: 'hadolint DL3034',
  },
  ['RUN'],
  (instruction, context) => {
    const missing = commandsMissingYes(context.model, instruction, {
      programs: ['zypper'],
      withValue: ZYPPER_OPTIONS_WITH_VALUE,
      verbs: PROMPTING_VERBS,
      yesFlags: ['n', 'non-interactive', 'y', 'no-confirm'],
      // The global `-n` works for every subcommand, where `-y` is an option of some of them only.
      insert: { flag: '-n', after: 'program' },
    });
    for (const { command, call, edit } of missing) {
      context.report({
        range: rangeOf(command, call.program),
        message: `zypper ${call.verbName} without -n (--non-interactive) or -y asks for confirmation, and a build cannot answer, so it fails. Add -n.`,
        fix: { title: 'Add -n', edits: [edit] },
      });
    }
  },
  { programs: ['zypper'] },
);
