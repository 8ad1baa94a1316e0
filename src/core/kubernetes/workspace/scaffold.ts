import type { Fix } from '../../findings';
import type { KubernetesObject } from '../parse';
import { describeWorkload, toYaml, type WorkloadDescription } from './generate';
import type { IndexedObject, WorkspaceRuleContext } from './rule';
import { nameOf, namespaceOf, type Workload } from './select';

/** What to create for a finding, and how to name it. */
export interface Scaffold {
  /** The kind of the object to create, and the namespace it goes into: its name must be free there. */
  kind: string;
  namespace: string;
  /** The name it gets when that is free (the workload's), else with `-<nameSuffix>` (and `-2`, `-3`…) added. */
  preferredName: string;
  nameSuffix: string;
  /** Builds the object under a name; undefined when it cannot be built (a workload without pod labels). */
  build(name: string): KubernetesObject | undefined;
  /** How the titles name it: `a PodDisruptionBudget for Deployment "model-server"`. */
  description: string;
  /** The new file's name without its extension: `model-server-pdb`. */
  fileStem: string;
  /** Comment lines written above the object. */
  comment?: readonly string[];
}

/**
 * The two ways of creating a missing object: appended to the file of the object that needs it (after `---`, with
 * the file's line breaks), or in a new file beside it. The new file's name is none of the workspace's files (`-2`,
 * `-3`… are added until it is free); the editor still creates it only if no such file exists. Undefined when the
 * object cannot be built.
 *
 * The rules run again on every change in the workspace, and the same object mostly needs the same fix each time,
 * so the fixes are kept per object that needs them, by what they depend on besides it: the name and file name.
 */
export function scaffoldSuggestions(context: WorkspaceRuleContext, on: IndexedObject, scaffold: Scaffold): Fix[] | undefined {
  const name = freeName(context, scaffold);
  const extension = /\.yml$/i.test(on.path) ? '.yml' : '.yaml';
  // The folder as the path writes it (`/` or `\\`), so that a sibling's path compares equal to the new file's.
  const folder = on.path.slice(0, Math.max(on.path.lastIndexOf('/'), on.path.lastIndexOf('\\')) + 1);
  const paths = takenPaths(context);
  let fileName = `${scaffold.fileStem}${extension}`;
  for (let n = 2; paths.has(folder + fileName); n++) fileName = `${scaffold.fileStem}-${n}${extension}`;
  const key = `${scaffold.kind}\u0000${name}\u0000${fileName}\u0000${scaffold.description}`;
  let perObject = fixes.get(on);
  if (perObject === undefined) {
    perObject = new Map();
    fixes.set(on, perObject);
  }
  if (!perObject.has(key)) perObject.set(key, build(on, scaffold, name, fileName));
  return perObject.get(key);
}

const fixes = new WeakMap<IndexedObject, Map<string, Fix[] | undefined>>();

function build(on: IndexedObject, scaffold: Scaffold, name: string, fileName: string): Fix[] | undefined {
  const object = scaffold.build(name);
  if (object === undefined) return undefined;
  const { lines, eol } = on;
  const text = toYaml(object, eol, scaffold.comment);
  const lastLine = lines.length - 1;
  const lastText = lines[lastLine] ?? '';
  // A file that ends with a line break has an empty last line; one that does not needs a break before `---`.
  const at = { line: lastLine, character: lastText.length };
  const appended = `${lastText === '' ? '' : eol}---${eol}${text}`;
  return [
    { title: `Create ${scaffold.description} in this file`, edits: [{ range: { start: at, end: at }, newText: appended }] },
    { title: `Create ${scaffold.description} in a new file (${fileName})`, edits: [], files: [{ relativePath: fileName, content: text }] },
  ];
}

function freeName(context: WorkspaceRuleContext, scaffold: Scaffold): string {
  const taken = takenNames(context, scaffold.kind);
  const key = (name: string): string => `${scaffold.namespace}\u0000${name}`;
  if (!taken.has(key(scaffold.preferredName))) return scaffold.preferredName;
  let name = `${scaffold.preferredName}-${scaffold.nameSuffix}`;
  for (let n = 2; taken.has(key(name)); n++) name = `${scaffold.preferredName}-${scaffold.nameSuffix}-${n}`;
  return name;
}

/** The names in use, gathered once per run of the rules (the object list is new on every run). */
const pathsInUse = new WeakMap<readonly IndexedObject[], Set<string>>();
const namesInUse = new WeakMap<readonly IndexedObject[], Map<string, Set<string>>>();

function takenPaths(context: WorkspaceRuleContext): Set<string> {
  let paths = pathsInUse.get(context.objects);
  if (paths === undefined) {
    paths = new Set(context.objects.map((indexed) => indexed.path));
    pathsInUse.set(context.objects, paths);
  }
  return paths;
}

function takenNames(context: WorkspaceRuleContext, kind: string): Set<string> {
  let byKind = namesInUse.get(context.objects);
  if (byKind === undefined) {
    byKind = new Map();
    namesInUse.set(context.objects, byKind);
  }
  let names = byKind.get(kind);
  if (names === undefined) {
    names = new Set(context.ofKind(kind).map((indexed) => `${namespaceOf(indexed.object)}\u0000${nameOf(indexed.object) ?? ''}`));
    byKind.set(kind, names);
  }
  return names;
}

/**
 * The suggestions creating an object for a workload (or an object that stands for one, such as an Argo Rollout that
 * borrows a Deployment's pods), built from the workload's manifest as written (not as a
 * kustomization renders it, whose namespace and labels Kustomize adds again): named as the workload, or
 * `<workload>-<suffix>` when that name is taken, in `<workload>-<suffix>.yaml` for a new file.
 */
export function scaffold(
  context: WorkspaceRuleContext,
  workload: Pick<Workload, 'indexed' | 'name' | 'namespace'>,
  kind: string,
  suffix: string,
  builder: (description: WorkloadDescription, name: string) => KubernetesObject | undefined,
  description: string,
  comment?: readonly string[],
): Fix[] | undefined {
  const written = workload.indexed.document.object;
  if (workload.name === undefined || written === undefined) return undefined;
  return scaffoldSuggestions(context, workload.indexed, {
    kind,
    namespace: workload.namespace,
    preferredName: workload.name,
    nameSuffix: suffix,
    build: (name) => {
      const described = describeWorkload(written);
      return described && builder(described, name);
    },
    description,
    fileStem: `${workload.name}-${suffix}`,
    comment,
  });
}
