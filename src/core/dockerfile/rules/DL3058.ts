import { checkTypedLabels, isEmail } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3058: a label the configured `label-schema` types as `email` holds an RFC 5322 email address. */
export const DL3058 = atEnd(
  {
    id: 'DL3058',
    defaultSeverity: 'warning',
    title: 'A label the label schema types as an email must hold an RFC 5322 address.',
    guide: 'hadolint DL3058',
  },
  (model, context) =>
    checkTypedLabels(model, context, 'email', isEmail, (key, value) => `Label "${key}" is not a valid email address: "${value}" must be an RFC 5322 address such as ml-platform@example.com, without a name or angle brackets.`),
);
