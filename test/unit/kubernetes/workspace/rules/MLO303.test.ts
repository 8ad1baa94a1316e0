import { MLO303 } from '../../../../../src/core/kubernetes/workspace/rules/MLO303';
import { DEPLOYMENT, DEPLOYMENT_IN_ML, PDB } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

const GENERATED_PDB = yaml(
  'apiVersion: policy/v1',
  'kind: PodDisruptionBudget',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  maxUnavailable: 1',
  '  unhealthyPodEvictionPolicy: AlwaysAllow',
  '  selector:',
  '    matchLabels:',
  '      app: model-server',
);

const STATEFUL_SET = yaml(
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: feature-store',
  '  namespace: ml',
  'spec:',
  '  serviceName: feature-store',
  '  replicas: 3',
  '  selector:',
  '    matchExpressions:',
  '      - key: app',
  '        operator: In',
  '        values: [feature-store]',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: feature-store',
  '    spec:',
  '      containers:',
  '        - name: redis',
  '          image: redis:7.2.4',
);

const ROLLOUT = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
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
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: registry.example.com/model-server:1.4.2',
  '  strategy:',
  '    canary:',
  '      steps:',
  '        - setWeight: 20',
);

workspaceRuleTests(MLO303, {
  valid: [
    { name: 'a PDB in another file selects the pods', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/pdb.yaml': PDB } },
    {
      name: 'a PDB selecting by matchExpressions, in the same file',
      files: {
        'app/deploy.yaml': `${DEPLOYMENT}---\n${PDB.replace('    matchLabels:\n      app: model-server\n', '    matchExpressions:\n      - {key: app, operator: In, values: [model-server, other]}\n')}`,
      },
    },
    { name: 'both in namespace ml', files: { 'app/deploy.yaml': DEPLOYMENT_IN_ML, 'app/pdb.yaml': PDB.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n') } },
    {
      name: "a kustomization's namespace puts both in ml",
      files: {
        'app/deploy.yaml': DEPLOYMENT_IN_ML,
        'app/pdb.yaml': PDB,
        'app/kustomization.yaml': yaml('namespace: ml', 'resources:', '  - deploy.yaml', '  - pdb.yaml'),
      },
    },
    { name: 'an Argo Rollout with a PDB', files: { 'app/rollout.yaml': ROLLOUT, 'app/pdb.yaml': PDB } },
    {
      name: 'a DaemonSet and a Job need none',
      files: {
        'app/ds.yaml': DEPLOYMENT.replace('kind: Deployment', 'kind: DaemonSet').replace('  replicas: 3\n', ''),
        'app/job.yaml': yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: train', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: train', '          image: trainer:2.0.1'),
      },
    },
    { name: 'a Volcano Job is not a workload', files: { 'app/job.yaml': yaml('apiVersion: batch.volcano.sh/v1alpha1', 'kind: Deployment', 'metadata:', '  name: x', 'spec: {}') } },
    { name: 'ignored by annotation', files: { 'app/deploy.yaml': DEPLOYMENT.replace('  name: model-server\n', '  name: model-server\n  annotations:\n    mlops-deploy.io/ignore: "MLO303"\n') } },
    { name: 'ignored by a comment before the object', files: { 'app/deploy.yaml': `# mlops-deploy ignore=MLO303\n${DEPLOYMENT}` } },
  ],
  invalid: [
    {
      name: 'no PDB at all',
      files: { 'app/deploy.yaml': DEPLOYMENT },
      findings: [{ path: 'app/deploy.yaml', line: 1, character: 6, endLine: 1, endCharacter: 16, messageIncludes: 'No PodDisruptionBudget in namespace "default" selects the pods of Deployment "model-server"' }],
      suggestions: [
        { titleIncludes: 'in this file', files: { 'app/deploy.yaml': `${DEPLOYMENT}---\n${GENERATED_PDB}` } },
        { titleIncludes: 'in a new file (model-server-pdb.yaml)', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/model-server-pdb.yaml': GENERATED_PDB } },
      ],
    },
    {
      name: 'the PDB is in another namespace',
      files: { 'app/deploy.yaml': DEPLOYMENT_IN_ML, 'app/pdb.yaml': PDB },
      findings: [{ path: 'app/deploy.yaml', line: 1, character: 6, messageIncludes: 'namespace "ml"' }],
      suggestions: [
        {
          files: {
            'app/deploy.yaml': `${DEPLOYMENT_IN_ML}---\n${GENERATED_PDB.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n')}`,
            'app/pdb.yaml': PDB,
          },
        },
        {
          files: {
            'app/deploy.yaml': DEPLOYMENT_IN_ML,
            'app/pdb.yaml': PDB,
            'app/model-server-pdb.yaml': GENERATED_PDB.replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n'),
          },
        },
      ],
    },
    {
      name: 'the PDB selects other labels, and one without a selector selects nothing',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/pdb.yaml': `${PDB.replace('app: model-server', 'app: model-server-canary')}---\n${yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: all', 'spec:', '  maxUnavailable: 1')}`,
      },
      findings: [{ path: 'app/deploy.yaml', line: 1, character: 6 }],
      suggestions: [
        {
          titleIncludes: 'in this file',
          files: {
            'app/deploy.yaml': `${DEPLOYMENT}---\n${GENERATED_PDB.replace('name: model-server', 'name: model-server-pdb')}`,
            'app/pdb.yaml': `${PDB.replace('app: model-server', 'app: model-server-canary')}---\n${yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: all', 'spec:', '  maxUnavailable: 1')}`,
          },
        },
        {
          titleIncludes: 'in a new file',
          files: {
            'app/deploy.yaml': DEPLOYMENT,
            'app/pdb.yaml': `${PDB.replace('app: model-server', 'app: model-server-canary')}---\n${yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: all', 'spec:', '  maxUnavailable: 1')}`,
            'app/model-server-pdb.yaml': GENERATED_PDB.replace('name: model-server', 'name: model-server-pdb'),
          },
        },
      ],
    },
    {
      name: 'CRLF line breaks and no final line break; a .yml file gets a .yml file',
      files: { 'app/sts.yml': STATEFUL_SET.replace(/\n/g, '\r\n').slice(0, -2) },
      findings: [{ path: 'app/sts.yml', line: 1, character: 6, endCharacter: 17 }],
      suggestions: [
        {
          files: {
            'app/sts.yml':
              STATEFUL_SET.replace(/\n/g, '\r\n').slice(0, -2) +
              '\r\n---\r\napiVersion: policy/v1\r\nkind: PodDisruptionBudget\r\nmetadata:\r\n  name: feature-store\r\n  namespace: ml\r\nspec:\r\n  maxUnavailable: 1\r\n' +
              '  unhealthyPodEvictionPolicy: AlwaysAllow\r\n  selector:\r\n    matchExpressions:\r\n      - key: app\r\n        operator: In\r\n        values:\r\n          - feature-store\r\n',
          },
        },
        {
          titleIncludes: 'feature-store-pdb.yml',
          files: {
            'app/sts.yml': STATEFUL_SET.replace(/\n/g, '\r\n').slice(0, -2),
            'app/feature-store-pdb.yml':
              'apiVersion: policy/v1\r\nkind: PodDisruptionBudget\r\nmetadata:\r\n  name: feature-store\r\n  namespace: ml\r\nspec:\r\n  maxUnavailable: 1\r\n' +
              '  unhealthyPodEvictionPolicy: AlwaysAllow\r\n  selector:\r\n    matchExpressions:\r\n      - key: app\r\n        operator: In\r\n        values:\r\n          - feature-store\r\n',
          },
        },
      ],
    },
    {
      name: 'a base rendered by two overlays is reported once, when one overlay lacks the PDB',
      files: {
        'base/deploy.yaml': DEPLOYMENT,
        'base/kustomization.yaml': yaml('resources:', '  - deploy.yaml'),
        'overlays/dev/kustomization.yaml': yaml('namespace: dev', 'resources:', '  - ../../base'),
        'overlays/prod/kustomization.yaml': yaml('namespace: prod', 'resources:', '  - ../../base', '  - pdb.yaml'),
        'overlays/prod/pdb.yaml': PDB,
      },
      findings: [{ path: 'base/deploy.yaml', line: 1, character: 6, messageIncludes: 'namespace "dev"' }],
    },
    {
      name: 'an existing file name is not reused',
      files: { 'app/deploy.yaml': DEPLOYMENT, 'app/model-server-pdb.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: unrelated') },
      findings: [{ path: 'app/deploy.yaml', line: 1 }],
      suggestions: [
        { files: { 'app/deploy.yaml': `${DEPLOYMENT}---\n${GENERATED_PDB}`, 'app/model-server-pdb.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: unrelated') } },
        {
          titleIncludes: 'model-server-pdb-2.yaml',
          files: { 'app/deploy.yaml': DEPLOYMENT, 'app/model-server-pdb.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: unrelated'), 'app/model-server-pdb-2.yaml': GENERATED_PDB },
        },
      ],
    },
  ],
});
