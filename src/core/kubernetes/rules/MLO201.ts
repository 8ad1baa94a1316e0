import { perContainer } from '../rule';
import { checkResources } from './resources';

export const MLO201 = perContainer(
  {
    id: 'MLO201',
    defaultSeverity: 'warning',
    title: 'Every container sets a cpu and a memory limit.',
    guide: 'Kubernetes Checklist: Resource limits defined',
  },
  // Init containers count too: the pod's effective request is the larger of theirs and its containers'.
  { lists: ['containers', 'initContainers'] },
  (context) =>
    checkResources(
      context,
      'limits',
      'Without a limit one pod (a model loaded twice, a leak) can take the whole node from its neighbours. Set `resources.limits`.',
    ),
);
