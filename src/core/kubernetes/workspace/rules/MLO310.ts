import { apiGroupOf, isRecord, valueAt } from '../../objects';
import { declaredPorts, describe } from '../match';
import type { KubernetesReport } from '../../rule';
import { workspaceRule, type IndexedObject } from '../rule';
import { nameOf, namespaceOf, selectedByServiceSelector, type Workload } from '../select';

export const MLO310 = workspaceRule(
  {
    id: 'MLO310',
    defaultSeverity: 'error',
    title: "A Service selects a workload's pods, on a port their containers declare.",
    guide: 'Kubernetes Checklist: Service (LoadBalancer/ClusterIP) created',
  },
  (context) => {
    for (const service of context.ofKind('Service')) {
      if (apiGroupOf(service.object.apiVersion) !== '') continue;
      const selector = valueAt(service.object, ['spec', 'selector']);
      // Without a selector (an ExternalName Service, or one whose Endpoints are written by hand) there is nothing to match.
      if (!isRecord(selector) || Object.keys(selector).length === 0 || valueAt(service.object, ['spec', 'type']) === 'ExternalName') continue;
      const selected = selectedByServiceSelector(context, namespaceOf(service.object), selector);
      for (const report of reportsOn(service, selector, selected)) context.report(service, report);
    }
  },
);

/**
 * What is wrong with a Service, kept with the selection it was worked out from. A Service lives as long as its
 * file's text and a selection as long as its namespace's workloads (see selectedByServiceSelector), so most runs of
 * the rule find both unchanged and the answer already known.
 */
const judged = new WeakMap<IndexedObject, { selected: readonly Workload[]; reports: KubernetesReport[] }>();

function reportsOn(service: IndexedObject, selector: Record<string, unknown>, selected: readonly Workload[]): KubernetesReport[] {
  const known = judged.get(service);
  if (known !== undefined && known.selected === selected) return known.reports;
  const reports = judge(service, selector, selected);
  judged.set(service, { selected, reports });
  return reports;
}

function judge(service: IndexedObject, selector: Record<string, unknown>, selected: readonly Workload[]): KubernetesReport[] {
  const reports: KubernetesReport[] = [];
  const label = `Service "${nameOf(service.object) ?? '(unnamed)'}"`;
  const namespace = namespaceOf(service.object);
  if (selected.length === 0) {
    const wanted = Object.entries(selector)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ');
    reports.push({
      path: ['spec', 'selector'],
      message: `${label} selects pods labelled ${wanted}, but no workload of the workspace in namespace "${namespace}" has them: it routes traffic nowhere. Make the selector match the pod template's labels.`,
    });
    return reports;
  }
  // A numeric targetPort reaches a container that listens on it whether it declares the port or not, so it is
  // judged only when every selected pod declares its ports; a named one must be declared to resolve at all.
  const containerPorts = selected.map(declaredPorts);
  const everyPodDeclares = containerPorts.every((ports) => ports.length > 0);
  const declared = containerPorts.flat();
  const ports = valueAt(service.object, ['spec', 'ports']);
  if (!Array.isArray(ports)) return reports;
  ports.forEach((port: unknown, index) => {
    if (!isRecord(port)) return;
    const targetPort = port.targetPort ?? port.port;
    const found =
      typeof targetPort === 'string'
        ? declared.some((candidate) => candidate.name === targetPort)
        : typeof targetPort !== 'number' || !everyPodDeclares || declared.some((candidate) => candidate.containerPort === targetPort);
    if (found) return;
    const names = selected.map((workload) => describe(workload.indexed.object)).join(', ');
    const list = [...new Set(declared.map((candidate) => (candidate.name ? `${candidate.name} (${candidate.containerPort})` : String(candidate.containerPort))))].join(', ');
    reports.push({
      path: ['spec', 'ports', index, port.targetPort === undefined ? 'port' : 'targetPort'],
      target: 'value',
      message: `${label} sends port ${String(port.port)} to ${typeof targetPort === 'string' ? `the port named "${targetPort}"` : `port ${targetPort}`}${port.targetPort === undefined ? ' (targetPort defaults to port)' : ''}, but the containers of ${names} declare ${list === '' ? 'no such port' : `only ${list}`}: connections fail. Point targetPort at a declared container port.`,
    });
  });
  return reports;
}
