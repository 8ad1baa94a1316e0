import { computeLineStarts, type Range } from '../findings';
import { parseScalar } from './scalars';
import { ENUMS, MESSAGES, ROOT_MESSAGE, type FieldSchema } from './schema';
import { decodeUtf8, isTerminated, tokenize, unescapeString, type Comment, type Token } from './tokenize';

/**
 * A parser for Triton's `config.pbtxt`: protobuf text format read against Triton's ModelConfig, in the order and
 * with the checks of protobuf's text_format.Parse, so that the first problem we find is the one Triton would stop
 * at, at the same token. Unlike text_format it does not stop there: it recovers and keeps a tree of everything it
 * could read, so that the other rules still see the file, and it reports every field unknown to the schema.
 */

export interface MessageNode {
  kind: 'message';
  /** The message type from the schema; undefined inside a field the schema does not know. */
  typeName?: string;
  /** The `{` or `<` that opens it; the file's top level has none. */
  open?: Token;
  close?: Token;
  fields: FieldNode[];
  start: number;
  end: number;
}

export interface ScalarNode {
  kind: 'scalar';
  /** One token, or the adjacent string tokens that text format joins into one value. */
  tokens: Token[];
  /**
   * The value, when it is valid for the field: a string's text, an integer as a bigint, a float, a boolean, an
   * enum's name (or number when written as one). Undefined for a value that is wrong, or in an unknown field.
   */
  value?: string | bigint | number | boolean;
  /** Whether a valid value is its type's default (0, false, "", an enum's 0): to protobuf, a field left unset. */
  isDefault?: boolean;
  start: number;
  end: number;
}

export type ValueNode = MessageNode | ScalarNode;

export interface FieldNode {
  name: string;
  nameToken: Token;
  /** The field in the schema; undefined when the schema does not know it. */
  schema?: FieldSchema;
  /** One value, or the values of a list `[a, b]`, or none when the value is missing. */
  values: ValueNode[];
  /** Whether the values were written as a list `[a, b]`. */
  list: boolean;
  start: number;
  end: number;
}

export type ParseProblemKind = 'syntax' | 'schema';

export interface ParseProblem {
  /** `syntax`: not text format at all (MLO501). `schema`: text format that ModelConfig does not accept (MLO502). */
  kind: ParseProblemKind;
  message: string;
  start: number;
  end: number;
}

export interface TritonConfigDocument {
  text: string;
  root: MessageNode;
  comments: Comment[];
  /**
   * At most one syntax problem, the first, since text after a syntax error is read only on a guess; and the schema
   * problems found before it.
   */
  problems: ParseProblem[];
  rangeOf(start: number, end: number): Range;
}

/** How deep messages may nest: Triton's C++ parser refuses deeper text, and recursion must stay bounded. */
export const MAX_DEPTH = 100;

const CLOSERS: Readonly<Record<string, string>> = { '{': '}', '<': '>' };

interface FieldState {
  /** Singular fields that have been given a value; for those without presence, a value other than the default. */
  set: Set<string>;
  /** The member that is set, per oneof. */
  oneofs: Map<string, string>;
}

export function parseTritonConfig(text: string): TritonConfigDocument {
  const { tokens, comments } = tokenize(text);
  const lineStarts = computeLineStarts(text);
  const positionOf = (offset: number): Range['start'] => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
  const parser = new Parser(tokens, (offset) => positionOf(offset).line);
  const root: MessageNode = { kind: 'message', typeName: ROOT_MESSAGE, fields: [], start: 0, end: text.length };
  parser.body(root, null, 0);
  return { text, root, comments, problems: parser.reportedProblems(), rangeOf: (start, end) => ({ start: positionOf(start), end: positionOf(end) }) };
}

class Parser {
  private at = 0;
  /** The last token consumed, where text_format places the errors it finds after reading a token. */
  private previous: Token;
  private readonly problems: ParseProblem[] = [];
  private broken = false;

  constructor(
    private readonly tokens: Token[],
    /** The 0-based line of an offset, for messages that point back to an earlier line. */
    private readonly lineOf: (offset: number) => number,
  ) {
    this.previous = { kind: 'end', text: '', start: 0, end: 0 };
  }

