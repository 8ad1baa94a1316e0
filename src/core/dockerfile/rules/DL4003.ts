import { atEnd, reportRepeated } from '../rule';

/**
 * hadolint DL4003: a stage has one CMD. Only the last one takes effect, so an earlier one is dead text that
 * misleads the reader. Reported on each CMD after the first in a stage (where hadolint reports it, so existing
 * `# hadolint ignore=DL4003` comments keep working); a CMD that replaces one inherited from another stage is fine.
 */
export const DL4003 = atEnd(
  {
    id: 'DL4003',
    defaultSeverity: 'warning',
    title: 'Multiple CMD instructions found: only the last one takes effect.',
    guide: 'hadolint DL4003',
  },
  (model, context) => reportRepeated(model, context, 'CMD'),
);
