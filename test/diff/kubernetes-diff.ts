/**
 * The differential test against the Kubernetes peers: lints the Kubernetes corpus with kube-score, kube-linter and
 * Checkov (separate processes, one run per app folder, so that their cross-object checks see the same objects as our
 * workspace rules) and with our linter (in this process, the default config), and reports, for each of our rules
 * that has a counterpart (PEER_CHECKS), how many findings both made, only we made, and only the peer made.
 *
 *     node out-d/test/diff/kubernetes-diff.js [--min-agreement 65] [--min-agreement-checkov 85]
 *       [--kube-score PATH] [--kube-linter PATH] [--checkov PATH]
 *
 * The peers report objects, not lines, so findings are compared at object granularity: file, kind, name, and the
 * container's name when both sides name one for that rule (kube-score names the container for its container
 * checks, and not for pod-probes or pod-networkpolicy; Checkov never does). Agreement is both / (both + ours only +
 * peer only), per rule and peer and over all of a peer's rules. Each peer has its own overall agreement and its own
 * gate: --min-agreement for kube-score (and kube-linter, where it can be installed), --min-agreement-checkov for
 * Checkov; the run exits 1 when a peer's overall agreement is below its gate, and 2 when no peer can be run. A peer
 * that cannot be installed is reported as unavailable, not as a disagreement, and a rule not registered yet is shown
 * but not counted. When kube-score skipped its check on an object we reported ("less than 2 replicas", "not
 * targeted by a service"), the difference carries its reason. Every difference class
 * is explained in docs/peer-differences.md; the full report goes to bench-results/kube-diff.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Finding } from '../../src/core/findings';
import { containersOf, valueAt, workloadKindOf, workloadPaths } from '../../src/core/kubernetes/objects';
import { parseManifestFile, type KubernetesObject, type ManifestDocument } from '../../src/core/kubernetes/parse';
import { PEER_CHECKS, type PeerIds } from '../../src/core/kubernetes/peers';
import { kubernetesRules } from '../../src/core/kubernetes/rules';
import { lintKubernetesFiles } from '../../src/core/kubernetes/workspace';
import { workspaceRules } from '../../src/core/kubernetes/workspace/rules';
import { nameOf, namespaceOf } from '../../src/core/kubernetes/workspace/select';
import { DEFAULT_CONFIG } from '../../src/core/rules/config';
import { printTable } from '../bench/common';
import { generateKubernetesCorpus, writeKubernetesCorpus, type KubernetesCorpusFile } from './kubernetes-corpus';
import { KUBE_SCORE_PROBLEM_GRADE, ROOT, checkovArgs, findKubePeers, kubeLinterArgs, kubeScoreArgs, runPeer, type CheckovReport, type KubeLinterReport, type KubeScoreObject, type PeerName, type PeerTool } from './kube-peers';
import { numberFlag } from './flags';

/** Without --min-agreement(-checkov) the run only reports; CI passes the gates it wants (see docs/peer-differences.md). */
const DEFAULT_MIN_AGREEMENT = 0;
/** Which PEER_CHECKS column holds each peer's check ids. */
const PEER_COLUMN: Readonly<Record<PeerName, keyof PeerIds>> = { 'kube-score': 'kubeScore', 'kube-linter': 'kubeLinter', checkov: 'checkov' };
/** The role-based access control kinds whose Checkov findings MLO315 reports on the workloads they empower. */
const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];
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
  const minAgreement: Record<PeerName, number> = {
    'kube-score': numberFlag('--min-agreement', DEFAULT_MIN_AGREEMENT),
    'kube-linter': numberFlag('--min-agreement', DEFAULT_MIN_AGREEMENT),
    checkov: numberFlag('--min-agreement-checkov', DEFAULT_MIN_AGREEMENT),
  };
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
    const hits = tool.name === 'kube-score' ? kubeScoreHits(tool, dir, corpus, apps) : tool.name === 'kube-linter' ? kubeLinterHits(tool, dir, apps) : checkovHits(tool, dir, corpus, apps);
    peerHits.set(tool.name, await hits);
    peerSeconds.set(tool.name, (performance.now() - started) / 1000);
  }

  const rows: RowResult[] = [];
  const ourRules = [...new Set(ours.map((hit) => hit.code))];
  const registered = new Set([...kubernetesRules, ...workspaceRules].map((rule) => rule.id));
  for (const [rule, mapping] of Object.entries(PEER_CHECKS).sort(([a], [b]) => a.localeCompare(b))) {
    for (const tool of peers.tools) {
      const checks = mapping[PEER_COLUMN[tool.name]];
      if (checks.length === 0) continue;
      const row = compare(rule, tool.name, checks, ours.filter((hit) => hit.code === rule), peerHits.get(tool.name)!);
      rows.push({ ...row, status: registered.has(rule) ? 'compared' : 'not implemented yet' });
    }
  }
  const compared = rows.filter((r) => r.status === 'compared');
  const totals = peers.tools.map((tool) => ({ peer: tool.name, ...overall(compared.filter((r) => r.peer === tool.name)), minAgreement: minAgreement[tool.name] }));

  const documents = corpus.reduce((sum, file) => sum + parseManifestFile(file.text).documents.filter((d) => d.object).length, 0);
  console.log(`MLOps Deploy vs ${peers.tools.map((t) => `${t.name} ${t.version}`).join(', ')} on Kubernetes manifests`);
  for (const [name, reason] of Object.entries(peers.unavailable)) console.log(`${name}: unavailable (${reason}); its checks are not compared.`);
  console.log(`Corpus: ${corpus.length} files, ${documents} objects, ${apps.length} folders (${corpus.filter((f) => f.origin === 'fixture').length} files from the repository), written to ${dir}.`);
  console.log(`Ours: ${oursSeconds.toFixed(2)} s in process; ${peers.tools.map((t) => `${t.name}: ${peerSeconds.get(t.name)!.toFixed(1)} s (one process per folder${t.name === 'checkov' ? `, ${CHECKOV_PROCESSES} at a time` : ''})`).join('; ')}.`);
  console.log(`Our rules that fired: ${ourRules.sort().join(' ') || 'none'}. Rules with a counterpart: ${Object.keys(PEER_CHECKS).length}.\n`);
  for (const tool of peers.tools) {
    console.log(`\n${tool.name} ${tool.version}:`);
    printTable(
      ['rule', 'status', 'peer checks', 'level', 'both', 'ours only', '(peer skipped)', 'peer only', 'agreement %'],
      rows.filter((r) => r.peer === tool.name).map((r) => [r.rule, r.status, r.checks.join(', '), r.granularity, String(r.both), String(r.oursOnly), String(r.oursOnlyPeerSkipped), String(r.peerOnly), r.status !== 'compared' ? '-' : r.agreement === null ? 'no findings' : r.agreement.toFixed(1)]),
    );
  }
  printExamples(compared);
  console.log('');
  let passed = true;
  for (const total of totals) {
    const pairs = compared.filter((r) => r.peer === total.peer).length;
    const flag = total.peer === 'checkov' ? '--min-agreement-checkov' : '--min-agreement';
    const ok = total.agreement === null || total.agreement >= total.minAgreement;
    passed &&= ok;
    console.log(
      total.agreement === null
        ? `Overall agreement with ${total.peer}: n/a (no finding on either side for the rules compared). PASS.`
        : `Overall agreement with ${total.peer} on its ${pairs} rule(s): ${total.agreement.toFixed(2)}% (${total.both} both, ${total.oursOnly} ours only, ${total.peerOnly} peer only); ${flag} ${total.minAgreement}%: ${ok ? 'PASS' : 'FAIL'}.`,
    );
  }
  if (ruleErrors.size > 0) console.log(`WARNING: our rules threw: ${[...ruleErrors].map(([id, n]) => `${id} ${n}x`).join(', ')}.`);

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const report = {
    peers: peers.tools.map(({ name, version, path }) => ({ name, version, path })),
    unavailable: peers.unavailable,
    corpus: { dir, files: corpus.length, objects: documents, folders: apps.length },
    seconds: { ours: oursSeconds, ...Object.fromEntries(peerSeconds) },
    overall: totals,
    passed,
    rules: rows,
  };
  writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2) + '\n');
  console.log(`Report: ${REPORT_PATH}`);
  return passed ? 0 : 1;
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