  /**
   * The problems in the order text_format would meet them. A schema problem found before the syntax error but
   * placed after it cannot happen in practice; the filter keeps the promise that the syntax error comes last.
   */
  reportedProblems(): ParseProblem[] {
    const syntax = this.problems.find((p) => p.kind === 'syntax');
    return syntax ? this.problems.filter((p) => p === syntax || p.start < syntax.start) : this.problems;
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    const token = this.tokens[this.at];
    if (token.kind !== 'end') this.at++;
    this.previous = token;
    return token;
  }

  private isSymbol(token: Token, text: string): boolean {
    return token.kind === 'symbol' && token.text === text;
  }

  private tryConsume(text: string): Token | undefined {
    return this.isSymbol(this.peek(), text) ? this.next() : undefined;
  }

  private syntax(message: string, token: Token, end = token.end): void {
    // Only the first syntax error is reported; what follows it is parsed on a guess, to keep the tree.
    if (this.broken) return;
    this.broken = true;
    this.problems.push({ kind: 'syntax', message, start: token.start, end });
  }

  private schema(message: string, start: number, end: number): void {
    if (!this.broken) this.problems.push({ kind: 'schema', message, start, end });
  }

  /** The fields of a message, up to its closing token (`}` or `>`), or to the end of the text at the top level. */
  body(node: MessageNode, closer: string | null, depth: number): void {
    const state: FieldState = { set: new Set(), oneofs: new Map() };
    for (;;) {
      const token = this.peek();
      if (closer !== null && this.isSymbol(token, closer)) {
        node.close = this.next();
        node.end = token.end;
        return;
      }
      if (token.kind === 'end') {
        if (closer !== null) {
          // text_format reports a missing closer at the last token it read.
          const opened = node.open ? ` opened on line ${this.lineOf(node.open.start) + 1}` : '';
          this.syntax(`The text ends inside a message: expected "${closer}" to close the message${opened}.`, this.previous);
        }
        node.end = this.previous.end;
        return;
      }
      this.field(node, state, depth);
    }
  }

  private field(parent: MessageNode, state: FieldState, depth: number): void {
    const first = this.peek();
    const messageSchema = parent.typeName ? MESSAGES[parent.typeName] : undefined;
    let schema: FieldSchema | undefined;
    let name: string;
    if (this.isSymbol(first, '[')) {
      const from = this.at;
      if (!this.extensionName(parent)) return;
      name = this.tokens.slice(from, this.at).map((t) => t.text).join('');
    } else if (isFieldNameToken(first)) {
      this.next();
      name = first.text;
      if (messageSchema) {
        schema = messageSchema.fields.find((f) => f.name === name);
        if (!schema) this.schema(unknownFieldMessage(name, parent.typeName!), first.start, first.end);
      }
    } else {
      this.syntax(`Expected a field name, found ${describe(first)}.`, first);
      this.next();
      return;
    }
    const node: FieldNode = { name, nameToken: first, schema, values: [], list: false, start: first.start, end: this.previous.end };
    parent.fields.push(node);
    if (schema?.oneof) {
      const other = state.oneofs.get(schema.oneof);
      if (other !== undefined && other !== schema.name) {
        this.schema(`"${name}" cannot be set together with "${other}": only one of the "${schema.oneof}" fields may be set.`, first.start, first.end);
      }
    }
    const colon = this.tryConsume(':');
    if (schema && schema.type !== 'message' && !colon) {
      const after = this.peek();
      if (this.isSymbol(after, '{') || this.isSymbol(after, '<')) {
        this.schema(`"${name}" is ${typeLabel(schema)}, not a message: write ${name}: <value>.`, after.start, after.end);
      } else {
        this.syntax(`Expected ":" after the field name "${name}".`, after);
      }
    }
    const open = this.peek();
    if (this.isSymbol(open, '[')) {
      this.next();
      node.list = true;
      // The items of a list given to a singular field are read without the schema: one finding is enough.
      const itemSchema = schema && !schema.repeated ? undefined : schema;
      if (schema && !schema.repeated) this.schema(`"${name}" holds one value, not a list.`, open.start, open.end);
      if (!this.tryConsume(']')) {
        for (;;) {
          const value = this.value(node, itemSchema, state, depth, false);
          if (value) node.values.push(value);
          if (this.tryConsume(']')) break;
          if (!this.tryConsume(',')) {
            this.syntax(`Expected "," or "]" in the list of "${name}", found ${describe(this.peek())}.`, this.peek());
            break;
          }
        }
      }
    } else {
      // Without a colon, a brace after a scalar field was reported by the colon check already.
      const value = this.value(node, schema, state, depth, colon === undefined);
      if (value) node.values.push(value);
    }
    node.end = this.previous.end;
    if (!this.tryConsume(',')) this.tryConsume(';');
  }

