import { MLO210 } from '../../../../src/core/kubernetes/rules/MLO210';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function pod(...containerLines: string[]): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: model', 'spec:', '  containers:', '    - name: server', '      image: model:1.2.0', ...containerLines);
}

kubernetesRuleTests(MLO210, {
  valid: [
    pod('      securityContext:', '        allowPrivilegeEscalation: false'),
    pod('      securityContext: {privileged: false, allowPrivilegeEscalation: false, runAsNonRoot: true}'),
    { name: 'a Windows pod', code: pod().replace('spec:\n', 'spec:\n  os: {name: windows}\n') },
    {
      name: 'ignored for a GPU driver installer with the annotation',
      code: yaml('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: nvidia-driver', '  annotations: {mlops-deploy.io/ignore: MLO210}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: driver', '          securityContext: {privileged: true}'),
    },
  ],
  invalid: [
    {
      name: 'no securityContext: the suggestion adds one',
      code: pod(),
      errors: [{ line: 7, column: 7, endColumn: 19, message: /Container "server" does not forbid privilege escalation/ }],
      suggestion: pod('      securityContext:', '        allowPrivilegeEscalation: false'),
    },
    {
      name: 'a securityContext without the field: the suggestion adds it',
      code: pod('      securityContext:', '        runAsNonRoot: true', '      ports: [{containerPort: 8080}]'),
      errors: [{ line: 9, column: 7, endColumn: 22 }],
      suggestion: pod('      securityContext:', '        runAsNonRoot: true', '        allowPrivilegeEscalation: false', '      ports: [{containerPort: 8080}]'),
    },
    {
      name: 'explicitly allowed',
      code: pod('      securityContext:', "        allowPrivilegeEscalation: true"),
      errors: [{ line: 10, column: 35, endColumn: 39, message: /allows privilege escalation/ }],
      suggestion: pod('      securityContext:', '        allowPrivilegeEscalation: false'),
    },
    {
      name: 'privileged: both fields are set in one suggestion',
      code: pod('      securityContext:', '        privileged: true', '        runAsUser: 0'),
      errors: [{ line: 10, column: 21, endColumn: 25, message: /Container "server" is privileged/ }],
      suggestion: pod('      securityContext:', '        privileged: false', '        runAsUser: 0', '        allowPrivilegeEscalation: false'),
    },
    {
      name: 'SYS_ADMIN makes escalation unavoidable: no suggestion; init containers count',
      code: yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  template:', '    spec:', '      initContainers:', '        - name: mount', '          securityContext:', '            capabilities: {add: [SYS_ADMIN]}', '      containers:', '        - name: db', '          securityContext: {allowPrivilegeEscalation: false}'),
      errors: [{ line: 8, column: 11 }],
      suggestion: null,
    },
  ],
});
