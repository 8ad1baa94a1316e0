import * as vscode from 'vscode';

export interface CommandSpec {
  id: string;
  /** Commands that run processes, touch Docker or a cluster, or write outside the open file need a trusted workspace. */
  requiresTrust: boolean;
  run: (...args: unknown[]) => unknown;
}

/**
 * Registers every command through one wrapper: a command that needs trust is refused with a clear message in a
 * restricted workspace, and an error becomes a message instead of a silent rejection.
 */
export function registerCommands(context: vscode.ExtensionContext, output: vscode.OutputChannel, specs: readonly CommandSpec[]): void {
  for (const spec of specs) {
    context.subscriptions.push(
      vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
        if (spec.requiresTrust && !vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage('MLOps Deploy: this command needs a trusted workspace. In restricted mode only linting runs.');
          return undefined;
        }
        try {
          return await spec.run(...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          output.appendLine(`[${new Date().toISOString()}] ${spec.id} failed: ${error instanceof Error ? error.stack : message}`);
          void vscode.window.showErrorMessage(`MLOps Deploy: ${message}`);
          return undefined;
        }
      }),
    );
  }
}
