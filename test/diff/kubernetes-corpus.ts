/**
 * The corpus of the Kubernetes differential test and benchmark: seeded "apps", each a folder of a few manifest files
 * as a team keeps them next to its service (one object per file, or all of them in one multi-document file), built
 * from the workloads ML teams deploy: FastAPI/uvicorn model servers, Triton and TorchServe on GPUs, KServe
 * InferenceServices, GPU notebook pods, training Jobs and batch-inference CronJobs, vector databases as
 * StatefulSets, node agents as DaemonSets, and operators with their CRDs and RBAC. Each app gets, or lacks, the
 * objects that go with its workload (Service, HPA, PDB, NetworkPolicy, Ingress, ServiceAccount, ConfigMap, Secret),
 * and each object carries, or avoids, the problems the rules look for, so that the workspace rules have something
 * to see and every rule meets both its findings and its near misses. The repository's own manifests (under
 * test/fixtures and examples/) are added as they are.
 *
 * Everything generated is deterministic: the same build always produces byte-identical files with the same names.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { SeededRandom } from '../bench/corpus';

export interface KubernetesCorpusFile {
  /** Relative to the corpus folder, with `/`: `apps/017-triton-fraud/deployment.yaml`. */
  path: string;
  text: string;
  /** The folder the file belongs to, which the differential test lints as one workspace. */
  app: string;
  /** `generated`: made by this module; `fixture`: a manifest of the repository, copied as it is. */
  origin: 'generated' | 'fixture';
}

export const KUBERNETES_CORPUS_SEED = 0x6b85;
export const KUBERNETES_APP_COUNT = 110;
export const KUBERNETES_CORPUS_DIR = join(tmpdir(), 'mlops-deploy-kubernetes-corpus');

/** The repository root, from the compiled file in <out>/test/diff/. */
const ROOT = resolve(__dirname, '..', '..', '..');

type Manifest = Record<string, unknown>;

const APP_KINDS = ['fastapi', 'triton', 'torchserve', 'kserve', 'gpu-pod', 'training', 'batch', 'vector-db', 'daemonset', 'operator'] as const;
type AppKind = (typeof APP_KINDS)[number];

const TEAMS = ['fraud', 'search', 'recsys', 'vision', 'nlp', 'forecast', 'ranking', 'speech', 'ads', 'risk', 'churn', 'embeddings'];

/** Problems are drawn per app with this probability each, so that roughly one app in three is clean of each. */
const PROBLEM_RATE = 0.35;

/** The knobs of one app: what it has, and which mistakes it makes. */
interface Traits {
  replicas: number;
  service: boolean;
  hpa: boolean;
  pdb: boolean;
  networkPolicy: boolean;
  ingress: boolean;
  serviceAccount: boolean;
  configMap: boolean;
  secret: boolean;
  /** Mistakes, each true with PROBLEM_RATE. */
  noLimits: 'none' | 'cpu' | 'memory' | 'both';
  noRequests: 'none' | 'cpu' | 'memory' | 'both';
  noReadiness: boolean;
  noLiveness: boolean;
  probeOnWrongPort: boolean;
  image: 'pinned' | 'latest' | 'untagged' | 'digest';
  literalSecretEnv: boolean;
  runsAsRoot: 'non-root' | 'unset' | 'uid-0' | 'pod-level';
  privileged: 'no' | 'privileged' | 'escalation-unset';
  gpuMismatch: boolean;
  recreate: boolean;
  hpaMinOne: boolean;
  hpaWithReplicas: boolean;
  pdbBlocking: boolean;
  serviceSelectorTypo: boolean;
  serviceTargetPortWrong: boolean;
  deprecatedApi: boolean;
  initContainer: boolean;
  identicalProbes: boolean;
}

