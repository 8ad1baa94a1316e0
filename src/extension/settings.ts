import * as vscode from 'vscode';
import type { LintConfig, SeveritySetting } from '../core/rules/config';
import { normaliseKubernetesVersion, normaliseSeverity } from '../core/rules/config';

export interface LintSettings {
  enable: boolean;
  debounceMs: number;
  configFile: string;
  /** Manifests larger than this many KiB are not linted as you type. */
  maxManifestKb: number;
  /** Severity overrides from the settings; they win over the config file. */
  overrides: LintConfig;
}

export function readSettings(scope?: vscode.Uri): LintSettings {
  const config = vscode.workspace.getConfiguration('mlopsDeploy.lint', scope);
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, value] of Object.entries(config.get<Record<string, unknown>>('rules') ?? {})) {
    const severity = normaliseSeverity(value);
    if (severity) rules[id.toUpperCase()] = severity;
  }
  return {
    enable: config.get<boolean>('enable', true),
    debounceMs: Math.max(0, Math.min(2000, config.get<number>('debounceMs', 120))),
    // A restricted workspace must not point the linter at an arbitrary file; VS Code ignores the workspace
    // value of this restricted setting there and this returns the user's own.
    configFile: config.get<string>('configFile', ''),
    maxManifestKb: Math.max(16, config.get<number>('maxManifestKb', 1024)),
    overrides: { rules, kubernetes: kubernetesSettings(scope), dockerfile: dockerfileSettings(scope) },
  };
}

/** `mlopsDeploy.dockerfile.hadolintParity`: on wins over the config file; off leaves the config file to decide. */
function dockerfileSettings(scope?: vscode.Uri): LintConfig['dockerfile'] {
  return vscode.workspace.getConfiguration('mlopsDeploy.dockerfile', scope).get<boolean>('hadolintParity', false) ? { hadolintParity: true } : undefined;
}

/** The cluster version the manifests are checked for; unset leaves it to the config file, then the newest bundled. */
function kubernetesSettings(scope?: vscode.Uri): LintConfig['kubernetes'] {
  const version = normaliseKubernetesVersion(vscode.workspace.getConfiguration('mlopsDeploy.kubernetes', scope).get<string>('version', ''));
  return version ? { version } : undefined;
}
