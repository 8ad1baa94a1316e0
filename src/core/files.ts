import { readdirSync } from 'node:fs';

/**
 * Whether a file name (no folder) is a Dockerfile: `Dockerfile`, `Containerfile`, `api.Dockerfile`,
 * `Dockerfile.gpu`, `Containerfile.dev`. The comparison ignores case as Docker's own `-f` lookup does on
 * case-insensitive file systems, and people write `dockerfile` too.
 */
export function isDockerfileName(name: string): boolean {
  // `Dockerfile.dockerignore` is BuildKit's ignore file for that Dockerfile, not a Dockerfile.
  if (/\.dockerignore$/i.test(name)) return false;
  return /^(dockerfile|containerfile)(\.[^/]+)?$/i.test(name) || /^[^/]+\.(dockerfile|containerfile)$/i.test(name);
}

/** A glob for the same names, for file searches and document selectors (case as people write them). */
export const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}';

/** Folders never searched for files to lint. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/**
 * The ignore files that apply to a Dockerfile's build context, most specific first: BuildKit reads
 * `<Dockerfile>.dockerignore` beside the Dockerfile before the context's `.dockerignore`.
 */
export function dockerignoreCandidates(dockerfileName: string): string[] {
  return [`${dockerfileName}.dockerignore`, '.dockerignore'];
}

/** Whether text looks binary: a NUL byte in its first 8 KiB, as git and grep decide. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** The kinds of file the linter reads. */
export type LintableKind = 'dockerfile' | 'kubernetes' | 'triton' | 'mlops';

/** The project's deployment file, `mlops.yaml` (or `.yml`). */
export function isMlopsFileName(name: string): boolean {
  return /^mlops\.ya?ml$/i.test(name);
}

/** A Triton model configuration; Triton reads exactly this name in a model's folder. */
export function isTritonConfigName(name: string): boolean {
  return name === 'config.pbtxt';
}

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** A Kustomize file, whose `resources` belong to the workspace even where they hold no object of their own. */
export function isKustomizationName(name: string): boolean {
  return /^(kustomization\.ya?ml|Kustomization)$/.test(name);
}

/**
 * Whether YAML text may hold a Kubernetes object: some line sets `apiVersion` and some line sets `kind`, in block
 * style or written as JSON. It decides which YAML files of a folder are manifests (a GitHub workflow or a
 * docker-compose file is not) before anything is parsed, so it errs on the side of yes; the parser decides the rest.
 */
export function looksLikeKubernetes(text: string): boolean {
  return /^[\s\-{,]*["']?apiVersion["']?\s*:/m.test(text) && /^[\s\-{,]*["']?kind["']?\s*:/m.test(text);
}

/**
 * What a file is, from its name, and for YAML from its text: `mlops.yaml`, a Triton `config.pbtxt`, a Dockerfile
 * by name, a Kubernetes manifest when its text holds an object or it is a kustomization, else nothing to lint.
 */
export function lintableKindOf(name: string, text?: string): LintableKind | undefined {
  if (isMlopsFileName(name)) return 'mlops';
  if (isTritonConfigName(name)) return 'triton';
  if (isDockerfileName(name)) return 'dockerfile';
  if (isYamlName(name)) return isKustomizationName(name) || text === undefined || looksLikeKubernetes(text) ? 'kubernetes' : undefined;
  return isKustomizationName(name) ? 'kubernetes' : undefined;
}

/**
 * A local folder's entries, for the rules that look beside a file (a Triton model's version folders); undefined
 * when the folder cannot be read.
 */
export function listLocalDirectory(dir: string): Array<{ name: string; isDirectory: boolean }> | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  } catch {
    return undefined;
  }
}
