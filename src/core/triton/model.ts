import type { FieldNode, MessageNode, ScalarNode, TritonConfigDocument } from './parse';

/** The fields of a message with this name, in file order (a repeated field may be written several times). */
export function fieldsNamed(message: MessageNode, name: string): FieldNode[] {
  return message.fields.filter((field) => field.name === name);
}

/** The last value a singular scalar field was given, as Triton keeps it; undefined when never set or invalid. */
export function scalarValue(message: MessageNode, name: string): ScalarNode['value'] {
  let value: ScalarNode['value'];
  for (const field of fieldsNamed(message, name)) {
    for (const node of field.values) if (node.kind === 'scalar' && node.value !== undefined) value = node.value;
  }
  return value;
}

/** The last field with this name that has a value, for placing findings on it. */
export function lastField(message: MessageNode, name: string): FieldNode | undefined {
  const fields = fieldsNamed(message, name);
  return fields[fields.length - 1];
}

/** Where a finding about the file as a whole goes: the `name` field, else the first field, else the start. */
export function fileAnchor(document: TritonConfigDocument): { start: number; end: number } {
  const anchor = lastField(document.root, 'name') ?? document.root.fields[0];
  return anchor ? { start: anchor.nameToken.start, end: anchor.end } : { start: 0, end: 0 };
}

/** A range that stays on the first line of a node, so that an editor underlines one line, not a whole message. */
export function onFirstLine(text: string, start: number, end: number): { start: number; end: number } {
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd >= end) return { start, end };
  return { start, end: Math.max(start, start + text.slice(start, lineEnd).trimEnd().length) };
}
