import { atEnd, reportRepeated } from '../rule';

/**
 * hadolint DL4004: a stage has one ENTRYPOINT. Only the last one takes effect, so an earlier one is dead text that
 * misleads the reader. Reported on each ENTRYPOINT after the first in a stage; an ENTRYPOINT that replaces one
 * inherited from another stage is fine.
 */
export const DL4004 = atEnd(
  {
    id: 'DL4004',
    defaultSeverity: 'error',
    title: 'Multiple ENTRYPOINT instructions found: only the last one takes effect.',
    guide: 'hadolint DL4004',
  },
  (model, context) => reportRepeated(model, context, 'ENTRYPOINT'),
);
