import { MLO206 } from '../../../../src/core/kubernetes/rules/MLO206';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

function pod(image: string): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: server', `      image: ${image}`);
}

kubernetesRuleTests(MLO206, {
  valid: [
    pod('nvcr.io/nvidia/tritonserver:24.08-py3'),
    { name: 'a digest', code: pod('model@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'latest with a digest is pinned by the digest', code: pod('model:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'a registry port and a tag', code: pod('registry.local:5000/team/model:2.1.0') },
    { name: 'a placeholder filled in later', code: pod('${IMAGE}') },
    {
      name: 'multi-document file where every image is pinned',
      code: pod('a:1') + '---\n' + yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  template:', '    spec:', '      initContainers: [{name: i, image: "busybox:1.36"}]', '      containers: [{name: c, image: "b:2"}]'),
    },
  ],
  invalid: [
    {
      name: 'no tag',
      code: pod('pytorch/torchserve'),
      errors: [{ line: 6, column: 14, endColumn: 32, message: /"pytorch\/torchserve" has no tag, so it means "pytorch\/torchserve:latest"/ }],
      suggestion: null,
    },
    { name: 'latest, quoted', code: pod('"model:latest"'), errors: [{ line: 6, column: 14, endColumn: 28, message: /uses the tag "latest"/ }] },
    { name: 'a registry port without a tag', code: pod('registry.local:5000/model'), errors: [{ line: 6, column: 14 }] },
    {
      name: 'init containers too, in a later document',
      code: yaml('apiVersion: v1', 'kind: ConfigMap', '---', 'apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      initContainers:', '        - name: fetch', '          image: busybox', '      containers:', '        - name: server', '          image: model:latest'),
      errors: [
        { line: 11, column: 18, endColumn: 25 },
        { line: 14, column: 18, endColumn: 30 },
      ],
    },
  ],
});
