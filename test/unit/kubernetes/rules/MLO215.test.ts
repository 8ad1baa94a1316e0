import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest } from '../../../../src/core/kubernetes/lint';
import { MLO215 } from '../../../../src/core/kubernetes/rules/MLO215';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';
import { BLACKBOX_EXPORTER_DEPLOYMENT, GRAFANA_NETWORK_POLICY, KUBE_STATE_METRICS_SERVICE_MONITOR } from '../schema/realWorld';

/** A model server as teams write it: resources as numbers and strings, named ports, percentages, a GPU. */
const MODEL_SERVER = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: model-server',
  '  labels:',
  '    app.kubernetes.io/name: model-server',
  '    app.kubernetes.io/version: "1.4"',
  '  annotations:',
  '    prometheus.io/scrape: "true"',
  '    prometheus.io/port: "8000"',
  'spec:',
  '  replicas: 3',
  '  revisionHistoryLimit: 5',
  '  selector:',
  '    matchLabels: {app.kubernetes.io/name: model-server}',
  '  strategy:',
  '    type: RollingUpdate',
  '    rollingUpdate: {maxUnavailable: 25%, maxSurge: 1}',
  '  template:',
  '    metadata:',
  '      labels: {app.kubernetes.io/name: model-server}',
  '    spec:',
  '      serviceAccountName: model-server',
  '      securityContext: {runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001}',
  '      nodeSelector: {nvidia.com/gpu.present: "true"}',
  '      tolerations:',
  '        - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}',
  '      initContainers:',
  '        - name: fetch-model',
  '          image: registry.example.com/fetch:2.1',
  '          command: [python, -m, fetch, --to, /models]',
  '          volumeMounts: [{name: models, mountPath: /models}]',
  '      containers:',
  '        - name: server',
  '          image: registry.example.com/model-server:1.4@sha256:0f6a0bb1b4b0f4bd3c4d0ff2e6c9c06ad3e4f2f71b1c1d1c1e1f1a1b1c1d1e1f',
  '          imagePullPolicy: IfNotPresent',
  '          args: ["--workers", "2"]',
  '          env:',
  '            - {name: MODEL_PATH, value: /models/model.onnx}',
  '            - name: API_TOKEN',
  '              valueFrom: {secretKeyRef: {name: model-server, key: token}}',
  '          ports:',
  '            - {name: http, containerPort: 8000, protocol: TCP}',
  '          resources:',
  '            requests: {cpu: 500m, memory: 1Gi}',
  '            limits: {cpu: 2, memory: "2Gi", nvidia.com/gpu: 1, ephemeral-storage: 1.5Gi}',
  '          readinessProbe:',
  '            httpGet: {path: /ready, port: http}',
  '            periodSeconds: 5',
  '          livenessProbe:',
  '            httpGet: {path: /health, port: 8000}',
  '            failureThreshold: 3',
  '          securityContext:',
  '            allowPrivilegeEscalation: false',
  '            readOnlyRootFilesystem: true',
  '            capabilities: {drop: [ALL]}',
  '          volumeMounts: [{name: models, mountPath: /models, readOnly: true}]',
  '      volumes:',
  '        - name: models',
  '          emptyDir: {sizeLimit: 10Gi}',
);

function deployment(...containerLines: string[]): string {
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: model}',
    'spec:',
    '  selector: {matchLabels: {app: model}}',
    '  template:',
    '    metadata: {labels: {app: model}}',
    '    spec:',
    '      containers:',
    ...containerLines,
  );
}

