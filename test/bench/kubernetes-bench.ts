/**
 * Kubernetes lint speed, ours against the peers, in one run:
 *  - ours: lintKubernetesFiles in this process (every registered per-object and workspace rule, the default config),
 *    as the CLI runs it on the files given;
 *  - kube-score, kube-linter and Checkov: one process on all the files, as a user runs them on a folder in CI
 *    (Checkov only up to CHECKOV_MAX_DOCUMENTS documents, see there);
 *  - yaml-language-server with the Kubernetes schema, in this process: its language service's doValidation on each
 *    file, as the YAML extension validates open files (the schema is served offline, see loadKubernetesSchema).
 * on the Kubernetes corpus, and on single files of 1,000, 5,000 and 20,000 documents, to see how each grows. It also
 * times the editor's incremental case: one changed file in a 2,000-file ManifestIndex.
 * It is a measurement, not a test: it exits 0 whatever the numbers are. Results also go to bench-results/kube-bench.json.
 *
 *     node out-d/test/bench/kubernetes-bench.js [--sizes 1000,5000,20000] [--kube-score PATH] [--kube-linter PATH] [--checkov PATH]
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server';
import { SettingsState } from 'yaml-language-server/out/server/src/yamlSettings';
import { kubernetesRules } from '../../src/core/kubernetes/rules';
import { ManifestIndex, lintKubernetesFiles, type ManifestFile } from '../../src/core/kubernetes/workspace';
import { workspaceRules } from '../../src/core/kubernetes/workspace/rules';
import { DEFAULT_CONFIG } from '../../src/core/rules/config';
import { KUBERNETES_CORPUS_DIR, generateKubernetesCorpus, generateLargeManifest, writeKubernetesCorpus } from '../diff/kubernetes-corpus';
import { ROOT, checkovArgs, findKubePeers, kubeLinterArgs, kubeScoreArgs, type CheckovReport, type PeerTool } from '../diff/kube-peers';
import { percentile, printTable } from './common';

const DEFAULT_SIZES = [1000, 5000, 20000];
/** The Kubernetes version of the schema yaml-language-server validates against (its own default is 1.34.1). */
const SCHEMA_VERSION = 'v1.34.0';
/** The URL yaml-language-server would download the schema from; it recognises the Kubernetes schema by it. */
const SCHEMA_BASE = `https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/${SCHEMA_VERSION}-standalone-strict/`;
const WORKSPACE_FILES = 2000;
/**
 * The largest case Checkov is timed on. Its time grows faster than the number of documents (3.3.30 took 8 s of CPU
 * on 1,000 documents and 76 s on 5,000, n^1.4), so 20,000 would take about ten minutes a pass.
 */
const CHECKOV_MAX_DOCUMENTS = 5000;
const INCREMENTAL_EDITS = 20;
const REPORT_PATH = join(ROOT, 'bench-results', 'kube-bench.json');

interface Timing {
  linter: string;
  /** Median wall-clock milliseconds over the timed passes. */
  ms: number;
  /**
   * Median CPU milliseconds (user + system) over the timed passes: this process's for the in-process linters, the
   * child's for the processes. On a busy machine the wall clock also counts time spent waiting for a core, and the
   * CPU time does not, so the ratios are computed from it.
   */
  cpuMs: number;
  passes: number;
  /** What the linter reported, so that the work cannot be skipped; counts are not comparable across linters. */
  problems: number;
}

interface Case {
  name: string;
  files: ManifestFile[];
  /** The folder the files are written in, for the processes. */
  dir: string;
  documents: number;
}

const run = promisify(execFile);

