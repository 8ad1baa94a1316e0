import { managerCall, rangeOf } from '../commands';
import { installWithoutCleanup, ZYPPER_INSTALL_VERBS, ZYPPER_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

export const DL3036 = perInstruction(
  {
    id: 'DL3036',
    defaultSeverity: 'warning',
    title: '`zypper clean` missing after zypper use.',
    guide: 'hadolint DL3036',
  },
  ['RUN'],
  (instruction, context) => {
    const found = installWithoutCleanup(context.model, instruction, {
      programs: ['zypper'],
      withValue: ZYPPER_OPTIONS_WITH_VALUE,
      installVerbs: [...ZYPPER_INSTALL_VERBS, 'update', 'up', 'patch'],
      cleans: (command) => {
        const verb = managerCall(command, ['zypper'], ZYPPER_OPTIONS_WITH_VALUE)?.verbName;
        return verb === 'clean' || verb === 'cc';
      },
      cacheFolders: ['/var/cache/zypp'],
      cleanCommand: () => 'zypper clean',
    });
    if (!found) return;
    context.report({
      range: rangeOf(found.command, found.call.program),
      message: `zypper ${found.call.verbName} leaves downloaded packages and repository metadata in /var/cache/zypp, and this RUN does not remove them, so the layer keeps them for good. End the same RUN with && zypper clean (a later RUN cannot shrink this layer).`,
      suggestions: found.suggestion ? [found.suggestion] : undefined,
    });
  },
  { programs: ['zypper'] },
);
