import { MLO312 } from '../../../../../src/core/kubernetes/workspace/rules/MLO312';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** INGRESS's `annotations` key is on line 4, at 2–13; `metadata` on line 2. */
function ingress(...annotations: string[]): string {
  return yaml(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: model-server',
    '  annotations:',
    '    cert-manager.io/cluster-issuer: letsencrypt',
    ...annotations.map((annotation) => `    ${annotation}`),
    'spec:',
    '  ingressClassName: nginx',
    '  rules:',
    '    - host: api.example.com',
    '      http:',
    '        paths:',
    '          - {path: /, pathType: Prefix, backend: {service: {name: model-server, port: {number: 80}}}}',
  );
}

function middleware(name: string, ...spec: string[]): string {
  return yaml('apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'metadata:', `  name: ${name}`, '  namespace: ml', 'spec:', ...spec);
}

function kongPlugin(name: string, plugin: string): string {
  return yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongPlugin', 'metadata:', `  name: ${name}`, `plugin: ${plugin}`, 'config:', '  minute: 600', '  policy: local');
}

const TRAEFIK_INGRESS = ingress('traefik.ingress.kubernetes.io/router.middlewares: ml-redirect@kubernetescrd,ml-ratelimit@kubernetescrd').replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n');

workspaceRuleTests(MLO312, {
  valid: [
    { name: 'ingress-nginx limit-rps', files: { 'k8s/ingress.yaml': ingress('nginx.ingress.kubernetes.io/limit-rps: "20"') } },
    { name: 'ingress-nginx limit-connections', files: { 'k8s/ingress.yaml': ingress('nginx.ingress.kubernetes.io/limit-connections: "10"') } },
    { name: "HAProxy Technologies' rate-limit-requests", files: { 'k8s/ingress.yaml': ingress('haproxy.org/rate-limit-requests: "100"', 'haproxy.org/rate-limit-period: "1s"') } },
    { name: 'HAProxy Ingress limit-rps', files: { 'k8s/ingress.yaml': ingress('haproxy-ingress.github.io/limit-rps: "50"') } },
    {
      name: 'a Traefik rateLimit Middleware among others',
      files: { 'k8s/ingress.yaml': TRAEFIK_INGRESS, 'k8s/mw.yaml': `${middleware('redirect', '  redirectScheme: {scheme: https}')}---\n${middleware('ratelimit', '  rateLimit:', '    average: 100', '    burst: 50')}` },
    },
    {
      name: 'a Traefik chain holding a rateLimit Middleware',
      files: {
        'k8s/ingress.yaml': ingress('traefik.ingress.kubernetes.io/router.middlewares: ml-protect@kubernetescrd').replace('  name: model-server\n', '  name: model-server\n  namespace: ml\n'),
        'k8s/mw.yaml': `${middleware('protect', '  chain:', '    middlewares:', '      - name: ratelimit')}---\n${middleware('ratelimit', '  rateLimit: {average: 100}')}`,
      },
    },
    { name: 'a Traefik Middleware the workspace does not define', files: { 'k8s/ingress.yaml': TRAEFIK_INGRESS } },
    { name: 'a Kong rate-limiting plugin', files: { 'k8s/ingress.yaml': ingress('konghq.com/plugins: cors, api-rate-limit'), 'k8s/plugins.yaml': `${kongPlugin('cors', 'cors')}---\n${kongPlugin('api-rate-limit', 'rate-limiting')}` } },
    { name: 'a Kong plugin the workspace does not define', files: { 'k8s/ingress.yaml': ingress('konghq.com/plugins: api-rate-limit') } },
  ],
  invalid: [
    {
      name: 'no rate limiting annotation',
      files: { 'k8s/ingress.yaml': ingress() },
      findings: [{ path: 'k8s/ingress.yaml', line: 4, character: 2, endCharacter: 13, messageIncludes: 'Ingress "model-server" sets no rate limit' }],
      fix: null,
      suggestions: [],
    },
    {
      name: 'no annotations at all: reported on metadata',
      files: { 'k8s/ingress.yaml': ingress().replace('  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n', '') },
      findings: [{ path: 'k8s/ingress.yaml', line: 2, character: 0, endCharacter: 8 }],
    },
    {
      name: 'only a bandwidth limit, and an empty limit-rps',
      files: { 'k8s/ingress.yaml': ingress('nginx.ingress.kubernetes.io/limit-rate: "1024"', 'nginx.ingress.kubernetes.io/limit-rps: ""') },
      findings: [{ path: 'k8s/ingress.yaml', line: 4, character: 2 }],
    },
    {
      name: 'Traefik Middlewares that do not limit',
      files: { 'k8s/ingress.yaml': TRAEFIK_INGRESS, 'k8s/mw.yaml': `${middleware('redirect', '  redirectScheme: {scheme: https}')}---\n${middleware('ratelimit', '  headers: {stsSeconds: 31536000}')}` },
      findings: [{ path: 'k8s/ingress.yaml', line: 5, character: 2 }],
    },
    {
      name: 'Kong plugins that do not limit',
      files: { 'k8s/ingress.yaml': ingress('konghq.com/plugins: cors'), 'k8s/plugins.yaml': kongPlugin('cors', 'cors') },
      findings: [{ path: 'k8s/ingress.yaml', line: 4, character: 2 }],
    },
  ],
});
