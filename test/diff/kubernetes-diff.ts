/**
 * The differential test against the Kubernetes peers: lints the Kubernetes corpus with kube-score and kube-linter
 * (separate processes, one run per app folder, so that their cross-object checks see the same objects as our
 * workspace rules) and with our linter (in this process, the default config), and reports, for each of our rules
 * that has a counterpart (PEER_CHECKS), how many findings both made, only we made, and only the peer made.
 *
 *     node out-d/test/diff/kubernetes-diff.js [--min-agreement 65] [--kube-score PATH] [--kube-linter PATH]
 *
 * The peers report objects, not lines, so findings are compared at object granularity: file, kind, name, and the
 * container's name when both sides name one for that rule (kube-score names the container for its container
 * checks, and not for pod-probes or pod-networkpolicy). Agreement is both / (both + ours only + peer only), per rule
 * and peer and over all of them; the run exits 1 when the overall agreement is below --min-agreement, and 2 when no
 * peer can be run. A peer the Go module proxy does not serve is reported as unavailable, not as a disagreement, and
 * a rule not registered yet is shown but not counted. When kube-score skipped its check on an object we reported
 * ("less than 2 replicas", "not targeted by a service"), the difference carries its reason. Every difference class
 * is explained in docs/peer-differences.md; the full report goes to bench-results/kube-diff.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Finding } from '../../src/core/findings';
import { containersOf } from '../../src/core/kubernetes/objects';
import { parseManifestFile, type ManifestDocument } from '../../src/core/kubernetes/parse';
import { PEER_CHECKS } from '../../src/core/kubernetes/peers';
import { kubernetesRules } from '../../src/core/kubernetes/rules';
import { lintKubernetesFiles } from '../../src/core/kubernetes/workspace';
import { workspaceRules } from '../../src/core/kubernetes/workspace/rules';
import { DEFAULT_CONFIG } from '../../src/core/rules/config';
import { printTable } from '../bench/common';
import { generateKubernetesCorpus, writeKubernetesCorpus, type KubernetesCorpusFile } from './kubernetes-corpus';
import { KUBE_SCORE_PROBLEM_GRADE, ROOT, findKubePeers, kubeLinterArgs, kubeScoreArgs, runPeer, type KubeLinterReport, type KubeScoreObject, type PeerName, type PeerTool } from './kube-peers';

/** Without --min-agreement the run only reports; CI passes the gate it wants (see docs/peer-differences.md). */
const DEFAULT_MIN_AGREEMENT = 0;
const EXAMPLES_PER_ROW = 4;
const REPORT_PATH = join(ROOT, 'bench-results', 'kube-diff.json');

/** kube-score's optional checks; those that a rule of ours maps to are switched on. */
const KUBE_SCORE_OPTIONAL = ['container-resource-requests-equal-limits', 'container-cpu-requests-equal-limits', 'container-memory-requests-equal-limits', 'container-ephemeral-storage-request-equals-limit', 'container-ports-check', 'container-seccomp-profile'];

/**
 * Some peer checks cover several of our rules at once, and say which in each comment: kube-score's
 * container-resources reports missing limits (MLO201) and missing requests (MLO202) as separate comments, pod-probes
 * a missing readiness (MLO203) or liveness probe (MLO204), and container-security-context-user-group-id a low user
 * id (MLO209) or a low group id (no rule of ours). A peer finding counts for one of our rules only when a comment
 * matches that rule's pattern here; checks not listed count whatever their comments say.
 */
const COMMENT_FILTERS: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  'container-resources': { MLO201: /limit/i, MLO202: /request/i },
  'pod-probes': { MLO203: /readiness/i, MLO204: /liveness/i },
  'container-security-context-user-group-id': { MLO209: /user id|security context/i },
};

/** One finding of either side, at object granularity. */
interface Hit {
  file: string;
  kind: string;
  name: string;
  /** The container's name, when the finding is about one. */
  container?: string;
  /** Our rule id, or the peer's check id. */
  code: string;
  message: string;
  /** A peer check that did not run on the object (kube-score says why, e.g. "less than 2 replicas"). */
  skipped?: boolean;
}

interface Difference {
  side: 'ours only' | 'peer only';
  object: string;
  message: string;
  /** For an ours-only finding: why the peer's check skipped the object, when it said so. */
  peerSkipped?: string;
}

