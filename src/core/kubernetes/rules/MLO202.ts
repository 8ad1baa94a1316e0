import { perContainer } from '../rule';
import { checkResources } from './resources';

export const MLO202 = perContainer(
  {
    id: 'MLO202',
    defaultSeverity: 'warning',
    title: 'Every container sets a cpu and a memory request.',
    guide: 'Kubernetes Checklist: Resource limits defined',
  },
  // Init containers count too: the pod's effective request is the larger of theirs and its containers'.
  { lists: ['containers', 'initContainers'] },
  (context) =>
    checkResources(
      context,
      'requests',
      'Without a request the scheduler places the pod as if it needed nothing and evicts it first under pressure. Set `resources.requests`.',
    ),
);
