import { allLabelEntries, labelSchema } from '../labels';
import { atEnd } from '../rule';

/** hadolint DL3050: with `strict-labels`, only the labels of the configured `label-schema` may be set. */
export const DL3050 = atEnd(
  {
    id: 'DL3050',
    defaultSeverity: 'info',
    title: 'With strict labels, only labels of the configured label schema may be set.',
    guide: 'hadolint DL3050',
  },
  (model, context) => {
    const schema = labelSchema(context);
    if (!schema || !context.settings.strictLabels) return;
    for (const entry of allLabelEntries(model)) {
      if (Object.prototype.hasOwnProperty.call(schema, entry.key)) continue;
      context.report({
        range: entry.keyRange,
        message: `Superfluous label "${entry.key}": strict labels allow only the keys of the label schema (${Object.keys(schema).join(', ')}). Remove it or add it to the schema.`,
      });
    }
  },
);