/**
 * Checkov processes at a time. Each spends about 2.5 s of CPU loading its checks before it reads a file, and it has
 * to run once per folder (on the whole corpus at once its graph checks would let one app's NetworkPolicy select
 * another app's pods), so the folders are spread over the cores.
 */
const CHECKOV_PROCESSES = Math.max(1, cpus().length);

/**
 * Checkov on each folder. Its findings name the object by its line range, which finds the document in our parse of
 * the file (its resource ids are `Kind.namespace.name`, but its graph checks name a workload's pod template as a Pod
 * with the workload's name and labels); Checkov names no container. Its RBAC findings are about a Role or binding,
 * and are moved to the workloads that the binding gives the power to, where MLO315 reports it (rbacHolders).
 */
async function checkovHits(tool: PeerTool, dir: string, corpus: readonly KubernetesCorpusFile[], apps: readonly string[]): Promise<Hit[]> {
  const files = new Map(corpus.map((file) => [file.path, file]));
  const parsed = new Map<string, readonly ManifestDocument[]>();
  const documentsOf = (path: string): readonly ManifestDocument[] => {
    let documents = parsed.get(path);
    if (!documents) parsed.set(path, (documents = parseManifestFile(files.get(path)?.text ?? '').documents));
    return documents;
  };
  const reports = await inParallel(apps, CHECKOV_PROCESSES, async (app) => JSON.parse(await runPeer(tool, checkovArgs(app), dir)) as CheckovReport | CheckovReport[]);
  const hits: Hit[] = [];
  apps.forEach((app, at) => {
    const folder = corpus.filter((file) => file.app === app).flatMap((file) => documentsOf(file.path).flatMap((d) => (d.object ? [{ file: file.path, object: d.object }] : [])));
    // With several frameworks Checkov prints a list of reports; with --framework kubernetes, one.
    for (const report of [reports[at]].flat()) {
      for (const failed of report.results?.failed_checks ?? []) {
        const path = corpusPath(dir, failed.file_path.replace(/^\//, ''));
        const line = failed.file_line_range[0] - 1;
        const object = documentsOf(path).find((d) => d.object && d.range.start.line <= line && line <= d.range.end.line)?.object;
        const [kind, , ...name] = failed.resource.split('.');
        const hit: Hit = { file: path, kind: object?.kind ?? kind, name: (object && nameOf(object)) ?? name.join('.'), code: failed.check_id, message: failed.check_name };
        const holders = object && RBAC_KINDS.includes(object.kind) ? rbacHolders(object, folder) : [];
        if (holders.length === 0) hits.push(hit);
        for (const holder of holders) hits.push({ ...hit, file: holder.file, kind: holder.object.kind, name: nameOf(holder.object) ?? '', message: `${failed.check_name} (on ${object!.kind} ${nameOf(object!) ?? ''})` });
      }
    }
  });
  return hits;
}

/**
 * The workloads of a folder that a Role, ClusterRole or binding gives its permissions to: those whose service
 * account (serviceAccountName, else `default`) a binding of the role, or the binding itself, names as a subject,
 * directly or through the groups of all service accounts (of the cluster, or of the account's namespace).
 */
function rbacHolders(rbac: KubernetesObject, folder: ReadonlyArray<{ file: string; object: KubernetesObject }>): Array<{ file: string; object: KubernetesObject }> {
  const isBinding = (object: KubernetesObject): boolean => object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding';
  const bindsRole = (binding: KubernetesObject): boolean => {
    const roleRef = valueAt(binding, ['roleRef']) as { kind?: unknown; name?: unknown } | undefined;
    return roleRef?.kind === rbac.kind && roleRef.name === nameOf(rbac) && (rbac.kind === 'ClusterRole' || namespaceOf(binding) === namespaceOf(rbac));
  };
  const bindings = isBinding(rbac) ? [rbac] : folder.map(({ object }) => object).filter((object) => isBinding(object) && bindsRole(object));
  const subjects = bindings.flatMap((binding) => {
    const list = valueAt(binding, ['subjects']);
    return (Array.isArray(list) ? list : []).map((subject: { kind?: unknown; name?: unknown; namespace?: unknown }) => ({ ...subject, namespace: typeof subject.namespace === 'string' ? subject.namespace : namespaceOf(binding) }));
  });
  return folder.filter(({ object }) => {
    const kind = workloadKindOf(object);
    if (kind === undefined) return false;
    const account = valueAt(object, [...workloadPaths(kind).podSpec, 'serviceAccountName']);
    const name = typeof account === 'string' && account !== '' ? account : 'default';
    const namespace = namespaceOf(object);
    return subjects.some(
      (subject) =>
        (subject.kind === 'ServiceAccount' && subject.name === name && subject.namespace === namespace) ||
        (subject.kind === 'Group' && (subject.name === 'system:serviceaccounts' || subject.name === `system:serviceaccounts:${namespace}`)),
    );
  });
}

/** Maps the items with at most `limit` of them in flight, keeping their order. */
async function inParallel<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await map(items[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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
