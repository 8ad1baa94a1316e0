/**
 * The compiled schema checks of kubernetes-models (Kubernetes 1.33, with the older API versions it still carries)
 * and of the custom resources whose schema packages run here. This module is large (several megabytes once bundled),
 * so nothing imports it: `loader.ts` requires it the first time MLO215 runs, from `dist/schema.js` in the bundles.
 * Each kind's schema is required only when an object of that kind is first checked.
 */

/** One error as ajv reports it: where (a JSON pointer into the value), which schema keyword failed, and its details. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The errors of a value against one schema; none when it matches. */
export type SchemaCheck = (value: unknown) => readonly SchemaError[];

/** A kubernetes-models class: its prototype's `validate` checks `this` and throws ajv's ValidationError. */
interface ModelClass {
  prototype: { validate(this: unknown): void };
}

/** The kinds that are objects of their own (not parts of one, not lists), by `apiVersion kind`. */
const BUILT_IN: Readonly<Record<string, () => ModelClass>> = {
  'v1 Binding': () => require('kubernetes-models/v1/Binding').Binding,
  'v1 ComponentStatus': () => require('kubernetes-models/v1/ComponentStatus').ComponentStatus,
  'v1 ConfigMap': () => require('kubernetes-models/v1/ConfigMap').ConfigMap,
  'v1 Endpoints': () => require('kubernetes-models/v1/Endpoints').Endpoints,
  'v1 Event': () => require('kubernetes-models/v1/Event').Event,
  'v1 LimitRange': () => require('kubernetes-models/v1/LimitRange').LimitRange,
  'v1 Namespace': () => require('kubernetes-models/v1/Namespace').Namespace,
  'v1 Node': () => require('kubernetes-models/v1/Node').Node,
  'v1 PersistentVolume': () => require('kubernetes-models/v1/PersistentVolume').PersistentVolume,
  'v1 PersistentVolumeClaim': () => require('kubernetes-models/v1/PersistentVolumeClaim').PersistentVolumeClaim,
  'v1 Pod': () => require('kubernetes-models/v1/Pod').Pod,
  'v1 PodTemplate': () => require('kubernetes-models/v1/PodTemplate').PodTemplate,
  'v1 ReplicationController': () => require('kubernetes-models/v1/ReplicationController').ReplicationController,
  'v1 ResourceQuota': () => require('kubernetes-models/v1/ResourceQuota').ResourceQuota,
  'v1 Secret': () => require('kubernetes-models/v1/Secret').Secret,
  'v1 Service': () => require('kubernetes-models/v1/Service').Service,
  'v1 ServiceAccount': () => require('kubernetes-models/v1/ServiceAccount').ServiceAccount,
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration': () => require('kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration').MutatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy': () => require('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy').ValidatingAdmissionPolicy,
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding': () => require('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding').ValidatingAdmissionPolicyBinding,
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration': () => require('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration').ValidatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration': () => require('kubernetes-models/admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration').MutatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration': () => require('kubernetes-models/admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration').ValidatingWebhookConfiguration,
  'apiextensions.k8s.io/v1 CustomResourceDefinition': () => require('kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition').CustomResourceDefinition,
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition': () => require('kubernetes-models/apiextensions.k8s.io/v1beta1/CustomResourceDefinition').CustomResourceDefinition,
  'apiregistration.k8s.io/v1 APIService': () => require('kubernetes-models/apiregistration.k8s.io/v1/APIService').APIService,
  'apiregistration.k8s.io/v1beta1 APIService': () => require('kubernetes-models/apiregistration.k8s.io/v1beta1/APIService').APIService,
  'apps/v1 ControllerRevision': () => require('kubernetes-models/apps/v1/ControllerRevision').ControllerRevision,
  'apps/v1 DaemonSet': () => require('kubernetes-models/apps/v1/DaemonSet').DaemonSet,
  'apps/v1 Deployment': () => require('kubernetes-models/apps/v1/Deployment').Deployment,
  'apps/v1 ReplicaSet': () => require('kubernetes-models/apps/v1/ReplicaSet').ReplicaSet,
  'apps/v1 StatefulSet': () => require('kubernetes-models/apps/v1/StatefulSet').StatefulSet,
  'apps/v1beta1 ControllerRevision': () => require('kubernetes-models/apps/v1beta1/ControllerRevision').ControllerRevision,
  'apps/v1beta1 Deployment': () => require('kubernetes-models/apps/v1beta1/Deployment').Deployment,
  'apps/v1beta1 DeploymentRollback': () => require('kubernetes-models/apps/v1beta1/DeploymentRollback').DeploymentRollback,
  'apps/v1beta1 Scale': () => require('kubernetes-models/apps/v1beta1/Scale').Scale,
  'apps/v1beta1 StatefulSet': () => require('kubernetes-models/apps/v1beta1/StatefulSet').StatefulSet,
  'apps/v1beta2 ControllerRevision': () => require('kubernetes-models/apps/v1beta2/ControllerRevision').ControllerRevision,
  'apps/v1beta2 DaemonSet': () => require('kubernetes-models/apps/v1beta2/DaemonSet').DaemonSet,
  'apps/v1beta2 Deployment': () => require('kubernetes-models/apps/v1beta2/Deployment').Deployment,
  'apps/v1beta2 ReplicaSet': () => require('kubernetes-models/apps/v1beta2/ReplicaSet').ReplicaSet,
  'apps/v1beta2 Scale': () => require('kubernetes-models/apps/v1beta2/Scale').Scale,
  'apps/v1beta2 StatefulSet': () => require('kubernetes-models/apps/v1beta2/StatefulSet').StatefulSet,
  'authentication.k8s.io/v1 SelfSubjectReview': () => require('kubernetes-models/authentication.k8s.io/v1/SelfSubjectReview').SelfSubjectReview,
  'authentication.k8s.io/v1 TokenRequest': () => require('kubernetes-models/authentication.k8s.io/v1/TokenRequest').TokenRequest,
  'authentication.k8s.io/v1 TokenReview': () => require('kubernetes-models/authentication.k8s.io/v1/TokenReview').TokenReview,
  'authentication.k8s.io/v1beta1 TokenReview': () => require('kubernetes-models/authentication.k8s.io/v1beta1/TokenReview').TokenReview,
  'authorization.k8s.io/v1 LocalSubjectAccessReview': () => require('kubernetes-models/authorization.k8s.io/v1/LocalSubjectAccessReview').LocalSubjectAccessReview,
  'authorization.k8s.io/v1 SelfSubjectAccessReview': () => require('kubernetes-models/authorization.k8s.io/v1/SelfSubjectAccessReview').SelfSubjectAccessReview,
  'authorization.k8s.io/v1 SelfSubjectRulesReview': () => require('kubernetes-models/authorization.k8s.io/v1/SelfSubjectRulesReview').SelfSubjectRulesReview,
  'authorization.k8s.io/v1 SubjectAccessReview': () => require('kubernetes-models/authorization.k8s.io/v1/SubjectAccessReview').SubjectAccessReview,
  'authorization.k8s.io/v1beta1 LocalSubjectAccessReview': () => require('kubernetes-models/authorization.k8s.io/v1beta1/LocalSubjectAccessReview').LocalSubjectAccessReview,
  'authorization.k8s.io/v1beta1 SelfSubjectAccessReview': () => require('kubernetes-models/authorization.k8s.io/v1beta1/SelfSubjectAccessReview').SelfSubjectAccessReview,
  'authorization.k8s.io/v1beta1 SelfSubjectRulesReview': () => require('kubernetes-models/authorization.k8s.io/v1beta1/SelfSubjectRulesReview').SelfSubjectRulesReview,
  'authorization.k8s.io/v1beta1 SubjectAccessReview': () => require('kubernetes-models/authorization.k8s.io/v1beta1/SubjectAccessReview').SubjectAccessReview,
  'autoscaling/v1 HorizontalPodAutoscaler': () => require('kubernetes-models/autoscaling/v1/HorizontalPodAutoscaler').HorizontalPodAutoscaler,
  'autoscaling/v1 Scale': () => require('kubernetes-models/autoscaling/v1/Scale').Scale,
  'autoscaling/v2 HorizontalPodAutoscaler': () => require('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler').HorizontalPodAutoscaler,
  'autoscaling/v2beta1 HorizontalPodAutoscaler': () => require('kubernetes-models/autoscaling/v2beta1/HorizontalPodAutoscaler').HorizontalPodAutoscaler,
  'autoscaling/v2beta2 HorizontalPodAutoscaler': () => require('kubernetes-models/autoscaling/v2beta2/HorizontalPodAutoscaler').HorizontalPodAutoscaler,
  'batch/v1 CronJob': () => require('kubernetes-models/batch/v1/CronJob').CronJob,
  'batch/v1 Job': () => require('kubernetes-models/batch/v1/Job').Job,
  'batch/v1beta1 CronJob': () => require('kubernetes-models/batch/v1beta1/CronJob').CronJob,
  'certificates.k8s.io/v1 CertificateSigningRequest': () => require('kubernetes-models/certificates.k8s.io/v1/CertificateSigningRequest').CertificateSigningRequest,
  'certificates.k8s.io/v1beta1 CertificateSigningRequest': () => require('kubernetes-models/certificates.k8s.io/v1beta1/CertificateSigningRequest').CertificateSigningRequest,
  'coordination.k8s.io/v1 Lease': () => require('kubernetes-models/coordination.k8s.io/v1/Lease').Lease,
  'coordination.k8s.io/v1beta1 Lease': () => require('kubernetes-models/coordination.k8s.io/v1beta1/Lease').Lease,
  'discovery.k8s.io/v1 EndpointSlice': () => require('kubernetes-models/discovery.k8s.io/v1/EndpointSlice').EndpointSlice,
  'discovery.k8s.io/v1beta1 EndpointSlice': () => require('kubernetes-models/discovery.k8s.io/v1beta1/EndpointSlice').EndpointSlice,
  'events.k8s.io/v1 Event': () => require('kubernetes-models/events.k8s.io/v1/Event').Event,
  'events.k8s.io/v1beta1 Event': () => require('kubernetes-models/events.k8s.io/v1beta1/Event').Event,
  'extensions/v1beta1 DaemonSet': () => require('kubernetes-models/extensions/v1beta1/DaemonSet').DaemonSet,
  'extensions/v1beta1 Deployment': () => require('kubernetes-models/extensions/v1beta1/Deployment').Deployment,
  'extensions/v1beta1 DeploymentRollback': () => require('kubernetes-models/extensions/v1beta1/DeploymentRollback').DeploymentRollback,
  'extensions/v1beta1 Ingress': () => require('kubernetes-models/extensions/v1beta1/Ingress').Ingress,
  'extensions/v1beta1 NetworkPolicy': () => require('kubernetes-models/extensions/v1beta1/NetworkPolicy').NetworkPolicy,
  'extensions/v1beta1 PodSecurityPolicy': () => require('kubernetes-models/extensions/v1beta1/PodSecurityPolicy').PodSecurityPolicy,
  'extensions/v1beta1 ReplicaSet': () => require('kubernetes-models/extensions/v1beta1/ReplicaSet').ReplicaSet,
  'extensions/v1beta1 Scale': () => require('kubernetes-models/extensions/v1beta1/Scale').Scale,
  'flowcontrol.apiserver.k8s.io/v1 FlowSchema': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1/FlowSchema').FlowSchema,
  'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration').PriorityLevelConfiguration,
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema').FlowSchema,
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration').PriorityLevelConfiguration,
  'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema').FlowSchema,
  'flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration').PriorityLevelConfiguration,
  'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema').FlowSchema,
  'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration': () => require('kubernetes-models/flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration').PriorityLevelConfiguration,
  'networking.k8s.io/v1 Ingress': () => require('kubernetes-models/networking.k8s.io/v1/Ingress').Ingress,
  'networking.k8s.io/v1 IngressClass': () => require('kubernetes-models/networking.k8s.io/v1/IngressClass').IngressClass,
  'networking.k8s.io/v1 IPAddress': () => require('kubernetes-models/networking.k8s.io/v1/IPAddress').IPAddress,
  'networking.k8s.io/v1 NetworkPolicy': () => require('kubernetes-models/networking.k8s.io/v1/NetworkPolicy').NetworkPolicy,
  'networking.k8s.io/v1 ServiceCIDR': () => require('kubernetes-models/networking.k8s.io/v1/ServiceCIDR').ServiceCIDR,
  'networking.k8s.io/v1beta1 Ingress': () => require('kubernetes-models/networking.k8s.io/v1beta1/Ingress').Ingress,
  'networking.k8s.io/v1beta1 IngressClass': () => require('kubernetes-models/networking.k8s.io/v1beta1/IngressClass').IngressClass,
  'node.k8s.io/v1 RuntimeClass': () => require('kubernetes-models/node.k8s.io/v1/RuntimeClass').RuntimeClass,
  'node.k8s.io/v1beta1 RuntimeClass': () => require('kubernetes-models/node.k8s.io/v1beta1/RuntimeClass').RuntimeClass,
  'policy/v1 Eviction': () => require('kubernetes-models/policy/v1/Eviction').Eviction,
  'policy/v1 PodDisruptionBudget': () => require('kubernetes-models/policy/v1/PodDisruptionBudget').PodDisruptionBudget,
  'policy/v1beta1 Eviction': () => require('kubernetes-models/policy/v1beta1/Eviction').Eviction,
  'policy/v1beta1 PodDisruptionBudget': () => require('kubernetes-models/policy/v1beta1/PodDisruptionBudget').PodDisruptionBudget,
  'policy/v1beta1 PodSecurityPolicy': () => require('kubernetes-models/policy/v1beta1/PodSecurityPolicy').PodSecurityPolicy,
  'rbac.authorization.k8s.io/v1 ClusterRole': () => require('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole').ClusterRole,
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': () => require('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding').ClusterRoleBinding,
  'rbac.authorization.k8s.io/v1 Role': () => require('kubernetes-models/rbac.authorization.k8s.io/v1/Role').Role,
  'rbac.authorization.k8s.io/v1 RoleBinding': () => require('kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding').RoleBinding,
  'rbac.authorization.k8s.io/v1beta1 ClusterRole': () => require('kubernetes-models/rbac.authorization.k8s.io/v1beta1/ClusterRole').ClusterRole,
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding': () => require('kubernetes-models/rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding').ClusterRoleBinding,
  'rbac.authorization.k8s.io/v1beta1 Role': () => require('kubernetes-models/rbac.authorization.k8s.io/v1beta1/Role').Role,
  'rbac.authorization.k8s.io/v1beta1 RoleBinding': () => require('kubernetes-models/rbac.authorization.k8s.io/v1beta1/RoleBinding').RoleBinding,
  'scheduling.k8s.io/v1 PriorityClass': () => require('kubernetes-models/scheduling.k8s.io/v1/PriorityClass').PriorityClass,
  'scheduling.k8s.io/v1beta1 PriorityClass': () => require('kubernetes-models/scheduling.k8s.io/v1beta1/PriorityClass').PriorityClass,
  'storage.k8s.io/v1 CSIDriver': () => require('kubernetes-models/storage.k8s.io/v1/CSIDriver').CSIDriver,
  'storage.k8s.io/v1 CSINode': () => require('kubernetes-models/storage.k8s.io/v1/CSINode').CSINode,
  'storage.k8s.io/v1 CSIStorageCapacity': () => require('kubernetes-models/storage.k8s.io/v1/CSIStorageCapacity').CSIStorageCapacity,
  'storage.k8s.io/v1 StorageClass': () => require('kubernetes-models/storage.k8s.io/v1/StorageClass').StorageClass,
  'storage.k8s.io/v1 VolumeAttachment': () => require('kubernetes-models/storage.k8s.io/v1/VolumeAttachment').VolumeAttachment,
  'storage.k8s.io/v1beta1 CSIDriver': () => require('kubernetes-models/storage.k8s.io/v1beta1/CSIDriver').CSIDriver,
  'storage.k8s.io/v1beta1 CSINode': () => require('kubernetes-models/storage.k8s.io/v1beta1/CSINode').CSINode,
  'storage.k8s.io/v1beta1 CSIStorageCapacity': () => require('kubernetes-models/storage.k8s.io/v1beta1/CSIStorageCapacity').CSIStorageCapacity,
  'storage.k8s.io/v1beta1 StorageClass': () => require('kubernetes-models/storage.k8s.io/v1beta1/StorageClass').StorageClass,
  'storage.k8s.io/v1beta1 VolumeAttachment': () => require('kubernetes-models/storage.k8s.io/v1beta1/VolumeAttachment').VolumeAttachment,
};

