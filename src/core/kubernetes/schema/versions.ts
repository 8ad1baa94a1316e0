import { apiGroupOf } from '../objects';

/**
 * Which built-in API versions and kinds each Kubernetes minor version serves, from 1.16 to 1.33: what MLO215 knows
 * of the configured version. The shape of objects is checked against one schema, Kubernetes 1.33's (with the
 * schemas of the removed API versions that kubernetes-models keeps); this table adds what changes from version to
 * version at the level of apiVersion and kind. Sources: the API reference of each release and the deprecation guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide).
 */

/** The oldest version the table below describes; older releases are judged as 1.16. */
export const OLDEST_KNOWN_MINOR = 16;
/** The version of the bundled schemas, the newest the table describes. */
export const NEWEST_KNOWN_MINOR = 33;
/** The version checked when none is configured. */
export const DEFAULT_KUBERNETES_VERSION = `1.${NEWEST_KNOWN_MINOR}`;

export interface BuiltInKind {
  apiVersion: string;
  kind: string;
  /** The first minor version that serves it by default; absent when it was served before 1.16. */
  since?: number;
  /** The first minor version that no longer serves it. */
  removedIn?: number;
  /**
   * An alpha or beta API that a cluster serves only when an administrator turns it on. It exists, so it is no
   * unknown kind, but its versions are not checked and no schema of it is bundled.
   */
  optIn?: boolean;
  /** Read by kubectl or other clients, never served by the API server: a `List` of objects, a kubeconfig file. */
  clientSide?: boolean;
}

type Row = [apiVersion: string, kinds: string, since?: number, removedIn?: number];

/** Rows of one apiVersion and the kinds that share their history; `since` and `removedIn` are minor versions. */
const SERVED: readonly Row[] = [
  ['v1', 'Binding ComponentStatus ConfigMap Endpoints Event LimitRange Namespace Node PersistentVolume PersistentVolumeClaim Pod PodTemplate ReplicationController ResourceQuota Secret Service ServiceAccount'],
  ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', 16],
  ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding', 30],
  ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', undefined, 22],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 16],
  ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', undefined, 22],
  ['apiregistration.k8s.io/v1', 'APIService'],
  ['apiregistration.k8s.io/v1beta1', 'APIService', undefined, 22],
  ['apps/v1', 'ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet'],
  ['apps/v1beta1', 'ControllerRevision Deployment DeploymentRollback Scale StatefulSet', undefined, 16],
  ['apps/v1beta2', 'ControllerRevision DaemonSet Deployment ReplicaSet Scale StatefulSet', undefined, 16],
  ['authentication.k8s.io/v1', 'TokenRequest TokenReview'],
  ['authentication.k8s.io/v1', 'SelfSubjectReview', 28],
  ['authentication.k8s.io/v1beta1', 'TokenReview', undefined, 22],
  ['authorization.k8s.io/v1', 'LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview'],
  ['authorization.k8s.io/v1beta1', 'LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview', undefined, 22],
  ['autoscaling/v1', 'HorizontalPodAutoscaler Scale'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 23],
  ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', undefined, 25],
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', undefined, 26],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob', 21],
  ['batch/v1beta1', 'CronJob', undefined, 25],
  ['certificates.k8s.io/v1', 'CertificateSigningRequest', 19],
  ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', undefined, 22],
  ['coordination.k8s.io/v1', 'Lease'],
  ['coordination.k8s.io/v1beta1', 'Lease', undefined, 22],
  ['discovery.k8s.io/v1', 'EndpointSlice', 21],
  ['discovery.k8s.io/v1beta1', 'EndpointSlice', 17, 25],
  ['events.k8s.io/v1', 'Event', 19],
  ['events.k8s.io/v1beta1', 'Event', undefined, 25],
  ['extensions/v1beta1', 'DaemonSet Deployment DeploymentRollback NetworkPolicy PodSecurityPolicy ReplicaSet Scale', undefined, 16],
  ['extensions/v1beta1', 'Ingress', undefined, 22],
  ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema PriorityLevelConfiguration', 29],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema PriorityLevelConfiguration', 20, 26],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema PriorityLevelConfiguration', 23, 29],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema PriorityLevelConfiguration', 26, 32],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['networking.k8s.io/v1', 'Ingress IngressClass', 19],
  ['networking.k8s.io/v1', 'IPAddress ServiceCIDR', 33],
  ['networking.k8s.io/v1beta1', 'Ingress', undefined, 22],
  ['networking.k8s.io/v1beta1', 'IngressClass', 18, 22],
  ['node.k8s.io/v1', 'RuntimeClass', 20],
  ['node.k8s.io/v1beta1', 'RuntimeClass', undefined, 25],
  ['policy/v1', 'PodDisruptionBudget', 21],
  ['policy/v1', 'Eviction', 22],
  ['policy/v1beta1', 'PodDisruptionBudget PodSecurityPolicy', undefined, 25],
  ['policy/v1beta1', 'Eviction'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole ClusterRoleBinding Role RoleBinding'],
  ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole ClusterRoleBinding Role RoleBinding', undefined, 22],
  ['scheduling.k8s.io/v1', 'PriorityClass'],
  ['scheduling.k8s.io/v1beta1', 'PriorityClass', undefined, 22],
  ['storage.k8s.io/v1', 'StorageClass VolumeAttachment'],
  ['storage.k8s.io/v1', 'CSINode', 17],
  ['storage.k8s.io/v1', 'CSIDriver', 18],
  ['storage.k8s.io/v1', 'CSIStorageCapacity', 24],
  ['storage.k8s.io/v1beta1', 'CSIDriver CSINode StorageClass VolumeAttachment', undefined, 22],
  ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', 21, 27],
];

