/**
 * The differential test against hadolint: lints the diff corpus with hadolint (one process per file, its default
 * settings) and with our linter (in this process, the default config, only our DL rules), compares the findings by
 * (file, line, code), and reports per rule how many both found, only we found, and only hadolint found.
 *
 *     node out-d/test/diff/hadolint-diff.js [--min-agreement 98] [--hadolint PATH]
 *
 * Agreement is both / (both + ours only + hadolint only), per rule and over all rules both linters implement. The
 * run fails (exit 1) when the overall agreement is below --min-agreement, when a difference is not one that
 * docs/hadolint-differences.md explains (hadolint-explained.ts), or when the same linter with `hadolint-parity:
 * true` misses a hadolint finding or falls below --min-parity-agreement (default 98); it exits 2 when hadolint cannot
 * be run.
 * A rule hadolint has and we do not is "not implemented yet", and a rule we have that this hadolint version lacks is
 * "ours only": neither counts as a disagreement. The full report goes to bench-results/hadolint-diff.json.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Finding } from '../../src/core/findings';
import { initShellParser } from '../../src/core/dockerfile/bash';
import { lintDockerfile } from '../../src/core/dockerfile/lint';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { dockerfileRules } from '../../src/core/dockerfile/rules';
import { DEFAULT_CONFIG, type LintConfig } from '../../src/core/rules/config';
import { printTable } from '../bench/common';
import { generateDiffCorpus, writeDiffCorpus, type DiffCorpusFile } from './corpus';
import { ROOT, findHadolint, hadolintArgs, hadolintEnv, parseHadolintOutput, writeHadolintConfig, type Hadolint, type HadolintFinding } from './hadolint';
import { numberFlag } from './flags';
import { explain, missingHeadings, type Explanation } from './hadolint-explained';

const DEFAULT_MIN_AGREEMENT = 98;
const EXAMPLES_PER_RULE = 5;
const REPORT_PATH = join(ROOT, 'bench-results', 'hadolint-diff.json');
const DIFFERENCES_DOC = join(ROOT, 'docs', 'hadolint-differences.md');

/**
 * hadolint's DL rules, as its documentation lists them, each with the first release that has it ('0.0.0': every
 * release this test can meet), so that a run against an older hadolint knows which of our rules it cannot check.
 * DL1000 is not a rule: it is hadolint's code for a file it cannot parse.
 */
const HADOLINT_RULES: ReadonlyMap<string, string> = new Map([
  ...[
    'DL1001', 'DL3000', 'DL3001', 'DL3002', 'DL3003', 'DL3004', 'DL3006', 'DL3007', 'DL3008', 'DL3009', 'DL3010',
    'DL3011', 'DL3012', 'DL3013', 'DL3014', 'DL3015', 'DL3016', 'DL3018', 'DL3019', 'DL3020', 'DL3021', 'DL3022',
    'DL3023', 'DL3024', 'DL3025', 'DL3026', 'DL3027', 'DL3028', 'DL3029', 'DL3030', 'DL3032', 'DL3033', 'DL3034',
    'DL3035', 'DL3036', 'DL3037', 'DL3038', 'DL3040', 'DL3041', 'DL3042', 'DL3043', 'DL3044', 'DL3045', 'DL3046',
    'DL3047', 'DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3057',
    'DL3058', 'DL3059', 'DL3060', 'DL3061', 'DL3062', 'DL4000', 'DL4001', 'DL4003', 'DL4004', 'DL4005', 'DL4006',
  ].map((id): [string, string] => [id, '0.0.0']),
  ...['DL3063', 'DL3064', 'DL3065', 'DL3066', 'DL3067'].map((id): [string, string] => [id, '2.15.0']),
]);

const isDlCode = (code: string): boolean => /^DL\d{4}$/.test(code) && code !== 'DL1000';

type Status = 'compared' | 'not implemented yet' | 'ours only' | 'not a hadolint rule';

/** A finding of either linter reduced to what is compared, plus what a person needs to look at it. */
interface Hit {
  file: string;
  /** 1-based; for our findings, the first line of the instruction the finding is on (see ourHits). */
  line: number;
  code: string;
  severity: string;
  message: string;
}

interface Difference {
  file: string;
  line: number;
  side: 'ours only' | 'hadolint only';
  text: string;
  message: string;
  /** The headings of docs/hadolint-differences.md that explain it (hadolint-explained.ts); empty if none does. */
  explainedBy: string[];
}

