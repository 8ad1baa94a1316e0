// Helpers for tests that run inside the VS Code extension host, against the workspace the runner opened.
import * as vscode from 'vscode';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a file of the test workspace (a path relative to its first folder, with `/`) in an editor. */
export async function openFixture(relPath: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the host tests need a workspace folder, and none is open');
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ...relPath.split('/')));
  return vscode.window.showTextDocument(document);
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` accepts them, checking now and after every change
 * of that file's diagnostics; rejects after `timeoutMs` with the diagnostics seen last, to make a failure readable.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    const check = (): void => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) {
        finish();
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`diagnostics of ${uri.fsPath} did not match within ${timeoutMs} ms; last seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    check();
  });
}

/** The rule id of a diagnostic (`MLO102`), whether its code is a plain value or a `{ value, target }` link. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${diagnostic.source}(${diagnosticCode(diagnostic)}) ${line + 1}:${character + 1} ${diagnostic.message}`;
}
