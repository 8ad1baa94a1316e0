import { isRecord } from '../objects';
import { perContainer } from '../rule';
import { parseQuantity } from './resources';
import { containerLabel } from './security';

/**
 * Whether a resource name is an extended resource: a GPU (`nvidia.com/gpu`, `amd.com/gpu`, `gpu.intel.com/i915`),
 * a MIG slice (`nvidia.com/mig-1g.10gb`), another accelerator (`aws.amazon.com/neuron`, `habana.ai/gaudi`) or any
 * device a plugin advertises. The API server treats them all alike: they cannot be overcommitted, so a request needs
 * a limit and the two must be equal. Names in the `kubernetes.io` domain are Kubernetes' own.
 */
export function isExtendedResource(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash <= 0) return false;
  const domain = name.slice(0, slash);
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

function display(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

export const MLO211 = perContainer(
  {
    id: 'MLO211',
    defaultSeverity: 'error',
    title: 'A GPU (or other extended resource) that a container requests is also limited, to the same amount.',
    guide: 'Kubernetes Checklist: Resource limits defined',
  },
  { lists: ['containers', 'initContainers'] },
  (context) => {
    const { container, path } = context.entry;
    const resources = isRecord(container.resources) ? container.resources : {};
    const requests = isRecord(resources.requests) ? resources.requests : {};
    const limits = isRecord(resources.limits) ? resources.limits : {};
    const name = containerLabel(container);
    for (const [resource, request] of Object.entries(requests)) {
      if (!isExtendedResource(resource) || request === null || request === undefined) continue;
      const limit = limits[resource];
      if (limit === undefined || limit === null) {
        context.report({
          path: [...path, 'resources', 'requests', resource],
          message: `${name} requests ${display(request)} ${resource} but sets no limit for it: the API server rejects the pod, since ${resource} cannot be overcommitted. Set limits.${resource} to the same amount (a limit alone is enough: the request defaults to it).`,
        });
        continue;
      }
      const requested = parseQuantity(request);
      const limited = parseQuantity(limit);
      // A value that is no quantity at all is a schema error, which MLO215 reports.
      if (requested === undefined || limited === undefined || requested === limited) continue;
      context.report({
        path: [...path, 'resources', 'limits', resource],
        target: 'value',
        message: `${name} requests ${display(request)} ${resource} but limits it to ${display(limit)}: the API server rejects the pod, since ${resource} cannot be overcommitted and its request must equal its limit.`,
      });
    }
  },
);
