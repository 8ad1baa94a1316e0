import type { EnumSchema, ScalarType } from './schema';

/**
 * How text format reads a scalar from one token, as protobuf's text_format does: integers in decimal, hex (`0x1F`),
 * C octal (`017`) or Python's `0o`/`0b` forms, with an optional sign; floats with `inf`/`nan` spellings and an `f`
 * suffix; booleans as `true`/`false`/`t`/`f`/`True`/`False`/`1`/`0`; enums by name or number.
 */
export type ScalarResult = { value: bigint | number | boolean; isDefault: boolean } | { error: string };

const RANGES: Readonly<Record<'int32' | 'int64' | 'uint32' | 'uint64', readonly [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** An integer field's value: Python's `int(text, 0)` after a C octal `017` is turned into `0o17`. */
export function parseInteger(text: string): bigint | undefined {
  const octal = /^(-?)0(\d+)$/.exec(text);
  return pythonInt(octal ? `${octal[1]}0o${octal[2]}` : text);
}

/** Python's `int(literal, 0)`: undefined when it is no integer literal. */
function pythonInt(literal: string): bigint | undefined {
  const match = /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?0)*|[1-9](?:_?[0-9])*)$/.exec(literal);
  if (!match) return undefined;
  const magnitude = BigInt(match[2].replace(/_/g, '').replace(/^0[oO]/, '0o'));
  return match[1] === '-' ? -magnitude : magnitude;
}

const DIGITS = '[0-9](?:_?[0-9])*';
/** A float literal as Python's float() reads one (PEP 515 underscores included). */
const PYTHON_FLOAT = new RegExp(`^[+-]?(?:${DIGITS}\\.(?:${DIGITS})?|\\.${DIGITS}|${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** Python's float() and text_format's extra spellings; undefined when it is no float. */
export function parseFloatText(text: string): number | undefined {
  // text_format refuses a leading zero followed by digits, which C would read as octal.
  if (/^-?0[0-9]+/.test(text)) return undefined;
  const python = (t: string): number | undefined => {
    if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/i.test(t)) return NaN;
    return PYTHON_FLOAT.test(t) ? Number(t.replace(/_/g, '')) : undefined;
  };
  const direct = python(text);
  if (direct !== undefined) return direct;
  if (/^-?inf(?:inity)?f?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nanf?$/i.test(text)) return NaN;
  return python(text.replace(/[fF]+$/, ''));
}

const TRUE = new Set(['true', 't', '1', 'True']);
const FALSE = new Set(['false', 'f', '0', 'False']);

/** A token's text for a message: long tokens (a pasted blob) are cut. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reads one non-string token as a scalar of the given type, or says why it cannot be one. */
export function parseScalar(text: string, type: Exclude<ScalarType, 'string' | 'bytes'> | 'enum', enumSchema?: EnumSchema): ScalarResult {
  const shownText = shown(text);
  switch (type) {
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64': {
      const value = parseInteger(text);
      if (value === undefined) return { error: `"${shownText}" is not an integer.` };
      const [min, max] = RANGES[type];
      if (value < min || value > max) return { error: `${shownText} is out of range for ${type} (${min} to ${max}).` };
      return { value, isDefault: value === 0n };
    }
    case 'float':
    case 'double': {
      const value = parseFloatText(text);
      if (value === undefined) return { error: `"${shownText}" is not a number.` };
      return { value, isDefault: value === 0 && !Object.is(value, -0) };
    }
    case 'bool':
      if (TRUE.has(text)) return { value: true, isDefault: false };
      if (FALSE.has(text)) return { value: false, isDefault: true };
      return { error: `"${shownText}" is not a boolean: write true or false.` };
    case 'enum': {
      // An enum takes a number as Python's int(text, 0) reads it, without the C octal form integers allow.
      const number = pythonInt(text);
      if (number !== undefined) {
        if (number < RANGES.int32[0] || number > RANGES.int32[1]) return { error: `${shownText} is out of range for an enum (int32).` };
        const known = enumSchema && Object.values(enumSchema.values).includes(Number(number));
        if (enumSchema?.closed && !known) return { error: `${shownText} is not a value of this enum.` };
        return { value: number, isDefault: number === 0n };
      }
      const value = enumSchema?.values[text];
      if (value === undefined || !Object.prototype.hasOwnProperty.call(enumSchema!.values, text)) {
        const names = Object.keys(enumSchema?.values ?? {});
        return { error: `"${shownText}" is not one of ${names.join(', ')}.` };
      }
      return { value, isDefault: value === 0 };
    }
  }
}
