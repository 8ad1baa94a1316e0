import { finalStage } from '../model';
import { atEnd } from '../rule';
import { labelSchema, stageLabels } from './support-c';

/**
 * hadolint DL3049: every label of the configured `label-schema` is set on the image. The image is the final stage
 * (what `docker build` produces without `--target`), with the labels it inherits from the stages it builds on;
 * builder stages that only serve `COPY --from` ship no image and are not judged.
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
    const stage = finalStage(model);
    if (!schema || !stage) return;
    const labels = stageLabels(model, stage);
    for (const [key, type] of Object.entries(schema)) {
      if (labels.has(key)) continue;
      context.report({
        range: stage.from.getInstructionRange(),
        message: `Label "${key}" is missing: the label schema requires it (${type}). Add LABEL ${key}=… to the final stage or a stage it builds on.`,
      });
    }
  },
);
