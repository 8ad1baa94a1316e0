import { isRecord, valueAt } from '../objects';
import { insertIntoMapping, insertionSuggestion, type YamlBlock } from '../edits';
import type { ContainerRuleContext } from '../rule';

/**
 * What the suggestions write: enough for a small model server to start, and a request below the limit so that the
 * scheduler packs pods while a burst still fits. They are a starting point to tune, which is why they are
 * suggestions, not fixes.
 */
export const DEFAULT_RESOURCES: Readonly<Record<'limits' | 'requests', YamlBlock>> = {
  limits: { cpu: '"1"', memory: '1Gi' },
  requests: { cpu: '500m', memory: '512Mi' },
};

const RESOURCE_NAMES = ['cpu', 'memory'] as const;

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The resources (cpu, memory) a container does not set under `resources.limits` or `resources.requests`. */
export function missingResources(container: Record<string, unknown>, field: 'limits' | 'requests'): string[] {
  const resources = container.resources;
  const values = isRecord(resources) && isRecord(resources[field]) ? (resources[field] as Record<string, unknown>) : {};
  return RESOURCE_NAMES.filter((name) => !isSet(values[name]));
}

/**
 * Reports a container that lacks cpu or memory under `resources.<field>`, on the deepest part of that path that
 * exists. The suggestion adds what is missing at that depth: the whole `resources` block (limits and requests, as
 * the guide's checklist asks for both), the `<field>` block, or the missing entries.
 */
export function checkResources(context: ContainerRuleContext, field: 'limits' | 'requests', explain: string): void {
  const { container, path } = context.entry;
  const missing = missingResources(container, field);
  if (missing.length === 0) return;
  const name = typeof container.name === 'string' ? `Container "${container.name}"` : 'This container';
  const singular = field === 'limits' ? 'limit' : 'request';
  context.report({
    path: [...path, 'resources', field, missing[0]],
    message: `${name} has no ${missing.join(' or ')} ${singular}. ${explain}`,
    suggestions: insertionSuggestion(`Add ${missing.join(' and ')} ${field}`, suggestion(context, field, missing)),
  });
}

function suggestion(context: ContainerRuleContext, field: 'limits' | 'requests', missing: string[]) {
  const { container, path } = context.entry;
  if (!('resources' in container)) {
    const block: YamlBlock = field === 'limits' ? { limits: DEFAULT_RESOURCES.limits, requests: DEFAULT_RESOURCES.requests } : { requests: DEFAULT_RESOURCES.requests };
    return insertIntoMapping(context, path, { resources: block });
  }
  const resources = container.resources;
  if (!isRecord(resources)) return undefined;
  const entries: YamlBlock = {};
  if (!(field in resources)) {
    for (const resource of RESOURCE_NAMES) entries[resource] = suggestedValue(resources, field, resource);
    return insertIntoMapping(context, [...path, 'resources'], { [field]: entries });
  }
  for (const resource of missing) {
    // A key that is present but empty (`cpu:`) cannot be appended again without duplicating it.
    if (isRecord(resources[field]) && resource in (resources[field] as Record<string, unknown>)) return undefined;
    entries[resource] = suggestedValue(resources, field, resource);
  }
  return insertIntoMapping(context, [...path, 'resources', field], entries);
}

/**
 * The value the suggestion writes for one resource: the default, unless the container's other side would make it
 * one the API server rejects (a limit below the request, a request above the limit); then the other side's value.
 */
function suggestedValue(resources: Record<string, unknown>, field: 'limits' | 'requests', resource: string): string {
  const fallback = DEFAULT_RESOURCES[field][resource] as string;
  const other = valueAt(resources, [field === 'limits' ? 'requests' : 'limits', resource]);
  const otherAmount = parseQuantity(other);
  const defaultAmount = parseQuantity(fallback.replace(/"/g, ''));
  if (otherAmount === undefined || defaultAmount === undefined) return fallback;
  const rejected = field === 'limits' ? otherAmount > defaultAmount : otherAmount < defaultAmount;
  if (!rejected) return fallback;
  // A bare number would be read as one; Kubernetes accepts both, and writes quantities as strings.
  const text = String(other).trim();
  return /^[\d.]+$/.test(text) ? `"${text}"` : text;
}

const SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A Kubernetes quantity (`1`, `"2"`, `500m`, `1Ki`, `1e3`) as a number, or undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(value.trim());
  return match ? Number(match[1]) * (match[2] ? SUFFIXES[match[2]] : 1) : undefined;
}