/** Alpha and beta APIs that are off unless a cluster turns them on (see BuiltInKind.optIn). */
const OPT_IN: readonly Row[] = [
  ['admissionregistration.k8s.io/v1alpha1', 'MutatingAdmissionPolicy MutatingAdmissionPolicyBinding ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding'],
  ['admissionregistration.k8s.io/v1beta1', 'MutatingAdmissionPolicy MutatingAdmissionPolicyBinding ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding'],
  ['authentication.k8s.io/v1alpha1', 'SelfSubjectReview'],
  ['authentication.k8s.io/v1beta1', 'SelfSubjectReview'],
  ['batch/v2alpha1', 'CronJob'],
  ['certificates.k8s.io/v1alpha1', 'ClusterTrustBundle'],
  ['certificates.k8s.io/v1beta1', 'ClusterTrustBundle'],
  ['coordination.k8s.io/v1alpha1', 'LeaseCandidate'],
  ['coordination.k8s.io/v1alpha2', 'LeaseCandidate'],
  ['coordination.k8s.io/v1beta1', 'LeaseCandidate'],
  ['discovery.k8s.io/v1alpha1', 'EndpointSlice'],
  ['flowcontrol.apiserver.k8s.io/v1alpha1', 'FlowSchema PriorityLevelConfiguration'],
  ['internal.apiserver.k8s.io/v1alpha1', 'StorageVersion'],
  ['networking.k8s.io/v1alpha1', 'ClusterCIDR IPAddress ServiceCIDR'],
  ['networking.k8s.io/v1beta1', 'IPAddress ServiceCIDR'],
  ['node.k8s.io/v1alpha1', 'RuntimeClass'],
  ['rbac.authorization.k8s.io/v1alpha1', 'ClusterRole ClusterRoleBinding Role RoleBinding'],
  ['resource.k8s.io/v1alpha2', 'PodSchedulingContext ResourceClaim ResourceClaimParameters ResourceClaimTemplate ResourceClass ResourceClassParameters ResourceSlice'],
  ['resource.k8s.io/v1alpha3', 'DeviceClass DeviceTaintRule PodSchedulingContext ResourceClaim ResourceClaimTemplate ResourceSlice'],
  ['resource.k8s.io/v1beta1', 'DeviceClass ResourceClaim ResourceClaimTemplate ResourceSlice'],
  ['resource.k8s.io/v1beta2', 'DeviceClass ResourceClaim ResourceClaimTemplate ResourceSlice'],
  ['scheduling.k8s.io/v1alpha1', 'PriorityClass'],
  ['settings.k8s.io/v1alpha1', 'PodPreset'],
  ['storage.k8s.io/v1alpha1', 'CSIStorageCapacity VolumeAttachment VolumeAttributesClass'],
  ['storage.k8s.io/v1beta1', 'VolumeAttributesClass'],
  ['storagemigration.k8s.io/v1alpha1', 'StorageVersionMigration'],
];

const CLIENT_SIDE: readonly Row[] = [['v1', 'Config List']];

function expand(rows: readonly Row[], flag?: 'optIn' | 'clientSide'): BuiltInKind[] {
  return rows.flatMap(([apiVersion, kinds, since, removedIn]) =>
    kinds.split(' ').map((kind) => {
      const entry: BuiltInKind = { apiVersion, kind };
      if (since !== undefined) entry.since = since;
      if (removedIn !== undefined) entry.removedIn = removedIn;
      if (flag) entry[flag] = true;
      return entry;
    }),
  );
}

export const BUILT_IN_KINDS: readonly BuiltInKind[] = [...expand(SERVED), ...expand(OPT_IN, 'optIn'), ...expand(CLIENT_SIDE, 'clientSide')];

const byKey = new Map(BUILT_IN_KINDS.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry]));

/** The API groups Kubernetes itself serves; an object of any other group is a custom resource. */
export const BUILT_IN_GROUPS: ReadonlySet<string> = new Set(BUILT_IN_KINDS.map((entry) => apiGroupOf(entry.apiVersion)));

export function builtInKind(apiVersion: string, kind: string): BuiltInKind | undefined {
  return byKey.get(`${apiVersion} ${kind}`);
}

/**
 * Every entry of a kind that the API server serves, in any API version: what a wrong apiVersion is compared with.
 * Client-side kinds are left out: other tools name their files `Config` and `List` too.
 */
export function builtInVersionsOf(kind: string): BuiltInKind[] {
  return BUILT_IN_KINDS.filter((entry) => entry.kind === kind && !entry.clientSide);
}

/**
 * The minor version of a configured Kubernetes version: `1.28`, `v1.28.3` and `1.28.0-eks` all give 28. Undefined
 * when the text is no 1.x version.
 */
export function minorOf(version: string): number | undefined {
  const match = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

/** Whether a kind is served by default in a minor version (opt-in APIs count as served: their use is deliberate). */
export function isServedIn(entry: BuiltInKind, minor: number): boolean {
  if (entry.optIn || entry.clientSide) return true;
  return (entry.since === undefined || minor >= entry.since) && (entry.removedIn === undefined || minor < entry.removedIn);
}

/** The API versions that serve a kind by default in a minor version, newest group first, for messages. */
export function servingVersionsOf(kind: string, minor: number): string[] {
  return builtInVersionsOf(kind)
    .filter((entry) => !entry.optIn && !entry.clientSide && isServedIn(entry, minor))
    .map((entry) => entry.apiVersion);
}