function drawTraits(random: SeededRandom, kind: AppKind): Traits {
  const problem = (): boolean => random.chance(PROBLEM_RATE);
  const serving = kind === 'fastapi' || kind === 'triton' || kind === 'torchserve' || kind === 'vector-db';
  return {
    replicas: random.pick([1, 2, 2, 3, 3, 4, 6]),
    service: serving ? random.chance(0.85) : false,
    hpa: serving && kind !== 'vector-db' ? random.chance(0.6) : false,
    pdb: serving ? random.chance(0.6) : false,
    networkPolicy: random.chance(0.5),
    ingress: (kind === 'fastapi' || kind === 'triton') && random.chance(0.5),
    serviceAccount: random.chance(0.6),
    configMap: random.chance(0.5),
    secret: random.chance(0.4),
    noLimits: problem() ? random.pick(['cpu', 'memory', 'both'] as const) : 'none',
    noRequests: problem() ? random.pick(['cpu', 'memory', 'both'] as const) : 'none',
    noReadiness: problem(),
    noLiveness: problem(),
    probeOnWrongPort: random.chance(0.1),
    image: problem() ? random.pick(['latest', 'untagged', 'digest'] as const) : 'pinned',
    literalSecretEnv: random.chance(0.2),
    runsAsRoot: problem() ? random.pick(['unset', 'uid-0', 'pod-level'] as const) : 'non-root',
    privileged: problem() ? random.pick(['privileged', 'escalation-unset'] as const) : 'no',
    gpuMismatch: random.chance(0.15),
    recreate: random.chance(0.15),
    hpaMinOne: random.chance(0.25),
    hpaWithReplicas: random.chance(0.4),
    pdbBlocking: random.chance(0.25),
    serviceSelectorTypo: random.chance(0.12),
    serviceTargetPortWrong: random.chance(0.12),
    deprecatedApi: random.chance(0.15),
    initContainer: random.chance(0.3),
    identicalProbes: random.chance(0.15),
  };
}

interface Port {
  name: string;
  containerPort: number;
}

interface ContainerSpec {
  name: string;
  image: string;
  /** The pinned form; the traits decide whether it stays pinned. */
  command?: string[];
  args?: string[];
  ports: Port[];
  /** The path an HTTP probe asks, or undefined for a TCP probe on the first port. */
  health?: string;
  cpu: string;
  memory: string;
  gpus?: number;
  env?: Array<Record<string, unknown>>;
}

const BASE_IMAGES: Record<AppKind, readonly string[]> = {
  fastapi: ['ghcr.io/acme/{team}-api:1.4.2', 'registry.example.com/ml/{team}-model-server:2024.06.1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/{team}/serving:v3.2.0'],
  triton: ['nvcr.io/nvidia/tritonserver:24.05-py3', 'nvcr.io/nvidia/tritonserver:23.12-py3'],
  torchserve: ['pytorch/torchserve:0.11.0-gpu', 'pytorch/torchserve:0.10.0-cpu'],
  kserve: ['kserve/sklearnserver:v0.13.0'],
  'gpu-pod': ['nvcr.io/nvidia/pytorch:24.05-py3', 'jupyter/pytorch-notebook:2024-05-27'],
  training: ['ghcr.io/acme/{team}-trainer:0.9.1', 'nvcr.io/nvidia/pytorch:24.05-py3'],
  batch: ['ghcr.io/acme/{team}-batch-infer:1.2.0', 'python:3.11-slim'],
  'vector-db': ['qdrant/qdrant:v1.9.2', 'milvusdb/milvus:v2.4.4', 'semitechnologies/weaviate:1.25.3'],
  daemonset: ['nvcr.io/nvidia/k8s-device-plugin:v0.15.0', 'prom/node-exporter:v1.8.1', 'nvcr.io/nvidia/k8s/dcgm-exporter:3.3.6-3.4.2-ubuntu22.04'],
  operator: ['ghcr.io/acme/{team}-model-operator:0.4.0', 'quay.io/operator-framework/helm-operator:v1.34.2'],
};

const DIGEST = '@sha256:4b8f0c2a9d3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a';

function imageFor(template: string, team: string, mode: Traits['image']): string {
  const pinned = template.replace('{team}', team);
  const colon = pinned.lastIndexOf(':');
  const repository = colon > pinned.lastIndexOf('/') ? pinned.slice(0, colon) : pinned;
  if (mode === 'latest') return `${repository}:latest`;
  if (mode === 'untagged') return repository;
  if (mode === 'digest') return `${repository}${DIGEST}`;
  return pinned;
}

