import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Range } from '../../findings';
import type { JsonPath, ManifestDocument } from '../../kubernetes/parse';
import { onFirstLine } from '../../kubernetes/rule';
import { mlopsRule, type MlopsRuleContext } from '../rule';
import { mlopsSchema } from '../schema';
import { parseQuantity, parseTrigger, type ExpressionError } from '../triggers';

/** Compiled once, on first use: compiling the schema costs more than validating a file. */
let validator: ValidateFunction | undefined;
function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(mlopsSchema);
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

export const MLO401 = mlopsRule(
  {
    id: 'MLO401',
    defaultSeverity: 'error',
    title: 'mlops.yaml follows its schema, and its rollback triggers and thresholds are valid expressions.',
    guide: 'Rollback Strategy; Monitoring Metrics; CI/CD Pipeline Stages',
  },
  (context) => {
    for (const problem of context.problems) context.report({ range: problem.range, message: `The YAML is invalid: ${problem.message}` });
    for (const extra of context.documents.slice(1)) {
      if (extra.shape !== 'empty') context.report({ range: firstLine(extra.range, context.text), message: 'mlops.yaml holds one document; this second one is ignored by every tool.' });
    }
    const document = context.document;
    if (document === undefined) {
      context.report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'mlops.yaml is empty: it needs at least version, name, target, model, image and rollback.' });
      return;
    }
    // Broken YAML was reported above; its value is not what the file means, so the schema would only add noise.
    if (document.value === undefined && context.problems.length > 0) return;
    const lines = context.text.split(/\r\n|\n|\r/);
    const at = (path: JsonPath, target: 'key' | 'value'): Range => {
      const location = document.locate(path);
      return onFirstLine(target === 'value' ? location.valueRange : location.range, lines);
    };
    const value = document.value ?? null;
    for (const error of validate(value)) {
      const report = schemaReport(error, value, at);
      if (report) context.report(report);
    }
    checkExpressions(context, document, value, at);
  },
);

