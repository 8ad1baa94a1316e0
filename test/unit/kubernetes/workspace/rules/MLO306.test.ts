import { MLO306 } from '../../../../../src/core/kubernetes/workspace/rules/MLO306';
import { DEPLOYMENT, DEPLOYMENT_IN_ML } from '../manifests';
import { workspaceRuleTests, yaml } from '../workspaceRuleTester';

/** DEPLOYMENT running as `model-server-sa`: the name's value on line 15 at 26–41. */
const WITH_ACCOUNT = DEPLOYMENT.replace('    spec:\n      containers:\n', '    spec:\n      serviceAccountName: model-server-sa\n      containers:\n');
const WITH_ACCOUNT_IN_ML = DEPLOYMENT_IN_ML.replace('    spec:\n      containers:\n', '    spec:\n      serviceAccountName: model-server-sa\n      containers:\n');
const ACCOUNT = yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: model-server-sa', 'automountServiceAccountToken: false');

workspaceRuleTests(MLO306, {
  valid: [
    { name: 'the ServiceAccount is in another file', files: { 'app/deploy.yaml': WITH_ACCOUNT, 'app/sa.yaml': ACCOUNT } },
    { name: 'no service account named, or `default`', files: { 'app/a.yaml': DEPLOYMENT, 'app/b.yaml': WITH_ACCOUNT.replace('model-server-sa', 'default') } },
    { name: "a kustomization's namespace applies to both", files: { 'app/deploy.yaml': WITH_ACCOUNT_IN_ML, 'app/sa.yaml': ACCOUNT, 'app/Kustomization': yaml('namespace: ml', 'resources:', '- deploy.yaml', '- sa.yaml') } },
    { name: 'ignored by a comment before the field', files: { 'app/deploy.yaml': WITH_ACCOUNT.replace('      serviceAccountName:', '      # mlops-deploy ignore=MLO306\n      serviceAccountName:') } },
  ],
  invalid: [
    {
      name: 'the ServiceAccount is defined nowhere',
      files: { 'app/deploy.yaml': WITH_ACCOUNT },
      findings: [{ path: 'app/deploy.yaml', line: 15, character: 26, endLine: 15, endCharacter: 41, messageIncludes: 'ServiceAccount "model-server-sa" is defined nowhere in the workspace (namespace "default")' }],
      suggestions: [
        { titleIncludes: 'Create ServiceAccount "model-server-sa" in this file', files: { 'app/deploy.yaml': `${WITH_ACCOUNT}---\n${ACCOUNT}` } },
        { titleIncludes: 'in a new file (model-server-sa-serviceaccount.yaml)', files: { 'app/deploy.yaml': WITH_ACCOUNT, 'app/model-server-sa-serviceaccount.yaml': ACCOUNT } },
      ],
    },
    {
      name: 'the ServiceAccount is in another namespace; the new one names the workload namespace',
      files: { 'app/deploy.yaml': WITH_ACCOUNT_IN_ML, 'app/sa.yaml': ACCOUNT },
      findings: [{ path: 'app/deploy.yaml', line: 16, character: 26, messageIncludes: 'namespace "ml"' }],
      suggestions: [
        { files: { 'app/deploy.yaml': `${WITH_ACCOUNT_IN_ML}---\n${ACCOUNT.replace('  name: model-server-sa\n', '  name: model-server-sa\n  namespace: ml\n')}`, 'app/sa.yaml': ACCOUNT } },
        { files: { 'app/deploy.yaml': WITH_ACCOUNT_IN_ML, 'app/sa.yaml': ACCOUNT, 'app/model-server-sa-serviceaccount.yaml': ACCOUNT.replace('  name: model-server-sa\n', '  name: model-server-sa\n  namespace: ml\n') } },
      ],
    },
    {
      name: 'the deprecated serviceAccount field is read when serviceAccountName is unset',
      files: { 'app/deploy.yaml': WITH_ACCOUNT.replace('serviceAccountName:', 'serviceAccount:') },
      findings: [{ path: 'app/deploy.yaml', line: 15, character: 22, endCharacter: 37 }],
    },
  ],
});
