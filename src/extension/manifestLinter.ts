import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isYamlName, lintableKindOf, looksBinary, SKIPPED_FOLDERS } from '../core/files';
import type { Finding } from '../core/findings';
import { ManifestIndex } from '../core/kubernetes/workspace/index';
import type { LintConfig } from '../core/rules/config';
import type { ConfigResolver } from './configResolver';
import { toDiagnostic } from './convert';
import { readSettings } from './settings';

export const MANIFEST_GLOB = '**/*.{yaml,yml}';

/** Code of the finding on a manifest too large to lint as one types (the CLI lints it). */
export const TOO_LARGE = 'yaml-too-large';

/** How long the first indexing may take before a progress indicator says it is going on. */
const PROGRESS_AFTER_MS = 400;

/**
 * Keeps the Problems panel in step with every Kubernetes manifest of the workspace. All manifests are indexed once
 * in the background; afterwards a change (typing, saving, a file created or deleted on disk) re-reads only that
 * file, and the workspace rules (a Deployment needs a PodDisruptionBudget somewhere) run again over the index.
 * An open document's text wins over the file on disk.
 */
export class ManifestLinter implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mlops-deploy-kubernetes');
  private index: ManifestIndex;
  /** Index keys (a local path, or the URI of a virtual file) and their URIs. */
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly configs = new Map<string, LintConfig>();
  /** The version of the open document each indexed text came from; undefined for text read from disk. */
  private readonly versions = new Map<string, number | undefined>();
  /** What was published per file, to leave unchanged files' diagnostics alone. */
  private readonly published = new Map<string, { signature: string; findings: Finding[]; version: number | undefined }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private evaluateTimer: NodeJS.Timeout | undefined;
  /** Settles when the first indexing of the workspace is done. */
  readonly ready: Promise<void>;

  constructor(
    private readonly docsRoot: vscode.Uri,
    private readonly output: vscode.OutputChannel,
    private readonly resolver: ConfigResolver,
  ) {
    this.index = this.newIndex();
    const watcher = vscode.workspace.createFileSystemWatcher(MANIFEST_GLOB);
    // A folder deleted, renamed or copied in comes as one event for the folder, which the YAML pattern never matches.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      this.diagnostics,
      watcher,
      folders,
      watcher.onDidCreate((uri) => void this.readFromDisk(uri)),
      watcher.onDidChange((uri) => void this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      folders.onDidDelete((uri) => this.removeUnder(uri)),
      folders.onDidCreate((uri) => void this.indexFolder(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidOpenTextDocument((doc) => this.updateFromDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      // Closing without saving leaves the file on disk as the truth again.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (ManifestLinter.handles(doc)) void this.readFromDisk(doc.uri);
      }),
    );
    this.ready = this.indexWorkspace();
  }

  static handles(document: vscode.TextDocument): boolean {
    const name = basename(document.uri.path);
    return isYamlName(name) && lintableKindOf(name) === 'kubernetes' && document.uri.scheme !== 'git' && document.uri.scheme !== 'output';
  }

  /** The findings behind a document's diagnostics, if they describe its current text. */
  findingsFor(document: vscode.TextDocument): Finding[] {
    const entry = this.published.get(keyOf(document.uri));
    return entry && (entry.version === undefined || entry.version === document.version) ? entry.findings : [];
  }

  /** Reads every setting and config file again and lints the whole workspace anew. */
  async refresh(): Promise<void> {
    this.index = this.newIndex();
    this.configs.clear();
    this.uris.clear();
    this.versions.clear();
    this.published.clear();
    this.diagnostics.clear();
    await this.indexWorkspace();
  }

  private newIndex(): ManifestIndex {
    return new ManifestIndex({
      config: (path) => this.configs.get(path),
      isChartFolder: (folder) => existsSync(join(folder, 'Chart.yaml')),
      onRuleError: (id, error) => this.output.appendLine(`Rule ${id} failed and was skipped: ${error instanceof Error ? error.stack : String(error)}`),
    });
  }

  private async indexWorkspace(): Promise<void> {
    const work = (async () => {
      const started = performance.now();
      const uris = await vscode.workspace.findFiles(MANIFEST_GLOB, excludeGlob());
      const open = new Map(vscode.workspace.textDocuments.map((doc) => [doc.uri.toString(), doc]));
      let count = 0;
      for (const uri of uris) {
        const doc = open.get(uri.toString());
        const text = doc ? doc.getText() : await this.read(uri);
        // A document opened while the file was being read has been indexed from its own text, which wins.
        if (!doc && isOpen(uri)) continue;
        if (text !== undefined && this.put(uri, text, doc?.version)) count++;
      }
      this.evaluate();
      this.output.appendLine(`Indexed ${count} Kubernetes manifest${count === 1 ? '' : 's'} of ${uris.length} YAML files in ${Math.round(performance.now() - started)} ms.`);
    })();
    const slow = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'MLOps Deploy: indexing Kubernetes manifests' }, () => work.catch(() => undefined));
    }, PROGRESS_AFTER_MS);
    try {
      await work;
    } catch (error) {
      this.output.appendLine(`Indexing the workspace's manifests failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      clearTimeout(slow);
    }
  }

  /** Reads a file as UTF-8; undefined (and a line in the output) when it cannot be read. */
  private async read(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.output.appendLine(`Cannot read ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (isOpen(uri) || isExcluded(uri)) return;
    if (!inWorkspace(uri)) {
      // A manifest from outside the workspace counted only while it was open.
      this.remove(uri);
      return;
    }
    const text = await this.read(uri);
    // The document may have been opened while the file was read: its text wins over the disk's.
    if (isOpen(uri)) return;
    if (text === undefined) this.remove(uri);
    else if (this.put(uri, text, undefined) || this.uris.has(keyOf(uri))) this.scheduleEvaluate();
  }

  private updateFromDocument(document: vscode.TextDocument): void {
    if (!ManifestLinter.handles(document) || isExcluded(document.uri)) return;
    if (this.put(document.uri, document.getText(), document.version)) this.evaluate();
  }

  /** Forgets every manifest under a deleted folder (or the file itself). */
  private removeUnder(uri: vscode.Uri): void {
    const prefix = keyOf(uri);
    const under = [...this.uris.keys()].filter((key) => key === prefix || key.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
    if (under.length === 0) return;
    for (const key of under) this.forget(key);
    this.evaluate();
  }

  /** Indexes the manifests of a folder that appeared (copied or renamed in); a file is left to the YAML watcher. */
  private async indexFolder(uri: vscode.Uri): Promise<void> {
    if (isExcluded(uri) || !inWorkspace(uri)) return;
    const isFolder = await vscode.workspace.fs.stat(uri).then(
      (stat) => (stat.type & vscode.FileType.Directory) !== 0,
      () => false,
    );
    if (!isFolder) return;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{yaml,yml}'), excludeGlob());
    let changed = false;
    for (const file of uris) {
      const text = isOpen(file) ? undefined : await this.read(file);
      if (text !== undefined && !isOpen(file) && this.put(file, text, undefined)) changed = true;
    }
    if (changed) this.scheduleEvaluate();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!ManifestLinter.handles(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.updateFromDocument(document);
      }, readSettings(document.uri).debounceMs),
    );
  }

  /**
   * Puts a file's text in the index when it holds a manifest, or takes it out when it no longer does. Returns
   * whether the index changed in a way that can change findings.
   */
  private put(uri: vscode.Uri, text: string, version: number | undefined): boolean {
    const key = keyOf(uri);
    const settings = readSettings(uri);
    const isManifest = settings.enable && !looksBinary(text) && lintableKindOf(basename(uri.path), text) === 'kubernetes';
    if (!isManifest) {
      const had = this.uris.has(key);
      this.forget(key);
      return had;
    }
    this.uris.set(key, uri);
    this.configs.set(key, this.resolver.configFor(uri, settings));
    const limit = settings.maxManifestKb * 1024;
    if (text.length > limit) {
      // Parsing megabytes on every keystroke would stall the editor; the file is left out of the index and says so.
      this.index.delete(key);
      const finding: Finding = {
        code: TOO_LARGE,
        severity: 'info',
        message: `This file is ${(text.length / 1024 / 1024).toFixed(1)} MB, more than the ${settings.maxManifestKb} KB linted as you type (setting mlopsDeploy.lint.maxManifestKb), so it is not checked and its objects are not part of the workspace rules. Run \`mlops-deploy lint\` on it.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      };
      this.publish(key, [finding], version);
      return true;
    }
    this.index.set(key, text);
    this.versions.set(key, version);
    return true;
  }

  private remove(uri: vscode.Uri): void {
    const key = keyOf(uri);
    if (!this.uris.has(key)) return;
    this.forget(key);
    this.evaluate();
  }

  private forget(key: string): void {
    const uri = this.uris.get(key);
    this.index.delete(key);
    this.uris.delete(key);
    this.configs.delete(key);
    this.versions.delete(key);
    this.published.delete(key);
    if (uri) this.diagnostics.delete(uri);
  }

  /** Many files changing at once on disk (a checkout) are evaluated together. */
  private scheduleEvaluate(): void {
    clearTimeout(this.evaluateTimer);
    this.evaluateTimer = setTimeout(() => this.evaluate(), 50);
  }

  /** Runs the workspace rules over the index and publishes what changed. */
  private evaluate(): void {
    clearTimeout(this.evaluateTimer);
    let all: Map<string, Finding[]>;
    try {
      all = this.index.findings();
    } catch (error) {
      this.output.appendLine(`Linting the workspace's manifests failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    for (const key of this.index.paths()) this.publish(key, all.get(key) ?? [], this.versions.get(key));
  }

  private publish(key: string, findings: Finding[], version: number | undefined): void {
    const uri = this.uris.get(key);
    if (!uri) return;
    const signature = JSON.stringify(findings.map((f) => [f.code, f.severity, f.message, f.range]));
    const before = this.published.get(key);
    this.published.set(key, { signature, findings, version });
    if (before?.signature === signature) return;
    this.diagnostics.set(
      uri,
      findings.map((f) => toDiagnostic(f, vscode.Uri.joinPath(this.docsRoot, `${f.code}.md`))),
    );
  }

  dispose(): void {
    clearTimeout(this.evaluateTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The index's name for a file: its local path (so Helm chart folders can be recognised), else its URI. */
function keyOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

function isExcluded(uri: vscode.Uri): boolean {
  return uri.path.split('/').some((segment) => SKIPPED_FOLDERS.has(segment));
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === key && !doc.isClosed);
}

/** Whether a file belongs to the workspace; one from elsewhere counts only while it is open in an editor. */
function inWorkspace(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/**
 * The folders the first indexing leaves out: .git and node_modules, and what the user excludes from search and
 * from the Explorer (a vendored chart, a virtualenv), as `findFiles` applies neither when given its own pattern.
 */
function excludeGlob(): string {
  const patterns = new Set([...SKIPPED_FOLDERS].map((folder) => `**/${folder}/**`));
  for (const section of ['search.exclude', 'files.exclude']) {
    const [scope, key] = section.split('.');
    const settings = vscode.workspace.getConfiguration(scope).get<Record<string, unknown>>(key) ?? {};
    for (const [pattern, on] of Object.entries(settings)) if (on === true) patterns.add(pattern);
  }
  return `{${[...patterns].join(',')}}`;
}
