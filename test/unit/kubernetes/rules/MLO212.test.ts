import { MLO212 } from '../../../../src/core/kubernetes/rules/MLO212';
import { kubernetesRuleTests, yaml } from '../kubernetesRuleTester';

kubernetesRuleTests(MLO212, {
  valid: [
    {
      name: 'a SealedSecret holds ciphertext',
      code: yaml('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata: {name: hf}', 'spec:', '  encryptedData:', '    token: AgBy3i4OJSWK+PiTySYZZA=='),
    },
    {
      name: 'an ExternalSecret names where the values live',
      code: yaml('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata: {name: hf}', 'spec:', '  secretStoreRef: {name: vault, kind: ClusterSecretStore}', '  data:', '    - secretKey: token', '      remoteRef: {key: ml/hf, property: token}'),
    },
    {
      name: 'a SOPS-encrypted Secret',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata: {name: db}', 'stringData:', '  password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]', 'sops:', '  age: [{recipient: age1xyz}]', '  version: 3.8.1'),
    },
    {
      name: 'placeholders filled in at deploy time, and empty values',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', '  annotations: {avp.kubernetes.io/path: secret/data/db}', 'stringData:', '  password: <password>', '  user: ${DB_USER}', '  note: ""', 'data: {}'),
    },
    {
      name: 'a service-account token Secret that the controller fills',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ci-token', '  annotations: {kubernetes.io/service-account.name: ci}', 'type: kubernetes.io/service-account-token'),
    },
    { name: 'a ConfigMap', code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: settings}', 'data:', '  MODEL_NAME: resnet50') },
  ],
  invalid: [
    {
      name: 'base64 data',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: hf-token', 'type: Opaque', 'data:', '  token: aGZfYWJjZGVm'),
      errors: [{ line: 6, column: 1, endColumn: 5, message: /^Secret "hf-token" holds the value of token in plain data \(base64 is an encoding, not encryption\)/ }],
      suggestion: null,
    },
    {
      name: 'stringData with two values, after a placeholder-only data field, in a later document',
      code: yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: ml}', '---', 'apiVersion: v1', 'kind: Secret', 'metadata: {name: db}', 'data: {password: ""}', 'stringData:', '  user: mlflow', '  password: hunter2'),
      errors: [{ line: 9, column: 1, endColumn: 11, message: /holds 2 values \(user, password\) in plain stringData: anyone/ }],
    },
    {
      name: 'a TLS Secret holds a private key',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata: {name: tls}', 'type: kubernetes.io/tls', 'data: {tls.crt: LS0tLS1CRUdJTg==, tls.key: LS0tLS1CRUdJTg==}'),
      errors: [{ line: 5, column: 1, message: /holds 2 values \(tls\.crt, tls\.key\)/ }],
    },
  ],
});
