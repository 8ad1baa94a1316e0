import { valueAt } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { buildServiceAccount } from '../generate';
import { workspaceRule } from '../rule';
import { scaffoldSuggestions } from '../scaffold';
import { nameOf, namespaceOf, objectKey, workloadsOf } from '../select';

export const MLO306 = workspaceRule(
  {
    id: 'MLO306',
    defaultSeverity: 'info',
    title: 'A ServiceAccount that a pod names is defined in the workspace.',
    guide: 'Kubernetes Checklist: Service account configured',
  },
  (context) => {
    const defined = new Set<string>();
    for (const { object } of context.ofKind('ServiceAccount')) {
      const name = nameOf(object);
      if (object.apiVersion === 'v1' && name !== undefined) defined.add(objectKey(namespaceOf(object), 'ServiceAccount', name));
    }
    for (const workload of workloadsOf(context)) {
      // `serviceAccount` is the deprecated spelling; the API server uses it only when `serviceAccountName` is unset.
      const field = typeof workload.podSpec.serviceAccountName === 'string' && workload.podSpec.serviceAccountName !== '' ? 'serviceAccountName' : 'serviceAccount';
      const name = workload.podSpec[field];
      // Every namespace has `default`; MLO208 is about using it.
      if (typeof name !== 'string' || name === '' || name === 'default' || name.includes('$')) continue;
      if (defined.has(objectKey(workload.namespace, 'ServiceAccount', name))) continue;
      context.report(workload.indexed, {
        path: [...workload.podSpecPath, field],
        target: 'value',
        message: `ServiceAccount "${name}" is defined nowhere in the workspace (namespace "${workload.namespace}"): unless it is created some other way, the API server rejects the pods. Define it, without automounting its token.`,
        suggestions: scaffoldSuggestions(context, workload.indexed, {
          kind: 'ServiceAccount',
          namespace: workload.namespace,
          preferredName: name,
          nameSuffix: 'serviceaccount',
          // The namespace as the manifest writes it: one a kustomization sets, it sets on the new object too.
          build: (accountName) => buildServiceAccount(accountName, writtenNamespaceOf(workload.indexed.document.object)),
          description: `ServiceAccount "${name}"`,
          fileStem: `${name}-serviceaccount`,
        }),
      });
    }
  },
);

function writtenNamespaceOf(object: KubernetesObject | undefined): string | undefined {
  const namespace = object && valueAt(object, ['metadata', 'namespace']);
  return typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
}