function mainContainer(kind: AppKind, team: string, random: SeededRandom, traits: Traits): ContainerSpec {
  const image = imageFor(random.pick(BASE_IMAGES[kind]), team, traits.image);
  switch (kind) {
    case 'fastapi':
      return {
        name: 'server',
        image,
        command: ['uvicorn', 'app.main:app'],
        args: ['--host', '0.0.0.0', '--port', '8000', '--workers', String(random.int(1, 4))],
        ports: [{ name: 'http', containerPort: 8000 }],
        health: random.pick(['/healthz', '/health', '/ready']),
        cpu: random.pick(['500m', '1', '2']),
        memory: random.pick(['1Gi', '2Gi', '4Gi']),
      };
    case 'triton':
      return {
        name: 'triton',
        image,
        command: ['tritonserver'],
        args: ['--model-repository=s3://models/' + team, '--strict-model-config=false'],
        ports: [
          { name: 'http', containerPort: 8000 },
          { name: 'grpc', containerPort: 8001 },
          { name: 'metrics', containerPort: 8002 },
        ],
        health: '/v2/health/ready',
        cpu: random.pick(['4', '8']),
        memory: random.pick(['16Gi', '32Gi']),
        gpus: random.pick([1, 1, 2]),
      };
    case 'torchserve':
      return {
        name: 'torchserve',
        image,
        args: ['torchserve', '--start', '--model-store', '/models', '--ts-config', '/config/config.properties'],
        ports: [
          { name: 'inference', containerPort: 8080 },
          { name: 'management', containerPort: 8081 },
          { name: 'metrics', containerPort: 8082 },
        ],
        health: '/ping',
        cpu: '2',
        memory: '8Gi',
        gpus: image.includes('gpu') ? 1 : undefined,
      };
    case 'vector-db':
      return {
        name: image.includes('qdrant') ? 'qdrant' : image.includes('milvus') ? 'milvus' : 'weaviate',
        image,
        ports: image.includes('qdrant')
          ? [
              { name: 'http', containerPort: 6333 },
              { name: 'grpc', containerPort: 6334 },
            ]
          : image.includes('milvus')
            ? [
                { name: 'grpc', containerPort: 19530 },
                { name: 'http', containerPort: 9091 },
              ]
            : [{ name: 'http', containerPort: 8080 }],
        health: image.includes('qdrant') ? '/readyz' : image.includes('milvus') ? '/healthz' : '/v1/.well-known/ready',
        cpu: random.pick(['1', '2', '4']),
        memory: random.pick(['4Gi', '8Gi']),
      };
    case 'daemonset':
      return {
        name: image.includes('device-plugin') ? 'nvidia-device-plugin' : image.includes('dcgm') ? 'dcgm-exporter' : 'node-exporter',
        image,
        ports: image.includes('device-plugin') ? [] : [{ name: 'metrics', containerPort: image.includes('dcgm') ? 9400 : 9100 }],
        health: image.includes('device-plugin') ? undefined : '/metrics',
        cpu: '100m',
        memory: '128Mi',
      };
    case 'operator':
      return {
        name: 'manager',
        image,
        args: ['--leader-elect', '--metrics-bind-address=:8080', '--health-probe-bind-address=:8081'],
        ports: [
          { name: 'metrics', containerPort: 8080 },
          { name: 'probes', containerPort: 8081 },
        ],
        health: '/healthz',
        cpu: '200m',
        memory: '256Mi',
      };
    case 'gpu-pod':
      return { name: 'notebook', image, ports: [{ name: 'jupyter', containerPort: 8888 }], health: '/api', cpu: '8', memory: '32Gi', gpus: random.pick([1, 2, 4]) };
    case 'training':
      return {
        name: 'trainer',
        image,
        command: ['torchrun'],
        args: ['--nproc_per_node=' + random.pick([1, 2, 4]), 'train.py', '--epochs=' + random.int(3, 30)],
        ports: [],
        cpu: '8',
        memory: '64Gi',
        gpus: random.pick([1, 2, 4, 8]),
      };
    case 'batch':
    case 'kserve':
      return { name: 'batch-infer', image, command: ['python', '-m', 'batch.score'], args: ['--date', '$(RUN_DATE)'], ports: [], cpu: '2', memory: '4Gi' };
  }
}

