import { MLO201 } from '../../../../src/core/kubernetes/rules/MLO201';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

/** A Deployment whose one container has the given lines after its name (indented ten spaces). */
function deployment(...containerLines: string[]): string {
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: model',
    'spec:',
    '  selector:',
    '    matchLabels: {app: model}',
    '  template:',
    '    metadata:',
    '      labels: {app: model}',
    '    spec:',
    '      containers:',
    '        - name: server',
    ...containerLines,
  );
}

kubernetesRuleTests(MLO201, {
  valid: [
    deployment('          image: model:1.4.2', '          resources:', '            limits: {cpu: "2", memory: 4Gi}'),
    {
      name: 'objects that are not workloads',
      code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  containers: none'),
    },
    {
      name: 'a custom resource that reuses the Job kind',
      code: yaml('apiVersion: batch.volcano.sh/v1alpha1', 'kind: Job', 'spec:', '  tasks:', '    - template:', '        spec:', '          containers:', '            - name: a'),
    },
    {
      name: 'suppressed by a comment before the container',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    # mlops-deploy ignore=MLO201', '    - name: server', '      image: model:1'),
    },
    {
      name: 'suppressed by a comment before the object',
      code: yaml('# mlops-deploy ignore=MLO202,MLO201', 'apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server'),
    },
    {
      name: 'suppressed by the annotation',
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  annotations:', '    mlops-deploy.io/ignore: "MLO204, MLO201"', 'spec:', '  containers:', '    - name: server'),
    },
  ],
  invalid: [
    {
      name: 'no resources: the finding sits on the container, the suggestion adds limits and requests',
      code: deployment('          image: model:1.4.2'),
      errors: [{ line: 13, column: 11, endColumn: 23, message: /Container "server" has no cpu or memory limit/ }],
      suggestion: deployment(
        '          image: model:1.4.2',
        '          resources:',
        '            limits:',
        '              cpu: "1"',
        '              memory: 1Gi',
        '            requests:',
        '              cpu: 500m',
        '              memory: 512Mi',
      ),
    },
    {
      name: 'requests only: the finding sits on resources, the suggestion adds limits',
      code: deployment('          resources:', '            requests:', '              cpu: 500m'),
      errors: [{ line: 14, column: 11, endColumn: 20 }],
      suggestion: deployment('          resources:', '            requests:', '              cpu: 500m', '            limits:', '              cpu: "1"', '              memory: 1Gi'),
    },
    {
      name: 'requests above the default limits: the suggested limits equal them, since a limit below the request is rejected',
      code: deployment('          resources:', '            requests:', '              cpu: 4', '              memory: 16Gi'),
      errors: [{ line: 14, column: 11, endColumn: 20 }],
      suggestion: deployment('          resources:', '            requests:', '              cpu: 4', '              memory: 16Gi', '            limits:', '              cpu: "4"', '              memory: 16Gi'),
    },
    {
      name: 'memory limit missing: the finding sits on limits, the suggestion adds the memory limit',
      code: deployment('          resources:', '            limits:', '              cpu: "2"', '          image: model:1'),
      errors: [{ line: 15, column: 13, endColumn: 19, message: /has no memory limit/ }],
      suggestion: deployment('          resources:', '            limits:', '              cpu: "2"', '              memory: 1Gi', '          image: model:1'),
    },
    {
      name: 'a flow-style limits map gets no suggestion',
      code: deployment('          resources:', '            limits: {cpu: "2"}'),
      errors: [{ line: 15, column: 13, endColumn: 19 }],
      suggestion: null,
    },
    {
      name: 'init containers, every document of the file, and a file without a final line break',
      code: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: a}', '---', 'apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          initContainers:', '            - name: fetch', '              image: busybox:1.36', '          containers:', '            - name: train').trimEnd(),
      errors: [
        { line: 13, column: 15, endColumn: 26 },
        { line: 16, column: 15, endColumn: 26 },
      ],
      suggestion: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: a}', '---', 'apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          initContainers:', '            - name: fetch', '              image: busybox:1.36', '              resources:', '                limits:', '                  cpu: "1"', '                  memory: 1Gi', '                requests:', '                  cpu: 500m', '                  memory: 512Mi', '          containers:', '            - name: train').trimEnd(),
    },
    {
      name: 'a suppression on another field does not hide the container',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', '      # mlops-deploy ignore=MLO201', '      image: model:1'),
      errors: [{ line: 5, column: 7 }],
    },
  ],
});
