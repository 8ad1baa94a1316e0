import { isRecord } from '../objects';
import { insertIntoMapping, insertionSuggestion, type YamlBlock } from '../edits';
import type { ContainerRuleContext } from '../rule';

export const PROBE_FIELDS = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

/** The port a new probe should check: the container's first declared port, by name when it has one. */
function firstPort(container: Record<string, unknown>): string | undefined {
  const ports = container.ports;
  if (!Array.isArray(ports) || !isRecord(ports[0])) return undefined;
  const { name, containerPort } = ports[0];
  if (typeof name === 'string' && name !== '') return name;
  return typeof containerPort === 'number' ? String(containerPort) : undefined;
}

/**
 * Reports a container without the given probe, on the container. The suggestion adds an HTTP probe on the
 * container's first port; a container that declares none gets no suggestion, since the port would be a guess.
 */
export function checkProbe(context: ContainerRuleContext, field: 'readinessProbe' | 'livenessProbe', explain: string, probe: YamlBlock): void {
  const { container, path } = context.entry;
  if (isRecord(container[field])) return;
  const name = typeof container.name === 'string' ? `Container "${container.name}"` : 'This container';
  const port = firstPort(container);
  // A key written without a value (`readinessProbe:`) is reported, but a second key cannot be added beside it.
  const edit = port === undefined || field in container ? undefined : insertIntoMapping(context, path, { [field]: { httpGet: { path: '/healthz', port }, ...probe } });
  context.report({
    path: [...path, field],
    message: `${name} has no ${field}. ${explain}`,
    suggestions: insertionSuggestion(`Add an HTTP ${field} on port ${port}`, edit),
  });
}
