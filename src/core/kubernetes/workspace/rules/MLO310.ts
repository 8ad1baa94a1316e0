import { apiGroupOf, isRecord, valueAt } from '../../objects';
import { declaredPorts, describe } from '../match';
import { workspaceRule } from '../rule';
import { nameOf, namespaceOf, selectedByServiceSelector } from '../select';

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
      const label = `Service "${nameOf(service.object) ?? '(unnamed)'}"`;
      const namespace = namespaceOf(service.object);
      const selected = selectedByServiceSelector(context, namespace, selector);
      if (selected.length === 0) {
        const wanted = Object.entries(selector)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join(', ');
        context.report(service, {
          path: ['spec', 'selector'],
          message: `${label} selects pods labelled ${wanted}, but no workload of the workspace in namespace "${namespace}" has them: it routes traffic nowhere. Make the selector match the pod template's labels.`,
        });
        continue;
      }
      // A numeric targetPort reaches a container that listens on it whether it declares the port or not, so it is
      // judged only when every selected pod declares its ports; a named one must be declared to resolve at all.
      const containerPorts = selected.map(declaredPorts);
      const everyPodDeclares = containerPorts.every((ports) => ports.length > 0);
      const declared = containerPorts.flat();
      const ports = valueAt(service.object, ['spec', 'ports']);
      if (!Array.isArray(ports)) continue;
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
        context.report(service, {
          path: ['spec', 'ports', index, port.targetPort === undefined ? 'port' : 'targetPort'],
          target: 'value',
          message: `${label} sends port ${String(port.port)} to ${typeof targetPort === 'string' ? `the port named "${targetPort}"` : `port ${targetPort}`}${port.targetPort === undefined ? ' (targetPort defaults to port)' : ''}, but the containers of ${names} declare ${list === '' ? 'no such port' : `only ${list}`}: connections fail. Point targetPort at a declared container port.`,
        });
      });
    }
  },
);
