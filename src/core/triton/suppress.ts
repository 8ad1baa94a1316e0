import type { Finding } from '../findings';
import type { MessageNode, TritonConfigDocument } from './parse';

/**
 * The ignore comments a Triton config carries, read as in Kubernetes manifests:
 *
 *     # mlops-deploy ignore=MLO507,MLO505   (on the line before a field or a list item: all of it, nested
 *                                            fields included; before any other line: that line)
 *     # mlops-deploy global ignore=MLO504   (anywhere: the whole file)
 *
 * Only a comment that stands on its own line counts; a `# reason` may follow the ids.
 */
const PRAGMA = /^\s*mlops-deploy\s+(global\s+)?ignore\s*=\s*([^#]*)/i;

/** Rule ids ignored on a span of 0-based lines, both ends included. */
interface Span {
  first: number;
  last: number;
  ids: Set<string>;
}

export interface Suppressions {
  global: Set<string>;
  spans: Span[];
}

export function readSuppressions(document: TritonConfigDocument): Suppressions {
  const suppressions: Suppressions = { global: new Set(), spans: [] };
  const { text } = document;
  const lines = text.split(/\r\n|\n|\r/);
  let blocks: Map<number, number> | undefined;
  for (const comment of document.comments) {
    const match = PRAGMA.exec(comment.text);
    if (!match) continue;
    const { line, character } = document.rangeOf(comment.start, comment.start).start;
    if (lines[line].slice(0, character).trim() !== '') continue;
    const ids = new Set(
      match[2]
        .split(',')
        .map((id) => id.trim().toUpperCase())
        .filter((id) => /^[A-Z]+[0-9]+$/.test(id)),
    );
    if (match[1]) {
      for (const id of ids) suppressions.global.add(id);
      continue;
    }
    const target = nextContentLine(lines, line + 1);
    if (target === undefined) continue;
    blocks ??= blockEnds(document);
    suppressions.spans.push({ first: target, last: blocks.get(target) ?? target, ids });
  }
  return suppressions;
}

/** The first line from `from` on that holds more than white space and comments. */
function nextContentLine(lines: readonly string[], from: number): number | undefined {
  for (let at = from; at < lines.length; at++) {
    const trimmed = lines[at].trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return at;
  }
  return undefined;
}

/**
 * For each line where a field or a message starts, the last line of the outermost of them: a pragma before
 * `input [` covers the whole list, one before a list item's `{` covers that item.
 */
function blockEnds(document: TritonConfigDocument): Map<number, number> {
  const ends = new Map<number, number>();
  const note = (start: number, end: number): void => {
    const first = document.rangeOf(start, start).start.line;
    const last = document.rangeOf(end, end).start.line;
    ends.set(first, Math.max(ends.get(first) ?? first, last));
  };
  // Iteratively, so that deeply nested text cannot overflow the stack.
  const pending: MessageNode[] = [document.root];
  for (let message = pending.pop(); message; message = pending.pop()) {
    for (const field of message.fields) {
      note(field.start, field.end);
      for (const value of field.values) {
        if (value.kind !== 'message') continue;
        note(value.start, value.end);
        pending.push(value);
      }
    }
  }
  return ends;
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  const code = finding.code.toUpperCase();
  if (suppressions.global.has(code)) return true;
  const line = finding.range.start.line;
  return suppressions.spans.some((span) => span.first <= line && line <= span.last && span.ids.has(code));
}
