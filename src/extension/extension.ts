import * as vscode from 'vscode';
import { basename } from 'node:path';
import { initShellParser } from '../core/dockerfile/bash';
import { DOCKERFILE_GLOB, isDockerfileName, SKIPPED_FOLDERS } from '../core/files';
import { ruleIds } from '../core/rules/registry';
import { CREATE_FILES_COMMAND, createFilesForFix, DockerfileCodeActions, type CreateFilesArgs } from './codeActions';
import { registerCommands } from './commands';
import { DockerfileLinter } from './dockerfileLinter';
import { RuleDocHover } from './hover';

declare global {
  // Set by the bundle's first line (see scripts/build.mjs) so activation time includes loading the bundle.
  var __mlopsDeployLoadStart: number | undefined;
}

export interface MlopsDeployApi {
  /** Milliseconds from the bundle starting to load to the end of activate(). */
  activationMs: number;
}

const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { pattern: DOCKERFILE_GLOB },
];

export function activate(context: vscode.ExtensionContext): MlopsDeployApi {
  const started = globalThis.__mlopsDeployLoadStart ?? performance.now();
  const output = vscode.window.createOutputChannel('MLOps Deploy');
  const docsRoot = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const linter = new DockerfileLinter(docsRoot, output);
  context.subscriptions.push(
    output,
    linter,
    vscode.languages.registerCodeActionsProvider(DOCKERFILE_SELECTOR, new DockerfileCodeActions(linter), DockerfileCodeActions.metadata),
    vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, new RuleDocHover(docsRoot)),
  );
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
        const files = await vscode.workspace.findFiles(DOCKERFILE_GLOB, `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`);
        let count = 0;
        for (const uri of files.filter((f) => isDockerfileName(basename(f.path)))) {
          linter.lintNow(await vscode.workspace.openTextDocument(uri));
          count++;
        }
        void vscode.window.showInformationMessage(`MLOps Deploy linted ${count} Dockerfile${count === 1 ? '' : 's'}.`);
        return count;
      },
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
  return { activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
