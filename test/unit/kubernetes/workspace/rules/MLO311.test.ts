import { MLO311 } from '../../../../../src/core/kubernetes/workspace/rules/MLO311';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** INGRESS's lines, 0-based: the first rule's `host` on line 6 (value at 12–27), the second's on line 15 (12–30). */
const INGRESS = yaml(
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  rules:',
  '    - host: api.example.com',
  '      http:',
  '        paths:',
  '          - path: /',
  '            pathType: Prefix',
  '            backend:',
  '              service:',
  '                name: model-server',
  '                port: {name: http}',
  '    - host: admin.example.com',
  '      http:',
  '        paths:',
  '          - path: /',
  '            pathType: Prefix',
  '            backend:',
  '              service:',
  '                name: model-admin',
  '                port: {name: http}',
);

function withTls(...hosts: string[]): string {
  return INGRESS.replace('spec:\n', `spec:\n  tls:\n    - secretName: model-server-tls\n      hosts: [${hosts.join(', ')}]\n`);
}

const GATEWAY = yaml(
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: Gateway',
  'metadata:',
  '  name: public',
  'spec:',
  '  gatewayClassName: istio',
  '  listeners:',
  '    - name: http',
  '      protocol: HTTP',
  '      port: 80',
  '    - name: https',
  '      protocol: HTTPS',
  '      port: 443',
  '      tls:',
  '        certificateRefs:',
  '          - name: public-tls',
);

/** ROUTE's parent `name: public` is on line 6, its value at 12–18. */
const ROUTE = yaml(
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: HTTPRoute',
  'metadata:',
  '  name: model-server',
  'spec:',
  '  parentRefs:',
  '    - name: public',
  '      sectionName: https',
  '  rules:',
  '    - backendRefs:',
  '        - name: model-server',
  '          port: 80',
);

const HTTP_ONLY_GATEWAY = GATEWAY.replace(/    - name: https[\s\S]*$/, '');

workspaceRuleTests(MLO311, {
  valid: [
    { name: 'both hosts in one tls entry', files: { 'k8s/ingress.yaml': withTls('api.example.com', 'admin.example.com') } },
    { name: 'a wildcard certificate covers both hosts', files: { 'k8s/ingress.yaml': withTls('"*.example.com"') } },
    { name: 'a tls entry without hosts uses the default certificate for all', files: { 'k8s/ingress.yaml': INGRESS.replace('spec:\n', 'spec:\n  tls:\n    - secretName: wildcard-tls\n') } },
    {
      name: "the AWS load balancer terminates TLS with an ACM certificate",
      files: { 'k8s/ingress.yaml': INGRESS.replace('  name: model-server\n', '  name: model-server\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\n') },
    },
    { name: 'an HTTPRoute on the HTTPS listener', files: { 'k8s/gateway.yaml': GATEWAY, 'k8s/route.yaml': ROUTE } },
    { name: 'an HTTPRoute on every listener of a Gateway that has an HTTPS one', files: { 'k8s/gateway.yaml': GATEWAY, 'k8s/route.yaml': ROUTE.replace('      sectionName: https\n', '') } },
    { name: 'the Gateway is not in the workspace', files: { 'k8s/route.yaml': ROUTE.replace('sectionName: https', 'sectionName: http') } },
    { name: 'a Gateway of that name in another namespace', files: { 'k8s/gateway.yaml': HTTP_ONLY_GATEWAY.replace('  name: public\n', '  name: public\n  namespace: infra\n'), 'k8s/route.yaml': ROUTE.replace('      sectionName: https\n', '') } },
  ],
  invalid: [
    {
      name: 'no tls at all: each host',
      files: { 'k8s/ingress.yaml': INGRESS },
      findings: [
        { path: 'k8s/ingress.yaml', line: 6, character: 12, endCharacter: 27, messageIncludes: 'serves "api.example.com" over plain HTTP: it has no spec.tls' },
        { path: 'k8s/ingress.yaml', line: 15, character: 12, endCharacter: 29 },
      ],
      fix: null,
      suggestions: [],
    },
    {
      name: 'one host is not covered',
      files: { 'k8s/ingress.yaml': withTls('api.example.com') },
      findings: [{ path: 'k8s/ingress.yaml', line: 18, character: 12, endCharacter: 29, messageIncludes: 'no spec.tls entry lists that host (it lists "api.example.com")' }],
    },
    {
      name: 'a wildcard covers one label only',
      files: { 'k8s/ingress.yaml': withTls('"*.example.com"').replace('admin.example.com', 'eu.admin.example.com') },
      findings: [{ path: 'k8s/ingress.yaml', line: 18, character: 12 }],
    },
    {
      name: 'a rule without a host and no tls',
      files: { 'k8s/ingress.yaml': INGRESS.replace('    - host: api.example.com\n      http:', '    - http:').replace(/    - host: admin[\s\S]*$/, '') },
      findings: [{ path: 'k8s/ingress.yaml', line: 6, character: 6, messageIncludes: 'serves every host over plain HTTP' }],
    },
    {
      name: 'only a defaultBackend, in extensions/v1beta1',
      files: {
        'k8s/ingress.yaml': yaml('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata:', '  name: model-server', 'spec:', '  defaultBackend:', '    service: {name: model-server, port: {number: 80}}'),
      },
      findings: [{ path: 'k8s/ingress.yaml', line: 5, character: 2, endCharacter: 16 }],
    },
    {
      name: 'an HTTPRoute on the HTTP listener',
      files: { 'k8s/gateway.yaml': GATEWAY, 'k8s/route.yaml': ROUTE.replace('sectionName: https', 'sectionName: http') },
      findings: [{ path: 'k8s/route.yaml', line: 6, character: 12, endCharacter: 18, messageIncludes: 'only through plain HTTP listener ("http")' }],
    },
    {
      name: 'an HTTPRoute on a Gateway with HTTP listeners only, in its namespace',
      files: {
        'k8s/gateway.yaml': HTTP_ONLY_GATEWAY.replace('  name: public\n', '  name: public\n  namespace: infra\n'),
        'k8s/route.yaml': ROUTE.replace('      sectionName: https\n', '      namespace: infra\n'),
      },
      findings: [{ path: 'k8s/route.yaml', line: 6, character: 12 }],
    },
    {
      name: 'an HTTPRoute on port 80',
      files: { 'k8s/gateway.yaml': GATEWAY, 'k8s/route.yaml': ROUTE.replace('      sectionName: https\n', '      port: 80\n') },
      findings: [{ path: 'k8s/route.yaml', line: 6, character: 12 }],
    },
  ],
});