/** The container as a manifest, with the traits' mistakes applied. */
function containerManifest(spec: ContainerSpec, traits: Traits, longRunning: boolean, names: { configMap?: string; secret?: string }): Manifest {
  const container: Manifest = { name: spec.name, image: spec.image };
  if (spec.command) container.command = spec.command;
  if (spec.args) container.args = spec.args;
  if (spec.ports.length > 0) container.ports = spec.ports.map((port) => ({ name: port.name, containerPort: port.containerPort, protocol: 'TCP' }));
  const env: Array<Record<string, unknown>> = [{ name: 'LOG_LEVEL', value: 'info' }, ...(spec.env ?? [])];
  if (traits.literalSecretEnv) env.push({ name: 'MODEL_STORE_API_KEY', value: 'sk-live-4f9a1c2e7b' });
  if (names.secret) env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: names.secret, key: 'password' } } });
  container.env = env;
  if (names.configMap) container.envFrom = [{ configMapRef: { name: names.configMap } }];

  const requests: Manifest = {};
  const limits: Manifest = {};
  if (traits.noRequests !== 'cpu' && traits.noRequests !== 'both') requests.cpu = spec.cpu;
  if (traits.noRequests !== 'memory' && traits.noRequests !== 'both') requests.memory = spec.memory;
  if (traits.noLimits !== 'cpu' && traits.noLimits !== 'both') limits.cpu = spec.cpu;
  if (traits.noLimits !== 'memory' && traits.noLimits !== 'both') limits.memory = spec.memory;
  if (spec.gpus) {
    limits['nvidia.com/gpu'] = spec.gpus;
    if (traits.gpuMismatch) requests['nvidia.com/gpu'] = spec.gpus + 1;
  }
  const resources: Manifest = {};
  if (Object.keys(requests).length > 0) resources.requests = requests;
  if (Object.keys(limits).length > 0) resources.limits = limits;
  if (Object.keys(resources).length > 0) container.resources = resources;

  if (longRunning && spec.ports.length > 0) {
    const port = traits.probeOnWrongPort ? 'admin' : spec.ports[0].name;
    const action = spec.health ? { httpGet: { path: spec.health, port } } : { tcpSocket: { port } };
    const readiness = { ...action, periodSeconds: 10, failureThreshold: 3 };
    const liveness = traits.identicalProbes ? readiness : { ...action, initialDelaySeconds: 30, periodSeconds: 20 };
    if (!traits.noReadiness) container.readinessProbe = readiness;
    if (!traits.noLiveness) container.livenessProbe = liveness;
  }

  const securityContext: Manifest = {};
  if (traits.runsAsRoot === 'non-root') Object.assign(securityContext, { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001 });
  if (traits.runsAsRoot === 'uid-0') securityContext.runAsUser = 0;
  if (traits.privileged === 'privileged') securityContext.privileged = true;
  if (traits.privileged === 'no') Object.assign(securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  if (Object.keys(securityContext).length > 0) container.securityContext = securityContext;
  return container;
}

interface App {
  name: string;
  files: Array<{ name: string; objects: Manifest[] }>;
}

const metadata = (name: string, labels: Record<string, string>, extra: Manifest = {}): Manifest => ({ name, labels, ...extra });

