import { apiGroupOf, isRecord, valueAt } from './objects';
import type { JsonPath, KubernetesObject } from './parse';

/**
 * What a custom resource stands for in the guide's checklists, so that the rules across files count it:
 * `scrape-config`: Prometheus collects the metrics of the pods or Services it selects ("Metrics being collected").
 * `alert-rules`: it defines Prometheus alerts ("Alerts configured").
 * `autoscaler`: it scales a workload, as an HPA does ("HPA configured"); KEDA creates the HPA itself.
 * `secret`: a controller creates a Secret from it ("Secrets in secure vault"), so references to that Secret resolve.
 * `workload`: it runs pods from a pod template of its own.
 * `model-server`: it serves a model; its controller creates the workload, Service and autoscaler.
 * `support`: a resource the others rely on (a secret store, trigger credentials), counted as nothing.
 */
export type CustomResourceRole = 'scrape-config' | 'alert-rules' | 'autoscaler' | 'secret' | 'workload' | 'model-server' | 'support';

export interface KnownCustomResource {
  group: string;
  kind: string;
  /** The project that defines it. */
  project: string;
  countsAs: CustomResourceRole;
  /** The API versions whose schema is bundled (validators.ts); objects of other versions are accepted unchecked. */
  schemaVersions: readonly string[];
  /** Where the object keeps a core PodTemplateSpec that MLO215 checks when there is no schema of the whole. */
  podTemplate?: JsonPath;
  /** For `secret`: the name of the Secret the controller creates. */
  secretName?: (object: KubernetesObject) => string | undefined;
  /** For `autoscaler`: the workload it scales. */
  scaleTarget?: (object: KubernetesObject) => { kind: string; name: string } | undefined;
}

export const KNOWN_CUSTOM_RESOURCES: readonly KnownCustomResource[] = [
  { group: 'monitoring.coreos.com', kind: 'ServiceMonitor', project: 'Prometheus Operator', countsAs: 'scrape-config', schemaVersions: ['v1'] },
  { group: 'monitoring.coreos.com', kind: 'PodMonitor', project: 'Prometheus Operator', countsAs: 'scrape-config', schemaVersions: ['v1'] },
  { group: 'monitoring.coreos.com', kind: 'PrometheusRule', project: 'Prometheus Operator', countsAs: 'alert-rules', schemaVersions: ['v1'] },
  {
    group: 'keda.sh',
    kind: 'ScaledObject',
    project: 'KEDA',
    countsAs: 'autoscaler',
    schemaVersions: ['v1alpha1'],
    // KEDA scales a Deployment when scaleTargetRef names no kind.
    scaleTarget: (object) => {
      const ref = valueAt(object, ['spec', 'scaleTargetRef']);
      if (!isRecord(ref) || typeof ref.name !== 'string') return undefined;
      return { kind: typeof ref.kind === 'string' ? ref.kind : 'Deployment', name: ref.name };
    },
  },
  { group: 'keda.sh', kind: 'ScaledJob', project: 'KEDA', countsAs: 'support', schemaVersions: ['v1alpha1'] },
  { group: 'keda.sh', kind: 'TriggerAuthentication', project: 'KEDA', countsAs: 'support', schemaVersions: ['v1alpha1'] },
  {
    group: 'external-secrets.io',
    kind: 'ExternalSecret',
    project: 'External Secrets Operator',
    countsAs: 'secret',
    // v1 (the current version) has no schema package that runs here; v1beta1 has the same fields.
    schemaVersions: ['v1beta1'],
    // The Secret is named after the ExternalSecret unless spec.target.name says otherwise.
    secretName: (object) => stringAt(object, ['spec', 'target', 'name']) ?? stringAt(object, ['metadata', 'name']),
  },
  { group: 'external-secrets.io', kind: 'SecretStore', project: 'External Secrets Operator', countsAs: 'support', schemaVersions: ['v1beta1'] },
  { group: 'external-secrets.io', kind: 'ClusterSecretStore', project: 'External Secrets Operator', countsAs: 'support', schemaVersions: ['v1beta1'] },
  {
    group: 'bitnami.com',
    kind: 'SealedSecret',
    project: 'Sealed Secrets',
    countsAs: 'secret',
    schemaVersions: [],
    // The controller names the Secret after the SealedSecret, whatever its template says.
    secretName: (object) => stringAt(object, ['metadata', 'name']),
  },
  { group: 'argoproj.io', kind: 'Rollout', project: 'Argo Rollouts', countsAs: 'workload', schemaVersions: [], podTemplate: ['spec', 'template'] },
  { group: 'serving.kserve.io', kind: 'InferenceService', project: 'KServe', countsAs: 'model-server', schemaVersions: [] },
];

/** The known custom resource an object is, by API group and kind (any version), or undefined. */
export function knownCustomResource(object: Pick<KubernetesObject, 'apiVersion' | 'kind'>): KnownCustomResource | undefined {
  const group = apiGroupOf(object.apiVersion);
  return KNOWN_CUSTOM_RESOURCES.find((resource) => resource.group === group && resource.kind === object.kind);
}

function stringAt(object: KubernetesObject, path: JsonPath): string | undefined {
  const value = valueAt(object, path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