kubernetesRuleTests(MLO215, {
  valid: [
    { name: 'a model server with quantities as numbers and strings, int-or-string fields and a GPU', code: MODEL_SERVER },
    { name: "kube-prometheus's blackbox exporter Deployment", code: BLACKBOX_EXPORTER_DEPLOYMENT },
    { name: "kube-prometheus's kube-state-metrics ServiceMonitor", code: KUBE_STATE_METRICS_SERVICE_MONITOR },
    { name: "kube-prometheus's Grafana NetworkPolicy, with an empty egress rule", code: GRAFANA_NETWORK_POLICY },
    {
      name: 'a Service whose targetPort is a port name',
      code: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: model}', 'spec:', '  selector: {app: model}', '  ports:', '    - {name: http, port: 80, targetPort: http}', '    - {name: grpc, port: 9000, targetPort: 9000, appProtocol: grpc}'),
    },
    {
      name: 'an HPA and a PDB with percentages',
      code: yaml(
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        'metadata: {name: model}',
        'spec:',
        '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: model}',
        '  minReplicas: 2',
        '  maxReplicas: 10',
        '  metrics:',
        '    - type: Resource',
        '      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}',
        '---',
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata: {name: model}',
        'spec:',
        '  minAvailable: 50%',
        '  selector: {matchLabels: {app: model}}',
      ),
    },
    {
      name: 'objects that are empty but valid, and fields left empty',
      code: yaml(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: empty}',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: models',
        '---',
        ...deployment('        - name: server', '          image: model:1.0', '          resources:', '          env: []', '          securityContext: {}').trimEnd().split('\n'),
      ),
    },
    {
      name: 'a Secret with base64 data, plain stringData, and a YAML timestamp',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: token', '  creationTimestamp: 2024-05-01T12:00:00Z', 'type: Opaque', 'data: {token: c2VjcmV0}', 'stringData: {user: admin}'),
    },
    {
      name: 'a CronJob, an Ingress and RBAC',
      code: yaml(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: retrain}',
        'spec:',
        '  schedule: "0 3 * * *"',
        '  concurrencyPolicy: Forbid',
        '  jobTemplate:',
        '    spec:',
        '      backoffLimit: 2',
        '      template:',
        '        spec:',
        '          restartPolicy: OnFailure',
        '          containers: [{name: train, image: "trainer:3.2", resources: {limits: {cpu: "4", memory: 16Gi}}}]',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata: {name: model, annotations: {nginx.ingress.kubernetes.io/limit-rps: "10"}}',
        'spec:',
        '  ingressClassName: nginx',
        '  tls: [{hosts: [model.example.com], secretName: model-tls}]',
        '  rules:',
        '    - host: model.example.com',
        '      http:',
        '        paths:',
        '          - {path: /, pathType: Prefix, backend: {service: {name: model, port: {name: http}}}}',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata: {name: reader}',
        'rules:',
        '  - {apiGroups: [""], resources: [configmaps], verbs: [get, list]}',
      ),
    },
    {
      name: 'a CustomResourceDefinition whose schema embeds free-form JSON',
      code: yaml(
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata: {name: models.example.com}',
        'spec:',
        '  group: example.com',
        '  names: {kind: Model, plural: models}',
        '  scope: Namespaced',
        '  versions:',
        '    - name: v1',
        '      served: true',
        '      storage: true',
        '      schema:',
        '        openAPIV3Schema:',
        '          type: object',
        '          properties:',
        '            spec:',
        '              type: object',
        '              x-kubernetes-preserve-unknown-fields: true',
        '              default: {replicas: 1, anything: {goes: here}}',
      ),
    },
    {
      name: 'a sidecar init container that keeps running',
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '    - {name: proxy, image: "envoy:1.30", restartPolicy: Always}', '  containers:', '    - {name: app, image: "app:1"}'),
    },
    {
      name: 'known custom resources that match their schemas',
      code: yaml(
        'apiVersion: monitoring.coreos.com/v1',
        'kind: ServiceMonitor',
        'metadata: {name: model}',
        'spec:',
        '  selector: {matchLabels: {app: model}}',
        '  endpoints: [{port: http, interval: 30s, path: /metrics}]',
        '---',
        'apiVersion: monitoring.coreos.com/v1',
        'kind: PrometheusRule',
        'metadata: {name: model}',
        'spec:',
        '  groups:',
        '    - name: model',
        '      partial_response_strategy: WARN',
        '      rules:',
        '        - alert: HighP99Latency',
        '          expr: histogram_quantile(0.99, rate(request_duration_seconds_bucket[5m])) > 0.5',
        '          for: 10m',
        '          labels: {severity: page}',
        '---',
        'apiVersion: keda.sh/v1alpha1',
        'kind: ScaledObject',
        'metadata: {name: model}',
        'spec:',
        '  scaleTargetRef: {name: model}',
        '  minReplicaCount: 2',
        '  triggers: [{type: prometheus, metadata: {serverAddress: "http://prometheus:9090", query: up, threshold: "5"}}]',
        '---',
        'apiVersion: external-secrets.io/v1beta1',
        'kind: ExternalSecret',
        'metadata: {name: model}',
        'spec:',
        '  refreshInterval: 1h',
        '  secretStoreRef: {name: vault, kind: ClusterSecretStore}',
        '  target: {name: model-server}',
        '  data: [{secretKey: token, remoteRef: {key: model/token}}]',
      ),
    },
    {
      name: 'a field newer than the bundled custom resource schema is no typo',
      code: yaml('apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitor', 'metadata: {name: m}', 'spec:', '  scrapeClass: default', '  selector: {}', '  endpoints: [{port: http}]'),
    },
    {
      name: 'custom resources without a bundled schema, and an unknown one, are accepted',
      code: yaml(
        'apiVersion: external-secrets.io/v1',
        'kind: ExternalSecret',
        'metadata: {name: e}',
        'spec: {refreshPolicy: OnChange, anything: [1, 2]}',
        '---',
        'apiVersion: bitnami.com/v1alpha1',
        'kind: SealedSecret',
        'metadata: {name: token}',
        'spec: {encryptedData: {token: AgBy3i4OJSWK}}',
        '---',
        'apiVersion: serving.kserve.io/v1beta1',
        'kind: InferenceService',
        'metadata: {name: sklearn}',
        'spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}',
        '---',
        'apiVersion: example.com/v1',
        'kind: Widget',
        'spec: {whatever: [true]}',
        '---',
        'apiVersion: monitoring.coreos.com/v1',
        'kind: Prometheus',
        'spec: {serviceMonitorSelector: {}}',
        '---',
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Workflow',
        'spec: {entrypoint: main}',
      ),
    },
    {
      name: "an Argo Rollout's pod template is a core pod template",
      code: yaml(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Rollout',
        'metadata: {name: model}',
        'spec:',
        '  strategy: {canary: {steps: [{setWeight: 20}, {pause: {duration: 1h}}]}}',
        '  template:',
        '    spec:',
        '      containers: [{name: server, image: "model:1.4", ports: [{containerPort: 8000}]}]',
      ),
    },
    {
      name: "other tools' files that look like objects: a kubeconfig, a Skaffold config",
      code: yaml(
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: dev, cluster: {server: "https://127.0.0.1:6443"}}]',
        'current-context: dev',
        '---',
        'apiVersion: skaffold/v4beta11',
        'kind: Config',
        'build: {artifacts: [{image: model}]}',
      ),
    },
    {
      name: 'an opt-in alpha API, a List, and a removed apiVersion (MLO214 reports that)',
      code: yaml(
        'apiVersion: resource.k8s.io/v1beta1',
        'kind: ResourceClaim',
        'metadata: {name: gpu}',
        'spec: {devices: {requests: [{name: gpu, deviceClassName: gpu.nvidia.com}]}}',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items: []',
        '---',
        'apiVersion: extensions/v1beta1',
        'kind: Ingress',
        'metadata: {name: old}',
        'spec: {backend: {serviceName: model, servicePort: 80}}',
      ),
    },
  ],
  invalid: [
    {
      name: 'an unknown field, with the field it most likely meant',
      code: deployment('        - name: server', '          image: model:1.0', '          resource:', '            limits: {cpu: 1}'),
      errors: [{ line: 12, column: 11, endColumn: 19, message: /^Unknown field `spec\.template\.spec\.containers\[0\]\.resource` \(did you mean `resources`\?\)\.$/ }],
    },
    {
      name: 'an unknown field that is close to nothing, and a misspelt top-level field',
      code: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s, label: {app: a}}', 'specs:', '  ports: [{port: 80}]', 'loadBalancerIP: 10.0.0.1'),
      errors: [
        { line: 3, column: 21, endColumn: 26, message: /Unknown field `metadata\.label` \(did you mean `labels`\?\)/ },
        { line: 4, column: 1, endColumn: 6, message: /Unknown field `specs` \(did you mean `spec`\?\)/ },
        { line: 6, column: 1, endColumn: 15, message: /^Unknown field `loadBalancerIP`: the API server rejects it/ },
      ],
    },
    {
      name: 'numbers in quotes, and numbers and booleans where strings belong',
      code: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: model',
        '  labels: {version: 1, canary: yes}',
        'spec:',
        '  replicas: "3"',
        '  selector: {}',
        '  template:',
        '    spec:',
        '      containers: [{name: a, image: b, ports: [{containerPort: "8080"}]}]',
      ),
      errors: [
        { line: 5, column: 21, endColumn: 22, message: /^`metadata\.labels\.version` must be a string, not `1`; put it in quotes\.$/ },
        { line: 5, column: 32, endColumn: 35, message: /`metadata\.labels\.canary` must be a string, not `true`; put it in quotes/ },
        { line: 7, column: 13, endColumn: 16, message: /^`spec\.replicas` must be an integer, not the string `3`; remove the quotes\.$/ },
        { line: 11, column: 64, endColumn: 70, message: /`spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort` must be an integer/ },
      ],
    },
    {
      name: 'a container without a name or an image, and one without an image',
      code: deployment('        - ports: [{containerPort: 80}]', '        - name: sidecar', '          args: [run]'),
      errors: [
        { line: 10, column: 11, endColumn: 39, message: /^`spec\.template\.spec\.containers\[0\]` lacks the required fields `name` and `image`\.$/ },
        { line: 11, column: 11, endColumn: 24, message: /^`spec\.template\.spec\.containers\[1\]` lacks the required field `image`\.$/ },
      ],
    },
    {
      name: 'a required field missing from the object itself and from a nested mapping',
      code: yaml('apiVersion: monitoring.coreos.com/v1', 'kind: PodMonitor', 'metadata: {name: m}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: b, readinessProbe: {httpGet: {path: /ready}}}]'),
      errors: [
        { line: 1, column: 1, endColumn: 37, message: /^The object lacks the required field `spec`\.$/ },
        { line: 9, column: 53, endColumn: 60, message: /^`spec\.containers\[0\]\.readinessProbe\.httpGet` lacks the required field `port`\.$/ },
      ],
    },
    {
      name: 'a kind misspelt, a kind in the wrong group, and a group that does not exist',
      code: yaml('apiVersion: apps/v1', 'kind: Deploymnet', 'metadata: {name: a}', '---', 'apiVersion: v1', 'kind: Deployment', 'metadata: {name: b}', '---', 'apiVersion: app/v1', 'kind: StatefulSet'),
      errors: [
        { line: 2, column: 7, endColumn: 17, message: /^Kubernetes has no kind `Deploymnet` in `apps\/v1` \(did you mean `Deployment`\?\)\.$/ },
        { line: 5, column: 13, endColumn: 15, message: /^Kubernetes has no Deployment in `v1`: 1\.33 serves it as `apps\/v1`\.$/ },
        { line: 9, column: 13, endColumn: 19, message: /no StatefulSet in `app\/v1`: 1\.33 serves it as `apps\/v1`/ },
      ],
    },
    {
      name: 'a misspelt kind of a known custom resource group',
      code: yaml('apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitr', 'metadata: {name: m}', '---', 'apiVersion: keda.sh/v1alpha1', 'kind: scaledobject'),
      errors: [
        { line: 2, column: 7, endColumn: 20, message: /^Prometheus Operator has no kind `ServiceMonitr` in `monitoring\.coreos\.com` \(did you mean `ServiceMonitor`\?\)\.$/ },
        { line: 6, column: 7, endColumn: 19, message: /KEDA has no kind `scaledobject` in `keda\.sh` \(did you mean `ScaledObject`\?\)/ },
      ],
    },
    {
      name: 'a misspelt built-in group',
      code: yaml('apiVersion: batches/v1', 'kind: Task'),
      errors: [{ line: 1, column: 13, endColumn: 23, message: /^Kubernetes has no API group `batches` \(did you mean `batch`\?\)\.$/ }],
    },
    {
      name: 'values outside an enumeration, with the value meant',
      code: deployment('        - name: a', '          image: b', '          imagePullPolicy: always', '          ports: [{containerPort: 80, protocol: tcp}]'),
      errors: [
        { line: 12, column: 28, endColumn: 34, message: /must be one of `Always`, `IfNotPresent`, `Never`, not the string `always` \(did you mean `Always`\?\)/ },
        { line: 13, column: 49, endColumn: 52, message: /`spec\.template\.spec\.containers\[0\]\.ports\[0\]\.protocol` must be one of `SCTP`, `TCP`, `UDP`/ },
      ],
    },
    {
      name: 'quantities that are no quantities, and an int-or-string of another type',
      code: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - name: a',
        '      image: b',
        '      resources: {limits: {memory: 2GB, cpu: [1]}}',
        '      livenessProbe: {tcpSocket: {port: true}}',
      ),
      errors: [
        { line: 8, column: 36, endColumn: 39, message: /^`spec\.containers\[0\]\.resources\.limits\.memory` is not a quantity: write a number or a string such as `500m`, `2` or `1Gi`, not the string `2GB`\.$/ },
        { line: 8, column: 46, endColumn: 49, message: /^`spec\.containers\[0\]\.resources\.limits\.cpu` must be a number or a string, not a list\.$/ },
        { line: 9, column: 41, endColumn: 45, message: /^`spec\.containers\[0\]\.livenessProbe\.tcpSocket\.port` must be an integer or a string, not `true`\.$/ },
      ],
    },
    {
      name: 'Secret data that is not base64',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data:', '  password: hunter2!'),
      errors: [{ line: 5, column: 13, endColumn: 21, message: /`data\.password` must be base64-encoded \(plain text goes under `stringData`\)/ }],
    },
    {
      name: 'custom resources: a misspelt field (so a required one is missing), a bad duration, a number in quotes',
      code: yaml(
        'apiVersion: monitoring.coreos.com/v1',
        'kind: ServiceMonitor',
        'metadata: {name: m}',
        'spec:',
        '  selector: {}',
        '  endpoint: [{port: http}]',
        '---',
        'apiVersion: monitoring.coreos.com/v1',
        'kind: PrometheusRule',
        'metadata: {name: r}',
        'spec:',
        '  groups: [{name: g, rules: [{alert: A, expr: up == 0, for: 5 minutes}]}]',
        '---',
        'apiVersion: keda.sh/v1alpha1',
        'kind: ScaledObject',
        'metadata: {name: s}',
        'spec:',
        '  scaleTargetRef: {name: model}',
        '  maxReplicaCount: "10"',
        '  triggers: [{type: cpu, metadata: {value: "60"}}]',
      ),
      errors: [
        { line: 4, column: 1, endColumn: 5, message: /^`spec` lacks the required field `endpoints`\.$/ },
        { line: 6, column: 3, endColumn: 11, message: /^Unknown field `spec\.endpoint` \(did you mean `endpoints`\?\)\.$/ },
        { line: 12, column: 61, endColumn: 70, message: /^`spec\.groups\[0\]\.rules\[0\]\.for` must be a duration such as `30s`, `5m` or `1h30m`, not the string `5 minutes`\.$/ },
        { line: 19, column: 20, endColumn: 24, message: /`spec\.maxReplicaCount` must be an integer/ },
      ],
    },
    {
      name: 'an empty value where a mapping is required is reported on its key',
      code: yaml('apiVersion: keda.sh/v1alpha1', 'kind: ScaledJob', 'metadata: {name: j}', 'spec:', '  jobTargetRef:', '    backoffLimit: 6', '    template:', '      ## to do', '  triggers: [{type: cron, metadata: {timezone: UTC}}]'),
      errors: [{ line: 7, column: 5, endColumn: 13, message: /^`spec\.jobTargetRef\.template` must be a mapping, not empty\.$/ }],
    },
    {
      name: "an Argo Rollout's pod template with an unknown field and a container without an image",
      code: yaml(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Rollout',
        'metadata: {name: model}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: server',
        '          resource: {limits: {cpu: 1}}',
      ),
      errors: [
        { line: 8, column: 11, endColumn: 23, message: /^`spec\.template\.spec\.containers\[0\]` lacks the required field `image`\.$/ },
        { line: 9, column: 11, endColumn: 19, message: /^Unknown field `spec\.template\.spec\.containers\[0\]\.resource` \(did you mean `resources`\?\)\.$/ },
      ],
    },
  ],
});

