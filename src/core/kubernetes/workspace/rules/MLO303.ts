import { apiGroupOf, valueAt } from '../../objects';
import { buildPodDisruptionBudget } from '../generate';
import { workspaceRule } from '../rule';
import { scaffold } from '../scaffold';
import { namespaceOf, selectedByLabelSelector, workloadsOf, type Workload } from '../select';

export const MLO303 = workspaceRule(
  {
    id: 'MLO303',
    defaultSeverity: 'warning',
    title: 'A Deployment or StatefulSet has a PodDisruptionBudget selecting its pods.',
    guide: 'Kubernetes Checklist: PodDisruptionBudget set',
  },
  (context) => {
    const covered = new Set<Workload>();
    for (const pdb of context.ofKind('PodDisruptionBudget')) {
      if (apiGroupOf(pdb.object.apiVersion) !== 'policy') continue;
      for (const workload of selectedByLabelSelector(context, namespaceOf(pdb.object), valueAt(pdb.object, ['spec', 'selector']))) covered.add(workload);
    }
    for (const workload of workloadsOf(context)) {
      const { kind } = workload;
      if (covered.has(workload) || (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'Rollout')) continue;
      const who = `${kind} "${workload.name ?? '(unnamed)'}"`;
      context.report(workload.indexed, {
        path: ['kind'],
        target: 'value',
        message: `No PodDisruptionBudget in namespace "${workload.namespace}" selects the pods of ${who}: a node drain or cluster upgrade may evict all of them at once. Add a PodDisruptionBudget.`,
        suggestions: scaffold(context, workload, 'PodDisruptionBudget', 'pdb', buildPodDisruptionBudget, `a PodDisruptionBudget for ${who}`),
      });
    }
  },
);
