import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { isKustomizationName } from '../../files';
import { isRecord, labelsOf } from '../objects';

/** The names Kustomize looks for in a folder, in its own order of preference. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/**
 * What a kustomization says that changes which objects exist and how they are rendered. (Its generators are read by
 * the rules from the Kustomization object itself.)
 */
export interface Kustomization {
  /** `resources`, `bases` (their old name) and `components`, as written: files, folders or remote targets. */
  resources: string[];
  /** `namespace`: set on every namespaced object it renders, replacing the objects' own. */
  namespace?: string;
  /** Labels added to objects, pod templates and selectors (`commonLabels`, `labels` with `includeSelectors`). */
  selectorLabels: Record<string, string>;
  /** Labels added to objects and pod templates only (`labels` with `includeTemplates`). */
  templateLabels: Record<string, string>;
  /** Labels added to objects' own metadata only (`labels` without either option). */
  metadataLabels: Record<string, string>;
}

/**
 * Reads a kustomization's text. It never throws: text that is not a mapping, or not valid YAML, is a kustomization
 * that adds nothing, and fields of the wrong type are ignored (the per-file checks report broken YAML).
 */
export function readKustomization(text: string): Kustomization {
  let value: unknown;
  try {
    // Kustomize rejects a kustomization with a syntax error; the parser's recovered guess is not what it means.
    const document = parseDocument(text, { version: '1.1', logLevel: 'silent' });
    value = document.errors.length === 0 ? document.toJS({ maxAliasCount: 1000 }) : undefined;
  } catch {
    value = undefined;
  }
  const root = isRecord(value) ? value : {};
  const strings = (field: unknown): string[] => (Array.isArray(field) ? field.filter((item): item is string => typeof item === 'string' && item !== '') : []);
  const kustomization: Kustomization = {
    resources: [...strings(root.resources), ...strings(root.bases), ...strings(root.components)],
    namespace: typeof root.namespace === 'string' && root.namespace !== '' ? root.namespace : undefined,
    selectorLabels: labelsOf(root.commonLabels),
    templateLabels: {},
    metadataLabels: {},
  };
  if (Array.isArray(root.labels)) {
    for (const entry of root.labels) {
      if (!isRecord(entry)) continue;
      const target = entry.includeSelectors === true ? kustomization.selectorLabels : entry.includeTemplates === true ? kustomization.templateLabels : kustomization.metadataLabels;
      Object.assign(target, labelsOf(entry.pairs));
    }
  }
  return kustomization;
}

/** A git URL or a URL: Kustomize fetches it, the workspace does not hold it. */
function isRemoteResource(resource: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(resource) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(resource);
}

/** How a kustomization changes the objects it renders; the outermost kustomization's settings apply last. */
export interface Rendering {
  namespace?: string;
  selectorLabels: Record<string, string>;
  templateLabels: Record<string, string>;
  metadataLabels: Record<string, string>;
}

/** An object rendered by no kustomization: as written. */
export const AS_WRITTEN: Rendering = { selectorLabels: {}, templateLabels: {}, metadataLabels: {} };

/**
 * How each file of a workspace is rendered, given the kustomizations among its files: a file that no kustomization
 * lists once as written; a file that kustomizations list once per top-level kustomization that reaches it (a base
 * that a `dev` and a `prod` overlay both use is rendered into both namespaces, as `kustomize build` would). A
 * kustomization that no other one lists is a top level. Resources name files, or folders holding a kustomization.
 * Files are absent from the result when they are rendered as written.
 */
export function renderingsOf(paths: ReadonlySet<string>, kustomizations: ReadonlyMap<string, Kustomization>): Map<string, Rendering[]> {
  /** A kustomization's members: the files and the kustomizations its resources name. */
  const members = new Map<string, { files: string[]; children: string[] }>();
  const listed = new Set<string>();
  for (const [path, kustomization] of kustomizations) {
    const files: string[] = [];
    const children: string[] = [];
    for (const resource of kustomization.resources) {
      if (isRemoteResource(resource)) continue;
      const target = join(dirname(path), resource);
      if (paths.has(target) && !kustomizations.has(target)) files.push(target);
      else {
        const child = kustomizations.has(target) ? target : KUSTOMIZATION_FILE_NAMES.map((name) => join(target, name)).find((candidate) => kustomizations.has(candidate));
        if (child !== undefined && child !== path) {
          children.push(child);
          listed.add(child);
        }
      }
    }
    members.set(path, { files, children });
  }
  const renderings = new Map<string, Rendering[]>();
  /** Kustomizations already rendered with given outer settings: a base that many overlays share is walked once each. */
  const done = new Set<string>();
  const visit = (path: string, outer: Rendering, seen: Set<string>): void => {
    // A kustomization that lists itself through a cycle is rendered once; Kustomize rejects the cycle.
    if (seen.has(path)) return;
    const key = `${path}\u0000${JSON.stringify(outer)}`;
    if (done.has(key)) return;
    done.add(key);
    seen.add(path);
    const own = kustomizations.get(path)!;
    const rendering: Rendering = {
      namespace: outer.namespace ?? own.namespace,
      selectorLabels: { ...own.selectorLabels, ...outer.selectorLabels },
      templateLabels: { ...own.templateLabels, ...outer.templateLabels },
      metadataLabels: { ...own.metadataLabels, ...outer.metadataLabels },
    };
    const entry = members.get(path)!;
    for (const file of [path, ...entry.files]) {
      const list = renderings.get(file) ?? [];
      if (!list.some((existing) => sameRendering(existing, rendering))) list.push(rendering);
      renderings.set(file, list);
    }
    for (const child of entry.children) visit(child, rendering, new Set(seen));
  };
  for (const path of [...kustomizations.keys()].sort()) {
    if (!listed.has(path)) visit(path, AS_WRITTEN, new Set());
  }
  // Kustomizations that only list each other in a cycle have no top level; they are rendered from any of them.
  for (const path of [...kustomizations.keys()].sort()) {
    if (!renderings.has(path)) visit(path, AS_WRITTEN, new Set());
  }
  return renderings;
}

