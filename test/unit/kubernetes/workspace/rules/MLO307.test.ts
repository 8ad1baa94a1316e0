import { MLO307 } from '../../../../../src/core/kubernetes/workspace/rules/MLO307';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, HPA } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** HPA's lines, 0-based: the target's `name: model-server` on line 8 (value at 10–22), minReplicas 9, maxReplicas 10. */
const ROLLOUT = DEPLOYMENT.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout');

workspaceRuleTests(MLO307, {
  valid: [
    { name: 'the target exists in another file', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA } },
    { name: 'an HPA without an apiVersion in its target', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('    apiVersion: apps/v1\n', '') } },
    {
      name: 'an Argo Rollout target',
      files: { 'k8s/rollout.yaml': ROLLOUT, 'k8s/hpa.yaml': HPA.replace('    apiVersion: apps/v1\n    kind: Deployment', '    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout') },
    },
    {
      name: 'both in namespace ml',
      files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/hpa.yaml': HPA.replace('  name: model-server\nspec', '  name: model-server\n  namespace: ml\nspec') },
    },
    {
      name: 'an autoscaling/v1 HPA with 3 to 5 replicas',
      files: { 'k8s/all.yaml': `${DEPLOYMENT}---\n${HPA.replace('autoscaling/v2', 'autoscaling/v1').replace('minReplicas: 2', 'minReplicas: 3').replace('maxReplicas: 10', 'maxReplicas: 5')}` },
    },
    {
      name: 'a KEDA ScaledObject is not an HPA',
      files: { 'k8s/scaled.yaml': yaml('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata:', '  name: worker', 'spec:', '  scaleTargetRef:', '    name: absent', '  minReplicaCount: 0') },
    },
  ],
  invalid: [
    {
      name: 'the target is defined nowhere',
      files: { 'k8s/hpa.yaml': HPA },
      findings: [{ path: 'k8s/hpa.yaml', line: 8, character: 10, endCharacter: 22, messageIncludes: 'targets Deployment "model-server" in namespace "default", which no manifest' }],
      suggestions: [],
    },
    {
      name: 'the target has another name',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('    name: model-server', '    name: model-sever') },
      findings: [{ path: 'k8s/hpa.yaml', line: 8, character: 10, endCharacter: 21 }],
    },
    {
      name: 'the target is a StatefulSet, not the Deployment of that name',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('kind: Deployment', 'kind: StatefulSet') },
      findings: [{ path: 'k8s/hpa.yaml', line: 8, character: 10, messageIncludes: 'StatefulSet "model-server"' }],
    },
    {
      name: 'the target is in another namespace',
      files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/hpa.yaml': HPA },
      findings: [{ path: 'k8s/hpa.yaml', line: 8, character: 10 }],
    },
    {
      name: 'the target names another API group',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('    apiVersion: apps/v1', '    apiVersion: argoproj.io/v1alpha1') },
      findings: [{ path: 'k8s/hpa.yaml', line: 8, character: 10 }],
    },
    {
      name: 'minReplicas 1',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('minReplicas: 2', 'minReplicas: 1') },
      findings: [{ path: 'k8s/hpa.yaml', line: 9, character: 2, endCharacter: 13, messageIncludes: 'keeps a single replica at low load: ' }],
    },
    {
      name: 'minReplicas absent means 1, reported on spec',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('  minReplicas: 2\n', '') },
      findings: [{ path: 'k8s/hpa.yaml', line: 4, character: 0, endCharacter: 4, messageIncludes: '(minReplicas defaults to 1)' }],
    },
    {
      name: 'minReplicas equal to maxReplicas',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('maxReplicas: 10', 'maxReplicas: 2') },
      findings: [{ path: 'k8s/hpa.yaml', line: 10, character: 2, endCharacter: 13, messageIncludes: 'minReplicas equal to maxReplicas (2)' }],
    },
    {
      name: 'all three at once, with maxReplicas 1 and no minReplicas',
      files: { 'k8s/hpa.yaml': HPA.replace('  minReplicas: 2\n', '').replace('maxReplicas: 10', 'maxReplicas: 1') },
      findings: [
        { path: 'k8s/hpa.yaml', line: 4, character: 0 },
        { path: 'k8s/hpa.yaml', line: 8, character: 10 },
        { path: 'k8s/hpa.yaml', line: 9, character: 2, messageIncludes: '(1)' },
      ],
    },
  ],
});
