import { apiGroupOf, valueAt } from '../../objects';
import { isHorizontalPodAutoscaler, scaleTargetOf, type ScaleTarget } from '../match';
import { findObjects, findWorkload, nameOf, namespaceOf } from '../select';
import { workspaceRule, type IndexedObject, type WorkspaceRuleContext } from '../rule';

export const MLO307 = workspaceRule(
  {
    id: 'MLO307',
    defaultSeverity: 'warning',
    title: 'An HPA targets a workload of the workspace, keeps at least 2 replicas, and can scale.',
    guide: 'Kubernetes Checklist: HPA configured',
  },
  (context) => {
    for (const hpa of context.ofKind('HorizontalPodAutoscaler')) {
      if (!isHorizontalPodAutoscaler(hpa.object)) continue;
      const label = `HPA "${nameOf(hpa.object) ?? '(unnamed)'}"`;
      const target = scaleTargetOf(hpa.object);
      if (target !== undefined && !isDefined(context, namespaceOf(hpa.object), target)) {
        context.report(hpa, {
          path: ['spec', 'scaleTargetRef', 'name'],
          target: 'value',
          message: `${label} targets ${target.kind} "${target.name}" in namespace "${namespaceOf(hpa.object)}", which no manifest of the workspace defines: it scales nothing. Fix the name, kind or apiVersion, or add the ${target.kind}.`,
        });
      }
      // An absent minReplicas means 1; a value that is no number is the schema rule's finding.
      const minimum = valueAt(hpa.object, ['spec', 'minReplicas']) ?? 1;
      const maximum = valueAt(hpa.object, ['spec', 'maxReplicas']);
      if (typeof minimum === 'number' && minimum < 2) {
        const written = valueAt(hpa.object, ['spec', 'minReplicas']) !== undefined;
        context.report(hpa, {
          path: ['spec', 'minReplicas'],
          message: `${label} keeps ${minimum === 0 ? 'no replica' : 'a single replica'} at low load${written ? '' : ' (minReplicas defaults to 1)'}: one node drain or crash then takes the model offline. Set minReplicas to 2 or more.`,
        });
      }
      if (typeof minimum === 'number' && minimum === maximum) {
        context.report(hpa, {
          path: ['spec', 'maxReplicas'],
          message: `${label} has minReplicas equal to maxReplicas (${minimum}): it can never scale. Raise maxReplicas, or drop the HPA and set the Deployment's replicas.`,
        });
      }
    }
  },
);

/**
 * Whether the workspace defines the object a scale target names; a kind can exist in several API groups (Volcano's
 * Job and the batch Job), so the group must match too. Most targets are workloads, found in the workload index the
 * rules share; only the others need the index of every object by name.
 */
function isDefined(context: WorkspaceRuleContext, namespace: string, target: Readonly<ScaleTarget>): boolean {
  const inGroup = ({ object }: IndexedObject): boolean => target.group === undefined || apiGroupOf(object.apiVersion) === target.group;
  const workload = findWorkload(context, namespace, target.kind, target.name);
  return (workload !== undefined && inGroup(workload.indexed)) || findObjects(context, namespace, target.kind, target.name).some(inGroup);
}
