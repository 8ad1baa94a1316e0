import type { Fix, TextEdit } from '../../findings';
import { insertIntoMapping, insertionSuggestion, replaceScalar } from '../edits';
import { isRecord } from '../objects';
import { perContainer, type ContainerRuleContext } from '../rule';
import { containerLabel, containerSecurityContext, isWindowsPod } from './security';

/** Whether the container adds CAP_SYS_ADMIN, with which the API server rejects allowPrivilegeEscalation: false. */
function addsSysAdmin(securityContext: Record<string, unknown>): boolean {
  const capabilities = securityContext.capabilities;
  const added = isRecord(capabilities) && Array.isArray(capabilities.add) ? capabilities.add : [];
  return added.some((capability) => typeof capability === 'string' && /^(?:CAP_)?SYS_ADMIN$/i.test(capability));
}

/** The edit that makes allowPrivilegeEscalation false: replaces a `true`, or adds the line where it is missing. */
function escalationOff(context: ContainerRuleContext): TextEdit | undefined {
  const { container, path } = context.entry;
  const securityContext = containerSecurityContext(context);
  if (securityContext.allowPrivilegeEscalation !== undefined) return replaceScalar(context, [...path, 'securityContext', 'allowPrivilegeEscalation'], 'false');
  if (!('securityContext' in container)) return insertIntoMapping(context, path, { securityContext: { allowPrivilegeEscalation: 'false' } });
  return insertIntoMapping(context, [...path, 'securityContext'], { allowPrivilegeEscalation: 'false' });
}

export const MLO210 = perContainer(
  {
    id: 'MLO210',
    defaultSeverity: 'warning',
    title: 'No container is privileged, and every container sets allowPrivilegeEscalation: false.',
    guide: 'Docker Best Practices: Security: run as non-root',
  },
  { lists: ['containers', 'initContainers'] },
  (context) => {
    if (isWindowsPod(context)) return;
    const { container, path } = context.entry;
    const name = containerLabel(container);
    const securityContext = containerSecurityContext(context);
    if (securityContext.privileged === true) {
      // Both edits are needed: the API server rejects allowPrivilegeEscalation: false on a privileged container.
      const edits = [replaceScalar(context, [...path, 'securityContext', 'privileged'], 'false'), escalationOff(context)];
      const fix: Fix | undefined = edits.every((edit) => edit !== undefined) ? { title: 'Set privileged and allowPrivilegeEscalation to false', edits: edits as TextEdit[] } : undefined;
      context.report({
        path: [...path, 'securityContext', 'privileged'],
        target: 'value',
        message: `${name} is privileged: it has every capability and every device of the node, so anyone who takes it over owns the node. GPU containers do not need it (the device plugin mounts the GPU); set privileged: false.`,
        suggestions: fix ? [fix] : undefined,
      });
      return;
    }
    if (securityContext.allowPrivilegeEscalation === false) return;
    const explicit = securityContext.allowPrivilegeEscalation !== undefined;
    context.report({
      path: [...path, 'securityContext', 'allowPrivilegeEscalation'],
      target: explicit ? 'value' : 'key',
      message: `${name} ${explicit ? 'allows' : 'does not forbid'} privilege escalation: a setuid binary in the image can gain more privileges than the process started with. Set allowPrivilegeEscalation: false.`,
      suggestions: addsSysAdmin(securityContext) ? undefined : insertionSuggestion('Set allowPrivilegeEscalation to false', escalationOff(context)),
    });
  },
);
