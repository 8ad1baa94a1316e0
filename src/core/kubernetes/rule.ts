import type { Fix, Range } from '../findings';
import type { RuleMeta } from '../rules/rule';
import { containersOf, workloadKindOf, type ContainerEntry, type ContainerList, type WorkloadKind } from './objects';
import type { JsonPath, KubernetesObject, ManifestDocument, PathLocation } from './parse';

/** What a Kubernetes rule hands to `report`: a path into the object, which the engine turns into a range. */
export interface KubernetesReport {
  /**
   * The field the finding is about. When it is missing, the finding sits on its nearest existing ancestor, so that
   * "no resources" is shown on the container that lacks them.
   */
  path: JsonPath;
  /** Whether the finding covers the field's key (the default) or its value, such as an image reference. */
  target?: 'key' | 'value';
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
}

export interface KubernetesRuleContext {
  readonly document: ManifestDocument;
  readonly object: KubernetesObject;
  /** The whole file's text, split at the same line breaks as the ranges, for rules that build edits. */
  readonly lines: readonly string[];
  /** The file's line break (`\n` or `\r\n`), so that inserted lines match the others. */
  readonly eol: string;
  /** The Kubernetes version the manifests are meant for (`1.28`), when one is configured. */
  readonly kubernetesVersion?: string;
  locate(path: JsonPath): PathLocation;
  report(report: KubernetesReport): void;
}

/**
 * A Kubernetes rule: the same metadata as a Dockerfile rule, with its own kind, and a check that the engine runs on
 * every Kubernetes object of every document in a file.
 */
export interface KubernetesRule extends Omit<RuleMeta, 'kind'> {
  kind: 'kubernetes';
  check(context: KubernetesRuleContext): void;
}

type Meta = Omit<KubernetesRule, 'kind' | 'check'>;

/** A rule about one object as a whole. */
export function perObject(meta: Meta, check: (context: KubernetesRuleContext) => void): KubernetesRule {
  return { ...meta, kind: 'kubernetes', check };
}

export interface ContainerRuleContext extends KubernetesRuleContext {
  readonly workload: WorkloadKind;
  readonly entry: ContainerEntry;
}

export interface ContainerRuleOptions {
  /** The container lists the rule reads; probes, for instance, mean nothing on an init container that runs once. */
  lists: readonly ContainerList[];
  /** The workload kinds the rule applies to; all when absent. */
  applies?: (workload: WorkloadKind, object: KubernetesObject) => boolean;
}

/** A rule about each container of a workload, called once per container in the lists it names. */
export function perContainer(meta: Meta, options: ContainerRuleOptions, check: (context: ContainerRuleContext) => void): KubernetesRule {
  return perObject(meta, (context) => {
    const workload = workloadKindOf(context.object);
    if (workload === undefined || (options.applies && !options.applies(workload, context.object))) return;
    for (const entry of containersOf(context.object)) {
      if (options.lists.includes(entry.list)) check({ ...context, workload, entry });
    }
  });
}

/**
 * Whether a workload's pods are meant to keep running, and so need probes: not a Job or CronJob, which run to
 * completion, and not a bare Pod whose restartPolicy lets it finish.
 */
export function isLongRunning(workload: WorkloadKind, object: KubernetesObject): boolean {
  if (workload === 'Job' || workload === 'CronJob') return false;
  if (workload !== 'Pod') return true;
  const spec = object.spec as Record<string, unknown> | undefined;
  const policy = spec && typeof spec === 'object' ? spec.restartPolicy : undefined;
  return policy === undefined || policy === 'Always';
}

/**
 * A finding's range on one line. A list item has no key, so a finding about it would otherwise cover the whole
 * container, and an editor would underline every line of it.
 */
export function onFirstLine(range: Range, lines: readonly string[]): Range {
  if (range.end.line === range.start.line) return range;
  const text = lines[range.start.line] ?? '';
  return { start: range.start, end: { line: range.start.line, character: Math.max(range.start.character, text.trimEnd().length) } };
}
