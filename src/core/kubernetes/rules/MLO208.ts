import { valueAt, workloadKindOf, workloadPaths } from '../objects';
import { perObject } from '../rule';

export const MLO208 = perObject(
  {
    id: 'MLO208',
    defaultSeverity: 'info',
    title: "A workload's pods run under their own service account, not the namespace's default one.",
    guide: 'Kubernetes Checklist: Service account configured',
  },
  (context) => {
    const workload = workloadKindOf(context.object);
    if (workload === undefined) return;
    const podSpecPath = workloadPaths(workload).podSpec;
    const podSpec = valueAt(context.object, podSpecPath);
    // A pod that mounts no token cannot use the default account's permissions, nor a cloud identity bound to it.
    if (valueAt(podSpec, ['automountServiceAccountToken']) === false) return;
    // `serviceAccount` is the deprecated spelling, which the API server still reads when the new one is absent.
    const field = valueAt(podSpec, ['serviceAccountName']) !== undefined ? 'serviceAccountName' : 'serviceAccount';
    const account = valueAt(podSpec, [field]);
    if (typeof account === 'string' && account !== '' && account !== 'default') return;
    const named = account === 'default';
    context.report({
      path: [...podSpecPath, named ? field : 'serviceAccountName'],
      target: named ? 'value' : 'key',
      message: `The pods ${named ? 'run as' : 'set no serviceAccountName, so they run as'} the namespace's "default" service account, which every other pod without one shares: whatever it is granted (RBAC, a cloud identity to read the model store) they all get. Create a ServiceAccount for this workload and set serviceAccountName.`,
    });
  },
);
