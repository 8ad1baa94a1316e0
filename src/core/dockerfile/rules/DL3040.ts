import { rangeOf } from '../commands';
import { installWithoutCleanup, isCleanAll, YUM_INSTALL_VERBS, YUM_OPTIONS_WITH_VALUE } from '../packages';
import { perInstruction } from '../rule';

/** dnf and microdnf share their cache folders (dnf 4 uses /var/cache/dnf, microdnf /var/cache/yum, dnf5 libdnf5). */
const DNF_PROGRAMS = ['dnf', 'dnf5', 'microdnf'];

export const DL3040 = perInstruction(
  {
    id: 'DL3040',
    defaultSeverity: 'warning',
    title: '`dnf clean all` missing after dnf command.',
    guide: 'hadolint DL3040',
  },
  ['RUN'],
  (instruction, context) => {
    const found = installWithoutCleanup(context.model, instruction, {
      programs: DNF_PROGRAMS,
      withValue: YUM_OPTIONS_WITH_VALUE,
      installVerbs: YUM_INSTALL_VERBS,
      // On the systems that have dnf, `yum` is dnf under its old name.
      cleans: (command) => isCleanAll(command, [...DNF_PROGRAMS, 'yum'], YUM_OPTIONS_WITH_VALUE),
      cacheFolders: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
      cleanCommand: (install) => `${install.program} clean all`,
    });
    if (!found) return;
    const program = found.command.program;
    context.report({
      range: rangeOf(found.command, found.call.program),
      message: `${program} ${found.call.verbName} leaves its package cache in /var/cache, and this RUN does not remove it, so the layer keeps it for good. End the same RUN with && ${program} clean all (a later RUN cannot shrink this layer).`,
      suggestions: found.suggestion ? [found.suggestion] : undefined,
    });
  },
  { programs: DNF_PROGRAMS },
);
