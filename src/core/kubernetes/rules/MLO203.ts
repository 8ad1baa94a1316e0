import { isLongRunning, perContainer } from '../rule';
import { checkProbe } from './probes';

export const MLO203 = perContainer(
  {
    id: 'MLO203',
    defaultSeverity: 'warning',
    title: 'Every container of a long-running workload has a readinessProbe.',
    guide: 'Kubernetes Checklist: Health checks configured',
  },
  // Jobs run to completion and init containers run once before the pod starts: no traffic waits for them.
  { lists: ['containers'], applies: isLongRunning },
  (context) =>
    checkProbe(
      context,
      'readinessProbe',
      'Without one, traffic reaches the pod as soon as it starts, before the model has loaded. Add a readinessProbe.',
      { periodSeconds: '10' },
    ),
);
