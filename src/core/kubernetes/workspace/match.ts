import { apiGroupOf, isRecord, valueAt, workloadKindOf } from '../objects';
import type { JsonPath, KubernetesObject } from '../parse';
import { isLongRunning } from '../rule';
import { nameOf, namespaceOf, objectKey, workloadsOf, type Workload } from './select';
import type { IndexedObject, WorkspaceRuleContext } from './rule';

/** Whether a workload's pods keep running: not a Job, a CronJob, or a Pod that is allowed to finish. */
export function isLongRunningWorkload(workload: Workload): boolean {
  const kind = workloadKindOf(workload.indexed.object);
  // An Argo Rollout has no workload kind of its own; it runs pods as a Deployment does.
  return kind === undefined || isLongRunning(kind, workload.indexed.object);
}

/** The path of a workload's pod metadata (where pod labels and annotations go), beside its pod spec. */
export function podMetadataPath(workload: Workload): JsonPath {
  return [...workload.podSpecPath.slice(0, -1), 'metadata'];
}

/**
 * The containers of a workload that serve: its containers, and the native sidecars (init containers with
 * `restartPolicy: Always`, which keep running beside them, such as an auth proxy in front of the model). An init
 * container that runs to completion serves nothing.
 */
export function servingContainers(workload: Workload): Array<Record<string, unknown>> {
  const containers = Array.isArray(workload.podSpec.containers) ? workload.podSpec.containers.filter(isRecord) : [];
  const init = Array.isArray(workload.podSpec.initContainers) ? workload.podSpec.initContainers.filter(isRecord) : [];
  return [...containers, ...init.filter((container) => container.restartPolicy === 'Always')];
}

/** A port a container declares: its number and, when it has one, its name. */
export interface DeclaredPort {
  containerPort: number;
  name?: string;
}

/** Ports by workload: a workload lives as long as its file's text, and several rules read its ports on every run. */
const portsOf = new WeakMap<Workload, readonly DeclaredPort[]>();

export function declaredPorts(workload: Workload): readonly DeclaredPort[] {
  let ports = portsOf.get(workload);
  if (ports === undefined) {
    ports = readPorts(workload);
    portsOf.set(workload, ports);
  }
  return ports;
}

function readPorts(workload: Workload): DeclaredPort[] {
  return servingContainers(workload).flatMap((container) => {
    const ports = container.ports;
    if (!Array.isArray(ports)) return [];
    return ports.flatMap((port: unknown) => {
      if (!isRecord(port) || typeof port.containerPort !== 'number') return [];
      return [typeof port.name === 'string' && port.name !== '' ? { containerPort: port.containerPort, name: port.name } : { containerPort: port.containerPort }];
    });
  });
}

/**
 * A workload that serves: its pods keep running and one of its containers declares a port. A worker that only
 * reads a queue, or a Job that trains, is not one.
 */
export function isServing(workload: Workload): boolean {
  let serving = servingByWorkload.get(workload);
  if (serving === undefined) {
    serving = readServing(workload);
    servingByWorkload.set(workload, serving);
  }
  return serving;
}

const servingByWorkload = new WeakMap<Workload, boolean>();

function readServing(workload: Workload): boolean {
  return (
    isLongRunningWorkload(workload) &&
    servingContainers(workload).some((container) => Array.isArray(container.ports) && container.ports.some((port: unknown) => isRecord(port) && typeof port.containerPort === 'number'))
  );
}

/** The serving workloads of each run of the rules (several rules ask), in the objects' order. */
const servingLists = new WeakMap<readonly IndexedObject[], Workload[]>();

export function servingWorkloads(context: WorkspaceRuleContext): readonly Workload[] {
  let serving = servingLists.get(context.objects);
  if (serving === undefined) {
    serving = workloadsOf(context).filter(isServing);
    servingLists.set(context.objects, serving);
  }
  return serving;
}

/** `Deployment "model"`, as messages name an object. */
export function describe(object: KubernetesObject): string {
  return `${object.kind} "${nameOf(object) ?? '(unnamed)'}"`;
}

/**
 * What an autoscaler's `scaleTargetRef` names. An HPA's `apiVersion` is optional; a KEDA ScaledObject's `kind`
 * defaults to Deployment and its `apiVersion` to `apps/v1`.
 */
