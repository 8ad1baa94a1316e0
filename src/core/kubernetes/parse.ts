import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, YAMLError } from 'yaml';
import { computeLineStarts, type Position, type Range } from '../findings';

/** A path into a document's plain JS value: map keys as strings, list indices as numbers. */
export type JsonPath = ReadonlyArray<string | number>;

/**
 * Something wrong with the YAML itself rather than with the Kubernetes object it describes. `syntax`: the text is
 * not valid YAML (kubectl rejects it too). `duplicate-key`: a mapping repeats a key (kubectl rejects it; the value
 * read here is the last one). `alias`: an alias names no anchor defined before it. `alias-limit`: the aliases would
 * expand into more nodes than a manifest plausibly holds (a "billion laughs" attack), so the document is not read.
 */
export type ParseProblemKind = 'syntax' | 'duplicate-key' | 'alias' | 'alias-limit';

export interface ParseProblem {
  kind: ParseProblemKind;
  message: string;
  range: Range;
}

/** What a document holds at its top level; only a mapping can be a Kubernetes object. */
export type DocumentShape = 'empty' | 'mapping' | 'list' | 'scalar';

/** A mapping with string `apiVersion` and `kind`, as the API server requires of every object. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  [field: string]: unknown;
}

/** Where a JSON path sits in the text, or where its nearest existing ancestor sits when the path is missing. */
export interface PathLocation {
  /** The longest prefix of the requested path that exists in the document (the whole path when `exact`). */
  path: JsonPath;
  exact: boolean;
  /** The map key of the located node; absent for the document root and for list items. */
  keyRange?: Range;
  /** The located node's value, without trailing blank lines or comments. */
  valueRange: Range;
  /** Where a finding about the located node belongs: its key when it has one, otherwise its value. */
  range: Range;
}

export interface ManifestDocument {
  /** 0-based position of the document in its file, counting empty documents too. */
  index: number;
  /** From the document's `---` marker (or first content) to the end of its content. */
  range: Range;
  shape: DocumentShape;
  /** The document as plain JS; undefined when it has a syntax error or its aliases could not be expanded safely. */
  value: unknown;
  /** The Kubernetes object the document describes; undefined when it is none or has a syntax error. */
  object: KubernetesObject | undefined;
  problems: ParseProblem[];
  /** The location of a JSON path in this document's text; never fails (see PathLocation). */
  locate(path: JsonPath): PathLocation;
}

export interface ParsedManifestFile {
  documents: ManifestDocument[];
  /** Every document's problems, in document order. */
  problems: ParseProblem[];
}

/**
 * How many times aliases may be expanded, weighted by how many aliases each anchor itself holds (the `yaml`
 * package's measure). Manifests rarely use anchors at all; a few hundred merge keys (`<<: *defaults`) fit, while
 * a nine-level "billion laughs" document exceeds it at once instead of being expanded.
 */
const MAX_ALIAS_COUNT = 1000;

/**
 * Splits a file into YAML documents and reads each one. It never throws: whatever is wrong with the text becomes a
 * ParseProblem on the document it occurs in, and the file's other documents are still read.
 */
export function parseManifestFile(text: string): ParsedManifestFile {
  const positions = new PositionIndex(text);
  let yamlDocuments: Document.Parsed[];
  try {
    // YAML 1.1, as Kubernetes' own decoder (go-yaml) reads manifests: `0644` is octal, `yes` and `on` are booleans,
    // and `<<` merges. Warnings (unknown tags such as CloudFormation's) do not change the data, so they stay silent.
    yamlDocuments = parseAllDocuments(withoutLoneCarriageReturns(text), { version: '1.1', logLevel: 'silent' }) as Document.Parsed[];
  } catch (error) {
    // The parser recovers from every syntax error it knows; this is a last guard so that a bug in it costs one
    // file's findings, not the linter.
    const problem: ParseProblem = { kind: 'syntax', message: `The YAML parser failed: ${errorMessage(error)}`, range: positions.range(0, 0) };
    return { documents: [], problems: [problem] };
  }
  const documents = yamlDocuments.map((document, index) => readDocument(document, index, text, positions));
  return { documents, problems: documents.flatMap((document) => document.problems) };
}

/**
 * YAML, Kubernetes' decoder and VS Code all break lines at a lone \r, but the `yaml` package does not. Replacing each
 * lone \r with \n keeps every offset, so ranges still point into the original text.
 */
function withoutLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function readDocument(document: Document.Parsed, index: number, text: string, positions: PositionIndex): ManifestDocument {
  const problems: ParseProblem[] = [];
  const syntaxErrors = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
  // One syntax error often causes several more as the parser recovers; only the first is certainly real.
  if (syntaxErrors.length > 0) problems.push(problemFromError('syntax', syntaxErrors[0], positions));
  const duplicateKeys = document.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  if (duplicateKeys.length > 0) {
    // The parser marks the key's first character; the finding should cover the whole key.
    const keyEnds = keyEndsByStart(document);
    for (const error of duplicateKeys) {
      const problem = problemFromError('duplicate-key', error, positions);
      const end = keyEnds.get(error.pos[0]);
      problems.push(end === undefined ? problem : { ...problem, range: positions.range(error.pos[0], end) });
    }
  }
  const contents = document.contents as YamlNode | null;
  const shape = shapeOf(contents);
  let value: unknown;
  if (syntaxErrors.length === 0) {
    const read = readValue(document, positions);
    value = read.value;
    if (read.problem) problems.push(read.problem);
  }
  const [start, valueEnd] = document.range;
  return {
    index,
    range: positions.range(start, trimEnd(text, start, valueEnd)),
    shape,
    value,
    object: asKubernetesObject(value),
    problems,
    locate: (path) => locate(contents, path, text, positions),
  };
}

