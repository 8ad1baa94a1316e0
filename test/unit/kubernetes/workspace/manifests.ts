import { yaml } from './workspaceRuleTester';

/**
 * Manifests the workspace rule tables share. DEPLOYMENT's lines, 0-based: `kind` on line 1 (value at 6–16), the
 * container's `ports` key on line 18 (at 10–15).
 */
export const DEPLOYMENT = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  replicas: 3',
  '  selector:',
  '    matchLabels:',
  '      app: model-server',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: model-server',
  '        version: v1',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: registry.example.com/model-server:1.4.2',
  '          ports:',
  '            - name: http',
  '              containerPort: 8080',
);

/** DEPLOYMENT in namespace `ml`: every line from `metadata.name` on is one further down. */
export const DEPLOYMENT_IN_ML = DEPLOYMENT.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n');

export const SERVICE = yaml(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  selector:',
  '    app: model-server',
  '  ports:',
  '    - name: http',
  '      port: 80',
  '      targetPort: http',
);

export const HPA = yaml(
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  scaleTargetRef:',
  '    apiVersion: apps/v1',
  '    kind: Deployment',
  '    name: model-server',
  '  minReplicas: 2',
  '  maxReplicas: 10',
);

export const PDB = yaml(
  'apiVersion: policy/v1',
  'kind: PodDisruptionBudget',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  maxUnavailable: 1',
  '  selector:',
  '    matchLabels:',
  '      app: model-server',
);

export const NETWORK_POLICY = yaml(
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      app: model-server',
  '  policyTypes:',
  '    - Ingress',
);
