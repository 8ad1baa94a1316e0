import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dockerignoreCandidates, isDockerfileName, isMlopsFileName, isTritonConfigName, listLocalDirectory } from '../core/files';
import type { Finding } from '../core/findings';
import { lintDockerfile } from '../core/dockerfile/lint';
import { lintMlopsFile } from '../core/mlops/lint';
import { lintTritonConfig } from '../core/triton/lint';
import type { ConfigResolver } from './configResolver';
import { toDiagnostic } from './convert';
import { readSettings } from './settings';

/** The files linted one at a time, each on its own text: Dockerfiles, Triton configs and mlops.yaml. */
export type DocumentKind = 'dockerfile' | 'triton' | 'mlops';

/** Schemes that show another version of a file (an SCM diff's old side), not a file to lint. */
const NOT_LINTED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm']);

export function documentKindOf(document: vscode.TextDocument): DocumentKind | undefined {
  if (NOT_LINTED_SCHEMES.has(document.uri.scheme)) return undefined;
  const name = basename(document.uri.path);
  if (isMlopsFileName(name)) return 'mlops';
  if (document.languageId === 'triton-pbtxt' || isTritonConfigName(name)) return 'triton';
  if (document.languageId === 'dockerfile' || isDockerfileName(name)) return 'dockerfile';
  return undefined;
}

/**
 * Keeps the Problems panel in step with open Dockerfiles, Triton configs and mlops.yaml files: lints on open, on
 * change (debounced), when a setting, a config file or a .dockerignore changes, and clears on close. Findings are
 * kept per document for the code actions, which need the fixes the diagnostics cannot carry.
 */
export class DocumentLinter implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mlops-deploy');
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Files "Lint the Workspace" linted: their findings outlive the document VS Code opened to read them. */
  private readonly pinned = new Set<string>();
  /** Whether a .dockerignore applies to a Dockerfile, which would otherwise be read on every keystroke. */
  private readonly dockerignores = new Map<string, boolean>();

  constructor(
    private readonly docsRoot: vscode.Uri,
    private readonly output: vscode.OutputChannel,
    private readonly configs: ConfigResolver,
  ) {
    this.disposables.push(
      this.diagnostics,
      vscode.workspace.onDidOpenTextDocument((doc) => this.lintNow(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
    );
    const relint = (): void => this.refresh();
    for (const pattern of ['**/*.dockerignore', '**/.dockerignore']) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern, false, true, false);
      this.disposables.push(watcher, watcher.onDidCreate(relint), watcher.onDidDelete(relint));
    }
    // A model version folder made or removed in the editor changes what MLO506 sees in a Triton model's folder.
    this.disposables.push(vscode.workspace.onDidCreateFiles(relint), vscode.workspace.onDidDeleteFiles(relint), vscode.workspace.onDidRenameFiles(relint));
    this.lintAllOpen();
  }

  static handles(document: vscode.TextDocument): boolean {
    return documentKindOf(document) !== undefined;
  }

  /** The findings behind the diagnostics of a document, if they describe its current text. */
  findingsFor(document: vscode.TextDocument): Finding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** Forgets what was read from disk and lints every open document again. */
  refresh(): void {
    this.dockerignores.clear();
    this.lintAllOpen();
  }

  lintAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.lintNow(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!DocumentLinter.handles(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = readSettings(document.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lintNow(document);
      }, delay),
    );
  }

  lintNow(document: vscode.TextDocument): Finding[] {
    const kind = documentKindOf(document);
    if (kind === undefined || document.isClosed) return [];
    const settings = readSettings(document.uri);
    if (!settings.enable) {
      this.forget(document.uri);
      return [];
    }
    const config = this.configs.configFor(document.uri, settings);
    const onRuleError = (id: string, error: unknown): void =>
      this.output.appendLine(`Rule ${id} failed on ${document.uri.fsPath} and was skipped: ${error instanceof Error ? error.stack : String(error)}`);
    const local = document.uri.scheme === 'file';
    const text = document.getText();
    let findings: Finding[];
    switch (kind) {
      case 'triton':
        findings = lintTritonConfig(text, { path: local ? document.uri.fsPath : document.uri.path, listDirectory: local ? listLocalDirectory : undefined, config, onRuleError });
        break;
      case 'mlops':
        findings = lintMlopsFile(text, { config });
        break;
      default:
        findings = lintDockerfile(text, { config, facts: { hasDockerignore: this.hasDockerignore(document.uri) }, onRuleError });
    }
    this.findings.set(document.uri.toString(), { version: document.version, findings });
    this.diagnostics.set(
      document.uri,
      findings.map((f) => toDiagnostic(f, vscode.Uri.joinPath(this.docsRoot, `${f.code}.md`))),
    );
    return findings;
  }

  /**
   * Lints files that "Lint the Workspace" read without showing them. VS Code releases such documents after a few
   * minutes and reports them closed; their findings stay until the file itself goes away or is linted again.
   */
  pin(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) this.pinned.add(uri.toString());
  }

  private closed(document: vscode.TextDocument): void {
    if (this.pinned.has(document.uri.toString())) return;
    this.forget(document.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.diagnostics.delete(uri);
  }

  /** Only local files are looked at: on a virtual file system it stays unknown and MLO110 stays silent. */
  private hasDockerignore(uri: vscode.Uri): boolean | undefined {
    if (uri.scheme !== 'file') return undefined;
    let known = this.dockerignores.get(uri.fsPath);
    if (known === undefined) {
      const dir = dirname(uri.fsPath);
      known = dockerignoreCandidates(basename(uri.fsPath)).some((name) => existsSync(join(dir, name)));
      this.dockerignores.set(uri.fsPath, known);
    }
    return known;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
