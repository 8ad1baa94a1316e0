import { stringify } from 'yaml';
import { containersOf, isRecord, labelsOf, valueAt, workloadKindOf, workloadPaths } from '../objects';
import type { KubernetesObject } from '../parse';

/**
 * Builders of the objects a workload needs beside it (Service, HorizontalPodAutoscaler, PodDisruptionBudget,
 * NetworkPolicy, ServiceAccount), from what the workload says about itself. They are pure: the same workload gives
 * the same object, and nothing is read but the description.
 */

/** A container port, as a workload declares it. */
export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol?: string;
}

/** What the builders need to know of a workload. */
export interface WorkloadDescription {
  apiVersion: string;
  kind: string;
  name: string;
  /** The namespace the workload's manifest names; absent when it names none (the generated objects name none either). */
  namespace?: string;
  /** The labels on its pods. */
  podLabels: Record<string, string>;
  /** Its own `spec.selector` (a LabelSelector) when it has one. */
  selector?: Record<string, unknown>;
  /** The ports of its containers (not of init containers), in order, without repeats. */
  ports: ContainerPort[];
  /** `spec.replicas` when it is a number. */
  replicas?: number;
}

/**
 * A description of a workload as its manifest is written, for a Kubernetes workload kind or an Argo Rollout; or
 * undefined for an object that runs no pods, or has no name to refer to it by.
 */
export function describeWorkload(object: KubernetesObject): WorkloadDescription | undefined {
  const name = valueAt(object, ['metadata', 'name']);
  if (typeof name !== 'string' || name === '') return undefined;
  const kind = workloadKindOf(object);
  const rollout = kind === undefined && object.kind === 'Rollout' && object.apiVersion.startsWith('argoproj.io/');
  if (kind === undefined && !rollout) return undefined;
  const podLabels = labelsOf(valueAt(object, kind ? workloadPaths(kind).podLabels : ['spec', 'template', 'metadata', 'labels']));
  const podSpec = valueAt(object, kind ? workloadPaths(kind).podSpec : ['spec', 'template', 'spec']);
  const containers = kind ? containersOf(object).filter((entry) => entry.list === 'containers').map((entry) => entry.container) : arrayOfRecords(valueAt(podSpec, ['containers']));
  const ports: ContainerPort[] = [];
  for (const container of containers) {
    for (const port of arrayOfRecords(container.ports)) {
      if (typeof port.containerPort !== 'number' || !Number.isInteger(port.containerPort)) continue;
      const entry: ContainerPort = { containerPort: port.containerPort };
      if (typeof port.name === 'string' && port.name !== '') entry.name = port.name;
      if (typeof port.protocol === 'string' && port.protocol !== 'TCP') entry.protocol = port.protocol;
      if (!ports.some((known) => known.containerPort === entry.containerPort && (known.protocol ?? 'TCP') === (entry.protocol ?? 'TCP'))) ports.push(entry);
    }
  }
  const namespace = valueAt(object, ['metadata', 'namespace']);
  const selector = valueAt(object, ['spec', 'selector']);
  const replicas = valueAt(object, ['spec', 'replicas']);
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name,
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
    podLabels,
    selector: isRecord(selector) && kind !== 'Pod' ? selector : undefined,
    ports,
    replicas: typeof replicas === 'number' ? replicas : undefined,
  };
}

function arrayOfRecords(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The HPA's CPU target: scaling out at 70% keeps pods below the guide's 80% CPU alert while new ones start. */
export const HPA_CPU_UTILIZATION = 70;
/** The HPA's floor: one replica is a single point of failure, whatever the load. */
export const HPA_MIN_REPLICAS = 2;
/** The HPA's ceiling unless the workload already runs more; a bound the team should set from its capacity. */
export const HPA_MAX_REPLICAS = 10;

/**
 * A ClusterIP Service in front of the workload's container ports, or undefined when it has no ports or no pod
 * labels to select by. It selects by the workload's own `matchLabels` when they are plain labels of its pods (so
 * that a `version` label on the pods does not tie the Service to one release), otherwise by all pod labels.
 */
export function buildService(workload: WorkloadDescription, name = workload.name): KubernetesObject | undefined {
  const selector = serviceSelector(workload);
  if (selector === undefined || workload.ports.length === 0) return undefined;
  const ports = workload.ports.map((port) => {
    const entry: Record<string, unknown> = { name: port.name ?? portName(port), port: port.containerPort, targetPort: port.name ?? port.containerPort };
    if (port.protocol !== undefined) entry.protocol = port.protocol;
    return entry;
  });
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(workload, name), spec: { selector, ports } };
}

