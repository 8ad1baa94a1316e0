import { MLO202 } from '../../../../src/core/kubernetes/rules/MLO202';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

/** A Pod whose one container has the given lines after its name (indented four spaces). */
function pod(...containerLines: string[]): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: model', 'spec:', '  containers:', '  - name: server', ...containerLines);
}

kubernetesRuleTests(MLO202, {
  valid: [
    pod('    resources:', '      requests:', '        cpu: 250m', '        memory: 256Mi'),
    { name: 'a ServiceAccount has no containers', code: yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: model') },
    {
      name: 'suppressed by a comment before the containers field',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  # mlops-deploy ignore=MLO202', '  containers:', '  - name: a', '  - name: b'),
    },
  ],
  invalid: [
    {
      name: 'list items at the key\'s indentation; the suggestion adds only requests',
      code: pod('    image: model:1'),
      errors: [{ line: 7, column: 5, endColumn: 17, message: /Container "server" has no cpu or memory request/ }],
      suggestion: pod('    image: model:1', '    resources:', '      requests:', '        cpu: 500m', '        memory: 512Mi'),
    },
    {
      name: 'the container ends the file without a final line break',
      code: pod('    image: model:1').trimEnd(),
      errors: [{ line: 7, column: 5 }],
      suggestion: pod('    image: model:1', '    resources:', '      requests:', '        cpu: 500m', '        memory: 512Mi').trimEnd(),
    },
    {
      name: 'CRLF line breaks are kept',
      code: pod('    resources:', '      requests:', '        memory: 1Gi').replace(/\n/g, '\r\n'),
      errors: [{ line: 9, column: 7, endColumn: 15, message: /has no cpu request/ }],
      suggestion: pod('    resources:', '      requests:', '        memory: 1Gi', '        cpu: 500m').replace(/\n/g, '\r\n'),
    },
    {
      name: 'a limit below the default request: the suggested request equals it; the other keeps the default',
      code: pod('    resources:', '      limits: {cpu: 250m, memory: 4Gi}'),
      errors: [{ line: 8, column: 5, endColumn: 14, message: /has no cpu or memory request/ }],
      suggestion: pod('    resources:', '      limits: {cpu: 250m, memory: 4Gi}', '      requests:', '        cpu: 250m', '        memory: 512Mi'),
    },
    {
      name: 'an empty resources key is reported on its key, with no suggestion that would repeat it',
      code: pod('    resources:', '    image: model:1'),
      errors: [{ line: 8, column: 5, endColumn: 14 }],
      suggestion: null,
    },
    {
      name: 'two containers, the second in a later document',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - {name: a, image: "a:1"}', '---', 'apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  template:', '    spec:', '      containers:', '      - name: b'),
      errors: [
        { line: 5, column: 5, endColumn: 28 },
        { line: 13, column: 9 },
      ],
      suggestion: null,
    },
  ],
});
