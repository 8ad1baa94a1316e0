import { insertIntoMapping, insertionSuggestion, type YamlBlock } from '../edits';
import { isRecord } from '../objects';
import type { JsonPath } from '../parse';
import { perContainer, type ContainerRuleContext } from '../rule';
import { containerLabel, containerSecurityContext, isWindowsPod, podSecurityContext } from './security';

/**
 * What the suggestion writes on a container without a securityContext. 10001 is the user the project's Dockerfile
 * rules create (MLO102); group and the hardening lines are what the restricted Pod Security Standard asks for.
 */
export const NON_ROOT_CONTEXT: YamlBlock = {
  runAsNonRoot: 'true',
  runAsUser: '10001',
  runAsGroup: '10001',
  allowPrivilegeEscalation: 'false',
  capabilities: { drop: '["ALL"]' },
};

/** Where a securityContext field takes effect: the container's own value wins over the pod's. */
function effective(context: ContainerRuleContext, field: string): { value: unknown; path: JsonPath } | undefined {
  const own = containerSecurityContext(context);
  if (own[field] !== undefined && own[field] !== null) return { value: own[field], path: [...context.entry.path, 'securityContext', field] };
  const pod = podSecurityContext(context);
  if (pod[field] !== undefined && pod[field] !== null) {
    const podSpec = context.entry.path.slice(0, -2);
    return { value: pod[field], path: [...podSpec, 'securityContext', field] };
  }
  return undefined;
}

function suggestion(context: ContainerRuleContext) {
  const { container, path } = context.entry;
  if (!('securityContext' in container)) return insertIntoMapping(context, path, { securityContext: NON_ROOT_CONTEXT });
  if (!isRecord(container.securityContext)) return undefined;
  const missing: YamlBlock = {};
  if (!('runAsNonRoot' in container.securityContext)) missing.runAsNonRoot = 'true';
  if (!('runAsUser' in container.securityContext)) missing.runAsUser = '10001';
  return insertIntoMapping(context, [...path, 'securityContext'], missing);
}

export const MLO209 = perContainer(
  {
    id: 'MLO209',
    defaultSeverity: 'warning',
    title: 'Every container is kept from running as root: runAsNonRoot: true or a runAsUser above 0, on the pod or the container.',
    guide: 'Docker Best Practices: Security: run as non-root',
  },
  { lists: ['containers', 'initContainers'] },
  (context) => {
    if (isWindowsPod(context)) return;
    const { container, path } = context.entry;
    const name = containerLabel(container);
    const user = effective(context, 'runAsUser');
    const nonRoot = effective(context, 'runAsNonRoot');
    if (typeof user?.value === 'number' && user.value > 0) return;
    if (user?.value === 0) {
      context.report({
        path: user.path,
        target: 'value',
        message: `${name} runs as root (runAsUser: 0)${nonRoot?.value === true ? ', which contradicts runAsNonRoot: the kubelet refuses to start it' : ''}. A process that escapes the container is root on the node. Run it as a user above 0.`,
      });
      return;
    }
    if (nonRoot?.value === true) return;
    if (nonRoot !== undefined) {
      context.report({
        path: nonRoot.path,
        target: 'value',
        message: `${name} may run as root: runAsNonRoot is not true and no runAsUser above 0 is set, so it runs as the image's USER, root unless the image says otherwise. Set runAsNonRoot: true and a runAsUser.`,
      });
      return;
    }
    context.report({
      path: [...path, 'securityContext', 'runAsNonRoot'],
      message: `${name} may run as root: neither it nor its pod sets runAsNonRoot: true or a runAsUser above 0, so it runs as the image's USER, root unless the image says otherwise. Set them in a securityContext.`,
      suggestions: insertionSuggestion('securityContext' in container ? 'Add runAsNonRoot: true and runAsUser: 10001' : 'Add a securityContext that runs as user 10001', suggestion(context)),
    });
  },
);
