import type { Fix } from '../../../findings';
import { valueAt } from '../../objects';
import { describe, isKedaScaledObject, isScaleTarget, scaleTargetOf } from '../match';
import { findWorkload, nameOf, namespaceOf } from '../select';
import { workspaceRule, type IndexedObject } from '../rule';

export const MLO308 = workspaceRule(
  {
    id: 'MLO308',
    defaultSeverity: 'info',
    title: 'A workload scaled by an HPA does not set spec.replicas.',
    guide: 'Kubernetes Checklist: HPA configured',
  },
  (context) => {
    const reported = new Set<IndexedObject>();
    for (const autoscaler of context.ofKind('HorizontalPodAutoscaler', 'ScaledObject')) {
      const target = scaleTargetOf(autoscaler.object);
      if (target === undefined) continue;
      const workload = findWorkload(context, namespaceOf(autoscaler.object), target.kind, target.name);
      if (workload === undefined || reported.has(workload.indexed) || !isScaleTarget(target, autoscaler.object, workload.indexed.object)) continue;
      if (valueAt(workload.indexed.object, ['spec', 'replicas']) === undefined) continue;
      reported.add(workload.indexed);
      const by = `${isKedaScaledObject(autoscaler.object) ? 'KEDA ScaledObject' : 'HPA'} "${nameOf(autoscaler.object) ?? '(unnamed)'}"`;
      context.report(workload.indexed, {
        path: ['spec', 'replicas'],
        message: `${describe(workload.indexed.object)} is scaled by ${by} but also sets spec.replicas: every apply resets the scale to this number until the autoscaler corrects it again. Remove spec.replicas.`,
        suggestions: removeReplicasLine(workload.indexed),
      });
    }
  },
);

/**
 * Removing `replicas` is a suggestion, not a safe fix: the first `kubectl apply` after it deletes the field, the API
 * server defaults it to 1, and the workload scales down to one pod until the autoscaler reacts. Kubernetes' docs
 * advise removing the field from the last-applied configuration first (`kubectl apply edit-last-applied`).
 * The edit deletes the whole line, and is offered only when the line holds nothing but `replicas: <value>`.
 */
function removeReplicasLine(entry: IndexedObject): Fix[] | undefined {
  // The rule runs again on every change in the workspace; the edit depends only on the object's own text.
  if (!removals.has(entry)) removals.set(entry, readRemoval(entry));
  return removals.get(entry);
}

const removals = new WeakMap<IndexedObject, Fix[] | undefined>();

function readRemoval(entry: IndexedObject): Fix[] | undefined {
  const location = entry.document.locate(['spec', 'replicas']);
  if (!location.exact || location.keyRange === undefined) return undefined;
  const { line } = location.keyRange.start;
  if (location.valueRange.end.line !== line || !/^\s*replicas\s*:\s*[^\s#{}[\],]+\s*(#.*)?$/.test(entry.lines[line] ?? '')) return undefined;
  const end = line + 1 < entry.lines.length ? { line: line + 1, character: 0 } : { line, character: entry.lines[line].length };
  const start = line + 1 < entry.lines.length || line === 0 ? { line, character: 0 } : { line: line - 1, character: entry.lines[line - 1].length };
  return [{ title: 'Remove spec.replicas (the autoscaler sets the scale)', edits: [{ range: { start, end }, newText: '' }] }];
}
