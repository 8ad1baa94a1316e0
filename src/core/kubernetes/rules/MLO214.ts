import { isRecord, valueAt } from '../objects';
import type { KubernetesObject } from '../parse';
import { replaceScalar } from '../edits';
import { perObject } from '../rule';

interface Removal {
  /** The Kubernetes version that stopped serving the apiVersion. */
  removedIn: string;
  /** The apiVersion to use instead; none when the kind itself is gone. */
  replacement?: string;
  /**
   * Whether changing only the apiVersion keeps the object's meaning (same fields, same defaults), so that the
   * replacement is a safe fix. A function decides from the object when that depends on it.
   */
  sameSchema: boolean | ((object: KubernetesObject) => boolean);
  /** What else changes, for the message when a person has to migrate the object. */
  changes?: string;
}

/** A selector with at least one requirement; `{}` means "no pods" in some beta versions and "every pod" in v1. */
function hasSelector(object: KubernetesObject): boolean {
  const selector = valueAt(object, ['spec', 'selector']);
  return isRecord(selector) && Object.values(selector).some((part) => (Array.isArray(part) ? part.length > 0 : isRecord(part) && Object.keys(part).length > 0));
}

const APPS_V1_CHANGES = 'spec.selector is required and immutable, and the defaults of the update strategy and revision history changed';
const PSP_GONE = 'PodSecurityPolicy has no replacement kind: label the namespace for Pod Security Admission (pod-security.kubernetes.io/enforce) instead';

