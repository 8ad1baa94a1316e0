import * as vscode from 'vscode';
import { basename } from 'node:path';
import { initShellParser } from '../core/dockerfile/bash';
import { DOCKERFILE_GLOB, lintableKindOf, SKIPPED_FOLDERS } from '../core/files';
import { ruleIds } from '../core/rules/registry';
import { CREATE_FILES_COMMAND, createFilesForFix, LintCodeActions, type CreateFilesArgs } from './codeActions';
import { registerCommands } from './commands';
import { ConfigResolver } from './configResolver';
import { DocumentLinter } from './documentLinter';
import { RuleDocHover } from './hover';
import { ManifestLinter } from './manifestLinter';
import { newDeployment, type NewDeploymentArgs } from './scaffold';

declare global {
  // Set by the bundle's first line (see scripts/build.mjs) so activation time includes loading the bundle.
  var __mlopsDeployLoadStart: number | undefined;
}

export interface MlopsDeployApi {
  /** Milliseconds from the bundle starting to load to the end of activate(). */
  activationMs: number;
  /** Settles when the workspace's Kubernetes manifests have been indexed once. */
  manifestsIndexed: Promise<void>;
}

const LINTED_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { pattern: DOCKERFILE_GLOB },
  { language: 'yaml' },
  { pattern: '**/*.{yaml,yml}' },
  { language: 'triton-pbtxt' },
  { pattern: '**/config.pbtxt' },
];

export function activate(context: vscode.ExtensionContext): MlopsDeployApi {
  const started = globalThis.__mlopsDeployLoadStart ?? performance.now();
  const output = vscode.window.createOutputChannel('MLOps Deploy');
  const docsRoot = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const configs = new ConfigResolver(output);
  const linter = new DocumentLinter(docsRoot, output, configs);
  const manifests = new ManifestLinter(docsRoot, output, configs);
  const refresh = (): void => {
    configs.clear();
    linter.refresh();
    void manifests.refresh();
  };
  context.subscriptions.push(
    output,
    configs,
    linter,
    manifests,
    vscode.languages.registerCodeActionsProvider(LINTED_SELECTOR, new LintCodeActions([linter, manifests]), LintCodeActions.metadata),
    vscode.languages.registerHoverProvider(LINTED_SELECTOR, new RuleDocHover(docsRoot)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mlopsDeploy.lint') || event.affectsConfiguration('mlopsDeploy.kubernetes') || event.affectsConfiguration('mlopsDeploy.dockerfile')) refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
  );
  for (const pattern of ['**/.mlops-deploy.{yaml,yml}', '**/.hadolint.{yaml,yml}']) {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    context.subscriptions.push(watcher, watcher.onDidCreate(refresh), watcher.onDidChange(refresh), watcher.onDidDelete(refresh));
  }
  registerCommands(context, output, [
    {
      // Writing a file the user asked for through a quick fix runs nothing, so it is allowed in restricted mode.
      id: CREATE_FILES_COMMAND,
      requiresTrust: false,
      run: (args?: unknown) => createFilesForFix(args as CreateFilesArgs),
    },
    {
      id: 'mlopsDeploy.lintWorkspace',
      requiresTrust: false,
      run: async () => {
        const exclude = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;
        const files = [
          ...(await vscode.workspace.findFiles(DOCKERFILE_GLOB, exclude)),
          ...(await vscode.workspace.findFiles('**/{config.pbtxt,mlops.yaml,mlops.yml}', exclude)),
        ];
        const linted = files.filter((uri) => lintableKindOf(basename(uri.path)) !== undefined);
        linter.pin(linted);
        for (const uri of linted) linter.lintNow(await vscode.workspace.openTextDocument(uri));
        const count = linted.length;
        await manifests.refresh();
        void vscode.window.showInformationMessage(`MLOps Deploy linted ${count} file${count === 1 ? '' : 's'} and the workspace's Kubernetes manifests.`);
        return count;
      },
    },
    {
      // Writes files from templates, some of which a workspace setting may supply: only in a trusted workspace.
      id: 'mlopsDeploy.newDeployment',
      requiresTrust: true,
      run: (args?: unknown) => newDeployment((args ?? {}) as NewDeploymentArgs),
    },
    {
      id: 'mlopsDeploy.showRuleDoc',
      requiresTrust: false,
      run: async (id?: unknown) => {
        const code = typeof id === 'string' ? id : await vscode.window.showQuickPick([...ruleIds], { placeHolder: 'Rule id' });
        if (!code) return;
        if (!ruleIds.has(code)) throw new Error(`There is no rule ${code}.`);
        await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(docsRoot, `${code}.md`));
      },
    },
  ]);
  // Until the Bash parser has loaded (a few milliseconds, off the activation path), RUN bodies are read by the
  // tokenizer; lint again with the parser once it is there.
  initShellParser().then(
    () => linter.refresh(),
    (error: unknown) => output.appendLine(`The Bash parser could not be loaded; RUN bodies are read by the fallback tokenizer: ${String(error)}`),
  );
  const activationMs = performance.now() - started;
  output.appendLine(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { activationMs, manifestsIndexed: manifests.ready };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
