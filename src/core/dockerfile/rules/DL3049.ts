import { labelSchema, stageLabels } from '../labels';
import { imageStages } from '../model';
import { atEnd } from '../rule';

/**
 * hadolint DL3049: every label of the configured `label-schema` is set on each image the file builds: the final
 * stage and, as in hadolint, every other stage that no stage uses (a `--target` such as `dev` or `test`), each
 * with the labels it inherits from the stages it builds on. Stages that only serve `COPY --from` or another
 * stage's `FROM` ship no image and are not judged.
 */
export const DL3049 = atEnd(
  {
    id: 'DL3049',
    defaultSeverity: 'info',
    title: 'Every label of the configured label schema must be set on the image.',
    guide: 'hadolint DL3049',
  },
  (model, context) => {
    const schema = labelSchema(context);
    if (!schema) return;
    for (const stage of imageStages(model)) {
      const labels = stageLabels(model, stage);
      for (const [key, type] of Object.entries(schema)) {
        if (labels.has(key)) continue;
        context.report({
          range: stage.from.getInstructionRange(),
          message: `Label "${key}" is missing: the label schema requires it (${type}). Add LABEL ${key}=… to this stage or a stage it builds on.`,
        });
      }
    }
  },
);
