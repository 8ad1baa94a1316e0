import type { JsonPath } from '../parse';
import type { SchemaCheck, SchemaError } from './validators';

export type SchemaIssueKind = 'unknown-field' | 'type' | 'required' | 'enum' | 'format' | 'other';

/** One way an object departs from its schema, at a JSON path from the object's root. */
export interface SchemaIssue {
  kind: SchemaIssueKind;
  /** The unknown field; the value of the wrong type or format; the object that lacks a required field. */
  path: JsonPath;
  target: 'key' | 'value';
  message: string;
  /** For `required`: the fields the object lacks. */
  missing?: string[];
}

export interface SchemaCheckOptions {
  /**
   * `all`: every field the schema does not define is reported, as the API server rejects it. `typos`: only fields
   * close to a defined one, for custom resources whose bundled schema may be older than the operator a cluster runs.
   */
  unknownFields: 'all' | 'typos';
  /** Where the checked value sits in the object (a Rollout's pod template), so that paths start at the root. */
  at?: JsonPath;
}

/**
 * Checks a value against a compiled schema and explains each departure. The schemas of kubernetes-models accept
 * fields they do not define (the OpenAPI documents do not forbid them), so unknown fields are found by watching
 * the validator: it reads every property its schema defines on each object it checks, and enumerates the keys of
 * maps (labels, resource lists). A key it neither read nor enumerated is one the schema does not know. An object it
 * read nothing of is free-form (an embedded document, preserved unknown fields), and its keys are all accepted.
 */
export function checkAgainstSchema(value: unknown, check: SchemaCheck, options: SchemaCheckOptions): SchemaIssue[] {
  const plain = toPlainJson(value, 0);
  const watch: Watch = new Map();
  const errors = check(watched(plain, watch, new WeakMap()));
  const at = options.at ?? [];
  const issues = [...unknownFields(plain, [], watch, options.unknownFields), ...explainErrors(errors, plain)];
  const seen = new Set<string>();
  const result: SchemaIssue[] = [];
  for (const issue of issues) {
    const path = [...at, ...issue.path];
    const key = `${issue.kind === 'required' ? 'required ' : ''}${JSON.stringify(path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Messages name their field from the object's root: `{subject}` is the field, or the object itself.
    const message = issue.missing ? missingMessage(path, issue.missing) : issue.message.replace('{subject}', () => subjectOf(path));
    result.push({ ...issue, path, message });
  }
  return result;
}

/**
 * The value as the API server reads it from JSON. YAML 1.1 turns unquoted timestamps into dates and `!!binary` into
 * bytes, which Kubernetes' YAML reader keeps as strings; and an anchor used twice must be two values, so that each
 * use is watched at its own path. Nesting deeper than any manifest is left as it is rather than copied.
 */
function toPlainJson(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 256) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, depth + 1));
  const copy: Record<string, unknown> = {};
  // Defined rather than assigned, so that a key named `__proto__` stays a field (an unknown one) as in JSON.
  for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: toPlainJson(item, depth + 1), enumerable: true, writable: true, configurable: true });
  return copy;
}

type Watch = Map<object, { read: Set<string>; enumerated: boolean }>;

function watched(value: unknown, watch: Watch, proxies: WeakMap<object, object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const existing = proxies.get(value);
  if (existing) return existing;
  const isList = Array.isArray(value);
  const record = { read: new Set<string>(), enumerated: false };
  if (!isList) watch.set(value, record);
  const proxy = new Proxy(value, {
    get(target, property, receiver) {
      const child = Reflect.get(target, property, receiver);
      if (typeof property !== 'string') return child;
      if (!isList) record.read.add(property);
      return Object.hasOwn(target, property) ? watched(child, watch, proxies) : child;
    },
    has(target, property) {
      if (typeof property === 'string' && !isList) record.read.add(property);
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}

function unknownFields(value: unknown, path: JsonPath, watch: Watch, mode: SchemaCheckOptions['unknownFields']): SchemaIssue[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unknownFields(item, [...path, index], watch, mode));
  const record = watch.get(value);
  // Not reached by the validator (under a value of the wrong type, or inside a free-form field), or free-form itself.
  if (record === undefined || record.enumerated || record.read.size === 0) return [];
  const issues: SchemaIssue[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (record.read.has(key)) {
      issues.push(...unknownFields(child, [...path, key], watch, mode));
      continue;
    }
    const suggestion = closest(key, [...record.read]);
    if (mode === 'typos' && suggestion === undefined) continue;
    const fieldPath = [...path, key];
    issues.push({
      kind: 'unknown-field',
      path: fieldPath,
      target: 'key',
      message:
        suggestion !== undefined
          ? `Unknown field {subject} (did you mean \`${suggestion}\`?).`
          : 'Unknown field {subject}: the API server rejects it (or, with validation off, drops it silently).',
    });
  }
  return issues;
}