export interface ScaleTarget {
  kind: string;
  name: string;
  /** The API group, when the reference gives one. */
  group?: string;
}

export function isHorizontalPodAutoscaler(object: KubernetesObject): boolean {
  return object.kind === 'HorizontalPodAutoscaler' && apiGroupOf(object.apiVersion) === 'autoscaling';
}

export function isKedaScaledObject(object: KubernetesObject): boolean {
  return object.kind === 'ScaledObject' && apiGroupOf(object.apiVersion) === 'keda.sh';
}

/** Scale targets by autoscaler: an object lives as long as its file's text, and several rules read its target on every run. */
const scaleTargets = new WeakMap<KubernetesObject, ScaleTarget | null>();

export function scaleTargetOf(object: KubernetesObject): Readonly<ScaleTarget> | undefined {
  let target = scaleTargets.get(object);
  if (target === undefined) {
    target = readScaleTarget(object) ?? null;
    scaleTargets.set(object, target);
  }
  return target ?? undefined;
}

function readScaleTarget(object: KubernetesObject): ScaleTarget | undefined {
  const keda = isKedaScaledObject(object);
  if (!keda && !isHorizontalPodAutoscaler(object)) return undefined;
  const reference = valueAt(object, ['spec', 'scaleTargetRef']);
  if (!isRecord(reference) || typeof reference.name !== 'string' || reference.name === '') return undefined;
  const kind = reference.kind ?? (keda ? 'Deployment' : undefined);
  if (typeof kind !== 'string' || kind === '') return undefined;
  const apiVersion = reference.apiVersion ?? (keda ? 'apps/v1' : undefined);
  return { kind, name: reference.name, group: typeof apiVersion === 'string' ? apiGroupOf(apiVersion) : undefined };
}

/** Whether an object is the one a scale target names, in the autoscaler's namespace. */
export function isScaleTarget(target: ScaleTarget, autoscaler: KubernetesObject, object: KubernetesObject): boolean {
  return (
    object.kind === target.kind &&
    nameOf(object) === target.name &&
    (target.group === undefined || apiGroupOf(object.apiVersion) === target.group) &&
    namespaceOf(autoscaler) === namespaceOf(object)
  );
}

/**
 * The workspace's HPAs and KEDA ScaledObjects by the object they name (namespace, kind and name), built once per
 * run of the rules, as select.ts indexes workloads: a PDB or a workload then finds its autoscalers without reading
 * every autoscaler of the workspace.
 */
const autoscalerIndexes = new WeakMap<readonly IndexedObject[], Map<string, IndexedObject[]>>();

function autoscalerIndex(context: WorkspaceRuleContext): Map<string, IndexedObject[]> {
  const cached = autoscalerIndexes.get(context.objects);
  if (cached) return cached;
  const index = new Map<string, IndexedObject[]>();
  for (const autoscaler of context.ofKind('HorizontalPodAutoscaler', 'ScaledObject')) {
    const target = scaleTargetOf(autoscaler.object);
    if (target === undefined) continue;
    pushTo(index, objectKey(namespaceOf(autoscaler.object), target.kind, target.name), autoscaler);
  }
  autoscalerIndexes.set(context.objects, index);
  return index;
}

/** The HPAs and KEDA ScaledObjects of the workspace that scale this object. */
export function autoscalersOf(context: WorkspaceRuleContext, object: KubernetesObject): IndexedObject[] {
  const name = nameOf(object);
  if (name === undefined) return [];
  const candidates = autoscalerIndex(context).get(objectKey(namespaceOf(object), object.kind, name)) ?? [];
  return candidates.filter((candidate) => {
    const target = scaleTargetOf(candidate.object);
    return target !== undefined && isScaleTarget(target, candidate.object, object);
  });
}

/**
 * The fewest replicas an autoscaler keeps: an HPA's `minReplicas` (1 when absent), a ScaledObject's
 * `minReplicaCount` (0 when absent). Undefined when the value is not a number.
 */
export function autoscalerMinimum(autoscaler: KubernetesObject): number | undefined {
  const keda = isKedaScaledObject(autoscaler);
  const value = valueAt(autoscaler, ['spec', keda ? 'minReplicaCount' : 'minReplicas']) ?? (keda ? 0 : 1);
  return typeof value === 'number' ? value : undefined;
}

/** Adds a value to the list a map keeps under a key. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
