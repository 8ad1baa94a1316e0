import { MLO309 } from '../../../../../src/core/kubernetes/workspace/rules/MLO309';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, HPA, PDB } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** PDB's `maxUnavailable: 1` is on line 5, its key at 2–16; DEPLOYMENT runs 3 replicas. */
function pdb(policy: string): string {
  return PDB.replace('  maxUnavailable: 1', `  ${policy}`);
}

const ONE_REPLICA = DEPLOYMENT.replace('replicas: 3', 'replicas: 1');

const DAEMON_SET = yaml(
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      app: model-server',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: model-server',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: registry.example.com/model-server:1.4.2',
);

workspaceRuleTests(MLO309, {
  valid: [
    { name: 'maxUnavailable 1', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/pdb.yaml': PDB } },
    { name: 'maxUnavailable 10%', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/pdb.yaml': pdb("maxUnavailable: '10%'") } },
    { name: 'minAvailable 2 of 3 replicas', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/pdb.yaml': pdb('minAvailable: 2') } },
    { name: 'minAvailable 50% of 3 replicas is 2', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/pdb.yaml': pdb("minAvailable: '50%'") } },
    { name: 'minAvailable 1 under an HPA with minReplicas 2', files: { 'k8s/deploy.yaml': ONE_REPLICA, 'k8s/hpa.yaml': HPA, 'k8s/pdb.yaml': pdb('minAvailable: 1') } },
    { name: 'the PDB selects no workload of the workspace', files: { 'k8s/deploy.yaml': ONE_REPLICA, 'k8s/pdb.yaml': pdb('minAvailable: 1').replace('app: model-server', 'app: tokenizer') } },
    { name: 'the workload is in another namespace', files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML.replace('replicas: 3', 'replicas: 1'), 'k8s/pdb.yaml': pdb('minAvailable: 1') } },
    { name: 'a DaemonSet runs one pod per node: not judged', files: { 'k8s/ds.yaml': DAEMON_SET, 'k8s/pdb.yaml': pdb('minAvailable: 1') } },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/pdb.yaml': pdb('maxUnavailable: 0') },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, endCharacter: 16, messageIncludes: 'allows no pod to be unavailable' }],
      fix: null,
      suggestions: [],
    },
    {
      name: 'maxUnavailable 0%, with no workload at all',
      files: { 'k8s/pdb.yaml': pdb("maxUnavailable: '0%'") },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2 }],
    },
    {
      name: 'minAvailable 100%',
      files: { 'k8s/pdb.yaml': pdb("minAvailable: '100%'") },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, endCharacter: 14, messageIncludes: '(minAvailable: 100%)' }],
    },
    {
      name: 'minAvailable equal to replicas',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/pdb.yaml': pdb('minAvailable: 3') },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, endCharacter: 14, messageIncludes: 'requires 3 available pods, but Deployment "model-server" runs only 3' }],
    },
    {
      name: 'minAvailable 1 of a Deployment that sets no replicas (1)',
      files: { 'k8s/deploy.yaml': DEPLOYMENT.replace('  replicas: 3\n', ''), 'k8s/pdb.yaml': pdb('minAvailable: 1') },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, messageIncludes: 'requires 1 available pod, but Deployment "model-server" runs only 1' }],
    },
    {
      name: "minAvailable equal to the HPA's minReplicas",
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA, 'k8s/pdb.yaml': pdb('minAvailable: 2') },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, messageIncludes: 'runs only 2' }],
    },
    {
      name: 'minAvailable 50% of one replica rounds up to 1',
      files: { 'k8s/deploy.yaml': ONE_REPLICA, 'k8s/pdb.yaml': pdb("minAvailable: '50%'") },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, messageIncludes: 'requires 1 available pod' }],
    },
    {
      name: 'two workloads of one replica each, selected by matchExpressions',
      files: {
        'k8s/a.yaml': ONE_REPLICA,
        'k8s/b.yaml': ONE_REPLICA.replace('  name: model-server\nspec', '  name: model-canary\nspec').replace('version: v1', 'version: v2'),
        'k8s/pdb.yaml': pdb('minAvailable: 2').replace('    matchLabels:\n      app: model-server', '    matchExpressions:\n      - {key: version, operator: In, values: [v1, v2]}'),
      },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, messageIncludes: 'Deployment "model-server" and Deployment "model-canary" run only 2' }],
    },
    {
      name: 'a KEDA ScaledObject that may scale to zero counts as one pod',
      files: {
        'k8s/deploy.yaml': DEPLOYMENT,
        'k8s/scaled.yaml': yaml('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata:', '  name: model-server', 'spec:', '  scaleTargetRef:', '    name: model-server'),
        'k8s/pdb.yaml': pdb('minAvailable: 1'),
      },
      findings: [{ path: 'k8s/pdb.yaml', line: 5, character: 2, messageIncludes: 'runs only 1' }],
    },
  ],
});
