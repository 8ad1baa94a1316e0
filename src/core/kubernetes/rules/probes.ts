import { isRecord } from '../objects';
import { insertIntoMapping, insertionSuggestion, type YamlBlock } from '../edits';
import type { ContainerRuleContext } from '../rule';

export const PROBE_FIELDS = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

const HEALTH_PORT = /^(?:health|healthz|probe|status)(?:-|$)/i;
const HTTP_PORT = /^(?:http|https|web|api|rest|serve|server|app)(?:-|$)/i;
/** Ports that serve something other than the app's HTTP traffic, where an HTTP health check would not answer. */
const OTHER_PORT = /metric|prometheus|grpc|admin|debug|profil|jmx|dns|udp/i;

/**
 * The port a new HTTP probe should check, as the probe should write it: by name when the port has one (so that a
 * changed number is changed in one place), else by number. A port named for health checks comes first, then one
 * named for HTTP, then the first other TCP port; ports named for metrics, gRPC or debugging are never chosen.
 */
export function probePort(container: Record<string, unknown>): string | undefined {
  const ports = Array.isArray(container.ports) ? container.ports.filter(isRecord) : [];
  const tcp = ports.filter((port) => port.protocol === undefined || port.protocol === 'TCP');
  // A plain HTTP probe cannot check a TLS port, and `http-metrics` is a metrics port whatever its first word says.
  const usable = tcp.filter((port) => !(typeof port.name === 'string' && (OTHER_PORT.test(port.name) || /^https(?:-|$)/i.test(port.name))));
  const named = (pattern: RegExp) => usable.find((port) => typeof port.name === 'string' && pattern.test(port.name));
  const chosen = named(HEALTH_PORT) ?? named(HTTP_PORT) ?? usable[0];
  if (chosen === undefined) return undefined;
  if (typeof chosen.name === 'string' && chosen.name !== '') return chosen.name;
  return typeof chosen.containerPort === 'number' ? String(chosen.containerPort) : undefined;
}

/**
 * The health URL of the server the image runs, for the probe the suggestion writes: Triton's and TorchServe's own,
 * else `/health`, as in the guide's HEALTHCHECK (vLLM, Text Generation Inference and most FastAPI apps answer there).
 */
export function probePath(container: Record<string, unknown>, field: 'readinessProbe' | 'livenessProbe'): string {
  const image = typeof container.image === 'string' ? container.image.toLowerCase() : '';
  if (image.includes('tritonserver')) return field === 'readinessProbe' ? '/v2/health/ready' : '/v2/health/live';
  if (image.includes('torchserve')) return '/ping';
  return '/health';
}

/**
 * Reports a container without the given probe, on the container. The suggestion adds an HTTP probe on the port
 * that probePort chooses; a container that declares none gets no suggestion, since the port would be a guess (and
 * MLO205 would report a probe on a port the container does not declare).
 */
export function checkProbe(context: ContainerRuleContext, field: 'readinessProbe' | 'livenessProbe', explain: string, probe: YamlBlock): void {
  const { container, path } = context.entry;
  if (isRecord(container[field])) return;
  const name = typeof container.name === 'string' ? `Container "${container.name}"` : 'This container';
  const port = probePort(container);
  // A key written without a value (`readinessProbe:`) is reported, but a second key cannot be added beside it.
  const edit = port === undefined || field in container ? undefined : insertIntoMapping(context, path, { [field]: { httpGet: { path: probePath(container, field), port }, ...probe } });
  context.report({
    path: [...path, field],
    message: `${name} has no ${field}. ${explain}`,
    suggestions: insertionSuggestion(`Add an HTTP ${field} on port ${port}`, edit),
  });
}
