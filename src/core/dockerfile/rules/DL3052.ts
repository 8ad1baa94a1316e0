import { checkTypedLabels, isUrl } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3052: a label the configured `label-schema` types as `url` holds an absolute URL. */
export const DL3052 = atEnd(
  {
    id: 'DL3052',
    defaultSeverity: 'warning',
    title: 'A label the label schema types as a URL must hold an absolute URL.',
    guide: 'hadolint DL3052',
  },
  (model, context) =>
    checkTypedLabels(model, context, 'url', isUrl, (key, value) => `Label "${key}" is not a valid URL: "${value}" needs a scheme and, for web addresses, a host, such as https://github.com/org/repo.`),
);