/** Custom resources whose schema package is bundled (see crds.ts for every custom resource that is recognised). */
const CUSTOM: Readonly<Record<string, () => ModelClass>> = {
  'monitoring.coreos.com/v1 PodMonitor': () => require('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor').PodMonitor,
  'monitoring.coreos.com/v1 PrometheusRule': () => require('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule').PrometheusRule,
  'monitoring.coreos.com/v1 ServiceMonitor': () => require('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor').ServiceMonitor,
  'keda.sh/v1alpha1 ScaledObject': () => require('@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject').ScaledObject,
  'keda.sh/v1alpha1 ScaledJob': () => require('@kubernetes-models/keda/keda.sh/v1alpha1/ScaledJob').ScaledJob,
  'keda.sh/v1alpha1 TriggerAuthentication': () => require('@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication').TriggerAuthentication,
  'external-secrets.io/v1beta1 ExternalSecret': () => require('@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret').ExternalSecret,
  'external-secrets.io/v1beta1 SecretStore': () => require('@kubernetes-models/external-secrets/external-secrets.io/v1beta1/SecretStore').SecretStore,
  'external-secrets.io/v1beta1 ClusterSecretStore': () => require('@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ClusterSecretStore').ClusterSecretStore,
};

const checks = new Map<string, SchemaCheck>();

