import { DEFAULT_MODEL_FILES, FRAMEWORK_LABELS, FRAMEWORKS, TARGETS, type Framework, type ScaffoldContext, type Target } from './context';
import { renderTemplate, TemplateError, type TemplateView } from './render';

/** Template files by their path under a templates folder, `/`-separated: `fastapi/Dockerfile`, `kubernetes/hpa.yaml`. */
export type TemplateSet = ReadonlyMap<string, string>;

export interface PlannedFile {
  /** `/`-separated, relative to the output folder. */
  path: string;
  content: string;
}

/**
 * Which template folders each target is made of, and where each one's files go. The shared folders hold what the
 * targets have in common: the Kubernetes objects around a model server, its monitoring, `mlops.yaml`, and the
 * Python project files, model loader and test model of the FastAPI and SageMaker servers. The target's own folder
 * holds the server itself. A later folder's file replaces an earlier one's at the same output path.
 */
export const TARGET_LAYOUT: Readonly<Record<Target, ReadonlyArray<{ from: string; to: string }>>> = {
  fastapi: [
    { from: 'common/', to: '' },
    { from: 'kubernetes/', to: 'k8s/' },
    { from: 'monitoring/', to: 'k8s/' },
    { from: 'ci/', to: '.github/workflows/' },
    { from: 'python-root/', to: '' },
    { from: 'python/', to: 'app/' },
    { from: 'python-tests/', to: 'tests/' },
    { from: 'fastapi/', to: '' },
  ],
  triton: [
    { from: 'common/', to: '' },
    { from: 'kubernetes/', to: 'k8s/' },
    { from: 'monitoring/', to: 'k8s/' },
    { from: 'triton/', to: '' },
  ],
  sagemaker: [
    { from: 'common/', to: '' },
    { from: 'python-root/', to: '' },
    { from: 'python/', to: 'inference/' },
    { from: 'python-tests/', to: 'tests/' },
    { from: 'sagemaker/', to: '' },
  ],
};

/** The guide's Monitoring Metrics alert thresholds, in the units Prometheus expressions use. */
export const GUIDE_THRESHOLDS = {
  latencyP50Seconds: 0.1,
  latencyP99Seconds: 0.5,
  errorRatio: 0.01,
  cpuRatio: 0.8,
  memoryRatio: 0.85,
  stalenessSeconds: 24 * 3600,
} as const;

/**
 * The files of a new deployment: every template of the target's folders rendered with the context. A template
 * whose rendered text is blank is left out, which is how a file belongs to some variants only (a user template
 * wrapped in `{{#if gpu}}…{{/if}}`, say). Pure: the same context and templates give the same files, in path order.
 */
export function planScaffold(context: ScaffoldContext, templates: TemplateSet): PlannedFile[] {
  const view = templateView(context);
  const files = new Map<string, string>();
  for (const { from, to } of TARGET_LAYOUT[context.target]) {
    for (const [templatePath, template] of templates) {
      if (!templatePath.startsWith(from)) continue;
      const path = to + render(templatePath.slice(from.length), view, templatePath);
      const content = render(template, view, templatePath);
      if (content.trim() === '') files.delete(path);
      else files.set(path, content);
    }
  }
  return [...files].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function render(template: string, view: TemplateView, templatePath: string): string {
  try {
    return renderTemplate(template, view);
  } catch (error) {
    if (error instanceof TemplateError) throw new TemplateError(error.detail, error.line, templatePath);
    throw error;
  }
}

/**
 * How each framework's model is served by Triton's stock image: its platform or backend, the file in the version
 * folder, and the tensor names that exporter writes by default. scikit-learn has no Triton backend of its own; its
 * models are converted to ONNX (skl2onnx), which also serves them faster.
 */
const TRITON_MODELS: Readonly<Record<Framework, { key: 'platform' | 'backend'; value: string; modelFile: string; input: string; output: string }>> = {
  sklearn: { key: 'platform', value: 'onnxruntime_onnx', modelFile: 'model.onnx', input: 'float_input', output: 'variable' },
  pytorch: { key: 'platform', value: 'pytorch_libtorch', modelFile: 'model.pt', input: 'INPUT__0', output: 'OUTPUT__0' },
  onnx: { key: 'platform', value: 'onnxruntime_onnx', modelFile: 'model.onnx', input: 'input', output: 'output' },
  tensorflow: { key: 'platform', value: 'tensorflow_savedmodel', modelFile: 'model.savedmodel', input: 'inputs', output: 'output_0' },
  xgboost: { key: 'backend', value: 'fil', modelFile: 'xgboost.json', input: 'input__0', output: 'output__0' },
};

/**
 * Where the model file goes in a Triton model repository, and whether the user's file can simply be copied there:
 * ONNX, TorchScript and XGBoost JSON files can; a scikit-learn model must be converted to ONNX and a Keras model
 * exported as a SavedModel first (the version folder's README says how).
 */
export function tritonModelFile(context: ScaffoldContext): { path: string; copyFrom?: string } {
  const { modelFile } = TRITON_MODELS[context.framework];
  const path = `model_repository/${context.name}/1/${modelFile}`;
  const copyable = { onnx: ['.onnx'], pytorch: ['.pt', '.pth'], xgboost: ['.json'] } as Partial<Record<Framework, string[]>>;
  const source = context.modelPath.toLowerCase();
  return copyable[context.framework]?.some((extension) => source.endsWith(extension)) ? { path, copyFrom: context.modelPath } : { path };
}

/**
 * Requests and limits per framework: the deep-learning runtimes need more memory than a tree ensemble or a linear
 * model. Requests equal to limits for memory, so a replica is never killed for memory its node promised elsewhere.
 */
const RESOURCES: Readonly<Record<Framework, { cpuRequest: string; cpuLimit: string; memory: string }>> = {
  sklearn: { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' },
  xgboost: { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' },
  onnx: { cpuRequest: '500m', cpuLimit: '2', memory: '2Gi' },
  pytorch: { cpuRequest: '1', cpuLimit: '2', memory: '4Gi' },
  tensorflow: { cpuRequest: '1', cpuLimit: '2', memory: '4Gi' },
};

/**
 * The Triton release the manifests run (NGC tag `<version>-py3`): pinned, as MLO206 asks of every image, and
 * raised on purpose after reading its release notes.
 */
export const TRITON_VERSION = '25.01';

/** The names the templates use: the context's answers, plus flags and values derived from them. */
export function templateView(context: ScaffoldContext): TemplateView {
  const modelFile = context.modelPath.split(/[\\/]/).pop() || DEFAULT_MODEL_FILES[context.framework].split('/').pop()!;
  const triton = TRITON_MODELS[context.framework];
  const modelDir = context.modelPath.includes('/') ? context.modelPath.slice(0, context.modelPath.lastIndexOf('/')) : '.';
  return {
    ...context,
    frameworkLabel: FRAMEWORK_LABELS[context.framework],
    modelFile,
    modelDir,
    is: Object.fromEntries(TARGETS.map((target) => [target, target === context.target])),
    fw: Object.fromEntries(FRAMEWORKS.map((framework) => [framework, framework === context.framework])),
    triton: { ...triton, platform: triton.key === 'platform', kind: context.gpu ? 'KIND_GPU' : 'KIND_CPU' },
    tritonVersion: TRITON_VERSION,
    resources: context.target === 'triton' ? { cpuRequest: '1', cpuLimit: '4', memory: '8Gi' } : RESOURCES[context.framework],
    thresholds: GUIDE_THRESHOLDS,
  };
}
