import { basename } from 'node:path';
import { compareFindings, type Finding } from '../../findings';
import { looksBinary, isKustomizationName } from '../../files';
import { configuredSeverity, type LintConfig } from '../../rules/config';
import { detectHelmTemplate, type HelmDetectionOptions } from '../helm';
import { lintManifest } from '../lint';
import { isRecord } from '../objects';
import { parseManifestFile, type JsonPath, type KubernetesObject, type ManifestDocument, type PathLocation } from '../parse';
import { onFirstLine, type KubernetesRule } from '../rule';
import { kubernetesRules } from '../rules';
import { isSuppressed, readSuppressions } from '../suppress';
import { readKustomization, renderingsOf, renderObject, sameRendering, AS_WRITTEN, type Kustomization, type Rendering } from './kustomize';
import type { IndexedObject, WorkspaceRule, WorkspaceRuleContext } from './rule';
import { workspaceRules as registeredWorkspaceRules } from './rules';

export interface ManifestFile {
  path: string;
  text: string;
}

export interface WorkspaceLintOptions {
  /** The config of each file (severity overrides); one config for all files, or one per path. */
  config?: LintConfig | ((path: string) => LintConfig | undefined);
  /** Passed to the Helm detection of each file (see lintManifest). */
  isChartFolder?: HelmDetectionOptions['isChartFolder'];
  /** Told when a rule throws; the other rules still run and the lint still returns. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The rules about single objects; all registered ones by default. */
  perObjectRules?: readonly KubernetesRule[];
  /** The rules about the workspace as a whole; all registered ones by default. */
  workspaceRules?: readonly WorkspaceRule[];
}

/**
 * Lints a set of files at once: each file's own findings (lintManifest) and the findings of the workspace rules
 * across all of them, per path, sorted. Every path given has an entry, empty when nothing is wrong. It never
 * throws. A path given twice counts once, with its last text.
 */
export function lintKubernetesFiles(files: readonly ManifestFile[], options: WorkspaceLintOptions = {}): Map<string, Finding[]> {
  const index = new ManifestIndex(options);
  for (const file of files) index.set(file.path, file.text);
  return index.findings();
}

/** The renderings of a file that no kustomization renders: as written. */
const ONLY_AS_WRITTEN: readonly Rendering[] = [AS_WRITTEN];

/** How many renderings of one file's objects are kept; a base shared by a few overlays has one per overlay. */
const MAX_RENDERINGS_KEPT = 16;

type Suppressions = ReturnType<typeof readSuppressions>;

/** One file of the index, with everything derived from its current text; replaced whole when the text changes. */
interface IndexedFile {
  readonly path: string;
  readonly text: string;
  readonly config: LintConfig | undefined;
  /** The rest is computed on first use, then kept until the text changes. */
  documents?: ManifestDocument[];
  lines?: string[];
  eol?: string;
  kustomization?: Kustomization;
  ownFindings?: Finding[];
  suppressions?: Suppressions;
  /** The file's objects under each rendering (as written, or as a kustomization renders them). */
  rendered?: Map<Rendering, IndexedObject[]>;
}

/**
 * The index the editor keeps of a workspace's manifests. `set` and `delete` only record the change; `findings`
 * parses and lints each changed file once (a file's own findings are kept until its text changes) and then runs the
 * workspace rules over all objects again, since a change in one file (a deleted PodDisruptionBudget) changes
 * findings in others. The config of a file is read when its text is set; re-set a file to apply a new config.
 */
export class ManifestIndex {
  private readonly files = new Map<string, IndexedFile>();
  private sortedPaths: string[] | undefined;
  private readonly options: WorkspaceLintOptions;

  constructor(options: WorkspaceLintOptions = {}) {
    this.options = options;
  }

  set(path: string, text: string): void {
    const existing = this.files.get(path);
    const config = this.configFor(path);
    if (existing && existing.text === text && existing.config === config) return;
    if (!existing) this.sortedPaths = undefined;
    this.files.set(path, { path, text, config });
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.sortedPaths = undefined;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    this.sortedPaths ??= [...this.files.keys()].sort();
    return [...this.sortedPaths];
  }

  /** Findings for every indexed file: its own (kept per text) and the workspace rules' (run again each time). */
  findings(): Map<string, Finding[]> {
    this.sortedPaths ??= [...this.files.keys()].sort();
    const paths = this.sortedPaths;
    const files = paths.map((path) => this.prepared(this.files.get(path)!));
    const kustomizations = new Map<string, Kustomization>();
    for (const file of files) if (file.kustomization) kustomizations.set(file.path, file.kustomization);
    const renderings = kustomizations.size > 0 ? renderingsOf(new Set(paths), kustomizations) : new Map<string, Rendering[]>();
    const objects: IndexedObject[] = [];
    for (const file of files) {
      // One push per object: spreading a file of many thousand documents into push() could overflow the stack.
      for (const rendering of renderings.get(file.path) ?? ONLY_AS_WRITTEN) for (const indexed of this.renderedObjects(file, rendering)) objects.push(indexed);
    }
    const workspaceFindings = this.runWorkspaceRules(objects);
    const result = new Map<string, Finding[]>();
    for (const file of files) {
      const own = file.ownFindings!;
      const added = workspaceFindings.get(file.path);
      result.set(file.path, added ? [...own, ...added].sort(compareFindings) : [...own]);
    }
    return result;
  }

  private configFor(path: string): LintConfig | undefined {
    const { config } = this.options;
    return typeof config === 'function' ? config(path) : config;
  }

