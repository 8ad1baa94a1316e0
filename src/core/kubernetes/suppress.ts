import type { Finding } from '../findings';
import { valueAt } from './objects';
import type { ManifestDocument } from './parse';

/**
 * The ways a manifest ignores rules, read in one place:
 *
 *     # mlops-deploy ignore=MLO201,MLO204   (on the line before an object: the whole object; before a field or a
 *                                            list item: that field or item and everything nested in it)
 *     metadata:
 *       annotations:
 *         mlops-deploy.io/ignore: "MLO201,MLO204"   (the whole object)
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