/** A readable message at the right place for one schema error, or none when a clearer check covers it. */
function schemaReport(error: ErrorObject, root: unknown, at: (path: JsonPath, target: 'key' | 'value') => Range): { range: Range; message: string } | undefined {
  const path = pathOf(error.instancePath, root);
  const where = path.length === 0 ? 'The file' : `"${path.join('.')}"`;
  switch (error.keyword) {
    case 'if':
      // "must match then schema" only repeats the `required` error that comes with it.
      return undefined;
    case 'pattern':
      // Triggers and thresholds are parsed below, with the exact column of what is wrong.
      if (isExpressionPath(path)) return undefined;
      return { range: at(path, 'value'), message: `${where} does not have the expected form (${error.params.pattern}).` };
    case 'required': {
      const missing = String(error.params.missingProperty);
      const why = path.length === 0 && ['kubernetes', 'sagemaker'].includes(missing) ? ` for the ${(root as Record<string, unknown>).target} target` : '';
      return { range: at(path, 'key'), message: `${where} lacks "${missing}"${why}.` };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return { range: at([...path, key], 'key'), message: `Unknown key "${key}" in ${path.length === 0 ? 'mlops.yaml' : `"${path.join('.')}"`}.` };
    }
    case 'enum':
      return { range: at(path, 'value'), message: `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}.` };
    case 'const':
      return { range: at(path, 'value'), message: `${where} must be ${JSON.stringify(error.params.allowedValue)}.` };
    case 'not':
      return { range: at(path, 'value'), message: `${where} must not be "latest": deploy a fixed tag, so that a rollback has something to return to.` };
    case 'type':
      // A threshold written as a bare number gets the parser's clearer message: which unit it needs.
      if (isExpressionPath(path) && path[1] === 'thresholds' && typeof valueAtPath(root, path) === 'number') return undefined;
      return { range: at(path, 'value'), message: `${where} must be ${article(String(error.params.type))}.` };
    default:
      return { range: at(path, 'value'), message: `${where} ${error.message ?? 'is invalid'}.` };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `/rollback/triggers/0` as a path with numbers for list indices, as the YAML locator reads it. */
function pathOf(instancePath: string, root: unknown): JsonPath {
  const path: Array<string | number> = [];
  let node = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(node) ? Number(segment) : undefined;
    path.push(index ?? segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

function valueAtPath(root: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined), root);
}

function isExpressionPath(path: JsonPath): boolean {
  return (path[0] === 'rollback' && path[1] === 'triggers' && path.length === 3) || (path[0] === 'monitoring' && path[1] === 'thresholds' && path.length === 3);
}

/** Rollback triggers and thresholds parsed for real, and the canary steps' order. */
function checkExpressions(context: MlopsRuleContext, document: ManifestDocument, root: unknown, at: (path: JsonPath, target: 'key' | 'value') => Range): void {
  const triggers = (root as { rollback?: { triggers?: unknown } } | null)?.rollback?.triggers;
  if (Array.isArray(triggers)) {
    triggers.forEach((trigger, index) => {
      if (typeof trigger !== 'string') return;
      const parsed = parseTrigger(trigger);
      if (!parsed.ok) context.report({ range: expressionRange(document, ['rollback', 'triggers', index], trigger, parsed.error, context.text), message: parsed.error.message });
    });
  }
  const thresholds = (root as { monitoring?: { thresholds?: unknown } } | null)?.monitoring?.thresholds;
  if (thresholds !== null && typeof thresholds === 'object' && !Array.isArray(thresholds)) {
    for (const [metric, raw] of Object.entries(thresholds)) {
      if (typeof raw !== 'string' && typeof raw !== 'number') continue;
      const value = String(raw);
      const parsed = parseQuantity(metric, value);
      // An unknown metric is already the schema's finding (an unknown key).
      if (!parsed.ok && !parsed.error.message.startsWith('Unknown metric')) {
        context.report({ range: expressionRange(document, ['monitoring', 'thresholds', metric], value, parsed.error, context.text), message: parsed.error.message });
      }
    }
  }
  const steps = (root as { deploy?: { canary?: { steps?: unknown } } } | null)?.deploy?.canary?.steps;
  // Steps out of range are the schema's findings; their order is judged only when each one is a valid percentage.
  if (Array.isArray(steps) && steps.length > 0 && steps.every((step) => typeof step === 'number' && step > 0 && step <= 100)) {
    const decreasing = steps.findIndex((step, index) => index > 0 && step <= steps[index - 1]);
    if (decreasing > 0) context.report({ range: at(['deploy', 'canary', 'steps', decreasing], 'value'), message: `Canary steps must increase: ${steps[decreasing]}% comes after ${steps[decreasing - 1]}%.` });
    else if (steps[steps.length - 1] !== 100) context.report({ range: at(['deploy', 'canary', 'steps', steps.length - 1], 'value'), message: 'The last canary step must be 100: the full rollout.' });
  }
}

/**
 * The columns of an expression's problem inside its YAML scalar: exact for a plain or simply quoted scalar on one
 * line; the whole value when the text in the file differs from the string (escapes, folded lines).
 */
function expressionRange(document: ManifestDocument, path: JsonPath, value: string, error: ExpressionError, text: string): Range {
  const range = document.locate(path).valueRange;
  const lines = text.split(/\r\n|\n|\r/);
  if (range.start.line !== range.end.line) return onFirstLine(range, lines);
  const source = (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const offset = source === value ? 0 : source.length === value.length + 2 && /^(["']).*\1$/.test(source) && source.slice(1, -1) === value ? 1 : undefined;
  if (offset === undefined) return range;
  const line = range.start.line;
  const start = range.start.character + offset + Math.min(error.start, value.length);
  const end = range.start.character + offset + Math.min(Math.max(error.end, error.start + 1), value.length);
  return { start: { line, character: Math.min(start, end) }, end: { line, character: Math.max(end, start) } };
}

function firstLine(range: Range, text: string): Range {
  return onFirstLine(range, text.split(/\r\n|\n|\r/));
}