interface RuleResult {
  code: string;
  status: Status;
  both: number;
  oursOnly: number;
  hadolintOnly: number;
  /** Percent, or null when neither linter reported the rule on the corpus. */
  agreement: number | null;
  /** Matches whose severities differ (ours vs hadolint's level), with the pairs seen. */
  severityMismatches: number;
  severityPairs: string[];
  /** How often our rule threw (lintDockerfile catches it, so a crash shows up as missing findings). */
  ruleErrors: number;
  differences: Difference[];
}

async function main(): Promise<number> {
  await initShellParser();
  const minAgreement = numberFlag('--min-agreement', DEFAULT_MIN_AGREEMENT);
  const minParityAgreement = numberFlag('--min-parity-agreement', DEFAULT_MIN_AGREEMENT);
  const hadolint = findHadolint(process.argv);
  const corpus = generateDiffCorpus();
  const dir = writeDiffCorpus(corpus);
  const dlRules = dockerfileRules.filter((rule) => isDlCode(rule.id));
  const ours = new Set(dlRules.map((rule) => rule.id));

  let started = performance.now();
  const theirs = await runHadolint(hadolint, dir, corpus);
  const hadolintSeconds = (performance.now() - started) / 1000;
  // A file hadolint cannot parse gets DL1000 and no other finding; comparing it would blame every one of our
  // findings on us, so such files are left out and listed.
  const unparsed = corpus.filter((file) => theirs.get(file.name)!.some((f) => f.code === 'DL1000'));
  const compared = corpus.filter((file) => !unparsed.includes(file));

  started = performance.now();
  const ruleErrors = new Map<string, number>();
  const lintAll = (config: LintConfig): Map<string, Hit[]> =>
    new Map(
      compared.map((file) => [
        file.name,
        ourHits(file, lintDockerfile(file.text, { config, rules: dlRules, onRuleError: (id) => ruleErrors.set(id, (ruleErrors.get(id) ?? 0) + 1) })),
      ]),
    );
  const ourFindings = lintAll(DEFAULT_CONFIG);
  const oursSeconds = (performance.now() - started) / 1000;
  // The same linter with `hadolint-parity: true`, whose promise is that no finding of hadolint's is lost.
  const parityFindings = lintAll({ ...DEFAULT_CONFIG, dockerfile: { hadolintParity: true } });

  const hadolintHits = new Map(compared.map((file) => [file.name, theirs.get(file.name)!.filter((f) => isDlCode(f.code)).map((f) => hadolintHit(file, f))]));
  const results = compare(compared, ourFindings, hadolintHits, ours, hadolint.version, ruleErrors);
  const totals = overall(results);
  const parityResults = compare(compared, parityFindings, hadolintHits, ours, hadolint.version, ruleErrors);
  const parityTotals = overall(parityResults);

  printSummary(hadolint, dir, corpus, unparsed, dlRules.length, hadolintSeconds, oursSeconds);
  printResults(results, hadolint.version);
  printExamples(results);
  const unexplained = printExplanations(results);
  const missing = missingHeadings(readFileSync(DIFFERENCES_DOC, 'utf8'));
  for (const heading of missing) console.log(`hadolint-explained.ts names a heading docs/hadolint-differences.md does not have: "${heading}".`);
  const agreementPassed = totals.agreement === null || totals.agreement >= minAgreement;
  const parityLost = printParity(parityResults, parityTotals, minParityAgreement);
  const parityPassed = parityLost === 0 && (parityTotals.agreement === null || parityTotals.agreement >= minParityAgreement);
  const passed = agreementPassed && unexplained === 0 && missing.length === 0 && parityPassed;
  console.log(
    totals.agreement === null
      ? `\nOverall agreement: n/a (no DL rule that both implement was reported on the corpus). PASS.`
      : `\nOverall agreement on the ${totals.rules} rule(s) both implement: ${totals.agreement.toFixed(2)}% ` +
          `(${totals.both} both, ${totals.oursOnly} ours only, ${totals.hadolintOnly} hadolint only); minimum ${minAgreement}%: ${agreementPassed ? 'PASS' : 'FAIL'}.`,
  );
  console.log(`Differences not explained in docs/hadolint-differences.md: ${unexplained}: ${unexplained === 0 ? 'PASS' : 'FAIL'}.`);
  const crashed = [...ruleErrors.entries()];
  if (crashed.length > 0) console.log(`WARNING: our rules threw: ${crashed.map(([id, n]) => `${id} ${n}x`).join(', ')}.`);

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const report = {
    hadolint: { version: hadolint.version, path: hadolint.path },
    corpus: { dir, files: corpus.length, compared: compared.length, unparsedByHadolint: unparsed.map((file) => file.name) },
    ourDlRules: [...ours].sort(),
    minAgreement,
    overall: totals,
    passed,
    rules: results,
    hadolintParity: { minAgreement: minParityAgreement, overall: parityTotals, passed: parityPassed, rules: parityResults },
  };
  writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2) + '\n');
  console.log(`Report: ${REPORT_PATH}`);
  return passed ? 0 : 1;
}

