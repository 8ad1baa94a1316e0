import { apiGroupOf, isRecord, valueAt } from '../../objects';
import { buildNetworkPolicy, NETWORK_POLICY_COMMENT } from '../generate';
import { workspaceRule } from '../rule';
import { scaffold } from '../scaffold';
import { namespaceOf, selectedByLabelSelector, workloadsOf, type Workload } from '../select';

export const MLO304 = workspaceRule(
  {
    id: 'MLO304',
    defaultSeverity: 'warning',
    title: "A workload's pods are selected by a NetworkPolicy.",
    guide: 'Kubernetes Checklist: Network policies defined',
  },
  (context) => {
    const isolated = new Set<Workload>();
    for (const policy of context.ofKind('NetworkPolicy')) {
      if (apiGroupOf(policy.object.apiVersion) !== 'networking.k8s.io') continue;
      // The API server decodes a missing `podSelector` as `{}`: every pod of the namespace.
      const selector = valueAt(policy.object, ['spec', 'podSelector']) ?? {};
      for (const workload of selectedByLabelSelector(context, namespaceOf(policy.object), selector)) isolated.add(workload);
    }
    // Cilium's own policies select pods by `endpointSelector`, whose keys may carry a `k8s:` source prefix.
    for (const policy of context.ofKind('CiliumNetworkPolicy')) {
      if (apiGroupOf(policy.object.apiVersion) !== 'cilium.io') continue;
      const selector = withoutSourcePrefixes(valueAt(policy.object, ['spec', 'endpointSelector']));
      for (const workload of selectedByLabelSelector(context, namespaceOf(policy.object), selector)) isolated.add(workload);
    }
    for (const workload of workloadsOf(context)) {
      if (isolated.has(workload)) continue;
      const who = `${workload.kind} "${workload.name ?? '(unnamed)'}"`;
      context.report(workload.indexed, {
        path: ['kind'],
        target: 'value',
        message: `No NetworkPolicy in namespace "${workload.namespace}" selects the pods of ${who}: any pod in the cluster can connect to them. Add a NetworkPolicy that admits only the traffic they serve.`,
        suggestions: scaffold(
          context,
          workload,
          'NetworkPolicy',
          'networkpolicy',
          buildNetworkPolicy,
          `a NetworkPolicy for ${who} (ingress to its ports from its namespace only)`,
          NETWORK_POLICY_COMMENT,
        ),
      });
    }
  },
);

function withoutSourcePrefixes(selector: unknown): unknown {
  if (!isRecord(selector) || !isRecord(selector.matchLabels)) return selector;
  const matchLabels = Object.fromEntries(Object.entries(selector.matchLabels).map(([key, value]) => [key.replace(/^(k8s|any):/, ''), value]));
  return { ...selector, matchLabels };
}
