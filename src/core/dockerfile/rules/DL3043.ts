import type { Onbuild } from 'dockerfile-ast';
import { perInstruction } from '../rule';

/** Instructions Docker refuses as an ONBUILD trigger. */
const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const DL3043 = perInstruction(
  {
    id: 'DL3043',
    defaultSeverity: 'error',
    title: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
    guide: 'hadolint DL3043',
  },
  ['ONBUILD'],
  (instruction, context) => {
    const onbuild = instruction as Onbuild;
    const trigger = onbuild.getTrigger();
    const range = onbuild.getTriggerRange();
    if (!trigger || !range || !FORBIDDEN.has(trigger.toUpperCase())) return;
    const why = trigger.toUpperCase() === 'ONBUILD' ? 'ONBUILD cannot be chained' : `${trigger.toUpperCase()} cannot run as a trigger in another image's build`;
    context.report({
      range,
      message: `ONBUILD ${onbuild.getTriggerWord() ?? trigger} is not allowed: ${why}, so Docker rejects the Dockerfile. Remove it, or move the instruction out of ONBUILD.`,
    });
  },
);