interface RowResult {
  rule: string;
  /** `not implemented yet`: the rule is not registered, so the peer's findings show what it will meet. */
  status: 'compared' | 'not implemented yet';
  peer: PeerName;
  checks: string[];
  granularity: 'container' | 'object';
  both: number;
  oursOnly: number;
  /** How many of the ours-only findings are on objects the peer's check skipped (a difference of scope). */
  oursOnlyPeerSkipped: number;
  peerOnly: number;
  agreement: number | null;
  differences: Difference[];
}

async function main(): Promise<number> {
  const minAgreement = numberFlag('--min-agreement', DEFAULT_MIN_AGREEMENT);
  const peers = findKubePeers(process.argv);
  if (peers.tools.length === 0) {
    console.error(`No Kubernetes peer can be run: ${JSON.stringify(peers.unavailable)}`);
    return 2;
  }
  const corpus = generateKubernetesCorpus();
  const dir = writeKubernetesCorpus(corpus);
  const apps = [...new Set(corpus.map((file) => file.app))];

  let started = performance.now();
  const ruleErrors = new Map<string, number>();
  const ours = ourHits(corpus, ruleErrors);
  const oursSeconds = (performance.now() - started) / 1000;

  const peerHits = new Map<PeerName, Hit[]>();
  const peerSeconds = new Map<PeerName, number>();
  for (const tool of peers.tools) {
    started = performance.now();
    peerHits.set(tool.name, tool.name === 'kube-score' ? await kubeScoreHits(tool, dir, corpus, apps) : await kubeLinterHits(tool, dir, apps));
    peerSeconds.set(tool.name, (performance.now() - started) / 1000);
  }

  const rows: RowResult[] = [];
  const ourRules = [...new Set(ours.map((hit) => hit.code))];
  const registered = new Set([...kubernetesRules, ...workspaceRules].map((rule) => rule.id));
  for (const [rule, mapping] of Object.entries(PEER_CHECKS).sort(([a], [b]) => a.localeCompare(b))) {
    for (const tool of peers.tools) {
      const checks = tool.name === 'kube-score' ? mapping.kubeScore : mapping.kubeLinter;
      if (checks.length === 0) continue;
      const row = compare(rule, tool.name, checks, ours.filter((hit) => hit.code === rule), peerHits.get(tool.name)!);
      rows.push({ ...row, status: registered.has(rule) ? 'compared' : 'not implemented yet' });
    }
  }
  const compared = rows.filter((r) => r.status === 'compared');
  const totals = overall(compared);

  const documents = corpus.reduce((sum, file) => sum + parseManifestFile(file.text).documents.filter((d) => d.object).length, 0);
  console.log(`MLOps Deploy vs ${peers.tools.map((t) => `${t.name} ${t.version}`).join(', ')} on Kubernetes manifests`);
  for (const [name, reason] of Object.entries(peers.unavailable)) console.log(`${name}: unavailable (${reason}); its checks are not compared.`);
  console.log(`Corpus: ${corpus.length} files, ${documents} objects, ${apps.length} folders (${corpus.filter((f) => f.origin === 'fixture').length} files from the repository), written to ${dir}.`);
  console.log(`Ours: ${oursSeconds.toFixed(2)} s in process; ${peers.tools.map((t) => `${t.name}: ${peerSeconds.get(t.name)!.toFixed(1)} s (one process per folder)`).join('; ')}.`);
  console.log(`Our rules that fired: ${ourRules.sort().join(' ') || 'none'}. Rules with a counterpart: ${Object.keys(PEER_CHECKS).length}.\n`);
  printTable(
    ['rule', 'status', 'peer', 'peer checks', 'level', 'both', 'ours only', '(peer skipped)', 'peer only', 'agreement %'],
    rows.map((r) => [r.rule, r.status, r.peer, r.checks.join(', '), r.granularity, String(r.both), String(r.oursOnly), String(r.oursOnlyPeerSkipped), String(r.peerOnly), r.status !== 'compared' ? '-' : r.agreement === null ? 'no findings' : r.agreement.toFixed(1)]),
  );
  printExamples(compared);
  const passed = totals.agreement === null || totals.agreement >= minAgreement;
  console.log(
    totals.agreement === null
      ? '\nOverall agreement: n/a (no finding on either side for the rules compared). PASS.'
      : `\nOverall agreement on the ${compared.length} rule/peer pair(s) compared: ${totals.agreement.toFixed(2)}% (${totals.both} both, ${totals.oursOnly} ours only, ${totals.peerOnly} peer only); minimum ${minAgreement}%: ${passed ? 'PASS' : 'FAIL'}.`,
  );
  if (ruleErrors.size > 0) console.log(`WARNING: our rules threw: ${[...ruleErrors].map(([id, n]) => `${id} ${n}x`).join(', ')}.`);

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const report = {
    peers: peers.tools.map(({ name, version, path }) => ({ name, version, path })),
    unavailable: peers.unavailable,
    corpus: { dir, files: corpus.length, objects: documents, folders: apps.length },
    seconds: { ours: oursSeconds, ...Object.fromEntries(peerSeconds) },
    minAgreement,
    overall: totals,
    passed,
    rules: rows,
  };
  writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2) + '\n');
  console.log(`Report: ${REPORT_PATH}`);
  return passed ? 0 : 1;
}

