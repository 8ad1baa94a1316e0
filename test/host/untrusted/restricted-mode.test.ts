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

suite('restricted mode: manifests and commands', () => {
  test('Kubernetes manifests are still linted, across files', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    await waitForDiagnostics(editor.document.uri, (diagnostics) =>
      diagnostics.some((diagnostic) => diagnostic.source === 'mlops-deploy' && String((diagnostic.code as { value: string }).value) === 'MLO201'),
    );
  });

  test('"New Deployment" writes nothing in an untrusted workspace', async () => {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'untrusted-scaffold');
    const result = await vscode.commands.executeCommand('mlopsDeploy.newDeployment', { answers: { target: 'fastapi', name: 'iris' }, folder: folder.fsPath });
    assert.equal(result, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(folder)));
  });
});
