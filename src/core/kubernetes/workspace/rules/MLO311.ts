import { apiGroupOf, isRecord, valueAt } from '../../objects';
import type { JsonPath, KubernetesObject } from '../../parse';
import { nameOf, namespaceOf } from '../select';
import { workspaceRule, type IndexedObject, type WorkspaceRuleContext } from '../rule';

/**
 * Annotations with which a cloud load balancer terminates TLS for an Ingress without `spec.tls`: the AWS Load
 * Balancer Controller's ACM certificate, and GKE's pre-shared and Google-managed certificates.
 */
const CLOUD_TLS_ANNOTATIONS = ['alb.ingress.kubernetes.io/certificate-arn', 'ingress.gcp.kubernetes.io/pre-shared-cert', 'networking.gke.io/managed-certificates'];

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export const MLO311 = workspaceRule(
  {
    id: 'MLO311',
    defaultSeverity: 'warning',
    title: 'Every host an Ingress or an HTTPRoute serves is served over TLS.',
    guide: 'Security Checklist: HTTPS/TLS enabled',
  },
  (context) => {
    for (const ingress of context.ofKind('Ingress')) {
      if (['networking.k8s.io', 'extensions'].includes(apiGroupOf(ingress.object.apiVersion))) checkIngress(context, ingress);
    }
    for (const route of context.ofKind('HTTPRoute')) {
      if (apiGroupOf(route.object.apiVersion) === GATEWAY_GROUP) checkRoute(context, route);
    }
  },
);

function checkIngress(context: WorkspaceRuleContext, ingress: IndexedObject): void {
  const annotations = valueAt(ingress.object, ['metadata', 'annotations']);
  if (isRecord(annotations) && CLOUD_TLS_ANNOTATIONS.some((name) => typeof annotations[name] === 'string' && annotations[name] !== '')) return;
  const label = `Ingress "${nameOf(ingress.object) ?? '(unnamed)'}"`;
  const tls = valueAt(ingress.object, ['spec', 'tls']);
  const entries = Array.isArray(tls) ? tls.filter(isRecord) : [];
  const rules = valueAt(ingress.object, ['spec', 'rules']);
  if (entries.length === 0) {
    const hostPaths: JsonPath[] = Array.isArray(rules) ? rules.flatMap((rule: unknown, index) => (isRecord(rule) ? [['spec', 'rules', index, ...(typeof rule.host === 'string' ? ['host'] : [])]] : [])) : [];
    if (hostPaths.length === 0 && valueAt(ingress.object, ['spec', 'defaultBackend']) !== undefined) hostPaths.push(['spec', 'defaultBackend']);
    for (const path of hostPaths) {
      const host = valueAt(ingress.object, path);
      context.report(ingress, {
        path,
        target: typeof host === 'string' ? 'value' : 'key',
        message: `${label} serves ${typeof host === 'string' ? `"${host}"` : 'every host'} over plain HTTP: it has no spec.tls, so requests and API keys cross the network unencrypted. Add a tls entry with the host and a certificate Secret (cert-manager can issue it).`,
      });
    }
    return;
  }
  // An entry without hosts gives the controller's default certificate to every host, so only hosts listed nowhere
  // while every entry names its hosts are uncovered.
  if (entries.some((entry) => !Array.isArray(entry.hosts) || entry.hosts.length === 0)) return;
  const covered = entries.flatMap((entry) => (entry.hosts as unknown[]).filter((host): host is string => typeof host === 'string'));
  if (!Array.isArray(rules)) return;
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule) || typeof rule.host !== 'string' || covered.some((pattern) => hostMatches(pattern, rule.host as string))) return;
    context.report(ingress, {
      path: ['spec', 'rules', index, 'host'],
      target: 'value',
      message: `${label} serves "${rule.host}" over plain HTTP: no spec.tls entry lists that host (it lists ${covered.map((host) => `"${host}"`).join(', ')}). Add the host to a tls entry whose certificate covers it.`,
    });
  });
}

/** Whether a TLS host (`api.example.com`, or `*.example.com` for exactly one more label) covers a rule's host. */
function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === pattern.slice(1);
}

/**
 * An HTTPRoute attached to a Gateway of the workspace only through plain HTTP listeners. A parent that is not in the
 * workspace, or whose listeners the reference does not find, is not judged: its listeners are unknown here.
 */
function checkRoute(context: WorkspaceRuleContext, route: IndexedObject): void {
  const parents = valueAt(route.object, ['spec', 'parentRefs']);
  if (!Array.isArray(parents)) return;
  parents.forEach((parent: unknown, index) => {
    if (!isRecord(parent) || typeof parent.name !== 'string') return;
    if ((parent.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (parent.kind ?? 'Gateway') !== 'Gateway') return;
    const namespace = typeof parent.namespace === 'string' ? parent.namespace : namespaceOf(route.object);
    const gateway = context.ofKind('Gateway').find((entry) => isGateway(entry.object, parent.name as string, namespace));
    if (gateway === undefined) return;
    const listeners = valueAt(gateway.object, ['spec', 'listeners']);
    const attached = (Array.isArray(listeners) ? listeners.filter(isRecord) : []).filter(
      (listener) => (parent.sectionName === undefined || listener.name === parent.sectionName) && (parent.port === undefined || listener.port === parent.port),
    );
    if (attached.length === 0 || !attached.every((listener) => listener.protocol === 'HTTP')) return;
    context.report(route, {
      path: ['spec', 'parentRefs', index, 'name'],
      target: 'value',
      message: `HTTPRoute "${nameOf(route.object) ?? '(unnamed)'}" is served by Gateway "${parent.name}" only through plain HTTP listener${attached.length === 1 ? '' : 's'} (${attached.map((listener) => `"${String(listener.name)}"`).join(', ')}): requests cross the network unencrypted. Attach it to an HTTPS listener with a certificate.`,
    });
  });
}

function isGateway(object: KubernetesObject, name: string, namespace: string): boolean {
  return apiGroupOf(object.apiVersion) === GATEWAY_GROUP && nameOf(object) === name && namespaceOf(object) === namespace;
}
