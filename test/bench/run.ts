/**
 * The linter benchmark: lints a generated corpus of ML-service Dockerfiles with our linter and with
 * dockerfile-utils' validator (what the Docker extension's language server runs), in the same process, and
 * prints throughput, per-file latency and the ratio between them, followed by the bundle checks. It is a
 * measurement, not a test: it exits 0 whatever the numbers are and non-zero only when something crashes.
 */
import { build } from 'esbuild';
import { validate } from 'dockerfile-utils';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { initShellParser } from '../../src/core/dockerfile/bash';
import { lintDockerfile } from '../../src/core/dockerfile/lint';
import { DEFAULT_CONFIG } from '../../src/core/rules/config';
import { DOCKERFILE_UTILS_DEFAULTS, percentile, printTable } from './common';
import { BENCH_CORPUS_SEED, BENCH_CORPUS_SIZE, generateCorpus, type CorpusFile } from './corpus';

const TIMED_PASSES = 7;
/** "Under 1 MB" in decimal megabytes, the stricter reading. */
const BUNDLE_LIMIT_BYTES = 1_000_000;
/** Packages that only deploy features need; the lint path must not pull them in (DESIGN.md, convention 7). */
const DEPLOY_DEPENDENCIES = ['@kubernetes/client-node', 'dockerode', '@aws-sdk'];

/** The compiled file lives in out/test/bench/, three levels below the repository root. */
const ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = join(tmpdir(), 'mlops-deploy-bench-corpus');

interface Linter {
  name: string;
  /** Lints one file and returns how many problems it reported, so that the work cannot be optimised away. */
  lint(text: string): number;
}

interface Measurement {
  linter: Linter;
  /** Wall-clock milliseconds of each timed pass over the whole corpus. */
  passMs: number[];
  /**
   * CPU milliseconds of each timed pass. On a busy machine the wall clock also counts time spent waiting for a
   * core; the CPU time does not, so the ratio computed from it stays stable when other work runs alongside.
   */
  passCpuMs: number[];
  /** Milliseconds per file and pass: perFileMs[file][pass]. */
  perFileMs: number[][];
  /** Problems reported in the last timed pass, to compare with the warm-up pass. */
  problemsPerPass: number;
}

let ruleErrors = 0;

const ours: Linter = {
  name: 'ours: lintDockerfile',
  lint: (text) =>
    lintDockerfile(text, {
      config: DEFAULT_CONFIG,
      facts: { hasDockerignore: false },
      onRuleError: () => {
        ruleErrors++;
      },
    }).length,
};

const theirs: Linter = {
  name: 'dockerfile-utils validate',
  lint: (text) => validate(text, DOCKERFILE_UTILS_DEFAULTS).length,
};

function main(): Promise<void> {
  const corpus = generateCorpus(BENCH_CORPUS_SIZE, BENCH_CORPUS_SEED);
  writeCorpus(corpus);
  printCorpus(corpus);

  // The warm-up pass lets V8 compile and optimise both linters before anything is timed.
  const warmUpProblems = [ours, theirs].map((linter) => corpus.reduce((sum, file) => sum + linter.lint(file.text), 0));
  const warmUpRuleErrors = ruleErrors;
  const measurements: Measurement[] = [ours, theirs].map((linter) => ({ linter, passMs: [], passCpuMs: [], perFileMs: corpus.map(() => []), problemsPerPass: 0 }));
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    // Alternating which linter goes first spreads the cost of garbage left by the other one evenly.
    const order = pass % 2 === 0 ? measurements : [...measurements].reverse();
    for (const measurement of order) timePass(measurement, corpus);
  }

  printThroughput(measurements, corpus.length, warmUpProblems);
  measurements.forEach((m, i) => {
    if (m.problemsPerPass !== warmUpProblems[i]) {
      console.log(`\nWARNING: ${m.linter.name} reported ${m.problemsPerPass} problems in the last pass and ${warmUpProblems[i]} in the warm-up: it is not deterministic.`);
    }
  });
  console.log(`Our rules threw ${warmUpRuleErrors} time(s) on the corpus (lintDockerfile catches them and reports them through onRuleError).`);
  return printBundleChecks();
}

