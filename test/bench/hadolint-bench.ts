/**
 * Per-file latency of three Dockerfile linters on the differential test's corpus, in one run:
 *  - ours: lintDockerfile in this process, bundled as a release bundles it (see bundleLinter in common.ts), every
 *    registered rule, the default config;
 *  - hadolint: one process per file, as hadolint's VS Code extension starts one on every save;
 *  - dockerfile-utils: validate in this process with its full default settings (what the Docker extension's
 *    language server runs).
 * The two in-process linters get the same warm-up as in run.js (WARM_UP_PASSES each, alternating); hadolint gets
 * one pass, which puts its binary in the page cache. It prints each linter's p50 and p95 (the median of each file over the timed passes, then the percentiles over
 * the files) and the ratios to ours. It is a measurement, not a test: it exits 0 whatever the numbers are.
 *
 *     node out-d/test/bench/hadolint-bench.js [--hadolint PATH]
 */
import { spawnSync } from 'node:child_process';
import { validate } from 'dockerfile-utils';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDiffCorpus, writeDiffCorpus, type DiffCorpusFile } from '../diff/corpus';
import { findHadolint, hadolintArgs, hadolintEnv, parseHadolintOutput, writeHadolintConfig } from '../diff/hadolint';
import { assertPeerParserUntouched, bundleLinter, DOCKERFILE_UTILS_DEFAULTS, percentile, printTable, WARM_UP_PASSES, type BundledLinter } from './common';

/** In-process linters take microseconds per file, so they get more passes than the process-per-file one. */
const IN_PROCESS_PASSES = 7;
const HADOLINT_PASSES = 3;
/** The compiled file lives in out/test/bench/, three levels below the repository root. */
const ROOT = resolve(__dirname, '..', '..', '..');
/** Beside this file, below the repository, so that the bundle finds the Bash parser's .wasm files. */
const BUNDLE_PATH = join(__dirname, 'dockerfile-lint.bundle.js');

interface Linter {
  name: string;
  passes: number;
  inProcess: boolean;
  /** Lints one file and returns how many problems it reported, so that the work cannot be optimised away. */
  lint(file: DiffCorpusFile): number;
}

interface Row {
  name: string;
  p50: number;
  p95: number;
  max: number;
  filesPerSecond: number;
  problems: number;
}

async function main(): Promise<void> {
  await bundleLinter(ROOT, BUNDLE_PATH);
  const bundled = require(BUNDLE_PATH) as BundledLinter;
  await bundled.initShellParser();
  const hadolint = findHadolint(process.argv);
  const corpus = generateDiffCorpus();
  const dir = writeDiffCorpus(corpus);
  const config = writeHadolintConfig(dir);
  const env = hadolintEnv();
  // A set, because the hadolint linter runs once per pass over the same files.
  const unparsed = new Set<string>();

  const linters: Linter[] = [
    {
      name: 'ours: lintDockerfile (bundled, in process)',
      passes: IN_PROCESS_PASSES,
      inProcess: true,
      lint: (file) => bundled.lintDockerfile(file.text, { config: bundled.DEFAULT_CONFIG, facts: { hasDockerignore: false } }).length,
    },
    {
      name: 'dockerfile-utils validate (in process)',
      passes: IN_PROCESS_PASSES,
      inProcess: true,
      lint: (file) => validate(file.text, DOCKERFILE_UTILS_DEFAULTS).length,
    },
    {
      name: `hadolint ${hadolint.version} (a process per file)`,
      passes: HADOLINT_PASSES,
      inProcess: false,
      lint: (file) => {
        const run = spawnSync(hadolint.path, hadolintArgs(config, file.name), { cwd: dir, env, encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`hadolint exited ${run.status} on ${file.name}: ${run.stderr}`);
        const findings = parseHadolintOutput(file.name, run.stdout, run.stderr);
        if (findings.some((f) => f.code === 'DL1000')) unparsed.add(file.name);
        return findings.length;
      },
    },
  ];

  // The first pass counts the problems, which the timed passes must reproduce, and puts hadolint's binary in the
  // page cache; the in-process linters then warm up further, taking turns, until V8 has optimised them.
  const problems = linters.map((linter) => corpus.reduce((total, file) => total + linter.lint(file), 0));
  const inProcess = linters.filter((linter) => linter.inProcess);
  for (let pass = 1; pass < WARM_UP_PASSES; pass++) {
    for (const linter of pass % 2 === 0 ? inProcess : [...inProcess].reverse()) for (const file of corpus) linter.lint(file);
  }
  assertPeerParserUntouched();
  const rows = linters.map((linter, i) => measure(linter, corpus, problems[i]));

  const { dockerfileRules } = bundled;
  const dlRules = dockerfileRules.filter((rule) => rule.id.startsWith('DL')).length;
  console.log('MLOps Deploy vs hadolint vs dockerfile-utils: per-file lint latency');
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; hadolint ${hadolint.version} at ${hadolint.path}.`);
  console.log(`Corpus: ${corpus.length} files in ${dir} (hadolint cannot parse ${unparsed.size} of them and reports only DL1000 there).`);
  console.log(`Our rules: ${dockerfileRules.length} registered, ${dlRules} of them DL rules.`);
  console.log(
    `Passes: ${WARM_UP_PASSES} warm-up in process and 1 for hadolint, then ${IN_PROCESS_PASSES} timed in process and ${HADOLINT_PASSES} for hadolint; each file's median over its passes.\n`,
  );
  printTable(
    ['linter', 'p50 ms', 'p95 ms', 'max ms', 'files/s', 'problems'],
    rows.map((r) => [r.name, r.p50.toFixed(3), r.p95.toFixed(3), r.max.toFixed(3), r.filesPerSecond.toFixed(0), String(r.problems)]),
  );
  const [ours, ...others] = rows;
  console.log('');
  for (const other of others) {
    console.log(`${other.name} / ours: ${(other.p50 / ours.p50).toFixed(1)}x at p50, ${(other.p95 / ours.p95).toFixed(1)}x at p95 (higher is better for us).`);
  }
  console.log('"problems" counts different things: all our findings (MLO and DL rules), hadolint\'s DL and ShellCheck findings, dockerfile-utils\' syntax and style diagnostics.');
}

function measure(linter: Linter, corpus: DiffCorpusFile[], warmUpProblems: number): Row {
  const perFileMs: number[][] = corpus.map(() => []);
  const passStart = performance.now();
  for (let pass = 0; pass < linter.passes; pass++) {
    let problems = 0;
    corpus.forEach((file, index) => {
      const start = performance.now();
      problems += linter.lint(file);
      perFileMs[index].push(performance.now() - start);
    });
    if (problems !== warmUpProblems) console.log(`WARNING: ${linter.name} reported ${problems} problems in a timed pass and ${warmUpProblems} in the warm-up.`);
  }
  const seconds = (performance.now() - passStart) / 1000;
  const medians = perFileMs.map((samples) => percentile([...samples].sort((a, b) => a - b), 50)).sort((a, b) => a - b);
  return {
    name: linter.name,
    p50: percentile(medians, 50),
    p95: percentile(medians, 95),
    max: medians[medians.length - 1],
    filesPerSecond: (corpus.length * linter.passes) / seconds,
    problems: warmUpProblems,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
