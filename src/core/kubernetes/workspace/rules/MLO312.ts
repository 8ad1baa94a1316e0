import { apiGroupOf, isRecord, valueAt } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { nameOf, namespaceOf } from '../select';
import { workspaceRule, type IndexedObject, type WorkspaceRuleContext } from '../rule';

/**
 * Annotations that set a request or connection limit by themselves: ingress-nginx's, HAProxy Technologies'
 * controller's, and the HAProxy Ingress project's (jcmoraisjr/haproxy-ingress).
 */
const LIMIT_ANNOTATIONS = [
  'nginx.ingress.kubernetes.io/limit-rps',
  'nginx.ingress.kubernetes.io/limit-rpm',
  'nginx.ingress.kubernetes.io/limit-connections',
  'haproxy.org/rate-limit-requests',
  'haproxy-ingress.github.io/limit-rps',
  'haproxy-ingress.github.io/limit-rpm',
  'haproxy-ingress.github.io/limit-connections',
];

const TRAEFIK_MIDDLEWARES = 'traefik.ingress.kubernetes.io/router.middlewares';
const KONG_PLUGINS = 'konghq.com/plugins';
const KONG_RATE_LIMIT_PLUGINS = ['rate-limiting', 'rate-limiting-advanced'];

export const MLO312 = workspaceRule(
  {
    id: 'MLO312',
    defaultSeverity: 'info',
    title: 'An Ingress limits the rate of requests it lets through.',
    guide: 'Security Checklist: Rate limiting configured',
  },
  (context) => {
    for (const ingress of context.ofKind('Ingress')) {
      if (!['networking.k8s.io', 'extensions'].includes(apiGroupOf(ingress.object.apiVersion))) continue;
      const annotations = valueAt(ingress.object, ['metadata', 'annotations']);
      const values = isRecord(annotations) ? annotations : {};
      if (LIMIT_ANNOTATIONS.some((name) => isSet(values[name]))) continue;
      if (isSet(values[TRAEFIK_MIDDLEWARES]) && traefikLimits(context, values[TRAEFIK_MIDDLEWARES] as string)) continue;
      if (isSet(values[KONG_PLUGINS]) && kongLimits(context, ingress, values[KONG_PLUGINS] as string)) continue;
      context.report(ingress, {
        path: ['metadata', 'annotations'],
        message: `Ingress "${nameOf(ingress.object) ?? '(unnamed)'}" sets no rate limit: one client can take all of the model's capacity. Add your controller's limit, e.g. nginx.ingress.kubernetes.io/limit-rps, a Traefik rateLimit Middleware, haproxy.org/rate-limit-requests, or a Kong rate-limiting plugin.`,
      });
    }
  },
);

function isSet(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function names(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * Whether a Traefik router.middlewares list (`<namespace>-<name>@kubernetescrd`) names a rate-limiting Middleware,
 * directly or through a chain. A Middleware that is not in the workspace cannot be read, so it gets the benefit of
 * the doubt; one that is in it must limit.
 */
function traefikLimits(context: WorkspaceRuleContext, list: string): boolean {
  const middlewares = context.ofKind('Middleware').filter(({ object }) => /^traefik\.(io|containo\.us)$/.test(apiGroupOf(object.apiVersion)));
  const find = (reference: string): KubernetesObject | undefined => {
    const [qualified, provider] = reference.split('@');
    if (provider !== undefined && provider !== 'kubernetescrd') return undefined;
    return middlewares.find(({ object }) => qualified === `${namespaceOf(object)}-${nameOf(object)}`)?.object;
  };
  const limits = (reference: string, depth: number): boolean => {
    const middleware = find(reference);
    if (middleware === undefined) return true;
    if (isRecord(valueAt(middleware, ['spec', 'rateLimit']))) return true;
    const chain = valueAt(middleware, ['spec', 'chain', 'middlewares']);
    // A chain names its members by name only, in its own namespace.
    return depth < 5 && Array.isArray(chain) && chain.some((member) => isRecord(member) && typeof member.name === 'string' && limits(`${namespaceOf(middleware)}-${member.name}@kubernetescrd`, depth + 1));
  };
  return names(list).some((reference) => limits(reference, 0));
}

/**
 * Whether a Kong plugins list names a KongPlugin or KongClusterPlugin running `rate-limiting` (or its advanced
 * variant). As for Traefik, a plugin that is not in the workspace gets the benefit of the doubt.
 */
function kongLimits(context: WorkspaceRuleContext, ingress: IndexedObject, list: string): boolean {
  return names(list).some((name) => {
    const plugin = context.ofKind('KongPlugin', 'KongClusterPlugin').find(
      ({ object }) =>
        apiGroupOf(object.apiVersion) === 'configuration.konghq.com' &&
        nameOf(object) === name &&
        (object.kind === 'KongClusterPlugin' || (object.kind === 'KongPlugin' && namespaceOf(object) === namespaceOf(ingress.object))),
    );
    return plugin === undefined || KONG_RATE_LIMIT_PLUGINS.includes(String(plugin.object.plugin));
  });
}
