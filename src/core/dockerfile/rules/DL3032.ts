import { rangeOf } from '../commands';
import { installWithoutCleanup, isCleanAll, YUM_INSTALL_VERBS, YUM_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

export const DL3032 = perInstruction(
  {
    id: 'DL3032',
    defaultSeverity: 'warning',
    title: '`yum clean all` missing after yum command.',
    guide: 'hadolint DL3032',
  },
  ['RUN'],
  (instruction, context) => {
    const found = installWithoutCleanup(context.model, instruction, {
      programs: ['yum'],
      withValue: YUM_OPTIONS_WITH_VALUE,
      installVerbs: YUM_INSTALL_VERBS,
      cleans: (command) => isCleanAll(command, ['yum'], YUM_OPTIONS_WITH_VALUE),
      cacheFolders: ['/var/cache/yum'],
      cleanCommand: () => 'yum clean all',
    });
    if (!found) return;
    context.report({
      range: rangeOf(found.command, found.call.program),
      message: `yum ${found.call.verbName} leaves its package cache in /var/cache/yum, and this RUN does not remove it, so the layer keeps it for good. End the same RUN with && yum clean all (a later RUN cannot shrink this layer).`,
      suggestions: found.suggestion ? [found.suggestion] : undefined,
    });
  },
  { programs: ['yum'] },
);
