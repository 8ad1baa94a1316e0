import { MLO305 } from '../../../../../src/core/kubernetes/workspace/rules/MLO305';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/**
 * A Deployment reading one Secret and one ConfigMap through env, envFrom and volumes. 0-based lines of the names'
 * values: `model-credentials` (secretKeyRef) on 18 at 37–54, `model-config` (envFrom) on 21 at 22–34,
 * `model-files` (volume) on 27 at 24–35, `tls-bundle` (projected) on 32 at 24–34.
 */
const DEPLOYMENT = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: model-server',
  '  namespace: ml',
  'spec:',
  '  selector:',
  '    matchLabels: {app: model-server}',
  '  template:',
  '    metadata:',
  '      labels: {app: model-server}',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: model-server:1.4.2',
  '          env:',
  '            - name: API_TOKEN',
  '              valueFrom:',
  '                secretKeyRef: {name: model-credentials, key: token}',
  '          envFrom:',
  '            - configMapRef:',
  '                name: model-config',
  '          volumeMounts:',
  '            - {name: files, mountPath: /models}',
  '      volumes:',
  '        - name: files',
  '          secret:',
  '            secretName: model-files',
  '        - name: certs',
  '          projected:',
  '            sources:',
  '              - configMap:',
  '                  name: tls-bundle',
  '              - configMap:',
  '                  name: kube-root-ca.crt',
);

const DEFINITIONS = yaml(
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: model-config',
  '  namespace: ml',
  'data:',
  '  MODEL_NAME: resnet',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: tls-bundle',
  '  namespace: ml',
  '---',
  'apiVersion: external-secrets.io/v1beta1',
  'kind: ExternalSecret',
  'metadata:',
  '  name: credentials-from-vault',
  '  namespace: ml',
  'spec:',
  '  secretStoreRef: {name: vault, kind: ClusterSecretStore}',
  '  target:',
  '    name: model-credentials',
  '---',
  'apiVersion: bitnami.com/v1alpha1',
  'kind: SealedSecret',
  'metadata:',
  '  name: model-files',
  '  namespace: ml',
  'spec:',
  '  encryptedData:',
  '    key: AgBy8hC',
);

workspaceRuleTests(MLO305, {
  valid: [
    { name: 'ConfigMaps, an ExternalSecret and a SealedSecret in another file', files: { 'app/deploy.yaml': DEPLOYMENT, 'app/config.yaml': DEFINITIONS } },
    {
      name: 'a Secret that a cert-manager Certificate issues into',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/config.yaml': DEFINITIONS.replace(/secretName: model-files|name: model-files/, 'name: unrelated'),
        'app/cert.yaml': yaml('apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata:', '  name: model-files', '  namespace: ml', 'spec:', '  secretName: model-files', '  issuerRef: {name: letsencrypt, kind: ClusterIssuer}', '  dnsNames: [model.example.com]'),
      },
    },
    {
      name: 'optional references need nothing',
      files: {
        'app/deploy.yaml': DEPLOYMENT.replace('{name: model-credentials, key: token}', '{name: model-credentials, key: token, optional: true}')
          .replace('                name: model-config\n', '                name: model-config\n                optional: true\n')
          .replace('            secretName: model-files\n', '            secretName: model-files\n            optional: true\n')
          .replace('                  name: tls-bundle\n', '                  name: tls-bundle\n                  optional: true\n'),
      },
    },
    {
      name: "kustomize's generators and a SecretProviderClass define them",
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/kustomization.yaml': yaml(
          'namespace: ml',
          'resources: [deploy.yaml, spc.yaml]',
          'configMapGenerator:',
          '  - name: model-config',
          '    literals: [MODEL_NAME=resnet]',
          '  - name: tls-bundle',
          '    files: [ca.crt]',
          'secretGenerator:',
          '  - name: model-credentials',
          '    envs: [.env]',
        ),
        'app/spc.yaml': yaml('apiVersion: secrets-store.csi.x-k8s.io/v1', 'kind: SecretProviderClass', 'metadata:', '  name: vault', 'spec:', '  provider: vault', '  secretObjects:', '    - secretName: model-files', '      type: Opaque'),
      },
    },
    {
      name: 'plain Secrets, and a SealedSecret whose template names the Secret',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/config.yaml': DEFINITIONS.replace('  target:\n    name: model-credentials\n', '  target:\n    name: other\n').replace('  name: model-files\n', '  name: sealed\n').replace('  encryptedData:', '  template:\n    metadata:\n      name: model-files\n  encryptedData:'),
        'app/secret.yaml': yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: model-credentials', '  namespace: ml', 'type: Opaque'),
      },
    },
  ],
  invalid: [
    {
      name: 'nothing is defined: each reference is reported on its name',
      files: { 'app/deploy.yaml': DEPLOYMENT },
      findings: [
        { path: 'app/deploy.yaml', line: 18, character: 37, endCharacter: 54, messageIncludes: 'Secret "model-credentials" is defined nowhere in the workspace (namespace "ml")' },
        { path: 'app/deploy.yaml', line: 21, character: 22, endCharacter: 34, messageIncludes: 'ConfigMap "model-config"' },
        { path: 'app/deploy.yaml', line: 27, character: 24, endCharacter: 35, messageIncludes: 'ContainerCreating' },
        { path: 'app/deploy.yaml', line: 32, character: 24, endCharacter: 34, messageIncludes: 'ConfigMap "tls-bundle"' },
      ],
      suggestions: [],
    },
    {
      name: 'the definitions are in another namespace, and a ConfigMap is no Secret',
      files: {
        'app/deploy.yaml': DEPLOYMENT,
        'app/config.yaml': DEFINITIONS.replace(/namespace: ml/g, 'namespace: default'),
        'app/more.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: model-credentials', '  namespace: ml'),
      },
      findings: [
        { path: 'app/deploy.yaml', line: 18, messageIncludes: 'model-credentials' },
        { path: 'app/deploy.yaml', line: 21 },
        { path: 'app/deploy.yaml', line: 27 },
        { path: 'app/deploy.yaml', line: 32 },
      ],
    },
    {
      name: 'an init container and a CronJob count too; an ExternalSecret without target names its own Secret',
      files: {
        'app/cron.yaml': yaml(
          'apiVersion: batch/v1',
          'kind: CronJob',
          'metadata:',
          '  name: retrain',
          'spec:',
          '  schedule: "@daily"',
          '  jobTemplate:',
          '    spec:',
          '      template:',
          '        spec:',
          '          restartPolicy: OnFailure',
          '          initContainers:',
          '            - name: fetch',
          '              image: fetcher:1.0.0',
          '              envFrom:',
          '                - secretRef:',
          '                    name: s3-credentials',
          '          containers:',
          '            - name: train',
          '              image: trainer:2.0.1',
          '              envFrom:',
          '                - secretRef:',
          '                    name: wandb',
        ),
        'app/es.yaml': yaml('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: wandb', 'spec:', '  secretStoreRef: {name: vault, kind: ClusterSecretStore}'),
      },
      findings: [{ path: 'app/cron.yaml', line: 16, character: 26, endCharacter: 40, messageIncludes: 'Secret "s3-credentials"' }],
    },
  ],
});
