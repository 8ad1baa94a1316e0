import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_MODEL_FILES,
  FRAMEWORKS,
  TARGETS,
  scaffoldContext,
  type Framework,
  type ScaffoldAnswers,
  type Target,
} from '../core/scaffold/context';
import { loadPackageTemplates } from '../core/scaffold/load';
import { planScaffold, tritonModelFile } from '../core/scaffold/plan';
import { MODEL_EXTENSIONS, validateContext, validateModelPath } from '../core/scaffold/validate';
import { decideWrites, type WriteAction } from '../core/scaffold/writes';
import type { CliIo } from './main';

export const SCAFFOLD_USAGE = `Usage: mlops-deploy scaffold <fastapi|triton|sagemaker> [options]

Writes a deployment that follows the MLOps deployment guide and passes mlops-deploy lint:
  fastapi    a FastAPI model service, its Dockerfile, tests, Kubernetes manifests, CI workflow and mlops.yaml
  triton     a Triton model repository, Kubernetes manifests running tritonserver, a client and mlops.yaml
  sagemaker  a SageMaker bring-your-own-container image, a boto3 deploy script and mlops.yaml

Options:
  --out DIR            where to write (default: the current folder)
  --name NAME          the deployment's name, a DNS-1123 label (default: the folder's name)
  --framework F        ${FRAMEWORKS.join(', ')} (default: from the model file's extension, else sklearn)
  --model-path P       the model file; it must exist (default: model/model.<ext> in DIR, to be added)
  --port N             the port the server listens on (default: 8000; SageMaker: 8080)
  --gpu                request a GPU and install the framework's GPU build
  --image REPO         the image repository, without a tag (default: registry.example.com/ml/NAME)
  --namespace NS       the Kubernetes namespace (default: ml-serving)
  --templates DIR      a folder of templates that replace the package's (repeatable; later folders win)
  --force              overwrite files that differ from the templates (without it they are skipped)
  -h, --help           show this help

Files identical to what would be written are left alone; files that differ are never overwritten without --force.
Exit status: 0 written, 2 usage error or nothing could be written.
`;

class ScaffoldUsageError extends Error {}

interface ScaffoldOptions {
  target: Target;
  out?: string;
  name?: string;
  framework?: Framework;
  modelPath?: string;
  port?: string;
  gpu: boolean;
  image?: string;
  namespace?: string;
  templates: string[];
  force: boolean;
}

function parseScaffoldArgs(args: readonly string[]): ScaffoldOptions | 'help' {
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) return 'help';
  const [target, ...rest] = args;
  if (!(TARGETS as readonly string[]).includes(target)) throw new ScaffoldUsageError(`the target is one of ${TARGETS.join(', ')}, not "${target}"`);
  const options: ScaffoldOptions = { target: target as Target, gpu: false, force: false, templates: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new ScaffoldUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--out':
        options.out = value();
        break;
      case '--name':
        options.name = value();
        break;
      case '--framework': {
        const framework = value();
        if (!(FRAMEWORKS as readonly string[]).includes(framework)) throw new ScaffoldUsageError(`--framework is one of ${FRAMEWORKS.join(', ')}, not "${framework}"`);
        options.framework = framework as Framework;
        break;
      }
      case '--model-path':
        options.modelPath = value();
        break;
      case '--port':
        options.port = value();
        break;
      case '--image':
        options.image = value();
        break;
      case '--namespace':
        options.namespace = value();
        break;
      case '--templates':
        options.templates.push(value());
        break;
      case '--gpu':
        options.gpu = true;
        break;
      case '--force':
        options.force = true;
        break;
      default:
        throw new ScaffoldUsageError(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}"`);
    }
  }
  return options;
}

/** The framework a model file's extension says, when only one reads it. */
function frameworkOf(path: string): Framework | undefined {
  const lower = path.toLowerCase();
  const matches = FRAMEWORKS.filter((framework) => MODEL_EXTENSIONS[framework].some((extension) => lower.endsWith(extension)));
  return matches.length === 1 ? matches[0] : undefined;
}

/** A name from the output folder: lowercase, runs of other characters as one dash. */
function nameFromFolder(folder: string): string {
  return basename(folder).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 63);
}

const LABELS: Readonly<Record<WriteAction, string>> = {
  create: 'created',
  overwrite: 'overwrote',
  identical: 'unchanged',
  skip: 'skipped',
  conflict: 'skipped',
};

/**
 * `mlops-deploy scaffold`: validates the answers given as flags, plans the files, and writes the new ones. A file
 * that differs from the template is skipped, and named, unless --force is given. Returns the exit status.
 */
