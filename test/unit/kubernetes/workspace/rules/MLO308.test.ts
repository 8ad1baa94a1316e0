import { MLO308 } from '../../../../../src/core/kubernetes/workspace/rules/MLO308';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, HPA } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** DEPLOYMENT's `replicas: 3` is on line 5, its key at 2–10. */
const WITHOUT_REPLICAS = DEPLOYMENT.replace('  replicas: 3\n', '');

const SCALED_OBJECT = yaml(
  'apiVersion: keda.sh/v1alpha1',
  'kind: ScaledObject',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  scaleTargetRef:',
  '    name: model-server',
  '  minReplicaCount: 2',
  '  triggers:',
  '    - type: prometheus',
  '      metadata:',
  '        serverAddress: http://prometheus.monitoring:9090',
  '        query: sum(rate(http_requests_total{job="model-server"}[1m]))',
  "        threshold: '50'",
);

workspaceRuleTests(MLO308, {
  valid: [
    { name: 'the HPA sets the scale alone', files: { 'k8s/deploy.yaml': WITHOUT_REPLICAS, 'k8s/hpa.yaml': HPA } },
    { name: 'replicas without an autoscaler', files: { 'k8s/deploy.yaml': DEPLOYMENT } },
    { name: 'an HPA for another Deployment', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('    name: model-server', '    name: tokenizer') } },
    { name: 'an HPA in another namespace', files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/hpa.yaml': HPA } },
    { name: 'an HPA for the StatefulSet of that name', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA.replace('kind: Deployment', 'kind: StatefulSet') } },
  ],
  invalid: [
    {
      name: 'an HPA in another file',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA },
      findings: [{ path: 'k8s/deploy.yaml', line: 5, character: 2, endCharacter: 10, messageIncludes: 'Deployment "model-server" is scaled by HPA "model-server" but also sets spec.replicas' }],
      fix: null,
      suggestions: [{ titleIncludes: 'Remove spec.replicas', files: { 'k8s/deploy.yaml': WITHOUT_REPLICAS, 'k8s/hpa.yaml': HPA } }],
    },
    {
      name: 'a KEDA ScaledObject, in the same file, and a comment after the value',
      files: { 'k8s/app.yaml': `${DEPLOYMENT.replace('replicas: 3', 'replicas: 3 # start with three')}---\n${SCALED_OBJECT}` },
      findings: [{ path: 'k8s/app.yaml', line: 5, character: 2, messageIncludes: 'KEDA ScaledObject "model-server"' }],
      suggestions: [{ files: { 'k8s/app.yaml': `${WITHOUT_REPLICAS}---\n${SCALED_OBJECT}` } }],
    },
    {
      name: 'an Argo Rollout, with CRLF line breaks',
      files: {
        'k8s/rollout.yaml': DEPLOYMENT.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout').replace(/\n/g, '\r\n'),
        'k8s/hpa.yaml': HPA.replace('    apiVersion: apps/v1\n    kind: Deployment', '    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout'),
      },
      findings: [{ path: 'k8s/rollout.yaml', line: 5, character: 2, messageIncludes: 'Rollout "model-server"' }],
      suggestions: [
        {
          files: {
            'k8s/rollout.yaml': WITHOUT_REPLICAS.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout').replace(/\n/g, '\r\n'),
            'k8s/hpa.yaml': HPA.replace('    apiVersion: apps/v1\n    kind: Deployment', '    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout'),
          },
        },
      ],
    },
    {
      name: 'replicas in a flow mapping: no suggestion',
      files: {
        'k8s/deploy.yaml': yaml(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: model-server',
          'spec: {replicas: 3, selector: {matchLabels: {app: model-server}}, template: {metadata: {labels: {app: model-server}}, spec: {containers: [{name: server, image: "model:1"}]}}}',
        ),
        'k8s/hpa.yaml': HPA,
      },
      findings: [{ path: 'k8s/deploy.yaml', line: 4, character: 7, endCharacter: 15 }],
      suggestions: [],
    },
    {
      name: 'two HPAs for one Deployment: one finding',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/hpa.yaml': `${HPA}---\n${HPA.replace('  name: model-server\nspec', '  name: model-server-2\nspec')}` },
      findings: [{ path: 'k8s/deploy.yaml', line: 5, character: 2 }],
    },
  ],
});