function numberFlag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number, got ${process.argv[at + 1]}`);
  return value;
}

/** Lints each folder of the corpus as one workspace and maps every finding to the object (and container) it is on. */
function ourHits(corpus: readonly KubernetesCorpusFile[], ruleErrors: Map<string, number>): Hit[] {
  const hits: Hit[] = [];
  const onRuleError = (id: string): void => {
    ruleErrors.set(id, (ruleErrors.get(id) ?? 0) + 1);
  };
  const apps = new Map<string, KubernetesCorpusFile[]>();
  for (const file of corpus) apps.set(file.app, [...(apps.get(file.app) ?? []), file]);
  for (const files of apps.values()) {
    const findings = lintKubernetesFiles(files, { config: DEFAULT_CONFIG, onRuleError });
    for (const file of files) {
      const documents = parseManifestFile(file.text).documents;
      for (const finding of findings.get(file.path) ?? []) {
        const hit = locateFinding(file.path, documents, finding);
        if (hit) hits.push(hit);
      }
    }
  }
  return hits;
}

/** The object and container a finding sits in; undefined for a finding outside every object (a YAML error). */
function locateFinding(path: string, documents: readonly ManifestDocument[], finding: Finding): Hit | undefined {
  const line = finding.range.start.line;
  const document = documents.find((d) => d.object && d.range.start.line <= line && line <= d.range.end.line);
  if (!document?.object) return undefined;
  const metadata = document.object.metadata as { name?: unknown } | undefined;
  const container = containersOf(document.object).find((entry) => {
    const range = document.locate(entry.path).valueRange;
    return range.start.line <= line && line <= range.end.line;
  });
  const containerName = typeof container?.container.name === 'string' ? container.container.name : undefined;
  return { file: path, kind: document.object.kind, name: typeof metadata?.name === 'string' ? metadata.name : '', container: containerName, code: finding.code, message: finding.message };
}

/** kube-score on each folder, with the optional checks that have a counterpart switched on. */
async function kubeScoreHits(tool: PeerTool, dir: string, corpus: readonly KubernetesCorpusFile[], apps: readonly string[]): Promise<Hit[]> {
  const mapped = new Set(Object.values(PEER_CHECKS).flatMap((m) => m.kubeScore));
  const optional = KUBE_SCORE_OPTIONAL.filter((id) => mapped.has(id));
  const hits: Hit[] = [];
  for (const app of apps) {
    const files = corpus.filter((file) => file.app === app).map((file) => file.path);
    const objects = JSON.parse(await runPeer(tool, kubeScoreArgs(files, optional), dir)) as KubeScoreObject[];
    for (const object of objects) {
      for (const check of object.checks) {
        if (!check.skipped && check.grade > KUBE_SCORE_PROBLEM_GRADE) continue;
        for (const comment of check.comments ?? [{ path: '', summary: '', description: '' }]) {
          hits.push({ file: corpusPath(dir, object.file_name), kind: object.type_meta.kind, name: object.object_meta.name ?? '', container: comment.path || undefined, code: check.check.id, message: comment.summary, skipped: check.skipped || undefined });
        }
      }
    }
  }
  return hits;
}

/** kube-linter on each folder, every built-in check on. */
async function kubeLinterHits(tool: PeerTool, dir: string, apps: readonly string[]): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const app of apps) {
    const report = JSON.parse(await runPeer(tool, kubeLinterArgs([app]), dir)) as KubeLinterReport;
    for (const r of report.Reports ?? []) {
      const container = /container "([^"]+)"/.exec(r.Diagnostic.Message)?.[1];
      hits.push({ file: corpusPath(dir, r.Object.Metadata.FilePath), kind: r.Object.K8sObject.GroupVersionKind.Kind, name: r.Object.K8sObject.Name, container, code: r.Check, message: r.Diagnostic.Message });
    }
  }
  return hits;
}

/** The peers print the paths they were given or absolute ones; both become the corpus' relative paths. */
function corpusPath(dir: string, path: string): string {
  return (isAbsolute(path) ? relative(dir, path) : path).split('\\').join('/');
}

function compare(rule: string, peer: PeerName, checks: readonly string[], ours: readonly Hit[], peerHits: readonly Hit[]): RowResult {
  const ofChecks = peerHits.filter((hit) => checks.includes(hit.code));
  const theirs = ofChecks.filter((hit) => !hit.skipped && (COMMENT_FILTERS[hit.code]?.[rule]?.test(hit.message) ?? !(hit.code in COMMENT_FILTERS)));
  const objectKey = (hit: Hit): string => [hit.file, hit.kind, hit.name].join('\u0000');
  const skips = new Map(ofChecks.filter((hit) => hit.skipped).map((hit) => [objectKey(hit), `${hit.code}: ${hit.message}`]));
  // Container granularity only when both sides name containers for this rule; otherwise whole objects.
  const granularity: RowResult['granularity'] = ours.length > 0 && theirs.length > 0 && [...ours, ...theirs].every((hit) => hit.container !== undefined) ? 'container' : 'object';
  const key = (hit: Hit): string => [hit.file, hit.kind, hit.name, granularity === 'container' ? hit.container : ''].join('\u0000');
  const label = (hit: Hit): string => `${hit.file} ${hit.kind}/${hit.name}${granularity === 'container' && hit.container ? ` container ${hit.container}` : ''}`;
  const mine = new Map(ours.map((hit) => [key(hit), hit]));
  const other = new Map(theirs.map((hit) => [key(hit), hit]));
  const result: RowResult = { rule, status: 'compared', peer, checks: [...checks], granularity, both: 0, oursOnly: 0, oursOnlyPeerSkipped: 0, peerOnly: 0, agreement: null, differences: [] };
  for (const [k, hit] of mine) {
    if (other.has(k)) result.both++;
    else {
      result.oursOnly++;
      const peerSkipped = skips.get(objectKey(hit));
      if (peerSkipped) result.oursOnlyPeerSkipped++;
      result.differences.push({ side: 'ours only', object: label(hit), message: hit.message, peerSkipped });
    }
  }
  for (const [k, hit] of other) {
    if (!mine.has(k)) {
      result.peerOnly++;
      result.differences.push({ side: 'peer only', object: label(hit), message: `${hit.code}: ${hit.message}` });
    }
  }
  const total = result.both + result.oursOnly + result.peerOnly;
  if (total > 0) result.agreement = (100 * result.both) / total;
  result.differences.sort((a, b) => a.object.localeCompare(b.object));
  return result;
}

function overall(rows: readonly RowResult[]): { both: number; oursOnly: number; peerOnly: number; agreement: number | null } {
  const sum = (pick: (r: RowResult) => number): number => rows.reduce((total, r) => total + pick(r), 0);
  const both = sum((r) => r.both);
  const oursOnly = sum((r) => r.oursOnly);
  const peerOnly = sum((r) => r.peerOnly);
  const total = both + oursOnly + peerOnly;
  return { both, oursOnly, peerOnly, agreement: total > 0 ? (100 * both) / total : null };
}

/** A few differences per row, alternating between the sides so that both show. */
function printExamples(rows: readonly RowResult[]): void {
  const withDifferences = rows.filter((r) => r.differences.length > 0);
  if (withDifferences.length === 0) return;
  console.log('\nExample differences (object, who reported it, message):');
  for (const r of withDifferences) {
    const sides = [r.differences.filter((d) => d.side === 'ours only'), r.differences.filter((d) => d.side === 'peer only')];
    const examples: Difference[] = [];
    for (let i = 0; examples.length < EXAMPLES_PER_ROW && (i < sides[0].length || i < sides[1].length); i++) {
      for (const side of sides) if (i < side.length && examples.length < EXAMPLES_PER_ROW) examples.push(side[i]);
    }
    console.log(`${r.rule} vs ${r.peer}:`);
    for (const d of examples) console.log(`  [${d.side}] ${d.object}: ${d.message.slice(0, 120)}${d.peerSkipped ? ` (peer skipped it: ${d.peerSkipped})` : ''}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
