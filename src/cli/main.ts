import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { applyEdits, isAtLeast, type Finding } from '../core/findings';
import { dockerignoreCandidates, isYamlName, lintableKindOf, listLocalDirectory, looksBinary, looksLikeKubernetes, SKIPPED_FOLDERS, type LintableKind } from '../core/files';
import { HELM_SKIPPED } from '../core/kubernetes/lint';
import { lintKubernetesFiles } from '../core/kubernetes/workspace/index';
import { expandKustomizeResources } from '../core/kubernetes/workspace/kustomize';
import { lintMlopsFile } from '../core/mlops/lint';
import { lintTritonConfig } from '../core/triton/lint';
import { runScaffold } from './scaffold';
import { initShellParser } from '../core/dockerfile/bash';
import { lintDockerfile } from '../core/dockerfile/lint';
import {
  configFilesFor,
  configFromEnv,
  FAILURE_THRESHOLDS,
  mergeConfigs,
  normaliseKubernetesVersion,
  parseConfigFile,
  type FailureThreshold,
  type LintConfig,
} from '../core/rules/config';
import { formatCheckstyle, formatGitlab, formatJson, formatJunit, formatSarif, formatTty, OUTPUT_FORMATS, type FileResult, type OutputFormat } from '../core/rules/format';
import { allRules, ruleIds } from '../core/rules/registry';

declare const MLOPS_DEPLOY_VERSION: string | undefined;
const VERSION = typeof MLOPS_DEPLOY_VERSION === 'string' ? MLOPS_DEPLOY_VERSION : 'dev';

const USAGE = `Usage: mlops-deploy lint [options] PATH...
       mlops-deploy scaffold <fastapi|triton|sagemaker> [options]   (see mlops-deploy scaffold --help)

Lints deployment files against the MLOps deployment guide: Dockerfiles (with hadolint's rules), Kubernetes
manifests (each object, and across all manifests given: Services, HPAs, PDBs, NetworkPolicies, RBAC), Triton
config.pbtxt files and mlops.yaml. PATH is a file, a folder or - for stdin. Folders are searched recursively
(.git and node_modules skipped) for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*, config.pbtxt,
mlops.yaml and the *.yaml/*.yml files that hold a Kubernetes object or a kustomization. A file named on the
command line is linted whatever its name: YAML as Kubernetes, anything else as a Dockerfile unless it holds a
Kubernetes object. A Helm chart's templates are skipped (lint the output of \`helm template\`).

Options:
  -f, --format FORMAT               tty, json, sarif, checkstyle, gitlab or junit (default: tty)
  -t, --failure-threshold LEVEL     exit 1 when a finding is at or above LEVEL:
                                    error, warning, info, style or none (default: info)
      --no-fail                     exit 0 whatever is found (the same as --failure-threshold none)
  -c, --config FILE                 a config file to use instead of the .hadolint.yaml and .mlops-deploy.yaml
                                    found above each file
      --ignore RULE                 turn a rule off (repeatable)
      --fix                         apply every safe fix in place, then report what is left
      --kubernetes-version VERSION  the cluster's Kubernetes version (1.16 to 1.33, default 1.33): which
                                    apiVersions the schema check (MLO215) accepts as served
      --hadolint-parity             also report what hadolint reports where this linter deliberately differs
                                    (docs/hadolint-differences.md), so that no hadolint finding is lost
  -h, --help                        show this help
  -v, --version                     print the version

Configuration, weakest first: hadolint's config (the nearest .hadolint.yaml, else hadolint's user config),
the nearest .mlops-deploy.yaml, hadolint's environment variables (HADOLINT_IGNORE, HADOLINT_OVERRIDE_ERROR, …),
then these options.

Exit status: 0 no finding at or above the threshold, 1 findings at or above it, 2 usage or I/O error.
`;

/** A usage or I/O problem: one line on stderr and exit 2. */
class CliError extends Error {}

