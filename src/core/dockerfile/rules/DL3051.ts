import { allLabelEntries, labelSchema, labelValueRange } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3051: a label of the configured `label-schema` has a value. */
export const DL3051 = atEnd(
  {
    id: 'DL3051',
    defaultSeverity: 'warning',
    title: 'A label of the configured label schema must not be empty.',
    guide: 'hadolint DL3051',
  },
  (model, context) => {
    const schema = labelSchema(context);
    if (!schema) return;
    for (const entry of allLabelEntries(model)) {
      if (!Object.prototype.hasOwnProperty.call(schema, entry.key) || (entry.value !== null && entry.value.trim() !== '')) continue;
      context.report({
        range: labelValueRange(entry),
        message: `Label "${entry.key}" is empty: the label schema requires a ${schema[entry.key]} value. Set it, for example from a build argument (LABEL ${entry.key}=$VALUE).`,
      });
    }
  },
);
