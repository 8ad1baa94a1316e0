import { apiGroupOf, valueAt, workloadKindOf } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { autoscalerMinimum, autoscalersOf, describe, isLongRunningWorkload } from '../match';
import { workspaceRule, type IndexedObject, type WorkspaceRuleContext } from '../rule';
import { nameOf, namespaceOf, selectedByLabelSelector } from '../select';

export const MLO309 = workspaceRule(
  {
    id: 'MLO309',
    defaultSeverity: 'warning',
    title: 'A PodDisruptionBudget lets at least one pod be evicted.',
    guide: 'Kubernetes Checklist: PodDisruptionBudget set',
  },
  (context) => {
    for (const pdb of context.ofKind('PodDisruptionBudget')) {
      if (apiGroupOf(pdb.object.apiVersion) !== 'policy') continue;
      const label = `PodDisruptionBudget "${nameOf(pdb.object) ?? '(unnamed)'}"`;
      const maxUnavailable = valueAt(pdb.object, ['spec', 'maxUnavailable']);
      if (maxUnavailable === 0 || (typeof maxUnavailable === 'string' && /^0+%$/.test(maxUnavailable))) {
        context.report(pdb, {
          path: ['spec', 'maxUnavailable'],
          message: `${label} allows no pod to be unavailable: every node drain and cluster upgrade waits on it forever. Allow at least one (maxUnavailable: 1).`,
        });
        continue;
      }
      const minAvailable = valueAt(pdb.object, ['spec', 'minAvailable']);
      const match = typeof minAvailable === 'string' ? /^(\d+)%$/.exec(minAvailable) : null;
      const percent = match ? Number(match[1]) : undefined;
      if (percent !== undefined && percent >= 100) {
        context.report(pdb, {
          path: ['spec', 'minAvailable'],
          message: `${label} requires all of its pods to stay available (minAvailable: ${minAvailable}): every node drain and cluster upgrade waits on it forever. Use maxUnavailable: 1, or a lower minAvailable.`,
        });
        continue;
      }
      if (typeof minAvailable !== 'number' && percent === undefined) continue;
      const pods = selectedPods(context, pdb);
      if (pods === undefined || pods.total === 0) continue;
      // The disruption controller rounds a percentage up, so "50%" of one pod is one pod.
      const required = typeof minAvailable === 'number' ? minAvailable : Math.ceil(((percent ?? 100) * pods.total) / 100);
      if (required < pods.total) continue;
      context.report(pdb, {
        path: ['spec', 'minAvailable'],
        message: `${label} requires ${required} available pod${required === 1 ? '' : 's'}, but ${pods.description} only ${pods.total}: no pod can ever be evicted, so node drains and cluster upgrades hang. Lower minAvailable below ${pods.total}, or use maxUnavailable: 1.`,
      });
    }
  },
);

/**
 * How many pods the PDB's selector covers at the least: each selected workload's replicas, or the minimum of the
 * autoscaler that scales it (the count at which a drain would be blocked). Undefined when a selected workload's
 * count cannot be known (a DaemonSet runs one pod per node; a replicas value that is no number). The description
 * names the workloads, with its verb: `Deployment "a" runs`, `Deployment "a" and Deployment "b" run`.
 */
function selectedPods(context: WorkspaceRuleContext, pdb: IndexedObject): { total: number; description: string } | undefined {
  const selected = selectedByLabelSelector(context, namespaceOf(pdb.object), valueAt(pdb.object, ['spec', 'selector'])).filter(isLongRunningWorkload);
  let total = 0;
  for (const workload of selected) {
    const count = replicasOf(context, workload.indexed.object);
    if (count === undefined) return undefined;
    total += count;
  }
  return { total, description: `${selected.map((workload) => describe(workload.indexed.object)).join(' and ')} ${selected.length === 1 ? 'runs' : 'run'}` };
}

function replicasOf(context: WorkspaceRuleContext, object: KubernetesObject): number | undefined {
  const kind = workloadKindOf(object);
  if (kind === 'Pod') return 1;
  if (kind === 'DaemonSet') return undefined;
  const autoscalers = autoscalersOf(context, object);
  if (autoscalers.length > 0) {
    const minimum = autoscalerMinimum(autoscalers[0].object);
    // A ScaledObject may scale to zero; while it runs any pod at all, it runs at least one.
    return minimum === undefined ? undefined : Math.max(minimum, 1);
  }
  const replicas = valueAt(object, ['spec', 'replicas']) ?? 1;
  return typeof replicas === 'number' ? replicas : undefined;
}
