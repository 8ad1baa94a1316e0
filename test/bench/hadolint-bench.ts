/**
 * Per-file latency of three Dockerfile linters on the differential test's corpus, in one run:
 *  - ours: lintDockerfile in this process, every registered rule, the default config;
 *  - hadolint: one process per file, as hadolint's VS Code extension starts one on every save;
 *  - dockerfile-utils: validate in this process with its full default settings (what the Docker extension's
 *    language server runs).
 * It prints each linter's p50 and p95 (the median of each file over the timed passes, then the percentiles over
 * the files) and the ratios to ours. It is a measurement, not a test: it exits 0 whatever the numbers are.
 *
 *     node out-d/test/bench/hadolint-bench.js [--hadolint PATH]
 */
import { spawnSync } from 'node:child_process';
import { validate } from 'dockerfile-utils';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { initShellParser } from '../../src/core/dockerfile/bash';
import { lintDockerfile } from '../../src/core/dockerfile/lint';
import { dockerfileRules } from '../../src/core/dockerfile/rules';
import { DEFAULT_CONFIG } from '../../src/core/rules/config';
import { generateDiffCorpus, writeDiffCorpus, type DiffCorpusFile } from '../diff/corpus';
import { findHadolint, hadolintArgs, hadolintEnv, parseHadolintOutput, writeHadolintConfig } from '../diff/hadolint';
import { DOCKERFILE_UTILS_DEFAULTS, percentile, printTable } from './common';

/** In-process linters take microseconds per file, so they get more passes than the process-per-file one. */
const IN_PROCESS_PASSES = 7;
const HADOLINT_PASSES = 3;

interface Linter {
  name: string;
  passes: number;
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

function main(): void {
  const hadolint = findHadolint(process.argv);
  const corpus = generateDiffCorpus();
  const dir = writeDiffCorpus(corpus);
  const config = writeHadolintConfig(dir);
  const env = hadolintEnv();
  // A set, because the hadolint linter runs once per pass over the same files.
  const unparsed = new Set<string>();

  const linters: Linter[] = [
    {
      name: 'ours: lintDockerfile (in process)',
      passes: IN_PROCESS_PASSES,
      lint: (file) => lintDockerfile(file.text, { config: DEFAULT_CONFIG, facts: { hasDockerignore: false } }).length,
    },
    {
      name: 'dockerfile-utils validate (in process)',
      passes: IN_PROCESS_PASSES,
      lint: (file) => validate(file.text, DOCKERFILE_UTILS_DEFAULTS).length,
    },
    {
      name: `hadolint ${hadolint.version} (a process per file)`,
      passes: HADOLINT_PASSES,
      lint: (file) => {
        const run = spawnSync(hadolint.path, hadolintArgs(config, file.name), { cwd: dir, env, encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`hadolint exited ${run.status} on ${file.name}: ${run.stderr}`);
        const findings = parseHadolintOutput(file.name, run.stdout, run.stderr);
        if (findings.some((f) => f.code === 'DL1000')) unparsed.add(file.name);
        return findings.length;
      },
    },
  ];

  // The warm-up pass lets V8 optimise the in-process linters and puts hadolint's binary in the page cache; it also
  // counts the problems, which the timed passes must reproduce.
  const problems = linters.map((linter) => corpus.reduce((total, file) => total + linter.lint(file), 0));
  const rows = linters.map((linter, i) => measure(linter, corpus, problems[i]));

  const dlRules = dockerfileRules.filter((rule) => rule.id.startsWith('DL')).length;
  console.log('MLOps Deploy vs hadolint vs dockerfile-utils: per-file lint latency');
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; hadolint ${hadolint.version} at ${hadolint.path}.`);
  console.log(`Corpus: ${corpus.length} files in ${dir} (hadolint cannot parse ${unparsed.size} of them and reports only DL1000 there).`);
  console.log(`Our rules: ${dockerfileRules.length} registered, ${dlRules} of them DL rules.`);
  console.log(`Passes: 1 warm-up, then ${IN_PROCESS_PASSES} timed in process and ${HADOLINT_PASSES} for hadolint; each file's median over its passes.\n`);
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

initShellParser().then(main, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
