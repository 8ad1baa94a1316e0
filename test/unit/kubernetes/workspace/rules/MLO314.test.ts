import { MLO314 } from '../../../../../src/core/kubernetes/workspace/rules/MLO314';
import { DEPLOYMENT, DEPLOYMENT_IN_ML } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** DEPLOYMENT's `name` is on line 3, its key at 2–6. */
function prometheusRule(...alerts: Array<[string, string]>): string {
  return yaml(
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    '  name: model-server',
    'spec:',
    '  groups:',
    '    - name: model-server',
    '      rules:',
    '        - record: job:http_request_duration_seconds:p50',
    '          expr: histogram_quantile(0.5, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))',
    ...alerts.flatMap(([alert, expr]) => [`        - alert: ${alert}`, `          expr: ${expr}`]),
  );
}

const P50: [string, string] = ['SlowMedian', 'histogram_quantile(0.50, sum by (le) (rate(request_latency_seconds_bucket[5m]))) > 0.1'];
const P99: [string, string] = ['SlowTail', "request_latency_seconds{quantile=\"0.99\"} > 0.5"];
const ERRORS: [string, string] = ['Failing', 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.01'];
const CPU: [string, string] = ['Busy', 'sum(rate(container_cpu_usage_seconds_total{pod=~"model-server-.*"}[5m])) > 3'];
const MEMORY: [string, string] = ['Full', 'container_memory_working_set_bytes{pod=~"model-server-.*"} > 7e9'];
const STALENESS: [string, string] = ['OldModel', 'time() - model_last_trained_timestamp_seconds > 86400'];

/** The PrometheusRule the suggestions write for DEPLOYMENT_IN_ML, with only the alerts named. */
function generated(...alerts: Array<'p50' | 'p99' | 'errors' | 'cpu' | 'memory' | 'staleness'>): string {
  const pods = 'namespace="ml", pod=~"model-server-.*"';
  const rules = {
    p50: ['LatencyP50High', 'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{job="model-server"}[5m]))) > 0.1', 'Median latency is above 100ms (guide threshold: Latency P50 > 100ms).'],
    p99: ['LatencyP99High', 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="model-server"}[5m]))) > 0.5', 'p99 latency is above 500ms (guide threshold: Latency P99 > 500ms).'],
    errors: [
      'ErrorRateHigh',
      'sum(rate(http_requests_total{job="model-server", status=~"5.."}[5m])) / sum(rate(http_requests_total{job="model-server"}[5m])) > 0.01',
      'More than 1% of requests fail (guide threshold: Error Rate > 1%).',
    ],
    cpu: [
      'CPUUsageHigh',
      `sum(rate(container_cpu_usage_seconds_total{${pods}, container!=""}[5m])) / sum(kube_pod_container_resource_limits{${pods}, resource="cpu"}) > 0.8`,
      'CPU usage is above 80% of the limit (guide threshold: CPU Usage > 80%).',
    ],
    memory: [
      'MemoryUsageHigh',
      `sum(container_memory_working_set_bytes{${pods}, container!=""}) / sum(kube_pod_container_resource_limits{${pods}, resource="memory"}) > 0.85`,
      'Memory usage is above 85% of the limit (guide threshold: Memory Usage > 85%).',
    ],
    staleness: ['ModelStale', 'time() - max(model_last_updated_timestamp_seconds{job="model-server"}) > 86400', 'The model was last updated more than 24h ago (guide threshold: Model Staleness > 24h).'],
  };
  return yaml(
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    '  name: model-server-alerts',
    '  namespace: ml',
    'spec:',
    '  groups:',
    '    - name: model-server.guide-thresholds',
    '      rules:',
    ...alerts.flatMap((key) => {
      const [alert, expr, summary] = rules[key];
      return [`        - alert: ${alert}`, `          expr: '${expr}'`, '          for: 5m', '          labels:', '            severity: warning', '          annotations:', `            summary: 'model-server: ${summary}'`];
    }),
  );
}

const ALL = ['p50', 'p99', 'errors', 'cpu', 'memory', 'staleness'] as const;

