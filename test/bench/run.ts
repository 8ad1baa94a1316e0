/**
 * The linter benchmark: lints a generated corpus of ML-service Dockerfiles with our linter and with
 * dockerfile-utils' validator (what the Docker extension's language server runs), in the same process, and
 * prints throughput, per-file latency and the ratio between them, followed by the bundle checks. It is a
 * measurement, not a test: it exits 0 whatever the numbers are and non-zero only when something crashes.
 *
 * How it measures, so that neither side is flattered:
 *  - Each linter runs as it ships. Ours is bundled the way a release bundles dist/extension.js and dist/cli.js
 *    (esbuild, minified; see bundleLinter in common.ts), with every registered rule and the default config.
 *    dockerfile-utils runs from its npm package as installed, with its full default settings.
 *  - Both get the same warm-up: WARM_UP_PASSES (common.ts) passes over the corpus each, alternating, before
 *    anything is timed. V8 compiles and optimises a function only after it has run a while, and our linter has far
 *    more code than dockerfile-utils: after one pass V8 was still compiling it on background threads during the
 *    timed passes (a quarter of the process's instructions). The per-pass CPU times of the warm-up are printed, so
 *    that one can see them settle before the timing starts.
 *  - Both are timed in the same passes, alternating which goes first, so that each pays for the garbage the other
 *    leaves about as often.
 *  - RUNS runs, each in a fresh process (fresh JIT, fresh heap), one after another; the per-file latency is each
 *    file's median over every timed pass of every run, then p50 and p95 over the files. The machine is shared:
 *    wall-clock time also counts waiting for a core, so files per CPU second is given too, both for the whole
 *    process (the main thread plus V8's compiler and garbage-collector threads) and for the main thread alone.
 *
 *     node out/test/bench/run.js
 */
import { spawnSync } from 'node:child_process';
import { validate } from 'dockerfile-utils';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { assertPeerParserUntouched, bundleLinter, DOCKERFILE_UTILS_DEFAULTS, percentile, printTable, WARM_UP_PASSES, type BundledLinter } from './common';
import { BENCH_CORPUS_SEED, BENCH_CORPUS_SIZE, generateCorpus, type CorpusFile } from './corpus';

const RUNS = 3;
const TIMED_PASSES = 6;
/** "Under 1 MB" in decimal megabytes, the stricter reading. */
const BUNDLE_LIMIT_BYTES = 1_000_000;
/** Packages that only deploy features need; the lint path must not pull them in (DESIGN.md, convention 7). */
const DEPLOY_DEPENDENCIES = ['@kubernetes/client-node', 'dockerode', '@aws-sdk'];

/** The compiled file lives in out/test/bench/, three levels below the repository root. */
const ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = join(tmpdir(), 'mlops-deploy-bench-corpus');
/** Beside this file, below the repository, so that the bundle finds the Bash parser's .wasm files. */
const BUNDLE_PATH = join(__dirname, 'dockerfile-lint.bundle.js');
const MEASURE_FLAG = '--measure';

interface Linter {
  name: string;
  /** Lints one file and returns how many problems it reported, so that the work cannot be optimised away. */
  lint(text: string): number;
}

/** What one run (one process) measured for one linter. */
interface Measurement {
  name: string;
  /** CPU milliseconds of the whole process in each warm-up pass. */
  warmUpCpuMs: number[];
  /** Wall-clock milliseconds of each timed pass over the whole corpus. */
  passMs: number[];
  /** CPU milliseconds of the whole process in each timed pass: the main thread and V8's helper threads. */
  passCpuMs: number[];
  /** CPU milliseconds of the main thread alone in each timed pass; empty where the system does not tell. */
  passThreadCpuMs: number[];
  /** Milliseconds per file and pass: perFileMs[file][pass]. */
  perFileMs: number[][];
  /** Problems reported in the first warm-up pass and in the last timed pass; they must be equal. */
  problems: [number, number];
}

interface RunResult {
  measurements: Measurement[];
  ruleErrors: number;
}

