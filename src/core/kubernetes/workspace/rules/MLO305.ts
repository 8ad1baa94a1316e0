import { apiGroupOf, isRecord, valueAt } from '../../objects';
import type { JsonPath } from '../../parse';
import { workspaceRule } from '../rule';
import { keyOf, nameOf, namespaceOf, objectKey, workloadsOf, type Workload } from '../select';

type Referenced = 'ConfigMap' | 'Secret';

/** A reference from a pod spec to a ConfigMap or Secret by name. */
interface Reference {
  kind: Referenced;
  name: string;
  /** The path of the name's value in the workload. */
  path: JsonPath;
  /** Where the pod reads it, for the message. */
  use: 'env' | 'volume';
  /** The workload's namespace, the kind and the name as one key (see objectKey), to look up among the defined. */
  key: string;
}

/** Every namespace gets this ConfigMap from the cluster (the API server's CA); projected token volumes read it. */
const CLUSTER_PROVIDED_CONFIG_MAPS = new Set(['kube-root-ca.crt']);

export const MLO305 = workspaceRule(
  {
    id: 'MLO305',
    defaultSeverity: 'info',
    title: 'A ConfigMap or Secret that a pod references is defined in the workspace.',
    guide: 'Kubernetes Checklist: ConfigMaps/Secrets created',
  },
  (context) => {
    const defined = new Set<string>();
    const define = (namespace: string, kind: Referenced, name: unknown): void => {
      if (typeof name === 'string' && name !== '') defined.add(objectKey(namespace, kind, name));
    };
    for (const indexed of context.ofKind('ConfigMap', 'Secret')) {
      // The key of a ConfigMap or Secret is what define() would make of it, kept with the object across runs.
      const key = indexed.object.apiVersion === 'v1' ? keyOf(indexed) : undefined;
      if (key !== undefined) defined.add(key);
    }
    // Secrets that operators create from other objects count as defined: they exist once the operator runs.
    for (const { object } of context.ofKind('ExternalSecret')) {
      if (apiGroupOf(object.apiVersion) === 'external-secrets.io') define(namespaceOf(object), 'Secret', valueAt(object, ['spec', 'target', 'name']) ?? nameOf(object));
    }
    for (const { object } of context.ofKind('SealedSecret')) {
      if (apiGroupOf(object.apiVersion) !== 'bitnami.com') continue;
      const templateNamespace = valueAt(object, ['spec', 'template', 'metadata', 'namespace']);
      define(typeof templateNamespace === 'string' && templateNamespace !== '' ? templateNamespace : namespaceOf(object), 'Secret', valueAt(object, ['spec', 'template', 'metadata', 'name']) ?? nameOf(object));
    }
    // cert-manager writes the certificate it issues into the Secret a Certificate names.
    for (const { object } of context.ofKind('Certificate')) {
      if (apiGroupOf(object.apiVersion) === 'cert-manager.io') define(namespaceOf(object), 'Secret', valueAt(object, ['spec', 'secretName']));
    }
    for (const { object } of context.ofKind('SecretProviderClass')) {
      if (apiGroupOf(object.apiVersion) !== 'secrets-store.csi.x-k8s.io') continue;
      const secretObjects = valueAt(object, ['spec', 'secretObjects']);
      if (Array.isArray(secretObjects)) for (const secret of secretObjects) define(namespaceOf(object), 'Secret', valueAt(secret, ['secretName']));
    }
    // Kustomize's generators create ConfigMaps and Secrets and rewrite the references to their hashed names.
    for (const { object } of context.ofKind('Kustomization')) {
      for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
        const generators = object[field];
        if (!Array.isArray(generators)) continue;
        for (const generator of generators) {
          const namespace = valueAt(generator, ['namespace']);
          define(typeof namespace === 'string' && namespace !== '' ? namespace : namespaceOf(object), kind, valueAt(generator, ['name']));
        }
      }
    }
    for (const workload of workloadsOf(context)) {
      for (const reference of referencesOf(workload)) {
        if (defined.has(reference.key)) continue;
        if (reference.kind === 'ConfigMap' && CLUSTER_PROVIDED_CONFIG_MAPS.has(reference.name)) continue;
        const consequence =
          reference.use === 'env'
            ? 'pods that read it fail to start (CreateContainerConfigError)'
            : 'pods that mount it stay in ContainerCreating';
        context.report(workload.indexed, {
          path: reference.path,
          target: 'value',
          message: `${reference.kind} "${reference.name}" is defined nowhere in the workspace (namespace "${workload.namespace}"): unless it is created some other way, ${consequence}. Define it, or mark the reference \`optional: true\` if the pods can run without it.`,
        });
      }
    }
  },
);

