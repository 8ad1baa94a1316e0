import type { Fix, Range, TextEdit } from '../findings';
import { isRecord, valueAt } from './objects';
import type { JsonPath } from './parse';
import type { KubernetesRuleContext } from './rule';

/** A block of YAML to insert: nested mappings become indented blocks, strings are written as they are. */
export interface YamlBlock {
  [key: string]: string | YamlBlock;
}

/** The indentation step when a document shows none (every key at the top level): what kubectl and Helm write. */
const DEFAULT_STEP = 2;

/**
 * How many spaces a document indents a nested mapping by, read from its first key whose block mapping starts on the
 * next line, so that inserted blocks look like the lines around them (two spaces, four, or anything else).
 */
export function indentStep(context: KubernetesRuleContext): number {
  const { start, end } = context.document.range;
  for (let at = start.line; at < end.line; at++) {
    const line = context.lines[at] ?? '';
    if (!/^[ ]*(?:-[ ]+)?[^\s#-][^#]*:[ ]*(?:#.*)?$/.test(line)) continue;
    const next = nextContentLine(context.lines, at + 1, end.line);
    if (next === undefined) break;
    const nested = context.lines[next];
    // A list written at its key's indentation (`containers:\n- name: a`) says nothing about the step.
    if (/^[ ]*-(?:[ ]|$)/.test(nested)) continue;
    const keyColumn = line.length - line.replace(/^[ ]*(?:-[ ]+)?/, '').length;
    const step = indentOf(nested) - keyColumn;
    if (step > 0) return step;
  }
  return DEFAULT_STEP;
}

/**
 * An edit that adds entries at the end of the block mapping at `mapPath`, indented as its existing keys. There is
 * none when the mapping is missing, empty or written in flow style (`{cpu: 1}`), where lines cannot be appended.
 */
export function insertIntoMapping(context: KubernetesRuleContext, mapPath: JsonPath, block: YamlBlock): TextEdit | undefined {
  const value = valueAt(context.object, mapPath);
  if (!isRecord(value) || Object.keys(value).length === 0) return undefined;
  const location = context.locate(mapPath);
  if (!location.exact) return undefined;
  const { start, end } = location.valueRange;
  const firstLine = context.lines[start.line] ?? '';
  // Only spaces, or a list item's dash, may come before the first key; anything else means flow style or a
  // mapping that starts on its key's line, whose indentation the next lines do not share.
  if (firstLine[start.character] === '{' || !/^[ ]*(?:-[ ]+)*$/.test(firstLine.slice(0, start.character))) return undefined;
  const indent = ' '.repeat(start.character);
  return appendLines(context, end.line, renderBlock(block, indent, ' '.repeat(indentStep(context))));
}

/**
 * An edit that writes `value` in place of the scalar at `path`, keeping its quotes. There is none when the path is
 * missing or its value spans lines (a block scalar).
 */
export function replaceScalar(context: KubernetesRuleContext, path: JsonPath, value: string): TextEdit | undefined {
  const location = context.locate(path);
  if (!location.exact || location.keyRange === undefined) return undefined;
  const { start, end } = location.valueRange;
  // An empty value (`privileged:`) has no text of its own: the location gives its key's range, or none.
  const isKey = start.line === location.keyRange.start.line && start.character === location.keyRange.start.character;
  const old = start.line === end.line && !isKey ? (context.lines[start.line] ?? '').slice(start.character, end.character) : '';
  if (old === '') return undefined;
  const quote = old.startsWith('"') || old.startsWith("'") ? old[0] : '';
  return { range: location.valueRange, newText: quote + value + quote };
}

/**
 * An edit that replaces the entry at `path` (its key and its value, which may span lines) by the entries of
 * `block`, written in the style of the mapping that holds it: indented lines in a block mapping, `{…}` in a flow one.
 */
export function replaceEntry(context: KubernetesRuleContext, path: JsonPath, block: YamlBlock): TextEdit | undefined {
  const location = context.locate(path);
  if (!location.exact || location.keyRange === undefined) return undefined;
  const range: Range = { start: location.keyRange.start, end: location.valueRange.end };
  const parent = context.locate(path.slice(0, -1)).valueRange;
  const parentText = context.lines[parent.start.line] ?? '';
  if (parentText[parent.start.character] === '{') return { range, newText: renderFlow(block) };
  const step = ' '.repeat(indentStep(context));
  const [first, ...rest] = renderBlock(block, ' '.repeat(location.keyRange.start.character), step);
  return { range, newText: [first.trimStart(), ...rest].join(context.eol) };
}

/**
 * An edit that adds a new YAML document, given as its lines, right after the document being checked, so that it
 * sits beside the object that needs it.
 */
export function insertDocumentAfter(context: KubernetesRuleContext, documentLines: readonly string[]): TextEdit {
  const line = context.document.range.end.line;
  const end = { line, character: (context.lines[line] ?? '').length };
  return { range: { start: end, end }, newText: ['', '---', ...documentLines].join(context.eol) };
}

/** A YAML block's lines, nested mappings indented by `step` more than their key. */
export function renderBlock(block: YamlBlock, indent: string, step: string): string[] {
  return Object.entries(block).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${indent}${key}: ${value}`] : [`${indent}${key}:`, ...renderBlock(value, indent + step, step)],
  );
}

function renderFlow(block: YamlBlock): string {
  return Object.entries(block)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : `{${renderFlow(value)}}`}`)
    .join(', ');
}

/** A suggestion made of one insertion, or none when the insertion is not possible. */
export function insertionSuggestion(title: string, edit: TextEdit | undefined): Fix[] | undefined {
  return edit ? [{ title, edits: [edit] }] : undefined;
}

/** A string as a YAML double-quoted scalar: JSON's escapes are YAML's, so any text survives the round trip. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** The lines inserted after line `after`, each with the file's line break. */
function appendLines(context: KubernetesRuleContext, after: number, lines: readonly string[]): TextEdit {
  const text = lines.map((line) => line + context.eol).join('');
  const next = after + 1;
  if (next < context.lines.length) return { range: { start: { line: next, character: 0 }, end: { line: next, character: 0 } }, newText: text };
  // The mapping ends the file without a final line break: the new lines go after its last character.
  const last = { line: after, character: (context.lines[after] ?? '').length };
  return { range: { start: last, end: last }, newText: context.eol + text.slice(0, -context.eol.length) };
}

function nextContentLine(lines: readonly string[], from: number, last: number): number | undefined {
  for (let at = from; at <= last && at < lines.length; at++) {
    const text = lines[at].trim();
    if (text !== '' && !text.startsWith('#')) return at;
  }
  return undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