function writeCorpus(corpus: CorpusFile[]): void {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const file of corpus) writeFileSync(join(CORPUS_DIR, file.name), file.text);
  const manifest = corpus.map(({ name, server, base, multiStage, mistakes }) => ({ name, server, base, multiStage, mistakes }));
  writeFileSync(join(CORPUS_DIR, 'corpus.json'), JSON.stringify({ seed: BENCH_CORPUS_SEED, files: manifest }, null, 2) + '\n');
}

function timePass(measurement: Measurement, corpus: CorpusFile[]): void {
  let problems = 0;
  const cpuStart = process.cpuUsage();
  const passStart = performance.now();
  corpus.forEach((file, index) => {
    const start = performance.now();
    problems += measurement.linter.lint(file.text);
    measurement.perFileMs[index].push(performance.now() - start);
  });
  measurement.passMs.push(performance.now() - passStart);
  const cpu = process.cpuUsage(cpuStart);
  measurement.passCpuMs.push((cpu.user + cpu.system) / 1000);
  measurement.problemsPerPass = problems;
}

function printCorpus(corpus: CorpusFile[]): void {
  const lineCounts = corpus.map((file) => file.text.split('\n').length - 1).sort((a, b) => a - b);
  const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  const withMistakes = corpus.filter((file) => file.mistakes.length > 0).length;
  const multiStage = corpus.filter((file) => file.multiStage).length;
  console.log('MLOps Deploy: Dockerfile lint benchmark');
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; both linters in this process.`);
  console.log(
    `Corpus: ${corpus.length} files (seed 0x${BENCH_CORPUS_SEED.toString(16)}), ${lineCounts[0]}-${lineCounts[lineCounts.length - 1]} lines ` +
      `(median ${percentile(lineCounts, 50)}), ${(bytes / 1024).toFixed(0)} KiB, ${multiStage} multi-stage, ${withMistakes} with planted mistakes.`,
  );
  console.log(`Written to ${CORPUS_DIR} (corpus.json lists each file's server, base and mistakes).`);
  console.log(`Passes: 1 warm-up, then ${TIMED_PASSES} timed; latency (wall clock) is each file's median over the timed passes.\n`);
}

function printThroughput(measurements: Measurement[], fileCount: number, warmUpProblems: number[]): void {
  const rate = (passes: number[]): number => (fileCount * passes.length) / (passes.reduce((a, b) => a + b, 0) / 1000);
  const rows = measurements.map((m, i) => {
    const perFile = m.perFileMs.map((samples) => percentile([...samples].sort((a, b) => a - b), 50)).sort((a, b) => a - b);
    return {
      name: m.linter.name,
      filesPerSecond: rate(m.passMs),
      filesPerCpuSecond: rate(m.passCpuMs),
      p50: percentile(perFile, 50),
      p95: percentile(perFile, 95),
      max: perFile[perFile.length - 1],
      problems: warmUpProblems[i],
    };
  });
  printTable(
    ['linter', 'files/s', 'files/CPU-s', 'p50 ms', 'p95 ms', 'max ms', 'problems'],
    rows.map((r) => [r.name, r.filesPerSecond.toFixed(0), r.filesPerCpuSecond.toFixed(0), r.p50.toFixed(3), r.p95.toFixed(3), r.max.toFixed(3), String(r.problems)]),
  );
  const [ourRow, theirRow] = rows;
  console.log(
    `\nRatio ours/theirs: ${(ourRow.filesPerSecond / theirRow.filesPerSecond).toFixed(2)}x in files/s, ` +
      `${(ourRow.filesPerCpuSecond / theirRow.filesPerCpuSecond).toFixed(2)}x in files per CPU second (higher is better for us).`,
  );
  console.log('"problems" counts different things: our MLO findings with facts {hasDockerignore: false}, theirs syntax and style diagnostics.');
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

initShellParser()
  .then(main)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