  /** `[ext.name]`: ModelConfig has no extensions, so the name is read only to report it and go on. */
  private extensionName(parent: MessageNode): boolean {
    this.next();
    let last = this.peek();
    if (!isIdentifierToken(last)) {
      this.syntax(`Expected an extension name after "[", found ${describe(last)}.`, last);
      return false;
    }
    this.next();
    while (this.isSymbol(this.peek(), '.')) {
      this.next();
      last = this.peek();
      if (!isIdentifierToken(last)) {
        this.syntax(`Expected an identifier after ".", found ${describe(last)}.`, last);
        return false;
      }
      this.next();
    }
    if (parent.typeName) this.schema(`${shortName(parent.typeName)} has no extensions: "[${last.text}]" names no field Triton knows.`, last.start, last.end);
    if (!this.tryConsume(']')) {
      this.syntax(`Expected "]" after the extension name, found ${describe(this.peek())}.`, this.peek());
      return false;
    }
    return true;
  }

  /** One value of a field: a message in braces, or a scalar (adjacent strings count as one). */
  private value(field: FieldNode, schema: FieldSchema | undefined, state: FieldState, depth: number, braceReported: boolean): ValueNode | undefined {
    const token = this.peek();
    const opens = this.isSymbol(token, '{') || this.isSymbol(token, '<');
    if (opens) {
      if (schema && schema.type !== 'message') {
        if (!braceReported) this.schema(`"${field.name}" is ${typeLabel(schema)}, not a message.`, token.start, token.end);
        return this.message(undefined, depth);
      }
      if (schema && !schema.repeated) this.markSet(schema, state, true, field.name, token);
      return this.message(schema?.typeName, depth);
    }
    if (token.kind !== 'string' && token.kind !== 'identifier' && token.kind !== 'number') {
      const wanted = schema?.type === 'message' ? `"{" to open the message "${field.name}"` : `a value for "${field.name}"`;
      this.syntax(`Expected ${wanted}, found ${describe(token)}.`, token);
      // A closing bracket is left for the message or list it closes, so that the rest of the file still parses.
      if (token.kind !== 'end' && !['}', '>', ']'].includes(token.text)) this.next();
      return undefined;
    }
    if (schema?.type === 'message') this.schema(`"${field.name}" is a message: write ${field.name} { … }.`, token.start, token.end);
    const scalar = token.kind === 'string' ? this.strings(field, schema) : this.word(field, schema);
    if (scalar.isDefault !== undefined && schema && schema.type !== 'message' && !schema.repeated) {
      const last = scalar.tokens[scalar.tokens.length - 1];
      this.markSet(schema, state, schema.presence || !scalar.isDefault, field.name, last);
    }
    return scalar;
  }

  private message(typeName: string | undefined, depth: number): MessageNode {
    const open = this.next();
    const node: MessageNode = { kind: 'message', typeName, open, fields: [], start: open.start, end: open.end };
    if (depth >= MAX_DEPTH) {
      this.syntax(`Messages nest more than ${MAX_DEPTH} deep.`, open);
      this.skipBalanced();
      node.end = this.previous.end;
      return node;
    }
    this.body(node, CLOSERS[open.text], depth + 1);
    return node;
  }

  /** Skips to the token that closes the message just opened, without recursion. */
  private skipBalanced(): void {
    let depth = 1;
    while (depth > 0 && this.peek().kind !== 'end') {
      const token = this.next();
      if (token.kind !== 'symbol') continue;
      if (token.text === '{' || token.text === '<') depth++;
      else if (token.text === '}' || token.text === '>') depth--;
    }
  }

  /**
   * Checks that a singular field is not given a second value, as text_format.Parse does (Merge would allow it), and
   * records it. A field without presence counts as set only while its value is not the default.
   */
  private markSet(schema: FieldSchema, state: FieldState, counts: boolean, name: string, at: Token): void {
    if (schema.oneof) state.oneofs.set(schema.oneof, schema.name);
    if (state.set.has(schema.name)) this.schema(`"${name}" is set more than once; it holds a single value.`, at.start, at.end);
    if (counts) state.set.add(schema.name);
    else state.set.delete(schema.name);
  }