export async function runScaffold(args: readonly string[], io: CliIo): Promise<number> {
  let options: ScaffoldOptions | 'help';
  try {
    options = parseScaffoldArgs(args);
  } catch (error) {
    if (!(error instanceof ScaffoldUsageError)) throw error;
    io.stderr(`mlops-deploy scaffold: ${error.message}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(SCAFFOLD_USAGE);
    return 0;
  }
  const outDir = resolve(io.cwd, options.out ?? '.');
  const problems: string[] = [];
  let modelPath: string | undefined;
  if (options.modelPath !== undefined) {
    const absolute = resolve(io.cwd, options.modelPath);
    const framework = options.framework ?? frameworkOf(options.modelPath) ?? 'sklearn';
    const problem = validateModelPath(options.modelPath, framework, existsSync(absolute) && statSync(absolute).isFile());
    if (problem) problems.push(`--model-path: ${problem}`);
    // mlops.yaml and the CI workflow name the model relative to the deployment's folder.
    const fromOut = relative(outDir, absolute);
    modelPath = (isAbsolute(fromOut) ? absolute : fromOut).split(sep).join('/');
  }
  const answers: ScaffoldAnswers = {
    target: options.target,
    name: options.name ?? nameFromFolder(outDir),
    framework: options.framework ?? (options.modelPath ? frameworkOf(options.modelPath) : undefined),
    modelPath,
    port: options.port === undefined ? undefined : /^\d+$/.test(options.port.trim()) ? Number(options.port) : Number.NaN,
    gpu: options.gpu,
    imageRepository: options.image,
    namespace: options.namespace,
  };
  if (answers.framework && answers.modelPath === undefined) answers.modelPath = DEFAULT_MODEL_FILES[answers.framework];
  const context = scaffoldContext(answers);
  const flagOf: Partial<Record<string, string>> = { name: '--name', framework: '--framework', modelPath: '--model-path', port: '--port', gpu: '--gpu', imageRepository: '--image', namespace: '--namespace' };
  for (const [key, message] of Object.entries(validateContext(context))) {
    if (key === 'modelPath' && options.modelPath !== undefined) continue;
    const hint = key === 'name' && options.name === undefined ? ` (from the folder name "${basename(outDir)}"; give --name)` : '';
    problems.push(`${flagOf[key] ?? key}: ${key === 'port' && Number.isNaN(context.port) ? `"${options.port}" is not a port number.` : message}${hint}`);
  }
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`mlops-deploy scaffold: ${problem}\n`);
    return 2;
  }

  let plan;
  try {
    plan = planScaffold(context, loadPackageTemplates(options.templates.map((folder) => resolve(io.cwd, folder))));
  } catch (error) {
    io.stderr(`mlops-deploy scaffold: the templates could not be rendered: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const existing = new Map<string, string | undefined>();
  for (const file of plan) {
    const path = join(outDir, file.path);
    existing.set(file.path, existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined);
  }
  const decisions = decideWrites(plan, existing, options.force ? 'overwrite' : 'skip');
  const counts: Partial<Record<WriteAction, number>> = {};
  for (const decision of decisions) {
    counts[decision.action] = (counts[decision.action] ?? 0) + 1;
    if (decision.action === 'create' || decision.action === 'overwrite') {
      const path = join(outDir, decision.path);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, decision.content);
        // Scripts with a shebang (SageMaker's `serve`) are run as commands.
        if (decision.content.startsWith('#!')) chmodSync(path, 0o755);
      } catch (error) {
        io.stderr(`mlops-deploy scaffold: cannot write ${decision.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
        return 2;
      }
    }
    const note = decision.action === 'skip' ? ' (it exists and differs from the template; --force overwrites it)' : '';
    io.stdout(`${LABELS[decision.action].padEnd(9)} ${decision.path}${note}\n`);
  }
  const where = relative(io.cwd, outDir) || '.';
  if (options.target === 'triton') {
    const model = tritonModelFile(context);
    const note = copyModel(model, options, io, outDir);
    if (note) io.stdout(note);
  }
  const written = (counts.create ?? 0) + (counts.overwrite ?? 0);
  io.stdout(`\n${options.target} deployment "${context.name}" in ${where}: ${written} written, ${counts.identical ?? 0} unchanged, ${counts.skip ?? 0} skipped.\n`);
  if (options.modelPath === undefined && options.target !== 'triton') io.stdout(`Put the ${context.framework} model at ${join(where, context.modelPath)}, or run again with --model-path.\n`);
  io.stdout(`Check it with: mlops-deploy lint ${where}\n`);
  return 0;
}

/**
 * Copies the model into Triton's version folder when its format is the one Triton loads, under the same rule as the
 * templates: an existing different file stays unless --force. Returns what to tell the user.
 */
function copyModel(model: { path: string; copyFrom?: string }, options: ScaffoldOptions, io: CliIo, outDir: string): string | undefined {
  const target = join(outDir, model.path);
  if (model.copyFrom === undefined || options.modelPath === undefined) {
    return `Put the model in ${model.path} (${dirname(model.path)}/README.md says how to make it).\n`;
  }
  const source = resolve(io.cwd, options.modelPath);
  const bytes = readFileSync(source);
  if (existsSync(target)) {
    if (readFileSync(target).equals(bytes)) return `${'unchanged'.padEnd(9)} ${model.path}\n`;
    if (!options.force) return `${'skipped'.padEnd(9)} ${model.path} (it exists and differs from ${options.modelPath}; --force overwrites it)\n`;
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  return `${'copied'.padEnd(9)} ${options.modelPath} to ${model.path}\n`;
}
