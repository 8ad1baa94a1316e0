import { apiGroupOf, isRecord, valueAt } from '../../objects';
import type { KubernetesObject } from '../../parse';
import { describe, pushTo } from '../match';
import { workspaceRule } from '../rule';
import { nameOf, namespaceOf, workloadsOf } from '../select';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * The ClusterRoles every cluster has, which a binding often names without the workspace defining them:
 * `cluster-admin` allows everything; `admin` and `edit` read Secrets and exec into pods in their namespace.
 */
const BUILT_IN_CLUSTER_ROLES: Readonly<Record<string, readonly string[]>> = {
  'cluster-admin': ['allows every verb on every resource ("*")'],
  admin: ['reads Secrets', 'can exec into and attach to pods'],
  edit: ['reads Secrets', 'can exec into and attach to pods'],
};

export const MLO315 = workspaceRule(
  {
    id: 'MLO315',
    defaultSeverity: 'warning',
    title: "A workload's service account is not bound to wildcards, Secret reading, or exec into pods.",
    guide: 'Security Checklist: RBAC configured',
  },
  (context) => {
    const rbac = context.ofKind('Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding').filter(({ object }) => apiGroupOf(object.apiVersion) === RBAC_GROUP);
    // What each binding grants is worked out once, and filed under the accounts it binds; most workspaces bind
    // nothing dangerous, and then no workload is read.
    const roles = new Map<string, KubernetesObject>();
    for (const { object } of rbac) {
      if (object.kind === 'Role' || object.kind === 'ClusterRole') roles.set(roleKey(object.kind, object.kind === 'Role' ? namespaceOf(object) : '', nameOf(object) ?? ''), object);
    }
    const grantsBySubject = new Map<string, string[]>();
    for (const { object: binding } of rbac) {
      if (binding.kind !== 'RoleBinding' && binding.kind !== 'ClusterRoleBinding') continue;
      const role = roleOf(roles, binding);
      if (role === undefined || role.dangers.length === 0) continue;
      const grant = `${binding.kind} "${nameOf(binding) ?? '(unnamed)'}" binds it to ${role.kind} "${role.name}", which ${role.dangers.join(', ')}`;
      for (const key of new Set(subjectKeys(binding))) pushTo(grantsBySubject, key, grant);
    }
    if (grantsBySubject.size === 0) return;
    const accounts = new Map<string, KubernetesObject>();
    for (const { object } of context.ofKind('ServiceAccount')) {
      const name = nameOf(object);
      if (apiGroupOf(object.apiVersion) === '' && name !== undefined) accounts.set(accountKey(namespaceOf(object), name), object);
    }
    for (const workload of workloadsOf(context)) {
      const spec = workload.podSpec;
      const field = typeof spec.serviceAccountName === 'string' ? 'serviceAccountName' : typeof spec.serviceAccount === 'string' ? 'serviceAccount' : undefined;
      const account = field === undefined ? 'default' : (spec[field] as string);
      const { namespace } = workload;
      // A binding that names both the account and its group grants once.
      const grants = [...new Set([ALL_ACCOUNTS, namespaceKey(namespace), accountKey(namespace, account)].flatMap((key) => grantsBySubject.get(key) ?? []))];
      if (grants.length === 0 || !mountsToken(spec, accounts.get(accountKey(namespace, account)))) continue;
      context.report(workload.indexed, {
        path: field === undefined ? workload.podSpecPath : [...workload.podSpecPath, field],
        message: `${describe(workload.indexed.object)} runs as ServiceAccount "${account}"${field === undefined ? ' (the default, as serviceAccountName is not set)' : ''}: ${grants.join('; ')}. Anyone who breaks into the model server gets the same. Grant only the verbs and resources it needs.`,
      });
    }
  },
);

/**
 * Whether the pods get the account's token at all: `automountServiceAccountToken: false` on the pod spec, or on the
 * ServiceAccount when the pod spec does not override it, leaves the pod without credentials to use, unless a
 * projected volume asks for the token itself.
 */
function mountsToken(spec: Record<string, unknown>, serviceAccount: KubernetesObject | undefined): boolean {
  if (projectsToken(spec)) return true;
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  return serviceAccount === undefined || serviceAccount.automountServiceAccountToken !== false;
}

