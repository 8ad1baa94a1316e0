import { MLO301 } from '../../../../../src/core/kubernetes/workspace/rules/MLO301';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, SERVICE } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

const GENERATED_SERVICE = yaml(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  selector:',
  '    app: model-server',
  '  ports:',
  '    - name: http',
  '      port: 8080',
  '      targetPort: http',
);

/** A bare Pod with an unnamed UDP port and a TCP one; `ports` on line 10 at 8–13. */
const POD = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: dns-probe',
  '  labels:',
  '    app: dns-probe',
  'spec:',
  '  containers:',
  '    - name: probe',
  '      image: probe:1.0.0',
  '      ports:',
  '        - containerPort: 5353',
  '          protocol: UDP',
  '        - containerPort: 9100',
);

workspaceRuleTests(MLO301, {
  valid: [
    { name: 'a Service in another file selects the pods', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/service.yaml': SERVICE } },
    { name: 'a Service selecting a subset of the pod labels', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/service.yaml': SERVICE.replace('    app: model-server\n', '    app: model-server\n    version: v1\n') } },
    { name: 'both in namespace ml', files: { 'app/deploy.yaml': DEPLOYMENT_IN_ML, 'app/service.yaml': SERVICE.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n') } },
    {
      name: 'a workload without container ports needs none',
      files: { 'app/worker.yaml': DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '') },
    },
    {
      name: 'Jobs, CronJobs and a Pod that finishes are not served',
      files: {
        'app/job.yaml': yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: train', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: train', '          image: trainer:2.0.1', '          ports:', '            - containerPort: 6006'),
        'app/pod.yaml': POD.replace('spec:\n', 'spec:\n  restartPolicy: OnFailure\n'),
      },
    },
    {
      name: 'an Argo Rollout selected by a Service',
      files: { 'app/rollout.yaml': DEPLOYMENT.replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout'), 'app/service.yaml': SERVICE },
    },
    {
      name: "kustomize's commonLabels are added to both the Service's selector and the pods",
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/service.yaml': SERVICE,
        'app/kustomization.yaml': yaml('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'commonLabels:', '  team: ml', 'resources:', '  - deploy.yaml', '  - service.yaml'),
      },
    },
    { name: 'ignored by a comment before the ports', files: { 'app/deploy.yaml': DEPLOYMENT.replace('          ports:\n', '          # mlops-deploy ignore=MLO301\n          ports:\n') } },
  ],
  invalid: [
    {
      name: 'no Service',
      files: { 'app/deploy.yaml': DEPLOYMENT },
      findings: [{ path: 'app/deploy.yaml', line: 18, character: 10, endLine: 18, endCharacter: 15, messageIncludes: 'No Service in namespace "default" selects the pods of Deployment "model-server"' }],
      suggestions: [
        { titleIncludes: 'Create a Service for Deployment "model-server" in this file', files: { 'app/deploy.yaml': `${DEPLOYMENT}---\n${GENERATED_SERVICE}` } },
        { titleIncludes: 'in a new file (model-server-service.yaml)', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/model-server-service.yaml': GENERATED_SERVICE } },
      ],
    },
    {
      name: 'the Service is in another namespace, or selects a label the pods lack',
      files: {
        'app/deploy.yaml': DEPLOYMENT_IN_ML,
        'app/service.yaml': `${SERVICE}---\n${SERVICE.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n').replace('    app: model-server\n', '    app: model-server\n    tier: gpu\n')}`,
      },
      findings: [{ path: 'app/deploy.yaml', line: 19, character: 10, messageIncludes: 'namespace "ml"' }],
    },
    {
      name: 'a Service without a selector selects no pods',
      files: { 'app/deploy.yaml': DEPLOYMENT, 'app/service.yaml': SERVICE.replace('  selector:\n    app: model-server\n', '') },
      findings: [{ path: 'app/deploy.yaml', line: 18 }],
    },
    {
      name: 'a bare Pod: selected by its labels, each port once, UDP kept',
      files: { 'pod.yaml': POD },
      findings: [{ path: 'pod.yaml', line: 10, character: 6, endCharacter: 11 }],
      suggestions: [
        {
          files: {
            'pod.yaml':
              POD +
              yaml(
                '---',
                'apiVersion: v1',
                'kind: Service',
                'metadata:',
                '  name: dns-probe',
                'spec:',
                '  selector:',
                '    app: dns-probe',
                '  ports:',
                '    - name: udp-5353',
                '      port: 5353',
                '      targetPort: 5353',
                '      protocol: UDP',
                '    - name: tcp-9100',
                '      port: 9100',
                '      targetPort: 9100',
              ),
          },
        },
        {
          files: {
            'pod.yaml': POD,
            'dns-probe-service.yaml': yaml(
              'apiVersion: v1',
              'kind: Service',
              'metadata:',
              '  name: dns-probe',
              'spec:',
              '  selector:',
              '    app: dns-probe',
              '  ports:',
              '    - name: udp-5353',
              '      port: 5353',
              '      targetPort: 5353',
              '      protocol: UDP',
              '    - name: tcp-9100',
              '      port: 9100',
              '      targetPort: 9100',
            ),
          },
        },
      ],
    },
    {
      name: 'a workload whose pods have no labels gets no suggestion',
      files: { 'pod.yaml': POD.replace('  labels:\n    app: dns-probe\n', '') },
      findings: [{ path: 'pod.yaml', line: 8 }],
      suggestions: [],
    },
  ],
});
