import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, waitForDiagnostics } from '../util';

suite('restricted mode', () => {
  test('the workspace is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('Dockerfiles are still linted', async () => {
    const editor = await openFixture('Dockerfile');
    await waitForDiagnostics(editor.document.uri, (diagnostics) =>
      diagnostics.some((diagnostic) => diagnostic.source === 'mlops-deploy'),
    );
    assert.equal(vscode.workspace.isTrusted, false);
  });
});
