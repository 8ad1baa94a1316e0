import { copiesFromContext, copySources } from '../instructions';
import { finalStage, stageLineage } from '../model';
import { atEnd } from '../rule';

/** Files that are model weights wherever they are. */
const MODEL_FILE = /\.(pt|pth|onnx|safetensors|h5|pb|plan|ckpt|gguf|tflite|joblib)$/i;
/** Files that are model weights when they sit in a model folder (`models/pytorch_model.bin`, `model/model.pkl`). */
const MODEL_FILE_IN_FOLDER = /\.(bin|pkl|pickle)$/i;
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
          // `models/*` and `models/**` copy the folder's contents: the same as copying the folder.
          const segments = source.value.replace(/^\.\//, '').replace(/(\/\*\*?)+$/, '').replace(/\/+$/, '').split('/');
          const file = segments[segments.length - 1];
          const inModelFolder = segments.slice(0, -1).some((s) => MODEL_FOLDER.test(s));
          // A whole `models/` folder counts only at the top of the context: `app/models/` is usually code (ORM
          // or pydantic models), not weights.
          const isModelFolder = segments.length === 1 && MODEL_FOLDER.test(file);
          const isModel = MODEL_FILE.test(file) || (MODEL_FILE_IN_FOLDER.test(file) && inModelFolder) || isModelFolder;
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
