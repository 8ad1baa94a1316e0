/**
 * The checks of the other Kubernetes linters that ask for the same thing as one of ours, keyed by our rule id, as
 * listed in each rule's doc page. Two uses: a team's existing exemptions for a peer check (kube-linter's, kube-score's
 * and Polaris' annotations) suppress our matching rules, and the differential test compares findings rule by rule.
 * Rules whose check no peer has (MLO211, MLO212, MLO213, MLO301, MLO302, MLO312–MLO314) have no entry. A peer id
 * can stand for a stricter or looser check than ours; the rule's doc page says where they differ.
 */
export interface PeerIds {
  kubeLinter: readonly string[];
  kubeScore: readonly string[];
  polaris: readonly string[];
  checkov: readonly string[];
}

function peers(ids: Partial<PeerIds>): PeerIds {
  return { kubeLinter: ids.kubeLinter ?? [], kubeScore: ids.kubeScore ?? [], polaris: ids.polaris ?? [], checkov: ids.checkov ?? [] };
}

export const PEER_CHECKS: Readonly<Record<string, PeerIds>> = {
  MLO201: peers({
    kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
    kubeScore: ['container-resources'],
    polaris: ['cpuLimitsMissing', 'memoryLimitsMissing'],
    checkov: ['CKV_K8S_11', 'CKV_K8S_13'],
  }),
  MLO202: peers({
    kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
    kubeScore: ['container-resources'],
    polaris: ['cpuRequestsMissing', 'memoryRequestsMissing'],
    checkov: ['CKV_K8S_10', 'CKV_K8S_12'],
  }),
  MLO203: peers({ kubeLinter: ['no-readiness-probe'], kubeScore: ['pod-probes'], polaris: ['readinessProbeMissing'], checkov: ['CKV_K8S_9'] }),
  MLO204: peers({ kubeLinter: ['no-liveness-probe'], kubeScore: ['pod-probes'], polaris: ['livenessProbeMissing'], checkov: ['CKV_K8S_8'] }),
  MLO205: peers({ kubeLinter: ['liveness-port', 'readiness-port', 'startup-port'] }),
  MLO206: peers({ kubeLinter: ['latest-tag'], kubeScore: ['container-image-tag'], polaris: ['tagNotSpecified'], checkov: ['CKV_K8S_14'] }),
  MLO207: peers({ kubeLinter: ['env-var-secret'], polaris: ['sensitiveContainerEnvVar'] }),
  // Checkov's CKV_K8S_41 (the `default` ServiceAccount object mounts its token) and CKV_K8S_42 (a binding grants the
  // `default` account something) look at the account and its bindings, never at a pod that runs as it.
  MLO208: peers({ kubeLinter: ['default-service-account'] }),
  MLO209: peers({ kubeLinter: ['run-as-non-root'], kubeScore: ['container-security-context-user-group-id'], polaris: ['runAsRootAllowed'], checkov: ['CKV_K8S_23'] }),
  MLO210: peers({
    kubeLinter: ['privileged-container', 'privilege-escalation-container'],
    kubeScore: ['container-security-context-privileged'],
    polaris: ['runAsPrivileged', 'privilegeEscalationAllowed'],
    checkov: ['CKV_K8S_16', 'CKV_K8S_20'],
  }),
  MLO214: peers({ kubeLinter: ['no-extensions-v1beta'], kubeScore: ['stable-version'] }),
  MLO215: peers({ kubeLinter: ['schema-validation'] }),
  MLO303: peers({ kubeScore: ['deployment-has-poddisruptionbudget', 'statefulset-has-poddisruptionbudget'], polaris: ['missingPodDisruptionBudget'] }),
  MLO304: peers({ kubeLinter: ['non-isolated-pod'], kubeScore: ['pod-networkpolicy'], polaris: ['missingNetworkPolicy'], checkov: ['CKV2_K8S_6'] }),
  MLO305: peers({ kubeLinter: ['env-value-from'] }),
  MLO306: peers({ kubeLinter: ['non-existent-service-account'] }),
  MLO307: peers({
    kubeLinter: ['dangling-horizontalpodautoscaler', 'hpa-minimum-three-replicas'],
    kubeScore: ['horizontalpodautoscaler-has-target', 'horizontalpodautoscaler-replicas'],
    polaris: ['hpaMinAvailability', 'hpaMaxAvailability'],
  }),
  MLO308: peers({ kubeScore: ['deployment-targeted-by-hpa-does-not-have-replicas-configured'] }),
  MLO309: peers({ kubeLinter: ['pdb-max-unavailable', 'pdb-min-available'], polaris: ['pdbDisruptionsIsZero', 'pdbMinAvailableGreaterThanHPAMinReplicas'] }),
  MLO310: peers({ kubeLinter: ['dangling-service'], kubeScore: ['service-targets-pod'] }),
  MLO311: peers({ polaris: ['tlsSettingsMissing'] }),
  MLO315: peers({
    kubeLinter: ['wildcard-in-rules', 'access-to-secrets', 'cluster-admin-role-binding'],
    polaris: [
      'clusterrolePodExecAttach',
      'rolePodExecAttach',
      'clusterrolebindingPodExecAttach',
      'rolebindingRolePodExecAttach',
      'rolebindingClusterRolePodExecAttach',
      'clusterrolebindingClusterAdmin',
      'rolebindingClusterAdminClusterRole',
    ],
    checkov: ['CKV_K8S_49', 'CKV2_K8S_5', 'CKV2_K8S_2'],
  }),
};

export type PeerTool = keyof PeerIds;

/** Our rule ids that one peer check stands for: kube-score's container-resources stands for MLO201 and MLO202. */
export function rulesForPeerCheck(tool: PeerTool, check: string): string[] {
  return Object.entries(PEER_CHECKS)
    .filter(([, ids]) => ids[tool].includes(check))
    .map(([rule]) => rule);
}

/** Our rule ids that have a counterpart in the tool, which an exemption from all of its checks suppresses. */
export function rulesWithPeer(tool: PeerTool): string[] {
  return Object.entries(PEER_CHECKS)
    .filter(([, ids]) => ids[tool].length > 0)
    .map(([rule]) => rule);
}
