/**
 * Whether a file name (no folder) is a Dockerfile: `Dockerfile`, `Containerfile`, `api.Dockerfile`,
 * `Dockerfile.gpu`, `Containerfile.dev`. The comparison ignores case as Docker's own `-f` lookup does on
 * case-insensitive file systems, and people write `dockerfile` too.
 */
export function isDockerfileName(name: string): boolean {
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
