import { MLO213 } from '../../../../src/core/kubernetes/rules/MLO213';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

/** A Deployment with the given spec lines before its template, whose container declares port 8000. */
function deployment(...specLines: string[]): string {
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: model}',
    'spec:',
    ...specLines,
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: server',
    '          ports: [{containerPort: 8000}]',
  );
}

kubernetesRuleTests(MLO213, {
  valid: [
    deployment('  replicas: 3', '  strategy:', '    type: RollingUpdate', '    rollingUpdate: {maxSurge: 1, maxUnavailable: 1}'),
    { name: 'the default strategy', code: deployment('  replicas: 1') },
    { name: 'maxUnavailable 50% of 3 takes down 1', code: deployment('  replicas: 3', '  strategy: {rollingUpdate: {maxUnavailable: 50%}}') },
    { name: 'without replicas an HPA may own the count', code: deployment('  strategy: {rollingUpdate: {maxUnavailable: 2}}') },
    { name: 'scaled to zero on purpose', code: deployment('  replicas: 0', '  strategy: {type: Recreate}') },
    {
      name: 'a queue worker serves nothing',
      code: yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  strategy: {type: Recreate}', '  template:', '    spec:', '      containers: [{name: worker, image: "worker:1"}]'),
    },
    {
      name: 'Recreate is no strategy of a Job or a StatefulSet',
      code: yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  strategy: {type: Recreate}', '  template:', '    spec:', '      containers: [{name: a, ports: [{containerPort: 1}]}]', '---', 'apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  updateStrategy: {type: OnDelete}', '  template:', '    spec:', '      containers: [{name: a, ports: [{containerPort: 1}]}]'),
    },
  ],
  invalid: [
    {
      name: 'Recreate',
      code: deployment('  replicas: 2', '  strategy:', '    type: Recreate'),
      errors: [{ line: 7, column: 11, endColumn: 19, message: /^The Recreate strategy stops every old pod before a new one starts/ }],
      suggestion: null,
    },
    {
      name: 'Recreate on a server known by its readinessProbe',
      code: yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  strategy: {type: Recreate}', '  template:', '    spec:', '      containers:', '        - name: s', '          readinessProbe: {exec: {command: [ready]}}'),
      errors: [{ line: 4, column: 20, endColumn: 28 }],
    },
    {
      name: 'maxUnavailable equal to the replicas',
      code: deployment('  replicas: 2', '  strategy:', '    rollingUpdate:', '      maxUnavailable: 2'),
      errors: [{ line: 8, column: 23, endColumn: 24, message: /^maxUnavailable 2 lets a rollout take down all 2 replicas at once/ }],
    },
    {
      name: '100% without replicas',
      code: deployment('  strategy:', '    rollingUpdate: {maxUnavailable: 100%}'),
      errors: [{ line: 6, column: 37, endColumn: 41, message: /take down every replica at once/ }],
    },
    {
      name: 'one replica and maxUnavailable 1',
      code: deployment('  replicas: 1', '  strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}'),
      errors: [{ line: 6, column: 59, message: /take down its one replica at once/ }],
    },
  ],
});
