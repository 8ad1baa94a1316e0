import { MLO302 } from '../../../../../src/core/kubernetes/workspace/rules/MLO302';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, HPA } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

const GENERATED_HPA = yaml(
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  scaleTargetRef:',
  '    apiVersion: apps/v1',
  '    kind: Deployment',
  '    name: model-server',
  '  minReplicas: 2',
  '  maxReplicas: 10',
  '  metrics:',
  '    - type: Resource',
  '      resource:',
  '        name: cpu',
  '        target:',
  '          type: Utilization',
  '          averageUtilization: 70',
);

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
  '        query: sum(rate(http_requests_total{app="model-server"}[1m]))',
  '        threshold: "100"',
);

const ROLLOUT_WITH_REF = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
  'metadata:',
  '  name: model-server-rollout',
  'spec:',
  '  workloadRef:',
  '    apiVersion: apps/v1',
  '    kind: Deployment',
  '    name: model-server',
  '  strategy:',
  '    canary:',
  '      steps:',
  '        - setWeight: 20',
);

workspaceRuleTests(MLO302, {
  valid: [
    { name: 'an HPA in another file targets it', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/hpa.yaml': HPA } },
    { name: 'a KEDA ScaledObject counts (its default kind is Deployment)', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/keda.yaml': SCALED_OBJECT } },
    {
      name: 'a StatefulSet with an autoscaling/v1 HPA, in namespace ml',
      files: {
        'app/sts.yaml': DEPLOYMENT_IN_ML.replace('kind: Deployment', 'kind: StatefulSet'),
        'app/hpa.yaml': yaml('apiVersion: autoscaling/v1', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: x', '  namespace: ml', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: StatefulSet', '    name: model-server', '  maxReplicas: 5', '  targetCPUUtilizationPercentage: 70'),
      },
    },
    {
      name: 'a Deployment run by an Argo Rollout through workloadRef: the HPA targets the Rollout',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/rollout.yaml': ROLLOUT_WITH_REF,
        'app/hpa.yaml': HPA.replace('    apiVersion: apps/v1\n    kind: Deployment\n    name: model-server\n', '    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout\n    name: model-server-rollout\n'),
      },
    },
    {
      name: 'DaemonSets, Jobs and Pods are not scaled by replicas',
      files: { 'app/ds.yaml': DEPLOYMENT.replace('kind: Deployment', 'kind: DaemonSet').replace('  replicas: 3\n', '') },
    },
    {
      name: 'a kustomization puts the HPA into the namespace of the Deployment',
      files: {
        'app/deploy.yaml': DEPLOYMENT_IN_ML,
        'app/hpa.yaml': HPA,
        'app/kustomization.yml': yaml('namespace: ml', 'resources: [deploy.yaml, hpa.yaml]'),
      },
    },
    { name: 'ignored by annotation', files: { 'app/deploy.yaml': DEPLOYMENT.replace('  name: model-server\n', '  name: model-server\n  annotations:\n    mlops-deploy.io/ignore: "MLO301, MLO302"\n') } },
  ],
  invalid: [
    {
      name: 'no HPA',
      files: { 'app/deploy.yaml': DEPLOYMENT },
      findings: [{ path: 'app/deploy.yaml', line: 1, character: 6, endLine: 1, endCharacter: 16, messageIncludes: 'No HorizontalPodAutoscaler (or KEDA ScaledObject) in namespace "default" targets Deployment "model-server"' }],
      suggestions: [
        { titleIncludes: 'Create a HorizontalPodAutoscaler for Deployment "model-server" in this file', files: { 'app/deploy.yaml': `${DEPLOYMENT}---\n${GENERATED_HPA}` } },
        { titleIncludes: 'in a new file (model-server-hpa.yaml)', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/model-server-hpa.yaml': GENERATED_HPA } },
      ],
    },
    {
      name: 'the HPA targets another kind, another name, or sits in another namespace',
      files: {
        'app/deploy.yaml': DEPLOYMENT_IN_ML,
        'app/hpa.yaml': [HPA, HPA.replace('kind: Deployment', 'kind: StatefulSet'), HPA.replace('    name: model-server\n', '    name: model-server-v2\n')]
          .map((text, i) => text.replace('  name: model-server\n', `  name: hpa-${i}\n${i > 0 ? '  namespace: ml\n' : ''}`))
          .join('---\n'),
      },
      findings: [{ path: 'app/deploy.yaml', line: 1, messageIncludes: 'namespace "ml"' }],
    },
    {
      name: 'a ScaledObject for a StatefulSet does not scale the Deployment of that name',
      files: { 'app/deploy.yaml': DEPLOYMENT, 'app/keda.yaml': SCALED_OBJECT.replace('    name: model-server\n', '    kind: StatefulSet\n    name: model-server\n') },
      findings: [{ path: 'app/deploy.yaml', line: 1 }],
    },
    {
      name: 'a Rollout with workloadRef and no HPA is reported, not its Deployment',
      files: { 'app/deploy.yaml': DEPLOYMENT.replace('replicas: 3', 'replicas: 12'), 'app/rollout.yaml': ROLLOUT_WITH_REF },
      findings: [{ path: 'app/rollout.yaml', line: 1, character: 6, endCharacter: 13, messageIncludes: 'Rollout "model-server-rollout"' }],
      suggestions: [
        {
          files: {
            'app/deploy.yaml': DEPLOYMENT.replace('replicas: 3', 'replicas: 12'),
            'app/rollout.yaml': `${ROLLOUT_WITH_REF}---\n${GENERATED_HPA.replace(/model-server/g, 'model-server-rollout').replace('apiVersion: apps/v1', 'apiVersion: argoproj.io/v1alpha1').replace('kind: Deployment', 'kind: Rollout')}`,
          },
        },
        {
          titleIncludes: 'model-server-rollout-hpa.yaml',
          files: {
            'app/deploy.yaml': DEPLOYMENT.replace('replicas: 3', 'replicas: 12'),
            'app/rollout.yaml': ROLLOUT_WITH_REF,
            'app/model-server-rollout-hpa.yaml': GENERATED_HPA.replace(/model-server/g, 'model-server-rollout').replace('apiVersion: apps/v1', 'apiVersion: argoproj.io/v1alpha1').replace('kind: Deployment', 'kind: Rollout'),
          },
        },
      ],
    },
    {
      name: 'more replicas than ten raise the maximum',
      files: { 'app/deploy.yaml': DEPLOYMENT.replace('replicas: 3', 'replicas: 12') },
      findings: [{ path: 'app/deploy.yaml', line: 1 }],
      suggestions: [
        { files: { 'app/deploy.yaml': `${DEPLOYMENT.replace('replicas: 3', 'replicas: 12')}---\n${GENERATED_HPA.replace('maxReplicas: 10', 'maxReplicas: 12')}` } },
        { files: { 'app/deploy.yaml': DEPLOYMENT.replace('replicas: 3', 'replicas: 12'), 'app/model-server-hpa.yaml': GENERATED_HPA.replace('maxReplicas: 10', 'maxReplicas: 12') } },
      ],
    },
  ],
});