/** Removed apiVersions by `apiVersion kind`, or by `apiVersion *` for every kind of the group version. */
const REMOVALS: Readonly<Record<string, Removal>> = {
  'extensions/v1beta1 Deployment': { removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, changes: APPS_V1_CHANGES },
  'extensions/v1beta1 DaemonSet': { removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, changes: `${APPS_V1_CHANGES} (OnDelete to RollingUpdate)` },
  'extensions/v1beta1 ReplicaSet': { removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, changes: 'spec.selector is required and immutable' },
  'extensions/v1beta1 NetworkPolicy': { removedIn: '1.16', replacement: 'networking.k8s.io/v1', sameSchema: true },
  'extensions/v1beta1 PodSecurityPolicy': { removedIn: '1.16', sameSchema: false, changes: PSP_GONE },
  'extensions/v1beta1 Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: false, changes: 'backend.serviceName and servicePort become backend.service.name and service.port, and every path needs a pathType' },
  'apps/v1beta1 *': { removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, changes: APPS_V1_CHANGES },
  // apps/v1beta2 already has apps/v1's defaults and requires the selector; an object with one means the same in v1.
  'apps/v1beta2 *': { removedIn: '1.16', replacement: 'apps/v1', sameSchema: hasSelector, changes: 'spec.selector is required' },
  'networking.k8s.io/v1beta1 Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: false, changes: 'backend.serviceName and servicePort become backend.service.name and service.port, and every path needs a pathType' },
  'networking.k8s.io/v1beta1 IngressClass': { removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: true },
  'rbac.authorization.k8s.io/v1beta1 *': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  'scheduling.k8s.io/v1beta1 PriorityClass': { removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', sameSchema: true },
  'coordination.k8s.io/v1beta1 Lease': { removedIn: '1.22', replacement: 'coordination.k8s.io/v1', sameSchema: true },
  'storage.k8s.io/v1beta1 StorageClass': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  'storage.k8s.io/v1beta1 CSIDriver': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  'storage.k8s.io/v1beta1 CSINode': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  'storage.k8s.io/v1beta1 VolumeAttachment': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  'storage.k8s.io/v1beta1 CSIStorageCapacity': { removedIn: '1.27', replacement: 'storage.k8s.io/v1', sameSchema: true },
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition': { removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', sameSchema: false, changes: 'each version needs a structural schema, and validation, subresources and printer columns move under spec.versions' },
  'admissionregistration.k8s.io/v1beta1 *': { removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', sameSchema: false, changes: 'sideEffects and admissionReviewVersions are required, and failurePolicy defaults to Fail' },
  'apiregistration.k8s.io/v1beta1 APIService': { removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', sameSchema: true },
  'certificates.k8s.io/v1beta1 CertificateSigningRequest': { removedIn: '1.22', replacement: 'certificates.k8s.io/v1', sameSchema: false, changes: 'signerName and usages are required' },
  'batch/v1beta1 CronJob': { removedIn: '1.25', replacement: 'batch/v1', sameSchema: true },
  'autoscaling/v2beta1 HorizontalPodAutoscaler': { removedIn: '1.25', replacement: 'autoscaling/v2', sameSchema: false, changes: 'each metric target moves under target (targetAverageUtilization becomes target.type: Utilization and target.averageUtilization)' },
  'autoscaling/v2beta2 HorizontalPodAutoscaler': { removedIn: '1.26', replacement: 'autoscaling/v2', sameSchema: true },
  // An empty selector selects no pods in policy/v1beta1 and every pod of the namespace in policy/v1.
  'policy/v1beta1 PodDisruptionBudget': { removedIn: '1.25', replacement: 'policy/v1', sameSchema: hasSelector, changes: 'an empty selector selects every pod of the namespace instead of none' },
  'policy/v1beta1 PodSecurityPolicy': { removedIn: '1.25', sameSchema: false, changes: PSP_GONE },
  'discovery.k8s.io/v1beta1 EndpointSlice': { removedIn: '1.25', replacement: 'discovery.k8s.io/v1', sameSchema: false, changes: 'topology becomes nodeName and zone' },
  'events.k8s.io/v1beta1 Event': { removedIn: '1.25', replacement: 'events.k8s.io/v1', sameSchema: false, changes: 'the deprecated count, first and last timestamp fields are renamed' },
  'node.k8s.io/v1beta1 RuntimeClass': { removedIn: '1.25', replacement: 'node.k8s.io/v1', sameSchema: true },
  'flowcontrol.apiserver.k8s.io/v1beta1 *': { removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false, changes: 'assuredConcurrencyShares becomes nominalConcurrencyShares' },
  'flowcontrol.apiserver.k8s.io/v1beta2 *': { removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false, changes: 'assuredConcurrencyShares becomes nominalConcurrencyShares' },
  'flowcontrol.apiserver.k8s.io/v1beta3 *': { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false, changes: 'a nominalConcurrencyShares or lendablePercent of 0 is kept instead of replaced by the default' },
};

/** What replaces an object's apiVersion, or undefined when the API server still serves it. */
export function removalOf(object: KubernetesObject): Removal | undefined {
  return REMOVALS[`${object.apiVersion} ${object.kind}`] ?? REMOVALS[`${object.apiVersion} *`];
}

export const MLO214 = perObject(
  {
    id: 'MLO214',
    defaultSeverity: 'error',
    title: 'No object uses an apiVersion that Kubernetes has removed.',
    guide: 'Kubernetes Checklist: Deployment manifest applied',
  },
  (context) => {
    const { object } = context;
    const removal = removalOf(object);
    if (removal === undefined) return;
    const sameSchema = typeof removal.sameSchema === 'function' ? removal.sameSchema(object) : removal.sameSchema;
    const head = `${object.kind} ${object.apiVersion} is no longer served since Kubernetes ${removal.removedIn}: applying this manifest fails.`;
    let advice: string;
    if (removal.replacement === undefined) advice = `${removal.changes}.`;
    else if (sameSchema) advice = `Use ${removal.replacement}; nothing else changes.`;
    else advice = `Use ${removal.replacement}, and migrate the object: ${removal.changes}.`;
    const edit = removal.replacement !== undefined && sameSchema ? replaceScalar(context, ['apiVersion'], removal.replacement) : undefined;
    context.report({
      path: ['apiVersion'],
      target: 'value',
      message: `${head} ${advice}`,
      fix: edit ? { title: `Replace apiVersion with ${removal.replacement}`, edits: [edit] } : undefined,
    });
  },
);