/** Groups ajv's errors by the value they are about and explains each value once. */
function explainErrors(errors: readonly SchemaError[], root: unknown): SchemaIssue[] {
  const groups = new Map<string, SchemaError[]>();
  for (const error of errors) {
    const group = groups.get(error.instancePath);
    if (group) group.push(error);
    else groups.set(error.instancePath, [error]);
  }
  const issues: SchemaIssue[] = [];
  for (const [pointer, group] of groups) {
    const path = pathOf(pointer, root);
    const value = valueAtPath(root, path);
    const missing = group.filter((error) => error.keyword === 'required').map((error) => String(error.params.missingProperty));
    if (missing.length > 0) issues.push(requiredIssue(path, missing));
    for (const error of group) {
      if (error.keyword === 'additionalProperties') {
        const fieldPath = [...path, String(error.params.additionalProperty)];
        issues.push({ kind: 'unknown-field', path: fieldPath, target: 'key', message: 'Unknown field {subject}.' });
      }
    }
    const rest = group.filter((error) => error.keyword !== 'required' && error.keyword !== 'additionalProperties');
    if (rest.length === 0) continue;
    // A value that matches one alternative's shape and fails deeper (an object with a bad field) is explained by
    // the deeper errors; the alternatives' own type errors would only repeat that it is not the other shape.
    const alternatives = rest.some((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
    if (alternatives && errors.some((error) => error.instancePath.startsWith(`${pointer}/`))) continue;
    issues.push(valueIssue(path, value, rest, alternatives));
  }
  return issues;
}

function requiredIssue(path: JsonPath, missing: string[]): SchemaIssue {
  return { kind: 'required', path, target: 'key', message: '', missing };
}

/** "`spec.template.spec.containers[0]` lacks the required fields `name` and `image`." */
export function missingMessage(path: JsonPath, missing: readonly string[]): string {
  const fields = missing.map((name) => `\`${name}\``);
  const list = fields.length === 1 ? `the required field ${fields[0]}` : `the required fields ${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
  return `${subjectOf(path)} lacks ${list}.`;
}

function subjectOf(path: JsonPath): string {
  return path.length === 0 ? 'The object' : `\`${pathText(path)}\``;
}

function valueIssue(path: JsonPath, value: unknown, errors: readonly SchemaError[], alternatives: boolean): SchemaIssue {
  // Replaced with the field's path from the object's root once that is known (see checkAgainstSchema).
  const subject = '{subject}';
  const formats = errors.filter((error) => error.keyword === 'format').map((error) => String(error.params.format));
  const types = errors.filter((error) => error.keyword === 'type').flatMap((error) => typesOf(error.params.type));
  if (formats.includes('quantity')) {
    return {
      kind: 'format',
      path,
      target: 'value',
      message: `${subject} is not a quantity: write a number or a string such as \`500m\`, \`2\` or \`1Gi\`, not ${describeValue(value)}.`,
    };
  }
  if (alternatives || (types.length > 0 && !types.includes(jsonTypeOf(value)))) {
    const expected = [...new Set(types)].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)).map(describeType);
    const wanted = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}` : (expected[0] ?? 'of another type');
    return { kind: 'type', path, target: 'value', message: `${subject} must be ${wanted}, not ${describeValue(value)}${typeHint(types, value)}.` };
  }
  const enumError = errors.find((error) => error.keyword === 'enum');
  if (enumError) {
    const allowed = Array.isArray(enumError.params.allowedValues) ? enumError.params.allowedValues.map(String) : [];
    const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
    const hint = suggestion !== undefined ? ` (did you mean \`${suggestion}\`?)` : '';
    return { kind: 'enum', path, target: 'value', message: `${subject} must be one of ${allowed.map((v) => `\`${v}\``).join(', ')}, not ${describeValue(value)}${hint}.` };
  }
  if (formats.length > 0) {
    return { kind: 'format', path, target: 'value', message: `${subject} ${FORMAT_MESSAGES[formats[0]] ?? `must be in the format \`${formats[0]}\``}, not ${describeValue(value)}.` };
  }
  const first = errors[0];
  if (first.keyword === 'pattern') {
    const pattern = String(first.params.pattern);
    return { kind: 'format', path, target: 'value', message: `${subject} ${describePattern(pattern)}, not ${describeValue(value)}.` };
  }
  return { kind: 'other', path, target: 'value', message: `${subject} ${first.message ?? `fails the schema's \`${first.keyword}\``}.` };
}

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  byte: 'must be base64-encoded (plain text goes under `stringData`)',
  'date-time': 'must be a date and time such as `2024-05-01T12:00:00Z`',
  int32: 'must be a whole number that fits in 32 bits',
  int64: 'must be a whole number that fits in 64 bits',
};

/** What the patterns of the bundled schemas ask for, in words; others are quoted. */
function describePattern(pattern: string): string {
  // Prometheus durations, in several spellings of the same expression.
  if (pattern.includes('(([0-9]+)ms)?')) return 'must be a duration such as `30s`, `5m` or `1h30m`';
  if (pattern === '^[a-zA-Z_][a-zA-Z0-9_]*$') return 'must be a name of letters, digits and underscores that does not start with a digit';
  return `must match \`${pattern}\``;
}

