/**
 * Running hadolint as a separate process, the same way for the differential test and the benchmark. hadolint is
 * GPL-3.0: it is only ever executed, never bundled, imported or copied.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The compiled files live in <out>/test/diff/, three levels below the repository root. */
export const ROOT = resolve(__dirname, '..', '..', '..');

export interface Hadolint {
  path: string;
  /** `2.15.1`, from `hadolint --version`. */
  version: string;
}

/** One hadolint finding in its JSON format. */
export interface HadolintFinding {
  code: string;
  line: number;
  column: number;
  level: string;
  message: string;
  file: string;
}

/**
 * The binary to run: `--hadolint PATH` on the command line, else $HADOLINT, else the one scripts/install-hadolint.sh
 * installs (or finds already installed) in the cache folder.
 */
export function findHadolint(argv: readonly string[]): Hadolint {
  const flag = argv.indexOf('--hadolint');
  let path = flag >= 0 ? argv[flag + 1] : process.env.HADOLINT;
  if (!path) {
    const output = execFileSync('bash', [join(ROOT, 'scripts/install-hadolint.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    path = output.trim().split('\n').pop();
  }
  if (!path || !existsSync(path)) throw new Error(`hadolint not found at ${path ?? '(no path)'}`);
  const banner = execFileSync(path, ['--version'], { encoding: 'utf8', env: hadolintEnv() });
  const version = /(\d+\.\d+\.\d+)/.exec(banner)?.[1];
  if (!version) throw new Error(`cannot read hadolint's version from: ${banner.trim()}`);
  return { path, version };
}

/**
 * Writes the config every run passes with `--config`. Passing one stops hadolint from reading a user's
 * ~/.config/hadolint.yaml or a .hadolint.yaml in the working folder, which would change its findings; it ignores no
 * rule and sets nothing, so hadolint keeps its defaults. An empty file is not accepted: hadolint rejects it as an
 * "empty YAML stream".
 */
export function writeHadolintConfig(dir: string): string {
  const path = join(dir, 'hadolint-config.yaml');
  writeFileSync(path, 'ignored: []\n');
  return path;
}

/** The arguments for linting one file; `--no-fail` keeps the exit code 0 whatever hadolint finds. */
export function hadolintArgs(configPath: string, file: string): string[] {
  return ['--config', configPath, '--format', 'json', '--no-fail', '--no-color', file];
}

/** The environment without the HADOLINT_* variables, which would override the config (HADOLINT_IGNORE and others). */
export function hadolintEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HADOLINT_')));
}

/** Parses hadolint's JSON output; a run that printed anything else is an error of the harness, not a finding. */
export function parseHadolintOutput(file: string, stdout: string, stderr: string): HadolintFinding[] {
  try {
    return JSON.parse(stdout) as HadolintFinding[];
  } catch {
    throw new Error(`hadolint printed no JSON for ${file}:\n${stdout}\n${stderr}`);
  }
}
