import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintKubernetesFiles, ManifestIndex } from '../../../../src/core/kubernetes/workspace';

/**
 * The index keeps what it worked out from unchanged files between calls (rendered objects, which workloads a
 * selector selects, fixes); after any sequence of changes its findings must be those of a lint from scratch.
 */

const NAMESPACES = ['team-a', 'team-b', 'team-c'];

/** A small deterministic random number generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ServiceShape {
  namespace: string;
  app: string;
  replicas: number;
  minAvailable: number;
  hpaMin: number;
  hpaTarget: string;
  selector: string;
  hasPdb: boolean;
  hasPolicy: boolean;
  account: string;
  /** The Service's targetPort: the container's port by name or number, or one it does not declare. */
  targetPort: string | number;
}

function deployment(name: string, shape: ServiceShape): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${shape.namespace}`,
    'spec:',
    `  replicas: ${shape.replicas}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${shape.app}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${shape.app}`,
    '        tier: serving',
    '    spec:',
    `      serviceAccountName: ${shape.account}`,
    '      containers:',
    '        - name: server',
    `          image: registry.example.com/${name}:1.0.0`,
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    '          env:',
    '            - name: MODEL_URI',
    '              valueFrom:',
    `                configMapKeyRef: {name: ${name}-config, key: uri}`,
    '',
  ].join('\n');
}

function service(name: string, shape: ServiceShape): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${shape.namespace}`,
    'spec:',
    '  selector:',
    `    app: ${shape.selector}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    `      targetPort: ${shape.targetPort}`,
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${name}-config`,
    `  namespace: ${shape.namespace}`,
    'data:',
    `  uri: s3://models/${name}`,
    '',
  ].join('\n');
}

function scaling(name: string, shape: ServiceShape): string {
  const hpa = [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${shape.namespace}`,
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    `    name: ${shape.hpaTarget}`,
    `  minReplicas: ${shape.hpaMin}`,
    '  maxReplicas: 5',
  ];
  const pdb = [
    '---',
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${shape.namespace}`,
    'spec:',
    `  minAvailable: ${shape.minAvailable}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${shape.selector}`,
  ];
  return [...hpa, ...(shape.hasPdb ? pdb : []), ''].join('\n');
}

function policy(name: string, shape: ServiceShape): string {
  if (!shape.hasPolicy) return ['apiVersion: v1', 'kind: ServiceAccount', 'metadata:', `  name: ${shape.account}`, `  namespace: ${shape.namespace}`, ''].join('\n');
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${shape.namespace}`,
    'spec:',
    '  podSelector:',
    '    matchExpressions:',
    '      - {key: app, operator: In, values: [' + shape.selector + ', shared]}',
    '',
  ].join('\n');
}

/** The four files of model service `i` in its current shape. */
function filesOf(i: number, shape: ServiceShape): Array<[string, string]> {
  const name = `model-${i}`;
  const folder = `/ws/${name}`;
  return [
    [`${folder}/deployment.yaml`, deployment(name, shape)],
    [`${folder}/service.yaml`, service(name, shape)],
    [`${folder}/scaling.yaml`, scaling(name, shape)],
    [`${folder}/policy.yaml`, policy(name, shape)],
  ];
}

function initialShape(i: number, next: () => number): ServiceShape {
  const app = i % 6 === 5 ? 'shared' : `model-${i}`;
  return {
    namespace: NAMESPACES[i % NAMESPACES.length],
    app,
    replicas: 1 + Math.floor(next() * 3),
    minAvailable: 1 + Math.floor(next() * 3),
    hpaMin: Math.floor(next() * 3),
    hpaTarget: `model-${i}`,
    selector: app,
    hasPdb: next() < 0.7,
    hasPolicy: next() < 0.6,
    account: next() < 0.5 ? `model-${i}` : 'default',
    targetPort: 'http',
  };
}

/** One random change of a service's shape: the kinds of edit that change findings in other files. */
function mutate(shape: ServiceShape, next: () => number, services: number): ServiceShape {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  switch (Math.floor(next() * 9)) {
    case 0:
      return { ...shape, replicas: shape.replicas + 1 };
    case 1:
      return { ...shape, app: pick(['shared', `model-${Math.floor(next() * services)}`, 'nobody']) };
    case 2:
      return { ...shape, namespace: pick(NAMESPACES) };
    case 3:
      return { ...shape, selector: pick(['shared', `model-${Math.floor(next() * services)}`, shape.app]) };
    case 4:
      return { ...shape, hpaMin: Math.floor(next() * 3), hpaTarget: pick([shape.hpaTarget, `model-${Math.floor(next() * services)}`]) };
    case 5:
      return { ...shape, hasPdb: !shape.hasPdb, minAvailable: 1 + Math.floor(next() * 4) };
    case 6:
      return { ...shape, hasPolicy: !shape.hasPolicy };
    case 7:
      return { ...shape, targetPort: pick(['http', 'grpc', 8080, 9090]) };
    default:
      return { ...shape, account: pick(['default', `model-${Math.floor(next() * services)}`]) };
  }
}

describe('ManifestIndex after changes', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds what a lint from scratch finds, after each of 25 changes (seed ${seed})`, () => {
      const next = random(seed);
      const services = 10;
      const shapes = Array.from({ length: services }, (_, i) => initialShape(i, next));
      const files = new Map<string, string>();
      const index = new ManifestIndex();
      for (let i = 0; i < services; i++) {
        for (const [path, text] of filesOf(i, shapes[i])) {
          files.set(path, text);
          index.set(path, text);
        }
      }
      let findingCount = 0;
      for (let step = 0; step <= 25; step++) {
        const expected = lintKubernetesFiles([...files].map(([path, text]) => ({ path, text })));
        const actual = index.findings();
        assert.deepStrictEqual(actual, expected, `step ${step}`);
        findingCount += [...actual.values()].reduce((sum, list) => sum + list.length, 0);
        // The next change: a service's files changed one at a time, or a file deleted or restored.
        const i = Math.floor(next() * services);
        const choice = next();
        if (choice < 0.15) {
          const [path] = pickFile(filesOf(i, shapes[i]), next);
          if (files.delete(path)) index.delete(path);
        } else {
          shapes[i] = mutate(shapes[i], next, services);
          for (const [path, text] of filesOf(i, shapes[i])) {
            // Only the files whose text changed, or that were deleted, are set again, as the editor does.
            if (files.get(path) === text) continue;
            files.set(path, text);
            index.set(path, text);
            if (choice < 0.6) break;
          }
        }
      }
      // The workspace is made so that rules report: a test that found nothing would prove nothing.
      assert.ok(findingCount > 50, `only ${findingCount} findings in all steps`);
    });
  }
});

function pickFile(files: Array<[string, string]>, next: () => number): [string, string] {
  return files[Math.floor(next() * files.length)];
}
