import { checkTypedLabels, isRfc3339 } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3053: a label the configured `label-schema` types as `rfc3339` holds an RFC 3339 date-time. */
export const DL3053 = atEnd(
  {
    id: 'DL3053',
    defaultSeverity: 'warning',
    title: 'A label the label schema types as a time must hold an RFC 3339 date-time.',
    guide: 'hadolint DL3053',
  },
  (model, context) =>
    checkTypedLabels(model, context, 'rfc3339', isRfc3339, (key, value) => `Label "${key}" is not a valid time: "${value}" must conform to RFC 3339, such as 2024-05-01T12:30:00Z (date -u +%Y-%m-%dT%H:%M:%SZ prints one).`),
);
