import { MLO304 } from '../../../../../src/core/kubernetes/workspace/rules/MLO304';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, NETWORK_POLICY } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

const GENERATED_POLICY = yaml(
  '# Allows ingress to the container ports only, and only from pods in the same namespace; all other ingress is denied.',
  '# Add rules for an ingress controller, monitoring or other namespaces that must reach these pods.',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      app: model-server',
  '  policyTypes:',
  '    - Ingress',
  '  ingress:',
  '    - from:',
  '        - podSelector: {}',
  '      ports:',
  '        - protocol: TCP',
  '          port: 8080',
);

const CRON_JOB = yaml(
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata:',
  '  name: retrain',
  '  namespace: ml',
  'spec:',
  '  schedule: "0 3 * * *"',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        metadata:',
  '          labels:',
  '            app: retrain',
  '        spec:',
  '          restartPolicy: OnFailure',
  '          containers:',
  '            - name: retrain',
  '              image: trainer:2.0.1',
);

const DEFAULT_DENY = yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: default-deny', '  namespace: ml', 'spec:', '  podSelector: {}', '  policyTypes: [Ingress, Egress]');

workspaceRuleTests(MLO304, {
  valid: [
    { name: 'a NetworkPolicy in another file selects the pods', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/netpol.yaml': NETWORK_POLICY } },
    { name: 'an empty podSelector selects every pod of its namespace', files: { 'app/deploy.yaml': DEPLOYMENT_IN_ML, 'app/cron.yaml': CRON_JOB, 'policies/deny.yaml': DEFAULT_DENY } },
    {
      name: 'a policy selecting by matchExpressions',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/netpol.yaml': NETWORK_POLICY.replace('    matchLabels:\n      app: model-server\n', '    matchExpressions:\n      - key: version\n        operator: Exists\n'),
      },
    },
    {
      name: 'a CiliumNetworkPolicy with a k8s: prefixed endpointSelector',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/cnp.yaml': yaml('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata:', '  name: model-server', 'spec:', '  endpointSelector:', '    matchLabels:', '      k8s:app: model-server', '  ingress:', '    - fromEndpoints:', '        - {}'),
      },
    },
    {
      name: 'an Argo Rollout with a policy',
      files: { 'app/rollout.yaml': DEPLOYMENT.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout'), 'app/netpol.yaml': NETWORK_POLICY },
    },
    {
      name: "kustomize's namespace applies to a default-deny policy without one",
      files: {
        'app/kustomization.yaml': yaml('namespace: ml', 'resources:', '  - deploy.yaml', '  - ../policies'),
        'app/deploy.yaml': DEPLOYMENT,
        'policies/kustomization.yaml': yaml('resources:', '  - deny.yaml'),
        'policies/deny.yaml': DEFAULT_DENY.replace('  namespace: ml\n', ''),
      },
    },
  ],
  invalid: [
    {
      name: 'no NetworkPolicy',
      files: { 'app/deploy.yaml': DEPLOYMENT },
      findings: [{ path: 'app/deploy.yaml', line: 1, character: 6, endLine: 1, endCharacter: 16, messageIncludes: 'No NetworkPolicy in namespace "default" selects the pods of Deployment "model-server"' }],
      suggestions: [
        { titleIncludes: 'ingress to its ports from its namespace only) in this file', files: { 'app/deploy.yaml': `${DEPLOYMENT}---\n${GENERATED_POLICY}` } },
        { titleIncludes: 'in a new file (model-server-networkpolicy.yaml)', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/model-server-networkpolicy.yaml': GENERATED_POLICY } },
      ],
    },
    {
      name: 'the default-deny policy is in another namespace; a Calico policy of the same kind name is not read',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'policies/deny.yaml': DEFAULT_DENY,
        'policies/calico.yaml': yaml('apiVersion: projectcalico.org/v3', 'kind: NetworkPolicy', 'metadata:', '  name: allow', 'spec:', "  selector: app == 'model-server'"),
      },
      findings: [{ path: 'app/deploy.yaml', line: 1 }],
    },
    {
      name: 'a CronJob without ports gets a deny-all-ingress policy on its pod labels',
      files: { 'app/cron.yaml': CRON_JOB },
      findings: [{ path: 'app/cron.yaml', line: 1, character: 6, endCharacter: 13, messageIncludes: 'CronJob "retrain"' }],
      suggestions: [
        {
          files: {
            'app/cron.yaml':
              CRON_JOB +
              yaml(
                '---',
                '# Allows ingress to the container ports only, and only from pods in the same namespace; all other ingress is denied.',
                '# Add rules for an ingress controller, monitoring or other namespaces that must reach these pods.',
                'apiVersion: networking.k8s.io/v1',
                'kind: NetworkPolicy',
                'metadata:',
                '  name: retrain',
                '  namespace: ml',
                'spec:',
                '  podSelector:',
                '    matchLabels:',
                '      app: retrain',
                '  policyTypes:',
                '    - Ingress',
                '  ingress: []',
              ),
          },
        },
        {
          titleIncludes: 'retrain-networkpolicy.yaml',
          files: {
            'app/cron.yaml': CRON_JOB,
            'app/retrain-networkpolicy.yaml': yaml(
              '# Allows ingress to the container ports only, and only from pods in the same namespace; all other ingress is denied.',
              '# Add rules for an ingress controller, monitoring or other namespaces that must reach these pods.',
              'apiVersion: networking.k8s.io/v1',
              'kind: NetworkPolicy',
              'metadata:',
              '  name: retrain',
              '  namespace: ml',
              'spec:',
              '  podSelector:',
              '    matchLabels:',
              '      app: retrain',
              '  policyTypes:',
              '    - Ingress',
              '  ingress: []',
            ),
          },
        },
      ],
    },
    {
      name: 'each workload of a file is reported on its own kind',
      files: { 'app/all.yaml': `${DEPLOYMENT}---\n${DEPLOYMENT.replace(/model-server/g, 'tokenizer')}` },
      findings: [
        { path: 'app/all.yaml', line: 1, messageIncludes: '"model-server"' },
        { path: 'app/all.yaml', line: 23, messageIncludes: '"tokenizer"' },
      ],
    },
  ],
});
