/**
 * The answers a new deployment is made from: one typed context that the CLI's flags and the editor's questions
 * both fill in, and that the planned files are a pure function of.
 */

export const TARGETS = ['fastapi', 'triton', 'sagemaker'] as const;
export type Target = (typeof TARGETS)[number];

export const FRAMEWORKS = ['sklearn', 'pytorch', 'onnx', 'tensorflow', 'xgboost'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** How each framework is named to people (the editor's pick list, the CLI's help). */
export const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = {
  sklearn: 'scikit-learn',
  pytorch: 'PyTorch',
  onnx: 'ONNX',
  tensorflow: 'TensorFlow',
  xgboost: 'XGBoost',
};

export const TARGET_LABELS: Readonly<Record<Target, string>> = {
  fastapi: 'FastAPI service on Kubernetes',
  triton: 'NVIDIA Triton Inference Server on Kubernetes',
  sagemaker: 'AWS SageMaker endpoint (bring your own container)',
};

/**
 * The model file each framework's loader expects when none is given: the format its own documentation saves to
 * (joblib for scikit-learn, TorchScript for PyTorch so that no model class is needed at serving time, the Keras
 * format for TensorFlow, XGBoost's JSON format).
 */
export const DEFAULT_MODEL_FILES: Readonly<Record<Framework, string>> = {
  sklearn: 'model/model.joblib',
  pytorch: 'model/model.pt',
  onnx: 'model/model.onnx',
  tensorflow: 'model/model.keras',
  xgboost: 'model/model.json',
};

/** The port each target serves on; SageMaker's container contract fixes 8080, Triton's HTTP port is 8000. */
export const DEFAULT_PORTS: Readonly<Record<Target, number>> = { fastapi: 8000, triton: 8000, sagemaker: 8080 };

export interface ScaffoldContext {
  target: Target;
  /** The deployment's name: a DNS-1123 label, used for Kubernetes objects, the image and the Triton model. */
  name: string;
  framework: Framework;
  /** The model file's path as the user gave it (relative to the output folder, or absolute). */
  modelPath: string;
  /** The port the server listens on inside the container. */
  port: number;
  gpu: boolean;
  /** The image without a tag, e.g. `ghcr.io/acme/iris`. */
  imageRepository: string;
  /** The first image tag the manifests name; CI replaces it with the commit's. */
  imageTag: string;
  namespace: string;
  /** Number of input features (FastAPI, SageMaker) or the input tensor's last dimension (Triton). */
  inputSize: number;
  /** Number of outputs the model returns per row. */
  outputSize: number;
  /** Triton's max_batch_size and the FastAPI request's row limit. */
  maxBatchSize: number;
  /** The public host name the Ingress serves. */
  host: string;
  /** The Prometheus server the rollout watches. */
  prometheusUrl: string;
}

/** The answers a person must give; the rest have defaults. */
export type ScaffoldAnswers = Pick<ScaffoldContext, 'target' | 'name'> & Partial<ScaffoldContext>;

/** The full context from the answers given, with the defaults for the rest. */
export function scaffoldContext(answers: ScaffoldAnswers): ScaffoldContext {
  const framework = answers.framework ?? 'sklearn';
  return {
    framework,
    modelPath: DEFAULT_MODEL_FILES[framework],
    port: DEFAULT_PORTS[answers.target],
    gpu: false,
    imageRepository: `registry.example.com/ml/${answers.name}`,
    imageTag: '0.1.0',
    namespace: 'ml-serving',
    inputSize: 4,
    outputSize: 1,
    maxBatchSize: 64,
    host: `${answers.name}.example.com`,
    prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
    ...withoutUndefined(answers),
    target: answers.target,
    name: answers.name,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
