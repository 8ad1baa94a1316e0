import * as vscode from 'vscode';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { dockerignoreCandidates, isDockerfileName } from '../core/files';
import type { Finding } from '../core/findings';
import { lintDockerfile } from '../core/dockerfile/lint';
import { configFilesFor, mergeConfigs, parseConfigFile, type LintConfig } from '../core/rules/config';
import { ruleIds } from '../core/rules/registry';
import { toDiagnostic, toRange } from './convert';
import { readSettings } from './settings';

/**
 * Keeps the Problems panel in step with open Dockerfiles: lints on open, on change (debounced), when a setting,
 * a config file or a .dockerignore changes, and clears on close. Findings are kept per document for the code
 * actions, which need the fixes the diagnostics cannot carry.
 */
export class DockerfileLinter implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mlops-deploy');
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('mlops-deploy-config');
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * What each lint would otherwise read from disk on every keystroke: the config that applies to a file and whether
   * a .dockerignore applies to it. Cleared whenever a watched file or a setting changes.
   */
  private readonly folderFacts = new Map<string, { config: LintConfig | undefined; hasDockerignore: boolean | undefined }>();

  constructor(
    private readonly docsRoot: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      this.diagnostics,
      this.configDiagnostics,
      vscode.workspace.onDidOpenTextDocument((doc) => this.lintNow(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('mlopsDeploy.lint')) this.refresh();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    );
    for (const pattern of ['**/.mlops-deploy.{yaml,yml}', '**/.hadolint.{yaml,yml}', '**/*.dockerignore', '**/.dockerignore']) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const relint = (): void => this.refresh();
      this.disposables.push(watcher, watcher.onDidCreate(relint), watcher.onDidChange(relint), watcher.onDidDelete(relint));
    }
    this.lintAllOpen();
  }

  static isDockerfile(document: vscode.TextDocument): boolean {
    return document.languageId === 'dockerfile' || isDockerfileName(basename(document.uri.path));
  }

  /** The findings behind the diagnostics of a document, if they describe its current text. */
  findingsFor(document: vscode.TextDocument): Finding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** Forgets what was read from disk and lints every open Dockerfile again. */
  refresh(): void {
    this.folderFacts.clear();
    // A config file that was fixed or deleted must not keep its old problems; reading it again reports what is left.
    this.configDiagnostics.clear();
    this.lintAllOpen();
  }

  lintAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.lintNow(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!DockerfileLinter.isDockerfile(document)) return;
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
    if (!DockerfileLinter.isDockerfile(document) || document.isClosed) return [];
    const settings = readSettings(document.uri);
    if (!settings.enable) {
      this.forget(document.uri);
      return [];
    }
    const facts = this.factsFor(document.uri, settings.configFile);
    const findings = lintDockerfile(document.getText(), {
      config: mergeConfigs(facts.config, settings.overrides),
      facts: { hasDockerignore: facts.hasDockerignore },
      onRuleError: (id, error) => this.output.appendLine(`Rule ${id} failed on ${document.uri.fsPath} and was skipped: ${error instanceof Error ? error.stack : String(error)}`),
    });
    this.findings.set(document.uri.toString(), { version: document.version, findings });
    this.diagnostics.set(
      document.uri,
      findings.map((f) => toDiagnostic(f, vscode.Uri.joinPath(this.docsRoot, `${f.code}.md`))),
    );
    return findings;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.diagnostics.delete(uri);
  }

  /**
   * What a lint needs from the file system. Only local files are looked at: on a virtual file system the config
   * file and the .dockerignore stay unknown, and the rules that need them stay silent.
   */
  private factsFor(uri: vscode.Uri, configSetting: string): { config: LintConfig | undefined; hasDockerignore: boolean | undefined } {
    if (uri.scheme !== 'file') return { config: undefined, hasDockerignore: undefined };
    const key = `${uri.fsPath}\0${configSetting}`;
    let facts = this.folderFacts.get(key);
    if (!facts) {
      const dir = dirname(uri.fsPath);
      facts = {
        config: this.configFileFor(uri, configSetting),
        hasDockerignore: dockerignoreCandidates(basename(uri.fsPath)).some((name) => existsSync(join(dir, name))),
      };
      this.folderFacts.set(key, facts);
    }
    return facts;
  }

  /**
   * The config file for a document: the `configFile` setting, else the nearest `.mlops-deploy.yaml` above it
   * within its workspace folder. Problems in the file are shown on the file itself; what could be read is used.
   */
  private configFileFor(uri: vscode.Uri, setting: string): LintConfig | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    let paths: string[];
    if (setting) {
      const path = isAbsolute(setting) ? setting : folder ? join(folder, setting) : undefined;
      paths = path ? [path] : [];
    } else {
      paths = configFilesFor(dirname(uri.fsPath), existsSync, process.env, folder);
    }
    return mergeConfigs(...paths.map((path) => this.readConfigFile(path)));
  }

  private readConfigFile(path: string): LintConfig | undefined {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      this.output.appendLine(`Cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return undefined;
    }
    const parsed = parseConfigFile(text, ruleIds);
    this.configDiagnostics.set(
      vscode.Uri.file(path),
      parsed.problems.map((p) => {
        const d = new vscode.Diagnostic(toRange(p.range), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'mlops-deploy';
        return d;
      }),
    );
    return parsed.config;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