workspaceRuleTests(MLO314, {
  valid: [
    { name: 'alerts on all six metrics, across two PrometheusRules', files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/a.yaml': prometheusRule(P50, P99, ERRORS), 'k8s/b.yaml': prometheusRule(CPU, MEMORY, STALENESS) } },
    { name: 'no serving workload: nothing to alert on', files: { 'k8s/worker.yaml': DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '') } },
    { name: 'the rules written by the suggestion', files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/alerts.yaml': generated(...ALL) } },
  ],
  invalid: [
    {
      name: 'no PrometheusRule at all',
      files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML },
      findings: [{ path: 'k8s/deploy.yaml', line: 3, character: 2, endCharacter: 6, messageIncludes: "No PrometheusRule in the workspace alerts on the guide's Monitoring Metrics (latency p50, latency p99, error rate, CPU, memory, model staleness): they" }],
      fix: null,
      suggestions: [
        { titleIncludes: 'Create model-server-alerts.yaml', files: { 'k8s/deploy.yaml': DEPLOYMENT_IN_ML, 'k8s/model-server-alerts.yaml': generated(...ALL) } },
        { titleIncludes: 'in this file', files: { 'k8s/deploy.yaml': `${DEPLOYMENT_IN_ML}---\n${generated(...ALL)}` } },
      ],
    },
    {
      name: 'recording rules alert no one; two metrics missing; reported once, on the first serving workload',
      files: {
        'k8s/a-worker.yaml': DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '').replace('name: model-server', 'name: queue-worker'),
        'k8s/b-deploy.yaml': DEPLOYMENT_IN_ML,
        'k8s/c-canary.yaml': DEPLOYMENT_IN_ML.replace('  name: model-server\n', '  name: model-canary\n'),
        'k8s/rules.yaml': prometheusRule(P99, ERRORS, CPU, MEMORY),
      },
      findings: [{ path: 'k8s/b-deploy.yaml', line: 3, character: 2, messageIncludes: "No alert of the workspace's PrometheusRules watches latency p50, model staleness (the guide's" }],
      suggestions: [
        {
          files: {
            'k8s/a-worker.yaml': DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '').replace('name: model-server', 'name: queue-worker'),
            'k8s/b-deploy.yaml': DEPLOYMENT_IN_ML,
            'k8s/c-canary.yaml': DEPLOYMENT_IN_ML.replace('  name: model-server\n', '  name: model-canary\n'),
            'k8s/rules.yaml': prometheusRule(P99, ERRORS, CPU, MEMORY),
            'k8s/model-server-alerts.yaml': generated('p50', 'staleness'),
          },
        },
        {
          files: {
            'k8s/a-worker.yaml': DEPLOYMENT.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '').replace('name: model-server', 'name: queue-worker'),
            'k8s/b-deploy.yaml': `${DEPLOYMENT_IN_ML}---\n${generated('p50', 'staleness')}`,
            'k8s/c-canary.yaml': DEPLOYMENT_IN_ML.replace('  name: model-server\n', '  name: model-canary\n'),
            'k8s/rules.yaml': prometheusRule(P99, ERRORS, CPU, MEMORY),
          },
        },
      ],
    },
    {
      name: 'a file without a final line break, and no namespace',
      files: { 'k8s/deploy.yaml': DEPLOYMENT.trimEnd(), 'k8s/rules.yaml': prometheusRule(P50, P99, ERRORS, CPU, STALENESS) },
      findings: [{ path: 'k8s/deploy.yaml', line: 3, character: 2, messageIncludes: 'watches memory (' }],
      suggestions: [
        {
          files: {
            'k8s/deploy.yaml': DEPLOYMENT.trimEnd(),
            'k8s/rules.yaml': prometheusRule(P50, P99, ERRORS, CPU, STALENESS),
            'k8s/model-server-alerts.yaml': generated('memory').replace('  namespace: ml\n', '').replace(/namespace="ml", /g, ''),
          },
        },
        {
          files: {
            'k8s/deploy.yaml': `${DEPLOYMENT}---\n${generated('memory').replace('  namespace: ml\n', '').replace(/namespace="ml", /g, '')}`,
            'k8s/rules.yaml': prometheusRule(P50, P99, ERRORS, CPU, STALENESS),
          },
        },
      ],
    },
  ],
});