/** Runs hadolint once per file, as many at a time as there are cores, from inside the corpus folder. */
async function runHadolint(hadolint: Hadolint, dir: string, corpus: DiffCorpusFile[]): Promise<Map<string, HadolintFinding[]>> {
  const run = promisify(execFile);
  const config = writeHadolintConfig(dir);
  const env = hadolintEnv();
  const results = new Map<string, HadolintFinding[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < corpus.length) {
      const file = corpus[next++];
      const { stdout, stderr } = await run(hadolint.path, hadolintArgs(config, file.name), { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
      results.set(file.name, parseHadolintOutput(file.name, stdout, stderr));
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
  return results;
}

/**
 * Our findings as hits. hadolint reports a rule at the first line of the instruction (column 1), while our rules may
 * point inside it (the unpinned package on the fourth line of a RUN), so each finding is moved to the first line
 * of the instruction that contains it. A finding outside every instruction keeps its own line.
 */
function ourHits(file: DiffCorpusFile, findings: Finding[]): Hit[] {
  const starts = parseDockerfile(file.text).instructions.map((instruction) => instruction.getRange());
  return findings.map((finding) => {
    const line = finding.range.start.line;
    const owner = starts.find((range) => range.start.line <= line && line <= range.end.line);
    return { file: file.name, line: (owner ? owner.start.line : line) + 1, code: finding.code, severity: finding.severity, message: finding.message };
  });
}

function hadolintHit(file: DiffCorpusFile, finding: HadolintFinding): Hit {
  return { file: file.name, line: finding.line, code: finding.code, severity: finding.level, message: finding.message };
}

/**
 * Compares the hits rule by rule. Both sides are reduced to sets of (file, line, code) first: a linter that reports
 * a rule twice on one instruction (once per unpinned package) has still found the same thing as one that reports it
 * once.
 */
function compare(
  corpus: DiffCorpusFile[],
  ourHitsByFile: Map<string, Hit[]>,
  hadolintHitsByFile: Map<string, Hit[]>,
  ours: ReadonlySet<string>,
  version: string,
  ruleErrors: ReadonlyMap<string, number>,
): RuleResult[] {
  const byKey = (hits: Hit[]): Map<string, Hit> => new Map(hits.map((hit) => [`${hit.file}\u0000${hit.line}\u0000${hit.code}`, hit]));
  const texts = new Map(corpus.map((file) => [file.name, file.text.split(/\r\n|\r|\n/)]));
  const files = new Map(corpus.map((file) => [file.name, file.text]));
  const instructions = new Map(corpus.map((file) => [file.name, instructionTexts(file.text)]));
  const codes = new Set([...HADOLINT_RULES.keys(), ...ours]);
  const mine = byKey([...ourHitsByFile.values()].flat());
  const theirs = byKey([...hadolintHitsByFile.values()].flat());
  for (const hit of [...mine.values(), ...theirs.values()]) codes.add(hit.code);

  return [...codes].sort().map((code): RuleResult => {
    const status = statusOf(code, ours, version);
    const result: RuleResult = { code, status, both: 0, oursOnly: 0, hadolintOnly: 0, agreement: null, severityMismatches: 0, severityPairs: [], ruleErrors: ruleErrors.get(code) ?? 0, differences: [] };
    const pairs = new Set<string>();
    const difference = (hit: Hit, side: Difference['side']): Difference => {
      const text = texts.get(hit.file)![hit.line - 1] ?? '';
      const instruction = instructions.get(hit.file)!.get(hit.line) ?? text;
      const explainedBy = explain({ rule: code, side, instruction, file: files.get(hit.file)! }).map((entry: Explanation) => entry.heading);
      return { file: hit.file, line: hit.line, side, text, message: hit.message, explainedBy };
    };
    for (const [key, hit] of mine) {
      if (hit.code !== code) continue;
      const other = theirs.get(key);
      if (!other) {
        result.oursOnly++;
        result.differences.push(difference(hit, 'ours only'));
      } else {
        result.both++;
        // hadolint's levels (error, warning, info, style) are our severities by name.
        if (hit.severity !== other.severity) {
          result.severityMismatches++;
          pairs.add(`${hit.severity}/${other.severity}`);
        }
      }
    }
    for (const [key, hit] of theirs) {
      if (hit.code === code && !mine.has(key)) {
        result.hadolintOnly++;
        result.differences.push(difference(hit, 'hadolint only'));
      }
    }
    const total = result.both + result.oursOnly + result.hadolintOnly;
    if (total > 0) result.agreement = (100 * result.both) / total;
    result.severityPairs = [...pairs].sort();
    result.differences.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return result;
  });
}

/** Each instruction's whole text (continuation lines and heredoc bodies too), by its 1-based first line. */
function instructionTexts(text: string): Map<number, string> {
  const model = parseDockerfile(text);
  const offset = (position: { line: number; character: number }): number => model.lineStarts[position.line] + position.character;
  return new Map(model.instructions.map((instruction) => {
    const range = instruction.getRange();
    return [range.start.line + 1, text.slice(offset(range.start), offset(range.end))];
  }));
}

function statusOf(code: string, ours: ReadonlySet<string>, version: string): Status {
  const since = HADOLINT_RULES.get(code);
  if (since === undefined) return 'not a hadolint rule';
  if (!ours.has(code)) return 'not implemented yet';
  return compareVersions(version, since) >= 0 ? 'compared' : 'ours only';
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function overall(results: RuleResult[]): { rules: number; both: number; oursOnly: number; hadolintOnly: number; agreement: number | null } {
  const comparedRules = results.filter((r) => r.status === 'compared');
  const both = sum(comparedRules.map((r) => r.both));
  const oursOnly = sum(comparedRules.map((r) => r.oursOnly));
  const hadolintOnly = sum(comparedRules.map((r) => r.hadolintOnly));
  const total = both + oursOnly + hadolintOnly;
  return { rules: comparedRules.length, both, oursOnly, hadolintOnly, agreement: total > 0 ? (100 * both) / total : null };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function printSummary(hadolint: Hadolint, dir: string, corpus: DiffCorpusFile[], unparsed: DiffCorpusFile[], ourRuleCount: number, hadolintSeconds: number, oursSeconds: number): void {
  const count = (origin: DiffCorpusFile['origin']): number => corpus.filter((file) => file.origin === origin).length;
  console.log(`MLOps Deploy vs hadolint ${hadolint.version} (${hadolint.path})`);
  console.log(`Corpus: ${corpus.length} files (${count('bench')} bench, ${count('case')} written cases, ${count('mix')} mixes), written to ${dir}.`);
  console.log(`hadolint could not parse ${unparsed.length} file(s), left out of the comparison: ${unparsed.map((f) => f.name).join(', ') || 'none'}.`);
  console.log(`Our DL rules: ${ourRuleCount} of ${HADOLINT_RULES.size}. hadolint: ${hadolintSeconds.toFixed(1)} s (one process per file); ours: ${oursSeconds.toFixed(2)} s.\n`);
}

function printResults(results: RuleResult[], version: string): void {
  const label = (r: RuleResult): string => (r.status === 'ours only' ? `ours only (not in hadolint ${version})` : r.status);
  const shown = results.filter((r) => r.status !== 'not implemented yet' || r.hadolintOnly > 0);
  printTable(
    ['rule', 'status', 'both', 'ours only', 'hadolint only', 'agreement %', 'severity differs', 'threw'],
    shown.map((r) => [
      r.code,
      label(r),
      String(r.both),
      String(r.oursOnly),
      String(r.hadolintOnly),
      r.status !== 'compared' ? '-' : r.agreement === null ? 'no findings' : r.agreement.toFixed(1),
      r.severityMismatches > 0 ? `${r.severityMismatches} (${r.severityPairs.join(', ')})` : '0',
      String(r.ruleErrors),
    ]),
  );
  const silent = results.filter((r) => r.status === 'not implemented yet' && r.hadolintOnly === 0).map((r) => r.code);
  if (silent.length > 0) console.log(`Not implemented yet, and hadolint reported nothing for them on this corpus: ${silent.join(' ')}.`);
}

/**
 * The comparison with `hadolint-parity: true`: its agreement, every finding hadolint made that the parity mode still
 * misses (a lost check, which that mode promises never to have), and every extra finding of ours that
 * docs/hadolint-differences.md does not explain (a parity finding hadolint does not make shows up here). Returns
 * how many of both there are.
 */
function printParity(results: RuleResult[], totals: ReturnType<typeof overall>, minAgreement: number): number {
  const compared = results.filter((r) => r.status === 'compared');
  const lost = compared.flatMap((r) => r.differences.filter((d) => d.side === 'hadolint only').map((d) => ({ ...d, code: r.code })));
  const extra = compared.flatMap((r) => r.differences.filter((d) => d.side === 'ours only').map((d) => ({ ...d, code: r.code })));
  console.log('\nWith hadolint-parity: true (report everything hadolint reports; our extra findings stay):');
  for (const d of lost) console.log(`LOST ${d.code} ${d.file}:${d.line} ${d.text}`);
  const unexplainedExtra = extra.filter((d) => d.explainedBy.length === 0);
  for (const d of unexplainedExtra) console.log(`UNEXPLAINED ${d.code} ${d.file}:${d.line} [ours only] ${d.text}`);
  if (totals.agreement !== null) {
    console.log(
      `Agreement ${totals.agreement.toFixed(2)}% (${totals.both} both, ${totals.oursOnly} ours only, ${totals.hadolintOnly} hadolint only); ` +
        `minimum ${minAgreement}%: ${totals.agreement >= minAgreement ? 'PASS' : 'FAIL'}. hadolint findings lost: ${lost.length}: ${lost.length === 0 ? 'PASS' : 'FAIL'}.`,
    );
  }
  return lost.length + unexplainedExtra.length;
}

/**
 * How many differences each documented reason explains, and every difference none explains (all of them, not five
 * per rule). Returns the number left unexplained.
 */
function printExplanations(results: RuleResult[]): number {
  const differences = results.filter((r) => r.status === 'compared').flatMap((r) => r.differences.map((d) => ({ ...d, code: r.code })));
  const counts = new Map<string, number>();
  for (const d of differences) for (const heading of d.explainedBy) counts.set(`${d.code} ${d.side}: ${heading}`, (counts.get(`${d.code} ${d.side}: ${heading}`) ?? 0) + 1);
  console.log('\nDifferences by the reason docs/hadolint-differences.md gives:');
  printTable(['rule, side and heading', 'differences'], [...counts.entries()].sort().map(([key, n]) => [key, String(n)]));
  const left = differences.filter((d) => d.explainedBy.length === 0);
  for (const d of left) console.log(`UNEXPLAINED ${d.code} ${d.file}:${d.line} [${d.side}] ${d.text}`);
  return left.length;
}

/** Up to five differences per rule that is compared, alternating between the two sides so that both show. */
function printExamples(results: RuleResult[]): void {
  const withDifferences = results.filter((r) => r.status === 'compared' && r.differences.length > 0);
  if (withDifferences.length === 0) return;
  console.log('\nExample differences (file:line, who reported it, the line):');
  for (const r of withDifferences) {
    const oursOnly = r.differences.filter((d) => d.side === 'ours only');
    const hadolintOnly = r.differences.filter((d) => d.side === 'hadolint only');
    const examples: Difference[] = [];
    for (let i = 0; examples.length < EXAMPLES_PER_RULE && (i < oursOnly.length || i < hadolintOnly.length); i++) {
      if (i < oursOnly.length) examples.push(oursOnly[i]);
      if (i < hadolintOnly.length && examples.length < EXAMPLES_PER_RULE) examples.push(hadolintOnly[i]);
    }
    console.log(`${r.code}:`);
    for (const d of examples) console.log(`  ${d.file}:${d.line} [${d.side}] ${d.text.trim().slice(0, 140)}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