/** References by workload: a workload lives as long as its file's text, and the rule runs on every change. */
const cache = new WeakMap<Workload, Reference[]>();

function referencesOf(workload: Workload): Reference[] {
  let references = cache.get(workload);
  if (references === undefined) {
    references = readReferences(workload);
    cache.set(workload, references);
  }
  return references;
}

/** The ConfigMaps and Secrets a pod spec needs: from env, envFrom and volumes, except those marked optional. */
function readReferences(workload: Workload): Reference[] {
  const references: Reference[] = [];
  const { podSpec, podSpecPath } = workload;
  const add = (holder: unknown, nameField: string, kind: Referenced, path: JsonPath, use: Reference['use']): void => {
    if (!isRecord(holder) || holder.optional === true) return;
    const name = holder[nameField];
    // `$(VAR)` and `${VAR}` are filled in by a later templating step; the name is not known here.
    if (typeof name !== 'string' || name === '' || name.includes('$')) return;
    references.push({ kind, name, path: [...path, nameField], use, key: objectKey(workload.namespace, kind, name) });
  };
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    const containers = podSpec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: unknown, c) => {
      if (!isRecord(container)) return;
      const containerPath = [...podSpecPath, list, c];
      if (Array.isArray(container.env)) {
        container.env.forEach((variable: unknown, e) => {
          const valueFrom = valueAt(variable, ['valueFrom']);
          if (!isRecord(valueFrom)) return;
          const path = [...containerPath, 'env', e, 'valueFrom'];
          add(valueFrom.configMapKeyRef, 'name', 'ConfigMap', [...path, 'configMapKeyRef'], 'env');
          add(valueFrom.secretKeyRef, 'name', 'Secret', [...path, 'secretKeyRef'], 'env');
        });
      }
      if (Array.isArray(container.envFrom)) {
        container.envFrom.forEach((source: unknown, e) => {
          if (!isRecord(source)) return;
          const path = [...containerPath, 'envFrom', e];
          add(source.configMapRef, 'name', 'ConfigMap', [...path, 'configMapRef'], 'env');
          add(source.secretRef, 'name', 'Secret', [...path, 'secretRef'], 'env');
        });
      }
    });
  }
  const volumes = podSpec.volumes;
  if (Array.isArray(volumes)) {
    volumes.forEach((volume: unknown, v) => {
      if (!isRecord(volume)) return;
      const path = [...podSpecPath, 'volumes', v];
      add(volume.configMap, 'name', 'ConfigMap', [...path, 'configMap'], 'volume');
      add(volume.secret, 'secretName', 'Secret', [...path, 'secret'], 'volume');
      const sources = valueAt(volume, ['projected', 'sources']);
      if (!Array.isArray(sources)) return;
      sources.forEach((source: unknown, s) => {
        if (!isRecord(source)) return;
        const sourcePath = [...path, 'projected', 'sources', s];
        add(source.configMap, 'name', 'ConfigMap', [...sourcePath, 'configMap'], 'volume');
        add(source.secret, 'name', 'Secret', [...sourcePath, 'secret'], 'volume');
      });
    });
  }
  return references;
}

