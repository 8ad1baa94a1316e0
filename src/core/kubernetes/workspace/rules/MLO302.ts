import { apiGroupOf, isRecord, valueAt } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { buildHorizontalPodAutoscaler } from '../generate';
import { workspaceRule, type IndexedObject, type WorkspaceRuleContext } from '../rule';
import { scaffold } from '../scaffold';
import { isArgoRollout, keyOf, nameOf, namespaceOf, objectKey } from '../select';

export const MLO302 = workspaceRule(
  {
    id: 'MLO302',
    defaultSeverity: 'warning',
    title: 'A Deployment or StatefulSet is scaled by a HorizontalPodAutoscaler (or a KEDA ScaledObject).',
    guide: 'Kubernetes Checklist: HPA configured',
  },
  (context) => {
    const scaled = new Set<string>();
    for (const hpa of context.ofKind('HorizontalPodAutoscaler')) {
      if (apiGroupOf(hpa.object.apiVersion) !== 'autoscaling') continue;
      const target = scaleTarget(hpa.object, undefined);
      if (target) scaled.add(objectKey(namespaceOf(hpa.object), target.kind, target.name));
    }
    // KEDA scales a Deployment unless its ScaledObject names another kind.
    for (const scaledObject of context.ofKind('ScaledObject')) {
      if (apiGroupOf(scaledObject.object.apiVersion) !== 'keda.sh') continue;
      const target = scaleTarget(scaledObject.object, 'Deployment');
      if (target) scaled.add(objectKey(namespaceOf(scaledObject.object), target.kind, target.name));
    }
    // A Rollout with a `workloadRef` runs the pods of a Deployment it scales down; the Rollout is what an HPA scales.
    const referenced = new Set<string>();
    for (const rollout of context.ofKind('Rollout')) {
      if (!isArgoRollout(rollout.object)) continue;
      const ref = valueAt(rollout.object, ['spec', 'workloadRef']);
      if (isRecord(ref) && typeof ref.name === 'string') referenced.add(objectKey(namespaceOf(rollout.object), typeof ref.kind === 'string' ? ref.kind : 'Deployment', ref.name));
    }
    for (const indexed of context.ofKind('Deployment', 'StatefulSet', 'Rollout')) {
      const { object } = indexed;
      if (object.kind === 'Rollout' ? !isArgoRollout(object) : apiGroupOf(object.apiVersion) !== 'apps') continue;
      const name = nameOf(object);
      const key = keyOf(indexed);
      if (name === undefined || key === undefined || scaled.has(key) || referenced.has(key)) continue;
      report(context, indexed, name);
    }
  },
);

function scaleTarget(object: KubernetesObject, defaultKind: string | undefined): { kind: string; name: string } | undefined {
  const ref = valueAt(object, ['spec', 'scaleTargetRef']);
  if (!isRecord(ref) || typeof ref.name !== 'string') return undefined;
  const kind = typeof ref.kind === 'string' ? ref.kind : defaultKind;
  return kind === undefined ? undefined : { kind, name: ref.name };
}

function report(context: WorkspaceRuleContext, indexed: IndexedObject, name: string): void {
  const who = `${indexed.object.kind} "${name}"`;
  const namespace = namespaceOf(indexed.object);
  context.report(indexed, {
    path: ['kind'],
    target: 'value',
    message: `No HorizontalPodAutoscaler (or KEDA ScaledObject) in namespace "${namespace}" targets ${who}: its replicas stay fixed however the load changes. Add an HPA on CPU utilization.`,
    suggestions: scaffold(context, { indexed, name, namespace }, 'HorizontalPodAutoscaler', 'hpa', buildHorizontalPodAutoscaler, `a HorizontalPodAutoscaler for ${who}`),
  });
}
