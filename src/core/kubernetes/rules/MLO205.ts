import { isRecord } from '../objects';
import { perContainer } from '../rule';
import { PROBE_FIELDS } from './probes';

const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export const MLO205 = perContainer(
  {
    id: 'MLO205',
    defaultSeverity: 'error',
    title: "A probe checks a port that its container declares, by number or by name.",
    guide: 'Kubernetes Checklist: Health checks configured',
  },
  // Sidecars (init containers that keep running) may have probes too, and the same mistake.
  { lists: ['containers', 'initContainers'] },
  (context) => {
    const { container, path } = context.entry;
    const ports = Array.isArray(container.ports) ? container.ports.filter(isRecord) : [];
    // A port written as a string ("8000") is a schema error that MLO215 reports; here it still counts as the port.
    const numbers = ports
      .map((port) => (typeof port.containerPort === 'string' && /^\d+$/.test(port.containerPort) ? Number(port.containerPort) : port.containerPort))
      .filter((port): port is number => typeof port === 'number');
    const names = ports.map((port) => port.name).filter((name): name is string => typeof name === 'string');
    const listed = [...numbers.map(String), ...names.map((n) => `"${n}"`)];
    const declared = listed.length === 0 ? 'declares no ports' : `declares ${listed.join(', ')}`;
    const label = typeof container.name === 'string' ? `container "${container.name}"` : 'this container';
    for (const field of PROBE_FIELDS) {
      const probe = container[field];
      if (!isRecord(probe)) continue;
      for (const handler of HANDLERS) {
        const port = isRecord(probe[handler]) ? (probe[handler] as Record<string, unknown>).port : undefined;
        // A port that is neither a number nor a string is a schema error, which MLO215 reports.
        if (typeof port === 'number' ? numbers.includes(port) : typeof port !== 'string' || names.includes(port)) continue;
        const what = typeof port === 'number' ? `port ${port}` : `the port named "${port}"`;
        const consequence =
          typeof port === 'number'
            ? 'The probe may check a port nothing listens on, and Services cannot refer to it by name.'
            : 'The API server rejects a probe whose named port is not declared.';
        context.report({
          path: [...path, field, handler, 'port'],
          target: 'value',
          message: `The ${field} checks ${what}, but ${label} ${declared}. ${consequence}`,
        });
      }
    }
  },
);
