import { checkTypedLabels, isGitHash, type HadolintFormat } from '../labels';
import { atEnd } from '../rule';

/** What hadolint 2.15.1 accepts as a hash, found by running it. */
const HADOLINT_HASH: HadolintFormat = { accepts: (value) => /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value), only: 'exactly 7 or 40 lower-case hex digits' };

/** hadolint DL3055: a label the configured `label-schema` types as `hash` holds a full git commit hash. */
export const DL3055 = atEnd(
  {
    id: 'DL3055',
    defaultSeverity: 'warning',
    title: 'A label the label schema types as a hash must hold a full git commit hash.',
    guide: 'hadolint DL3055',
  },
  (model, context) =>
    checkTypedLabels(model, context, 'hash', isGitHash, (key, value) => `Label "${key}" is not a valid git hash: "${value}" must be a full 40-character commit hash (64 for a SHA-256 repository), such as the output of git rev-parse HEAD.`, HADOLINT_HASH),
);
