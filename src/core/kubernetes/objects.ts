import type { JsonPath, KubernetesObject } from './parse';

/** The kinds whose objects run pods, and so carry a pod spec that the container rules read. */
export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Where a workload kind keeps its pods' spec and labels, and the selector that must match those labels. */
export interface WorkloadPaths {
  podSpec: JsonPath;
  podLabels: JsonPath;
  /** Absent for a Pod, which selects nothing, and for a CronJob, whose Jobs get their selectors generated. */
  selector?: JsonPath;
}

const TEMPLATE: WorkloadPaths = {
  podSpec: ['spec', 'template', 'spec'],
  podLabels: ['spec', 'template', 'metadata', 'labels'],
  selector: ['spec', 'selector'],
};

const WORKLOAD_PATHS: Readonly<Record<WorkloadKind, WorkloadPaths>> = {
  Pod: { podSpec: ['spec'], podLabels: ['metadata', 'labels'] },
  Deployment: TEMPLATE,
  StatefulSet: TEMPLATE,
  DaemonSet: TEMPLATE,
  ReplicaSet: TEMPLATE,
  Job: TEMPLATE,
  CronJob: {
    podSpec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    podLabels: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  },
};

/**
 * The API groups that define each workload kind. Custom resources reuse these names with other shapes (Volcano's
 * `batch.volcano.sh` Job keeps its pods under `spec.tasks`), so the kind alone does not make a workload.
 * `extensions` still appears in old manifests; MLO214 reports it, and its objects have the same shape.
 */
const WORKLOAD_GROUPS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Pod: [''],
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
};

/** The group of an apiVersion: `apps` for `apps/v1`, the empty string for the core group's `v1`. */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The workload kind of an object, or undefined when it runs no pods of its own. */
export function workloadKindOf(object: KubernetesObject): WorkloadKind | undefined {
  const kind = WORKLOAD_KINDS.find((candidate) => candidate === object.kind);
  return kind !== undefined && WORKLOAD_GROUPS[kind].includes(apiGroupOf(object.apiVersion)) ? kind : undefined;
}

export function workloadPaths(kind: WorkloadKind): WorkloadPaths {
  return WORKLOAD_PATHS[kind];
}

/** The value at a JSON path in plain JS, or undefined when any step is missing or of the wrong type. */
export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(current) : !isRecord(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A label map's entries whose values are strings. The API server rejects any other value (`version: 1` must be
 * quoted), and MLO215 reports it; matching treats such a label as absent rather than guessing its string form.
 */
export function labelsOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The labels a workload gives its pods. */
export function podLabelsOf(object: KubernetesObject): Record<string, string> {
  const kind = workloadKindOf(object);
  return kind === undefined ? {} : labelsOf(valueAt(object, WORKLOAD_PATHS[kind].podLabels));
}

export type ContainerList = 'containers' | 'initContainers';

export interface ContainerEntry {
  list: ContainerList;
  /** The index in its list, counting entries that are not mappings, so that `path` matches the text. */
  index: number;
  container: Record<string, unknown>;
  /** From the object's root, e.g. `['spec', 'template', 'spec', 'containers', 0]`. */
  path: JsonPath;
}

/**
 * A workload's containers and then its init containers, with their paths. Entries that are not mappings are
 * skipped (the schema rule reports them); a non-workload object has none.
 */
export function containersOf(object: KubernetesObject): ContainerEntry[] {
  const kind = workloadKindOf(object);
  if (kind === undefined) return [];
  const podSpecPath = WORKLOAD_PATHS[kind].podSpec;
  const podSpec = valueAt(object, podSpecPath);
  const entries: ContainerEntry[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    const items = valueAt(podSpec, [list]);
    if (!Array.isArray(items)) continue;
    items.forEach((container: unknown, index) => {
      if (isRecord(container)) entries.push({ list, index, container, path: [...podSpecPath, list, index] });
    });
  }
  return entries;
}

/**
 * Whether a LabelSelector (`matchLabels` and `matchExpressions`, as in a Deployment, PodDisruptionBudget or
 * NetworkPolicy) selects pods with these labels. As in the API server: every requirement must hold; an empty
 * selector `{}` selects every pod; a missing (null) selector selects none; `NotIn` and `DoesNotExist` hold for a
 * pod without the label. A selector the API server would reject (an unknown operator, `In` without values, `Exists`
 * with values) selects nothing, so that no rule counts on it.
 */
export function matchesLabelSelector(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(selector)) return false;
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels) || !matchesLabelMap(matchLabels, labels)) return false;
  }
  if (matchExpressions === undefined || matchExpressions === null) return true;
  return Array.isArray(matchExpressions) && matchExpressions.every((expression) => matchesExpression(expression, labels));
}

/**
 * Whether every label of a plain map (a Service's `spec.selector`, a LabelSelector's `matchLabels`) is on the pod.
 * An empty map matches every pod here; a Service without a selector selects none, and its caller decides that.
 */
export function matchesLabelMap(required: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(required).every(([key, value]) => typeof value === 'string' && Object.hasOwn(labels, key) && labels[key] === value);
}

function matchesExpression(expression: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(expression) || typeof expression.key !== 'string') return false;
  const { key, operator } = expression;
  const values = expression.values ?? [];
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return false;
  const present = Object.hasOwn(labels, key);
  switch (operator) {
    case 'In':
      return values.length > 0 && present && values.includes(labels[key]);
    case 'NotIn':
      return values.length > 0 && (!present || !values.includes(labels[key]));
    case 'Exists':
      return values.length === 0 && present;
    case 'DoesNotExist':
      return values.length === 0 && !present;
    default:
      return false;
  }
}
