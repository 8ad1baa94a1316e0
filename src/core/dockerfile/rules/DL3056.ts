import { checkTypedLabels, isSemver } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3056: a label the configured `label-schema` types as `semver` holds a semantic version. */
export const DL3056 = atEnd(
  {
    id: 'DL3056',
    defaultSeverity: 'warning',
    title: 'A label the label schema types as a version must hold a semantic version.',
    guide: 'hadolint DL3056',
  },
  (model, context) =>
    checkTypedLabels(model, context, 'semver', isSemver, (key, value) => `Label "${key}" does not conform to semantic versioning: "${value}" should look like 1.4.2 or 2.0.0-rc.1${/^v\d/.test(value) ? ', without the leading v' : ''}.`),
);
