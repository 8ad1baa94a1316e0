import * as vscode from 'vscode';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { configFilesFor, mergeConfigs, parseConfigFile, type LintConfig } from '../core/rules/config';
import { ruleIds } from '../core/rules/registry';
import { toRange } from './convert';
import type { LintSettings } from './settings';

/**
 * The lint config that applies to a file: the `configFile` setting, else the nearest `.hadolint.yaml` and
 * `.mlops-deploy.yaml` above it within its workspace folder, then the settings' own overrides. Files are read once
 * and kept until `clear()` (a config file or a setting changed). Problems in a config file are shown on that file;
 * what could be read is used. Only local files are read: on a virtual file system only the settings apply.
 */
export class ConfigResolver implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mlops-deploy-config');
  private readonly cache = new Map<string, LintConfig | undefined>();

  constructor(private readonly output: vscode.OutputChannel) {}

  configFor(uri: vscode.Uri, settings: LintSettings): LintConfig {
    return mergeConfigs(this.fileConfig(uri, settings.configFile), settings.overrides);
  }

  /** Forgets every file read, so the next lint reads them again and reports their problems afresh. */
  clear(): void {
    this.cache.clear();
    this.diagnostics.clear();
  }

  private fileConfig(uri: vscode.Uri, setting: string): LintConfig | undefined {
    if (uri.scheme !== 'file') return undefined;
    const key = `${dirname(uri.fsPath)}\0${setting}`;
    if (!this.cache.has(key)) {
      const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
      let paths: string[];
      if (setting) {
        const path = isAbsolute(setting) ? setting : folder ? join(folder, setting) : undefined;
        paths = path ? [path] : [];
      } else {
        paths = configFilesFor(dirname(uri.fsPath), existsSync, process.env, folder);
      }
      this.cache.set(key, mergeConfigs(...paths.map((path) => this.readConfigFile(path))));
    }
    return this.cache.get(key);
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
    this.diagnostics.set(
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
    this.diagnostics.dispose();
  }
}
