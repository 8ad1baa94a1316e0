import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { applyEdits, isAtLeast, type Finding } from '../core/findings';
import { dockerignoreCandidates, isDockerfileName, looksBinary, SKIPPED_FOLDERS } from '../core/files';
import { initShellParser } from '../core/dockerfile/bash';
import { lintDockerfile } from '../core/dockerfile/lint';
import {
  configFilesFor,
  configFromEnv,
  FAILURE_THRESHOLDS,
  mergeConfigs,
  parseConfigFile,
  type FailureThreshold,
  type LintConfig,
} from '../core/rules/config';
import { formatCheckstyle, formatGitlab, formatJson, formatJunit, formatSarif, formatTty, OUTPUT_FORMATS, type FileResult, type OutputFormat } from '../core/rules/format';
import { allRules, ruleIds } from '../core/rules/registry';

declare const MLOPS_DEPLOY_VERSION: string | undefined;
const VERSION = typeof MLOPS_DEPLOY_VERSION === 'string' ? MLOPS_DEPLOY_VERSION : 'dev';

const USAGE = `Usage: mlops-deploy lint [options] PATH...

Lints Dockerfiles against the MLOps deployment guide and hadolint's rules. PATH is a file, a folder (searched
recursively for Dockerfile, Containerfile, *.Dockerfile and Dockerfile.*; .git and node_modules are skipped) or
- for stdin.

Options:
  -f, --format FORMAT               tty, json, sarif, checkstyle, gitlab or junit (default: tty)
  -t, --failure-threshold LEVEL     exit 1 when a finding is at or above LEVEL:
                                    error, warning, info, style or none (default: info)
      --no-fail                     exit 0 whatever is found (the same as --failure-threshold none)
  -c, --config FILE                 a config file to use instead of the .hadolint.yaml and .mlops-deploy.yaml
                                    found above each file
      --ignore RULE                 turn a rule off (repeatable)
      --fix                         apply every safe fix in place, then report what is left
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
  if (args[0] !== 'lint') throw new CliError(`unknown command "${args[0]}"; try: mlops-deploy lint PATH...`);
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
      default:
        if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new CliError('no PATH given; try: mlops-deploy lint .');
  if (options.fix && options.paths.includes('-')) throw new CliError('--fix cannot write back to stdin');
  return options;
}

/** Expands the PATH arguments into Dockerfiles, in a stable order; a missing path is an error. */
function collectFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
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
      } else if (entry.isFile() && isDockerfileName(entry.name)) {
        files.push(path);
      }
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
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
    else files.push(absolute);
  }
  return files;
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
    const flags: LintConfig = { rules: Object.fromEntries(options.ignore.map((id) => [id, 'off'])), failureThreshold: options.failureThreshold };
    const explicit = options.config ? loader.load(resolve(io.cwd, options.config)) : undefined;
    const results: FileResult[] = [];
    let threshold: FailureThreshold = 'info';
    for (const file of collectFiles(options.paths, io.cwd)) {
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
      const dir = file === '-' ? io.cwd : dirname(file);
      const files = explicit ? [] : configFilesFor(dir, existsSync, io.env);
      const config = mergeConfigs(explicit, ...files.map((path) => loader.load(path)), env.config, flags);
      threshold = config.failureThreshold ?? threshold;
      const lint = (source: string): Finding[] =>
        lintDockerfile(source, {
          config,
          facts: { hasDockerignore: file === '-' ? undefined : dockerignoreCandidates(basename(file)).some((name) => existsSync(join(dir, name))) },
          onRuleError: (id, error) => io.stderr(`${displayPath(file, io.cwd)}: rule ${id} failed and was skipped: ${String(error)}\n`),
        });
      let findings = lint(text);
      if (options.fix) findings = fixFile(file, text, findings, lint, io);
      results.push({ file: displayPath(file, io.cwd), findings });
    }
    io.stdout(format(results, options, io));
    return threshold !== 'none' && results.some((r) => r.findings.some((f) => isAtLeast(f.severity, threshold))) ? 1 : 0;
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
