import { isRecord, valueAt, workloadPaths } from '../objects';
import type { ContainerRuleContext } from '../rule';

/** The pod-level securityContext of the container's workload, or an empty one. */
export function podSecurityContext(context: ContainerRuleContext): Record<string, unknown> {
  const value = valueAt(context.object, [...workloadPaths(context.workload).podSpec, 'securityContext']);
  return isRecord(value) ? value : {};
}

/** The container's own securityContext, or an empty one. */
export function containerSecurityContext(context: ContainerRuleContext): Record<string, unknown> {
  const value = context.entry.container.securityContext;
  return isRecord(value) ? value : {};
}

/**
 * Whether the pod runs on Windows nodes, where user ids, runAsNonRoot and allowPrivilegeEscalation do not apply
 * (the API server rejects the last for a pod with `os.name: windows`).
 */
export function isWindowsPod(context: ContainerRuleContext): boolean {
  return valueAt(context.object, [...workloadPaths(context.workload).podSpec, 'os', 'name']) === 'windows';
}

export function containerLabel(container: Record<string, unknown>): string {
  return typeof container.name === 'string' ? `Container "${container.name}"` : 'This container';
}
