import { MLO204 } from '../../../../src/core/kubernetes/rules/MLO204';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function deployment(...containerLines: string[]): string {
  return yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '        - name: server', ...containerLines);
}

kubernetesRuleTests(MLO204, {
  valid: [
    deployment('          livenessProbe:', '            httpGet: {path: /healthz, port: 8080}'),
    { name: 'a Job runs to completion', code: yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  template:', '    spec:', '      containers:', '        - name: train') },
    { name: 'a Pod that restarts only on failure', code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  restartPolicy: OnFailure', '  containers:', '    - name: once') },
    {
      name: 'suppressed by the annotation, in the second document',
      code: yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: ml}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  annotations: {mlops-deploy.io/ignore: MLO204}', 'spec:', '  containers:', '    - name: x'),
    },
  ],
  invalid: [
    {
      name: 'the suggestion waits for the model to load',
      code: deployment('          ports:', '            - containerPort: 8000'),
      errors: [{ line: 7, column: 11, endColumn: 23, message: /Container "server" has no livenessProbe/ }],
      suggestion: deployment(
        '          ports:',
        '            - containerPort: 8000',
        '          livenessProbe:',
        '            httpGet:',
        '              path: /health',
        '              port: 8000',
        '            initialDelaySeconds: 30',
        '            periodSeconds: 10',
      ),
    },
    {
      name: "Triton's and TorchServe's own health URLs",
      code: deployment('          image: nvcr.io/nvidia/tritonserver:24.08-py3', '          ports: [{name: http, containerPort: 8000}]', '        - name: torchserve', '          image: pytorch/torchserve:0.12.0-gpu', '          ports:', '            - containerPort: 8080'),
      errors: [
        { line: 7, column: 11 },
        { line: 10, column: 11 },
      ],
      suggestion: deployment(
        '          image: nvcr.io/nvidia/tritonserver:24.08-py3',
        '          ports: [{name: http, containerPort: 8000}]',
        '          livenessProbe:',
        '            httpGet:',
        '              path: /v2/health/live',
        '              port: http',
        '            initialDelaySeconds: 30',
        '            periodSeconds: 10',
        '        - name: torchserve',
        '          image: pytorch/torchserve:0.12.0-gpu',
        '          ports:',
        '            - containerPort: 8080',
      ),
    },
    {
      name: 'each container of the pod',
      code: deployment('          livenessProbe: {tcpSocket: {port: 1}}', '        - name: sidecar', '        - name: exporter'),
      errors: [
        { line: 9, column: 11 },
        { line: 10, column: 11 },
      ],
    },
  ],
});
