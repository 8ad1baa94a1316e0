import { isRecord, valueAt, workloadKindOf } from '../objects';
import type { KubernetesObject } from '../parse';
import { perObject } from '../rule';

/**
 * Whether a Deployment serves traffic: one of its containers declares a port or has a readinessProbe. A queue
 * worker has neither, and may well be replaced all at once.
 */
function serves(object: KubernetesObject): boolean {
  const containers = valueAt(object, ['spec', 'template', 'spec', 'containers']);
  if (!Array.isArray(containers)) return false;
  return containers.some((container) => isRecord(container) && ((Array.isArray(container.ports) && container.ports.length > 0) || isRecord(container.readinessProbe)));
}

/**
 * How many pods a rolling update may take down at once, as the Deployment controller computes it (a percentage of
 * the replicas, rounded down), or undefined when it cannot be known here.
 */
function resolvedMaxUnavailable(value: unknown, replicas: number): number | undefined {
  if (typeof value === 'number') return value;
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return percent ? Math.floor((Number(percent[1]) * replicas) / 100) : undefined;
}

export const MLO213 = perObject(
  {
    id: 'MLO213',
    defaultSeverity: 'warning',
    title: "A serving Deployment's rollout keeps some pods serving: no Recreate strategy, and maxUnavailable below the replicas.",
    guide: 'CI/CD Pipeline Stages: Canary deployment (10%), Full rollout',
  },
  (context) => {
    const { object } = context;
    if (workloadKindOf(object) !== 'Deployment' || !serves(object)) return;
    const replicas = valueAt(object, ['spec', 'replicas']);
    // Scaled to zero, there is no capacity to lose.
    if (replicas === 0) return;
    const strategy = valueAt(object, ['spec', 'strategy']);
    if (isRecord(strategy) && strategy.type === 'Recreate') {
      context.report({
        path: ['spec', 'strategy', 'type'],
        target: 'value',
        message: 'The Recreate strategy stops every old pod before a new one starts: each rollout (and each rollback) is an outage that lasts as long as the model takes to load. Use RollingUpdate; where GPUs are too scarce to start an extra pod, run two or more replicas with maxSurge: 0 and maxUnavailable: 1.',
      });
      return;
    }
    const maxUnavailable = valueAt(strategy, ['rollingUpdate', 'maxUnavailable']);
    if (maxUnavailable === undefined || maxUnavailable === null) return;
    // Without spec.replicas an HPA may own the count (MLO308 asks for that): only a percentage of 100 or more is
    // known to take every replica, whatever the count.
    const count = typeof replicas === 'number' ? replicas : undefined;
    const unavailable = resolvedMaxUnavailable(maxUnavailable, count ?? 1);
    if (unavailable === undefined || unavailable < (count ?? 1) || (count === undefined && typeof maxUnavailable === 'number')) return;
    context.report({
      path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
      target: 'value',
      message: `maxUnavailable ${String(maxUnavailable)} lets a rollout take down ${count === undefined ? 'every replica' : count === 1 ? 'its one replica' : `all ${count} replicas`} at once: the model is unavailable until the new pods are ready. Keep it below the replica count (the default, 25%, does).`,
    });
  },
);
