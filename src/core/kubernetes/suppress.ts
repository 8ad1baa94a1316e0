import type { Finding } from '../findings';
import { isRecord, valueAt } from './objects';
import type { ManifestDocument } from './parse';
import { PEER_CHECKS, rulesForPeerCheck, rulesWithPeer, type PeerTool } from './peers';

/**
 * The ways a manifest ignores rules, read in one place:
 *
 *     # mlops-deploy ignore=MLO201,MLO204   (on the line before an object: the whole object; before a field or a
 *                                            list item: that field or item and everything nested in it)
 *     metadata:
 *       annotations:
 *         mlops-deploy.io/ignore: "MLO201,MLO204"   (the whole object)
 *
 * and, on the whole object, the exemptions of the other linters, for the rules that ask for the same thing as the
 * exempted check (PEER_CHECKS): kube-linter's `ignore-check.kube-linter.io/<check>` (any value) and
 * `kube-linter.io/ignore-all`; kube-score's `kube-score/ignore: <check>[,<check>]`; Polaris'
 * `polaris.fairwinds.com/<check>-exempt: "true"` and `polaris.fairwinds.com/exempt: "true"`; Checkov's
 * `checkov.io/skip<n>: <check>[=<reason>]`. An exemption from all of a tool's checks suppresses the rules that have a
 * counterpart in that tool, not the others: the team decided about what that tool checks.
 */
export const IGNORE_ANNOTATION = 'mlops-deploy.io/ignore';

const PRAGMA = /^\s*#\s*mlops-deploy\s+ignore\s*=\s*([^#]*)/i;

/** Rule ids ignored on a span of 0-based lines, both ends included. */
interface Span {
  first: number;
  last: number;
  ids: Set<string>;
}

export function readSuppressions(lines: readonly string[], documents: readonly ManifestDocument[]): Span[] {
  const spans: Span[] = [];
  for (const document of documents) {
    const annotation = valueAt(document.object, ['metadata', 'annotations', IGNORE_ANNOTATION]);
    if (typeof annotation === 'string') spans.push({ first: document.range.start.line, last: document.range.end.line, ids: idsOf(annotation) });
    const exempted = peerExemptions(valueAt(document.object, ['metadata', 'annotations']));
    if (exempted.size > 0) spans.push({ first: document.range.start.line, last: document.range.end.line, ids: exempted });
  }
  lines.forEach((line, at) => {
    const match = PRAGMA.exec(line);
    if (!match) return;
    const target = nextContentLine(lines, at + 1);
    if (target === undefined) return;
    const ids = idsOf(match[1]);
    const document = documents.find((d) => d.range.start.line <= target && target <= d.range.end.line);
    // Before an object's first line, the pragma covers the object; before `---`, the object that follows it.
    if (document && nextContentLine(lines, document.range.start.line) === target) {
      spans.push({ first: document.range.start.line, last: document.range.end.line, ids });
    } else {
      spans.push({ first: target, last: blockEnd(lines, target), ids });
    }
  });
  return spans;
}

export function isSuppressed(finding: Finding, spans: readonly Span[]): boolean {
  const line = finding.range.start.line;
  const code = finding.code.toUpperCase();
  return spans.some((span) => span.first <= line && line <= span.last && span.ids.has(code));
}

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const POLARIS_CHECK = /^polaris\.fairwinds\.com\/(.+)-exempt$/;
const CHECKOV_SKIP = /^checkov\.io\/skip\d+$/;

/** Our rule ids that the other linters' exemptions in an object's annotations suppress. */
export function peerExemptions(annotations: unknown): Set<string> {
  const ids = new Set<string>();
  if (!isRecord(annotations)) return ids;
  const add = (rules: readonly string[]) => rules.forEach((rule) => ids.add(rule));
  // One of several checks that together stand for a rule (Polaris' cpuLimitsMissing of MLO201's four) silences the
  // rule only when every one of them is exempted: the others still want what the rule asks for.
  const exempted = { kubeLinter: new Set<string>(), kubeScore: new Set<string>(), polaris: new Set<string>(), checkov: new Set<string>() };
  const addCheck = (tool: PeerTool, check: string) => {
    exempted[tool].add(check);
    add(rulesForPeerCheck(tool, check).filter((rule) => PEER_CHECKS[rule][tool].every((c) => exempted[tool].has(c))));
  };
  // Annotation values must be strings; an unquoted `true` is a schema error (MLO215) but states the same intent.
  const isTrue = (value: unknown) => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
  for (const [key, value] of Object.entries(annotations)) {
    const polarisCheck = POLARIS_CHECK.exec(key)?.[1];
    if (key.startsWith(KUBE_LINTER_CHECK)) addCheck('kubeLinter', key.slice(KUBE_LINTER_CHECK.length));
    else if (key === 'kube-linter.io/ignore-all') add(rulesWithPeer('kubeLinter'));
    else if (key === 'kube-score/ignore' && typeof value === 'string') value.split(',').forEach((check) => addCheck('kubeScore', check.trim()));
    else if (key === 'polaris.fairwinds.com/exempt' && isTrue(value)) add(rulesWithPeer('polaris'));
    else if (polarisCheck !== undefined && isTrue(value)) addCheck('polaris', polarisCheck);
    else if (CHECKOV_SKIP.test(key) && typeof value === 'string') addCheck('checkov', value.split('=')[0].trim());
  }
  return ids;
}

function idsOf(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((id) => id.trim().toUpperCase())
      .filter((id) => /^[A-Z0-9-]+$/.test(id)),
  );
}

/** The first line from `from` on that holds YAML content: not blank, not a comment, not a document marker. */
function nextContentLine(lines: readonly string[], from: number): number | undefined {
  for (let at = from; at < lines.length; at++) {
    const text = lines[at].trim();
    if (text !== '' && !text.startsWith('#') && text !== '---' && !text.startsWith('--- ')) return at;
  }
  return undefined;
}

/**
 * The last line of the field or list item that starts at `first`: the lines after it that are indented deeper, or
 * blank, or comments; and, below a key, the list items written at the key's own indentation (`containers:\n- name:`).
 */
function blockEnd(lines: readonly string[], first: number): number {
  const indent = indentOf(lines[first]);
  const isKey = !lines[first].trimStart().startsWith('-');
  let last = first;
  for (let at = first + 1; at < lines.length; at++) {
    const text = lines[at];
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed === '---' || trimmed.startsWith('--- ') || trimmed === '...') break;
    const depth = indentOf(text);
    if (depth > indent || (isKey && depth === indent && /^-(\s|$)/.test(trimmed))) last = at;
    else break;
  }
  return last;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
