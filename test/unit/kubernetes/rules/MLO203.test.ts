import { MLO203 } from '../../../../src/core/kubernetes/rules/MLO203';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function deployment(kind: string, ...containerLines: string[]): string {
  return yaml(`apiVersion: apps/v1`, `kind: ${kind}`, 'spec:', '  template:', '    spec:', '      containers:', '        - name: server', ...containerLines);
}

kubernetesRuleTests(MLO203, {
  valid: [
    deployment('Deployment', '          readinessProbe:', '            httpGet: {path: /ready, port: 8080}'),
    { name: 'a Job runs to completion', code: yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  template:', '    spec:', '      containers:', '        - name: train') },
    {
      name: 'a CronJob runs to completion',
      code: yaml('apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers:', '            - name: retrain'),
    },
    { name: 'a Pod that does not restart', code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  restartPolicy: Never', '  containers:', '    - name: once') },
    {
      name: 'init containers run once',
      code: deployment('Deployment', '          readinessProbe: {tcpSocket: {port: 80}}').replace('      containers:', '      initContainers:\n        - name: fetch\n      containers:'),
    },
  ],
  invalid: [
    {
      name: 'a named first port',
      code: deployment('DaemonSet', '          ports:', '            - name: http', '              containerPort: 8080', '            - containerPort: 9090'),
      errors: [{ line: 7, column: 11, endColumn: 23, message: /Container "server" has no readinessProbe/ }],
      suggestion: deployment(
        'DaemonSet',
        '          ports:',
        '            - name: http',
        '              containerPort: 8080',
        '            - containerPort: 9090',
        '          readinessProbe:',
        '            httpGet:',
        '              path: /health',
        '              port: http',
        '            periodSeconds: 10',
      ),
    },
    {
      name: 'an unnamed first port, and a bare Pod that restarts',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', '      ports: [{containerPort: 8080}]', '      image: model:1'),
      errors: [{ line: 5, column: 7 }],
      suggestion: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', '      ports: [{containerPort: 8080}]', '      image: model:1', '      readinessProbe:', '        httpGet:', '          path: /health', '          port: 8080', '        periodSeconds: 10'),
    },
    {
      name: 'Triton: the HTTP port is chosen over gRPC and metrics, whatever their order',
      code: deployment('Deployment', '          ports:', '            - {name: grpc, containerPort: 8001}', '            - {name: metrics, containerPort: 8002}', '            - {name: http, containerPort: 8000}'),
      errors: [{ line: 7, column: 11 }],
      suggestion: deployment(
        'Deployment',
        '          ports:',
        '            - {name: grpc, containerPort: 8001}',
        '            - {name: metrics, containerPort: 8002}',
        '            - {name: http, containerPort: 8000}',
        '          readinessProbe:',
        '            httpGet:',
        '              path: /health',
        '              port: http',
        '            periodSeconds: 10',
      ),
    },
    {
      name: 'a port named for health checks comes first; an unnamed port after a metrics port',
      code: deployment('Deployment', '          ports:', '            - {name: web, containerPort: 80}', '            - {name: health, containerPort: 8081}') + deployment('Deployment', '          ports:', '            - {name: metrics, containerPort: 9090}', '            - {containerPort: 8080}').replace('apiVersion', '---\napiVersion'),
      errors: [{ line: 7, column: 11 }, { line: 18, column: 11 }],
      suggestion: deployment('Deployment', '          ports:', '            - {name: web, containerPort: 80}', '            - {name: health, containerPort: 8081}', '          readinessProbe:', '            httpGet:', '              path: /health', '              port: health', '            periodSeconds: 10') + deployment('Deployment', '          ports:', '            - {name: metrics, containerPort: 9090}', '            - {containerPort: 8080}').replace('apiVersion', '---\napiVersion'),
    },
    {
      name: 'only gRPC and UDP ports: no HTTP probe to suggest',
      code: deployment('Deployment', '          ports: [{name: grpc, containerPort: 50051}, {containerPort: 53, protocol: UDP}]'),
      errors: [{ line: 7, column: 11 }],
      suggestion: null,
    },
    {
      name: 'no port: no suggestion',
      code: deployment('StatefulSet', '          image: model:1'),
      errors: [{ line: 7, column: 11 }],
      suggestion: null,
    },
    {
      name: 'an empty probe key is reported on the key',
      code: deployment('ReplicaSet', '          readinessProbe:', '          ports: [{containerPort: 1}]'),
      errors: [{ line: 8, column: 11, endColumn: 25 }],
      suggestion: null,
    },
  ],
});