/** Whether a volume of the pod is a projected volume with a `serviceAccountToken` source. */
function projectsToken(spec: Record<string, unknown>): boolean {
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  return volumes.some((volume: unknown) => {
    const sources = isRecord(volume) && isRecord(volume.projected) ? volume.projected.sources : undefined;
    return Array.isArray(sources) && sources.some((source: unknown) => isRecord(source) && isRecord(source.serviceAccountToken));
  });
}

/**
 * The accounts a binding's subjects name, as keys: a ServiceAccount subject (whose namespace, when left out of a
 * RoleBinding, is the binding's), and the groups of all service accounts and of those of one namespace.
 */
function subjectKeys(binding: KubernetesObject): string[] {
  const subjects = valueAt(binding, ['subjects']);
  if (!Array.isArray(subjects)) return [];
  return subjects.flatMap((subject: unknown) => {
    if (!isRecord(subject) || typeof subject.name !== 'string') return [];
    if (subject.kind === 'Group') {
      if (subject.name === 'system:serviceaccounts') return [ALL_ACCOUNTS];
      return subject.name.startsWith(GROUP_PREFIX) ? [namespaceKey(subject.name.slice(GROUP_PREFIX.length))] : [];
    }
    if (subject.kind !== 'ServiceAccount') return [];
    const namespace = typeof subject.namespace === 'string' ? subject.namespace : binding.kind === 'RoleBinding' ? namespaceOf(binding) : undefined;
    return namespace === undefined ? [] : [accountKey(namespace, subject.name)];
  });
}

const GROUP_PREFIX = 'system:serviceaccounts:';
const ALL_ACCOUNTS = '*';

function namespaceKey(namespace: string): string {
  return `${namespace}\u0000*`;
}

function accountKey(namespace: string, account: string): string {
  return `${namespace}\u0000${account}`;
}

/** The role a binding grants, with what is dangerous in it; undefined when the role is neither defined nor built in. */
function roleOf(roles: ReadonlyMap<string, KubernetesObject>, binding: KubernetesObject): { kind: string; name: string; dangers: string[] } | undefined {
  const reference = valueAt(binding, ['roleRef']);
  if (!isRecord(reference) || typeof reference.name !== 'string' || (reference.kind !== 'Role' && reference.kind !== 'ClusterRole')) return undefined;
  const { kind, name } = reference;
  // A RoleBinding's Role is in the binding's namespace; a ClusterRole has none.
  const role = roles.get(roleKey(kind, kind === 'Role' ? namespaceOf(binding) : '', name));
  if (role !== undefined) return { kind, name, dangers: dangersOf(valueAt(role, ['rules'])) };
  const builtIn = kind === 'ClusterRole' ? BUILT_IN_CLUSTER_ROLES[name] : undefined;
  return builtIn === undefined ? undefined : { kind, name, dangers: [...builtIn] };
}

function roleKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

/** What a role's rules allow that a serving workload should not have, each said once. */
function dangersOf(rules: unknown): string[] {
  if (!Array.isArray(rules)) return [];
  const found = new Set<string>();
  for (const rule of rules) {
    if (!isRecord(rule)) continue;
    const verbs = strings(rule.verbs);
    const resources = strings(rule.resources);
    const groups = strings(rule.apiGroups);
    // nonResourceURLs rules (`/healthz`, `/metrics`) reach no object.
    if (resources.length === 0) continue;
    const wildcards = (['verbs', 'resources', 'apiGroups'] as const).filter((key) => strings(rule[key]).includes('*'));
    if (wildcards.length > 0) found.add(`has "*" in ${wildcards.join(' and ')}`);
    const core = groups.includes('') || groups.includes('*');
    // A rule limited to named Secrets (resourceNames) reads those only: the usual way to give an app its own key.
    const named = Array.isArray(rule.resourceNames) && rule.resourceNames.length > 0;
    if (core && !named && resources.includes('secrets') && verbs.some((verb) => ['get', 'list', 'watch'].includes(verb))) found.add('reads Secrets');
    if (core && (resources.includes('pods/exec') || resources.includes('pods/attach')) && (verbs.includes('create') || verbs.includes('*'))) {
      found.add('can exec into or attach to pods');
    }
  }
  return [...found];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