describe('MLO215 and the configured Kubernetes version', () => {
  const hpa = yaml(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata: {name: model}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: model}',
    '  minReplicas: 2',
    '  maxReplicas: 4',
  );
  const run = (code: string, kubernetesVersion?: string) => {
    const errors: unknown[] = [];
    const findings = lintManifest(code, { rules: [MLO215], kubernetesVersion, onRuleError: (_id, error) => errors.push(error) });
    assert.deepEqual(errors, []);
    return findings.map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.message}`);
  };

  it('reports an apiVersion that the configured version does not serve yet, with the ones it does', () => {
    assert.deepEqual(run(hpa, '1.22'), [
      '1:13 Kubernetes serves HorizontalPodAutoscaler as `autoscaling/v2` from 1.23 on, but these manifests are for 1.22: use `autoscaling/v1`, `autoscaling/v2beta1` or `autoscaling/v2beta2`.',
    ]);
    assert.deepEqual(run(hpa, 'v1.20.4'), run(hpa, '1.22').map((line) => line.replace('1.22', '1.20')));
  });

  it('accepts it from the version that serves it, and by default (the newest bundled)', () => {
    assert.deepEqual(run(hpa, '1.23'), []);
    assert.deepEqual(run(hpa, '1.30.2-eks-1234'), []);
    assert.deepEqual(run(hpa), []);
  });

  it('judges versions outside the table as its nearest end, and ignores a version it cannot read', () => {
    assert.equal(run(hpa, '1.9').length, 1);
    assert.deepEqual(run(hpa, '1.40'), []);
    assert.deepEqual(run(hpa, 'latest'), []);
  });

  it('names the versions a kind had when the configured one serves it in none', () => {
    const psp = yaml('apiVersion: policy/v1', 'kind: PodSecurityPolicy', 'metadata: {name: p}');
    assert.deepEqual(run(psp, '1.30'), [
      '1:13 Kubernetes has no PodSecurityPolicy in `policy/v1`, and 1.30 serves it in no version (it was `extensions/v1beta1` or `policy/v1beta1`).',
    ]);
  });
});
