import type { Fix } from '../../../findings';
import { apiGroupOf, isRecord, valueAt } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { servingWorkloads } from '../match';
import { workspaceRule, type IndexedObject } from '../rule';
import { nameOf } from '../select';

/**
 * The guide's Monitoring Metrics that have a fixed alert threshold (Request Rate's is "Anomaly", which no single
 * expression states), how an alert's `expr` is recognised as watching each, and the alert written for a missing one.
 * Recognition reads the expression only, not the alert's name: a name promises what the query may not check.
 */
interface GuideMetric {
  label: string;
  recognise: RegExp;
  alert: string;
  /** The PromQL, with `$job` and `$pods` replaced by the workload's label matchers. */
  expr: string;
  summary: string;
}

const GUIDE_METRICS: readonly GuideMetric[] = [
  {
    // histogram_quantile(0.5, …), a summary's quantile="0.5", or a recording rule named for the p50 or the median.
    label: 'latency p50',
    recognise: /histogram_quantile\s*\(\s*0?\.50*\s*,|quantile\s*=~?\s*"0?\.50*"|p50|median/i,
    alert: 'LatencyP50High',
    expr: 'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{$job}[5m]))) > 0.1',
    summary: 'Median latency is above 100ms (guide threshold: Latency P50 > 100ms).',
  },
  {
    label: 'latency p99',
    recognise: /histogram_quantile\s*\(\s*0?\.990*\s*,|quantile\s*=~?\s*"0?\.990*"|p99/i,
    alert: 'LatencyP99High',
    expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{$job}[5m]))) > 0.5',
    summary: 'p99 latency is above 500ms (guide threshold: Latency P99 > 500ms).',
  },
  {
    // A 5xx status or code matcher (`status=~"5.."`), or a metric or recording rule about errors or failures.
    label: 'error rate',
    recognise: /5\.\.|5xx|error|fail/i,
    alert: 'ErrorRateHigh',
    expr: 'sum(rate(http_requests_total{$job, status=~"5.."}[5m])) / sum(rate(http_requests_total{$job}[5m])) > 0.01',
    summary: 'More than 1% of requests fail (guide threshold: Error Rate > 1%).',
  },
  {
    label: 'CPU',
    recognise: /cpu/i,
    alert: 'CPUUsageHigh',
    expr: 'sum(rate(container_cpu_usage_seconds_total{$pods, container!=""}[5m])) / sum(kube_pod_container_resource_limits{$pods, resource="cpu"}) > 0.8',
    summary: 'CPU usage is above 80% of the limit (guide threshold: CPU Usage > 80%).',
  },
  {
    label: 'memory',
    recognise: /memory|working_set|resident/i,
    alert: 'MemoryUsageHigh',
    expr: 'sum(container_memory_working_set_bytes{$pods, container!=""}) / sum(kube_pod_container_resource_limits{$pods, resource="memory"}) > 0.85',
    summary: 'Memory usage is above 85% of the limit (guide threshold: Memory Usage > 85%).',
  },
  {
    // A metric about staleness or the model's age, or the time since the model was last trained, updated or loaded.
    label: 'model staleness',
    recognise: /stale|model_age|model\w*_(last|updated|loaded|timestamp)|last_(trained|updated|reload)/i,
    alert: 'ModelStale',
    expr: 'time() - max(model_last_updated_timestamp_seconds{$job}) > 86400',
    summary: 'The model was last updated more than 24h ago (guide threshold: Model Staleness > 24h).',
  },
];

export const MLO314 = workspaceRule(
  {
    id: 'MLO314',
    defaultSeverity: 'info',
    title: "PrometheusRules alert on the guide's metrics: latency p50 and p99, error rate, CPU, memory and model staleness.",
    guide: 'Kubernetes Checklist: Alerts configured; Monitoring Metrics',
  },
  (context) => {
    const first = servingWorkloads(context)[0];
    if (first === undefined) return;
    const expressions = context
      .ofKind('PrometheusRule')
      .filter(({ object }) => apiGroupOf(object.apiVersion) === 'monitoring.coreos.com')
      .flatMap(({ object }) => alertExpressions(object));
    const missing = GUIDE_METRICS.filter((metric) => !expressions.some((expr) => metric.recognise.test(expr)));
    if (missing.length === 0) return;
    const workload = first.indexed;
    const list = missing.map((metric) => metric.label).join(', ');
    const problem = expressions.length === 0 ? `No PrometheusRule in the workspace alerts on the guide's Monitoring Metrics (${list})` : `No alert of the workspace's PrometheusRules watches ${list} (the guide's Monitoring Metrics)`;
    context.report(workload, {
      path: ['metadata', 'name'],
      message: `${problem}: they can cross their thresholds without anyone being told. Add alerts at the guide's thresholds.`,
      suggestions: alertSuggestions(workload, missing),
    });
  },
);

/** The `expr` of every alerting rule (recording rules, without `alert`, tell no one anything). */
function alertExpressions(prometheusRule: KubernetesObject): string[] {
  const groups = valueAt(prometheusRule, ['spec', 'groups']);
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((group: unknown) => {
    const rules = valueAt(group, ['rules']);
    if (!Array.isArray(rules)) return [];
    return rules.flatMap((rule: unknown) => (isRecord(rule) && typeof rule.alert === 'string' && (typeof rule.expr === 'string' || typeof rule.expr === 'number') ? [String(rule.expr)] : []));
  });
}

/**
 * A PrometheusRule with one alert per missing metric, at the guide's thresholds, written in a new file beside the
 * workload or appended to its file. The queries use common metric names (the Prometheus client libraries' HTTP
 * histogram and counter, cAdvisor's and kube-state-metrics'); `job` is the workload's name.
 */
function alertSuggestions(workload: IndexedObject, missing: readonly GuideMetric[]): Fix[] {
  const name = nameOf(workload.object) ?? 'model';
  // The namespace as the manifest writes it: one left to `kubectl apply -n` is left out of the queries too.
  const written = valueAt(workload.object, ['metadata', 'namespace']);
  const namespace = typeof written === 'string' && written !== '' ? written : undefined;
  const job = `job="${name}"`;
  const pods = `${namespace ? `namespace="${namespace}", ` : ''}pod=~"${name}-.*"`;
  const lines = [
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    `  name: ${name}-alerts`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  groups:',
    `    - name: ${name}.guide-thresholds`,
    '      rules:',
    ...missing.flatMap((metric) => [
      `        - alert: ${metric.alert}`,
      `          expr: '${metric.expr.replace(/\$job/g, job).replace(/\$pods/g, pods)}'`,
      '          for: 5m',
      '          labels:',
      '            severity: warning',
      '          annotations:',
      `            summary: '${name}: ${metric.summary}'`,
    ]),
  ];
  const { eol, lines: fileLines } = workload;
  const content = lines.join(eol) + eol;
  const last = fileLines.length - 1;
  const endsWithBreak = fileLines[last] === '';
  const end = { line: last, character: fileLines[last].length };
  return [
    { title: `Create ${name}-alerts.yaml with the guide's alerts`, edits: [], files: [{ relativePath: `${name}-alerts.yaml`, content }] },
    { title: "Add a PrometheusRule with the guide's alerts in this file", edits: [{ range: { start: end, end }, newText: `${endsWithBreak ? '' : eol}---${eol}${content}` }] },
  ];
}
