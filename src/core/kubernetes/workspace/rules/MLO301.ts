import { isRecord, valueAt } from '../../objects';
import { buildService } from '../generate';
import { isLongRunning } from '../../rule';
import { workspaceRule } from '../rule';
import { scaffold } from '../scaffold';
import { namespaceOf, selectedByServiceSelector, workloadsOf, type Workload } from '../select';

/** Workloads that run to completion (Jobs, CronJobs, a Pod that may finish) are not reached through a Service. */
const SERVING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Rollout', 'Pod']);

export const MLO301 = workspaceRule(
  {
    id: 'MLO301',
    defaultSeverity: 'info',
    title: 'A workload whose containers declare ports has a Service selecting its pods.',
    guide: 'Kubernetes Checklist: Service (LoadBalancer/ClusterIP) created',
  },
  (context) => {
    const selected = new Set<Workload>();
    for (const service of context.ofKind('Service')) {
      if (service.object.apiVersion !== 'v1') continue;
      for (const workload of selectedByServiceSelector(context, namespaceOf(service.object), valueAt(service.object, ['spec', 'selector']))) selected.add(workload);
    }
    for (const workload of workloadsOf(context)) {
      if (selected.has(workload) || !SERVING_KINDS.has(workload.kind)) continue;
      // A bare Pod that may finish (`restartPolicy` OnFailure or Never) is a task, not a server.
      if (workload.kind === 'Pod' && !isLongRunning('Pod', workload.indexed.object)) continue;
      const portsPath = firstPortsPath(workload);
      if (portsPath === undefined) continue;
      const who = `${workload.kind} "${workload.name ?? '(unnamed)'}"`;
      context.report(workload.indexed, {
        path: portsPath,
        message: `No Service in namespace "${workload.namespace}" selects the pods of ${who}: its ports are reachable only by pod IPs, which change with every restart. Add a Service whose selector matches the pod labels.`,
        suggestions: scaffold(context, workload, 'Service', 'service', buildService, `a Service for ${who}`),
      });
    }
  },
);

/** The `ports` key of the first container (not init container) that declares a port. */
function firstPortsPath(workload: Workload): Array<string | number> | undefined {
  const containers = workload.podSpec.containers;
  if (!Array.isArray(containers)) return undefined;
  const index = containers.findIndex((container) => isRecord(container) && Array.isArray(container.ports) && container.ports.some((port) => isRecord(port) && typeof port.containerPort === 'number'));
  return index < 0 ? undefined : [...workload.podSpecPath, 'containers', index, 'ports'];
}
