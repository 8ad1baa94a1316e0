import { isLongRunning, perContainer } from '../rule';
import { checkProbe } from './probes';

export const MLO204 = perContainer(
  {
    id: 'MLO204',
    defaultSeverity: 'warning',
    title: 'Every container of a long-running workload has a livenessProbe.',
    guide: 'Kubernetes Checklist: Health checks configured',
  },
  // Jobs run to completion and init containers run once before the pod starts: nothing needs to restart them.
  { lists: ['containers'], applies: isLongRunning },
  (context) =>
    checkProbe(
      context,
      'livenessProbe',
      'Without one, a server that hangs keeps its pod and its share of traffic until someone restarts it. Add a livenessProbe.',
      // Loading a model can take a while; a liveness probe that starts too early restarts the pod in a loop.
      { initialDelaySeconds: '30', periodSeconds: '10' },
    ),
);
