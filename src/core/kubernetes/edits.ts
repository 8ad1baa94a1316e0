import type { Fix, TextEdit } from '../findings';
import { isRecord, valueAt } from './objects';
import type { JsonPath } from './parse';
import type { KubernetesRuleContext } from './rule';

/** A block of YAML to insert: nested mappings become indented blocks, strings are written as they are. */
export interface YamlBlock {
  [key: string]: string | YamlBlock;
}

/** The indentation step of inserted blocks; two spaces is what kubectl, Helm and most editors write. */
const STEP = '  ';

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
  const text = render(block, indent).map((line) => line + context.eol).join('');
  const next = end.line + 1;
  if (next < context.lines.length) return { range: { start: { line: next, character: 0 }, end: { line: next, character: 0 } }, newText: text };
  // The mapping ends the file without a final line break: the new lines go after its last character.
  const last = { line: end.line, character: (context.lines[end.line] ?? '').length };
  return { range: { start: last, end: last }, newText: context.eol + text.slice(0, -context.eol.length) };
}

/** A suggestion made of one insertion, or none when the insertion is not possible. */
export function insertionSuggestion(title: string, edit: TextEdit | undefined): Fix[] | undefined {
  return edit ? [{ title, edits: [edit] }] : undefined;
}

function render(block: YamlBlock, indent: string): string[] {
  return Object.entries(block).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${indent}${key}: ${value}`] : [`${indent}${key}:`, ...render(value, indent + STEP)],
  );
}
