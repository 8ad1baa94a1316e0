import type { Finding, TextEdit } from '../findings';
import { parseManifestFile } from './parse';

/** An ignore comment of ours that holds nothing but rule ids, so another id can be appended to it. */
const OWN_PRAGMA = /^\s*#\s*mlops-deploy\s+ignore\s*=\s*[A-Za-z0-9_,\s-]*$/i;

/**
 * The edit that makes a manifest ignore a finding, as `src/core/kubernetes/suppress.ts` reads it: `field` puts
 * `# mlops-deploy ignore=ID` on the line before the finding's field (or list item), `object` on the line before
 * the object's first line, so it covers the whole object. An ignore comment already there gets the id appended.
 */
export function manifestIgnoreEdit(text: string, finding: Finding, scope: 'field' | 'object'): TextEdit {
  const lines = text.split(/\r\n|\n|\r/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let line = finding.range.start.line;
  if (scope === 'object') {
    const document = parseManifestFile(text).documents.find((d) => d.range.start.line <= line && line <= d.range.end.line);
    if (document) line = firstContentLine(lines, document.range.start.line) ?? line;
  }
  const above = lines[line - 1];
  if (above !== undefined && OWN_PRAGMA.test(above)) {
    const end = { line: line - 1, character: above.trimEnd().length };
    return { range: { start: end, end }, newText: `,${finding.code}` };
  }
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# mlops-deploy ignore=${finding.code}${eol}` };
}

/** The object's first line of YAML content, after its `---` marker and leading comments. */
function firstContentLine(lines: readonly string[], from: number): number | undefined {
  for (let at = from; at < lines.length; at++) {
    const text = lines[at].trim();
    if (text !== '' && !text.startsWith('#') && text !== '---' && !text.startsWith('--- ')) return at;
  }
  return undefined;
}