async function main(): Promise<void> {
  const sizes = listFlag('--sizes') ?? DEFAULT_SIZES;
  const peers = findKubePeers(process.argv);
  const languageService = peers.schemas ? createYamlLanguageService(peers.schemas) : undefined;
  const corpus = generateKubernetesCorpus();
  // A folder of its own, so that the differential test (which writes the same corpus) can run alongside.
  const corpusDir = writeKubernetesCorpus(corpus, `${KUBERNETES_CORPUS_DIR}-bench`);
  const cases: Case[] = [{ name: 'corpus', files: corpus.map(({ path, text }) => ({ path, text })), dir: corpusDir, documents: countDocuments(corpus.map((f) => f.text)) }];
  for (const size of sizes) {
    const dir = join(KUBERNETES_CORPUS_DIR + '-large', String(size));
    const text = generateLargeManifest(size);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifests.yaml'), text);
    cases.push({ name: `${size} documents, 1 file`, files: [{ path: 'manifests.yaml', text }], dir, documents: size });
  }

  console.log('Kubernetes lint time: MLOps Deploy vs kube-score vs kube-linter vs Checkov vs yaml-language-server');
  // Other work on the machine slows every linter alike, in process or not; the load average says how much there was.
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start.`);
  console.log(`Ours: ${kubernetesRules.length} per-object and ${workspaceRules.length} workspace rules registered. Peers: ${peers.tools.map((t) => `${t.name} ${t.version}`).join(', ') || 'none'}.`);
  for (const [name, reason] of Object.entries(peers.unavailable)) console.log(`${name}: unavailable (${reason}), not timed.`);
  if (peers.tools.some((tool) => tool.name === 'checkov')) console.log(`Checkov is timed on cases of up to ${CHECKOV_MAX_DOCUMENTS} documents only.`);
  console.log(languageService ? `yaml-language-server ${yamlLanguageServerVersion()} with the Kubernetes ${SCHEMA_VERSION} schema from ${peers.schemas}.` : 'yaml-language-server: no offline Kubernetes schema, not timed.');

  const results: Array<{ case: string; documents: number; files: number; timings: Timing[] }> = [];
  for (const c of cases) {
    const large = c.documents >= 5000;
    const timings: Timing[] = [];
    timings.push(await time('ours: lintKubernetesFiles (in process)', large ? 3 : 7, () => ({ problems: countFindings(lintKubernetesFiles(c.files, { config: DEFAULT_CONFIG })) })));
    for (const tool of peers.tools) {
      if (tool.name === 'checkov' && c.documents > CHECKOV_MAX_DOCUMENTS) continue;
      timings.push(await time(`${tool.name} ${tool.version} (process)`, large ? 1 : 3, () => runPeerCounting(tool, c)));
    }
    if (languageService) timings.push(await time('yaml-language-server doValidation (in process)', 1, async () => ({ problems: await validateAll(languageService, c.files) })));
    results.push({ case: c.name, documents: c.documents, files: c.files.length, timings });
    console.log(`\n${c.name}: ${c.files.length} file(s), ${c.documents} documents, in ${c.dir}`);
    const ours = timings[0];
    printTable(
      ['linter', 'passes', 'wall ms', 'CPU ms', 'CPU µs / document', 'x ours (wall)', 'x ours (CPU)', 'problems'],
      timings.map((t) => [t.linter, String(t.passes), t.ms.toFixed(1), t.cpuMs.toFixed(1), ((1000 * t.cpuMs) / c.documents).toFixed(1), (t.ms / ours.ms).toFixed(1), (t.cpuMs / ours.cpuMs).toFixed(1), String(t.problems)]),
    );
  }

  printGrowth(results.filter((r) => r.case !== 'corpus'));
  const incremental = measureIncremental();
  console.log(
    `\nIncremental: a ManifestIndex of ${incremental.files} files (${incremental.documents} documents): first findings() ${incremental.coldMs.toFixed(0)} ms; ` +
      `after one file changes, findings() takes p50 ${incremental.p50.toFixed(1)} ms (CPU ${incremental.cpuP50.toFixed(1)} ms), p95 ${incremental.p95.toFixed(1)} ms, max ${incremental.max.toFixed(1)} ms over ${INCREMENTAL_EDITS} edits (target: under 50 ms).`,
  );
  const kubeLinter = results[0].timings.find((t) => t.linter.startsWith('kube-linter'));
  console.log(`Load average ${loadavg()[0].toFixed(1)} at the end.`);
  const corpusOurs = results[0].timings[0];
  console.log(kubeLinter ? `Corpus: kube-linter / ours = ${(kubeLinter.ms / corpusOurs.ms).toFixed(1)}x wall, ${(kubeLinter.cpuMs / corpusOurs.cpuMs).toFixed(1)}x CPU (target: at least 10x).` : 'Corpus: kube-linter could not be installed here, so the 10x target against it is not measured.');
  for (const other of results[0].timings.slice(1)) console.log(`Corpus: ${other.linter} / ours = ${(other.ms / corpusOurs.ms).toFixed(1)}x wall, ${(other.cpuMs / corpusOurs.cpuMs).toFixed(1)}x CPU (higher is better for us).`);

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(REPORT_PATH, JSON.stringify({ node: process.version, cores: cpus().length, peers: peers.tools, unavailable: peers.unavailable, results, incremental }, null, 2) + '\n');
  console.log(`Report: ${REPORT_PATH}`);
}

function listFlag(name: string): number[] | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const values = process.argv[at + 1].split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`${name} needs a comma-separated list of sizes, got ${process.argv[at + 1]}`);
  return values;
}

/** What one run of a linter reports: its problems, and for a process the CPU milliseconds the child used. */
interface Run {
  problems: number;
  childCpuMs?: number;
}

/** One untimed warm-up run, then `passes` timed runs; the medians are reported. */
async function time(linter: string, passes: number, lint: () => Run | Promise<Run>): Promise<Timing> {
  const { problems } = await lint();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const found = await lint();
    const ownCpu = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push(found.childCpuMs ?? (ownCpu.user + ownCpu.system) / 1000);
    if (found.problems !== problems) console.log(`WARNING: ${linter} reported ${found.problems} problems in a timed pass and ${problems} in the warm-up.`);
  }
  const median = (samples: number[]): number => percentile(samples.sort((a, b) => a - b), 50);
  return { linter, ms: median(wall), cpuMs: median(cpu), passes, problems };
}

const countFindings = (findings: Map<string, unknown[]>): number => [...findings.values()].reduce((sum, list) => sum + list.length, 0);

function countDocuments(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + text.split(/^---\s*$/m).filter((part) => /^kind:/m.test(part)).length, 0);
}

/**
 * Runs the peer on all the case's files at once and counts what it reported. It runs under bash, whose `times`
 * prints the CPU time its children used (on stderr, apart from the peer's JSON on stdout); Node cannot read a child's
 * CPU time itself.
 */
async function runPeerCounting(tool: PeerTool, c: Case): Promise<Run> {
  const args = tool.name === 'kube-score' ? kubeScoreArgs(c.files.map((f) => f.path), []) : tool.name === 'kube-linter' ? kubeLinterArgs(['.']) : checkovArgs('.');
  const script = '"$@"; status=$?; times >&2; exit $status';
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await run('bash', ['-c', script, 'bash', tool.path, ...args], { cwd: c.dir, maxBuffer: 1024 * 1024 * 1024 }));
  } catch (error) {
    // All exit 1 when they find something; their JSON is still complete.
    ({ stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string });
    if (!/^\s*[[{]/.test(stdout)) throw error;
  }
  // `times` prints the shell's own user and system time, then its children's: `0m1.234s 0m0.056s`.
  const children = stderr.trim().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  const childCpuMs = seconds.length === 2 ? 1000 * (seconds[0] + seconds[1]) : undefined;
  const parsed = JSON.parse(stdout) as unknown;
  const problems =
    tool.name === 'checkov'
      ? [parsed as CheckovReport].flat().reduce((sum, report) => sum + (report.results?.failed_checks.length ?? 0), 0)
      : Array.isArray(parsed)
        ? parsed.reduce((sum: number, object: { checks: Array<{ grade: number; skipped: boolean }> }) => sum + object.checks.filter((check) => !check.skipped && check.grade <= 5).length, 0)
        : ((parsed as { Reports?: unknown[] | null }).Reports ?? []).length;
  return { problems, childCpuMs };
}

/**
 * A yaml-language-server language service set up as the YAML extension sets it up for Kubernetes (`"kubernetes"`
 * associated with *.yaml, the CRD catalog on), with its schema requests answered from the files of PyPI's
 * kubernetes-validate instead of the network. yaml-language-server ships no schema; it downloads yannh's
 * `vX.Y.Z-standalone-strict/all.json` and `_definitions.json`. kubernetes-validate's `local-strict` folders hold the
 * same definitions under JSON Schema 2020-12's `$defs`, so they are rewritten to the `definitions` form that
 * yaml-language-server's Kubernetes detection looks for. Custom resources' schemas come from the CRD catalog online;
 * offline their requests fail and the language service reports that it cannot load them, as it would for a user.
 */
function createYamlLanguageService(schemasDir: string): LanguageService {
  const folder = join(schemasDir, `${SCHEMA_VERSION}-local-strict`);
  const rewrite = (text: string): string =>
    text.replaceAll('/api/_definitions.json#/$defs/', '_definitions.json#/definitions/').replaceAll('#/$defs/', '#/definitions/').replace('"$defs"', '"definitions"').replace(/"\$schema": "[^"]*",?/g, '');
  const served = new Map(['all.json', '_definitions.json'].map((name) => [name, rewrite(readFileSync(join(folder, name), 'utf8'))]));
  const service = getLanguageService({
    // The fragment is not part of the HTTP request, as when yaml-language-server downloads the file.
    schemaRequestService: (uri) => {
      const text = uri.startsWith(SCHEMA_BASE) ? served.get(uri.slice(SCHEMA_BASE.length).split('#')[0]) : undefined;
      return text !== undefined ? Promise.resolve(text) : Promise.reject(new Error(`offline: ${uri}`));
    },
    workspaceContext: { resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).toString() },
    yamlSettings: new SettingsState(),
  });
  service.configure({ validate: true, isKubernetes: true, customTags: [], schemas: [{ uri: `${SCHEMA_BASE}all.json`, fileMatch: ['*.yaml', '*.yml'] }] });
  return service;
}

function yamlLanguageServerVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
}

let documentVersion = 0;

/** Validates each file as a freshly opened document (a new version, so nothing is served from a cache). */
async function validateAll(service: LanguageService, files: readonly ManifestFile[]): Promise<number> {
  let problems = 0;
  for (const file of files) {
    const document = TextDocument.create(`file:///workspace/${file.path}`, 'yaml', ++documentVersion, file.text);
    problems += (await service.doValidation(document, true)).length;
  }
  return problems;
}