function buildApp(index: number, random: SeededRandom): App {
  const kind = APP_KINDS[index % APP_KINDS.length];
  const team = random.pick(TEAMS);
  // The index keeps names and labels apart between apps, as separate services' are; apps that shared them would
  // select each other's pods when linted together.
  const name = `${team}-${kind === 'fastapi' ? 'api' : kind}-${index}`;
  const traits = drawTraits(random, kind);
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': team };
  const selector = { 'app.kubernetes.io/name': name };
  const spec = mainContainer(kind, team, random, traits);
  const objects: Manifest[] = [];
  const saName = `${name}-sa`;
  const cmName = traits.configMap ? `${name}-config` : undefined;
  const secretName = traits.secret || random.chance(0.15) ? `${name}-credentials` : undefined;

  const longRunning = kind !== 'training' && kind !== 'batch' && kind !== 'kserve';
  const podSpec = (): Manifest => {
    const pod: Manifest = {};
    if (traits.serviceAccount || kind === 'operator') pod.serviceAccountName = saName;
    else if (random.chance(0.2)) pod.serviceAccountName = 'default';
    if (traits.runsAsRoot === 'pod-level') pod.securityContext = { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 };
    else if (random.chance(0.3)) pod.securityContext = { seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 10001 };
    if (traits.initContainer && longRunning) {
      pod.initContainers = [
        containerManifest(
          { name: 'fetch-model', image: imageFor('amazon/aws-cli:2.15.40', team, traits.image === 'latest' ? 'latest' : 'pinned'), command: ['aws', 's3', 'sync', `s3://models/${team}`, '/models'], ports: [], cpu: '200m', memory: '256Mi' },
          { ...traits, noReadiness: true, noLiveness: true },
          false,
          {},
        ),
      ];
    }
    pod.containers = [containerManifest(spec, traits, longRunning, { configMap: cmName, secret: secretName })];
    if (random.chance(0.3) && kind === 'fastapi') {
      pod.containers = [...(pod.containers as Manifest[]), containerManifest({ name: 'log-shipper', image: 'fluent/fluent-bit:3.0.7', ports: [{ name: 'fb-metrics', containerPort: 2020 }], health: '/api/v1/health', cpu: '50m', memory: '64Mi' }, traits, true, {})];
    }
    if (spec.gpus) {
      pod.nodeSelector = { 'nvidia.com/gpu.present': 'true' };
      pod.tolerations = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
    }
    if (kind === 'daemonset') {
      pod.hostNetwork = random.chance(0.5);
      pod.volumes = [{ name: 'host-dev', hostPath: { path: spec.name === 'nvidia-device-plugin' ? '/var/lib/kubelet/device-plugins' : '/proc' } }];
    }
    if (!longRunning) pod.restartPolicy = random.pick(['Never', 'OnFailure']);
    if (kind === 'gpu-pod') pod.restartPolicy = random.pick(['Always', 'Never']);
    return pod;
  };
  const template = (): Manifest => ({ metadata: { labels: { ...labels }, annotations: random.chance(0.4) ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(spec.ports.at(-1)?.containerPort ?? 8080) } : undefined }, spec: podSpec() });
  const withoutUndefined = (value: Manifest): Manifest => JSON.parse(JSON.stringify(value)) as Manifest;

  // The workload.
  switch (kind) {
    case 'fastapi':
    case 'triton':
    case 'torchserve':
    case 'operator': {
      const deployment: Manifest = {
        apiVersion: traits.deprecatedApi && kind === 'fastapi' ? 'extensions/v1beta1' : 'apps/v1',
        kind: 'Deployment',
        metadata: metadata(name, labels),
        spec: {
          ...(traits.hpa && !traits.hpaWithReplicas ? {} : { replicas: kind === 'operator' ? 1 : traits.replicas }),
          selector: { matchLabels: selector },
          ...(traits.recreate ? { strategy: { type: 'Recreate' } } : random.chance(0.5) ? { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: random.pick([0, 1, '25%']) } } } : {}),
          template: template(),
        },
      };
      objects.push(withoutUndefined(deployment));
      break;
    }
    case 'vector-db':
      objects.push(
        withoutUndefined({
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: metadata(name, labels),
          spec: {
            serviceName: `${name}-headless`,
            replicas: traits.replicas,
            selector: { matchLabels: selector },
            template: template(),
            volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: random.pick(['50Gi', '200Gi']) } } } }],
          },
        }),
      );
      objects.push({ apiVersion: 'v1', kind: 'Service', metadata: metadata(`${name}-headless`, labels), spec: { clusterIP: 'None', selector, ports: spec.ports.map((port) => ({ name: port.name, port: port.containerPort, targetPort: port.name })) } });
      break;
    case 'daemonset':
      objects.push(withoutUndefined({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: metadata(name, labels, { namespace: 'kube-system' }), spec: { selector: { matchLabels: selector }, updateStrategy: { type: 'RollingUpdate' }, template: template() } }));
      break;
    case 'gpu-pod':
      objects.push(withoutUndefined({ apiVersion: 'v1', kind: 'Pod', metadata: metadata(name, labels), spec: podSpec() }));
      break;
    case 'training':
      objects.push(withoutUndefined({ apiVersion: 'batch/v1', kind: 'Job', metadata: metadata(name, labels), spec: { backoffLimit: random.int(0, 4), ttlSecondsAfterFinished: 86400, template: template() } }));
      break;
    case 'batch':
      objects.push(
        withoutUndefined({
          apiVersion: traits.deprecatedApi ? 'batch/v1beta1' : 'batch/v1',
          kind: 'CronJob',
          metadata: metadata(name, labels),
          spec: { schedule: random.pick(['0 2 * * *', '*/30 * * * *', '15 4 * * 1']), concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 600, jobTemplate: { spec: { backoffLimit: 2, template: template() } } },
        }),
      );
      break;
    case 'kserve':
      objects.push({
        apiVersion: 'serving.kserve.io/v1beta1',
        kind: 'InferenceService',
        metadata: metadata(name, labels, { annotations: { 'serving.kserve.io/deploymentMode': random.pick(['Serverless', 'RawDeployment']) } }),
        spec: {
          predictor: {
            minReplicas: traits.hpaMinOne ? 1 : 2,
            maxReplicas: 8,
            ...(traits.serviceAccount ? { serviceAccountName: saName } : {}),
            model: { modelFormat: { name: random.pick(['sklearn', 'xgboost', 'pytorch', 'onnx']) }, storageUri: `s3://models/${team}/v${random.int(1, 9)}`, resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } } },
          },
        },
      });
      objects.push(withoutUndefined({ apiVersion: 'batch/v1', kind: 'Job', metadata: metadata(`${name}-backfill`, labels), spec: { template: template() } }));
      break;
  }

  const workload = objects[0];
  const ports = spec.ports;
  const servingPort = ports[0];

  if (traits.service && servingPort && kind !== 'vector-db') {
    const serviceSelector = traits.serviceSelectorTypo ? { 'app.kubernetes.io/name': `${name}-svc` } : selector;
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(name, labels),
      spec: { type: random.pick(['ClusterIP', 'ClusterIP', 'ClusterIP', 'NodePort']), selector: serviceSelector, ports: ports.map((port, i) => ({ name: port.name, port: i === 0 ? 80 : port.containerPort, targetPort: i === 0 && traits.serviceTargetPortWrong ? 9999 : random.chance(0.5) ? port.name : port.containerPort })) },
    });
  }
  if (traits.hpa && (workload.kind === 'Deployment' || workload.kind === 'StatefulSet')) {
    const minReplicas = traits.hpaMinOne ? 1 : random.pick([2, 3]);
    objects.push({
      apiVersion: traits.deprecatedApi ? 'autoscaling/v2beta2' : 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(name, labels),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: workload.kind, name: random.chance(0.08) ? `${name}-old` : name },
        minReplicas,
        maxReplicas: random.chance(0.1) ? minReplicas : minReplicas + random.int(2, 10),
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: random.pick([60, 70, 80]) } } }],
      },
    });
  }
  if (traits.pdb && (workload.kind === 'Deployment' || workload.kind === 'StatefulSet')) {
    const policy = traits.pdbBlocking ? random.pick([{ maxUnavailable: 0 }, { minAvailable: traits.replicas }]) : random.pick([{ maxUnavailable: 1 }, { minAvailable: '50%' }, { minAvailable: 1 }]);
    objects.push({ apiVersion: traits.deprecatedApi ? 'policy/v1beta1' : 'policy/v1', kind: 'PodDisruptionBudget', metadata: metadata(name, labels), spec: { ...policy, selector: { matchLabels: random.chance(0.08) ? { app: name } : selector } } });
  }
  if (traits.networkPolicy) {
    const podSelector = random.chance(0.15) ? {} : { matchLabels: random.chance(0.08) ? { app: name } : selector };
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(`${name}-ingress`, labels),
      spec: { podSelector, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: ports.slice(0, 1).map((port) => ({ port: port.containerPort, protocol: 'TCP' })) }] },
    });
  }
  if (traits.ingress && traits.service && servingPort) {
    const tls = random.chance(0.6);
    const host = `${team}.ml.example.com`;
    const annotations: Record<string, string> = random.chance(0.5) ? { 'nginx.ingress.kubernetes.io/limit-rps': '20' } : {};
    const backend = traits.deprecatedApi ? { serviceName: random.chance(0.1) ? `${name}-v1` : name, servicePort: 80 } : { service: { name: random.chance(0.1) ? `${name}-v1` : name, port: { number: 80 } } };
    objects.push({
      apiVersion: traits.deprecatedApi ? 'networking.k8s.io/v1beta1' : 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: metadata(name, labels, Object.keys(annotations).length > 0 ? { annotations } : {}),
      spec: {
        ingressClassName: 'nginx',
        ...(tls ? { tls: [{ hosts: [host], secretName: `${name}-tls` }] } : {}),
        rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
      },
    });
  }
  if (traits.serviceAccount || kind === 'operator') objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(saName, labels), automountServiceAccountToken: random.chance(0.5) ? false : undefined });
  if (cmName && random.chance(0.85)) objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(cmName, labels), data: { MODEL_NAME: `${team}-model`, BATCH_SIZE: String(random.pick([8, 16, 32])) } });
  if (secretName && traits.secret) {
    objects.push(
      random.chance(0.5)
        ? { apiVersion: 'v1', kind: 'Secret', metadata: metadata(secretName, labels), type: 'Opaque', stringData: { password: 'change-me' } }
        : { apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: metadata(secretName, labels), spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, target: { name: secretName }, data: [{ secretKey: 'password', remoteRef: { key: `ml/${team}/db`, property: 'password' } }] } },
    );
  }
  if (kind === 'operator') {
    const group = `${team}.ml.example.com`;
    objects.push({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `modeldeployments.${group}` },
      spec: {
        group,
        names: { kind: 'ModelDeployment', plural: 'modeldeployments', singular: 'modeldeployment' },
        scope: 'Namespaced',
        versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { model: { type: 'string' }, replicas: { type: 'integer', minimum: 1 } } } } } } }],
      },
    });
    const wildcard = random.chance(0.5);
    objects.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `${name}-manager` },
      rules: wildcard
        ? [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]
        : [
            { apiGroups: [group], resources: ['modeldeployments', 'modeldeployments/status'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
            { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
            ...(random.chance(0.4) ? [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }] : []),
          ],
    });
    objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: `${name}-manager` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${name}-manager` }, subjects: [{ kind: 'ServiceAccount', name: saName, namespace: 'default' }] });
    objects.push({ apiVersion: `${group}/v1alpha1`, kind: 'ModelDeployment', metadata: { name: `${team}-example` }, spec: { model: `${team}-model`, replicas: 2 } });
  }
  if (random.chance(0.2) && servingPort && kind !== 'daemonset' && kind !== 'training' && kind !== 'batch') {
    objects.push({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: metadata(name, labels), spec: { selector: { matchLabels: selector }, endpoints: [{ port: ports.at(-1)!.name, interval: '30s' }] } });
  }

  const clean = objects.map(withoutUndefined);
  const appName = `${String(index).padStart(3, '0')}-${name.slice(0, name.lastIndexOf('-'))}`;
  // Three layouts teams use: one object per file, everything in one file, or the workload apart from the rest.
  const layout = random.pick(['per-object', 'single', 'split'] as const);
  const fileName = (object: Manifest): string => `${String(object.kind).toLowerCase()}-${String((object.metadata as Manifest).name)}.yaml`;
  const files =
    layout === 'single'
      ? [{ name: 'manifests.yaml', objects: clean }]
      : layout === 'split'
        ? [
            { name: `${String(clean[0].kind).toLowerCase()}.yaml`, objects: clean.slice(0, 1) },
            ...(clean.length > 1 ? [{ name: 'resources.yaml', objects: clean.slice(1) }] : []),
          ]
        : clean.map((object) => ({ name: fileName(object), objects: [object] }));
  return { name: appName, files };
}

/** A multi-document YAML text, as `kubectl` and the peers read it. */
export function toYaml(objects: readonly Manifest[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
}

/** The generated apps, then the repository's own manifests. */
export function generateKubernetesCorpus(appCount: number = KUBERNETES_APP_COUNT, seed: number = KUBERNETES_CORPUS_SEED): KubernetesCorpusFile[] {
  const random = new SeededRandom(seed);
  const files: KubernetesCorpusFile[] = [];
  for (let index = 0; index < appCount; index++) {
    const app = buildApp(index, random);
    for (const file of app.files) files.push({ path: `apps/${app.name}/${file.name}`, text: toYaml(file.objects), app: `apps/${app.name}`, origin: 'generated' });
  }
  return [...files, ...repositoryManifests()];
}

/**
 * The YAML files under test/fixtures and examples/ that hold a Kubernetes object, each folder an app. Read at run
 * time, so that manifests added there later join the corpus without a change here.
 */
function repositoryManifests(): KubernetesCorpusFile[] {
  const found: KubernetesCorpusFile[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.git')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry)) {
        const text = readFileSync(path, 'utf8');
        if (/^apiVersion:/m.test(text) && /^kind:/m.test(text) && !text.includes('{{')) {
          const rel = relative(ROOT, path).split('\\').join('/');
          found.push({ path: `repo/${rel}`, text, app: `repo/${dirname(rel)}`, origin: 'fixture' });
        }
      }
    }
  };
  walk(join(ROOT, 'test', 'fixtures'));
  walk(join(ROOT, 'examples'));
  return found;
}

/** Writes the corpus into `dir` (emptied first) and returns the folder. */
export function writeKubernetesCorpus(corpus: readonly KubernetesCorpusFile[], dir: string = KUBERNETES_CORPUS_DIR): string {
  rmSync(dir, { recursive: true, force: true });
  for (const file of corpus) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return dir;
}

/** Kinds that live outside namespaces, whose names must differ instead. */
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'Namespace']);

/**
 * One file of `documents` documents for the growth benchmark: the generated apps' objects, repeated in order, each
 * repetition in its own namespace (cluster-scoped objects get a numbered name instead), as in the rendered manifests
 * of a large platform. Without that, every repetition's Services and budgets would select every other repetition's
 * pods, and the work would grow with the square of the copies, which no real workspace does.
 */
export function generateLargeManifest(documents: number, seed: number = KUBERNETES_CORPUS_SEED): string {
  const random = new SeededRandom(seed);
  const pool: Manifest[] = [];
  for (let index = 0; pool.length < 400; index++) pool.push(...buildApp(index, random).files.flatMap((file) => file.objects));
  const objects: Manifest[] = [];
  for (let i = 0; i < documents; i++) {
    const object = structuredClone(pool[i % pool.length]);
    const meta = object.metadata as Manifest;
    const copy = Math.floor(i / pool.length);
    if (CLUSTER_SCOPED.has(String(object.kind))) meta.name = `${String(meta.name)}-${copy}`;
    else meta.namespace = `${String(meta.namespace ?? 'ml')}-${copy}`;
    objects.push(object);
  }
  return toYaml(objects);
}

// Run on its own, the module writes the corpus, for running the peers or the CLI over it by hand.
if (require.main === module) {
  const corpus = generateKubernetesCorpus();
  const documents = corpus.reduce((sum, file) => sum + file.text.split(/^---$/m).length, 0);
  console.log(`${corpus.length} files (${documents} documents) in ${new Set(corpus.map((f) => f.app)).size} folders written to ${writeKubernetesCorpus(corpus)}`);
}
