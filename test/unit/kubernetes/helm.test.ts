import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../../src/core/findings';
import { detectHelmTemplate, type HelmDetectionOptions } from '../../../src/core/kubernetes/helm';

function detected(text: string, options?: HelmDetectionOptions): string | undefined {
  const template = detectHelmTemplate(text, options);
  return template && `${template.reason} ${at(template.range)}`;
}

function at({ start, end }: Range): string {
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

const CHART_TEMPLATE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ include "model.fullname" . }}',
  'spec:',
  '  {{- if not .Values.autoscaling.enabled }}',
  '  replicas: {{ .Values.replicaCount }}',
  '  {{- end }}',
  '',
].join('\n');

const isChart = (folder: string): boolean => folder === 'charts/model' || folder === 'C:\\repo\\chart';

describe('detectHelmTemplate: by path', () => {
  it("takes any file in a chart's templates folder, nested or not, for a template", () => {
    assert.equal(detected('apiVersion: v1\nkind: Service\n', { path: 'charts/model/templates/service.yaml', isChartFolder: isChart }), 'chart-templates-folder 0:0-0:0');
    assert.equal(detected(CHART_TEMPLATE, { path: 'charts/model/templates/monitoring/deployment.yaml', isChartFolder: isChart }), 'chart-templates-folder 3:8-3:10');
    assert.equal(detected('kind: Service\n', { path: 'C:\\repo\\chart\\templates\\svc.yaml', isChartFolder: isChart }), 'chart-templates-folder 0:0-0:0');
  });

  it('does not take a templates folder that is no chart, nor the chart folder itself, for a template', () => {
    assert.equal(detected('apiVersion: v1\nkind: Service\n', { path: 'deploy/templates/service.yaml', isChartFolder: isChart }), undefined);
    assert.equal(detected('apiVersion: v2\nname: model\n', { path: 'charts/model/Chart.yaml', isChartFolder: isChart }), undefined);
    assert.equal(detected('apiVersion: v1\nkind: Service\n', { path: 'charts/model/values/templates.yaml', isChartFolder: isChart }), undefined);
  });

  it('without a way to look for Chart.yaml, takes a templates folder for a chart only when the file holds an action', () => {
    assert.equal(detected('apiVersion: v1\nkind: Service\n', { path: 'deploy/templates/service.yaml' }), undefined);
    assert.equal(detected('metadata:\n  name: "{{ $name }}"\n', { path: 'deploy/templates/service.yaml' }), 'chart-templates-folder 1:9-1:11');
  });
});

describe('detectHelmTemplate: by text', () => {
  it("finds Helm's objects and functions, reporting the first action that proves it", () => {
    assert.equal(detected(CHART_TEMPLATE), 'template-actions 3:8-3:10');
    assert.equal(detected('spec:\n  image: "{{ .Values.image.repository }}:{{ .Chart.AppVersion }}"\n'), 'template-actions 1:10-1:12');
    assert.equal(detected('data:\n  config: |\n    url: http://{{ .Release.Name }}-api\n'), 'template-actions 2:16-2:18');
  });

  it('finds an action where YAML expects a node: a line, a list item or a plain value', () => {
    assert.equal(detected('spec:\n{{- toYaml $spec | nindent 2 }}\n'), 'template-actions 1:0-1:2');
    assert.equal(detected('args:\n  - {{ $arg }}\n'), 'template-actions 1:4-1:6');
    assert.equal(detected('metadata:\n  name: {{ $name }}\n'), 'template-actions 1:8-1:10');
  });

  it('leaves alone Go templates inside YAML strings (Prometheus alert rules, Argo Workflows)', () => {
    const prometheusRule = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'spec:',
      '  groups:',
      '    - name: model',
      '      rules:',
      '        - alert: HighLatency',
      '          annotations:',
      '            summary: "p99 latency of {{ $labels.pod }} is {{ $value }}"',
      '            description: Pod {{ $labels.pod }} is slow',
      '            runbook: |',
      '              {{ $labels.namespace }}/{{ $labels.pod }} needs a look.',
      '',
      '              {{ range $i := . }}{{ $i }}{{ end }}',
      '          labels: {severity: warning}',
      '',
    ].join('\n');
    assert.equal(detected(prometheusRule), undefined);
    const argo = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  templates:\n    - name: main\n      container:\n        args: ['{{inputs.parameters.message}}']\n";
    assert.equal(detected(argo), undefined);
  });

  it('leaves alone actions in comments and files without any action', () => {
    assert.equal(detected('# rendered from {{ .Values.x }} once\napiVersion: v1\nkind: Service\n'), undefined);
    assert.equal(detected('apiVersion: v1\nkind: Service\n'), undefined);
    assert.equal(detected(''), undefined);
  });

  it('ends a block scalar at the first line indented no deeper than its key', () => {
    assert.equal(detected('data:\n  script: |\n    {{ $x }}\n  {{ $y }}\n'), 'template-actions 3:2-3:4');
  });
});