/** Time per document at each size, and the exponent of the growth between the smallest and largest size. */
function printGrowth(results: ReadonlyArray<{ case: string; documents: number; timings: Timing[] }>): void {
  if (results.length < 2) return;
  console.log('\nGrowth on single files (CPU µs per document at each size; exponent k in CPU time ~ n^k between the smallest and the largest size timed, 1.0 = linear):');
  const linters = results[0].timings.map((t) => t.linter);
  printTable(
    ['linter', ...results.map((r) => `${r.documents} docs µs/doc`), 'k'],
    linters.map((linter) => {
      const at = (r: (typeof results)[number]): Timing | undefined => r.timings.find((t) => t.linter === linter);
      // Checkov is not timed on the largest sizes: its exponent is taken up to the largest size it ran on.
      const timed = results.filter((r) => at(r) !== undefined);
      const [a, b] = [timed[0], timed[timed.length - 1]];
      const k = timed.length >= 2 ? Math.log(at(b)!.cpuMs / at(a)!.cpuMs) / Math.log(b.documents / a.documents) : NaN;
      return [linter, ...results.map((r) => { const t = at(r); return t ? ((1000 * t.cpuMs) / r.documents).toFixed(1) : '-'; }), k.toFixed(2)];
    }),
  );
}

/**
 * The editor's case: a ManifestIndex over a 2,000-file workspace (the corpus generator's first 2,000 files, from
 * more apps than the corpus has), then one file changed at a time and findings() asked again, as after a keystroke.
 */
