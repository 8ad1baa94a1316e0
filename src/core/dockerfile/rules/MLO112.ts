import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';
import { copiesFromContext, copySources } from '../serving';

const MODEL_FILE = /\.(pt|pth|onnx|safetensors|h5|pb|plan)$/i;
const MODEL_FOLDER = /^(models?|weights|checkpoints?)$/i;

/**
 * Guide, Kubernetes Checklist and Monitoring ("Model Staleness > 24h"): a model baked into the image can only be
 * replaced by rebuilding and redeploying it, and makes every image as large as the model.
 */
export const MLO112 = atEnd(
  {
    id: 'MLO112',
    defaultSeverity: 'info',
    title: 'Load model artifacts from a model store at start-up instead of baking them into the image.',
    guide: 'Monitoring Metrics: "Model Staleness | Gauge | > 24h"',
  },
  (model, context) => {
    const stage = finalStage(model);
    if (!stage) return;
    for (const lineageStage of stageLineage(model, stage)) {
      for (const instruction of lineageStage.instructions) {
        if (!copiesFromContext(instruction)) continue;
        for (const source of copySources(instruction)) {
          const path = source.value.replace(/\/+$/, '');
          const segments = path.split('/');
          const file = segments[segments.length - 1];
          const inModelFolder = segments.slice(0, -1).some((s) => MODEL_FOLDER.test(s));
          const isModel = MODEL_FILE.test(file) || (/\.bin$/i.test(file) && inModelFolder) || MODEL_FOLDER.test(file);
          if (!isModel) continue;
          context.report({
            range: source.range,
            message: `${source.value} bakes model artifacts into the image: every new model means a new image and a redeploy, and the image carries the weights. Load the model from a model store (S3, GCS, a registry, a volume) at start-up.`,
          });
        }
      }
    }
  },
);
