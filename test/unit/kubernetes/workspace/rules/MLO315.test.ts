import { MLO315 } from '../../../../../src/core/kubernetes/workspace/rules/MLO315';
import { DEPLOYMENT, DEPLOYMENT_IN_ML } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** DEPLOYMENT's pod `spec` is on line 14 (key at 4–8); with an account, `serviceAccountName` is on line 15 (key at 6–24). */
const WITH_ACCOUNT = DEPLOYMENT.replace('    spec:\n', '    spec:\n      serviceAccountName: model-server\n');

function role(kind: 'Role' | 'ClusterRole', name: string, ...rules: string[]): string {
  return yaml('apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, 'rules:', ...rules.map((rule) => `  - ${rule}`));
}

function binding(kind: 'RoleBinding' | 'ClusterRoleBinding', roleKind: 'Role' | 'ClusterRole', roleName: string, subject = '{kind: ServiceAccount, name: model-server, namespace: default}'): string {
  return yaml(
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: model-server-${roleName}`,
    'subjects:',
    `  - ${subject}`,
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    `  kind: ${roleKind}`,
    `  name: ${roleName}`,
  );
}

const READ_CONFIG = role('Role', 'read-config', '{apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}');
const WILDCARD = role('Role', 'anything', '{apiGroups: [""], resources: ["*"], verbs: [get]}', '{apiGroups: [apps], resources: [deployments], verbs: ["*"]}');

workspaceRuleTests(MLO315, {
  valid: [
    { name: 'a role that reads ConfigMaps', files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': `${READ_CONFIG}---\n${binding('RoleBinding', 'Role', 'read-config')}` } },
    {
      name: 'reading one named Secret',
      files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': `${role('Role', 'own-key', '{apiGroups: [""], resources: [secrets], resourceNames: [model-api-key], verbs: [get]}')}---\n${binding('RoleBinding', 'Role', 'own-key')}` },
    },
    { name: 'the binding is for another account', files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything', '{kind: ServiceAccount, name: deployer, namespace: default}')}` } },
    { name: 'the account of that name in another namespace', files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything', '{kind: ServiceAccount, name: model-server, namespace: ml}')}` } },
    { name: 'the pods do not mount the token', files: { 'k8s/deploy.yaml': WITH_ACCOUNT.replace('    spec:\n', '    spec:\n      automountServiceAccountToken: false\n'), 'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything')}` } },
    {
      name: 'the ServiceAccount does not mount its token',
      files: {
        'k8s/deploy.yaml': WITH_ACCOUNT,
        'k8s/sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: model-server', 'automountServiceAccountToken: false'),
        'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything')}`,
      },
    },
    { name: 'the view ClusterRole', files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'view') } },
    {
      name: 'get on pods/log and list on pods is no exec',
      files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': `${role('Role', 'logs', '{apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}')}---\n${binding('RoleBinding', 'Role', 'logs')}` },
    },
  ],
  invalid: [
    {
      name: 'wildcards in resources and verbs',
      files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything')}` },
      findings: [
        {
          path: 'k8s/deploy.yaml',
          line: 15,
          character: 6,
          endCharacter: 24,
          messageIncludes: 'Deployment "model-server" runs as ServiceAccount "model-server": RoleBinding "model-server-anything" binds it to Role "anything", which has "*" in resources, has "*" in verbs.',
        },
      ],
      fix: null,
      suggestions: [],
    },
    {
      name: 'a projected token volume gives the pods the token although automounting is off',
      files: {
        'k8s/deploy.yaml': WITH_ACCOUNT.replace(
          '    spec:\n',
          '    spec:\n      automountServiceAccountToken: false\n      volumes:\n        - name: token\n          projected:\n            sources:\n              - serviceAccountToken: {path: token}\n',
        ),
        'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything')}`,
      },
      findings: [{ path: 'k8s/deploy.yaml', line: 21, messageIncludes: 'runs as ServiceAccount "model-server": RoleBinding "model-server-anything"' }],
    },
    {
      name: 'the default account, bound to cluster-admin (not defined in the workspace)',
      files: { 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/rbac.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin', '{kind: ServiceAccount, name: default, namespace: default}') },
      findings: [{ path: 'k8s/deploy.yaml', line: 14, character: 4, endCharacter: 8, messageIncludes: 'runs as ServiceAccount "default" (the default, as serviceAccountName is not set): ClusterRoleBinding' }],
    },
    {
      name: 'reading Secrets through a ClusterRole, in namespace ml',
      files: {
        'k8s/deploy.yaml': DEPLOYMENT_IN_ML.replace('    spec:\n', '    spec:\n      serviceAccountName: model-server\n'),
        'k8s/rbac.yaml': `${role('ClusterRole', 'secret-reader', '{apiGroups: [""], resources: [secrets, configmaps], verbs: [list]}')}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'secret-reader', '{kind: ServiceAccount, name: model-server, namespace: ml}')}`,
      },
      findings: [{ path: 'k8s/deploy.yaml', line: 16, character: 6, messageIncludes: 'which reads Secrets' }],
    },
    {
      name: 'exec into pods, with the subject namespace taken from the RoleBinding, and the deprecated serviceAccount field',
      files: {
        'k8s/deploy.yaml': DEPLOYMENT.replace('    spec:\n', '    spec:\n      serviceAccount: model-server\n'),
        'k8s/rbac.yaml': `${role('Role', 'debugger', '{apiGroups: [""], resources: [pods/exec], verbs: [create]}')}---\n${binding('RoleBinding', 'Role', 'debugger', '{kind: ServiceAccount, name: model-server}')}`,
      },
      findings: [{ path: 'k8s/deploy.yaml', line: 15, character: 6, endCharacter: 20, messageIncludes: 'can exec into or attach to pods' }],
    },
    {
      name: "the edit ClusterRole, granted to every service account of the namespace",
      files: { 'k8s/deploy.yaml': WITH_ACCOUNT, 'k8s/rbac.yaml': binding('RoleBinding', 'ClusterRole', 'edit', '{kind: Group, name: "system:serviceaccounts:default", apiGroup: rbac.authorization.k8s.io}') },
      findings: [{ path: 'k8s/deploy.yaml', line: 15, character: 6, messageIncludes: 'ClusterRole "edit", which reads Secrets, can exec into and attach to pods' }],
    },
    {
      name: 'two bindings, and a wildcard API group',
      files: {
        'k8s/deploy.yaml': WITH_ACCOUNT,
        'k8s/rbac.yaml': `${WILDCARD}---\n${binding('RoleBinding', 'Role', 'anything')}---\n${role('Role', 'all-groups', '{apiGroups: ["*"], resources: [deployments], verbs: [get]}')}---\n${binding('RoleBinding', 'Role', 'all-groups')}`,
      },
      findings: [{ path: 'k8s/deploy.yaml', line: 15, character: 6, messageIncludes: '; RoleBinding "model-server-all-groups" binds it to Role "all-groups", which has "*" in apiGroups.' }],
    },
  ],
});