function measureIncremental(): { files: number; documents: number; coldMs: number; p50: number; p95: number; max: number; cpuP50: number } {
  const index = new ManifestIndex({ config: DEFAULT_CONFIG });
  // About 2.6 files per app: enough apps for 2,000 files, then exactly 2,000 of them.
  const files: ManifestFile[] = generateKubernetesCorpus(Math.ceil(WORKSPACE_FILES / 2))
    .slice(0, WORKSPACE_FILES)
    .map(({ path, text }) => ({ path, text }));
  for (const file of files) index.set(file.path, file.text);
  let start = performance.now();
  index.findings();
  const coldMs = performance.now() - start;
  const target = files.find((file) => /\bkind: Deployment\b/.test(file.text) && /\breplicas: \d+/.test(file.text)) ?? files[0];
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let edit = 0; edit < INCREMENTAL_EDITS; edit++) {
    index.set(target.path, target.text.replace(/\breplicas: \d+/, `replicas: ${2 + (edit % 5)}`));
    start = performance.now();
    const startCpu = process.cpuUsage();
    index.findings();
    const cpu = process.cpuUsage(startCpu);
    samples.push(performance.now() - start);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  return { files: files.length, documents: countDocuments(files.map((f) => f.text)), coldMs, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1], cpuP50: percentile(cpuSamples, 50) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
