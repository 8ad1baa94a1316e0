import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('host harness', () => {
  test('the extension is installed, activates and reports its activation time', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number }>('mlops-deploy.mlops-deploy');
    assert.ok(extension, 'extension mlops-deploy.mlops-deploy is not installed in the host');
    const api = await extension.activate();
    assert.equal(typeof api.activationMs, 'number');
  });
});
