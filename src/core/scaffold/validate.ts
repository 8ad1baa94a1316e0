import { isAbsolute } from 'node:path';
import { FRAMEWORKS, TARGETS, type ScaffoldContext } from './context';

/**
 * Validators for each answer: pure functions returning what is wrong, or undefined when the answer is fine. The CLI
 * checks its flags with them and the editor's input boxes call them as the person types.
 */
export type Validator = (value: string) => string | undefined;

/** A DNS-1123 label, as Kubernetes requires of Service names (and so of every object name we derive from it). */
export const validateName: Validator = (value) => {
  if (value === '') return 'Enter a name, such as iris-classifier.';
  if (value.length > 63) return `A name has at most 63 characters; this one has ${value.length}.`;
  if (/[A-Z]/.test(value)) return 'Use lowercase letters: Kubernetes names are DNS labels (a-z, 0-9 and -).';
  if (!/^[a-z0-9-]+$/.test(value)) return 'Use only lowercase letters, digits and - (a DNS-1123 label).';
  if (!/^[a-z]/.test(value)) return 'Start with a letter: the name is also a Service name, which must start with one.';
  if (value.endsWith('-')) return 'End with a letter or digit, not -.';
  return undefined;
};

/** A namespace is an RFC 1123 label: unlike a Service name, it may start with a digit. */
export const validateNamespace: Validator = (value) => {
  if (value === '') return 'Enter a namespace, such as ml-serving.';
  if (value.length > 63) return `A namespace has at most 63 characters; this one has ${value.length}.`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)) return 'Use lowercase letters, digits and - (not at either end).';
  return undefined;
};

/** A TCP port number; below 1024 needs root, which the generated containers never are. */
export const validatePort: Validator = (value) => {
  if (!/^\d+$/.test(value.trim())) return 'Enter a port number from 1024 to 65535.';
  const port = Number(value.trim());
  if (port < 1 || port > 65535) return `${port} is not a port number: use 1024 to 65535.`;
  if (port < 1024) return `Port ${port} needs root to bind, and the containers run as a non-root user: use 1024 or above (8000, 8080).`;
  return undefined;
};

export const validateFramework: Validator = (value) =>
  (FRAMEWORKS as readonly string[]).includes(value) ? undefined : `Choose one of ${FRAMEWORKS.join(', ')}.`;

export const validateTarget: Validator = (value) => ((TARGETS as readonly string[]).includes(value) ? undefined : `Choose one of ${TARGETS.join(', ')}.`);

/**
 * An image repository without a tag: an optional registry host (with a port), then lowercase path components, as
 * the OCI distribution spec names repositories.
 */
export const validateImageRepository: Validator = (value) => {
  if (value === '') return 'Enter an image repository, such as ghcr.io/acme/iris.';
  const lastPart = value.slice(value.lastIndexOf('/') + 1);
  if (value.includes('@') || lastPart.includes(':')) {
    return 'Leave out the tag or digest: the scaffold sets the tag, and CI replaces it with the commit.';
  }
  const [first, ...rest] = value.split('/');
  const hasRegistry = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const components = hasRegistry ? rest : [first, ...rest];
  if (hasRegistry && !/^[a-zA-Z0-9.-]+(:\d+)?$/.test(first)) return `"${first}" is not a registry host.`;
  const bad = components.find((part) => !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(part));
  if (bad !== undefined) return `"${bad}" is not a valid repository part: use lowercase letters, digits, and . _ - between them.`;
  return undefined;
};

/**
 * A model path: not empty, with the file extension the framework's loader reads. Whether the file exists is the
 * caller's question (the CLI and the editor look at the disk); `exists` tells when they know.
 */
export function validateModelPath(value: string, framework: ScaffoldContext['framework'], exists?: boolean): string | undefined {
  if (value.trim() === '') return 'Enter the path of the model file.';
  const extensions = MODEL_EXTENSIONS[framework];
  if (!extensions.some((extension) => value.toLowerCase().endsWith(extension))) {
    return `A ${framework} model is loaded from a ${extensions.join(' or ')} file.`;
  }
  if (exists === false) return `There is no file at ${value}.`;
  return undefined;
}

/** The model file formats each generated loader reads. */
export const MODEL_EXTENSIONS: Readonly<Record<ScaffoldContext['framework'], readonly string[]>> = {
  sklearn: ['.joblib', '.pkl'],
  pytorch: ['.pt', '.pth'],
  onnx: ['.onnx'],
  tensorflow: ['.keras', '.h5'],
  xgboost: ['.json', '.ubj'],
};

/** A positive whole number within a range (input size, batch size). */
export function validateCount(value: string, what: string, max: number): string | undefined {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) return `${what} must be a whole number of at least 1.`;
  if (Number(value) > max) return `${what} must be at most ${max}.`;
  return undefined;
}

/** A host name for the Ingress: DNS labels joined by dots. */
export const validateHost: Validator = (value) =>
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/.test(value)
    ? undefined
    : 'Enter a lowercase DNS name with at least one dot, such as iris.example.com.';

/** Every problem of a whole context, keyed by answer; empty when it can be scaffolded. */
export function validateContext(context: ScaffoldContext): Partial<Record<keyof ScaffoldContext, string>> {
  const problems: Partial<Record<keyof ScaffoldContext, string>> = {
    target: validateTarget(context.target),
    name: validateName(context.name),
    framework: validateFramework(context.framework),
    modelPath: validateModelPath(context.modelPath, context.framework),
    port: validatePort(String(context.port)),
    imageRepository: validateImageRepository(context.imageRepository),
    namespace: validateNamespace(context.namespace),
    inputSize: validateCount(String(context.inputSize), 'The input size', 1_000_000),
    outputSize: validateCount(String(context.outputSize), 'The output size', 1_000_000),
    maxBatchSize: validateCount(String(context.maxBatchSize), 'The batch size', 4096),
    host: validateHost(context.host),
  };
  if (context.gpu && context.framework === 'sklearn') problems.gpu = 'scikit-learn runs on the CPU only: leave the GPU off.';
  if (context.target === 'triton' && context.port !== 8000) problems.port = "Triton's HTTP port is 8000 (gRPC 8001, metrics 8002).";
  if (context.target === 'sagemaker' && context.port !== 8080) problems.port = 'SageMaker sends requests to port 8080 only.';
  return Object.fromEntries(Object.entries(problems).filter(([, message]) => message !== undefined));
}

/** The folder to write into, relative to the workspace folder: inside it, not climbing out. */
export const validateSubfolder: Validator = (value) => {
  if (value === '') return 'Enter a folder, or . for the workspace folder itself.';
  if (isAbsolute(value) || value.split(/[\\/]/).includes('..')) return 'Give a folder inside the workspace folder, such as services/iris.';
  return undefined;
};
