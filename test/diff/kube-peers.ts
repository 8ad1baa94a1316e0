/**
 * Finding and running the Kubernetes peer linters (kube-score, kube-linter, Checkov) the same way for the differential
 * test and the benchmark. They are run as separate processes, as a user runs them; nothing of them is bundled.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join, resolve } from 'node:path';

/** The compiled files live in <out>/test/diff/, three levels below the repository root. */
export const ROOT = resolve(__dirname, '..', '..', '..');

export type PeerName = 'kube-score' | 'kube-linter' | 'checkov';

const PEER_NAMES: readonly PeerName[] = ['kube-score', 'kube-linter', 'checkov'];

export interface PeerTool {
  name: PeerName;
  path: string;
  version: string;
}

export interface KubePeers {
  tools: PeerTool[];
  /** Why a peer could not be installed (the Go module proxy or PyPI refused it), by name. */
  unavailable: Partial<Record<PeerName, string>>;
  /** The folder of kubernetes-validate's `vX.Y.0-local-strict` schema folders, for yaml-language-server. */
  schemas?: string;
}

/**
 * The peers scripts/install-kube-peers.sh installs (or finds already installed) in the cache folder. `--kube-score
 * PATH`, `--kube-linter PATH` and `--checkov PATH` on the command line use other binaries instead.
 */
export function findKubePeers(argv: readonly string[]): KubePeers {
  const output = execFileSync('bash', [join(ROOT, 'scripts/install-kube-peers.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const peers: KubePeers = { tools: [], unavailable: {} };
  for (const line of output.trim().split('\n')) {
    const [name, ...rest] = line.split(' ');
    if (name === 'kubernetes-schemas') {
      if (rest[0] !== 'unavailable') peers.schemas = rest.join(' ');
      continue;
    }
    if (!isPeerName(name)) continue;
    const flag = argv.indexOf(`--${name}`);
    const path = flag >= 0 ? argv[flag + 1] : rest[0] === 'unavailable' ? undefined : rest.join(' ');
    if (path === undefined) {
      peers.unavailable[name] = rest.slice(1).join(' ');
      continue;
    }
    // kube-score and kube-linter have a `version` command, Checkov a `--version` flag.
    const banner = execFileSync(path, [name === 'checkov' ? '--version' : 'version'], { encoding: 'utf8' });
    peers.tools.push({ name, path, version: /(\d+\.\d+\.\d+)/.exec(banner)?.[1] ?? banner.trim() });
  }
  return peers;
}

const isPeerName = (name: string): name is PeerName => (PEER_NAMES as readonly string[]).includes(name);

/** The Kubernetes version kube-score judges apiVersions against (its default, 1.18, predates most removals). */
export const KUBE_SCORE_KUBERNETES_VERSION = 'v1.33';

/**
 * kube-score's arguments for a set of files: JSON output, and the optional checks switched on that have a
 * counterpart among our rules (its list of optional checks is small; the ones enabled are named by the caller).
 */
export function kubeScoreArgs(files: readonly string[], optionalChecks: readonly string[]): string[] {
  return ['score', '--output-format', 'json', '--kubernetes-version', KUBE_SCORE_KUBERNETES_VERSION, ...optionalChecks.flatMap((id) => ['--enable-optional-test', id]), ...files];
}

/** kube-linter's arguments for a folder or file: every built-in check, JSON output. */
export function kubeLinterArgs(paths: readonly string[]): string[] {
  return ['lint', '--add-all-built-in', '--format', 'json', ...paths];
}

/**
 * Checkov's arguments for one folder: only its Kubernetes framework (its resource checks CKV_K8S_* and its graph
 * checks CKV2_K8S_*, which connect the folder's objects), JSON output, and only the failed checks. --skip-download
 * keeps it from asking Prisma Cloud for its check metadata on every run: without an API key that only adds
 * guideline links, and on a machine without that network access it logs a long traceback first.
 */
export function checkovArgs(dir: string): string[] {
  return ['-d', dir, '--framework', 'kubernetes', '--output', 'json', '--quiet', '--skip-download'];
}

/**
 * Checkov's JSON report for one framework, reduced to what is compared. `resource` is `Kind.namespace.name` (the
 * graph checks' pods, made from a workload's pod template, also carry its labels); `file_path` is the file's path
 * below the working folder, with a leading slash; `file_line_range` is the object's first and last line, from 1.
 * A folder without Kubernetes objects gets an empty report without `results`.
 */
export interface CheckovReport {
  check_type?: string;
  results?: { failed_checks: Array<{ check_id: string; check_name: string; resource: string; file_path: string; file_line_range: [number, number] }> };
  summary?: { failed: number };
}

/** One kube-score object result, reduced to what is compared. */
export interface KubeScoreObject {
  file_name: string;
  file_row: number;
  type_meta: { kind: string; apiVersion: string };
  object_meta: { name?: string; namespace?: string };
  checks: Array<{ check: { id: string; optional: boolean }; grade: number; skipped: boolean; comments: Array<{ path: string; summary: string; description: string }> | null }>;
}

/** kube-score's grades: 1 critical, 5 warning, 7 almost OK, 10 OK. A warning or worse is a finding, as in its own output. */
export const KUBE_SCORE_PROBLEM_GRADE = 5;

/** kube-linter's JSON report. */
export interface KubeLinterReport {
  Reports: Array<{
    Check: string;
    Diagnostic: { Message: string };
    Object: { Metadata: { FilePath: string }; K8sObject: { Namespace: string; Name: string; GroupVersionKind: { Kind: string } } };
  }> | null;
}

const run = promisify(execFile);

/**
 * Runs a peer and returns its stdout. All exit non-zero when they find problems (kube-score 1 on a critical
 * finding, kube-linter and Checkov 1 on any), so only output that is not JSON is an error of the harness.
 */
export async function runPeer(tool: PeerTool, args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(tool.path, args, { cwd, maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    if (typeof failed.stdout === 'string' && /^\s*[[{]/.test(failed.stdout)) return failed.stdout;
    throw new Error(`${tool.name} ${args.slice(0, 6).join(' ')} … exited ${String(failed.code)}: ${failed.stderr ?? ''}`);
  }
}