interface Options {
  format: OutputFormat;
  failureThreshold?: FailureThreshold;
  config?: string;
  ignore: string[];
  fix: boolean;
  kubernetesVersion?: string;
  hadolintParity?: boolean;
  paths: string[];
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  isTty: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

function parseArgs(args: string[]): Options | 'help' | 'version' {
  if (args[0] === '-h' || args[0] === '--help' || args.length === 0) return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  if (args[0] !== 'lint') throw new CliError(`unknown command "${args[0]}"; try: mlops-deploy lint PATH... or mlops-deploy scaffold fastapi`);
  const options: Options = { format: 'tty', ignore: [], fix: false, paths: [] };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new CliError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-f':
      case '--format': {
        const format = value();
        if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${format}"`);
        options.format = format as OutputFormat;
        break;
      }
      case '-t':
      case '--failure-threshold': {
        const threshold = value();
        if (!(FAILURE_THRESHOLDS as readonly string[]).includes(threshold)) throw new CliError(`--failure-threshold must be one of ${FAILURE_THRESHOLDS.join(', ')}, not "${threshold}"`);
        options.failureThreshold = threshold as FailureThreshold;
        break;
      }
      case '--no-fail':
        options.failureThreshold = 'none';
        break;
      case '-c':
      case '--config':
        options.config = value();
        break;
      case '--ignore': {
        const id = value().toUpperCase();
        if (!ruleIds.has(id)) throw new CliError(`--ignore: there is no rule ${id}`);
        options.ignore.push(id);
        break;
      }
      case '--fix':
        options.fix = true;
        break;
      case '--hadolint-parity':
        options.hadolintParity = true;
        break;
      case '--kubernetes-version': {
        const version = normaliseKubernetesVersion(value());
        if (version === undefined) throw new CliError('--kubernetes-version must be a Kubernetes version such as 1.30');
        options.kubernetesVersion = version;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new CliError('no PATH given; try: mlops-deploy lint .');
  if (options.fix && options.paths.includes('-')) throw new CliError('--fix cannot write back to stdin');
  return options;
}

/** A file to lint: `-` is stdin. The kind comes from the name, and for YAML and stdin from the text. */
interface Target {
  file: string;
  /** Whether the user named the file itself rather than a folder holding it. */
  explicit: boolean;
}

/** Expands the PATH arguments into files that may be linted, in a stable order; a missing path is an error. */
function collectFiles(paths: string[], cwd: string): Target[] {
  const files: Target[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new CliError(`cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.isFile() && lintableKindOf(entry.name) !== undefined) {
        files.push({ file: path, explicit: false });
      }
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push({ file: '-', explicit: true });
      continue;
    }
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new CliError(`${path}: no such file or folder`);
    }
    if (stats.isDirectory()) walk(absolute);
    else files.push({ file: absolute, explicit: true });
  }
  return files;
}

/**
 * What a file is. A file named on the command line is linted whatever its name: YAML as Kubernetes, stdin and
 * other names as a Dockerfile unless its text holds a Kubernetes object. In a folder, YAML files that hold no
 * Kubernetes object (workflows, compose files) are left alone.
 */
function kindOf(target: Target, text: string): LintableKind | undefined {
  const name = target.file === '-' ? '' : basename(target.file);
  const kind = lintableKindOf(name, target.explicit && isYamlName(name) ? undefined : text);
  if (kind !== undefined || !target.explicit) return kind;
  return looksLikeKubernetes(text) ? 'kubernetes' : 'dockerfile';
}

/** Whether a folder is a Helm chart: its templates are skipped until Helm renders them. */
function isChartFolder(folder: string): boolean {
  return existsSync(join(folder, 'Chart.yaml'));
}

function displayPath(file: string, cwd: string): string {
  if (file === '-') return '-';
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/** Reads and checks config files, each once per run; problems go to stderr with their place. */
class ConfigLoader {
  private readonly cache = new Map<string, LintConfig>();

  constructor(private readonly io: CliIo) {}

  load(path: string): LintConfig {
    let config = this.cache.get(path);
    if (config) return config;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const parsed = parseConfigFile(text, ruleIds);
    for (const problem of parsed.problems) {
      this.io.stderr(`${displayPath(path, this.io.cwd)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message}\n`);
    }
    config = parsed.config;
    this.cache.set(path, config);
    return config;
  }
}

function ruleHelp(id: string): string | undefined {
  // The docs ship beside dist/ in the package.
  const path = join(__dirname, '..', 'docs', 'rules', `${id}.md`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function format(results: FileResult[], options: Options, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { toolVersion: VERSION, rules: allRules, ruleHelp });
    case 'checkstyle':
      return formatCheckstyle(results);
    case 'gitlab':
      return formatGitlab(results, (text) => createHash('sha256').update(text).digest('hex'));
    case 'junit':
      return formatJunit(results);
    default:
      return formatTty(results, io.isTty && !io.env.NO_COLOR);
  }
}

/** Runs the CLI and returns its exit status; never rejects. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    if (args[0] === 'scaffold') return await runScaffold(args.slice(1), io);
    const options = parseArgs(args);
    if (options === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (options === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    await initShellParser();
    const loader = new ConfigLoader(io);
    const env = configFromEnv(io.env, ruleIds);
    for (const problem of env.problems) io.stderr(`mlops-deploy: ${problem}\n`);
    const flags: LintConfig = {
      rules: Object.fromEntries(options.ignore.map((id) => [id, 'off'])),
      failureThreshold: options.failureThreshold,
      kubernetes: options.kubernetesVersion ? { version: options.kubernetesVersion } : undefined,
      dockerfile: options.hadolintParity ? { hadolintParity: true } : undefined,
    };
    const explicitConfig = options.config ? loader.load(resolve(io.cwd, options.config)) : undefined;
    const results: FileResult[] = [];
    // `reached`: a file a kustomization lists outside the paths given; it is linted but never rewritten by --fix.
    const manifests: Array<{ result: FileResult; file: string; text: string; config: LintConfig; explicit: boolean; reached?: boolean }> = [];
    let helmSkipped = 0;
    let threshold: FailureThreshold = 'info';
    for (const target of collectFiles(options.paths, io.cwd)) {
      const { file } = target;
      let text: string;
      try {
        text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliError(`cannot read ${displayPath(file, io.cwd)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      if (looksBinary(text)) {
        io.stderr(`${displayPath(file, io.cwd)}: skipped, it is a binary file\n`);
        continue;
      }
      const kind = kindOf(target, text);
      if (kind === undefined) continue;
      const dir = file === '-' ? io.cwd : dirname(file);
      const files = explicitConfig ? [] : configFilesFor(dir, existsSync, io.env);
      const config = mergeConfigs(explicitConfig, ...files.map((path) => loader.load(path)), env.config, flags);
      threshold = config.failureThreshold ?? threshold;
      const onRuleError = (id: string, error: unknown): void =>
        io.stderr(`${displayPath(file, io.cwd)}: rule ${id} failed and was skipped: ${String(error)}\n`);
      const result: FileResult = { file: displayPath(file, io.cwd), findings: [] };
      results.push(result);
      switch (kind) {
        case 'kubernetes':
          // Workspace rules look at every manifest given at once, so manifests are linted together below.
          manifests.push({ result, file, text, config, explicit: target.explicit });
          break;
        case 'triton':
          result.findings = lintTritonConfig(text, { path: file === '-' ? undefined : file, listDirectory: file === '-' ? undefined : listLocalDirectory, config, onRuleError });
          break;
        case 'mlops':
          result.findings = lintMlopsFile(text, { config });
          break;
        default: {
          const lint = (source: string): Finding[] =>
            lintDockerfile(source, {
              config,
              facts: { hasDockerignore: file === '-' ? undefined : dockerignoreCandidates(basename(file)).some((name) => existsSync(join(dir, name))) },
              onRuleError,
            });
          result.findings = lint(text);
          if (options.fix) result.findings = fixFile(file, text, result.findings, lint, io);
        }
      }
    }
    if (manifests.length > 0) {
      // A kustomization's resources belong to what is deployed even when they lie outside the paths given.
      const known = new Set(manifests.map((m) => m.file));
      const reached = await expandKustomizeResources(
        manifests.map((m) => m.file).filter((file) => file !== '-'),
        { readFile: readTextOrUndefined, listDir: (path) => listLocalDirectory(path)?.map((entry) => entry.name) },
      );
      for (const file of reached) {
        if (known.has(file)) continue;
        const text = readTextOrUndefined(file);
        if (text === undefined || looksBinary(text) || !looksLikeKubernetes(text)) continue;
        const files = explicitConfig ? [] : configFilesFor(dirname(file), existsSync, io.env);
        const config = mergeConfigs(explicitConfig, ...files.map((path) => loader.load(path)), env.config, flags);
        const result: FileResult = { file: displayPath(file, io.cwd), findings: [] };
        results.push(result);
        manifests.push({ result, file, text, config, explicit: false, reached: true });
      }
      const configs = new Map(manifests.map((m) => [m.file, m.config]));
      const lintAll = (texts: ReadonlyMap<string, string>): Map<string, Finding[]> =>
        lintKubernetesFiles(
          manifests.map((m) => ({ path: m.file, text: texts.get(m.file) ?? m.text })),
          {
            config: (path) => configs.get(path),
            isChartFolder,
            onRuleError: (id, error) => io.stderr(`mlops-deploy: rule ${id} failed and was skipped: ${String(error)}\n`),
          },
        );
      let byFile = lintAll(new Map());
      if (options.fix) byFile = fixManifests(manifests.filter((m) => !m.reached), byFile, lintAll, io);
      for (const manifest of manifests) {
        const findings = byFile.get(manifest.file) ?? [];
        // A chart's templates met in a folder are left out quietly (one line below says how many); a template named
        // on the command line gets its finding saying why it was not checked.
        if (!manifest.explicit && findings.length === 1 && findings[0].code === HELM_SKIPPED) {
          helmSkipped++;
          results.splice(results.indexOf(manifest.result), 1);
        } else {
          manifest.result.findings = findings;
        }
      }
    }
    if (helmSkipped > 0) {
      io.stderr(`mlops-deploy: skipped ${helmSkipped} Helm template file${helmSkipped === 1 ? '' : 's'}; lint the output of \`helm template\` instead\n`);
    }
    io.stdout(format(results, options, io));
    // The note that a Helm template was not checked is no finding about the file: it does not fail the run.
    if (threshold === 'none') return 0;
    const limit = threshold;
    return results.some((r) => r.findings.some((f) => f.code !== HELM_SKIPPED && isAtLeast(f.severity, limit))) ? 1 : 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`mlops-deploy: ${error.message}\n`);
      return 2;
    }
    io.stderr(`mlops-deploy: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

/**
 * Applies the safe fixes of a file until none is left (a fix can make another one possible, at most a few
 * rounds), writes the file only if it changed, creates the files fixes ask for only where none exists, and returns
 * the findings of the fixed text.
 */
function fixFile(file: string, original: string, findings: Finding[], lint: (text: string) => Finding[], io: CliIo): Finding[] {
  let text = original;
  let current = findings;
  for (let round = 0; round < 5; round++) {
    const edits = current.flatMap((f) => f.fix?.edits ?? []);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    current = lint(text);
  }
  if (text !== original) {
    writeFileSync(file, text);
    io.stderr(`${displayPath(file, io.cwd)}: fixed\n`);
  }
  let createdAny = false;
  for (const wanted of findings.flatMap((f) => f.fix?.files ?? [])) {
    const target = join(dirname(file), wanted.relativePath);
    try {
      writeFileSync(target, wanted.content, { flag: 'wx' });
      io.stderr(`${displayPath(target, io.cwd)}: created\n`);
      createdAny = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CliError(`cannot create ${displayPath(target, io.cwd)}: ${String(error)}`);
    }
  }
  // A created file (a .dockerignore) changes what the rules see.
  return createdAny ? lint(text) : current;
}

/**
 * The safe fixes of manifests, applied until none is left (a few rounds at most). Workspace rules see every
 * manifest, so each round lints them all again. Changed files are written; nothing is created.
 */
function fixManifests(
  manifests: ReadonlyArray<{ file: string; text: string }>,
  initial: Map<string, Finding[]>,
  lintAll: (texts: ReadonlyMap<string, string>) => Map<string, Finding[]>,
  io: CliIo,
): Map<string, Finding[]> {
  const texts = new Map(manifests.map((m) => [m.file, m.text]));
  let current = initial;
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const [file, findings] of current) {
      const edits = findings.flatMap((f) => f.fix?.edits ?? []);
      const text = texts.get(file);
      if (edits.length === 0 || text === undefined || file === '-') continue;
      const next = applyEdits(text, edits);
      if (next !== text) {
        texts.set(file, next);
        changed = true;
      }
    }
    if (!changed) break;
    current = lintAll(texts);
  }
  for (const manifest of manifests) {
    const text = texts.get(manifest.file);
    if (text !== undefined && text !== manifest.text) {
      writeFileSync(manifest.file, text);
      io.stderr(`${displayPath(manifest.file, io.cwd)}: fixed\n`);
    }
  }
  return current;
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
