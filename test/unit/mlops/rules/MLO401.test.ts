import { MLO401 } from '../../../../src/core/mlops/rules/MLO401';
import { mlopsRuleTests } from '../mlopsRuleTester';

const lines = (...text: string[]): string => text.join('\n') + '\n';

/** A valid file; `changes` replace whole lines (1-based line number → new text, or null to drop it). */
function mlops(changes: Record<number, string | null> = {}): string {
  const base = [
    'version: 1', //  1
    'name: iris', //  2
    'target: fastapi', //  3
    'model:', //  4
    '  framework: sklearn', //  5
    '  path: model/model.joblib', //  6
    'image:', //  7
    '  repository: ghcr.io/acme/iris', //  8
    '  tag: 0.1.0', //  9
    'kubernetes:', // 10
    '  namespace: ml-serving', // 11
    '  manifests: [k8s/]', // 12
    'deploy:', // 13
    '  canary:', // 14
    '    steps: [10, 100]', // 15
    'monitoring:', // 16
    '  prometheus: http://prometheus.monitoring.svc:9090', // 17
    '  thresholds:', // 18
    '    latency_p50: 100ms', // 19
    '    error_rate: 1%', // 20
    'rollback:', // 21
    '  triggers:', // 22
    '    - error_rate > 5%', // 23
    '    - latency_p99 > 2s', // 24
    '    - health_check_failures > 3', // 25
  ];
  const out = base.flatMap((line, i) => (i + 1 in changes ? (changes[i + 1] === null ? [] : [changes[i + 1] as string]) : [line]));
  return lines(...out);
}

mlopsRuleTests(MLO401, {
  valid: [
    { name: "the guide's file", code: mlops() },
    { name: 'quoted triggers and more operators', code: mlops({ 23: '    - "error_rate >= 5%"', 24: "    - 'latency_p99 > 1.5s'", 25: '    - restarts != 0' }) },
    { name: 'a SageMaker target needs no kubernetes section', code: mlops({ 3: 'target: sagemaker', 10: 'sagemaker:', 11: '  region: eu-west-1', 12: '  instanceType: ml.m5.large' }) },
    { name: 'canary straight to 100', code: mlops({ 15: '    steps: [100]' }) },
    { name: 'a finding ignored by a comment before the key', code: mlops({ 22: '  # mlops-deploy ignore=MLO401\n  triggers:', 23: '    - error_rate > 5s' }) },
    { name: 'CRLF line breaks', code: mlops().replace(/\n/g, '\r\n') },
  ],
  invalid: [
    {
      name: 'an unknown metric in a trigger, at its exact columns',
      code: mlops({ 23: '    - eror_rate > 5%' }),
      errors: [{ line: 23, column: 7, endLine: 23, endColumn: 16, message: /Unknown metric "eror_rate"/ }],
    },
    {
      name: 'a wrong unit inside a quoted trigger',
      code: mlops({ 24: '    - "latency_p99 > 2%"' }),
      errors: [{ line: 24, column: 23, endColumn: 24, message: /latency_p99 is a duration/ }],
    },
    {
      name: 'a missing operator',
      code: mlops({ 25: '    - health_check_failures 3' }),
      errors: [{ line: 25, column: 29, endColumn: 30, message: /Expected a comparison/ }],
    },
    {
      name: 'a trigger that is not a string',
      code: mlops({ 25: '    - 3' }),
      errors: [{ line: 25, column: 7, endColumn: 8, message: /"rollback\.triggers\.2" must be a string/ }],
    },
    {
      name: 'a threshold without its unit, and one with the wrong unit',
      code: mlops({ 19: '    latency_p50: 100', 20: '    error_rate: 1ms' }),
      errors: [
        { line: 19, column: 18, endColumn: 21, message: /latency_p50 is a duration.*without a unit/ },
        { line: 20, column: 18, endColumn: 20, message: /error_rate is a percentage.*"ms"/ },
      ],
    },
    {
      name: 'an unknown key, on the key',
      code: mlops({ 3: 'target: fastapi\nreplicas: 3' }),
      errors: [{ line: 4, column: 1, endColumn: 9, message: /Unknown key "replicas" in mlops\.yaml/ }],
    },
    {
      name: 'an unknown target, on the value',
      code: mlops({ 3: 'target: vertex', 10: null, 11: null, 12: null }),
      errors: [{ line: 3, column: 9, endColumn: 15, message: /"target" must be one of fastapi, triton, sagemaker/ }],
    },
    {
      name: 'the kubernetes section missing for a Kubernetes target',
      code: mlops({ 10: null, 11: null, 12: null }),
      errors: [{ line: 1, column: 1, endColumn: 11, message: /The file lacks "kubernetes" for the fastapi target/ }],
    },
    {
      name: 'a required key missing inside a section, on the section',
      code: mlops({ 5: null }),
      errors: [{ line: 4, column: 1, endColumn: 6, message: /"model" lacks "framework"/ }],
    },
    {
      name: 'the latest tag',
      code: mlops({ 9: '  tag: latest' }),
      errors: [{ line: 9, column: 8, endColumn: 14, message: /must not be "latest"/ }],
    },
    {
      name: 'a name that is no DNS label',
      code: mlops({ 2: 'name: Iris_Model' }),
      errors: [{ line: 2, column: 7, endColumn: 17, message: /"name" does not have the expected form/ }],
    },
    {
      name: 'canary steps that go down, and that do not end at 100',
      code: mlops({ 15: '    steps: [50, 10, 100]' }),
      errors: [{ line: 15, column: 17, endColumn: 19, message: /must increase: 10% comes after 50%/ }],
    },
    {
      name: 'canary steps that stop before the full rollout',
      code: mlops({ 15: '    steps: [10, 50]' }),
      errors: [{ line: 15, column: 17, endColumn: 19, message: /last canary step must be 100/ }],
    },
    {
      name: 'a canary step over 100',
      code: mlops({ 15: '    steps: [10, 200]' }),
      errors: [{ line: 15, column: 17, endColumn: 20, message: /"deploy\.canary\.steps\.1" must be <= 100/ }],
    },
    {
      name: 'broken YAML',
      code: mlops({ 15: '    steps: [10, 100' }),
      errors: [{ line: 16, column: 1, message: /The YAML is invalid/ }],
    },
    {
      name: 'a duplicate key',
      code: mlops({ 2: 'name: iris\nname: rose' }),
      errors: [{ line: 3, column: 1, endColumn: 5, message: /The YAML is invalid: .*unique/ }],
    },
    {
      name: 'an empty file',
      code: '',
      errors: [{ line: 1, column: 1, message: /mlops\.yaml is empty/ }],
    },
    {
      name: 'a list instead of a mapping',
      code: lines('- name: iris'),
      errors: [{ line: 1, column: 1, message: /The file must be an object/ }],
    },
    {
      name: 'a second document',
      code: mlops() + lines('---', 'name: other'),
      errors: [{ line: 26, column: 1, message: /holds one document/ }],
    },
  ],
});