  private strings(field: FieldNode, schema: FieldSchema | undefined): ScalarNode {
    const tokens: Token[] = [];
    const bytes: number[] = [];
    let broken = false;
    while (this.peek().kind === 'string') {
      const token = this.next();
      tokens.push(token);
      if (broken) continue;
      if (!isTerminated(token)) {
        this.syntax(`The string has no closing ${token.text[0]} on its line.`, token);
        broken = true;
        continue;
      }
      const unescaped = unescapeString(token);
      if ('error' in unescaped) {
        this.syntax(unescaped.error, token);
        broken = true;
        continue;
      }
      // One by one: spreading a long string's bytes into push() would overflow the call stack.
      for (const byte of unescaped.bytes) bytes.push(byte);
    }
    const node: ScalarNode = { kind: 'scalar', tokens, start: tokens[0].start, end: tokens[tokens.length - 1].end };
    if (broken || !schema || schema.type === 'message') return node;
    if (schema.type === 'string' || schema.type === 'bytes') {
      const text = decodeUtf8(bytes);
      if (text === undefined && schema.type === 'string') this.schema(`"${field.name}" must be valid UTF-8 text.`, node.start, node.end);
      else {
        node.value = text ?? bytes.map((byte) => String.fromCharCode(byte)).join('');
        node.isDefault = bytes.length === 0;
      }
    } else {
      this.schema(`"${field.name}" is ${typeLabel(schema)}, not a string: write it without quotes.`, tokens[0].start, tokens[0].end);
    }
    return node;
  }

  private word(field: FieldNode, schema: FieldSchema | undefined): ScalarNode {
    const token = this.next();
    const node: ScalarNode = { kind: 'scalar', tokens: [token], start: token.start, end: token.end };
    if (!schema || schema.type === 'message') return node;
    if (schema.type === 'string' || schema.type === 'bytes') {
      this.schema(`"${field.name}" is a string: write it in quotes ("${shorten(token.text)}").`, token.start, token.end);
      return node;
    }
    const parsed = parseScalar(token.text, schema.type, schema.typeName ? ENUMS[schema.typeName] : undefined);
    if ('error' in parsed) {
      this.schema(`Wrong value for "${field.name}" (${typeLabel(schema)}): ${parsed.error}`, token.start, token.end);
      return node;
    }
    node.value = schema.type === 'enum' && /^[A-Za-z_]/.test(token.text) ? token.text : parsed.value;
    node.isDefault = parsed.isDefault;
    return node;
  }
}

/** A field name as text_format takes one: a token that starts with a word character (`\w`). */
function isFieldNameToken(token: Token): boolean {
  if (token.kind === 'identifier') return true;
  if (token.kind === 'number') return /^[0-9]/.test(token.text);
  return token.kind === 'symbol' && /^[\p{L}\p{N}_]/u.test(token.text);
}

/** An identifier as text_format takes one inside `[…]`: a word that does not start with a digit. */
function isIdentifierToken(token: Token): boolean {
  return token.kind === 'identifier' || (token.kind === 'symbol' && /^[\p{L}_]/u.test(token.text));
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the file' : `"${shorten(token.text)}"`;
}

/** A token's text for a message: long tokens (a pasted blob) are cut. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function shortName(typeName: string): string {
  return typeName.replace(/^inference\./, '');
}

function typeLabel(schema: FieldSchema): string {
  const base = schema.type === 'enum' ? `an enum (${shortName(schema.typeName!)})` : schema.type === 'message' ? 'a message' : `${/^[iu]/.test(schema.type) ? 'an' : 'a'} ${schema.type}`;
  return schema.repeated ? `${base} list` : base;
}

function unknownFieldMessage(name: string, typeName: string): string {
  const fields = MESSAGES[typeName].fields.map((f) => f.name);
  const near = fields.find((f) => editDistance(f, name) <= Math.max(1, Math.floor(name.length / 4)));
  const hint = near ? ` Did you mean "${near}"?` : '';
  return `${shortName(typeName)} has no field "${shorten(name)}".${hint}`;
}

/** Levenshtein distance, bounded to short names: field names are under 40 characters. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return Infinity;
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