/** The CPU milliseconds this thread has used, from /proc on Linux (10 ms ticks); undefined elsewhere. */
function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function measure(): Promise<void> {
  const bundled = require(BUNDLE_PATH) as BundledLinter;
  await bundled.initShellParser();
  assertPeerParserUntouched();
  let ruleErrors = 0;
  const linters: Linter[] = [
    {
      name: 'ours: lintDockerfile (bundled)',
      lint: (text) =>
        bundled.lintDockerfile(text, {
          config: bundled.DEFAULT_CONFIG,
          facts: { hasDockerignore: false },
          onRuleError: () => {
            ruleErrors++;
          },
        }).length,
    },
    { name: 'dockerfile-utils validate', lint: (text) => validate(text, DOCKERFILE_UTILS_DEFAULTS).length },
  ];
  const corpus = generateCorpus(BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED).map((file) => file.text);
  const measurements: Measurement[] = linters.map((linter) => ({
    name: linter.name,
    warmUpCpuMs: [],
    passMs: [],
    passCpuMs: [],
    passThreadCpuMs: [],
    perFileMs: corpus.map(() => []),
    problems: [0, 0],
  }));
  for (let pass = 0; pass < WARM_UP_PASSES + TIMED_PASSES; pass++) {
    // Alternating which linter goes first spreads the cost of garbage left by the other one evenly.
    const order = pass % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const m = measurements[i];
      const timed = pass >= WARM_UP_PASSES;
      let problems = 0;
      const cpuStart = process.cpuUsage();
      const threadStart = threadCpuMs();
      const passStart = performance.now();
      corpus.forEach((text, index) => {
        const start = performance.now();
        problems += linters[i].lint(text);
        if (timed) m.perFileMs[index].push(performance.now() - start);
      });
      const passMs = performance.now() - passStart;
      const cpu = process.cpuUsage(cpuStart);
      const threadEnd = threadCpuMs();
      const cpuMs = (cpu.user + cpu.system) / 1000;
      if (pass === 0) m.problems[0] = problems;
      m.problems[1] = problems;
      if (!timed) {
        m.warmUpCpuMs.push(cpuMs);
        continue;
      }
      m.passMs.push(passMs);
      m.passCpuMs.push(cpuMs);
      if (threadStart !== undefined && threadEnd !== undefined) m.passThreadCpuMs.push(threadEnd - threadStart);
    }
  }
  const result: RunResult = { measurements, ruleErrors };
  process.stdout.write(JSON.stringify(result));
}

async function main(): Promise<void> {
  const corpus = generateCorpus(BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED);
  writeCorpus(corpus);
  printCorpus(corpus);
  await bundleLinter(ROOT, BUNDLE_PATH);

  const runs: RunResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(process.execPath, [__filename, MEASURE_FLAG], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`run ${run + 1} failed with status ${child.status}`);
    runs.push(JSON.parse(child.stdout) as RunResult);
  }

  printWarmUp(runs);
  printThroughput(runs, corpus.length);
  for (const [i, run] of runs.entries()) {
    for (const m of run.measurements) {
      if (m.problems[0] !== m.problems[1]) {
        console.log(`\nWARNING: in run ${i + 1}, ${m.name} reported ${m.problems[1]} problems in the last pass and ${m.problems[0]} in the first: it is not deterministic.`);
      }
    }
  }
  const ruleErrors = runs[0].ruleErrors / (WARM_UP_PASSES + TIMED_PASSES);
  console.log(`Our rules threw ${ruleErrors} time(s) per pass over the corpus (lintDockerfile catches them and reports them through onRuleError).`);
  return printBundleChecks();
}

function writeCorpus(corpus: CorpusFile[]): void {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const file of corpus) writeFileSync(join(CORPUS_DIR, file.name), file.text);
  const manifest = corpus.map(({ name, server, base, multiStage, mistakes }) => ({ name, server, base, multiStage, mistakes }));
  writeFileSync(join(CORPUS_DIR, 'corpus.json'), JSON.stringify({ seed: BENCH_CORPUS_SEED, files: manifest }, null, 2) + '\n');
}

