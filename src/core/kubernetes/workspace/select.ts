import { apiGroupOf, isRecord, labelsOf, matchesLabelMap, matchesLabelSelector, valueAt, workloadKindOf, workloadPaths } from '../objects';
import type { JsonPath, KubernetesObject } from '../parse';
import type { IndexedObject, WorkspaceRuleContext } from './rule';

/** The namespace an object lives in: its own, or `default`, where kubectl puts an object without one. */
export function namespaceOf(object: KubernetesObject): string {
  const namespace = valueAt(object, ['metadata', 'namespace']);
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

export function nameOf(object: KubernetesObject): string | undefined {
  const name = valueAt(object, ['metadata', 'name']);
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** An object that runs pods: a workload kind, or an Argo Rollout with a pod template of its own. */
export interface Workload {
  readonly indexed: IndexedObject;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podSpec: Record<string, unknown>;
  readonly podSpecPath: JsonPath;
  /** Its namespace, kind and name as one key (see objectKey); undefined when it has no name. */
  readonly key: string | undefined;
  /** A key for each of its pod labels, in its namespace (see labelKey), for the index of workloads by label. */
  readonly labelKeys: readonly string[];
}

/** Argo Rollouts keep their pods as a Deployment does; one with `workloadRef` borrows a Deployment's pods instead. */
const ROLLOUT_PATHS = { podSpec: ['spec', 'template', 'spec'], podLabels: ['spec', 'template', 'metadata', 'labels'] } as const;

export function isArgoRollout(object: KubernetesObject): boolean {
  return object.kind === 'Rollout' && apiGroupOf(object.apiVersion) === 'argoproj.io';
}

/**
 * Workloads by the object they describe. An IndexedObject lives as long as its file's text (the index keeps it), and
 * the rules run again on every change, so each is read once.
 */
const workloads = new WeakMap<IndexedObject, Workload | null>();

/** The workload an object is, or undefined when it runs no pods of its own. */
export function workloadOf(indexed: IndexedObject): Workload | undefined {
  let workload = workloads.get(indexed);
  if (workload === undefined) {
    workload = readWorkload(indexed) ?? null;
    workloads.set(indexed, workload);
  }
  return workload ?? undefined;
}

function readWorkload(indexed: IndexedObject): Workload | undefined {
  const { object } = indexed;
  const kind = workloadKindOf(object);
  const paths = kind !== undefined ? workloadPaths(kind) : isArgoRollout(object) ? ROLLOUT_PATHS : undefined;
  if (paths === undefined) return undefined;
  const podSpec = valueAt(object, paths.podSpec);
  if (!isRecord(podSpec)) return undefined;
  const name = nameOf(object);
  const namespace = namespaceOf(object);
  const podLabels = labelsOf(valueAt(object, paths.podLabels));
  return {
    indexed,
    kind: object.kind,
    name,
    namespace,
    podLabels,
    podSpec,
    podSpecPath: paths.podSpec,
    key: name === undefined ? undefined : objectKey(namespace, object.kind, name),
    labelKeys: Object.entries(podLabels).map(([key, value]) => labelKey(namespace, key, value)),
  };
}

/**
 * The workloads of a workspace, indexed once per run of the rules (the object list is new on every run, and the
 * same for every rule of it): by namespace, and within a namespace by each `key=value` pod label, so that finding
 * the pods a selector selects looks at the workloads sharing one of its labels, not at all of them.
 */
interface WorkloadIndex {
  all: Workload[];
  byNamespace: Map<string, Workload[]>;
  byLabel: Map<string, Workload[]>;
  byName: Map<string, Workload>;
}

const indexes = new WeakMap<readonly IndexedObject[], WorkloadIndex>();

function workloadIndex(context: WorkspaceRuleContext): WorkloadIndex {
  const cached = indexes.get(context.objects);
  if (cached) return cached;
  const index: WorkloadIndex = { all: [], byNamespace: new Map(), byLabel: new Map(), byName: new Map() };
  for (const indexed of context.objects) {
    const workload = workloadOf(indexed);
    if (workload === undefined) continue;
    index.all.push(workload);
    push(index.byNamespace, workload.namespace, workload);
    for (const key of workload.labelKeys) push(index.byLabel, key, workload);
    if (workload.key !== undefined) index.byName.set(workload.key, workload);
  }
  for (const [namespace, list] of index.byNamespace) index.byNamespace.set(namespace, sameAsBefore(list));
  indexes.set(context.objects, index);
  return index;
}

/**
 * The list of a namespace's workloads the previous run of the rules had, when it holds the same workloads in the
 * same order, else this one. Most edits change one file, so most namespaces keep their workloads, and with them the
 * very list: what was worked out from it in an earlier run (which pods a selector selects) is still right.
 */
const lastListOf = new WeakMap<Workload, Workload[]>();

function sameAsBefore(list: Workload[]): Workload[] {
  const before = lastListOf.get(list[0]);
  if (before !== undefined && before.length === list.length && before.every((workload, i) => workload === list[i])) return before;
  for (const workload of list) lastListOf.set(workload, list);
  return list;
}

/** Every workload of the workspace, in the objects' order. */
export function workloadsOf(context: WorkspaceRuleContext): readonly Workload[] {
  return workloadIndex(context).all;
}

/** The workload of a kind and name in a namespace (the last one, when several share them). */
export function findWorkload(context: WorkspaceRuleContext, namespace: string, kind: string, name: string): Workload | undefined {
  return workloadIndex(context).byName.get(objectKey(namespace, kind, name));
}

/** Objects by namespace, kind and name, indexed once per run of the rules. */
const objectsByName = new WeakMap<readonly IndexedObject[], Map<string, IndexedObject[]>>();

/**
 * The objects of a kind and name in a namespace (several when overlays render one twice, or a name is repeated),
 * looked up in an index built once per run of the rules rather than by scanning every object of the kind.
 */
export function findObjects(context: WorkspaceRuleContext, namespace: string, kind: string, name: string): readonly IndexedObject[] {
  let index = objectsByName.get(context.objects);
  if (index === undefined) {
    index = new Map();
    for (const indexed of context.objects) {
      const key = keyOf(indexed);
      if (key !== undefined) push(index, key, indexed);
    }
    objectsByName.set(context.objects, index);
  }
  return index.get(objectKey(namespace, kind, name)) ?? [];
}

/** Keys by object: an IndexedObject lives as long as its file's text, and every run of the rules indexes it again. */
const keys = new WeakMap<IndexedObject, string | null>();

/** An object's namespace, kind and name as one key (see objectKey); undefined when it has no name. */
export function keyOf(indexed: IndexedObject): string | undefined {
  let key = keys.get(indexed);
  if (key === undefined) {
    const name = nameOf(indexed.object);
    key = name === undefined ? null : objectKey(namespaceOf(indexed.object), indexed.object.kind, name);
    keys.set(indexed, key);
  }
  return key ?? undefined;
}

/**
 * The workloads in a namespace whose pods a LabelSelector selects (a PDB's `selector`, a NetworkPolicy's
 * `podSelector`), with the API server's meaning: `{}` selects every pod, a missing selector none.
 */
export function selectedByLabelSelector(context: WorkspaceRuleContext, namespace: string, selector: unknown): readonly Workload[] {
  if (!isRecord(selector)) return [];
  return selection(workloadIndex(context), namespace, selector, labelSelections, isRecord(selector.matchLabels) ? selector.matchLabels : {}, (workload) =>
    matchesLabelSelector(selector, workload.podLabels),
  );
}

/** The workloads in a namespace whose pods a Service's `spec.selector` selects; a Service without one selects none. */
export function selectedByServiceSelector(context: WorkspaceRuleContext, namespace: string, selector: unknown): readonly Workload[] {
  if (!isRecord(selector) || Object.keys(selector).length === 0) return [];
  return selection(workloadIndex(context), namespace, selector, serviceSelections, selector, (workload) => matchesLabelMap(selector, workload.podLabels));
}

/**
 * What a selector selected, by selector and namespace, with the list of the namespace's workloads it was chosen
 * from. A selector lives as long as its file's text; while its namespace keeps the same list of workloads (see
 * sameAsBefore), so does the selection, however many other files change. Several rules ask about the same
 * selector (a Service's, a PDB's) in one run, and every run asks again.
 */
type Selections = WeakMap<object, Map<string, { from: readonly Workload[]; selected: readonly Workload[] }>>;

const labelSelections: Selections = new WeakMap();
const serviceSelections: Selections = new WeakMap();

function selection(
  index: WorkloadIndex,
  namespace: string,
  selector: object,
  selections: Selections,
  labels: Record<string, unknown>,
  matches: (workload: Workload) => boolean,
): readonly Workload[] {
  const from = index.byNamespace.get(namespace);
  if (from === undefined) return [];
  let perNamespace = selections.get(selector);
  if (perNamespace === undefined) {
    perNamespace = new Map();
    selections.set(selector, perNamespace);
  }
  const known = perNamespace.get(namespace);
  if (known !== undefined && known.from === from) return known.selected;
  const selected = candidatesFor(index, namespace, labels).filter(matches);
  perNamespace.set(namespace, { from, selected });
  return selected;
}

/** The workloads that may match a label map: those having its rarest label, or all in the namespace when it is empty. */
function candidatesFor(index: WorkloadIndex, namespace: string, labels: Record<string, unknown>): Workload[] {
  let smallest = index.byNamespace.get(namespace) ?? [];
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string') return [];
    const list = index.byLabel.get(labelKey(namespace, key, value)) ?? [];
    if (list.length < smallest.length) smallest = list;
  }
  return smallest;
}

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}

export function objectKey(namespace: string, kind: string, name: string): string {
  return `${namespace}\u0000${kind}\u0000${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
