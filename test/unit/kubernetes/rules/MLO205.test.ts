import { MLO205 } from '../../../../src/core/kubernetes/rules/MLO205';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function pod(...containerLines: string[]): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', ...containerLines);
}

kubernetesRuleTests(MLO205, {
  valid: [
    pod('      ports:', '        - {name: http, containerPort: 8080}', '      readinessProbe: {httpGet: {path: /ready, port: http}}', '      livenessProbe: {tcpSocket: {port: 8080}}'),
    pod('      ports: [{containerPort: 9000}]', '      startupProbe:', '        grpc: {port: 9000}'),
    { name: 'a probe that runs a command checks no port', code: pod('      livenessProbe:', '        exec: {command: [cat, /tmp/ok]}') },
    {
      name: 'a container port written as a string is still the port (the schema rule reports its type)',
      code: pod('      ports: [{containerPort: "8000"}]', '      livenessProbe: {httpGet: {path: /health, port: 8000}}'),
    },
    {
      name: 'a port of the wrong type is left to the schema rule',
      code: pod('      livenessProbe:', '        httpGet: {port: [1]}'),
    },
  ],
  invalid: [
    {
      name: 'a container whose only port is unusable says it declares none',
      code: pod('      ports: [{containerPort: [8000]}]', '      livenessProbe: {httpGet: {path: /health, port: 8000}}'),
      errors: [{ line: 7, column: 54, endColumn: 58, message: /port 8000, but container "server" declares no ports\./ }],
    },
    {
      name: 'a number that is not declared',
      code: pod('      ports:', '        - containerPort: 8080', '          name: http', '      readinessProbe:', '        httpGet:', '          path: /ready', '          port: 8081'),
      errors: [{ line: 12, column: 17, endColumn: 21, message: /The readinessProbe checks port 8081, but container "server" declares 8080, "http"\./ }],
      suggestion: null,
    },
    {
      name: 'a name that is not declared, and a container without ports',
      code: pod('      livenessProbe: {httpGet: {port: metrics}}', '      startupProbe: {tcpSocket: {port: 8080}}'),
      errors: [
        { line: 6, column: 39, endColumn: 46, message: /the port named "metrics", but container "server" declares no ports\. The API server rejects/ },
        { line: 7, column: 40, endColumn: 44 },
      ],
    },
    {
      name: 'a quoted number is a port name',
      code: pod('      ports: [{containerPort: 8080}]', '      livenessProbe: {httpGet: {port: "8080"}}'),
      errors: [{ line: 7, column: 39, endColumn: 45 }],
    },
    {
      name: 'a sidecar init container',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  initContainers:', '    - name: proxy', '      restartPolicy: Always', '      readinessProbe: {grpc: {port: 15021}}'),
      errors: [{ line: 7, column: 37 }],
    },
  ],
});
