import { MLO209 } from '../../../../src/core/kubernetes/rules/MLO209';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

/** A Deployment with pod-level lines after `spec:` and one container "server" with the given lines. */
function deployment(podLines: string[], ...containerLines: string[]): string {
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: model',
    'spec:',
    '  template:',
    '    spec:',
    ...podLines,
    '      containers:',
    '        - name: server',
    '          image: model:1.2.0',
    ...containerLines,
  );
}

kubernetesRuleTests(MLO209, {
  valid: [
    deployment([], '          securityContext:', '            runAsNonRoot: true'),
    deployment([], '          securityContext: {runAsUser: 1000}'),
    { name: 'runAsNonRoot inherited from the pod', code: deployment(['      securityContext:', '        runAsNonRoot: true', '        fsGroup: 2000']) },
    { name: 'a user id inherited from the pod', code: deployment(['      securityContext: {runAsUser: 10001, runAsGroup: 10001}']) },
    { name: 'the container\'s user id wins over the pod\'s root', code: deployment(['      securityContext: {runAsUser: 0}'], '          securityContext: {runAsUser: 65532}') },
    { name: 'a Windows pod has no Linux user ids', code: deployment(['      os: {name: windows}']) },
    {
      name: 'an init container inherits too',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  securityContext: {runAsNonRoot: true}', '  initContainers: [{name: fetch}]', '  containers: [{name: server}]'),
    },
  ],
  invalid: [
    {
      name: 'nothing set: the suggestion adds a securityContext',
      code: deployment([]),
      errors: [{ line: 9, column: 11, endColumn: 23, message: /Container "server" may run as root: neither it nor its pod sets runAsNonRoot/ }],
      suggestion: deployment(
        [],
        '          securityContext:',
        '            runAsNonRoot: true',
        '            runAsUser: 10001',
        '            runAsGroup: 10001',
        '            allowPrivilegeEscalation: false',
        '            capabilities:',
        '              drop: ["ALL"]',
      ),
    },
    {
      name: 'a securityContext without a user: the suggestion adds what is missing',
      code: deployment(['      securityContext:', '        fsGroup: 2000'], '          securityContext:', '            readOnlyRootFilesystem: true'),
      errors: [{ line: 13, column: 11, endColumn: 26 }],
      suggestion: deployment(
        ['      securityContext:', '        fsGroup: 2000'],
        '          securityContext:',
        '            readOnlyRootFilesystem: true',
        '            runAsNonRoot: true',
        '            runAsUser: 10001',
      ),
    },
    {
      name: 'runAsNonRoot false on the container overrides the pod',
      code: deployment(['      securityContext: {runAsNonRoot: true}'], '          securityContext:', '            runAsNonRoot: false'),
      errors: [{ line: 13, column: 27, endColumn: 32, message: /runAsNonRoot is not true/ }],
      suggestion: null,
    },
    {
      name: 'root on the pod, and a contradiction on the container',
      code: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  securityContext: {runAsUser: 0}',
        '  containers:',
        '    - name: a',
        '    - name: b',
        '      securityContext: {runAsNonRoot: true, runAsUser: 0}',
      ),
      errors: [
        { line: 4, column: 32, endColumn: 33, message: /Container "a" runs as root \(runAsUser: 0\)\. / },
        { line: 8, column: 56, endColumn: 57, message: /contradicts runAsNonRoot: the kubelet refuses to start it/ },
      ],
      suggestion: null,
    },
    {
      name: 'a file indented by four spaces gets a block indented by four',
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '    name: model', 'spec:', '    containers:', '        -   name: server', '            image: model:1.2.0'),
      errors: [{ line: 7, column: 13 }],
      suggestion: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: model',
        'spec:',
        '    containers:',
        '        -   name: server',
        '            image: model:1.2.0',
        '            securityContext:',
        '                runAsNonRoot: true',
        '                runAsUser: 10001',
        '                runAsGroup: 10001',
        '                allowPrivilegeEscalation: false',
        '                capabilities:',
        '                    drop: ["ALL"]',
      ),
    },
    {
      name: 'a flow-style securityContext gets no suggestion; init containers count',
      code: yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  template:', '    spec:', '      initContainers:', '        - name: fetch', '          securityContext: {readOnlyRootFilesystem: true}', '      containers:', '        - name: train', '          securityContext: {runAsUser: 1000}'),
      errors: [{ line: 8, column: 11 }],
      suggestion: null,
    },
  ],
});
