import type { Env, Property } from 'dockerfile-ast';
import type { Position, Range } from '../../findings';
import { perInstruction } from '../rule';

interface Reference {
  name: string;
  range: Range;
  /** Text that only looks like a reference (`'$A'`, `\$A`): Docker keeps it as written. */
  literal: boolean;
}

/**
 * The variables a value refers to (`$A`, `${A}`, `${A:-x}`), with their ranges. Single quotes and an escaped `$`
 * keep the text literal, as Docker reads ENV values; such text is given too, marked literal, because hadolint
 * takes it for a reference.
 */
function references(text: string, lineStarts: number[], start: number, end: number, escapeChar: string): Reference[] {
  const positionOf = (offset: number): Position => {
    // The last line that starts at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
  const found: Reference[] = [];
  let quote: string | undefined;
  const read = (dollar: number, literal: boolean): number => {
    const match = /^(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(dollar + 1, end));
    if (!match) return dollar;
    found.push({ name: match[1] ?? match[2], range: { start: positionOf(dollar), end: positionOf(dollar + 1 + match[0].length) }, literal });
    return dollar + match[0].length;
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === escapeChar && quote !== "'") {
      i++;
      if (text[i] === '$') i = read(i, true);
    } else if (c === "'" && quote !== '"') {
      quote = quote === "'" ? undefined : "'";
    } else if (c === '"' && quote !== "'") {
      quote = quote === '"' ? undefined : '"';
    } else if (c === '$') {
      i = read(i, quote === "'");
    }
  }
  return found;
}


export const DL3044 = perInstruction(
  {
    id: 'DL3044',
    defaultSeverity: 'error',
    title: 'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
    guide: 'hadolint DL3044',
  },
  ['ENV'],
  (instruction, context) => {
    const properties = (instruction as Env).getProperties();
    if (properties.length < 2) return;
    const { text } = context.model;
    const lineStarts = context.model.lineStarts;
    const offsetOf = (p: Position) => (lineStarts[p.line] ?? text.length) + p.character;
    const escapeChar = context.model.escapeChar;
    const parity = context.settings.hadolintParity === true;
    // Every name this ENV sets, with the pair that sets it first: a reference sees none of them, whether the pair
    // comes before it or after it (`ENV A=$B B=1` gives A the old B).
    const setBy = new Map<string, { index: number; property: Property }>();
    for (const [index, property] of properties.entries()) {
      if (!setBy.has(property.getName())) setBy.set(property.getName(), { index, property });
    }
    for (const [index, property] of properties.entries()) {
      const valueRange = property.getValueRange();
      if (!valueRange) continue;
      for (const reference of references(text, lineStarts, offsetOf(valueRange.start), offsetOf(valueRange.end), escapeChar)) {
        const definition = setBy.get(reference.name);
        // A variable extending its own earlier value (`PATH=/x:$PATH`) is fine when no other pair sets it.
        if (!definition || definition.index === index) continue;
        if (reference.literal) {
          const written = text.slice(offsetOf(reference.range.start), offsetOf(reference.range.end));
          // hadolint reads `$A` and `${A}` in literal text, but not a form with a default such as `${A:-x}`.
          if (parity && /^\$(\{\w+\}|\w+)$/.test(written)) {
            context.report({
              range: reference.range,
              message: `${property.getName()} is set to the text ${written} as written, since single quotes and an escaped $ keep an ENV value literal. Reported because hadolint reports it (hadolint parity is on): hadolint takes it for a reference to ${reference.name}, which this same ENV sets; this linter does not, because Docker substitutes nothing there.`,
            });
          }
          continue;
        }
        if (definition.index > index) {
          context.report({
            range: reference.range,
            message: `${property.getName()} refers to $${reference.name}, which this same ENV sets later to ${definition.property.getValue() ?? ''}: Docker substitutes the value ${reference.name} had before this instruction, not the new one. Set ${reference.name} in an earlier ENV.`,
          });
          continue;
        }
        const previous = properties[index - 1];
        // Splitting the instruction before this variable makes the reference see the value set just before.
        const split = { start: previous.getRange().end, end: property.getRange().start };
        const indent = ' '.repeat(instruction.getRange().start.character);
        // The new line ends as the file's lines end (\r\n in a Windows file).
        const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
        context.report({
          range: reference.range,
          message: `${property.getName()} refers to $${reference.name}, which this same ENV sets to ${definition.property.getValue() ?? ''}: Docker substitutes the value ${reference.name} had before this instruction, not the new one. Set ${reference.name} in an earlier ENV.`,
          suggestions: [{ title: `Start a new ENV at ${property.getName()}`, edits: [{ range: split, newText: `${eol}${indent}${instruction.getInstruction()} ` }] }],
        });
      }
    }
  },
);
