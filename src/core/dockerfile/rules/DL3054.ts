import { checkTypedLabels, HADOLINT_SPDX, isSpdxExpression } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3054: a label the configured `label-schema` types as `spdx` holds an SPDX license expression. */
export const DL3054 = atEnd(
  {
    id: 'DL3054',
    defaultSeverity: 'warning',
    title: 'A label the label schema types as a license must hold an SPDX license identifier or expression.',
    guide: 'hadolint DL3054',
  },
  (model, context) =>
    checkTypedLabels(model, context, 'spdx', isSpdxExpression, (key, value) => `Label "${key}" is not a valid SPDX license identifier: "${value}" should be an identifier such as Apache-2.0 or MIT, or an expression such as (MIT OR Apache-2.0) (see https://spdx.org/licenses/).`, HADOLINT_SPDX),
);