export function sameRendering(a: Rendering, b: Rendering): boolean {
  return a === b || (a.namespace === b.namespace && sameLabels(a.selectorLabels, b.selectorLabels) && sameLabels(a.templateLabels, b.templateLabels) && sameLabels(a.metadataLabels, b.metadataLabels));
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Whether a rendering changes nothing. */
function isAsWritten(rendering: Rendering): boolean {
  return rendering.namespace === undefined && sameRendering(rendering, AS_WRITTEN);
}

/** What the path expansion needs of a file system; both may be synchronous or asynchronous. */
export interface KustomizeHost {
  /** The file's text, or undefined when it does not exist or is not a file. */
  readFile(path: string): Promise<string | undefined> | string | undefined;
  /** The names of a folder's entries, or undefined when it is not a folder. */
  listDir(path: string): Promise<string[] | undefined> | string[] | undefined;
}

/**
 * The given files and every file their kustomizations reach through `resources` (and `bases`, `components`),
 * recursively: listed files, and the kustomization file of each listed folder with what it lists in turn. Files
 * outside the given ones (`../../base`) are included, since the objects they hold are part of what is deployed.
 * Remote resources and missing paths are skipped. The given files come first, in their order; then the reached
 * ones, in the order they were found. Paths are joined with `node:path`'s `join`, so relative
 * paths stay relative and absolute ones absolute.
 */
export async function expandKustomizeResources(files: readonly string[], host: KustomizeHost): Promise<string[]> {
  const result = new Set(files);
  const queue = files.filter((file) => isKustomizationName(basename(file)));
  const read = new Set<string>();
  while (queue.length > 0) {
    const kustomizationPath = queue.shift()!;
    if (read.has(kustomizationPath)) continue;
    read.add(kustomizationPath);
    const text = await host.readFile(kustomizationPath);
    if (text === undefined) continue;
    for (const resource of readKustomization(text).resources) {
      if (isRemoteResource(resource)) continue;
      const target = join(dirname(kustomizationPath), resource);
      const entries = await host.listDir(target);
      if (entries === undefined) {
        // Kustomize reads any file it is given; a listed file that is not YAML by name still holds objects.
        if (!result.has(target) && (await host.readFile(target)) !== undefined) result.add(target);
        if (isKustomizationName(basename(target))) queue.push(target);
        continue;
      }
      const name = KUSTOMIZATION_FILE_NAMES.find((candidate) => entries.includes(candidate));
      if (name === undefined) continue;
      const child = join(target, name);
      result.add(child);
      queue.push(child);
    }
  }
  return [...result];
}

/** Kinds without a namespace, which Kustomize's `namespace` leaves alone. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'ClusterIssuer',
  'CiliumClusterwideNetworkPolicy',
  'GlobalNetworkPolicy',
]);

function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/**
 * The object as `kustomize build` renders it: the namespace set on a namespaced object, and the labels added to its
 * metadata, to its pod template (`spec.template`, a CronJob's `spec.jobTemplate.spec.template`) and to its
 * selectors. Selectors are extended where they already exist, and a workload's own `spec.selector.matchLabels` is
 * created, as Kustomize's field specs do. The object given is not changed; a rendering that changes nothing
 * returns it as it is.
 */
export function renderObject<T extends Record<string, unknown>>(object: T, rendering: Rendering): T {
  if (isAsWritten(rendering)) return object;
  const rendered = structuredClone(object) as Record<string, unknown>;
  const kind = rendered.kind;
  const metadata = mapAt(rendered, 'metadata');
  if (rendering.namespace !== undefined && !isClusterScoped(String(kind))) metadata.namespace = rendering.namespace;
  const objectLabels = { ...rendering.metadataLabels, ...rendering.templateLabels, ...rendering.selectorLabels };
  if (Object.keys(objectLabels).length > 0) Object.assign(mapAt(metadata, 'labels'), objectLabels);
  const podLabels = { ...rendering.templateLabels, ...rendering.selectorLabels };
  const spec = rendered.spec;
  if (!isRecord(spec) || Object.keys(podLabels).length === 0) return rendered as T;
  const selectorLabels = rendering.selectorLabels;
  const hasSelectorLabels = Object.keys(selectorLabels).length > 0;
  for (const template of [spec.template, isRecord(spec.jobTemplate) && isRecord(spec.jobTemplate.spec) ? spec.jobTemplate.spec.template : undefined]) {
    if (isRecord(template)) Object.assign(mapAt(mapAt(template, 'metadata'), 'labels'), podLabels);
  }
  if (!hasSelectorLabels) return rendered as T;
  if (kind === 'Service' && isRecord(spec.selector)) Object.assign(spec.selector, selectorLabels);
  else if (kind === 'NetworkPolicy' && isRecord(spec.podSelector) && isRecord(spec.podSelector.matchLabels)) Object.assign(spec.podSelector.matchLabels, selectorLabels);
  else if (kind === 'PodDisruptionBudget' && isRecord(spec.selector) && isRecord(spec.selector.matchLabels)) Object.assign(spec.selector.matchLabels, selectorLabels);
  else if (isRecord(spec.template) && isRecord(spec.selector)) Object.assign(mapAt(spec.selector, 'matchLabels'), selectorLabels);
  return rendered as T;
}

/** The mapping at a key, created when it is missing or not a mapping. */
function mapAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}
