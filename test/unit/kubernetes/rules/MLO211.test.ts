import { MLO211 } from '../../../../src/core/kubernetes/rules/MLO211';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

/** A Pod whose container "triton" has the given lines under `resources:`. */
function pod(...resourceLines: string[]): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: triton}', 'spec:', '  containers:', '    - name: triton', '      resources:', ...resourceLines);
}

kubernetesRuleTests(MLO211, {
  valid: [
    pod('        requests: {nvidia.com/gpu: 1, cpu: "4"}', '        limits: {nvidia.com/gpu: 1, cpu: "8"}'),
    { name: 'a limit alone: the request defaults to it', code: pod('        limits:', '          nvidia.com/gpu: 2') },
    { name: 'a quoted number equals the number', code: pod('        requests: {amd.com/gpu: "1"}', '        limits: {amd.com/gpu: 1}') },
    { name: 'cpu and memory may be overcommitted', code: pod('        requests: {cpu: 500m, memory: 1Gi}', '        limits: {cpu: "2", memory: 2Gi}') },
    { name: 'a MIG slice, equal', code: pod('        requests: {nvidia.com/mig-1g.10gb: 1}', '        limits: {nvidia.com/mig-1g.10gb: 1}') },
    { name: 'a value that is no quantity is left to the schema rule', code: pod('        requests: {nvidia.com/gpu: one}', '        limits: {nvidia.com/gpu: 1}') },
  ],
  invalid: [
    {
      name: 'a request without a limit',
      code: pod('        requests:', '          cpu: "4"', '          nvidia.com/gpu: 1', '        limits:', '          memory: 16Gi'),
      errors: [{ line: 10, column: 11, endColumn: 25, message: /Container "triton" requests 1 nvidia\.com\/gpu but sets no limit for it: the API server rejects the pod/ }],
      suggestion: null,
    },
    {
      name: 'request and limit differ: the finding sits on the limit',
      code: pod('        requests:', '          nvidia.com/gpu: 1', '        limits:', '          nvidia.com/gpu: 2'),
      errors: [{ line: 11, column: 27, endColumn: 28, message: /requests 1 nvidia\.com\/gpu but limits it to 2/ }],
    },
    {
      name: 'other accelerators, in an init container and a Deployment',
      code: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: compile',
        '          resources: {requests: {aws.amazon.com/neuron: "1"}}',
        '      containers:',
        '        - name: serve',
        '          resources: {requests: {gpu.intel.com/i915: 1}, limits: {gpu.intel.com/i915: "2"}}',
      ),
      errors: [
        { line: 8, column: 34, message: /requests "1" aws\.amazon\.com\/neuron/ },
        { line: 11, column: 87, message: /limits it to "2"/ },
      ],
    },
  ],
});
