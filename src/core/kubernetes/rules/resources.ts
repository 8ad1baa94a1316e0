import { isRecord } from '../objects';
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
  if (!(field in resources)) return insertIntoMapping(context, [...path, 'resources'], { [field]: DEFAULT_RESOURCES[field] });
  const entries: YamlBlock = {};
  for (const resource of missing) {
    // A key that is present but empty (`cpu:`) cannot be appended again without duplicating it.
    if (isRecord(resources[field]) && resource in (resources[field] as Record<string, unknown>)) return undefined;
    entries[resource] = DEFAULT_RESOURCES[field][resource] as string;
  }
  return insertIntoMapping(context, [...path, 'resources', field], entries);
}