/** The schema check of a kind, or undefined when no schema for it is bundled. */
export function schemaCheckFor(apiVersion: string, kind: string): SchemaCheck | undefined {
  const key = `${apiVersion} ${kind}`;
  const known = checks.get(key);
  if (known) return known;
  const model = Object.hasOwn(BUILT_IN, key) ? BUILT_IN[key] : Object.hasOwn(CUSTOM, key) ? CUSTOM[key] : undefined;
  if (model === undefined) return undefined;
  const check = checkOf(model());
  checks.set(key, check);
  return check;
}

/** Whether a schema for this kind is bundled, without loading it. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  const key = `${apiVersion} ${kind}`;
  return Object.hasOwn(BUILT_IN, key) || Object.hasOwn(CUSTOM, key);
}

/** Every built-in `apiVersion kind` with a bundled schema, for the test that keeps versions.ts complete. */
export function builtInSchemaKinds(): string[] {
  return Object.keys(BUILT_IN);
}

let podTemplate: SchemaCheck | undefined;

/** The check of a core PodTemplateSpec, which custom workloads such as Argo's Rollout embed unchanged. */
export function podTemplateCheck(): SchemaCheck {
  podTemplate ??= checkOf(require('kubernetes-models/v1/PodTemplateSpec').PodTemplateSpec);
  return podTemplate;
}

function checkOf(model: ModelClass): SchemaCheck {
  return (value) => {
    try {
      model.prototype.validate.call(value);
      return [];
    } catch (error) {
      // The model throws ajv's ValidationError, which lists every error (the schemas are compiled with allErrors).
      const errors = (error as { errors?: unknown }).errors;
      if (Array.isArray(errors)) return errors as SchemaError[];
      throw error;
    }
  };
}
