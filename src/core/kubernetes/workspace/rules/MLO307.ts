import { apiGroupOf, valueAt } from '../../objects';
import { isHorizontalPodAutoscaler, pushTo, scaleTargetOf } from '../match';
import { nameOf, namespaceOf, objectKey } from '../select';
import { workspaceRule } from '../rule';

export const MLO307 = workspaceRule(
  {
    id: 'MLO307',
    defaultSeverity: 'warning',
    title: 'An HPA targets a workload of the workspace, keeps at least 2 replicas, and can scale.',
    guide: 'Kubernetes Checklist: HPA configured',
  },
  (context) => {
    const autoscalers = context.ofKind('HorizontalPodAutoscaler').filter(({ object }) => isHorizontalPodAutoscaler(object));
    if (autoscalers.length === 0) return;
    // Every object by namespace, kind and name, with the API groups it has under that name (a kind can exist in
    // several: Volcano's Job and the batch Job), so that each HPA finds its target without reading every object.
    const groupsByKey = new Map<string, string[]>();
    for (const { object } of context.objects) {
      const name = nameOf(object);
      if (name === undefined) continue;
      pushTo(groupsByKey, objectKey(namespaceOf(object), object.kind, name), apiGroupOf(object.apiVersion));
    }
    for (const hpa of autoscalers) {
      const label = `HPA "${nameOf(hpa.object) ?? '(unnamed)'}"`;
      const target = scaleTargetOf(hpa.object);
      const groups = target === undefined ? [] : (groupsByKey.get(objectKey(namespaceOf(hpa.object), target.kind, target.name)) ?? []);
      if (target !== undefined && !groups.some((group) => target.group === undefined || group === target.group)) {
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
