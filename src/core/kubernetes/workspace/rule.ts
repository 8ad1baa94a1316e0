import type { RuleMeta } from '../../rules/rule';
import type { KubernetesObject, ManifestDocument } from '../parse';
import type { KubernetesReport } from '../rule';

/** One Kubernetes object of the workspace, with where it lives. */
export interface IndexedObject {
  /** The file's path as given to the index (absolute in the editor and the CLI). */
  readonly path: string;
  /** The document that holds the object; `document.locate(jsonPath)` gives ranges, as for per-object rules. */
  readonly document: ManifestDocument;
  readonly object: KubernetesObject;
  /** The file's lines, split at the same line breaks as the ranges, for rules that build edits. */
  readonly lines: readonly string[];
  /** The file's line break (`\n` or `\r\n`), so that inserted lines match the others. */
  readonly eol: string;
}

export interface WorkspaceRuleContext {
  /** Every Kubernetes object in the workspace (all files given), in a stable order: by path, then by document. */
  readonly objects: readonly IndexedObject[];
  /** The objects of these kinds (exact `kind` match), e.g. `ofKind('Deployment', 'StatefulSet')`. */
  ofKind(...kinds: string[]): readonly IndexedObject[];
  /** A finding on `on` (the object that lacks something), at `report.path` inside it. */
  report(on: IndexedObject, report: KubernetesReport): void;
}

/**
 * A rule about how the objects of a workspace fit together (a Deployment and the Service, HPA or PDB for it), which
 * no single object can answer. The engine runs it once over every object of every file given.
 */
export interface WorkspaceRule extends Omit<RuleMeta, 'kind'> {
  kind: 'kubernetes';
  scope: 'workspace';
  check(context: WorkspaceRuleContext): void;
}

export function workspaceRule(meta: Omit<WorkspaceRule, 'kind' | 'scope' | 'check'>, check: (context: WorkspaceRuleContext) => void): WorkspaceRule {
  return { ...meta, kind: 'kubernetes', scope: 'workspace', check };
}
