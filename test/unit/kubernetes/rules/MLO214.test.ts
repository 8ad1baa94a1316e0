import { MLO214 } from '../../../../src/core/kubernetes/rules/MLO214';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function object(apiVersion: string, kind: string, ...rest: string[]): string {
  return yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: model}', ...rest);
}

/** A removed apiVersion whose fix only replaces the version: the case asserts the finding, its message and its fix. */
function safe(apiVersion: string, kind: string, replacement: string, removedIn: string, ...rest: string[]) {
  return {
    name: `${apiVersion} ${kind} becomes ${replacement}`,
    code: object(apiVersion, kind, ...rest),
    errors: [{ line: 1, column: 13, endColumn: 13 + apiVersion.length, message: new RegExp(`^${kind} ${apiVersion.replace(/\./g, '\\.')} is no longer served since Kubernetes ${removedIn.replace('.', '\\.')}: applying this manifest fails\\. Use ${replacement.replace(/\./g, '\\.')}; nothing else changes\\.$`) }],
    output: object(replacement, kind, ...rest),
  };
}

/** A removed apiVersion that needs a migration: the message names the replacement and what changes; no fix. */
function migrate(apiVersion: string, kind: string, replacement: string, changes: RegExp, ...rest: string[]) {
  return {
    name: `${apiVersion} ${kind} needs a migration to ${replacement}`,
    code: object(apiVersion, kind, ...rest),
    errors: [{ line: 1, column: 13, message: new RegExp(`Use ${replacement.replace(/\./g, '\\.')}, and migrate the object: ${changes.source}`) }],
    output: null,
  };
}

const selector = ['spec:', '  selector:', '    matchLabels: {app: model}'];

kubernetesRuleTests(MLO214, {
  valid: [
    object('apps/v1', 'Deployment'),
    object('autoscaling/v2', 'HorizontalPodAutoscaler'),
    object('policy/v1', 'PodDisruptionBudget'),
    object('networking.k8s.io/v1', 'Ingress'),
    object('batch/v1', 'CronJob'),
    { name: 'a custom resource in a beta version', code: object('serving.kserve.io/v1beta1', 'InferenceService') },
    { name: 'KEDA and Argo are not Kubernetes groups', code: object('keda.sh/v1alpha1', 'ScaledObject') + '---\n' + object('argoproj.io/v1alpha1', 'Rollout') },
    { name: 'a served beta kind of a group with removed kinds', code: object('autoscaling/v1', 'HorizontalPodAutoscaler') },
  ],
  invalid: [
    {
      name: 'PodSecurityPolicy has no replacement',
      code: object('policy/v1beta1', 'PodSecurityPolicy'),
      errors: [{ line: 1, column: 13, message: /since Kubernetes 1\.25: applying this manifest fails\. PodSecurityPolicy has no replacement kind: label the namespace for Pod Security Admission/ }],
      output: null,
    },
    {
      name: 'quotes are kept, CRLF, a later document',
      code: (object('v1', 'Namespace') + '---\n' + object('"batch/v1beta1"', 'CronJob')).replace(/\n/g, '\r\n'),
      errors: [{ line: 5, column: 13, endColumn: 28 }],
      output: (object('v1', 'Namespace') + '---\n' + object('"batch/v1"', 'CronJob')).replace(/\n/g, '\r\n'),
    },
    safe('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2', '1.26'),
    safe('batch/v1beta1', 'CronJob', 'batch/v1', '1.25'),
    safe('policy/v1beta1', 'PodDisruptionBudget', 'policy/v1', '1.25', ...selector),
    safe('apps/v1beta2', 'Deployment', 'apps/v1', '1.16', ...selector),
    safe('apps/v1beta2', 'StatefulSet', 'apps/v1', '1.16', ...selector),
    safe('extensions/v1beta1', 'NetworkPolicy', 'networking.k8s.io/v1', '1.16'),
    safe('networking.k8s.io/v1beta1', 'IngressClass', 'networking.k8s.io/v1', '1.22'),
    safe('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', '1.22'),
    safe('rbac.authorization.k8s.io/v1beta1', 'Role', 'rbac.authorization.k8s.io/v1', '1.22'),
    safe('scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1', '1.22'),
    safe('storage.k8s.io/v1beta1', 'StorageClass', 'storage.k8s.io/v1', '1.22'),
    safe('storage.k8s.io/v1beta1', 'CSIStorageCapacity', 'storage.k8s.io/v1', '1.27'),
    safe('node.k8s.io/v1beta1', 'RuntimeClass', 'node.k8s.io/v1', '1.25'),
    safe('coordination.k8s.io/v1beta1', 'Lease', 'coordination.k8s.io/v1', '1.22'),
    safe('apiregistration.k8s.io/v1beta1', 'APIService', 'apiregistration.k8s.io/v1', '1.22'),
    migrate('extensions/v1beta1', 'Deployment', 'apps/v1', /spec\.selector is required/),
    migrate('extensions/v1beta1', 'DaemonSet', 'apps/v1', /.*OnDelete to RollingUpdate/),
    migrate('extensions/v1beta1', 'ReplicaSet', 'apps/v1', /spec\.selector is required/),
    migrate('extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1', /backend\.serviceName/),
    migrate('networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1', /.*pathType/),
    migrate('apps/v1beta1', 'StatefulSet', 'apps/v1', /spec\.selector/),
    migrate('apps/v1beta2', 'Deployment', 'apps/v1', /spec\.selector is required/),
    migrate('autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'autoscaling/v2', /.*targetAverageUtilization/),
    migrate('policy/v1beta1', 'PodDisruptionBudget', 'policy/v1', /an empty selector selects every pod/, 'spec:', '  selector: {}', '  minAvailable: 1'),
    migrate('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1', /.*structural schema/),
    migrate('admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', /sideEffects/),
    migrate('certificates.k8s.io/v1beta1', 'CertificateSigningRequest', 'certificates.k8s.io/v1', /signerName/),
    migrate('discovery.k8s.io/v1beta1', 'EndpointSlice', 'discovery.k8s.io/v1', /topology/),
    migrate('events.k8s.io/v1beta1', 'Event', 'events.k8s.io/v1', /.*renamed/),
    migrate('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1', /assuredConcurrencyShares/),
    migrate('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1', /.*nominalConcurrencyShares/),
  ],
});