function printCorpus(corpus: CorpusFile[]): void {
  const lineCounts = corpus.map((file) => file.text.split('\n').length - 1).sort((a, b) => a - b);
  const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  const withMistakes = corpus.filter((file) => file.mistakes.length > 0).length;
  const multiStage = corpus.filter((file) => file.multiStage).length;
  console.log('MLOps Deploy: Dockerfile lint benchmark');
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; both linters in the same process, our linter bundled as it ships.`);
  console.log(
    `Corpus: ${corpus.length} files (seed 0x${BENCH_CORPUS_SEED.toString(16)}), ${lineCounts[0]}-${lineCounts[lineCounts.length - 1]} lines ` +
      `(median ${percentile(lineCounts, 50)}), ${(bytes / 1024).toFixed(0)} KiB, ${multiStage} multi-stage, ${withMistakes} with planted mistakes.`,
  );
  console.log(`Written to ${CORPUS_DIR} (corpus.json lists each file's server, base and mistakes).`);
  console.log(
    `${RUNS} runs, each in a fresh process: ${WARM_UP_PASSES} warm-up passes per linter, then ${TIMED_PASSES} timed, alternating. ` +
      `Latency (wall clock) is each file's median over all ${RUNS * TIMED_PASSES} timed passes.\n`,
  );
}

function printWarmUp(runs: RunResult[]): void {
  console.log('CPU ms of each pass over the corpus (whole process), per run: the warm-up passes, then the timed ones.');
  const list = (values: number[]): string => values.map((ms) => ms.toFixed(0)).join(' ');
  const rows = runs.flatMap((run, i) => run.measurements.map((m) => [`run ${i + 1}: ${m.name}`, list(m.warmUpCpuMs), list(m.passCpuMs)]));
  printTable(['linter', 'warm-up passes', 'timed passes'], rows);
  console.log('');
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function printThroughput(runs: RunResult[], fileCount: number): void {
  const rate = (passes: number[]): number => (fileCount * passes.length) / (passes.reduce((a, b) => a + b, 0) / 1000);
  const names = runs[0].measurements.map((m) => m.name);
  const row = (name: string, measurements: Measurement[]): { cells: string[]; cpuRate: number; p50: number } => {
    const perFile = measurements[0].perFileMs
      .map((_, file) => median(measurements.flatMap((m) => m.perFileMs[file])))
      .sort((a, b) => a - b);
    const all = (pick: (m: Measurement) => number[]): number[] => measurements.flatMap(pick);
    const threadCpu = all((m) => m.passThreadCpuMs);
    const cpuRate = rate(all((m) => m.passCpuMs));
    const p50 = percentile(perFile, 50);
    return {
      cells: [
        name,
        rate(all((m) => m.passMs)).toFixed(0),
        cpuRate.toFixed(0),
        threadCpu.length > 0 ? rate(threadCpu).toFixed(0) : 'n/a',
        p50.toFixed(3),
        percentile(perFile, 95).toFixed(3),
        perFile[perFile.length - 1].toFixed(3),
      ],
      cpuRate,
      p50,
    };
  };
  const header = ['linter', 'files/s', 'files/CPU-s', 'files/main-thread-CPU-s', 'p50 ms', 'p95 ms', 'max ms'];
  const perRun = runs.flatMap((run, i) => run.measurements.map((m) => row(`run ${i + 1}: ${m.name}`, [m]).cells));
  printTable(header, perRun);
  console.log('\nAll runs together:');
  const pooled = names.map((name, i) => row(name, runs.map((run) => run.measurements[i])));
  printTable(header, pooled.map((r) => r.cells));
  const [ourRow, theirRow] = pooled;
  const p95 = (r: { cells: string[] }): number => Number(r.cells[5]);
  console.log(
    `\nRatio theirs/ours (higher is better for us): ${(theirRow.p50 / ourRow.p50).toFixed(2)}x at p50, ${(p95(theirRow) / p95(ourRow)).toFixed(2)}x at p95, ` +
      `${(ourRow.cpuRate / theirRow.cpuRate).toFixed(2)}x in files per CPU second.`,
  );
  const problems = runs[0].measurements.map((m) => m.problems[0]);
  console.log(`Problems per pass: ours ${problems[0]}, theirs ${problems[1]}. They count different things: our findings with facts {hasDockerignore: false}, theirs syntax and style diagnostics.`);
}

async function printBundleChecks(): Promise<void> {
  const rows: string[][] = [];
  for (const bundle of ['dist/extension.js', 'dist/cli.js']) {
    const path = join(ROOT, bundle);
    if (!existsSync(path)) {
      rows.push([`${bundle} size`, 'missing (run npm run build)', '< 1 MB', 'FAIL']);
      continue;
    }
    const size = statSync(path).size;
    rows.push([`${bundle} size`, `${(size / 1024).toFixed(1)} KiB (${size} B)`, '< 1 MB', size < BUNDLE_LIMIT_BYTES ? 'PASS' : 'FAIL']);
  }

  const lintInputs = await lintPathInputs();
  const lintDeploy = lintInputs.filter((input) => DEPLOY_DEPENDENCIES.some((dep) => input.includes(`node_modules/${dep}/`)));
  rows.push([
    'lint path imports (metafile)',
    lintDeploy.length === 0 ? `${lintInputs.length} inputs, no deploy package` : lintDeploy.slice(0, 3).join(', '),
    'none of the deploy packages',
    lintDeploy.length === 0 ? 'PASS' : 'FAIL',
  ]);

  const extensionPath = join(ROOT, 'dist/extension.js');
  if (existsSync(extensionPath)) {
    const bundle = readFileSync(extensionPath, 'utf8');
    const mentioned = DEPLOY_DEPENDENCIES.filter((dep) => bundle.includes(dep));
    rows.push([
      'dist/extension.js deploy packages',
      mentioned.length === 0 ? 'not mentioned' : `mentions ${mentioned.join(', ')}`,
      'not mentioned',
      mentioned.length === 0 ? 'PASS' : 'FAIL',
    ]);
  } else {
    rows.push(['dist/extension.js deploy packages', 'missing (run npm run build)', 'not mentioned', 'FAIL']);
  }

  rows.push(['activation (host tests)', activationTime(), '', '']);
  console.log('');
  printTable(['check', 'measured', 'target', 'result'], rows);
}

/**
 * The files esbuild bundles for the lint entry point, from its metafile. Building src/core/dockerfile/lint.ts
 * itself (in memory) answers "does linting import a deploy package" exactly, whatever else dist/ contains.
 */
async function lintPathInputs(): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/core/dockerfile/lint.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: [],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

function activationTime(): string {
  const path = join(ROOT, 'bench-results/host-activation.json');
  if (!existsSync(path)) return 'not measured in this run (no bench-results/host-activation.json)';
  try {
    const { activationMs } = JSON.parse(readFileSync(path, 'utf8')) as { activationMs?: unknown };
    return typeof activationMs === 'number' ? `${activationMs.toFixed(1)} ms` : 'bench-results/host-activation.json has no numeric activationMs';
  } catch (error) {
    return `bench-results/host-activation.json is unreadable: ${(error as Error).message}`;
  }
}

(process.argv[2] === MEASURE_FLAG ? measure() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