function serviceSelector(workload: WorkloadDescription): Record<string, string> | undefined {
  const matchLabels = workload.selector && labelsOf(workload.selector.matchLabels);
  const own = matchLabels && Object.keys(matchLabels).length > 0 && Object.entries(matchLabels).every(([key, value]) => workload.podLabels[key] === value) ? matchLabels : undefined;
  const selector = own ?? workload.podLabels;
  return Object.keys(selector).length > 0 ? { ...selector } : undefined;
}

function portName(port: ContainerPort): string {
  return `${(port.protocol ?? 'TCP').toLowerCase()}-${port.containerPort}`;
}

/** An autoscaling/v2 HPA on CPU utilization, from two replicas to at least ten (more when the workload runs more). */
export function buildHorizontalPodAutoscaler(workload: WorkloadDescription, name = workload.name): KubernetesObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(workload, name),
    spec: {
      scaleTargetRef: { apiVersion: workload.apiVersion, kind: workload.kind, name: workload.name },
      minReplicas: HPA_MIN_REPLICAS,
      maxReplicas: Math.max(HPA_MAX_REPLICAS, workload.replicas ?? 0),
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: HPA_CPU_UTILIZATION } } }],
    },
  };
}

/**
 * A policy/v1 PDB that lets one pod at a time be evicted. `maxUnavailable: 1` never blocks a drain, whatever the
 * replicas (a `minAvailable` equal to the replicas would, and one below it breaks when an HPA scales down), and
 * `unhealthyPodEvictionPolicy: AlwaysAllow` lets pods that never became ready be evicted too. It selects with the
 * workload's own selector; undefined when there is neither a selector nor pod labels.
 */
export function buildPodDisruptionBudget(workload: WorkloadDescription, name = workload.name): KubernetesObject | undefined {
  const selector = podSelector(workload);
  if (selector === undefined) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(workload, name),
    spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow', selector },
  };
}

function podSelector(workload: WorkloadDescription): Record<string, unknown> | undefined {
  if (workload.selector && (isRecord(workload.selector.matchLabels) || Array.isArray(workload.selector.matchExpressions))) return structuredClone(workload.selector);
  return Object.keys(workload.podLabels).length > 0 ? { matchLabels: { ...workload.podLabels } } : undefined;
}

/** What the generated NetworkPolicy allows, written above it so that nobody applies it unread. */
export const NETWORK_POLICY_COMMENT = [
  'Allows ingress to the container ports only, and only from pods in the same namespace; all other ingress is denied.',
  'Add rules for an ingress controller, monitoring or other namespaces that must reach these pods.',
];

/**
 * A NetworkPolicy that isolates the workload's pods for ingress and then allows traffic to its container ports from
 * pods of its own namespace; with no ports, it denies all ingress. Egress is left open. Undefined when there is
 * nothing to select the pods by.
 */
export function buildNetworkPolicy(workload: WorkloadDescription, name = workload.name): KubernetesObject | undefined {
  const selector = podSelector(workload);
  if (selector === undefined) return undefined;
  const ingress =
    workload.ports.length === 0
      ? []
      : [{ from: [{ podSelector: {} }], ports: workload.ports.map((port) => ({ protocol: port.protocol ?? 'TCP', port: port.containerPort })) }];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(workload, name),
    spec: { podSelector: selector, policyTypes: ['Ingress'], ingress },
  };
}

/** A ServiceAccount that mounts no API token into pods unless a pod asks for one. */
export function buildServiceAccount(name: string, namespace?: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: namespace === undefined ? { name } : { name, namespace },
    automountServiceAccountToken: false,
  };
}

function metadata(workload: WorkloadDescription, name: string): Record<string, unknown> {
  return workload.namespace === undefined ? { name } : { name, namespace: workload.namespace };
}

/**
 * An object as YAML text with the given line break: two-space indentation, no line folding, every line ended by
 * `eol`, and the comment lines, if any, above it.
 */
export function toYaml(object: KubernetesObject, eol: string, comment: readonly string[] = []): string {
  const text = comment.map((line) => `# ${line}\n`).join('') + stringify(object, { indent: 2, lineWidth: 0 });
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}
