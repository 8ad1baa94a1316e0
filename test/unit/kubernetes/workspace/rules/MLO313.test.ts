import { MLO313 } from '../../../../../src/core/kubernetes/workspace/rules/MLO313';
import { DEPLOYMENT, SERVICE } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** DEPLOYMENT's pod template `metadata` is on line 10, its key at 4–12. */
const ANNOTATED = DEPLOYMENT.replace('    metadata:\n', '    metadata:\n      annotations:\n        prometheus.io/scrape: "true"\n        prometheus.io/port: "8080"\n');

const LABELLED_SERVICE = SERVICE.replace('  name: model-server\n', '  name: model-server\n  labels:\n    app: model-server\n');

function serviceMonitor(...extra: string[]): string {
  return yaml(
    'apiVersion: monitoring.coreos.com/v1',
    'kind: ServiceMonitor',
    'metadata:',
    '  name: model-server',
    ...extra,
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: model-server',
    '  endpoints:',
    '    - port: http',
    '      path: /metrics',
  );
}

const POD_MONITOR = yaml(
  'apiVersion: monitoring.coreos.com/v1',
  'kind: PodMonitor',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      app: model-server',
  '  podMetricsEndpoints:',
  '    - port: http',
);

workspaceRuleTests(MLO313, {
  valid: [
    { name: 'prometheus.io/scrape on the pods', files: { 'k8s/deploy.yaml': ANNOTATED } },
    { name: 'prometheus.io/scrape on a Service for the pods', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE.replace('  name: model-server\n', '  name: model-server\n  annotations:\n    prometheus.io/scrape: "true"\n') } },
    { name: 'a ServiceMonitor selecting a Service for the pods', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': LABELLED_SERVICE, 'k8s/monitor.yaml': serviceMonitor() } },
    {
      name: 'a ServiceMonitor in the monitoring namespace that looks at every namespace',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': LABELLED_SERVICE, 'k8s/monitor.yaml': `${serviceMonitor('  namespace: monitoring')}  namespaceSelector:\n    any: true\n` },
    },
    {
      name: 'a ServiceMonitor that names the namespace',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': LABELLED_SERVICE, 'k8s/monitor.yaml': `${serviceMonitor('  namespace: monitoring')}  namespaceSelector:\n    matchNames: [default]\n` },
    },
    { name: 'a PodMonitor selecting the pods', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/monitor.yaml': POD_MONITOR } },
    { name: 'a worker without ports serves nothing', files: { 'k8s/deploy.yaml': DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '') } },
    {
      name: 'a Job with a port runs to completion',
      files: { 'k8s/job.yaml': yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: train', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: train', '          image: trainer:2.0.1', '          ports:', '            - containerPort: 6006') },
    },
  ],
  invalid: [
    {
      name: 'nothing scrapes the Deployment',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE },
      findings: [{ path: 'k8s/deploy.yaml', line: 10, character: 4, endCharacter: 12, messageIncludes: 'Deployment "model-server" serves on port 8080, but nothing collects its metrics' }],
      fix: null,
      suggestions: [],
    },
    {
      name: 'prometheus.io/scrape "false"',
      files: { 'k8s/deploy.yaml': ANNOTATED.replace('prometheus.io/scrape: "true"', 'prometheus.io/scrape: "false"') },
      findings: [{ path: 'k8s/deploy.yaml', line: 10, character: 4 }],
    },
    {
      name: "a ServiceMonitor whose Service's labels do not match",
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': SERVICE, 'k8s/monitor.yaml': serviceMonitor() },
      findings: [{ path: 'k8s/deploy.yaml', line: 10, character: 4 }],
    },
    {
      name: 'a ServiceMonitor in another namespace without a namespaceSelector',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': LABELLED_SERVICE, 'k8s/monitor.yaml': serviceMonitor('  namespace: monitoring') },
      findings: [{ path: 'k8s/deploy.yaml', line: 10, character: 4 }],
    },
    {
      name: 'a ServiceMonitor whose namespaceSelector names other namespaces',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/svc.yaml': LABELLED_SERVICE, 'k8s/monitor.yaml': `${serviceMonitor('  namespace: monitoring')}  namespaceSelector:\n    matchNames: [ml, staging]\n` },
      findings: [{ path: 'k8s/deploy.yaml', line: 10, character: 4 }],
    },
    {
      name: 'a PodMonitor for other pods, and a bare Pod without template',
      files: {
        'k8s/deploy.yaml': DEPLOYMENT,
        'k8s/monitor.yaml': POD_MONITOR.replace('app: model-server', 'app: tokenizer'),
        'k8s/pod.yaml': yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  containers:', '    - name: shell', '      image: busybox:1.36', '      ports: [{containerPort: 8000}]'),
      },
      findings: [
        { path: 'k8s/deploy.yaml', line: 10, character: 4 },
        { path: 'k8s/pod.yaml', line: 2, character: 0, endCharacter: 8, messageIncludes: 'Pod "debug" serves on port 8000' },
      ],
    },
  ],
});
