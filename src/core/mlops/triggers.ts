/**
 * The guide's rollback trigger notation, `<metric> <op> <value><unit>` (`error_rate > 5%`, `latency_p99 > 2s`,
 * `health_check_failures > 3`), and the same quantities as thresholds (`latency_p50: 100ms`). Parsed here once
 * for the linter (MLO401, with the column of the first problem) and for the rollback policy that evaluates them.
 */

export const TRIGGER_OPERATORS = ['>=', '<=', '==', '!=', '>', '<'] as const;
export type TriggerOperator = (typeof TRIGGER_OPERATORS)[number];

/** What a metric measures decides which units its values take. */
export type Dimension = 'duration' | 'percent' | 'count';

/** The metrics a trigger or threshold may name: the guide's Monitoring Metrics and its rollback triggers. */
export const TRIGGER_METRICS: Readonly<Record<string, Dimension>> = {
  error_rate: 'percent',
  latency_p50: 'duration',
  latency_p90: 'duration',
  latency_p95: 'duration',
  latency_p99: 'duration',
  health_check_failures: 'count',
  restarts: 'count',
  cpu_usage: 'percent',
  memory_usage: 'percent',
  model_staleness: 'duration',
};

/** Units by dimension, with the factor to the dimension's base unit (seconds, a ratio, a count). */
const UNITS: Readonly<Record<Dimension, Readonly<Record<string, number>>>> = {
  duration: { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 },
  percent: { '%': 0.01 },
  count: { '': 1 },
};

const UNIT_HINTS: Readonly<Record<Dimension, string>> = {
  duration: 'a duration: ms, s, m, h or d (e.g. 2s)',
  percent: 'a percentage (e.g. 5%)',
  count: 'a plain number (e.g. 3)',
};

export interface Quantity {
  value: number;
  unit: string;
  /** The value in the dimension's base unit: seconds for durations, a ratio (0.05) for percentages. */
  base: number;
}

export interface Trigger extends Quantity {
  metric: string;
  operator: TriggerOperator;
}

/** What is wrong, and where: 0-based columns into the expression's text, end exclusive. */
export interface ExpressionError {
  message: string;
  start: number;
  end: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ExpressionError };

const fail = (message: string, start: number, end: number): { ok: false; error: ExpressionError } => ({ ok: false, error: { message, start, end: Math.max(end, start + 1) } });

/** Parses `error_rate > 5%`: a known metric, an operator, a number and the unit the metric's dimension takes. */
export function parseTrigger(text: string): Parsed<Trigger> {
  const metricMatch = /^\s*([A-Za-z_][A-Za-z0-9_]*)?/.exec(text)!;
  const metricStart = metricMatch[0].length - (metricMatch[1]?.length ?? 0);
  const metric = metricMatch[1];
  if (metric === undefined) {
    return fail(`A trigger starts with a metric name, as in "error_rate > 5%"; found ${describe(text, metricStart)}.`, metricStart, metricStart + 1);
  }
  const metricEnd = metricStart + metric.length;
  const dimension = TRIGGER_METRICS[metric];
  if (dimension === undefined) {
    return fail(`Unknown metric "${metric}": use one of ${Object.keys(TRIGGER_METRICS).join(', ')}.`, metricStart, metricEnd);
  }
  const operatorStart = skipSpaces(text, metricEnd);
  const operator = TRIGGER_OPERATORS.find((op) => text.startsWith(op, operatorStart));
  if (operator === undefined) {
    const found = /^=(?!=)/.test(text.slice(operatorStart)) ? ' "=" (write == to compare)' : ` ${describe(text, operatorStart)}`;
    return fail(`Expected a comparison (>, >=, <, <=, == or !=) after "${metric}"; found${found}.`, operatorStart, operatorStart + 1);
  }
  const quantityStart = skipSpaces(text, operatorStart + operator.length);
  const quantity = parseQuantityAt(text, quantityStart, metric, dimension);
  if (!quantity.ok) return quantity;
  return { ok: true, value: { metric, operator, ...quantity.value } };
}

/** Parses a threshold's value for a metric, such as `100ms` for latency_p50 (the metric must be known). */
export function parseQuantity(metric: string, text: string): Parsed<Quantity> {
  const dimension = TRIGGER_METRICS[metric];
  if (dimension === undefined) return fail(`Unknown metric "${metric}": use one of ${Object.keys(TRIGGER_METRICS).join(', ')}.`, 0, text.length);
  return parseQuantityAt(text, skipSpaces(text, 0), metric, dimension);
}

function parseQuantityAt(text: string, start: number, metric: string, dimension: Dimension): Parsed<Quantity> {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z%]*)/.exec(text.slice(start));
  if (!match) return fail(`Expected a number after the comparison; found ${describe(text, start)}.`, start, start + 1);
  const [, number, unit] = match;
  const unitStart = start + number.length;
  const factor = UNITS[dimension][unit];
  if (factor === undefined) {
    // A missing unit is shown on the number, a wrong one on the unit.
    return unit === ''
      ? fail(`${metric} is ${UNIT_HINTS[dimension]}, so a number without a unit does not fit.`, start, unitStart)
      : fail(`${metric} is ${UNIT_HINTS[dimension]}, so "${unit}" does not fit.`, unitStart, unitStart + unit.length);
  }
  const end = skipSpaces(text, unitStart + unit.length);
  if (end < text.length) return fail(`Unexpected ${describe(text, end)} after the value: a trigger is one comparison.`, end, text.length);
  const value = Number(number);
  if (dimension === 'percent' && value > 100) return fail(`${value}% is more than 100%.`, start, unitStart + unit.length);
  return { ok: true, value: { value, unit, base: value * factor } };
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

function describe(text: string, at: number): string {
  return at >= text.length ? 'the end' : `"${text.slice(at, at + 12).split(/\s/)[0] || text[at]}"`;
}

/** Whether an observed value (in the base unit) fires a trigger. */
export function fires(trigger: Trigger, observed: number): boolean {
  switch (trigger.operator) {
    case '>':
      return observed > trigger.base;
    case '>=':
      return observed >= trigger.base;
    case '<':
      return observed < trigger.base;
    case '<=':
      return observed <= trigger.base;
    case '==':
      return observed === trigger.base;
    case '!=':
      return observed !== trigger.base;
  }
}
