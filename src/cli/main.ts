import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isAtLeast, type Finding } from '../core/findings';
import { dockerignoreCandidates, isDockerfileName, SKIPPED_FOLDERS } from '../core/files';
import { initShellParser } from '../core/dockerfile/bash';
import { lintDockerfile, looksBinary } from '../core/dockerfile/lint';
import { FAILURE_THRESHOLDS, findConfigFile, mergeConfigs, parseConfigFile, type FailureThreshold, type LintConfig } from '../core/rules/config';
import { formatJson, formatSarif, formatTty, OUTPUT_FORMATS, type FileResult, type OutputFormat } from '../core/rules/format';
import { allRules, ruleIds } from '../core/rules/registry';

declare const MLOPS_DEPLOY_VERSION: string | undefined;

const USAGE = `Usage: mlops-deploy lint [options] PATH...

Lints Dockerfiles against the MLOps deployment guide. PATH is a file, a folder (searched recursively for
Dockerfile, Containerfile, *.Dockerfile and Dockerfile.*; .git and node_modules are skipped) or - for stdin.

Options:
  -f, --format tty|json|sarif       output format (default: tty)
  -t, --failure-threshold LEVEL     exit 1 when a finding is at or above LEVEL:
                                    error, warning, info, style or none (default: info)
  -c, --config FILE                 a .mlops-deploy.yaml to use instead of the nearest one above each file
  -h, --help                        show this help
  -v, --version                     print the version

Exit status: 0 no finding at or above the threshold, 1 findings at or above it, 2 usage or I/O error.
`;

/** A usage or I/O problem: one line on stderr and exit 2. */
class CliError extends Error {}

interface Options {
  format: OutputFormat;
  failureThreshold?: FailureThreshold;
  config?: string;
  paths: string[];
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  isTty: boolean;
  cwd: string;
}

function parseArgs(args: string[]): Options | 'help' | 'version' {
  if (args[0] === '-h' || args[0] === '--help' || args.length === 0) return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  if (args[0] !== 'lint') throw new CliError(`unknown command "${args[0]}"; try: mlops-deploy lint PATH...`);
  const options: Options = { format: 'tty', paths: [] };
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
      case '-c':
      case '--config':
        options.config = value();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new CliError('no PATH given; try: mlops-deploy lint .');
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

function loadConfig(path: string, io: CliIo): LintConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parsed = parseConfigFile(text, ruleIds);
  for (const problem of parsed.problems) {
    io.stderr(`${path}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message}\n`);
  }
  return parsed.config;
}

function displayPath(file: string, cwd: string): string {
  if (file === '-') return '-';
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

function ruleHelp(id: string): string | undefined {
  // The docs ship beside dist/ in the package.
  const path = join(__dirname, '..', 'docs', 'rules', `${id}.md`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
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
      io.stdout(`${typeof MLOPS_DEPLOY_VERSION === 'string' ? MLOPS_DEPLOY_VERSION : 'dev'}\n`);
      return 0;
    }
    await initShellParser();
    const explicitConfig = options.config ? loadConfig(resolve(io.cwd, options.config), io) : undefined;
    const configCache = new Map<string, LintConfig | undefined>();
    const configFor = (file: string): LintConfig | undefined => {
      if (explicitConfig) return explicitConfig;
      const found = findConfigFile(file === '-' ? io.cwd : dirname(file), existsSync, join, dirname);
      if (!found) return undefined;
      if (!configCache.has(found)) configCache.set(found, loadConfig(found, io));
      return configCache.get(found);
    };
    const results: FileResult[] = [];
    let threshold: FailureThreshold = options.failureThreshold ?? 'info';
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
      const config = configFor(file);
      if (!options.failureThreshold && config?.failureThreshold) threshold = config.failureThreshold;
      const dir = file === '-' ? io.cwd : dirname(file);
      const hasDockerignore = file === '-' ? undefined : dockerignoreCandidates(basename(file)).some((name) => existsSync(join(dir, name)));
      const findings = lintDockerfile(text, {
        config: mergeConfigs(config),
        facts: { hasDockerignore },
        onRuleError: (id, error) => io.stderr(`${displayPath(file, io.cwd)}: rule ${id} failed and was skipped: ${String(error)}\n`),
      });
      results.push({ file: displayPath(file, io.cwd), findings });
    }
    if (options.format === 'json') io.stdout(formatJson(results));
    else if (options.format === 'sarif') io.stdout(formatSarif(results, { toolVersion: typeof MLOPS_DEPLOY_VERSION === 'string' ? MLOPS_DEPLOY_VERSION : 'dev', rules: allRules, ruleHelp }));
    else io.stdout(formatTty(results, io.isTty));
    return failed(results.flatMap((r) => r.findings), threshold) ? 1 : 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`mlops-deploy: ${error.message}\n`);
      return 2;
    }
    io.stderr(`mlops-deploy: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

function failed(findings: Finding[], threshold: FailureThreshold): boolean {
  return threshold !== 'none' && findings.some((f) => isAtLeast(f.severity, threshold));
}