/** The order in which alternatives are named: `an integer or a string`, whatever order the schema lists them in. */
const TYPE_ORDER = ['integer', 'number', 'string', 'boolean', 'object', 'array'];

function typesOf(type: unknown): string[] {
  return (Array.isArray(type) ? type : [type]).map(String).filter((name) => name !== 'null');
}

function describeType(type: string): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    default:
      return type;
  }
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  if (typeof value === 'boolean') return `\`${value}\``;
  return `\`${String(value)}\``;
}

/** The usual cause of a type error in YAML: quotes where a number belongs, or a bare word read as a number or boolean. */
function typeHint(types: readonly string[], value: unknown): string {
  const wantsNumber = types.includes('integer') || types.includes('number');
  if (wantsNumber && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return '; remove the quotes';
  if (types.includes('string') && !wantsNumber && (typeof value === 'number' || typeof value === 'boolean')) return '; put it in quotes';
  return '';
}

/** The JSON pointer of an ajv error as a path, with list indices as numbers where the value has a list. */
function pathOf(pointer: string, root: unknown): JsonPath {
  if (pointer === '') return [];
  const path: Array<string | number> = [];
  let current = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(step);
    current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

function valueAtPath(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const step of path) current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[step] : undefined;
  return current;
}

/** `spec.template.spec.containers[0].resources`, with keys that are not plain names quoted: `labels["app.kubernetes.io/name"]`. */
export function pathText(path: JsonPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) text += text === '' ? step : `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text;
}

/**
 * The candidate a mistyped name most likely meant: one that differs only in case, or within a small edit distance
 * (a letter missing, added, changed, or two swapped: `resource`, `Deploymnet`). Undefined when none is close.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  const limit = word.length <= 4 ? 1 : word.length <= 12 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[] = new Array(rows * columns).fill(0);
  for (let i = 0; i < rows; i++) d[i * columns] = i;
  for (let j = 0; j < columns; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * columns + j] + 1, d[i * columns + j - 1] + 1, d[(i - 1) * columns + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * columns + j - 2] + 1);
      d[i * columns + j] = value;
    }
  }
  return d[rows * columns - 1];
}
