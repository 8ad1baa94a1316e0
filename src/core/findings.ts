/** A position in a text document: 0-based line and UTF-16 character offset, as in LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range [start, end) in a text document. */
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'style';

/** Severities from most to least severe; a failure threshold compares indices in this list. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A change that resolves a finding. A `fix` on a Finding never changes what the file means and may be applied
 * automatically (fix-all, `--fix`); a `suggestion` needs a person to look at it first.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Files to create beside the linted file (a missing .dockerignore); never overwrites an existing file. */
  files?: Array<{ relativePath: string; content: string }>;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  suggestions?: Fix[];
}

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The edits that can be applied together, in document order: an edit that overlaps one kept before it is dropped,
 * as VS Code does with a WorkspaceEdit. The CLI's --fix and the editor's fix-all use this one rule.
 */
export function nonOverlappingEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || comparePositions(edit.range.start, last.range.end) >= 0) kept.push(edit);
  }
  return kept;
}

/** Applies edits to a text; see nonOverlappingEdits for which are applied when some overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = computeLineStarts(text);
  const offsetOf = (p: Position): number => {
    if (p.line >= lineStarts.length) return text.length;
    const lineEnd = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
    return Math.min(lineStarts[p.line] + p.character, lineEnd);
  };
  let result = text;
  const kept = nonOverlappingEdits(edits);
  // From the end backwards, so that earlier offsets stay valid.
  for (let i = kept.length - 1; i >= 0; i--) {
    const start = offsetOf(kept[i].range.start);
    const end = offsetOf(kept[i].range.end);
    result = result.slice(0, start) + kept[i].newText + result.slice(end);
  }
  return result;
}

/** Offsets where lines start; a line ends at \r\n, \n or a lone \r, as in VS Code and the Dockerfile parser. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}