  /** Parses and lints a file once per text. */
  private prepared(file: IndexedFile): IndexedFile {
    if (file.documents !== undefined) return file;
    const { text, path } = file;
    file.lines = text.split(/\r\n|\n|\r/);
    file.eol = text.includes('\r\n') ? '\r\n' : '\n';
    const skipped = looksBinary(text) || detectHelmTemplate(text, { path, isChartFolder: this.options.isChartFolder }) !== undefined;
    const parsed = skipped ? undefined : parseManifestFile(text);
    file.documents = parsed?.documents ?? [];
    if (!skipped && isKustomizationName(basename(path))) file.kustomization = readKustomization(text);
    file.ownFindings = lintManifest(text, {
      path,
      parsed,
      isChartFolder: this.options.isChartFolder,
      config: file.config,
      rules: this.options.perObjectRules ?? kubernetesRules,
      onRuleError: this.options.onRuleError,
    });
    file.rendered = new Map();
    return file;
  }

  private renderedObjects(file: IndexedFile, rendering: Rendering): IndexedObject[] {
    // Most files are rendered as written (AS_WRITTEN, the same object every time): found without a search.
    const asWritten = file.rendered!.get(rendering);
    if (asWritten !== undefined) return asWritten;
    // Renderings are rebuilt on every call; the same settings should find the objects already rendered.
    for (const [known, objects] of file.rendered!) if (sameRendering(known, rendering)) return objects;
    const objects = file.documents!.flatMap((document) => {
      const object = document.object ?? (file.kustomization && kustomizationObject(document.value));
      return object === undefined ? [] : [{ path: file.path, document, object: renderObject(object, rendering), lines: file.lines!, eol: file.eol! }];
    });
    // Editing a kustomization makes a new rendering at every keystroke; only the latest few are worth keeping.
    if (file.rendered!.size >= MAX_RENDERINGS_KEPT) file.rendered!.clear();
    file.rendered!.set(rendering, objects);
    return objects;
  }

  private runWorkspaceRules(objects: readonly IndexedObject[]): Map<string, Finding[]> {
    const byKind = new Map<string, IndexedObject[]>();
    for (const indexed of objects) {
      const list = byKind.get(indexed.object.kind);
      if (list) list.push(indexed);
      else byKind.set(indexed.object.kind, [indexed]);
    }
    // Several rules ask for the same kinds together (HPAs and ScaledObjects); each list is put together once per run.
    const ofKinds = new Map<string, readonly IndexedObject[]>();
    const ofKind = (...kinds: string[]): readonly IndexedObject[] => {
      if (kinds.length === 1) return byKind.get(kinds[0]) ?? [];
      const key = kinds.join('\u0000');
      let list = ofKinds.get(key);
      if (list === undefined) {
        list = kinds.flatMap((kind) => byKind.get(kind) ?? []);
        ofKinds.set(key, list);
      }
      return list;
    };
    const findings = new Map<string, Finding[]>();
    /** Findings already made, so that an object rendered by two overlays is reported once. */
    const seen = new Set<string>();
    for (const rule of this.options.workspaceRules ?? registeredWorkspaceRules) {
      if (!this.enabledAnywhere(rule)) continue;
      const context: WorkspaceRuleContext = {
        objects,
        ofKind,
        report: (on, { path, target, ...report }) => {
          const file = this.files.get(on.path);
          if (file === undefined) return;
          const severity = configuredSeverity(rule.id, rule.defaultSeverity, file.config);
          if (!severity) return;
          const location = locateCached(on.document, path);
          const range = onFirstLine(target === 'value' ? location.valueRange : location.range, on.lines);
          const finding: Finding = { code: rule.id, severity, range, ...report };
          const key = `${on.path}\u0000${rule.id}\u0000${range.start.line}:${range.start.character}\u0000${report.message}`;
          if (seen.has(key)) return;
          seen.add(key);
          file.suppressions ??= readSuppressions(file.lines!, file.documents!);
          if (isSuppressed(finding, file.suppressions)) return;
          const list = findings.get(on.path);
          if (list) list.push(finding);
          else findings.set(on.path, [finding]);
        },
      };
      try {
        rule.check(context);
      } catch (error) {
        this.options.onRuleError?.(rule.id, error);
      }
    }
    return findings;
  }

  /** Whether some file's config leaves the rule on; a rule off everywhere is not run at all. */
  private enabledAnywhere(rule: WorkspaceRule): boolean {
    if (typeof this.options.config !== 'function') return configuredSeverity(rule.id, rule.defaultSeverity, this.options.config) !== undefined;
    for (const file of this.files.values()) if (configuredSeverity(rule.id, rule.defaultSeverity, file.config) !== undefined) return true;
    return false;
  }
}

/**
 * A kustomization file as an object of kind Kustomization, which its `apiVersion` and `kind` make it anyway when
 * written; Kustomize does not require them, and rules still read its generators.
 */
function kustomizationObject(value: unknown): KubernetesObject | undefined {
  return isRecord(value) ? { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...value } : undefined;
}

/**
 * Locations by document and path. Workspace rules report the same places again on every run, and a document lives
 * as long as its file's text, so each place is looked up in the YAML once.
 */
const locations = new WeakMap<ManifestDocument, Map<string, PathLocation>>();

function locateCached(document: ManifestDocument, path: JsonPath): PathLocation {
  let perDocument = locations.get(document);
  if (perDocument === undefined) {
    perDocument = new Map();
    locations.set(document, perDocument);
  }
  const key = path.join('\u0000');
  let location = perDocument.get(key);
  if (location === undefined) {
    location = document.locate(path);
    perDocument.set(key, location);
  }
  return location;
}