function shapeOf(contents: YamlNode | null): DocumentShape {
  if (isMap(contents)) return 'mapping';
  if (isSeq(contents)) return 'list';
  if (contents === null || (isScalar(contents) && contents.value === null)) return 'empty';
  return 'scalar';
}

/** The document as plain JS, or the problem that stopped it: an alias bomb or an alias without an anchor. */
function readValue(document: Document.Parsed, positions: PositionIndex): { value: unknown; problem?: ParseProblem } {
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = errorMessage(error);
    const aliases = aliasesOf(document);
    if (/excessive alias count/i.test(message)) {
      const problem: ParseProblem = {
        kind: 'alias-limit',
        message: 'The aliases in this document expand too far to be read safely (a "billion laughs" document); it is not checked.',
        range: nodeRange(aliases[0] ?? document.contents, positions),
      };
      return { value: undefined, problem };
    }
    if (/unresolved alias/i.test(message)) {
      const unresolved = aliases.find((alias) => alias.resolve(document) === undefined);
      return { value: undefined, problem: { kind: 'alias', message, range: nodeRange(unresolved ?? document.contents, positions) } };
    }
    // Nesting too deep for the stack, or a case the parser did not foresee: the document cannot be checked.
    return { value: undefined, problem: { kind: 'syntax', message: `The document could not be read: ${message}`, range: nodeRange(document.contents, positions) } };
  }
}

function keyEndsByStart(document: Document.Parsed): Map<number, number> {
  const ends = new Map<number, number>();
  visit(document, {
    Pair(_, pair) {
      const range = (pair.key as YamlNode | null)?.range;
      if (range) ends.set(range[0], range[1]);
    },
  });
  return ends;
}

function aliasesOf(document: Document.Parsed): Alias[] {
  const aliases: Alias[] = [];
  visit(document, {
    Alias(_, alias) {
      aliases.push(alias);
    },
  });
  return aliases;
}

function asKubernetesObject(value: unknown): KubernetesObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && apiVersion !== '' && typeof kind === 'string' && kind !== '' ? (value as KubernetesObject) : undefined;
}

function locate(contents: YamlNode | null, path: JsonPath, text: string, positions: PositionIndex): PathLocation {
  let node: YamlNode | null = contents;
  let key: YamlNode | null = null;
  let depth = 0;
  for (const segment of path) {
    // An alias's content lives at its anchor, elsewhere in the text; the alias itself is where this object uses it.
    if (isAlias(node)) break;
    if (isMap(node) && typeof segment === 'string') {
      // With duplicate keys the last one wins, as in the plain JS value.
      const pair = lastPairWithKey(node.items, segment);
      if (pair === undefined) break;
      key = pair.key as YamlNode;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
      key = null;
      node = node.items[segment] as YamlNode | null;
    } else {
      break;
    }
    depth++;
  }
  const keyRange = key ? nodeRange(key, positions) : undefined;
  // `resources:` with nothing after it has a null value of no width; it sits where the key ends.
  const valueRange = node?.range ? positions.range(node.range[0], trimEnd(text, node.range[0], node.range[1])) : (keyRange ?? positions.range(0, 0));
  return { path: path.slice(0, depth), exact: depth === path.length, keyRange, valueRange, range: keyRange ?? valueRange };
}

function lastPairWithKey(pairs: ReadonlyArray<Pair<unknown, unknown>>, key: string): Pair<unknown, unknown> | undefined {
  for (let i = pairs.length - 1; i >= 0; i--) {
    const candidate = pairs[i].key;
    if (isScalar(candidate) && String(candidate.value) === key) return pairs[i];
  }
  return undefined;
}

function nodeRange(node: YamlNode | null | undefined, positions: PositionIndex): Range {
  const [start, end] = node?.range ?? [0, 0];
  return positions.range(start, end);
}

function problemFromError(kind: ParseProblemKind, error: YAMLError, positions: PositionIndex): ParseProblem {
  // The parser's messages end with a code excerpt after the first line; the range already shows where.
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { kind, message, range: positions.range(error.pos[0], error.pos[1]) };
}

/** Collections and block scalars end after their last line break and trailing blank lines; findings should not. */
function trimEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /\s/.test(text[at - 1])) at--;
  return at;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Offsets to positions with lines broken where VS Code breaks them (\r\n, \n and a lone \r, see computeLineStarts),
 * so that ranges match the editor even where the YAML parser's own line counting would not (it ignores a lone \r).
 */
class PositionIndex {
  private readonly lineStarts: number[];
  private readonly length: number;

  constructor(private readonly text: string) {
    this.lineStarts = computeLineStarts(text);
    this.length = text.length;
  }

  /** The parser reports a missing closing character one past the end of the text; ranges stay inside it. */
  range(start: number, end: number): Range {
    const from = Math.min(Math.max(start, 0), this.length);
    return { start: this.position(from), end: this.position(Math.min(Math.max(end, from), this.length)) };
  }

  private position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    // An offset inside a line break (the \n of \r\n) belongs to the end of its line, as an editor counts it.
    const next = low + 1 < this.lineStarts.length ? this.lineStarts[low + 1] : this.length + 1;
    const lineEnd = next > this.length ? this.length : next - (this.text.startsWith('\r\n', next - 2) ? 2 : 1);
    return { line: low, character: Math.min(offset, lineEnd) - this.lineStarts[low] };
  }
}
