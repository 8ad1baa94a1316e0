import { MLO208 } from '../../../../src/core/kubernetes/rules/MLO208';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function deployment(...podSpecLines: string[]): string {
  return yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: model', 'spec:', '  template:', '    spec:', ...podSpecLines, '      containers:', '        - name: server');
}

kubernetesRuleTests(MLO208, {
  valid: [
    deployment('      serviceAccountName: model-server'),
    { name: 'the deprecated field still names an account', code: deployment('      serviceAccount: model-server') },
    { name: 'a pod that mounts no token has no identity to share', code: deployment('      automountServiceAccountToken: false') },
    {
      name: 'a CronJob with its own account',
      code: yaml('apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          serviceAccountName: retrain', '          containers: [{name: a}]'),
    },
    { name: 'a Service runs no pods', code: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: model}', 'spec:', '  selector: {app: model}') },
    { name: 'ignored with the annotation', code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  annotations: {mlops-deploy.io/ignore: MLO208}', 'spec:', '  containers: [{name: a}]') },
  ],
  invalid: [
    {
      name: 'no serviceAccountName: the finding sits on the pod spec',
      code: deployment(),
      errors: [{ line: 7, column: 5, endColumn: 9, message: /set no serviceAccountName, so they run as the namespace's "default" service account/ }],
      suggestion: null,
    },
    {
      name: 'the default account named explicitly, in a bare Pod',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: default', '  containers: [{name: a}]'),
      errors: [{ line: 4, column: 23, endColumn: 30, message: /^The pods run as the namespace's "default"/ }],
    },
    {
      name: 'automount explicitly on, and a Job',
      code: yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  template:', '    spec:', '      automountServiceAccountToken: true', '      containers: [{name: a}]'),
      errors: [{ line: 5, column: 5 }],
    },
  ],
});
